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

  it('rewrites a Kubernetes setting into the form its release reads: the client applies the edits, the server checks again, nothing else changed', async () => {
    const uri = docUri('k8s-forms.yaml');
    const text = '# istio-version: 1.30\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    pilot:\n      k8s:\n        # extra config\n        volumes:\n        - name: extra\n          volumeSource:\n            configMap:\n              localObjectReference: {name: cm}\n        hpaSpec:\n          maxReplicas: 5\n          metrics:\n          - type: Resource\n            resource: {name: cpu, targetAverageUtilization: 80}\n';
    client.open(uri, text);
    const { diagnostics } = await client.diagnostics(uri, { version: 1 });
    const forms = diagnostics.filter((d: any) => d.code === 'k8s-form');
    assert.equal(forms.length, 2);
    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 18, character: 0 } },
      context: { diagnostics: forms },
    });
    assert.equal(actions.length, 2);
    // Apply the first, as a client does, then ask again for the second on the new text.
    let current = text;
    let version = 1;
    for (const title of actions.map((a) => a.title)) {
      const { diagnostics: now } = version === 1 ? { diagnostics: forms } : await client.diagnostics(uri, { version });
      const [action] = await client.request<any[]>('textDocument/codeAction', {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 18, character: 0 } },
        context: { diagnostics: now.filter((d: any) => d.code === 'k8s-form').slice(0, 1) },
      });
      assert.ok(action, `no action for ${title}`);
      for (const e of action.edit.changes[uri]) {
        client.change(uri, ++version, [{ range: e.range, text: e.newText }]);
        current = applyLsp(current, e.range, e.newText);
      }
    }
    const final = await client.diagnostics(uri, { version });
    assert.deepEqual(final.diagnostics.map((d: any) => d.code), ['ignored-setting'], 'only the note that k8s.volumes is never rendered');
    assert.match(current, /\n {8}- name: extra\n {10}configMap:\n {12}name: cm\n/);
    assert.match(current, /resource: \{name: cpu, target: \{type: Utilization, averageUtilization: 80\}\}\n/);
    for (const line of text.split('\n')) if (!/volumeSource|localObjectReference|targetAverage|configMap/.test(line)) assert.ok(current.split('\n').includes(line), `line changed: ${line}`);
  });
});

function applyLsp(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, newText: string): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(range.start)) + newText + text.slice(offset(range.end));
}
