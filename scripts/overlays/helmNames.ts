// Reads the resources a Helm chart's templates render: kind, apiVersions, metadata.name (as a name
// pattern), whether metadata.namespace is set, and the container names of workloads. Not a Helm
// engine: it reads the template text, keeps every resource any branch can render, and resolves the
// name expressions Istio's charts use into placeholders (see NAME_RULES) that the engine fills in.

import type { RenderedResource } from '../../server/src/engine/overlays/renderedResources.ts';

// The engine reads the table this writes: one shape for both.
export type { RenderedResource };

interface Token { text: string; action: boolean }

/** Template text as literal text and `{{ … }}` actions (trim markers dropped: names have no spaces). */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    if (open < 0) { out.push({ text: text.slice(i), action: false }); break; }
    if (open > i) out.push({ text: text.slice(i, open), action: false });
    const close = text.indexOf('}}', open + 2);
    if (close < 0) { out.push({ text: text.slice(open), action: false }); break; }
    out.push({ text: text.slice(open + 2, close).replace(/^-\s*/, '').replace(/\s*-$/, '').trim(), action: true });
    i = close + 2;
  }
  return out;
}

/** What a chart's name expressions can refer to: its `define` bodies and its Chart.yaml name. */
export interface ChartContext { defs: Map<string, string>; chartName: string }

/** `define` bodies of a chart's templates, by name. */
export function defines(files: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const text of files) {
    for (const m of text.matchAll(/\{\{-?\s*define\s+"([^"]+)"\s*-?\}\}/g)) {
      const start = m.index! + m[0].length;
      // The matching end: count the blocks opened on the way.
      let depth = 1;
      const re = /\{\{-?\s*(if|range|with|define|block|end)\b[^}]*\}\}/g;
      re.lastIndex = start;
      let e: RegExpExecArray | null;
      while ((e = re.exec(text))) {
        depth += e[1] === 'end' ? -1 : 1;
        if (depth === 0) { out.set(m[1], text.slice(start, e.index)); break; }
      }
    }
  }
  return out;
}

/** Expressions left as `{*}` (any name), for the importer's report. */
export const unresolved = new Set<string>();

const REVISION = /(^|[\s(])\$?\.Values\.revision\b/;

/**
 * A name template to a pattern: `istiod{{- if not (eq .Values.revision "") }}-{{ .Values.revision }}{{- end }}`
 * → `istiod{-revision}`, `{{ $gateway.name | default "istio-ingressgateway" }}` → `{gateway}`.
 */
export function resolveName(raw: string, chart: ChartContext, depth = 0): string {
  const defs = chart.defs;
  const toks = tokens(raw.trim().replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1'));
  let out = '';
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.action) { out += t.text.replace(/\s+/g, ''); continue; }
    const a = t.text;
    if (a.startsWith('/*')) continue;
    if (/^if\b/.test(a)) {
      // An `if … end` block: `-{{ .Values.revision }}` when a revision is set is `{-revision}`.
      let depth2 = 1;
      let j = i + 1;
      const body: Token[] = [];
      for (; j < toks.length; j++) {
        const x = toks[j];
        if (x.action && /^(if|range|with)\b/.test(x.text)) depth2++;
        if (x.action && x.text === 'end') depth2--;
        if (depth2 === 0) break;
        body.push(x);
      }
      const inner = resolveName(body.map((x) => (x.action ? `{{${x.text}}}` : x.text)).join(''), chart, depth + 1);
      if (REVISION.test(a) && inner === '-{revision}') out += '{-revision}';
      else { out += '{*}'; unresolved.add(`{{${a}}}${inner}{{end}}`); }
      i = j;
      continue;
    }
    const inc = /^(?:template|include)\s+"([^"]+)"/.exec(a);
    if (inc && defs.has(inc[1]) && depth < 5) { out += resolveName(defs.get(inc[1])!, chart, depth + 1); continue; }
    if (/^\$?\.Values\.revision(\s*\|\s*default\s+""\s*)?$/.test(a)) { out += '{revision}'; continue; }
    if (/^\$?\.Release\.Namespace$/.test(a)) { out += '{namespace}'; continue; }
    if (/^\$?\.Values\.global\.istioNamespace$/.test(a)) { out += '{istioNamespace}'; continue; }
    if (/^\$gateway\.name(\s*\|\s*default\s+"[^"]*")?$/.test(a)) { out += '{gateway}'; continue; }
    // istioctl renders every chart as the Helm release `istio` (helm.go@1.20.8:97, @1.24.6:71).
    if (/^\$?\.Release\.Name$/.test(a)) { out += 'istio'; continue; }
    if (/^\$?\.Chart\.Name$/.test(a)) { out += chart.chartName; continue; }
    const v = /^\$?\.Values\.([A-Za-z0-9_.]+)(?:\s*\|\s*default\s+(?:"([^"]*)"|(\$?\.Release\.Name)))?$/.exec(a);
    if (v) { out += `{v:${v[1]}=${v[3] ? 'istio' : v[2] ?? ''}}`; continue; }
    out += '{*}';
    unresolved.add(`{{${a}}}`);
  }
  return out;
}

