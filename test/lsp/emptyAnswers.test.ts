// Requests the server cannot answer get empty answers, never errors: documents it never saw or
// has closed, and positions past the end of the text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { docUri, LspClient } from '../support/lspClient.ts';

const TEXT = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: default\n';

describe('requests the server cannot answer', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize({ initializationOptions: { diagnosticsDelay: 0 } });
  });
  after(async () => {
    assert.deepEqual(client.errorLogs(), [], 'nothing failed inside the server');
    const exit = await client.shutdown();
    assert.equal(exit.code, 0, 'and it is still alive to shut down cleanly');
  });

  for (const [what, uri] of [['a document never opened', docUri('never-opened.yaml')], ['a closed document', docUri('closed-then-asked.yaml')]] as const) {
    it(`${what}: empty completion, null hover, no symbols, no folding`, async () => {
      if (what === 'a closed document') {
        client.open(uri, TEXT);
        await client.diagnostics(uri, { version: 1 });
        client.close(uri);
      }
      const position = { line: 3, character: 4 };
      assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri }, position }), { isIncomplete: false, items: [] });
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position }), null);
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
      assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri } }), []);
    });
  }

  it('positions past the end of the document: empty completion and null hover', async () => {
    const uri = docUri('past-the-end.yaml');
    client.open(uri, TEXT);
    for (const position of [{ line: 99, character: 0 }, { line: 4000, character: 12 }]) {
      assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri }, position }), { isIncomplete: false, items: [] });
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position }), null);
    }
  });
});
