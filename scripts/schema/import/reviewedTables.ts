// The hand-written per-release tables (the engine's rules and eras, the schema's deprecations) and
// the Istio sources each was read from. A row that still holds at the newest release ends at
// LATEST (server/src/engine/releases.ts), so a new Istio minor reaches it without an edit: that is
// only right while the sources say the same. Before the import adds a minor past a table's
// `reviewedThrough`, checkReviewedTables compares each source the table reads at the new minor's
// tag with the same file at the reviewed minor's tag. Unchanged: the table carries over. Changed
// (or added, or gone): the import stops and names the table, its files and the changed sources.
// Paths are those at the reviewed tag (1.30.3); `reads` keeps to the files the open rows depend
// on (a file cited only for rows that end before the reviewed minor is not listed).
import type { GitRepo } from './gitRepo.ts';
import { finalTagsByMinor } from './releases.ts';

export interface SourceFile { repo: 'istio/istio' | 'istio/api'; path: string }

export interface ReviewedTable {
  /** The table (its constant or rule) and what it is about. */
  name: string;
  /** Our files that hold it (repository paths). */
  files: string[];
  /** The last Istio minor its LATEST rows were checked against. */
  reviewedThrough: number;
  /** The Istio files its open rows were read from. */
  reads: SourceFile[];
}

/** A repository as GitRepo reads it (a clone or a bare mirror). */
export type GitLike = Pick<GitRepo, 'name' | 'dir' | 'tags' | 'has' | 'bytes'>;

export interface TableProblem {
  table: ReviewedTable;
  /** The new minor, "1.31". */
  minor: string;
  /** The `reads` paths that differ between the two tags (or exist at only one of them). */
  changed: string[];
  /** The tags compared, per repository: the reviewed minor's and the new minor's. */
  tags?: { istio: [string, string]; api: [string, string] };
  /** Where the repositories are, for the diff commands. */
  dirs?: { istio: string; api: string };
}

const engine = (...files: string[]) => files.map((f) => `server/src/engine/${f}`);
const istio = (...paths: string[]): SourceFile[] => paths.map((path) => ({ repo: 'istio/istio', path }));
const api = (...paths: string[]): SourceFile[] => paths.map((path) => ({ repo: 'istio/api', path }));

const OPERATOR_VALIDATION = 'operator/pkg/apis/validation/validation.go';
const RENDER = 'operator/pkg/render/manifest.go';
const POSTPROCESS = 'operator/pkg/render/postprocess.go';
const VALUES_MAP = 'operator/pkg/values/map.go';
const AGENT_VALIDATION = 'pkg/config/validation/agent/validation.go';
const MESH_DEFAULTS = 'pkg/config/mesh/mesh.go';
const DISCOVERY = 'manifests/charts/istio-control/istio-discovery';
const NOTES = `${DISCOVERY}/templates/NOTES.txt`;
const MESH_CONFIG_PROTO = 'mesh/v1alpha1/config.proto';
const ZIPKIN_SAMPLE = 'samples/addons/extras/zipkin.yaml';
const PROMETHEUS_MERGE = 'pkg/kube/inject/webhook.go';

