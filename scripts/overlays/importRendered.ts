// Writes schemas/rendered-resources.json: for each Istio minor 1.5–1.30, the resources each
// IstioOperator component renders (the objects its `k8s.overlays` can patch), read from Istio's
// own source at the minor's final tag in a git mirror of istio/istio:
//   node --import tsx scripts/overlays/importRendered.ts [--mirror DIR] [--out DIR] [--report]
// ($ISTIO_MIRROR, else /work/.mirror/istio+istio/repo.) The tags are ../shared/istio/versions.json's ($ISTIO_DATA).
//
// - The components and their charts: operator/data/translateConfig/translateConfig-1.X.yaml
//   (1.5–1.6), the ComponentMaps of operator/pkg/translate/translate.go (1.7–1.23), AllComponents in
//   operator/pkg/component/component.go (1.24+); core component names from operator/pkg/name/name.go.
//   Addon components (addonComponents.*) are rendered by 1.5–1.8 only (component.go reads their
//   overlays at `AddonComponents.<name>.K8S.Overlays`, component/component.go@1.5.10:814-823).
// - The resources: every template of the chart (any branch), the CRD files it includes with
//   `.Files.Get`, and, from 1.6, the chart's crds/ folder (helm.go@1.6.14:124 adds CRDObjects).
// - Names as patterns: {-revision} ("-<revision>" when spec.revision is set), {revision},
//   {gateway} (the gateway's name), {namespace}, {istioNamespace}, {v:PATH=DEFAULT} (a chart value),
//   {*} (an expression this importer does not read: any name).
// With --report it checks the table against the manifest-generate goldens of each tag and prints
// the objects no pattern matches. Istio's files are read, never copied: only the table is written.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { GitRepo } from '../schema/import/gitRepo.ts';
import { dataDir, readMinors } from '../schema/sources.ts';
import { defines, mergeResources, resourcesOf, unresolved, type RenderedResource } from './helmNames.ts';

interface Component {
  /** The IstioOperator path below spec: `components.pilot`, `components.ingressGateways`, `addonComponents.grafana`. */
  spec: string;
  chart: string;
  /** The workload the component map names (what k8s.* settings patch). */
  workload?: { kind: string; name: string; container: string };
  /** The values subtree the chart reads as its root (FlattenValues). */
  valuesRoot?: string;
}

/**
 * One tag's files (manifests/ and operator/), read through one GitRepo per mirror: the charts and the
 * operator's Go files of the tag are read in one `git cat-file --batch` (thousands of `git show`s are slow).
 */
class TagFiles {
  readonly files: string[];
  constructor(private readonly repo: GitRepo, readonly tag: string) {
    this.files = repo.files(tag).filter((f) => f.startsWith('manifests/') || f.startsWith('operator/'));
    repo.prefetch(tag, this.files.filter((f) => (f.startsWith('manifests/') && !f.includes('/test')) || /^operator\/pkg\/(name|component|translate)\/[^/]+\.go$/.test(f) || f.startsWith('operator/data/translateConfig/')));
  }
  under(dir: string): string[] { return this.files.filter((f) => f.startsWith(`${dir}/`)); }
  prefetch(paths: string[]): void { this.repo.prefetch(this.tag, paths); }
  read(p: string): string { return this.repo.read(this.tag, p); }
}

const repos = new Map<string, GitRepo>();
const repoAt = (mirror: string) => {
  if (!repos.has(mirror)) repos.set(mirror, new GitRepo(mirror, 'istio/istio'));
  return repos.get(mirror)!;
};

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

/** The `XComponentName ComponentName = "X"` constants and AllCoreComponentNames of operator/pkg/name/name.go (≤1.23). */
function componentNames(tree: TagFiles): { consts: Map<string, string>; core: Set<string> } {
  const text = tree.read('operator/pkg/name/name.go');
  const consts = new Map<string, string>();
  for (const m of text.matchAll(/^\s*(\w+ComponentName)\s+ComponentName\s*=\s*"(\w+)"/gm)) consts.set(m[1], m[2]);
  const core = new Set<string>();
  const list = /AllCoreComponentNames\s*=\s*\[\]ComponentName\{([^}]*)\}/.exec(text);
  for (const m of (list?.[1] ?? '').matchAll(/(\w+ComponentName)/g)) if (consts.has(m[1])) core.add(consts.get(m[1])!);
  return { consts, core };
}

