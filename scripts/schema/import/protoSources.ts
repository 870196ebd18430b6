// The proto files one release's schema is built from: its roots and everything they import,
// each read from the repository that owns it at the release's tag. Import paths resolve as
// Istio's own build resolves them:
// - `istio.io/istio/…` is istio/istio itself (operator/pkg/apis/…/values_types.proto);
// - anything else is istio/api at the pinned commit, at its path or under common-protos/
//   (google/protobuf, gogoproto, k8s.io vendored protos);
// - a vendored proto istio/api no longer carries (the k8s.io protos left common-protos at 1.24) comes
//   from the newest earlier istio/api release that has it; the 1.24+ k8s protos are only the
//   Values proto's imports, the Kubernetes-typed fields themselves come from the OpenAPI definitions.
import type { GitRepo } from './gitRepo.ts';
import { finalTagsByMinor, type Release } from './releases.ts';

export interface ProtoFile { importPath: string; text: string }

const IMPORT = /^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;/gm;

/** The roots: `Values` (istio/istio), the spec (istio/api's operator.proto up to 1.23), `MeshConfig`. */
export function protoRoots(istio: GitRepo, release: Release, goSpec: string | undefined): string[] {
  const values = istio.files(release.istioTag).filter((f) => /^operator\/pkg\/apis\/(.+\/)?values_types\.proto$/.test(f));
  if (values.length !== 1) throw new Error(`${istio.name}@${release.istioTag}: expected one operator/pkg/apis/**/values_types.proto, found ${values.length}`);
  const roots = [`istio.io/istio/${values[0]}`];
  if (goSpec) roots.push(...kubernetesPackages(goSpec).map((p) => `${p}/generated.proto`));
  else roots.push('operator/v1alpha1/operator.proto');
  roots.push('mesh/v1alpha1/config.proto');
  return roots;
}

/** The k8s.io/api packages the Go spec's fields use, in order of first use. */
function kubernetesPackages(goSpec: string): string[] {
  const aliases = new Map<string, string>();
  for (const m of goSpec.matchAll(/^\s*(\w+)\s+"(k8s\.io\/api\/[^"]+)"/gm)) aliases.set(m[1], m[2]);
  const used: string[] = [];
  for (const m of goSpec.matchAll(/\b(\w+)\.[A-Z]\w*\s+`json:/g)) {
    const pkg = aliases.get(m[1]);
    if (pkg && !used.includes(pkg)) used.push(pkg);
  }
  return used;
}

export function protoClosure(istio: GitRepo, api: GitRepo, release: Release, roots: string[]): ProtoFile[] {
  const out = new Map<string, ProtoFile>();
  // istio/api is small: its protos at the pinned commit are read in one go (each git process costs ~50 ms).
  api.prefetch(release.apiCommit, api.files(release.apiCommit).filter((f) => f.endsWith('.proto')));
  let frontier = [...new Set(roots)];
  // Level by level, so each repository and revision is read in one `git cat-file` per level.
  while (frontier.length) {
    const located = frontier.map((importPath) => locate(istio, api, release, importPath));
    const byRev = new Map<string, { repo: GitRepo; rev: string; paths: string[] }>();
    for (const l of located) {
      const key = `${l.repo.name}@${l.read}`;
      if (!byRev.has(key)) byRev.set(key, { repo: l.repo, rev: l.read, paths: [] });
      byRev.get(key)!.paths.push(l.path);
    }
    for (const b of byRev.values()) b.repo.prefetch(b.rev, b.paths);
    const next = new Set<string>();
    for (const l of located) {
      const text = l.repo.read(l.read, l.path);
      out.set(l.importPath, { importPath: l.importPath, text });
      for (const m of text.matchAll(IMPORT)) if (!out.has(m[1])) next.add(m[1]);
    }
    frontier = [...next].filter((p) => !out.has(p));
  }
  return [...out.values()].sort((a, b) => (a.importPath < b.importPath ? -1 : 1));
}

interface Location { importPath: string; repo: GitRepo; read: string; path: string }

function locate(istio: GitRepo, api: GitRepo, release: Release, importPath: string): Location {
  const own = /^istio\.io\/istio\/(.+)$/.exec(importPath);
  if (own) {
    if (!istio.has(release.istioTag, own[1])) throw new Error(`${istio.name}@${release.istioTag}: no ${own[1]} (imported as ${importPath})`);
    return { importPath, repo: istio, read: release.istioTag, path: own[1] };
  }
  for (const p of [importPath, `common-protos/${importPath}`]) {
    if (api.has(release.apiCommit, p)) return { importPath, repo: api, read: release.apiCommit, path: p };
  }
  for (const tag of olderApiTags(api, release.version)) {
    const p = `common-protos/${importPath}`;
    if (api.has(tag, p)) return { importPath, repo: api, read: tag, path: p };
  }
  throw new Error(`${api.name}: no ${importPath} at ${release.apiTag} (the commit istio ${release.istioTag} pins) or any earlier release; the proto import cannot be resolved`);
}

/** Final istio/api tags of earlier minors, newest first (one per minor: its last patch). */
function olderApiTags(api: GitRepo, version: string): string[] {
  const minor = Number(version.split('.')[1]);
  return [...finalTagsByMinor(api.tagList())].filter(([m]) => m < minor).sort((a, b) => b[0] - a[0]).map(([, t]) => t);
}
