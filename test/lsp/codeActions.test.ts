// Quick fixes over real LSP: offered for a typo, applied only by the client (the user).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { docUri, serverForSuite } from '../support/lspClient.ts';

describe('quick fixes', () => {
  const server = serverForSuite({ before, after });

  it('offers the suggested key, the unquoted boolean and the enum guess as edits', async () => {
    const uri = docUri('fixes.yaml');
    const text = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    pilot:\n      enabld: true\n    cni:\n      enabled: "no"\n  meshConfig:\n    accessLogEncoding: JSNO\n';
    server().open(uri, text);
    const { diagnostics } = await server().diagnostics(uri, { version: 1 });
    assert.equal(diagnostics.length, 3);
    const actions = await server().request<any[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 11, character: 0 } },
      context: { diagnostics },
    });
    const edits = actions.map((a) => [a.kind, a.edit.changes[uri][0].newText, a.edit.changes[uri][0].range.start.line]);
    assert.deepEqual(edits, [['quickfix', 'enabled', 6], ['quickfix', 'false', 8], ['quickfix', 'JSON', 10]]);
    // Nothing was applied: the server never edits the document itself.
    assert.ok(!server().serverRequests.some((m) => m.method === 'workspace/applyEdit'));
  });

  it('rewrites a Kubernetes setting into the form its release reads: the client applies the edits, the server checks again, nothing else changed', async () => {
    const uri = docUri('k8s-forms.yaml');
    const text = '# istio-version: 1.30\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    pilot:\n      k8s:\n        # extra config\n        volumes:\n        - name: extra\n          volumeSource:\n            configMap:\n              localObjectReference: {name: cm}\n        hpaSpec:\n          maxReplicas: 5\n          metrics:\n          - type: Resource\n            resource: {name: cpu, targetAverageUtilization: 80}\n';
    server().open(uri, text);
    const { diagnostics } = await server().diagnostics(uri, { version: 1 });
    const forms = diagnostics.filter((d: any) => d.code === 'k8s-form');
    assert.equal(forms.length, 2);
    const actions = await server().request<any[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 18, character: 0 } },
      context: { diagnostics: forms },
    });
    assert.equal(actions.length, 2);
    // Apply the first, as a client does, then ask again for the second on the new text.
    let current = text;
    let version = 1;
    for (const title of actions.map((a) => a.title)) {
      const { diagnostics: now } = version === 1 ? { diagnostics: forms } : await server().diagnostics(uri, { version });
      const [action] = await server().request<any[]>('textDocument/codeAction', {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 18, character: 0 } },
        context: { diagnostics: now.filter((d: any) => d.code === 'k8s-form').slice(0, 1) },
      });
      assert.ok(action, `no action for ${title}`);
      for (const e of action.edit.changes[uri]) {
        server().change(uri, ++version, [{ range: e.range, text: e.newText }]);
        current = applyLsp(current, e.range, e.newText);
      }
    }
    const final = await server().diagnostics(uri, { version });
    assert.deepEqual(final.diagnostics.map((d: any) => d.code), ['ignored-setting'], 'only the note that k8s.volumes is never rendered');
    assert.match(current, /\n {8}- name: extra\n {10}configMap:\n {12}name: cm\n/);
    assert.match(current, /resource: \{name: cpu, target: \{type: Utilization, averageUtilization: 80\}\}\n/);
    for (const line of text.split('\n')) if (!/volumeSource|localObjectReference|targetAverage|configMap/.test(line)) assert.ok(current.split('\n').includes(line), `line changed: ${line}`);
  });
});

describe('quick fixes that move a setting, over LSP', () => {
  const server = serverForSuite({ before, after });

  async function fixOnce(uri: string, text: string, code: string): Promise<string> {
    server().open(uri, text);
    const { diagnostics } = await server().diagnostics(uri, { version: 1 });
    const target = diagnostics.filter((d: any) => d.code === code).slice(0, 1);
    assert.equal(target.length, 1, `no ${code} in ${JSON.stringify(diagnostics.map((d: any) => d.code))}`);
    const [action] = await server().request<any[]>('textDocument/codeAction', {
      textDocument: { uri }, range: target[0].range, context: { diagnostics: target },
    });
    let current = text;
    const edits = [...action.edit.changes[uri]].sort((a: any, b: any) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    for (const e of edits) current = applyLsp(current, e.range, e.newText);
    server().change(uri, 2, [{ text: current }]);
    const after = await server().diagnostics(uri, { version: 2 });
    assert.deepEqual(after.diagnostics.map((d: any) => d.code), [], current);
    return current;
  }

  it('k8s.volumes (never rendered) into k8s.overlays of the istiod Deployment, in Kubernetes form, at 1.20', async () => {
    const text = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    pilot:\n      k8s:\n        resources:\n          requests: {cpu: 500m}\n        volumes:\n        - name: ca\n          volumeSource:\n            secret: {secretName: extra-ca}\n        volumeMounts:\n        - {name: ca, mountPath: /etc/extra-ca}\n';
    const fixed = await fixOnce(docUri('volumes-overlay.yaml'), text, 'ignored-setting');
    assert.match(fixed, /overlays:\n {8}- kind: Deployment\n {10}name: istiod\n/);
    assert.match(fixed, /value:\n {16}name: ca\n {16}secret: \{ secretName: extra-ca \}\n/);
    assert.match(fixed, /\[name:discovery\]\.volumeMounts\.\[1000\]/);
    assert.ok(fixed.startsWith(text.slice(0, text.indexOf('        volumes:'))), 'everything before the volumes is unchanged');
  });

  it('values.global.proxy.holdApplicationUntilProxyStarts to meshConfig.defaultConfig, at 1.20', async () => {
    const text = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  meshConfig:\n    accessLogFile: /dev/stdout\n  values:\n    global:\n      proxy:\n        holdApplicationUntilProxyStarts: true # wait for the proxy\n';
    const fixed = await fixOnce(docUri('move-hold.yaml'), text, 'deprecated');
    assert.ok(fixed.endsWith('  meshConfig:\n    accessLogFile: /dev/stdout\n    defaultConfig:\n      holdApplicationUntilProxyStarts: true # wait for the proxy\n'), fixed);
  });

  it('Fix all moved settings, asked for as a source action', async () => {
    const uri = docUri('fix-all.yaml');
    const text = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    global:\n      proxy:\n        holdApplicationUntilProxyStarts: true\n      tracer:\n        zipkin:\n          address: zipkin:9411\n';
    server().open(uri, text);
    await server().diagnostics(uri, { version: 1 });
    const actions = await server().request<any[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(actions.map((a) => [a.kind, a.title]), [['source.fixAll.istioOperator', 'Fix all moved settings (2)']]);
    const [e] = actions[0].edit.changes[uri];
    server().change(uri, 2, [{ range: e.range, text: e.newText }]);
    const after = await server().diagnostics(uri, { version: 2 });
    assert.deepEqual(after.diagnostics, []);
  });

  it('k8s.service.annotations to k8s.serviceAnnotations, at 1.30', async () => {
    const text = '# istio-version: 1.30\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    ingressGateways:\n    - name: istio-ingressgateway\n      enabled: true\n      k8s:\n        service:\n          type: LoadBalancer\n          annotations:\n            a.example/internal: "true"\n';
    const fixed = await fixOnce(docUri('move-annotations.yaml'), text, 'misplaced-field');
    assert.ok(fixed.endsWith('        service:\n          type: LoadBalancer\n        serviceAnnotations:\n          a.example/internal: "true"\n'), fixed);
  });
});

function applyLsp(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, newText: string): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(range.start)) + newText + text.slice(offset(range.end));
}
