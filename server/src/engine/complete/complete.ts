// Completion: keys at any depth (list items too, never one the map already has), enum values,
// booleans and the release's profile names, with insert text that builds the YAML structure.
import {
  CompletionItemKind, CompletionItemTag, InsertTextFormat, InsertTextMode, MarkupKind,
  type CompletionItem, type CompletionList, type Position, type Range,
} from 'vscode-languageserver-types';
import { locateCursor, type CursorContext } from './cursor.ts';
import { snippetCompletions } from '../init/snippets.ts';
import { enumNames, fieldContext, fieldMarkdown, type DocumentProfile, type FieldContext, type IstioctlDefaults } from '../hover/fieldDocs.ts';
import type { Locale } from '../l10n/locale.ts';
import { t } from '../l10n/messages.ts';
import { schemaChain, shapeOf, typesOf } from '../hover/fieldFacts.ts';
import { mapKeys, nodeAtPath } from '../parse/nodePath.ts';
import type { ParsedFile, YamlDoc } from '../parse/parse.ts';
import type { IstioSchema, SchemaNode } from '../schema/schemaStore.ts';
import { formatPath, isScalar, type Step } from '../parse/yamlNodes.ts';
import { overlayCompletion } from '../overlays/overlayCompletion.ts';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/** Sort groups: ordinary fields first (in the schema's order), then hidden, then deprecated ones. */
const GROUP = { normal: 'a', hidden: 'b', deprecated: 'c' } as const;

/** How a key is written where the cursor is. */
interface KeyPlacement {
  /** Column the key starts at (after any `- ` written with it). */
  column: number;
  /** Text written before the key: `- ` for a new list item, a line break for a key under `key:`. */
  lead: string;
  /** Only the name: the `:` is already there. */
  bare: boolean;
}

/**
 * What `resolveCompletion` needs to write a key item's docs later (LSP completionItem/resolve): the
 * release, the path of the map the keys go in (the item's label is the key), the document's profile
 * (`w`: the name written when it is not a built-in one) and the list item names along the path.
 * One object serves every item of a list, so a client that takes `itemDefaults.data` gets it once.
 */
export interface LazyDoc { v: string; p: Step[]; pf: string; w?: string; n?: Record<string, string> }

export function complete(file: ParsedFile, position: Position, schemaFor: (doc: YamlDoc | undefined) => IstioSchema, minors: readonly string[], istioctl?: IstioctlDefaults, lazyDocs = false, locale: Locale = 'en'): CompletionList {
  if (file.tooLarge) return EMPTY;
  const ctx = locateCursor(file, file.lines.offset(position));
  if (!ctx || !offeredIn(ctx)) return EMPTY;
  const schema = schemaFor(ctx.doc);
  // k8s.overlays: the kinds, names and patch paths of what the component renders.
  const overlay = overlayCompletion(file, ctx, schema);
  if (overlay) return { isIncomplete: false, items: overlay };
  const chain = schemaChain(schema, ctx.path);
  if (!chain) return EMPTY;
  const node = chain[chain.length - 1];
  const fc: FieldContext = { ...fieldContext(schema, minors, ctx.doc, istioctl, locale), lazy: lazyDocs };
  const range = file.lines.range(ctx.replace[0], ctx.replace[1]);
  const items = (() => {
    if (ctx.kind === 'item') {
      const item = schema.child(node, ctx.itemIndex);
      if (!item) return [];
      const itemPath = [...ctx.path, ctx.itemIndex];
      if (shapeOf(item) === 'object') return keyItems(fc, ctx, itemPath, [...chain, item], new Set(), range, { column: ctx.column + 2, lead: '- ', bare: ctx.hasColon });
      return valueItems(fc, ctx, itemPath, [...chain, item], range, '- ');
    }
    if (ctx.kind === 'key') {
      if (ctx.afterDash && typeof ctx.path[ctx.path.length - 1] === 'number' && shapeOf(node) !== 'object') return valueItems(fc, ctx, ctx.path, chain, range, '');
      return keyItems(fc, ctx, ctx.path, chain, canonical(schema, node, ctx.present), range, { column: ctx.column, lead: '', bare: ctx.hasColon });
    }
    // A value: the field's values, or, right after `key:` of a map or list, its keys on a new line.
    const values = valueItems(fc, ctx, ctx.path, chain, range, ctx.needsSpace ? ' ' : '');
    if (values.length || ctx.flow || ctx.prefix !== '') return values;
    const shape = shapeOf(node);
    const column = ctx.column + ctx.indentUnit;
    const indent = ' '.repeat(column);
    if (shape === 'object') {
      const present = ctx.doc ? mapKeys(ctx.doc.doc, nodeAtPath(ctx.doc.doc, ctx.path)) : new Set<string>();
      return keyItems(fc, ctx, ctx.path, chain, canonical(schema, node, present), range, { column, lead: `\n${indent}`, bare: false });
    }
    const item = shape === 'array' ? schema.child(node, 0) : undefined;
    if (item && shapeOf(item) === 'object') return keyItems(fc, ctx, [...ctx.path, 0], [...chain, item], new Set(), range, { column: column + 2, lead: `\n${indent}- `, bare: false });
    return [];
  })();
  // The monitoring and tracing blocks `iop-lint init` writes, where they go (keys of meshConfig and values).
  items.push(...snippetCompletions(ctx, schema.version, range));
  return { isIncomplete: false, items };
}

