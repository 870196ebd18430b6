// Completion, hover, document symbols and folding over LSP: each request reaches the engine with
// the open version's text and the document's settings, and its answer comes back intact.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { docUri, LspClient, positionOf } from '../support/lspClient.ts';

// No version comment: the version comes from the setting the test client answers with.
const TEXT = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  profile: default
  components:
    pilot:
      k8s:
        hpaSpec:
          maxReplicas: 5
    ingressGateways:
      - name: istio-ingressgateway
        
`;
const ITEM_LINE = positionOf(TEXT, '        \n').line; // the empty line in the gateway item

const labels = (list: { items: Array<{ label: string }> }) => list.items.map((i) => i.label);

describe('editor features over LSP', () => {
  let client: LspClient;
  const setting: Record<string, string> = {};
  before(async () => {
    client = new LspClient();
    client.onRequest('workspace/configuration', (p: { items: Array<{ scopeUri: string }> }) => p.items.map((i) => ({ istioVersion: setting[i.scopeUri] ?? 'auto' })));
    await client.initialize({ capabilities: { workspace: { configuration: true } }, initializationOptions: { diagnosticsDelay: 0 } });
  });
  after(async () => {
    assert.deepEqual(client.errorLogs(), [], 'no feature failed inside the server');
    await client.shutdown();
  });

  it('completion in a list item offers the item\'s keys, not the ones present, with docs', async () => {
    const uri = docUri('complete-item.yaml');
    client.open(uri, TEXT);
    const list = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: ITEM_LINE, character: 8 } });
    assert.ok(labels(list).includes('k8s'), JSON.stringify(labels(list)));
    assert.ok(labels(list).includes('enabled'));
    assert.ok(!labels(list).includes('name'), 'name is already there');
    const k8s = list.items.find((i: any) => i.label === 'k8s');
    assert.equal(k8s.documentation, undefined, 'docs come on resolve, not in the list');
    const resolved = await client.request('completionItem/resolve', k8s);
    assert.match(resolved.documentation.value, /Kubernetes resource/i, 'the resolved item carries its docs');
    assert.match(k8s.textEdit?.newText ?? k8s.insertText, /^k8s:\n {10}$/, 'a map key opens an indented line');
  });

  it('completion uses the document\'s Istio version, from its settings', async () => {
    const old = docUri('complete-1.9.yaml');
    const recent = docUri('complete-newest.yaml');
    setting[old] = '1.9';
    const text = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  \n';
    client.open(old, text);
    client.open(recent, text);
    const at = { line: 3, character: 2 };
    const a = labels(await client.request('textDocument/completion', { textDocument: { uri: old }, position: at }));
    const b = labels(await client.request('textDocument/completion', { textDocument: { uri: recent }, position: at }));
    assert.ok(a.includes('addonComponents') && !b.includes('addonComponents'), `addonComponents is in 1.9 (${a}) but not in the newest (${b})`);
    assert.ok(b.includes('compatibilityVersion') && !a.includes('compatibilityVersion'));
  });

  it('completion follows edits: it reads the version the client last sent', async () => {
    const uri = docUri('complete-edited.yaml');
    client.open(uri, 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\n');
    client.change(uri, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'spec:\n  prof' }]);
    const list = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 6 } });
    assert.ok(labels(list).includes('profile'), JSON.stringify(labels(list)));
  });

  it('hover over `kind` says which Istio version and why; over a key, its path and --set form', async () => {
    const uri = docUri('hover.yaml');
    setting[uri] = '1.20';
    client.open(uri, TEXT);
    const kind = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(TEXT, 'kind', 1) });
    assert.equal(kind.contents.kind, 'markdown');
    assert.match(kind.contents.value, /Istio 1\.20/);
    assert.match(kind.contents.value, /istioOperator\.istioVersion/);
    const max = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(TEXT, 'maxReplicas', 3) });
    assert.match(max.contents.value, /spec\.components\.pilot\.k8s\.hpaSpec\.maxReplicas/);
    assert.match(max.contents.value, /--set components\.pilot\.k8s\.hpaSpec\.maxReplicas=/);
    assert.deepEqual(max.range.start, positionOf(TEXT, 'maxReplicas'));
  });

  it('documentSymbol gives the outline, folding the multi-line blocks', async () => {
    const uri = docUri('outline.yaml');
    client.open(uri, TEXT);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const spec = symbols.find((s: any) => s.name === 'spec');
    assert.ok(spec, JSON.stringify(symbols.map((s: any) => s.name)));
    assert.equal(spec.range.start.line, 2);
    assert.ok(spec.children.some((c: any) => c.name === 'components'));
    const folds = await client.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((f: any) => f.startLine === 2), `spec folds: ${JSON.stringify(folds)}`);
    assert.ok(folds.some((f: any) => f.startLine === positionOf(TEXT, 'hpaSpec').line));
  });

  it('a request cancelled before it is answered gets RequestCancelled or an answer, never a crash', async () => {
    const uri = docUri('cancel.yaml');
    client.open(uri, TEXT);
    const pending = client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(TEXT, 'kind') }).catch((e) => e);
    client.notify('$/cancelRequest', { id: client.lastRequestId });
    const r = await pending;
    if (r instanceof Error) assert.match(r.message, /-32800|cancel/i);
    const after = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(TEXT, 'kind') });
    assert.ok(after.contents, 'the server still answers');
  });
});

describe('completion for a client that takes list item defaults (as VS Code does)', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize({
      capabilities: { textDocument: { completion: { completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } } } },
      initializationOptions: { diagnosticsDelay: 0 },
    });
  });
  after(async () => {
    assert.deepEqual(client.errorLogs(), []);
    await client.shutdown();
  });

  it('sends the shared range, insert mode and resolve data once; the items resolve to their own docs', async () => {
    const uri = docUri('complete-defaults.yaml');
    client.open(uri, TEXT);
    const position = { line: ITEM_LINE, character: 8 };
    const list = await client.request('textDocument/completion', { textDocument: { uri }, position });
    assert.deepEqual(list.itemDefaults.editRange, { start: position, end: position });
    assert.equal(list.itemDefaults.insertTextMode, 1, 'inserted as is: the text carries its indentation');
    assert.ok(list.itemDefaults.data, 'the resolve data is shared');
    const k8s = list.items.find((i: any) => i.label === 'k8s');
    assert.equal(k8s.textEdit, undefined);
    assert.equal(k8s.data, undefined);
    assert.match(k8s.textEditText, /^k8s:\n {10}$/);
    // The client applies the defaults to the item it resolves.
    const resolvedK8s = await client.request('completionItem/resolve', { ...k8s, data: list.itemDefaults.data });
    assert.match(resolvedK8s.documentation.value, /Kubernetes resource/i);
    const enabled = list.items.find((i: any) => i.label === 'enabled');
    const resolvedEnabled = await client.request('completionItem/resolve', { ...enabled, data: list.itemDefaults.data });
    assert.match(resolvedEnabled.documentation.value, /\*boolean\*[\s\S]*whether this gateway is installed/);
    assert.notEqual(resolvedEnabled.documentation.value, resolvedK8s.documentation.value, 'each item gets its own field\'s docs');
  });
});
