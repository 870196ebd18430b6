// Completion inside `k8s.overlays`: the kinds and names the component renders at the document's
// release, and the next segment of a patch path (the object's fields, list selectors).
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import { isMap, isScalar } from 'yaml';
import type { CursorContext } from '../complete/cursor.ts';
import { documentProfile } from '../hover/fieldDocs.ts';
import type { ParsedFile } from '../parse/parse.ts';
import { deref, type Step } from '../parse/yamlNodes.ts';
import type { IstioSchema } from '../schema/schemaStore.ts';
import { kubernetesObjects } from './kubernetesObjects.ts';
import { overlayEra } from './overlayEras.ts';
import { namedResources, overlayLists, type NamedResource } from './overlayTargets.ts';
import { indexOf, keyValueOf, parsePatchPath, splitEscaped, valueOf } from './patchPath.ts';

const samePath = (a: readonly Step[], b: readonly Step[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/** Items for the cursor when it is on an overlay's `kind`, `name` or patch `path`; undefined elsewhere. */
export function overlayCompletion(file: ParsedFile, ctx: CursorContext, schema: IstioSchema): CompletionItem[] | undefined {
  if (ctx.kind !== 'value' || !ctx.doc) return undefined;
  const p = ctx.path;
  const at = p.lastIndexOf('overlays');
  if (at < 1 || p[at - 1] !== 'k8s' || typeof p[at + 1] !== 'number') return undefined;
  const rest = p.slice(at + 2);
  const field = rest.length === 1 ? rest[0] : rest.length === 3 && rest[0] === 'patches' && rest[2] === 'path' ? 'path' : undefined;
  if (field !== 'kind' && field !== 'name' && field !== 'path') return undefined;
  const list = overlayLists(ctx.doc.doc, schema, documentProfile(schema, ctx.doc).name).find((l) => samePath([...l.path, 'k8s', 'overlays'], p.slice(0, at + 1)));
  if (!list?.component?.rendered) return undefined;
  const named = namedResources(list);
  const item = deref(ctx.doc.doc, list.overlays.items[p[at + 1] as number]);
  const written = (key: string) => { const n = isMap(item) ? deref(ctx.doc!.doc, item.get(key, true)) : undefined; return isScalar(n) && n.value !== null ? String(n.value) : ''; };
  const range = file.lines.range(ctx.replace[0], ctx.replace[1]);
  const lead = ctx.needsSpace ? ' ' : '';
  const value = (label: string, kind: CompletionItemKind, doc: string, detail?: string): CompletionItem => ({
    label, kind, detail, documentation: { kind: MarkupKind.Markdown, value: doc },
    textEdit: { range, newText: lead + label }, filterText: label, insertTextFormat: InsertTextFormat.PlainText, insertTextMode: InsertTextMode.asIs,
  });
  const where = `${list.label} in Istio ${schema.version} (chart \`${list.component.chart}\`)`;
  if (field === 'kind') {
    const kinds = [...new Set(named.map((n) => n.resource.kind))].sort();
    return kinds.map((k) => value(k, CompletionItemKind.Class, `Rendered by ${where}: ${named.filter((n) => n.resource.kind === k).map((n) => `\`${n.name.display}\``).join(', ')}.`));
  }
  if (field === 'name') {
    const kind = written('kind');
    const seen = new Set<string>();
    const out: CompletionItem[] = [];
    for (const n of named) {
      if ((kind && n.resource.kind !== kind) || n.name.display.includes('*') || seen.has(`${n.resource.kind} ${n.name.display}`)) continue;
      seen.add(`${n.resource.kind} ${n.name.display}`);
      out.push(value(n.name.display, CompletionItemKind.Value, `The ${n.resource.kind} \`${n.name.display}\` rendered by ${where}${n.name.loose ? ' (its namespace part is a guess from the document)' : ''}.`, kind ? undefined : n.resource.kind));
    }
    return out;
  }
  const target = named.find((n) => n.resource.kind === written('kind') && n.name.regex.test(written('name')));
  return target ? pathItems(file, ctx, schema, target) : [];
}

/** The next segments of a patch path at the cursor, along the target's Kubernetes fields. */
function pathItems(file: ParsedFile, ctx: CursorContext, schema: IstioSchema, target: NamedResource): CompletionItem[] {
  const kube = kubernetesObjects(schema.version);
  let code = kube.objectType(target.resource.kind, target.resource.api);
  if (!code) return [];
  const era = overlayEra(Number(schema.version.split('.')[1]));
  // The segment being written starts after the last unescaped `.` before the cursor.
  const parts = splitEscaped(ctx.prefix, '.');
  const current = parts[parts.length - 1];
  const done = ctx.prefix.slice(0, current.start);
  let where = '';
  for (const el of parsePatchPath(done)) {
    const t = kube.decode(code);
    if (t.shape === 'object') { const f = t.fields[el.text]; if (!f) return []; code = f; }
    else if (t.shape === 'map') code = t.of;
    else if (t.shape === 'array' && (indexOf(el.text, era.maxIndex) !== undefined || keyValueOf(el.text) || valueOf(el.text))) code = t.of;
    else return [];
    where = where ? `${where}.${el.text}` : el.text;
  }
  const start = ctx.replace[0] + current.start;
  let end = start;
  const text = file.text;
  while (end < ctx.replace[1] && !(text[end] === '.' && text[end - 1] !== '\\')) end++;
  if (end < ctx.offset) end = ctx.offset;
  const range = file.lines.range(start, end);
  const item = (label: string, kind: CompletionItemKind, detail: string, sortText: string): CompletionItem => ({
    label, kind, detail, sortText, filterText: label,
    textEdit: { range, newText: (ctx.needsSpace && start === ctx.replace[0] ? ' ' : '') + label },
    insertTextFormat: InsertTextFormat.PlainText, insertTextMode: InsertTextMode.asIs,
  });
  const t = kube.decode(code);
  if (t.shape === 'object') {
    return Object.entries(t.fields).map(([name, c], i) => item(name, CompletionItemKind.Field, `${kube.describe(c)} — ${t.name} (Kubernetes ${kube.release})`, `a${String(i).padStart(4, '0')}`));
  }
  if (t.shape !== 'array') return [];
  const out: CompletionItem[] = [];
  const list = /(^|\.)spec\.template\.spec\.(containers|initContainers)$/.test(where) ? (where.endsWith('initContainers') ? target.resource.initContainers : target.resource.containers) : undefined;
  for (const name of list ?? []) if (!name.includes('{')) out.push(item(`[name:${name}]`, CompletionItemKind.Value, `the container \`${name}\` of ${target.resource.kind} ${target.name.display}`, `a${out.length}`));
  out.push(item('[0]', CompletionItemKind.Value, `the first item of \`${where}\`${era.createsMissing ? '; an index past the end appends' : ''}`, 'b0'));
  for (const key of t.keys) if (key !== 'name' || !list) out.push(item(`[${key}:]`, CompletionItemKind.Value, `the item whose \`${key}\` is the value after the colon`, `c${key}`));
  return out;
}
