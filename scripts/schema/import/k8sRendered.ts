// Which `components.<c>.k8s.<field>` settings istioctl renders into the manifest, per release, read
// from Istio's own table at the release's final tag (schemas/k8s-rendered-fields.json):
//   1.5–1.6   operator/data/translateConfig/translateConfig-1.X.yaml, `kubernetesMapping:`
//             ("Components.{{.ComponentName}}.K8S.Affinity": {outPath: "[{{.ResourceType}}:…].spec…"})
//   1.7–1.23  operator/pkg/translate/translate.go, the `KubernetesMapping: map[string]*Translation{…}` literal
//   1.24+     operator/pkg/render/postprocess.go, the `patches := map[string]Patch{…}` literal
//             ("affinity": {Kind: rt, Name: rn, Patch: `{"spec":{"template":{"spec":{"affinity":%s}}}}`})
// A field the release's schema has and its table lacks is accepted and never rendered (volumes and
// volumeMounts, 1.10+); server/src/engine/rules/ignoredSettings.ts warns about those.
// The table is found by the file that holds it, newest era first; a tag where it cannot be found or
// read throws, naming the tag and the file, so the import never writes a partial table.
//   node --import tsx scripts/schema/import/k8sRendered.ts --istio-repo DIR [--out DIR]
// (the tags are ../shared/istio/versions.json's, $ISTIO_DATA). Only the table is written, never Istio's files.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import YAML from 'yaml';
import { dataDir, readMinors } from '../sources.ts';
import { GitRepo } from './gitRepo.ts';

export interface RenderedField {
  /** The IstioOperator key below `k8s`, lowerCamelCase as in the schema: `hpaSpec`. */
  field: string;
  /** The resource kind and the path Istio writes the value to: `{ResourceType} spec.template.spec.affinity`. */
  target: string;
}

export const POSTPROCESS = 'operator/pkg/render/postprocess.go';
export const TRANSLATE = 'operator/pkg/translate/translate.go';
export const translateConfig = (tag: string) => `operator/data/translateConfig/translateConfig-${tag.split('.').slice(0, 2).join('.')}.yaml`;

/** The file a tag's table is read from: the newest era's file the tag has. */
export function tableSource(istio: GitRepo, tag: string): string {
  for (const file of [POSTPROCESS, translateConfig(tag), TRANSLATE]) if (istio.has(tag, file)) return file;
  throw new Error(`${tag}: no k8s settings table (none of ${POSTPROCESS}, ${translateConfig(tag)}, ${TRANSLATE})`);
}

/** The fields a release renders and where, sorted by field. */
export function renderedK8sFields(istio: GitRepo, tag: string): RenderedField[] {
  const file = tableSource(istio, tag);
  const text = istio.read(tag, file);
  const fail = (why: string): never => { throw new Error(`${tag}: ${file}: ${why}`); };
  const rows = file === POSTPROCESS ? parsePatches(text, fail) : file === TRANSLATE ? parseGoMapping(text, fail) : parseYamlMapping(text, fail);
  if (!rows.length) fail('the table has no rows');
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.field)) fail(`field ${r.field} appears twice`);
    seen.add(r.field);
  }
  return rows.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// 1.5–1.23: keys "Components.{{.ComponentName}}.K8S.<GoField>", values an outPath in tpath notation.

/** The Go field name after `.K8S.` of a mapping key: `Components.{{.ComponentName}}.K8S.HpaSpec` → `HpaSpec`. */
const K8S_KEY = /^(?:[\w.]*\.)?\{\{\.ComponentName\}\}\.K8S\.([A-Z]\w*)$/;

/** `HpaSpec` → `hpaSpec` (the Go field's json name in every release). */
const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

/**
 * `[{{.ResourceType}}:{{.ResourceName}}].spec.template.spec.containers.[name:{{.ContainerName}}].env` →
 * `{ResourceType} spec.template.spec.containers.[name:{ContainerName}].env`. The first element names
 * the object (kind:name; the name is always the component's resource); a trailing `.` (priorityClassName's
 * outPath has one) is an empty last element tpath drops.
 */