function minorOf(tag: string): number { return Number(tag.split('.')[1]); }

function components(tree: TagFiles): Component[] {
  const minor = minorOf(tree.tag);
  const out: Component[] = [];
  const add = (opName: string, m: Record<string, string>, core: Set<string>, addons: boolean) => {
    const gateway = opName === 'IngressGateways' || opName === 'EgressGateways';
    let spec: string;
    if (core.has(opName) || gateway) spec = `components.${lowerFirst(opName)}`;
    else if (addons) spec = `addonComponents.${lowerFirst(opName)}`;
    else return;
    const c: Component = { spec, chart: m.HelmSubdir };
    if (m.ResourceType && m.ResourceName) c.workload = { kind: m.ResourceType, name: m.ResourceName, container: m.ContainerName ?? '' };
    if (m.FlattenValues === 'true' && m.ToHelmValuesTreeRoot) c.valuesRoot = m.ToHelmValuesTreeRoot;
    out.push(c);
  };
  if (minor >= 24) {
    const text = tree.read('operator/pkg/component/component.go');
    const all = text.slice(text.indexOf('var AllComponents'));
    for (const block of all.split(/\n\t\{\n/).slice(1)) {
      const field = (k: string) => new RegExp(`\\b${k}:\\s*"?([\\w./-]+)"?`).exec(block)?.[1];
      const spec = field('SpecName');
      const helm = field('HelmSubdir');
      if (!spec || !helm) continue;
      const c: Component = { spec: `components.${spec}`, chart: helm };
      const rt = field('ResourceType');
      const rn = field('ResourceName');
      if (rt && rn) c.workload = { kind: rt, name: rn, container: field('ContainerName') ?? '' };
      if (field('FlattenValues') === 'true') c.valuesRoot = field('ToHelmValuesTreeRoot');
      out.push(c);
    }
    return out;
  }
  const { consts, core } = componentNames(tree);
  // `git grep` exits 1 when nothing matches.
  const addons = tree.under('operator/pkg/component').some((f) => f.endsWith('.go') && tree.read(f).includes('"AddonComponents.%s."'));
  if (minor <= 6) {
    const cfg = YAML.parse(tree.read(`operator/data/translateConfig/translateConfig-1.${minor}.yaml`)) as { componentMaps: Record<string, Record<string, unknown>> };
    for (const [opName, m] of Object.entries(cfg.componentMaps)) add(opName, Object.fromEntries(Object.entries(m).map(([k, v]) => [k, String(v)])), core, addons);
    return out;
  }
  const text = tree.read('operator/pkg/translate/translate.go');
  const maps = text.slice(text.indexOf('ComponentMaps: map[name.ComponentName]*ComponentMaps{'));
  for (const m of maps.matchAll(/name\.(?:(\w+ComponentName)|ComponentName\("(\w+)"\)):\s*\{([^}]*)\}/g)) {
    const opName = m[1] ? consts.get(m[1]) : m[2];
    if (!opName) continue;
    const fields = Object.fromEntries([...m[3].matchAll(/(\w+):\s*"?([\w./-]+)"?,/g)].map((f) => [f[1], f[2]]));
    add(opName, fields, core, addons);
  }
  return out;
}

