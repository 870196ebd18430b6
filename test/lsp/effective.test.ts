// istioOperator/effectiveConfiguration over real LSP: the open document's text (unsaved edits
// included) merged over its profile, the profile alone, and a clear answer for other documents.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import YAML from 'yaml';
import { EffectiveConfigurationRequest } from '../../protocol/messages.ts';
import { docUri, serverForSuite } from '../support/lspClient.ts';

describe('istioOperator/effectiveConfiguration', () => {
  const server = serverForSuite({ before, after });

  it('merges the open text over its profile, with origins; the profile alone on request; follows edits', async () => {
    const uri = docUri('effective.yaml');
    server().open(uri, '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: demo\n  meshConfig:\n    accessLogEncoding: JSON\n');
    const r = await server().request<EffectiveConfigurationRequest.Result>(EffectiveConfigurationRequest.method, { uri, origins: true });
    assert.ok(r.ok);
    assert.equal(r.version, '1.20');
    assert.equal(r.profile, 'demo');
    assert.match(r.yaml, /accessLogEncoding: JSON # this file/);
    assert.equal(YAML.parse(r.yaml).spec.components.egressGateways[0].enabled, true, 'demo enables the egress gateway');
    const p = await server().request<EffectiveConfigurationRequest.Result>(EffectiveConfigurationRequest.method, { uri, profileOnly: true });
    assert.ok(p.ok && p.profile === 'demo');
    assert.doesNotMatch(p.yaml, /accessLogEncoding: JSON/, 'the profile alone has not the file\'s value');
    assert.equal(YAML.parse(p.yaml).spec.components.egressGateways[0].enabled, true);
    server().change(uri, 2, [{ text: '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  hub: my.registry/istio\n' }]);
    const after = await server().request<EffectiveConfigurationRequest.Result>(EffectiveConfigurationRequest.method, { uri });
    assert.ok(after.ok && after.profile === 'default' && YAML.parse(after.yaml).spec.hub === 'my.registry/istio');
  });

  it('answers a closed document and a non-IstioOperator file with a message', async () => {
    const closed = await server().request<EffectiveConfigurationRequest.Result>(EffectiveConfigurationRequest.method, { uri: docUri('never-opened.yaml') });
    assert.deepEqual(closed, { ok: false, message: 'The document is not open.' });
    const uri = docUri('configmap.yaml');
    server().open(uri, 'apiVersion: v1\nkind: ConfigMap\n');
    const other = await server().request<EffectiveConfigurationRequest.Result>(EffectiveConfigurationRequest.method, { uri });
    assert.ok(!other.ok && /no IstioOperator/.test(other.message));
  });
});
