// Builds small git repositories with istio/istio's and istio/api's layout from ../shared/istio, for
// the import tests: each minor's files committed at their Istio paths (SOURCE.json says where
// each proto came from) and tagged with the minor's final tag. The 1.24+ types.go is written from
// operator-spec-1.24.yaml (the data folder describes the Go spec as a field tree).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

export interface MinorData { version: string; istioTag: string; charts: string[]; profiles: string[] }

const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' });

export function initRepo(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', dir]);
}

/** Replaces the repository's tree with `files` and tags the commit. */
export function commitTree(dir: string, tag: string, files: Map<string, Buffer | string>): void {
  for (const entry of fs.readdirSync(dir)) if (entry !== '.git') fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
  for (const [rel, text] of files) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', tag);
  git(dir, 'tag', tag);
}

/** One minor's istio/istio and istio/api files, at their paths in those repositories. */
export function minorTrees(data: string, m: MinorData, k8sApi: string): { istio: Map<string, Buffer | string>; api: Map<string, Buffer | string>; olderApi: Map<string, Map<string, Buffer>> } {
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