/**
 * Only IstioOperator documents get completion; a document without a `kind` yet (a new one) gets
 * the root keys and the values of `apiVersion` and `kind`.
 */
function offeredIn(ctx: CursorContext): boolean {
  const doc = ctx.doc;
  if (doc?.isIstioOperator) return true;
  const root = (ctx.kind === 'key' && ctx.path.length === 0) || (ctx.kind === 'value' && ctx.path.length === 1);
  if (!root) return false;
  const kind = doc ? nodeAtPath(doc.doc, ['kind']) : undefined;
  const written = isScalar(kind) && kind.value !== null ? String(kind.value) : '';
  if (written === '') return true;
  // `kind: Ist|` is being typed: the parser already reads a (partial) kind.
  return ctx.kind === 'value' && ctx.path[0] === 'kind' && 'IstioOperator'.startsWith(written);
}

/** Present keys by their canonical name (a proto-name alias counts as its JSON name). */
function canonical(schema: IstioSchema, node: SchemaNode, present: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const k of present) out.add(schema.property(node, k)?.key ?? k);
  return out;
}

/** A key an object accepts, with what every completion item for it needs (kept per schema node). */
interface KeyEntry { name: string; shape: 'object' | 'array' | 'scalar'; sortText: string; hidden: boolean; deprecated: boolean; child: SchemaNode }

const keyEntryCache = new WeakMap<SchemaNode, readonly KeyEntry[]>();

function keyEntries(schema: IstioSchema, node: SchemaNode): readonly KeyEntry[] {
  let entries = keyEntryCache.get(node);
  if (entries) return entries;
  let keys = schema.keys(node);
  const named = !keys.length && node.additionalProperties && typeof node.additionalProperties === 'object';
  if (named) {
    // A map keyed by name (addonComponents): the names the profiles use.
    const value = schema.resolve(node.additionalProperties as SchemaNode);
    keys = profileKeys(node).map((k) => [k, value]);
  }
  entries = keys.map(([name, child], index) => {
    const deprecated = !!child.deprecated;
    const hidden = !!child['x-istio-hidden'];
    const group = deprecated ? GROUP.deprecated : hidden ? GROUP.hidden : GROUP.normal;
    return { name, child, shape: shapeOf(child), sortText: `${group}${String(index).padStart(4, '0')}`, hidden, deprecated };
  });
  keyEntryCache.set(node, entries);
  return entries;
}

function keyItems(fc: FieldContext, ctx: CursorContext, path: Step[], chain: SchemaNode[], present: Set<string>, range: Range, place: KeyPlacement): CompletionItem[] {
  const items: CompletionItem[] = [];
  const data = fc.lazy ? { iopDoc: lazyDoc(fc, path) } : undefined;
  const deeper = ' '.repeat(place.column + ctx.indentUnit);
  for (const entry of keyEntries(fc.schema, chain[chain.length - 1])) {
    if (present.has(entry.name)) continue;
    const item: CompletionItem = {
      label: entry.name,
      kind: CompletionItemKind.Property,
      sortText: entry.sortText,
      // Plain text (the default format), inserted as is: the text already carries its indentation.
      textEdit: { range, newText: place.lead + keyText(entry.name, entry.shape, ctx, place, deeper) },
      insertTextMode: InsertTextMode.asIs,
    };
    if (entry.hidden) item.detail = 'hidden field';
    if (entry.deprecated) item.tags = [CompletionItemTag.Deprecated];
    // Docs now, or (for a language client) when the item is shown: most items never are.
    if (data) item.data = data;
    else item.documentation = { kind: MarkupKind.Markdown, value: fieldMarkdown(fc, [...path, entry.name], [...chain, entry.child], { full: false }) };
    items.push(item);
  }
  return items;
}

