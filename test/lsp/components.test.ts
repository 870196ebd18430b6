// istioOperator/components and istioOperator/addSetting over real LSP: the open text's components,
// and an edit that writes a default into the file.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import YAML from 'yaml';
import { AddSettingRequest, ComponentsRequest } from '../../protocol/messages.ts';
import { docUri, serverForSuite } from '../support/lspClient.ts';

describe('istioOperator/components and istioOperator/addSetting', () => {
  const server = serverForSuite({ before, after });
  const TEXT = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    pilot:\n      k8s:\n        replicaCount: 2\n';

  it('lists the components with the file\'s facts at their lines; writes a default into the file; refuses a closed document', async () => {
    const uri = docUri('components.yaml');
    server().open(uri, TEXT);
    const r = await server().request<ComponentsRequest.Result>(ComponentsRequest.method, { uri });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.version, '1.20');
    const pilot = r.components.find((c) => c.id === 'pilot');
    const replicas = pilot?.facts.find((f) => f.label === 'replicas');
    assert.equal(replicas?.value, '2');
    assert.equal(replicas?.range?.start.line, 7);
    const gw = r.components.find((c) => c.id === 'ingressGateways/istio-ingressgateway');
    const type = gw?.facts.find((f) => f.label === 'service');
    assert.ok(type && !type.range, 'the Service type is the profile\'s');
    const add = await server().request<AddSettingRequest.Result>(AddSettingRequest.method, { uri, path: type.path, value: type.raw });
    assert.ok(add.ok, JSON.stringify(add));
    assert.deepEqual(add.edit.range.start, { line: 8, character: 0 }, 'after the last line of spec');
    const after = TEXT + add.edit.newText;
    assert.equal(YAML.parse(after).spec.values.gateways['istio-ingressgateway'].type, type.raw);
    const bad = await server().request<AddSettingRequest.Result>(AddSettingRequest.method, { uri, path: 'spec.hub', value: 1 });
    assert.ok(!bad.ok && /not a document path/.test(bad.message));
    const closed = await server().request<ComponentsRequest.Result>(ComponentsRequest.method, { uri: docUri('not-open.yaml') });
    assert.deepEqual(closed, { ok: false, message: 'The document is not open.' });
  });
});
