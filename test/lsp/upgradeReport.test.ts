// istioOperator/upgradeReport over real LSP: the open document's text (unsaved edits included) read
// at every release up to the target, as Markdown; a clear answer for what cannot be reported.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { UpgradeReportRequest } from '../../protocol/messages.ts';
import { docUri, repoRoot, serverForSuite } from '../support/lspClient.ts';

describe('istioOperator/upgradeReport', () => {
  const server = serverForSuite({ before, after });

  it('reports the seed file at 1.8 as Markdown, follows edits, and refuses a closed document and an unbundled release', async () => {
    const uri = docUri('custom-operator.yml');
    const seed = fs.readFileSync(path.join(repoRoot, 'examples/1.5/custom-operator.yml'), 'utf8');
    server().open(uri, seed);
    const r = await server().request<UpgradeReportRequest.Result>(UpgradeReportRequest.method, { uri, to: '1.8' });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.from, '1.5');
    assert.equal(r.to, '1.8');
    assert.match(r.markdown, /^# Upgrade check: custom-operator\.yml, Istio 1\.5 → 1\.8$/m);
    assert.match(r.markdown, /`values\.prometheus` \(line \d+\): removed/);
    assert.equal(r.errors, 2, 'values.prometheus and values.global.proxy.accessLogFile are refused at 1.8');
    server().change(uri, 2, [{ text: seed.replace(/\n {4}prometheus:\n {6}enabled: false/, '') }]);
    const edited = await server().request<UpgradeReportRequest.Result>(UpgradeReportRequest.method, { uri, to: '1.8' });
    assert.ok(edited.ok && edited.errors === 1, 'the unsaved edit removed one of them');
    assert.doesNotMatch(edited.markdown, /`values\.prometheus`/);
    const closed = await server().request<UpgradeReportRequest.Result>(UpgradeReportRequest.method, { uri: docUri('never-opened.yaml'), to: '1.8' });
    assert.deepEqual(closed, { ok: false, message: 'The document is not open.' });
    const unknown = await server().request<UpgradeReportRequest.Result>(UpgradeReportRequest.method, { uri, to: '2.0' });
    assert.ok(!unknown.ok && /not bundled/.test(unknown.message));
  });
});
