// Which Istio release a document is checked against, as the server learns it from the client:
// the istioOperator.istioVersion setting (workspace/configuration, per document), the istioctl
// version the client reports (istioOperator/istioctlVersion), and the versionStatus it sends back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { docUri, LspClient, type Message } from '../support/lspClient.ts';

// No comment and no release spec.tag: the setting, then istioctl, then the newest bundled release.
const NO_VERSION = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  values:
    prometheus:
      enabled: false
`;
const WITH_COMMENT = `# istio-version: 1.6\n${NO_VERSION}`;

const status = (uri: string, where: (p: any) => boolean = () => true) => (m: Message) =>
  m.method === 'istioOperator/versionStatus' && m.params.uri === uri && where(m.params);

describe('the istioOperator.istioVersion setting', () => {
  let client: LspClient;
  let setting = 'auto';
  before(async () => {
    client = new LspClient();
    client.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => p.items.map((i) => (i.section === 'istioOperator' ? { istioVersion: setting } : null)));
    await client.initialize({ capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } }, initializationOptions: { diagnosticsDelay: 10 } });
  });
  after(async () => {
    assert.deepEqual(client.errorLogs(), []);
    await client.shutdown();
  });

  it('is read per document, and a change of configuration re-checks with the new version', async () => {
    const uri = docUri('setting.yaml');
    client.open(uri, NO_VERSION);
    const first = await client.diagnostics(uri, { version: 1 });
    const newest = await client.waitFor(status(uri), { what: 'the first versionStatus' });
    assert.equal(newest.params.source, 'newest');
    assert.match(first.diagnostics[0].message, new RegExp(`Istio ${newest.params.version.replace('.', '\\.')} `));
    const asked = await client.waitForServerRequest((m) => m.method === 'workspace/configuration');
    assert.deepEqual(asked.params.items, [{ scopeUri: uri, section: 'istioOperator' }]);

    setting = '1.9';
    const from = client.notifications.length;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const s = await client.waitFor(status(uri, (p) => p.version === '1.9'), { from, what: 'versionStatus 1.9' });
    assert.equal(s.params.source, 'setting');
    assert.match(s.params.reason, /istioOperator\.istioVersion/);
    const again = await client.diagnostics(uri, { from, where: (p) => p.diagnostics.some((d: any) => /Istio 1\.9 /.test(d.message)) });
    assert.deepEqual(again.diagnostics.map((d) => d.code), ['field-not-in-version']);
  });

  it('a `# istio-version:` comment in the document wins over the setting', async () => {
    setting = '1.9';
    const uri = docUri('comment-wins.yaml');
    client.open(uri, WITH_COMMENT);
    const p = await client.diagnostics(uri, { version: 1 });
    assert.deepEqual(p.diagnostics, [], 'values.prometheus exists in 1.6');
    const s = await client.waitFor(status(uri));
    assert.deepEqual({ version: s.params.version, source: s.params.source }, { version: '1.6', source: 'comment' });
  });

  it('a file without an IstioOperator gets a versionStatus with version null', async () => {
    const uri = docUri('not-operator.yaml');
    client.open(uri, 'kind: ConfigMap\n');
    const s = await client.waitFor(status(uri));
    assert.deepEqual(s.params, { uri, version: null, source: null, reason: null });
  });
});

describe('the istioctl version the client reports', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize({ initializationOptions: { diagnosticsDelay: 10 } });
  });
  after(async () => {
    assert.deepEqual(client.errorLogs(), []);
    await client.shutdown();
  });

  it('istioOperator/istioctlVersion changes the version of documents that name none, and versionStatus says so', async () => {
    const uri = docUri('istioctl.yaml');
    client.open(uri, NO_VERSION);
    const before = await client.diagnostics(uri, { version: 1 });
    assert.deepEqual(before.diagnostics.map((d) => d.code), ['field-not-in-version']);
    await client.waitFor(status(uri, (p) => p.source === 'newest'));

    let from = client.notifications.length;
    client.notify('istioOperator/istioctlVersion', { version: '1.6.14' });
    const s = await client.waitFor(status(uri, (p) => p.source === 'istioctl'), { from, what: 'versionStatus from istioctl' });
    assert.equal(s.params.version, '1.6');
    assert.match(s.params.reason, /istioctl 1\.6\.14/);
    const after = await client.diagnostics(uri, { from });
    assert.deepEqual(after.diagnostics, [], 'values.prometheus exists in 1.6');

    from = client.notifications.length;
    client.notify('istioOperator/istioctlVersion', { version: null });
    await client.waitFor(status(uri, (p) => p.source === 'newest'), { from, what: 'versionStatus back to the newest' });
  });

  it('does not override a comment', async () => {
    const uri = docUri('istioctl-comment.yaml');
    client.notify('istioOperator/istioctlVersion', { version: '1.20.1' });
    client.open(uri, WITH_COMMENT);
    const s = await client.waitFor(status(uri));
    assert.equal(s.params.source, 'comment');
  });
});

describe('settings from a client without workspace/configuration', () => {
  it('come from didChangeConfiguration, and istioctl from initializationOptions', async () => {
    const client = new LspClient();
    try {
      await client.initialize({ initializationOptions: { diagnosticsDelay: 10, istioctlVersion: '1.5.10' } });
      const uri = docUri('pushed.yaml');
      client.open(uri, NO_VERSION);
      const s1 = await client.waitFor(status(uri));
      assert.deepEqual([s1.params.version, s1.params.source], ['1.5', 'istioctl']);
      const from = client.notifications.length;
      client.notify('workspace/didChangeConfiguration', { settings: { istioOperator: { istioVersion: '1.9' } } });
      const s2 = await client.waitFor(status(uri, (p) => p.source === 'setting'), { from });
      assert.equal(s2.params.version, '1.9');
      assert.equal(client.serverRequests.filter((m) => m.method === 'workspace/configuration').length, 0, 'the server never asks a client that cannot answer');
      await client.shutdown();
    } finally {
      await client.dispose();
    }
  });
});