function lazyDoc(fc: FieldContext, path: Step[]): LazyDoc {
  const doc: LazyDoc = { v: fc.schema.version, p: path, pf: fc.profile.name };
  if (!fc.profile.builtIn) doc.w = fc.profile.written;
  // The document's names of the list items along the path (gateway defaults are matched by name).
  path.forEach((step, i) => {
    if (typeof step !== 'number') return;
    const name = fc.itemName(path.slice(0, i + 1));
    if (name !== undefined) (doc.n ??= {})[formatPath(path.slice(0, i + 1))] = name;
  });
  return doc;
}

/** Writes the docs of an item `complete(…, lazyDocs)` left without them. */
export function resolveDocs(item: CompletionItem, schemaOf: (version: string) => IstioSchema | undefined, minors: readonly string[], istioctl?: IstioctlDefaults, locale: Locale = 'en'): CompletionItem {
  const lazy = (item.data as { iopDoc?: LazyDoc } | undefined)?.iopDoc;
  if (!lazy || item.documentation || !Array.isArray(lazy.p)) return item;
  const path = [...lazy.p, item.label];
  const schema = schemaOf(String(lazy.v));
  const chain = schema ? schemaChain(schema, path) : undefined;
  if (!schema || !chain) return item;
  const names = lazy.n ?? {};
  const profile: DocumentProfile = lazy.w === undefined ? { name: String(lazy.pf), builtIn: true } : { name: String(lazy.pf), builtIn: false, written: String(lazy.w) };
  const fc: FieldContext = {
    ...fieldContext(schema, minors, undefined, istioctl, locale),
    profile,
    itemName: (itemPath) => names[formatPath([...itemPath])],
  };
  return { ...item, documentation: { kind: MarkupKind.Markdown, value: fieldMarkdown(fc, path, chain, { full: false }) } };
}

/** `k8s:` + a new line one level deeper; `gateways:` + a new line with `- `; `hub: `. */
function keyText(name: string, shape: 'object' | 'array' | 'scalar', ctx: CursorContext, place: KeyPlacement, deeper: string): string {
  if (place.bare) return name;
  if (ctx.flow) return `${name}: `;
  if (shape === 'object') return `${name}:\n${deeper}`;
  if (shape === 'array') return `${name}:\n${deeper}- `;
  return `${name}: `;
}

function profileKeys(node: SchemaNode): string[] {
  const defaults = node['x-istio-defaults'];
  const names = new Set<string>();
  if (defaults && typeof defaults === 'object') {
    for (const v of Object.values(defaults)) if (v && typeof v === 'object' && !Array.isArray(v)) for (const k of Object.keys(v)) names.add(k);
  }
  return [...names].sort();
}

/** Enum names, `true`/`false`, or the release's profiles for `spec.profile`. */
function valueItems(fc: FieldContext, ctx: CursorContext, path: Step[], chain: SchemaNode[], range: Range, lead: string): CompletionItem[] {
  const node = chain[chain.length - 1];
  const values: Array<{ label: string; kind: CompletionItemKind; doc?: string }> = [];
  const enumDocs = (node['x-istio-enum-docs'] ?? {}) as Record<string, string>;
  for (const v of enumNames(node)) values.push({ label: v, kind: CompletionItemKind.EnumMember, doc: enumDocs[v] });
  if (!values.length && typesOf(node).includes('boolean')) for (const v of ['true', 'false']) values.push({ label: v, kind: CompletionItemKind.Value });
  if (!values.length && path.length === 2 && path[0] === 'spec' && path[1] === 'profile') {
    for (const p of fc.schema.profiles) values.push({ label: p, kind: CompletionItemKind.Value, doc: t(fc.locale ?? 'en', 'complete.builtInProfile', { profile: p, version: fc.schema.version }) });
  }
  if (!values.length) return [];
  const fieldDoc = fieldMarkdown(fc, path, chain, { full: false });
  return values.map((v, index) => ({
    label: v.label,
    kind: v.kind,
    documentation: { kind: MarkupKind.Markdown, value: v.doc ? `${v.doc.trim()}\n\n---\n\n${fieldDoc}` : fieldDoc },
    sortText: `${GROUP.normal}${String(index).padStart(4, '0')}`,
    filterText: v.label,
    textEdit: { range, newText: lead + v.label },
    insertTextFormat: InsertTextFormat.PlainText,
    insertTextMode: InsertTextMode.asIs,
  }));
}