const TEMPLATE_LINE = /^\s*\{\{.*\}\}\s*$/;
const indentOf = (line: string) => line.length - line.trimStart().length;
const isContent = (line: string) => line.trim() !== '' && !TEMPLATE_LINE.test(line) && !line.trimStart().startsWith('#');

/** The `- name:` values of the list under `key:` (containers, initContainers) of a pod template. */
function listNames(lines: string[], key: string, chart: ChartContext): string[] | undefined {
  const out: string[] = [];
  let found = false;
  for (let i = 0; i < lines.length; i++) {
    const m = new RegExp(`^(\\s*)${key}:\\s*$`).exec(lines[i]);
    if (!m) continue;
    found = true;
    const keyIndent = m[1].length;
    let itemIndent = -1;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j];
      if (!isContent(line)) continue;
      const ind = indentOf(line);
      const dash = line.trimStart().startsWith('- ') || line.trim() === '-';
      if (itemIndent < 0) {
        if (!dash || ind < keyIndent) break;
        itemIndent = ind;
      }
      if (ind < itemIndent || (ind === itemIndent && !dash) || (ind <= keyIndent && !dash)) break;
      const name = ind === itemIndent ? /^\s*-\s+name:\s*(.+?)\s*$/.exec(line) : ind === itemIndent + 2 ? /^\s*name:\s*(.+?)\s*$/.exec(line) : null;
      if (name) out.push(resolveName(name[1], chart));
    }
  }
  return found ? [...new Set(out)].sort() : undefined;
}

/** The resources of one template file (or static YAML file), in file order. */
export function resourcesOf(text: string, chart: ChartContext): RenderedResource[] {
  const out: RenderedResource[] = [];
  for (const doc of text.split(/^---.*$/m)) {
    const lines = doc.split('\n');
    const kindLine = lines.find((l) => /^kind:\s*\S/.test(l));
    if (!kindLine) continue;
    const kind = kindLine.replace(/^kind:\s*/, '').trim().replace(/^"(.*)"$/, '$1');
    if (kind.includes('{{')) { unresolved.add(`kind: ${kind}`); continue; }
    const api = [...new Set(lines.filter((l) => /^apiVersion:\s*\S/.test(l)).map((l) => l.replace(/^apiVersion:\s*/, '').trim().replace(/^"(.*)"$/, '$1')))].sort();
    const metaAt = lines.findIndex((l) => /^metadata:\s*$/.test(l));
    if (metaAt < 0) continue;
    let childIndent = -1;
    // Several `name:` lines are the branches of an `if` (`istio-sidecar-injector` in istio-system, else with the namespace).
    const names: string[] = [];
    let namespaced = false;
    for (let j = metaAt + 1; j < lines.length; j++) {
      const line = lines[j];
      if (!isContent(line)) continue;
      const ind = indentOf(line);
      if (ind === 0) break;
      if (childIndent < 0) childIndent = ind;
      if (ind !== childIndent) continue;
      const n = /^\s*name:\s*(.+?)\s*$/.exec(line);
      if (n) names.push(n[1]);
      if (/^\s*namespace:/.test(line)) namespaced = true;
    }
    for (const name of names) {
      const r: RenderedResource = { kind, name: resolveName(name, chart) };
      if (api.length && !api.some((a) => a.includes('{{'))) r.api = api;
      if (!namespaced) r.cluster = true;
      if (kind === 'Deployment' || kind === 'DaemonSet') {
        const c = listNames(lines, 'containers', chart);
        if (c) r.containers = c;
        const ic = listNames(lines, 'initContainers', chart);
        if (ic) r.initContainers = ic;
      }
      out.push(r);
    }
  }
  return out;
}

/** Merges resources with the same kind and name (different branches of one template, or two templates). */
export function mergeResources(list: RenderedResource[]): RenderedResource[] {
  const byKey = new Map<string, RenderedResource>();
  for (const r of list) {
    const key = `${r.kind}\u0000${r.name}`;
    const had = byKey.get(key);
    if (!had) { byKey.set(key, { ...r }); continue; }
    const union = (a?: string[], b?: string[]) => (a || b ? [...new Set([...(a ?? []), ...(b ?? [])])].sort() : undefined);
    const api = union(had.api, r.api);
    if (api) had.api = api;
    // Only cluster-scoped when no branch sets a namespace.
    if (!(had.cluster && r.cluster)) delete had.cluster;
    const c = union(had.containers, r.containers);
    if (c) had.containers = c;
    const ic = union(had.initContainers, r.initContainers);
    if (ic) had.initContainers = ic;
  }
  return [...byKey.values()].sort((a, b) => (a.kind === b.kind ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.kind < b.kind ? -1 : 1));
}