export const REVIEWED_TABLES: ReviewedTable[] = [
  {
    name: 'MESH_CHECKS, ECDH_CURVES and PROXY_CHECKS: ValidateMeshConfig on meshConfig (rules/meshConfig.ts, rules/meshProxyConfig.ts)',
    files: engine('rules/meshConfig.ts', 'rules/meshProxyConfig.ts'),
    reviewedThrough: 30,
    reads: istio(AGENT_VALIDATION, 'pkg/config/security/security.go', MESH_DEFAULTS),
  },
  {
    name: 'OUTCOMES and IP_PARSERS: who refuses a bad mesh config, and how addresses parse (rules/meshConfigView.ts)',
    files: engine('rules/meshConfigView.ts'),
    reviewedThrough: 30,
    reads: istio(OPERATOR_VALIDATION, RENDER, MESH_DEFAULTS, AGENT_VALIDATION),
  },
  {
    name: 'hubFormat, tagFormat, revisionFormat: spec.hub, spec.tag and spec.revision (rules/imageRefs.ts)',
    files: engine('rules/imageRefs.ts'),
    reviewedThrough: 30,
    reads: istio(OPERATOR_VALIDATION),
  },
  {
    name: 'ipRanges, inboundPorts: values.global.proxy include/exclude settings (rules/proxySettings.ts)',
    files: engine('rules/proxySettings.ts'),
    reviewedThrough: 30,
    reads: istio(OPERATOR_VALIDATION),
  },
  {
    name: 'gatewayNames, privilegedPorts: gateway names and ports that need root (rules/gateways.ts)',
    files: engine('rules/gateways.ts'),
    reviewedThrough: 30,
    reads: istio(OPERATOR_VALIDATION),
  },
  {
    name: 'replicaCountWithAutoscale: replicaCount while autoscaling is on (rules/replicaCount.ts)',
    files: engine('rules/replicaCount.ts'),
    reviewedThrough: 30,
    reads: istio(OPERATOR_VALIDATION, POSTPROCESS),
  },
  {
    name: 'defaultProvidersWithoutMetrics: meshConfig.defaultProviders drops the chart\'s metrics (rules/defaultProviders.ts)',
    files: engine('rules/defaultProviders.ts'),
    reviewedThrough: 30,
    reads: istio(`${DISCOVERY}/templates/_helpers.tpl`, `${DISCOVERY}/templates/configmap.yaml`),
  },
  {
    name: 'valuesTraps and VALUE_TRAPS: values istioctl checks as one type and the charts render as another (rules/valuesTraps.ts, k8s/valueTraps.ts)',
    files: engine('rules/valuesTraps.ts', 'k8s/valueTraps.ts'),
    reviewedThrough: 30,
    reads: istio('operator/pkg/apis/values_types.proto', `${DISCOVERY}/files/waypoint.yaml`, 'manifests/zzz_profile.yaml', RENDER),
  },
  {
    name: 'TRAPS, istiodRemoteRemoved: components.*.k8s settings istioctl ignores or breaks (rules/ignoredSettings.ts)',
    files: engine('rules/ignoredSettings.ts'),
    reviewedThrough: 30,
    reads: istio(POSTPROCESS, 'operator/pkg/component/component.go', 'operator/pkg/apis/types.go'),
  },
  {
    name: 'OVERLAY_ERAS and the overlays rule: how k8s.overlays patches apply (overlays/overlayEras.ts, rules/overlays.ts)',
    files: engine('overlays/overlayEras.ts', 'rules/overlays.ts', 'overlays/patchPath.ts'),
    reviewedThrough: 30,
    reads: istio(POSTPROCESS, 'operator/pkg/tpath/tree.go', 'operator/pkg/util/path.go', 'operator/pkg/component/component.go'),
  },
  {
    name: 'profileName: spec.profile names a built-in profile only (rules/profileName.ts)',
    files: engine('rules/profileName.ts'),
    reviewedThrough: 30,
    reads: istio(RENDER),
  },
  {
    name: 'installPackageUrl, pilotCertProvider: install settings istioctl or the charts refuse (rules/installSettings.ts)',
    files: engine('rules/installSettings.ts'),
    reviewedThrough: 30,
    reads: istio('operator/pkg/helm/helm.go', 'manifests/manifest.go', NOTES),
  },
  {
    name: 'MERGE_ERAS: how istioctl merges IstioOperator trees (effective/merge.ts)',
    files: engine('effective/merge.ts'),
    reviewedThrough: 30,
    reads: istio(VALUES_MAP),
  },
  {
    name: 'SET_FLAG_ERAS: how istioctl reads --set flags (flags/valueTyping.ts, flags/flagTree.ts)',
    files: engine('flags/valueTyping.ts', 'flags/flagTree.ts', 'flags/toFlags.ts'),
    reviewedThrough: 30,
    reads: istio(VALUES_MAP, RENDER, 'operator/cmd/mesh/install.go'),
  },
  {
    name: 'COMMAND_TASKS and the extension\'s istioctl table: the istioctl commands for a file, per release (upgrade/commands.ts, client/src/istioctl.ts)',
    files: [...engine('upgrade/commands.ts', 'init/newOperator.ts'), 'client/src/istioctl.ts'],
    reviewedThrough: 30,
    reads: istio('istioctl/cmd/root.go', 'operator/cmd/mesh/install.go', 'operator/cmd/mesh/uninstall.go', 'operator/cmd/mesh/upgrade.go',
      'operator/cmd/mesh/manifest.go', 'istioctl/pkg/precheck/precheck.go'),
  },
  {
    name: 'MONITORING and ACCESS_LOGS: what iop-lint init writes for kube-prometheus and access logs (init/eras.ts)',
    files: engine('init/eras.ts', 'init/newOperator.ts'),
    reviewedThrough: 30,
    reads: [...istio(PROMETHEUS_MERGE, 'manifests/charts/gateways/istio-ingress/templates/deployment.yaml'), ...api(MESH_CONFIG_PROTO)],
  },
  {
    name: 'ZIPKIN, OPENTELEMETRY and TELEMETRY_API: what iop-lint init writes for tracing (init/eras.ts)',
    files: engine('init/eras.ts', 'init/newOperator.ts'),
    reviewedThrough: 30,
    reads: [
      ...istio(`${DISCOVERY}/values.yaml`, ZIPKIN_SAMPLE, 'samples/open-telemetry/tracing/README.md', 'manifests/charts/base/files/crd-all.gen.yaml'),
      ...api(MESH_CONFIG_PROTO),
    ],
  },
  {
    name: 'MONITORS: the Prometheus Operator objects iop-lint init writes (init/monitors.ts)',
    files: engine('init/monitors.ts'),
    reviewedThrough: 30,
    reads: istio('samples/addons/extras/prometheus-operator.yaml'),
  },
  {
    name: 'MONITORING_DOCS: the monitoring and tracing notes hover adds (init/monitoringDocs.ts)',
    files: engine('init/monitoringDocs.ts'),
    reviewedThrough: 30,
    reads: [...istio(`${DISCOVERY}/templates/_helpers.tpl`, PROMETHEUS_MERGE), ...api(MESH_CONFIG_PROTO, 'mesh/v1alpha1/proxy.proto')],
  },
  {
    name: 'SNIPPETS: the monitoring, access log and tracing completions (init/snippets.ts)',
    files: engine('init/snippets.ts'),
    reviewedThrough: 30,
    reads: [...istio(`${DISCOVERY}/templates/deployment.yaml`, ZIPKIN_SAMPLE), ...api(MESH_CONFIG_PROTO)],
  },
  {
    // Which releases flag a path is read per release (deprecationsImport.ts); what to write instead is ours.
    name: 'DEPRECATIONS (REVIEWED): the replacement we name for each values path Istio flags (scripts/schema/deprecations.ts)',
    files: ['scripts/schema/deprecations.ts'],
    reviewedThrough: 30,
    reads: istio(NOTES),
  },
  {
    name: 'GO_DECODED_AS, GO_FIELD_NOTES: what the 1.24+ Go spec\'s types do not say (scripts/schema/import/goSpecReview.ts)',
    files: ['scripts/schema/import/goSpecReview.ts'],
    reviewedThrough: 30,
    reads: istio('operator/pkg/apis/types.go', 'operator/pkg/apis/value_types_json.go'),
  },
  {
    name: 'K8S_IN_VALUES: the values fields istioctl decodes as Kubernetes types from 1.29 (scripts/schema/k8sInValues.ts)',
    files: ['scripts/schema/k8sInValues.ts'],
    reviewedThrough: 30,
    reads: istio(OPERATOR_VALIDATION),
  },
  {
    name: 'How each part of the 1.24+ spec is decoded: values strictly, meshConfig leniently, the rest with unknown fields refused (scripts/schema/specTree.ts)',
    files: ['scripts/schema/specTree.ts', 'scripts/schema/typeMapper.ts'],
    reviewedThrough: 30,
    reads: istio(OPERATOR_VALIDATION, 'operator/pkg/apis/value_types_json.go', 'pkg/util/protomarshal/protomarshal.go'),
  },
  {
    name: 'Chart defaults in values: which charts, the 1.24+ istiod chart keeping pilot at its root, what istioctl sets from the spec (scripts/schema/defaults.ts, engine effective/)',
    files: ['scripts/schema/defaults.ts', 'scripts/schema/profileData.ts'],
    reviewedThrough: 30,
    reads: istio(RENDER, 'operator/pkg/component/component.go'),
  },
];