/** Every resource a chart can render at a tag; undefined when the chart is not in the tree. */
function chartResources(tree: TagFiles, chartDir: string): RenderedResource[] | undefined {
  const files = tree.under(chartDir);
  if (!files.length) return undefined;
  tree.prefetch(files);
  const read = (f: string) => tree.read(f);
  const tag = tree.tag;
  const templates = files.filter((f) => f.startsWith(`${chartDir}/templates/`) && !/NOTES\.txt$/.test(f));
  const texts = new Map(templates.map((f) => [f, read(f)]));
  const chartYaml = files.find((f) => f === `${chartDir}/Chart.yaml`);
  const chart = { defs: defines([...texts.values()]), chartName: chartYaml ? String((YAML.parse(read(chartYaml)) as { name?: string }).name ?? '') : '' };
  const found: RenderedResource[] = [];
  const included = new Set<string>();
  for (const [f, text] of texts) {
    if (!path.basename(f).startsWith('_')) found.push(...resourcesOf(text, chart));
    for (const m of text.matchAll(/\.Files\.Get\s+"([^"]*crd[^"]*)"/g)) included.add(`${chartDir}/${m[1]}`);
  }
  if (minorOf(tag) >= 6) for (const f of files) if (f.startsWith(`${chartDir}/crds/`)) included.add(f);
  for (const f of [...included].sort()) if (files.includes(f)) found.push(...resourcesOf(read(f), chart));
  return mergeResources(found);
}

/** A chart's resources at a release: the full list, or the changes from an earlier set of the same chart. */
export type ResourceSet = { resources: RenderedResource[] } | { from: string; add?: RenderedResource[]; remove?: string[] };

export interface RenderedTable {
  $comment: string;
  /** Resource lists by id (`<chart>@<first minor>`); releases whose charts render the same list share one. */
  sets: Record<string, ResourceSet>;
  releases: Record<string, { tag: string; components: Record<string, { chart: string; resources: string | null; workload?: Component['workload']; valuesRoot?: string }> }>;
}

function build(mirror: string, versions: Array<{ version: string; istioTag: string }> = readMinors(dataDir())): RenderedTable {
  const table: RenderedTable = {
    $comment: 'Generated by scripts/overlays/importRendered.ts from the istio/istio source at each minor\'s final tag (Apache-2.0, (c) Istio Authors): the resources each component\'s chart can render, with name patterns ({-revision}, {revision}, {gateway}, {namespace}, {istioNamespace}, {v:PATH=DEFAULT}, {*}).',
    sets: {},
    releases: {},
  };
  const byHash = new Map<string, string>();
  const latest = new Map<string, { id: string; list: RenderedResource[] }>();
  for (const v of versions) {
    const tag = v.istioTag;
    const root = minorOf(tag) <= 5 ? 'manifests' : 'manifests/charts';
    const comps: RenderedTable['releases'][string]['components'] = {};
    const tree = new TagFiles(repoAt(mirror), tag);
    for (const c of components(tree).sort((a, b) => (a.spec < b.spec ? -1 : 1))) {
      const list = chartResources(tree, `${root}/${c.chart}`);
      let id: string | null = null;
      if (list) {
        const hash = crypto.createHash('sha256').update(JSON.stringify(list)).digest('hex');
        id = byHash.get(hash) ?? `${c.chart}@${v.version}`;
        if (!byHash.has(hash)) {
          byHash.set(hash, id);
          table.sets[id] = asChange(latest.get(c.chart), list);
          latest.set(c.chart, { id, list });
        }
      }
      comps[c.spec] = { chart: c.chart, resources: id, ...(c.workload ? { workload: c.workload } : {}), ...(c.valuesRoot ? { valuesRoot: c.valuesRoot } : {}) };
    }
    table.releases[v.version] = { tag, components: comps };
  }
  return table;
}

const keyOf = (r: RenderedResource) => `${r.kind} ${r.name}`;

/** `list` as the changes from the chart's previous set (when that is shorter), else in full. */
function asChange(previous: { id: string; list: RenderedResource[] } | undefined, list: RenderedResource[]): ResourceSet {
  if (!previous) return { resources: list };
  const before = new Map(previous.list.map((r) => [keyOf(r), JSON.stringify(r)]));
  const now = new Set(list.map(keyOf));
  const add = list.filter((r) => before.get(keyOf(r)) !== JSON.stringify(r));
  const remove = [...before.keys()].filter((k) => !now.has(k));
  if (add.length + remove.length >= list.length) return { resources: list };
  return { from: previous.id, ...(add.length ? { add } : {}), ...(remove.length ? { remove } : {}) };
}

/** A set's full list, following `from`. */
export function setResources(table: RenderedTable, id: string): RenderedResource[] {
  const s = table.sets[id];
  if ('resources' in s) return s.resources;
  const out = new Map(setResources(table, s.from).map((r) => [keyOf(r), r]));
  for (const k of s.remove ?? []) out.delete(k);
  for (const r of s.add ?? []) out.set(keyOf(r), r);
  return [...out.values()].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
}

