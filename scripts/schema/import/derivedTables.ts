// The per-release tables the import derives from Istio's tree besides the schemas, for the
// releases of this run. A partial run (--minors) merges its releases into the committed tables,
// release by release, so each table still covers every release in schemas/.
import fs from 'node:fs';
import path from 'node:path';
import { minorNumber } from '../sources.ts';
import { buildDeprecations, type DeprecationsFile, type DerivedRow } from './deprecationsImport.ts';
import type { GitRepo } from './gitRepo.ts';
import { renderedK8sTable, type RenderedTable } from './k8sRendered.ts';

type Versions = Array<{ version: string; istioTag: string }>;

const readJson = <T>(outDir: string, file: string): T | undefined => {
  const at = path.join(outDir, file);
  return fs.existsSync(at) ? JSON.parse(fs.readFileSync(at, 'utf8')) as T : undefined;
};

/** deprecations.json for this run: what each release's istioctl or chart flags. */
export function deprecationTable(istio: GitRepo, versions: Versions, outDir: string, partial: boolean): DeprecationsFile {
  const fresh = buildDeprecations(istio, versions);
  const committed = partial ? readJson<DeprecationsFile>(outDir, 'deprecations.json') : undefined;
  return committed ? mergeDeprecations(committed, fresh) : fresh;
}

/** k8s-rendered-fields.json for this run: the `k8s` settings each release renders. */
export function renderedFieldsTable(istio: GitRepo, versions: Versions, outDir: string, partial: boolean): RenderedTable {
  const fresh = renderedK8sTable(istio, versions);
  const committed = partial ? readJson<RenderedTable>(outDir, 'k8s-rendered-fields.json') : undefined;
  if (!committed) return fresh;
  return Object.fromEntries(Object.entries({ ...committed, ...fresh }).sort((a, b) => minorNumber(a[0]) - minorNumber(b[0])));
}

interface Flag { path: string; severity: 'warning' | 'error'; replacement: string }

/** The committed file with the fresh file's releases replaced, rebuilt as buildDeprecations writes it. */
export function mergeDeprecations(committed: DeprecationsFile, fresh: DeprecationsFile): DeprecationsFile {
  const perMinor = new Map<string, Flag[]>();
  const add = (file: DeprecationsFile, skip: Set<string>) => {
    const versions = Object.keys(file.tags).sort((a, b) => minorNumber(a) - minorNumber(b));
    for (const row of file.paths) {
      for (const severity of ['warning', 'error'] as const) {
        for (const r of row[severity] ?? []) {
          for (const v of versions.filter((x) => minorNumber(x) >= minorNumber(r.from) && minorNumber(x) <= minorNumber(r.to) && !skip.has(x))) {
            if (!perMinor.has(v)) perMinor.set(v, []);
            perMinor.get(v)!.push({ path: row.path, severity, replacement: r.replacement });
          }
        }
      }
    }
  };
  const freshVersions = new Set(Object.keys(fresh.tags));
  add(committed, freshVersions);
  add(fresh, new Set());
  const tags = Object.fromEntries(Object.entries({ ...committed.tags, ...fresh.tags }).sort((a, b) => minorNumber(a[0]) - minorNumber(b[0])));
  const versions = Object.keys(tags);
  const rows = new Map<string, DerivedRow>();
  versions.forEach((v, i) => {
    for (const f of perMinor.get(v) ?? []) {
      let row = rows.get(f.path);
      if (!row) rows.set(f.path, (row = { path: f.path }));
      const ranges = (row[f.severity] ??= []);
      const last = ranges[ranges.length - 1];
      if (last && last.to === versions[i - 1] && last.replacement === f.replacement) last.to = v;
      else ranges.push({ from: v, to: v, replacement: f.replacement });
    }
  });
  const $comment = fresh.$comment.replace(/at .*? \(/, `at ${Object.values(tags).join(', ')} (`);
  return { $comment, tags, paths: [...rows.values()].map((r) => ({ path: r.path, ...(r.warning && { warning: r.warning }), ...(r.error && { error: r.error }) })) };
}
