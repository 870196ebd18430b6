// istioOperator/setFlags, istioOperator/pasteFlags and istioOperator/newOperator over real LSP:
// the open text as --set flags (whole, or the setting at a position), pasted flags merged in as
// edits that keep every other line, and a new file that the server itself finds clean.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import YAML from 'yaml';
import { NewOperatorRequest, PasteFlagsRequest, SetFlagsRequest } from '../../protocol/messages.ts';
import { docUri, serverForSuite } from '../support/lspClient.ts';

describe('flags and new files over LSP', () => {
  const server = serverForSuite({ before, after });
  const TEXT = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  # the registry\n  hub: my.registry/istio\n  components:\n    pilot:\n      k8s:\n        replicaCount: 2\n';

  it('copies the document, or the setting at a position, as flags; pastes flags as edits that keep the comment', async () => {
    const uri = docUri('flags.yaml');
    server().open(uri, TEXT);
    const all = await server().request<SetFlagsRequest.Result>(SetFlagsRequest.method, { uri });
    assert.ok(all.ok, JSON.stringify(all));
    assert.deepEqual(all.flags.map((f) => f.arg), ['hub=my.registry/istio', 'components.pilot.k8s.replicaCount=2']);
    const pilot = await server().request<SetFlagsRequest.Result>(SetFlagsRequest.method, { uri, position: { line: 7, character: 5 } });
    assert.ok(pilot.ok);
    assert.deepEqual(pilot.flags.map((f) => f.arg), ['components.pilot.k8s.replicaCount=2']);
    const paste = await server().request<PasteFlagsRequest.Result>(PasteFlagsRequest.method, { uri, commandLine: 'istioctl install --set meshConfig.accessLogFile=/dev/stdout -s components.pilot.k8s.replicaCount=3 -f x.yaml' });
    assert.ok(paste.ok, JSON.stringify(paste));
    assert.equal(paste.flags, 2);
    let text = TEXT;
    const offset = (p: { line: number; character: number }) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    for (const e of [...paste.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
    const data = YAML.parse(text);
    assert.equal(data.spec.meshConfig.accessLogFile, '/dev/stdout');
    assert.equal(data.spec.components.pilot.k8s.replicaCount, 3);
    assert.match(text, /  # the registry\n  hub: my\.registry\/istio\n/, 'the comment and the untouched lines stay');
  });

  it('makes a new file for 1.24 with monitoring that the server finds clean, and refuses OpenTelemetry at 1.15', async () => {
    const r = await server().request<NewOperatorRequest.Result>(NewOperatorRequest.method, { istioVersion: '1.24', monitoring: 'kube-prometheus', accessLogs: true });
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.files.map((f) => f.name), ['custom-operator.yml', 'prometheus-operator.yaml']);
    const uri = docUri('new-custom-operator.yml');
    server().open(uri, r.files[0].text);
    const published = await server().diagnostics(uri, { version: 1 });
    assert.deepEqual(published.diagnostics, []);
    const refused = await server().request<NewOperatorRequest.Result>(NewOperatorRequest.method, { istioVersion: '1.15', tracing: 'opentelemetry' });
    assert.ok(!refused.ok && /1\.16|OpenTelemetry/i.test(refused.message), JSON.stringify(refused));
  });
});