const minorOf = (version: string): number => Number(/^v?1\.(\d+)/.exec(version)?.[1] ?? NaN);

/** The highest final tag `1.M.N` of a repository (`v1.M.N` if it has no unprefixed ones). */
export function finalTagOf(repo: GitLike, minor: number): string | undefined {
  return finalTagsByMinor(repo.tags()).get(minor);
}

/** The same bytes (or absent) at both tags. */
function same(repo: GitLike, a: string, b: string, file: string): boolean {
  const inA = repo.has(a, file);
  const inB = repo.has(b, file);
  if (inA !== inB) return false;
  return !inA || repo.bytes(a, file).equals(repo.bytes(b, file));
}

/**
 * Each table that cannot carry over to a minor past its `reviewedThrough`: the files it reads that
 * changed between the reviewed minor's tags and the new minor's. Empty: every table holds.
 */
export function checkReviewedTables(
  repos: { istio: GitLike; api: GitLike },
  minors: Array<{ version: string; istioTag: string; apiTag: string }>,
  tables: ReviewedTable[] = REVIEWED_TABLES,
): TableProblem[] {
  const bases = new Map<number, { istio: string; api: string }>();
  const baseOf = (reviewed: number, table: ReviewedTable) => {
    let base = bases.get(reviewed);
    if (!base) {
      const listed = minors.find((m) => minorOf(m.version) === reviewed);
      const istioTag = listed?.istioTag ?? finalTagOf(repos.istio, reviewed);
      const apiTag = listed?.apiTag ?? finalTagOf(repos.api, reviewed);
      if (!istioTag || !apiTag) {
        throw new Error(`reviewed tables: ${table.name} was reviewed for Istio 1.${reviewed}, but ${istioTag ? repos.api.name : repos.istio.name} (${istioTag ? repos.api.dir : repos.istio.dir}) has no 1.${reviewed}.N tag to compare with; fetch its tags.`);
      }
      base = { istio: istioTag, api: apiTag };
      bases.set(reviewed, base);
    }
    return base;
  };
  const problems: TableProblem[] = [];
  for (const table of tables) {
    for (const m of minors) {
      if (!(minorOf(m.version) > table.reviewedThrough)) continue;
      const base = baseOf(table.reviewedThrough, table);
      const changed = table.reads.filter((r) => {
        const [repo, from, to] = r.repo === 'istio/api' ? [repos.api, base.api, m.apiTag] : [repos.istio, base.istio, m.istioTag];
        return !same(repo, from, to, r.path);
      }).map((r) => r.path);
      if (changed.length) problems.push({ table, minor: m.version, changed, tags: { istio: [base.istio, m.istioTag], api: [base.api, m.apiTag] }, dirs: { istio: repos.istio.dir, api: repos.api.dir } });
    }
  }
  return problems;
}