/** JSON with each resource, component and list of names on one line: small, and diffs read well. */
function serialize(table: RenderedTable): string {
  const inline = (v: unknown) => Array.isArray(v) ? v.every((x) => typeof x === 'string') : typeof v === 'object' && v !== null && ('kind' in v || 'chart' in v);
  const write = (v: unknown, pad: string): string => {
    if (inline(v) || typeof v !== 'object' || v === null) return JSON.stringify(v);
    const inner = `${pad} `;
    if (Array.isArray(v)) return `[\n${v.map((x) => inner + write(x, inner)).join(',\n')}\n${pad}]`;
    return `{\n${Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${write(x, inner)}`).join(',\n')}\n${pad}}`;
  };
  return `${write(table, '')}\n`;
}

/** A name pattern as a regular expression, every placeholder matching any name. */
function loose(pattern: string): RegExp {
  const src = pattern.split(/(\{[^}]*\})/).map((part) => {
    if (part === '{-revision}') return '(-[a-z0-9.-]+)?';
    if (part.startsWith('{')) return '[A-Za-z0-9.-]*';
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('');
  return new RegExp(`^${src}$`);
}

/** The manifest-generate goldens' objects no pattern of their release matches. */
function report(mirror: string, table: RenderedTable): void {
  for (const [version, r] of Object.entries(table.releases)) {
    const dir = 'operator/cmd/mesh/testdata/manifest-generate/output';
    const tree = new TagFiles(repoAt(mirror), r.tag);
    const goldens = tree.under(dir).filter((f) => /\.ya?ml$/.test(f));
    tree.prefetch(goldens);
    const all = Object.values(r.components).flatMap((c) => (c.resources ? setResources(table, c.resources) : []));
    const misses = new Map<string, string[]>();
    let objects = 0;
    for (const f of goldens) {
      for (const doc of YAML.parseAllDocuments(tree.read(f))) {
        const o = doc.toJS() as { kind?: string; metadata?: { name?: string } } | null;
        if (!o?.kind || !o.metadata?.name) continue;
        objects++;
        if (all.some((x) => x.kind === o.kind && loose(x.name).test(o.metadata!.name!))) continue;
        const key = `${o.kind} ${o.metadata.name}`;
        misses.set(key, [...(misses.get(key) ?? []), path.basename(f)]);
      }
    }
    console.log(`${version} (${r.tag}): ${goldens.length} goldens, ${objects} objects, ${misses.size} kind/name pairs unmatched${misses.size ? ':' : ''}`);
    for (const [k, files] of misses) console.log(`    ${k}  (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''})`);
  }
}

/** Writes rendered-resources.json for the given releases (npm run schemas -- --istio-repo calls this); returns a one-line summary. */
export function writeRenderedResources(mirror: string, versions: Array<{ version: string; istioTag: string }>, outDir: string): string {
  const table = build(mirror, versions);
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'rendered-resources.json'), serialize(table));
  const counts = Object.entries(table.releases).map(([v, r]) => `${v}:${Object.values(r.components).reduce((n, c) => n + (c.resources ? setResources(table, c.resources).length : 0), 0)}`);
  const names = unresolved.size ? `; name expressions read as {*}: ${[...unresolved].sort().join(' | ')}` : '';
  return `rendered-resources.json (${Object.keys(table.sets).length} resource lists; kind/name entries per minor ${counts.join(' ')}${names})`;
}

function main() {
  const arg = (flag: string) => { const i = process.argv.indexOf(flag); return i > 0 ? process.argv[i + 1] : undefined; };
  const mirror = path.resolve(arg('--mirror') ?? process.env.ISTIO_MIRROR ?? '/work/.mirror/istio+istio/repo');
  const outDir = path.resolve(arg('--out') ?? path.join(import.meta.dirname, '../../schemas'));
  console.log(`wrote ${writeRenderedResources(mirror, readMinors(dataDir()), outDir)}`);
  if (process.argv.includes('--report')) report(mirror, build(mirror));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
