// Builds small git repositories with istio/istio's and istio/api's layout from ../shared/istio, for
// the import tests: each minor's files committed at their Istio paths (SOURCE.json says where
// each proto came from) and tagged with the minor's final tag. The 1.24+ types.go is written from
// operator-spec-1.24.yaml (the data folder describes the Go spec as a field tree).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

export interface MinorData { version: string; istioTag: string; charts: string[]; profiles: string[] }

const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8', stdio: 'pipe' });

export function initRepo(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', dir]);
}

/** Replaces the repository's tree with `files` (exactly these) and tags the commit. */
export function commitTree(dir: string, tag: string, files: Map<string, Buffer | string> | Record<string, string>): void {
  for (const entry of fs.readdirSync(dir)) if (entry !== '.git') fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
  for (const [rel, text] of files instanceof Map ? files : Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', tag);
  git(dir, 'tag', tag);
}

/** One minor's istio/istio and istio/api files, at their paths in those repositories. */
export function minorTrees(data: string, schemas: string, m: MinorData, k8sApi: string): { istio: Map<string, Buffer | string>; api: Map<string, Buffer | string>; olderApi: Map<string, Map<string, Buffer>> } {
  const dir = path.join(data, m.version);
  const source = JSON.parse(fs.readFileSync(path.join(dir, 'SOURCE.json'), 'utf8')) as { protoSources: Record<string, string> };
  const istio = new Map<string, Buffer | string>();
  const api = new Map<string, Buffer | string>();
  const olderApi = new Map<string, Map<string, Buffer>>();
  for (const [importPath, from] of Object.entries(source.protoSources)) {
    const [, repo, rev, file] = /^([^@]+)@([^:]+):(.+)$/.exec(from)!;
    const bytes = fs.readFileSync(path.join(dir, 'proto', importPath));
    if (repo === 'istio/istio') istio.set(file, bytes);
    else if (rev === m.istioTag) api.set(file, bytes);
    else {
      if (!olderApi.has(rev)) olderApi.set(rev, new Map());
      olderApi.get(rev)!.set(file, bytes);
    }
  }
  const minor = Number(m.version.split('.')[1]);
  const profileDir = minor <= 5 ? 'operator/data/profiles' : 'manifests/profiles';
  const chartRoot = minor <= 5 ? 'manifests' : 'manifests/charts';
  for (const p of m.profiles) istio.set(`${profileDir}/${p}.yaml`, fs.readFileSync(path.join(dir, 'profiles', `${p}.yaml`)));
  for (const c of m.charts) istio.set(`${chartRoot}/${c}`, fs.readFileSync(path.join(dir, 'charts', c)));
  for (const side of ['input', 'output']) {
    const goldens = path.join(dir, 'profile-dump', side);
    if (!fs.existsSync(goldens)) continue;
    for (const f of fs.readdirSync(goldens).filter((x) => x.endsWith('.yaml'))) istio.set(`operator/cmd/mesh/testdata/profile-dump/${side}/${f}`, fs.readFileSync(path.join(goldens, f)));
  }
  for (const [f, text] of derivedSources(schemas, m.version)) istio.set(f, text);
  istio.set('go.mod', `module istio.io/istio\n\ngo 1.22\n\nrequire (\n\tistio.io/api v${m.istioTag}\n\tk8s.io/api ${k8sApi}\n)\n`);
  if (minor >= 24) {
    istio.set('operator/pkg/apis/types.go', typesGo(path.join(data, 'operator-spec-1.24.yaml')));
    const names = (JSON.parse(fs.readFileSync(path.join(data, 'chart-profiles.json'), 'utf8')) as Record<string, { chartProfiles: string[]; compatibilityVersions: string[]; platforms: string[] }>)[m.version];
    const files = [...names.chartProfiles, ...names.compatibilityVersions.map((v) => `compatibility-version-${v}`), ...names.platforms.map((p) => `platform-${p}`)];
    for (const f of files) istio.set(`${chartRoot}/base/files/profile-${f}.yaml`, '# chart profile\n');
  }
  return { istio, api, olderApi };
}

const K8S_PACKAGES: Record<string, string> = { 'core.v1': 'corev1', 'autoscaling.v2': 'autoscaling', 'policy.v1': 'policy', 'apps.v1': 'appsv1' };

/** Go structs with the field tree operator-spec-1.24.yaml describes, in types.go's conventions. */
export function typesGo(specFile: string): string {
  const spec = YAML.parse(fs.readFileSync(specFile, 'utf8')) as Record<string, Record<string, string>>;
  const goType = (t: string, key: string): string => {
    const list = /^list<(.+)>$/.exec(t);
    if (list) return `[]${goType(list[1], key)}`;
    const k8s = /^k8s\.io\.api\.(\w+\.v\d+)\.(\w+)$/.exec(t);
    if (k8s) return `*${K8S_PACKAGES[k8s[1]]}.${k8s[2]}`;
    if (t === 'map<string,string>') return 'map[string]string';
    if (t === 'bool') return '*BoolValue';
    if (t === 'object') return 'any';
    if (t.startsWith('istio.')) return 'json.RawMessage';
    if (['string', 'uint32', 'any'].includes(t)) return t;
    return key === 'ingressGateways' || key === 'egressGateways' ? t : `*${t}`;
  };
  const out = ['package apis', '', 'import (', '\t"encoding/json"', '', ...Object.entries(K8S_PACKAGES).map(([p, a]) => `\t${a} "k8s.io/api/${p.replace('.', '/')}"`), '\tmetav1 "k8s.io/apimachinery/pkg/apis/meta/v1"', ')', ''];
  for (const [name, fields] of Object.entries(spec)) {
    out.push(`type ${name} struct {`);
    for (const [key, type] of Object.entries(fields)) {
      if (name === 'IstioOperator' && key === 'apiVersion') { out.push('\tmetav1.TypeMeta `json:",inline"`'); continue; }
      if (name === 'IstioOperator' && key === 'kind') continue;
      if (key === 'metadata') { out.push('\tmetav1.ObjectMeta `json:"metadata,omitempty"`'); continue; }
      out.push(`\t${key[0].toUpperCase()}${key.slice(1)} ${goType(type, key)} \`json:"${key},omitempty"\``);
    }
    out.push('}', '');
  }
  out.push('type BoolValue struct {', '\tbool', '}', '');
  return out.join('\n');
}

interface DerivedRange { from: string; to: string; replacement: string }
interface DeprecationRow { path: string; warning?: DerivedRange[]; error?: DerivedRange[] }

const minorOf = (v: string) => Number(v.split('.')[1]);
const inRange = (r: DerivedRange, v: string) => minorOf(r.from) <= minorOf(v) && minorOf(v) <= minorOf(r.to);

/**
 * The Istio files the import derives its per-release tables from, written back from the committed
 * tables (schemas/deprecations.json, schemas/k8s-rendered-fields.json) in the forms Istio uses:
 * validation.go's deprecatedSettings lists (1.7–1.23) or the istiod chart's NOTES.txt (1.24+), and
 * translate.go's KubernetesMapping (1.7–1.23) or postprocess.go's patches (1.24+). This checks the
 * import's wiring and round trip; the readers themselves are checked against Istio's real files in
 * deprecationsImport.test.ts and k8sRendered.test.ts.
 */
export function derivedSources(schemas: string, version: string): Map<string, string> {
  const out = new Map<string, string>();
  const minor = minorOf(version);
  const deprecations = (JSON.parse(fs.readFileSync(path.join(schemas, 'deprecations.json'), 'utf8')) as { paths: DeprecationRow[] }).paths;
  const flagged = (severity: 'warning' | 'error') => deprecations.flatMap((row) => (row[severity] ?? []).filter((r) => inRange(r, version)).map((r) => ({ path: row.path, replacement: r.replacement })));
  if (minor >= 24) {
    const dict = (rows: Array<{ path: string; replacement: string }>) => rows.map((r) => `    ${JSON.stringify(r.path)} ${JSON.stringify(r.replacement)}`).join('\n');
    out.set('manifests/charts/istio-control/istio-discovery/templates/NOTES.txt', [
      '{{-', '  $deps := dict', dict(flagged('warning')), '}}',
      '{{- range $dep, $replace := $deps }}', 'WARNING: {{$dep|quote}} is deprecated; use {{$replace|quote}} instead.', '{{- end }}',
      '{{-', '  $failDeps := dict', dict(flagged('error')), '}}',
      '{{- range $dep, $replace := $failDeps }}', '{{fail (print $dep " is removed")}}', '{{- end }}', '',
    ].join('\n'));
  } else {
    // "global.x" is Values.global.x; "spec.addonComponents.x.enabled" is AddonComponents.X.Enabled (firstCharsToLower reads both back).
    const structPath = (p: string) => (p.startsWith('spec.') ? p.slice(5).split('.').map((s) => s[0].toUpperCase() + s.slice(1)).join('.') : `Values.${p}`);
    const list = (name: string, rows: Array<{ path: string; replacement: string }>) => [`\t${name} := []deprecatedSettings{`, ...rows.map((r) => `\t\t{${JSON.stringify(structPath(r.path))}, ${JSON.stringify(r.replacement)}, nil},`), '\t}'];
    out.set('operator/pkg/apis/istio/v1alpha1/validation/validation.go', ['package validation', '', 'func checkDeprecatedSettings(iop *v1alpha1.IstioOperatorSpec) (util.Errors, []string) {',
      ...list('warningSettings', flagged('warning')), ...list('failHardSettings', flagged('error')), '\treturn nil, nil', '}', ''].join('\n'));
  }
  const fields = (JSON.parse(fs.readFileSync(path.join(schemas, 'k8s-rendered-fields.json'), 'utf8')) as Record<string, { fields: Record<string, string> }>)[version].fields;
  const rows = Object.entries(fields).map(([field, target]) => ({ field, kind: target.split(' ')[0], at: target.split(' ')[1].split('.') }));
  if (minor >= 24) {
    // {"spec":{"template":{"spec":{"containers":[{"name":"{ContainerName}","env":%s}]}}}}
    const value = (at: string[]): string => {
      if (!at.length) return '%s';
      const item = /^\[name:(.+)\]$/.exec(at[0]);
      return item ? `[{"name":${JSON.stringify(item[1])},${member(at.slice(1))}}]` : `{${member(at)}}`;
    };
    const member = (at: string[]) => `${JSON.stringify(at[0])}:${value(at.slice(1))}`;
    out.set('operator/pkg/render/postprocess.go', ['package render', '', 'func postProcess() {', '\tpatches := map[string]Patch{',
      ...rows.map((r) => `\t\t${JSON.stringify(r.field)}: {Kind: ${r.kind === '{ResourceType}' ? 'rt' : JSON.stringify(r.kind)}, Name: rn, Patch: \`${value(r.at)}\`},`), '\t}', '}', ''].join('\n'));
  } else {
    const tpl = (s: string) => s.replace(/\{(\w+)\}/g, '{{.$1}}');
    out.set('operator/pkg/translate/translate.go', ['package translate', '', 'var t = Translator{', '\tKubernetesMapping: map[string]*Translation{',
      ...rows.map((r) => `\t\t"Components.{{.ComponentName}}.K8S.${r.field[0].toUpperCase()}${r.field.slice(1)}": {OutPath: "[${tpl(r.kind)}:{{.ResourceName}}].${tpl(r.at.join('.'))}"},`), '\t},', '}', ''].join('\n'));
  }
  return out;
}
