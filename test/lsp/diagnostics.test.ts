// The server pushes diagnostics for what is open, for the version that is open, and clears them on
// close. Every test speaks real LSP over stdio to the built server (dist/server.js).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { docUri, LspClient, rangeOf, type Diagnostic } from '../support/lspClient.ts';
import { adaptiveDelay, CHEAP_CHECK_MS, MAX_ADAPTIVE_DELAY_MS, typicalCost } from '../../server/src/diagnosticsPublisher.ts';

const BROKEN = `# istio-version: 1.20
apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  meshConfig:
    connectTimeout: 10sec
  values:
    prometheus:
      enabled: false
    pilot:
      autoscaleEnabled: "true"
  components:
    ingresGateways:
      - name: istio-ingressgateway
`;

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code).sort();
const byCode = (ds: Diagnostic[], code: string) => {
  const d = ds.find((x) => x.code === code);
  assert.ok(d, `expected a \`${code}\` diagnostic among ${JSON.stringify(codes(ds))}`);
  return d;
};

describe('diagnostics over LSP', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize({ initializationOptions: { diagnosticsDelay: 30 } });
  });
  after(async () => {
    assert.deepEqual(client.errorLogs(), [], 'the server logged no errors');
    await client.shutdown();
  });

  it('didOpen of a broken IstioOperator publishes its problems, with the version, codes and ranges', async () => {
    const uri = docUri('broken.yaml');
    client.open(uri, BROKEN, 1);
    const p = await client.diagnostics(uri, { version: 1 });
    assert.deepEqual(codes(p.diagnostics), ['field-not-in-version', 'invalid-duration', 'type', 'unknown-field']);
    assert.deepEqual(byCode(p.diagnostics, 'invalid-duration').range, rangeOf(BROKEN, '10sec'), 'a bad value: the value');
    assert.deepEqual(byCode(p.diagnostics, 'unknown-field').range, rangeOf(BROKEN, 'ingresGateways'), 'an unknown field: the key');
    assert.deepEqual(byCode(p.diagnostics, 'field-not-in-version').range, rangeOf(BROKEN, 'prometheus'));
    assert.deepEqual(byCode(p.diagnostics, 'type').range, rangeOf(BROKEN, '"true"'));
    const unknown = byCode(p.diagnostics, 'unknown-field');
    assert.match(unknown.message, /did you mean `ingressGateways`\?/);
    assert.equal(unknown.severity, 1);
    assert.equal(unknown.data?.path, 'spec.components.ingresGateways');
    assert.match(byCode(p.diagnostics, 'field-not-in-version').message, /Istio 1\.20 \(last in 1\.7\)/);
  });

  it('an incremental didChange is checked, and published for the new version only', async () => {
    const uri = docUri('edited.yaml');
    client.open(uri, BROKEN, 1);
    await client.diagnostics(uri, { version: 1 });
    const from = client.notifications.length;
    // `10sec` → `10s`: replace "ec" at the end of the value.
    const r = rangeOf(BROKEN, '10sec');
    client.change(uri, 2, [{ range: { start: { line: r.start.line, character: r.start.character + 3 }, end: r.end }, text: '' }]);
    const p = await client.diagnostics(uri, { version: 2, from });
    assert.deepEqual(codes(p.diagnostics), ['field-not-in-version', 'type', 'unknown-field']);
    assert.deepEqual(client.published(uri).map((x) => x.version), [1, 2]);
  });

  it('a burst of 20 edits ends on the last version, never going back to an older one', async () => {
    const uri = docUri('burst.yaml');
    client.open(uri, BROKEN, 1);
    await client.diagnostics(uri, { version: 1 });
    sendBurst(client, uri, BROKEN);
    const last = await client.diagnostics(uri, { version: 21 });
    assert.ok(!last.diagnostics.some((d) => d.code === 'invalid-duration'), 'the last text, `21s`, is a valid duration');
    assertInOrderAndTrue(client.published(uri));
    assert.ok(client.published(uri).length < 21, `edits 50 ms apart or less are checked together (published ${client.published(uri).length} times)`);
    // Another edit after the burst: nothing older shows up before it is published.
    const later = moveTo(BROKEN, 22);
    client.change(uri, 22, [{ text: later }]);
    await client.diagnostics(uri, { version: 22 });
    assertInOrderAndTrue(client.published(uri));
  });

  it('didClose clears the document\'s diagnostics', async () => {
    const uri = docUri('closed.yaml');
    client.open(uri, BROKEN, 1);
    await client.diagnostics(uri, { version: 1 });
    const from = client.notifications.length;
    client.close(uri);
    const cleared = await client.diagnostics(uri, { from });
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('YAML that is not an IstioOperator gets no diagnostics from us', async () => {
    const uri = docUri('configmap.yaml');
    client.open(uri, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nspec:\n  ingresGateways: []\n');
    const p = await client.diagnostics(uri, { version: 1 });
    assert.deepEqual(p.diagnostics, []);
  });

  it('YAML syntax errors are reported in any YAML file, IstioOperator or not', async () => {
    const uri = docUri('syntax.yaml');
    const text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: [1, 2\n';
    client.open(uri, text);
    const p = await client.diagnostics(uri, { version: 1 });
    assert.ok(p.diagnostics.length > 0);
    assert.ok(p.diagnostics.every((d) => d.code === 'yaml-syntax'), JSON.stringify(p.diagnostics));
  });

  it('duplicate keys: an error on the repeated key where istioctl reads strictly (1.14–1.23), else a warning on the dropped one', async () => {
    const body = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: default\n  profile: demo\n';
    const strictUri = docUri('duplicate-strict.yaml');
    client.open(strictUri, `# istio-version: 1.20\n${body}`);
    const strict = byCode((await client.diagnostics(strictUri, { version: 1 })).diagnostics, 'duplicate-key');
    assert.equal(strict.range.start.line, 5);
    assert.equal(strict.severity, 1);
    const lenientUri = docUri('duplicate-lenient.yaml');
    client.open(lenientUri, `# istio-version: 1.24\n${body}`);
    const lenient = byCode((await client.diagnostics(lenientUri, { version: 1 })).diagnostics, 'duplicate-key-ignored');
    assert.equal(lenient.range.start.line, 4);
    assert.equal(lenient.severity, 2);
    assert.match(lenient.message, /the later `profile` \(line 6\) wins and this value is silently dropped/);
  });
});

describe('diagnostics with no debounce (diagnosticsDelay 0)', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    // workspace/configuration makes every check wait on the client, so checks overlap.
    client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ istioVersion: 'auto' })));
    await client.initialize({ capabilities: { workspace: { configuration: true } }, initializationOptions: { diagnosticsDelay: 0 } });
  });
  after(async () => {
    await client.shutdown();
  });

  it('every version may be checked, but an older one is never published after a newer one', async () => {
    const uri = docUri('burst-no-delay.yaml');
    client.open(uri, BROKEN, 1);
    await client.diagnostics(uri, { version: 1 });
    sendBurst(client, uri, BROKEN);
    await client.diagnostics(uri, { version: 21 });
    const later = moveTo(BROKEN, 22);
    client.change(uri, 22, [{ text: later }]);
    await client.diagnostics(uri, { version: 22 });
    assertInOrderAndTrue(client.published(uri));
  });
});

