// `components.*.k8s.overlays` as istioctl applies them (overlayEras.ts): the target must be a
// resource the component renders at that release, each patch path is walked as tpath walks it,
// along the object's Kubernetes fields where they are known, and the value must fit the field.
import { isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { deref, keyName, type Step } from '../parse/yamlNodes.ts';
import type { RuleContext } from '../rules/ruleTypes.ts';
import { closest } from '../validate/suggest.ts';
import { kubernetesObjects, type KubernetesObjects } from './kubernetesObjects.ts';
import { overlayEra, type OverlayEra } from './overlayEras.ts';
import { namedResources, overlayLists, type NamedResource, type OverlayList } from './overlayTargets.ts';
import { stringAsMap, valueProblems } from './overlayValues.ts';
import { indexOf, keyValueOf, parsePatchPath, re2Compiles, valueOf, type PathElement } from './patchPath.ts';
import { releaseComponents } from './renderedResources.ts';

const str = (n: unknown): string => (isScalar(n) && n.value !== null && n.value !== undefined ? String(n.value) : '');
const code = (s: string) => `\`${s}\``;
const MAX_LISTED = 12;

function listNames(names: string[]): string {
  const shown = names.slice(0, MAX_LISTED).map(code).join(', ');
  return names.length > MAX_LISTED ? `${shown}, … (${names.length} in all)` : shown;
}

export function checkOverlays(ctx: RuleContext): void {
  const era = overlayEra(ctx.minor);
  const kube = kubernetesObjects(ctx.schema.version);
  for (const list of overlayLists(ctx.doc, ctx.schema, ctx.profile)) {
    const listPath = [...list.path, 'k8s', 'overlays'];
    // Not rendered: istioctl applies (and checks) none of its overlays. Said once unless the file disables it.
    if (list.enablement.state === 'off-written') continue;
    if (list.enablement.state === 'off-default') {
      ctx.report(list.overlays as unknown as Node, 'warning', 'overlay-target', `These overlays are never applied: istioctl ${ctx.schema.version} does not render ${list.label}, as ${list.enablement.why}. Add \`enabled: true\` to the component.`, listPath);
      continue;
    }
    if (!list.component?.rendered) {
      const why = list.component ? `its chart (${list.component.chart}) is not part of Istio ${ctx.schema.version}` : list.path[1] === 'addonComponents' ? 'istioctl renders addon components only up to 1.8' : 'istioctl has no chart for it';
      ctx.report(list.overlays as unknown as Node, 'warning', 'overlay-target', `These overlays are never applied: istioctl ${ctx.schema.version} renders nothing for ${list.label} (${why}).`, listPath);
      continue;
    }
    const named = namedResources(list);
    const lastFor = new Map<string, number>();
    const targets: Array<{ index: number; key: string; kindNode: Node | undefined }> = [];
    list.overlays.items.forEach((raw, i) => {
      const item = deref(ctx.doc, raw);
      if (!isMap(item)) return;
      const path = [...listPath, i];
      const target = checkTarget(ctx, era, list, named, item, path);
      if (!target) return;
      const key = `${target.resource.kind} ${target.name.display}`;
      lastFor.set(key, i);
      targets.push({ index: i, key, kindNode: deref(ctx.doc, item.get('kind', true)) as Node | undefined });
      checkPatches(ctx, era, kube, target, item, path);
    });
    if (era.lastOverlayWins) {
      for (const t of targets) {
        const last = lastFor.get(t.key)!;
        if (last === t.index || !t.kindNode) continue;
        ctx.report(t.kindNode, 'warning', 'overlay-target', `istioctl ${ctx.schema.version} applies only the last overlay of ${t.key} (overlays[${last}]): each overlay that matches patches the object as rendered, so these patches are lost (${era.lastOverlaySource}). Put all the patches in one overlay.`, [...listPath, t.index, 'kind']);
      }
    }
  }
}

function checkTarget(ctx: RuleContext, era: OverlayEra, list: OverlayList, named: NamedResource[], item: YAMLMap, path: Step[]): NamedResource | undefined {
  const kindNode = deref(ctx.doc, item.get('kind', true)) as Node | undefined;
  const nameNode = deref(ctx.doc, item.get('name', true)) as Node | undefined;
  const kind = str(kindNode);
  const name = str(nameNode);
  const v = ctx.schema.version;
  let matches = named.filter((n) => n.resource.kind === kind && n.name.regex.test(name));
  // 1.5 looks overlays up by kind, the component's namespace and name: objects without a namespace never match.
  const outside = era.clusterKinds ? matches.filter((n) => n.resource.cluster && !era.clusterKinds!.includes(kind)) : [];
  if (outside.length) matches = matches.filter((n) => !outside.includes(n));
  if (matches.length) return matches[0];
  const at = nameNode ?? kindNode ?? (item as unknown as Node);
  const where = [...path, nameNode ? 'name' : kindNode ? 'kind' : ''].filter((s) => s !== '');
  const sameKind = named.filter((n) => n.resource.kind === kind).map((n) => n.name.display);
  const kinds = [...new Set(named.map((n) => n.resource.kind))].sort();
  const parts: string[] = [];
  if (outside.length) {
    parts.push(`istioctl ${v} fails: ${kind} ${code(name)} is rendered without a namespace, and 1.5 matches an overlay by kind, the component's namespace and name (${era.source}; objects.go@1.5.10:76-83 drops the namespace only for ${era.clusterKinds!.join(', ')}).`);
  } else {
    const subject = `${kind || '(no kind)'} ${code(name || '(no name)')}`;
    parts.push(era.noMatch === 'error'
      ? `istioctl ${v} fails: "${era.noMatchText!.replace('%k', kind).replace('%n', name)}" (${era.source}): ${list.label} renders no ${subject}.`
      : `This overlay does nothing: istioctl ${v} patches only what ${list.label} renders, matched by kind and name, and says nothing when nothing matches (${era.source}); ${list.label} renders no ${subject}.`);
    if (sameKind.length) parts.push(`Its ${kind} ${sameKind.length === 1 ? 'is' : 'resources are'} ${listNames([...new Set(sameKind)].sort())}.`);
    else {
      const caseless = kinds.find((k) => k.toLowerCase() === kind.toLowerCase());
      parts.push(caseless ? `Kinds are matched exactly: write ${code(caseless)}.` : `It renders ${listNames(kinds)}${list.component?.workload ? `; its workload is the ${list.component.workload.kind} ${code(named.find((n) => n.resource.kind === list.component!.workload!.kind)?.name.display ?? list.component.workload.name)}` : ''}.`);
    }
    const elsewhere = otherComponent(ctx, list, kind, name);
    if (elsewhere) parts.push(`${kind} ${code(name)} is rendered by ${elsewhere}: put the overlay there.`);
    else if (sameKind.length) {
      const hint = closest(name, sameKind);
      if (hint && hint !== name) parts.push(`Did you mean ${code(hint)}?`);
    }
  }
  ctx.report(at, era.noMatch === 'error' || outside.length ? 'error' : 'warning', 'overlay-target', parts.join(' '), where);
  return undefined;
}

/** The component (other than this one) that renders kind/name, for the message. */
function otherComponent(ctx: RuleContext, list: OverlayList, kind: string, name: string): string | undefined {
  if (!kind || !name) return undefined;
  for (const [spec, c] of releaseComponents(ctx.schema.version) ?? []) {
    if (spec === list.component?.spec || !c.rendered) continue;
    const other: OverlayList = { ...list, component: c, names: { ...list.names, gateway: undefined } };
    if (namedResources(other).some((n) => n.resource.kind === kind && !n.name.loose && n.name.regex.test(name))) return `${spec}`;
  }
  return undefined;
}

/** A node standing for part of a plain (or simply quoted) one-line scalar, for a narrower range. */
function partOf(node: Node, el: PathElement): Node {
  const s = node as Scalar;
  const r = s.range;
  if (!r || el.start === undefined || el.end === undefined || typeof s.value !== 'string') return node;
  const quoted = s.type === Scalar.QUOTE_DOUBLE || s.type === Scalar.QUOTE_SINGLE;
  if (!(s.type === Scalar.PLAIN || quoted) || r[1] - r[0] !== s.value.length + (quoted ? 2 : 0) || /\\|''/.test(s.value)) return node;
  const base = r[0] + (quoted ? 1 : 0);
  return { range: [base + el.start, base + el.end, base + el.end] } as unknown as Node;
}

interface Walk { code: string | undefined; where: string; last: 'key' | 'kv' | 'index' | 'value' | 'none'; kv?: { key: string; text: string } }

function checkPatches(ctx: RuleContext, era: OverlayEra, kube: KubernetesObjects, target: NamedResource, item: YAMLMap, path: Step[]): void {
  const patches = deref(ctx.doc, item.get('patches', true));
  if (!isSeq(patches)) return;
  const v = ctx.schema.version;
  const root = kube.objectType(target.resource.kind, target.resource.api);
  patches.items.forEach((raw, j) => {
    const patch = deref(ctx.doc, raw);
    if (!isMap(patch)) return;
    const at: Step[] = [...path, 'patches', j];
    const pathNode = deref(ctx.doc, patch.get('path', true)) as Node | undefined;
    const valuePair = (patch.items as Pair[]).find((p) => keyName(p) === 'value');
    const valueNode = valuePair ? deref(ctx.doc, valuePair.value) : undefined;
    const hasValue = valueNode !== undefined && valueNode !== null && !(isScalar(valueNode) && valueNode.value === null);
    const text = isScalar(pathNode) && pathNode.value !== null ? String(pathNode.value) : '';
    const here = pathNode ?? (patch as unknown as Node);
    const elements = parsePatchPath(text);
    if (era.emptyPath === 'skipped' && text.trim() === '') {
      ctx.report(here, 'warning', 'overlay-path', `This patch does nothing: istioctl ${v} skips a patch with an empty path ("has empty path, skip", ${era.emptyPathSource}).`, [...at, 'path']);
      return;
    }
    if (!elements.length) {
      if (era.emptyPath === 'root' && !hasValue) ctx.report(here, 'error', 'overlay-path', `istioctl ${v} fails: "cannot delete root element": an empty path names the object itself, and a patch without a value deletes its target (${era.emptyPathSource}).`, [...at, 'path']);
      else ctx.report(here, 'warning', 'overlay-path', `This patch does nothing: its path names the object itself, which istioctl ${v} does not replace (${era.emptyPathSource}).`, [...at, 'path']);
      return;
    }
    const walk = walkPath(ctx, era, kube, target, root, elements, pathNode ?? here, [...at, 'path']);
    if (!walk || walk.code === undefined) return;
    checkValue(ctx, era, kube, walk, valuePair, valueNode, hasValue, at);
  });
}

const TYPED_LISTS = /(^|\.)spec\.template\.spec\.(containers|initContainers)$/;

function walkPath(ctx: RuleContext, era: OverlayEra, kube: KubernetesObjects, target: NamedResource, root: string | undefined, elements: PathElement[], node: Node, at: Step[]): Walk | undefined {
  const v = ctx.schema.version;
  const w: Walk = { code: root, where: '', last: 'none' };
  const report = (el: PathElement, severity: 'error' | 'warning', c: 'overlay-path' | 'overlay-field', message: string) => ctx.report(partOf(node, el), severity, c, message, at);
  const kinds = `${target.resource.kind} ${code(target.name.display)}`;
  for (const el of elements) {
    const pe = el.text;
    const parent = w.where || '(the object)';
    const next = w.where ? `${w.where}.${pe}` : pe;
    if (w.code === undefined) {
      // No field tree for this kind: only what no node can take.
      if (pe.startsWith('[') !== pe.endsWith(']')) report(el, 'warning', 'overlay-path', `${code(pe)} is not a path element istioctl reads as a list selector: a \`[\` without its \`]\` (or the other way round) is a key of that name. Escape dots inside a selector as \`\\.\`.`);
      w.where = next;
      continue;
    }
    const t = kube.decode(w.code);
    if (t.shape === 'any') { w.code = undefined; w.where = next; continue; }
    if (t.shape === 'object' || t.shape === 'map') {
      if (pe.startsWith('[')) {
        report(el, 'warning', 'overlay-path', `${code(parent)} of ${kinds} is ${t.shape === 'object' ? `an object (${t.name})` : 'a map'}, not a list: istioctl looks up (and creates) a key named ${code(pe)}, which Kubernetes does not know. Select list items below a list field.`);
        return undefined;
      }
      if (t.shape === 'object') {
        const field = t.fields[pe];
        if (!field) {
          const hint = closest(pe, Object.keys(t.fields));
          report(el, 'warning', 'overlay-field', `${t.name} has no field ${code(pe)} in Kubernetes ${kube.release} (${code(parent)} of ${kinds}): istioctl writes the patch anyway, and the API server drops or refuses it.${hint ? ` Did you mean ${code(hint)}?` : ''}`);
          return undefined;
        }
        w.code = field;
      } else w.code = t.of;
      w.where = next;
      w.last = 'key';
      continue;
    }
    if (t.shape === 'scalar') {
      report(el, 'warning', 'overlay-field', `${code(parent)} of ${kinds} is ${kube.describe(w.code)}: the path cannot go below it (istioctl fails with "leaf type … in non-leaf Node" when the object sets it, ${era.treeSource}).`);
      return undefined;
    }
    // A list: `[N]`, else `[key:value]` for a list of objects, `[value]` for a list of scalars.
    const n = indexOf(pe, era.maxIndex);
    const itemType = kube.decode(t.of);
    if (n !== undefined) {
      if (n === -1 && era.minusOneCrashes) {
        report(el, 'error', 'overlay-path', `istioctl ${v} crashes on ${code('[-1]')}: it reads the list at index -1 (${era.treeSource}). Use an index at the end of the list.`);
        return undefined;
      }
      w.code = t.of; w.where = `${w.where}[${n}]`; w.last = 'index';
      continue;
    }
    const example = t.keys.length ? `\`[${t.keys[0]}:…]\`` : '`[key:value]`';
    if (itemType.shape !== 'scalar') {
      const kv = keyValueOf(pe);
      if (!kv) {
        report(el, 'error', 'overlay-path', `istioctl ${v} fails: "${pe} is not a valid key:value path element": ${code(parent)} is a list of ${itemType.shape === 'object' ? itemType.name : 'maps'}; select an item with ${example} or \`[N]\`${pe.includes('.') || /\[[^\]]*$/.test(pe) ? ' (escape dots in the value as `\\.`)' : ''}.`);
        return undefined;
      }
      if (itemType.shape === 'object' && !itemType.fields[kv.key]) {
        report(el, 'error', 'overlay-path', `istioctl ${v} fails: "element ${pe} not found": no ${itemType.name} has a field ${code(kv.key)}${t.keys.length ? `; the items of ${code(parent)} are keyed by ${t.keys.map(code).join(', ')}` : ''}.`);
        return undefined;
      }
      const listed = TYPED_LISTS.test(w.where) ? (w.where.endsWith('initContainers') ? target.resource.initContainers : target.resource.containers) : undefined;
      if (listed && kv.key === 'name' && listed.every((c) => !c.includes('{')) && !listed.includes(kv.value)) {
        const hint = closest(kv.value, listed);
        report(el, 'error', 'overlay-path', `istioctl ${v} fails: "element ${pe} not found": ${kinds} has no ${w.where.endsWith('initContainers') ? 'init container' : 'container'} ${code(kv.value)}; ${listed.length === 1 ? 'its one is' : 'they are'} ${listNames(listed)}${hint ? ` (did you mean ${code(hint)}?)` : ''}.`);
        return undefined;
      }
      w.code = t.of; w.where = `${w.where}[${kv.key}=${kv.value}]`; w.last = 'kv'; w.kv = { key: kv.key, text: pe };
      continue;
    }
    const re = valueOf(pe);
    if (re === undefined) {
      report(el, 'error', 'overlay-path', `istioctl ${v} fails: "${pe} is not a valid value path element": ${code(parent)} is a list of ${kube.describe(t.of).replace(/^an? /, '')}s; select an item with \`[regular expression]\` or \`[N]\`.`);
      return undefined;
    }
    if (!re2Compiles(re)) {
      report(el, 'error', 'overlay-path', `istioctl ${v} fails: "element ${pe} not found": Go cannot compile the regular expression ${code(re)}, and a pattern that does not compile matches nothing (tree.go@1.20.8:510-518).`);
      return undefined;
    }
    w.code = t.of; w.where = `${w.where}[${re}]`; w.last = 'value';
  }
  return w;
}

function checkValue(ctx: RuleContext, era: OverlayEra, kube: KubernetesObjects, w: Walk, valuePair: Pair | undefined, valueNode: unknown, hasValue: boolean, at: Step[]): void {
  const v = ctx.schema.version;
  if (!hasValue) {
    if (!era.deletesMapKeys && w.last === 'key') {
      ctx.report((valuePair?.key as Node | undefined) ?? (ctx.get(at) as Node), 'warning', 'overlay-value', `This patch does nothing: without a value istioctl ${v} deletes list items only, not ${code(w.where)} (tpath.go@1.5.10:275-289).`, at);
    }
    return;
  }
  const node = valueNode as Node;
  let value: unknown = node;
  if (era.stringAsYaml && isScalar(node) && typeof node.value === 'string') {
    const map = stringAsMap(node.value);
    if (map) {
      const t = kube.decode(w.code!);
      if (t.shape === 'scalar' || t.shape === 'array') {
        ctx.report(node, 'warning', 'overlay-value', `istioctl ${v} reads a string value holding \`: \` as YAML (${era.stringSource}), so ${code(w.where)} becomes a map, not ${kube.describe(w.code!)}: the API server refuses the object. Write the value without \`: \`, or patch a string you can write plainly.`, [...at, 'value']);
        return;
      }
      value = map;
    }
  }
  for (const p of valueProblems(ctx.doc, kube, w.code!, value, w.where, node)) ctx.report(p.node, 'warning', 'overlay-value', p.message, [...at, 'value', ...p.at]);
  // `…[name:x]` then a value: the value replaces the whole item (setValueContext, merge off).
  if (w.last === 'kv' && w.kv) {
    const m = deref(ctx.doc, value);
    const keys = isMap(m) ? (m.items as Pair[]).map((p) => keyName(p)) : m && typeof m === 'object' && !Array.isArray(m) ? Object.keys(m) : undefined;
    if (keys && !keys.includes(w.kv.key)) {
      ctx.report(node, 'warning', 'overlay-value', `This value replaces the whole item ${code(w.kv.text)} selects, not only the fields it names (${era.treeSource}, setValueContext): the new item has no ${code(w.kv.key)} and loses every field not written here. Put the field in the path (\`…${w.kv.text}.field\`), or write the whole item.`, [...at, 'value']);
    }
  }
}