function outPathTarget(outPath: string, fail: (why: string) => never): string {
  // [Kind:Name].rest
  const m = /^\[([^:\]]+):([^\]]+)\]\.(.+)$/.exec(outPath);
  if (!m) fail(`unexpected outPath ${JSON.stringify(outPath)}`);
  const braces = (s: string) => s.replace(/\{\{\.(\w+)\}\}/g, '{$1}');
  return `${braces(m![1])} ${braces(m![3]).replace(/\.$/, '')}`;
}

function parseYamlMapping(text: string, fail: (why: string) => never): RenderedField[] {
  const mapping = (YAML.parse(text) as { kubernetesMapping?: Record<string, { outPath?: unknown }> } | null)?.kubernetesMapping;
  if (!mapping || typeof mapping !== 'object') fail('no kubernetesMapping: table');
  return Object.entries(mapping!).map(([key, value]) => {
    const m = K8S_KEY.exec(key);
    if (!m) fail(`unexpected kubernetesMapping key ${JSON.stringify(key)}`);
    if (typeof value?.outPath !== 'string') fail(`no outPath for ${key}`);
    return { field: lowerFirst(m![1]), target: outPathTarget(value.outPath as string, fail) };
  });
}

/** The text of a Go composite literal `<opening>{ … }`, from the brace after `opening` to its match. */
function goBlock(text: string, opening: RegExp, name: string, fail: (why: string) => never): string {
  const m = opening.exec(text);
  if (!m) fail(`no ${name} literal`);
  const start = m!.index + m![0].length; // just after the opening brace
  let depth = 1;
  // Braces inside "…" and `…` strings (the patch templates are JSON) and // comments do not count.
  for (let i = start, quote = ''; i < text.length; i++) {
    const c = text[i];
    if (!quote && c === '/' && text[i + 1] === '/') i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(start, i);
  }
  return fail(`the ${name} literal does not end`);
}

/** The lines of a literal that are neither blank nor comments: each must be one row. */
const codeLines = (block: string) => block.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('//'));

function parseGoMapping(text: string, fail: (why: string) => never): RenderedField[] {
  const block = goBlock(text, /KubernetesMapping:\s*map\[string\]\*Translation\{/, 'KubernetesMapping: map[string]*Translation{…}', fail);
  // One row a line: "Components.{{.ComponentName}}.K8S.Affinity": {OutPath: "[…].spec.template.spec.affinity"},
  const ROW = /^"([^"]+)":\s*\{\s*OutPath:\s*"([^"]+)"\s*\},?$/;
  return codeLines(block).map((line) => {
    const row = ROW.exec(line);
    if (!row) fail(`unexpected KubernetesMapping row ${JSON.stringify(line)}`);
    const key = K8S_KEY.exec(row![1]);
    if (!key) fail(`unexpected KubernetesMapping key ${JSON.stringify(row![1])}`);
    return { field: lowerFirst(key![1]), target: outPathTarget(row![2], fail) };
  });
}

// ---------------------------------------------------------------------------------------------
// 1.24+: `"field": {Kind: rt|"Kind", Name: rn, Patch: <JSON template>, PostProcess: …}`, one row on one
// or several lines. The template is a raw string, or fmt.Sprintf(raw, comp.ContainerName) with `%q`
// for the container name and `%%s` for the value; otherwise `%s` is the value.