/** The message the import stops with: each table, its files, the changed sources and what to do. */
export function formatTableProblems(problems: TableProblem[]): string {
  if (!problems.length) return '';
  const minors = [...new Set(problems.map((p) => p.minor))].join(', ');
  const count = new Set(problems.map((p) => p.table)).size;
  const it = count === 1 ? 'it was' : 'they were';
  const out = [
    `✗ The import cannot carry ${count === 1 ? 'a table' : `${count} tables`} over to Istio ${minors}: the Istio sources ${it} read from changed since the release ${it} last reviewed for.`,
    'Their rows ending at LATEST would otherwise apply to the new release unread. Nothing was written.',
    '',
  ];
  for (const p of problems) {
    const [fromIstio, toIstio] = p.tags?.istio ?? [`1.${p.table.reviewedThrough}`, p.minor];
    const [fromApi, toApi] = p.tags?.api ?? [`1.${p.table.reviewedThrough}`, p.minor];
    const repoOf = (path: string) => p.table.reads.find((r) => r.path === path)?.repo ?? 'istio/istio';
    const byRepo = (repo: string) => p.changed.filter((c) => repoOf(c) === repo);
    out.push(`■ ${p.table.name}, at Istio ${p.minor}`);
    out.push(`  our files: ${p.table.files.join(', ')}`);
    out.push('  changed since it was reviewed:');
    for (const c of p.changed) out.push(`    ${repoOf(c)} ${c}`);
    out.push('  to do:');
    const istioPaths = byRepo('istio/istio');
    const apiPaths = byRepo('istio/api');
    if (istioPaths.length) {
      out.push(`    1. read the diff of these files between ${fromIstio} and ${toIstio}:`);
      out.push(`         git -C ${p.dirs?.istio ?? '<istio/istio>'} diff ${fromIstio} ${toIstio} -- ${istioPaths.join(' ')}`);
    }
    if (apiPaths.length) {
      out.push(`    ${istioPaths.length ? '   and' : '1. read'} the diff of these istio/api files between ${fromApi} and ${toApi}:`);
      out.push(`         git -C ${p.dirs?.api ?? '<istio/api>'} diff ${fromApi} ${toApi} -- ${apiPaths.join(' ')}`);
    }
    out.push(`    2. update the table: where ${p.minor} behaves differently, end the row at ${p.table.reviewedThrough} and add one from ${minorOf(p.minor)} (ending at LATEST); fix a path that moved in \`reads\`;`);
    out.push(`    3. then raise reviewedThrough to ${minorOf(p.minor)} for "${p.table.name.split(':')[0]}" in scripts/schema/import/reviewedTables.ts.`);
    out.push('');
  }
  return out.join('\n');
}
