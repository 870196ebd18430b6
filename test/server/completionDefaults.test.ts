// Completion list item defaults: only what every item shares moves to itemDefaults, only the
// defaults the client announced are used, and applying them back gives the original items.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver/node';
import { supportedItemDefaults, withItemDefaults } from '../../server/src/completionDefaults.ts';

const range = (c: number) => ({ start: { line: 3, character: c }, end: { line: 3, character: c + 2 } });
const data = { iopDoc: { v: '1.20', p: ['spec'], pf: 'default' } };
const keys = (): CompletionList => ({
  isIncomplete: false,
  items: ['hub', 'tag', 'profile'].map((label, i) => ({ label, kind: 10, sortText: `a${i}`, textEdit: { range: range(2), newText: `${label}: ` }, insertTextMode: 1, data })),
});

/** What a 3.17 client does with the defaults (vscode-languageclient's protocol converter). */
function applyDefaults(list: CompletionList): CompletionItem[] {
  const d = list.itemDefaults ?? {};
  return list.items.map((item) => {
    const out: CompletionItem = { ...item };
    if (d.editRange && item.textEditText !== undefined) {
      out.textEdit = { range: d.editRange as ReturnType<typeof range>, newText: item.textEditText };
      delete out.textEditText;
    }
    if (out.insertTextMode === undefined && d.insertTextMode !== undefined) out.insertTextMode = d.insertTextMode;
    if (out.insertTextFormat === undefined && d.insertTextFormat !== undefined) out.insertTextFormat = d.insertTextFormat;
    if (out.data === undefined && d.data !== undefined) out.data = d.data;
    return out;
  });
}

describe('completion item defaults', () => {
  const all = supportedItemDefaults(['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data']);

  it('reads the defaults the client announced, ignoring ones it does not use', () => {
    assert.deepEqual([...all].sort(), ['data', 'editRange', 'insertTextFormat', 'insertTextMode']);
    assert.deepEqual([...supportedItemDefaults(['editRange'])], ['editRange']);
    assert.equal(supportedItemDefaults(undefined).size, 0);
    assert.equal(supportedItemDefaults('editRange').size, 0);
  });

  it('moves the shared range, mode and data out of the items, and applying them gives the items back', () => {
    const list = keys();
    const compact = withItemDefaults(list, all);
    assert.deepEqual(compact.itemDefaults, { editRange: range(2), insertTextMode: 1, data });
    for (const item of compact.items) {
      assert.equal(item.textEdit, undefined);
      assert.equal(item.data, undefined);
      assert.equal(item.insertTextMode, undefined);
    }
    assert.deepEqual(applyDefaults(compact), list.items);
    assert.ok(JSON.stringify(compact).length < JSON.stringify(list).length / 1.5);
  });

  it('leaves a client without item defaults the full items', () => {
    const list = keys();
    assert.equal(withItemDefaults(list, new Set()), list);
  });

  it('keeps per item what differs between items', () => {
    const list = keys();
    list.items[1].textEdit = { range: range(4), newText: 'tag: ' };
    list.items[2].data = { other: true };
    const compact = withItemDefaults(list, all);
    assert.equal(compact.itemDefaults?.editRange, undefined, 'ranges differ');
    assert.equal(compact.itemDefaults?.data, undefined, 'data differs');
    assert.equal(compact.itemDefaults?.insertTextMode, 1);
    assert.deepEqual(compact.items.map((i) => (i.textEdit as { range: unknown } | undefined)?.range), [range(2), range(4), range(2)]);
    assert.deepEqual(applyDefaults(compact), list.items);
  });

  it('uses only the defaults the client announced', () => {
    const compact = withItemDefaults(keys(), supportedItemDefaults(['insertTextMode']));
    assert.deepEqual(compact.itemDefaults, { insertTextMode: 1 });
    assert.ok(compact.items.every((i) => i.textEdit && i.data));
  });

  it('leaves a list of one item, or an empty one, as it is', () => {
    const one: CompletionList = { isIncomplete: false, items: [keys().items[0]] };
    assert.equal(withItemDefaults(one, all), one);
    const none: CompletionList = { isIncomplete: false, items: [] };
    assert.equal(withItemDefaults(none, all), none);
  });
});