describe('diagnostics at the server\'s defaults (no diagnosticsDelay): the wait follows the cost', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize({});
  });
  after(async () => {
    await client.shutdown();
  });

  it('a cheap document is checked after each edit at once: every version awaited is published', async () => {
    const uri = docUri('defaults-each.yaml');
    client.open(uri, BROKEN, 1);
    await client.diagnostics(uri, { version: 1 });
    for (let v = 2; v <= 6; v++) {
      client.change(uri, v, [{ text: moveTo(BROKEN, v) }]);
      await client.diagnostics(uri, { version: v });
    }
    assert.deepEqual(client.published(uri).map((p) => p.version), [1, 2, 3, 4, 5, 6]);
  });

  it('a burst still ends on the last version and never goes back to an older one', async () => {
    const uri = docUri('defaults-burst.yaml');
    client.open(uri, BROKEN, 1);
    await client.diagnostics(uri, { version: 1 });
    sendBurst(client, uri, BROKEN);
    await client.diagnostics(uri, { version: 21 });
    assertInOrderAndTrue(client.published(uri));
  });
});

describe('adaptiveDelay', () => {
  it('no wait after a cheap check; twice the cost after an expensive one, capped', () => {
    assert.equal(adaptiveDelay(undefined), 0, 'never checked: at once');
    assert.equal(adaptiveDelay(3), 0);
    assert.equal(adaptiveDelay(CHEAP_CHECK_MS), 0);
    assert.equal(adaptiveDelay(40), 80);
    assert.equal(adaptiveDelay(1_000), MAX_ADAPTIVE_DELAY_MS);
  });

  it('the cost is the median of the recent checks: one slow check (a GC pause) does not make a document wait', () => {
    assert.equal(typicalCost([]), undefined);
    assert.equal(adaptiveDelay(typicalCost([3, 2, 90, 3, 2])), 0);
    assert.equal(adaptiveDelay(typicalCost([40, 45, 2, 50, 42])), 84, 'a document whose checks are slow still waits');
  });
});

