// LSP 3.17 completion list item defaults: what every item of a list shares (the replaced range, the
// insert text mode and format, the resolve data) is sent once in `itemDefaults` instead of once per
// item, for clients that announce it (VS Code does). The list is a third of the size; the client
// applies the defaults back to each item, so what the user gets is the same.
import type { CompletionItem, CompletionList, Range } from 'vscode-languageserver/node';
import { sameRange } from './engine/parse/lineIndex.ts';

/** The item defaults this server can use (from `completionList.itemDefaults` of the client). */
export type ItemDefault = 'editRange' | 'insertTextMode' | 'insertTextFormat' | 'data';

const USABLE: readonly ItemDefault[] = ['editRange', 'insertTextMode', 'insertTextFormat', 'data'];

export function supportedItemDefaults(announced: unknown): Set<ItemDefault> {
  const list = Array.isArray(announced) ? announced : [];
  return new Set(USABLE.filter((d) => list.includes(d)));
}

/** The list with every field all its items share moved to `itemDefaults`, where the client takes it. */
export function withItemDefaults(list: CompletionList, supported: ReadonlySet<ItemDefault>): CompletionList {
  const { items } = list;
  if (!supported.size || items.length < 2) return list;
  const defaults: NonNullable<CompletionList['itemDefaults']> = {};
  const range = supported.has('editRange') ? sharedRange(items) : undefined;
  if (range) defaults.editRange = range;
  const mode = supported.has('insertTextMode') ? shared(items, (i) => i.insertTextMode) : undefined;
  if (mode !== undefined) defaults.insertTextMode = mode;
  const format = supported.has('insertTextFormat') ? shared(items, (i) => i.insertTextFormat) : undefined;
  if (format !== undefined) defaults.insertTextFormat = format;
  const data = supported.has('data') ? shared(items, (i) => i.data) : undefined;
  if (data !== undefined) defaults.data = data;
  if (!Object.keys(defaults).length) return list;
  return {
    isIncomplete: list.isIncomplete,
    itemDefaults: defaults,
    // Rebuilt without the moved fields (deleting them would slow every later use of the object).
    items: items.map(({ textEdit, insertTextMode, insertTextFormat, data: itemData, ...rest }) => {
      const out: CompletionItem = rest;
      if (textEdit) {
        if (range) out.textEditText = textEdit.newText;
        else out.textEdit = textEdit;
      }
      if (mode === undefined && insertTextMode !== undefined) out.insertTextMode = insertTextMode;
      if (format === undefined && insertTextFormat !== undefined) out.insertTextFormat = insertTextFormat;
      if (data === undefined && itemData !== undefined) out.data = itemData;
      return out;
    }),
  };
}

/** The value every item has (the same object, or the same number), else undefined. */
function shared<T>(items: readonly CompletionItem[], field: (item: CompletionItem) => T | undefined): T | undefined {
  const first = field(items[0]);
  return first !== undefined && items.every((i) => field(i) === first) ? first : undefined;
}

/** The range every item's plain text edit replaces (an insert/replace edit has two: not shared). */
function sharedRange(items: readonly CompletionItem[]): Range | undefined {
  let range: Range | undefined;
  for (const item of items) {
    const edit = item.textEdit;
    if (!edit || !('range' in edit)) return undefined;
    if (range && !sameRange(range, edit.range)) return undefined;
    range ??= edit.range;
  }
  return range;
}