function parsePatches(text: string, fail: (why: string) => never): RenderedField[] {
  const block = goBlock(text, /patches\s*:=\s*map\[string\]Patch\{/, 'patches := map[string]Patch{…}', fail);
  // Each row starts a line with its quoted field name and an opening brace.
  const starts = [...block.matchAll(/^\s*"(\w+)":\s*\{/gm)];
  if (starts.length !== codeLines(block).filter((l) => /^"/.test(l)).length) fail('a patches row this importer does not read');
  return starts.map((s, i) => {
    const body = block.slice(s.index! + s[0].length, i + 1 < starts.length ? starts[i + 1].index : block.length);
    // Kind: rt (the component's resource type) or a string literal.
    const kind = /\bKind:\s*(?:(rt)\b|"(\w+)")/.exec(body);
    // Patch: `…`, or fmt.Sprintf(`…`, comp.ContainerName) (group 2)
    const patch = /\bPatch:\s*(?:`([^`]*)`|fmt\.Sprintf\(`([^`]*)`,\s*comp\.ContainerName\))/.exec(body);
    if (!kind || !patch) fail(`unexpected patches row ${JSON.stringify(s[1])}`);
    const template = patch![2] !== undefined ? patch![2].replace(/%q/g, '"{ContainerName}"').replace(/%%s/g, '%s') : patch![1];
    return { field: s[1], target: `${kind![1] ? '{ResourceType}' : kind![2]} ${patchPath(template, s[1], fail)}` };
  });
}

/**
 * Where `%s` sits in a JSON patch template, in the tpath notation of the older tables:
 * `{"spec":{"template":{"spec":{"containers":[{"name":"{ContainerName}", "env": %s}]}}}}` →
 * `spec.template.spec.containers.[name:{ContainerName}].env`.
 */
function patchPath(template: string, field: string, fail: (why: string) => never): string {
  if (template.split('%s').length !== 2) fail(`the ${field} patch has no single %s`);
  const HOLE = '\u0000value';
  let json: unknown;
  try {
    json = JSON.parse(template.replace('%s', JSON.stringify(HOLE)));
  } catch (e) {
    fail(`the ${field} patch is not JSON: ${(e as Error).message}`);
  }
  const find = (node: unknown, at: string[]): string[] | undefined => {
    if (node === HOLE) return at;
    if (Array.isArray(node)) {
      for (const item of node) {
        const name = item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string' ? (item as { name: string }).name : undefined;
        const found = find(item, [...at, name === undefined ? '[]' : `[name:${name}]`]);
        if (found) return found;
      }
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        const found = find(v, [...at, k]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return find(json, [])!.join('.');
}

// ---------------------------------------------------------------------------------------------

export interface RenderedTable {
  [version: string]: { tag: string; source: string; fields: Record<string, string> };
}

/** The table of every given minor (oldest first), or the first tag's error. */
export function renderedK8sTable(istio: GitRepo, minors: Array<{ version: string; istioTag: string }>): RenderedTable {
  const table: RenderedTable = {};
  const byMinor = [...minors].sort((a, b) => Number(a.version.split('.')[1]) - Number(b.version.split('.')[1]));
  for (const m of byMinor) {
    const fields = Object.fromEntries(renderedK8sFields(istio, m.istioTag).map((r) => [r.field, r.target]));
    table[m.version] = { tag: m.istioTag, source: tableSource(istio, m.istioTag), fields };
  }
  return table;
}

/** Writes `<outDir>/k8s-rendered-fields.json`; every tag is read before anything is written. */
export function writeRenderedK8sFields(istio: GitRepo, minors: Array<{ version: string; istioTag: string }>, outDir: string): void {
  const text = `${JSON.stringify(renderedK8sTable(istio, minors), null, 1)}\n`;
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'k8s-rendered-fields.json'), text);
}

function main(): void {
  const arg = (flag: string) => { const i = process.argv.indexOf(flag); return i > 0 ? process.argv[i + 1] : undefined; };
  const repo = arg('--istio-repo');
  if (!repo) throw new Error('usage: k8sRendered.ts --istio-repo DIR [--out DIR]');
  const outDir = path.resolve(arg('--out') ?? path.join(import.meta.dirname, '../../../schemas'));
  const minors = readMinors(dataDir());
  writeRenderedK8sFields(new GitRepo(path.resolve(repo), 'istio/istio'), minors, outDir);
  console.log(`wrote ${path.relative(process.cwd(), path.join(outDir, 'k8s-rendered-fields.json'))} (${minors.length} minors)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