describe('a check that finishes late', () => {
  it('is dropped when a newer version was published meanwhile', async () => {
    // The test holds each workspace/configuration answer, to finish the checks in a chosen order.
    const held: Array<(value: unknown) => void> = [];
    const client = new LspClient();
    client.onRequest('workspace/configuration', (p: { items: unknown[] }) => new Promise((resolve) => held.push(() => resolve(p.items.map(() => ({ istioVersion: 'auto' }))))));
    try {
      await client.initialize({ capabilities: { workspace: { configuration: true } }, initializationOptions: { diagnosticsDelay: 0 } });
      const uri = docUri('late.yaml');
      const isConfig = (m: { method?: string }) => m.method === 'workspace/configuration';
      client.open(uri, BROKEN, 1);
      await client.waitForServerRequest(isConfig, { what: 'the first workspace/configuration' }); // check A (version 1) waits on answer 1
      client.notify('workspace/didChangeConfiguration', { settings: null });
      await client.waitForServerRequest(isConfig, { from: 1, what: 'the second workspace/configuration' }); // check B (version 1 again) waits on answer 2
      client.change(uri, 2, [{ text: moveTo(BROKEN, 2) }]); // check C (version 2) waits on answer 2 too
      await client.request('textDocument/foldingRange', { textDocument: { uri } }).catch(() => []); // C is scheduled
      held[1](undefined); // B is stale (C superseded it); C publishes version 2
      await client.diagnostics(uri, { version: 2 });
      held[0](undefined); // A resumes after version 2 was published: it must not publish version 1
      client.change(uri, 3, [{ text: moveTo(BROKEN, 3) }]);
      await client.diagnostics(uri, { version: 3 });
      assert.deepEqual(client.published(uri).map((p) => p.version), [2, 3]);
      assertInOrderAndTrue(client.published(uri));
    } finally {
      for (const release of held) release(undefined);
      await client.dispose();
    }
  });
});

/** The text at version v: the duration is `${v}sec` (invalid) for v < 21, `${v}s` from 21 on. */
function moveTo(base: string, v: number): string {
  return base.replace('10sec', v >= 21 ? `${v}s` : `${v}sec`);
}

/** Versions 2…21, each an incremental edit of the duration value, sent without waiting. */
function sendBurst(client: LspClient, uri: string, base: string): void {
  let text = base;
  for (let v = 2; v <= 21; v++) {
    const next = moveTo(base, v);
    const line = next.split('\n').findIndex((l) => l.includes('connectTimeout'));
    const oldLine = text.split('\n')[line];
    client.change(uri, v, [{ range: { start: { line, character: 0 }, end: { line, character: oldLine.length } }, text: next.split('\n')[line] }]);
    text = next;
  }
}

/** Versions never go down, and each publish matches its version's text. */
function assertInOrderAndTrue(published: Array<{ version?: number; diagnostics: Diagnostic[] }>): void {
  const versions = published.map((p) => p.version ?? -1);
  for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `published versions went back: ${versions.join(', ')}`);
  for (const p of published) {
    const v = p.version!;
    const duration = p.diagnostics.find((d) => d.code === 'invalid-duration');
    if (v < 21) assert.ok(duration && duration.message.includes(`"${v === 1 ? 10 : v}sec"`), `version ${v} shows its own text: ${duration?.message}`);
    else assert.equal(duration, undefined, `version ${v} has a valid duration`);
  }
}
