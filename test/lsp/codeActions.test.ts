// Quick fixes over real LSP: offered for a typo, applied only by the client (the user).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { docUri, LspClient } from '../support/lspClient.ts';

describe('quick fixes', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize({ initializationOptions: { diagnosticsDelay: 0 } });
  });
  after(() => client.dispose());

  it('offers the suggested key, the unquoted boolean and the enum guess as edits', async () => {
    const uri = docUri('fixes.yaml');
    const text = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    pilot:\n      enabld: true\n    cni:\n      enabled: "no"\n  meshConfig:\n    accessLogEncoding: JSNO\n';
    client.open(uri, text);
    const { diagnostics } = await client.diagnostics(uri, { version: 1 });
    assert.equal(diagnostics.length, 3);
    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 11, character: 0 } },
      context: { diagnostics },
    });
    const edits = actions.map((a) => [a.kind, a.edit.changes[uri][0].newText, a.edit.changes[uri][0].range.start.line]);
    assert.deepEqual(edits, [['quickfix', 'enabled', 6], ['quickfix', 'false', 8], ['quickfix', 'JSON', 10]]);
    // Nothing was applied: the server never edits the document itself.
    assert.ok(!client.serverRequests.some((m) => m.method === 'workspace/applyEdit'));
  });
});
