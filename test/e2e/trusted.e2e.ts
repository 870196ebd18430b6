// The extension in a real VS Code (code-server, driven through Chromium), in a trusted workspace:
// what the user sees in Problems, completion, hover and the status bar, and what Apply and
// Uninstall run. istioctl and kubectl are the stand-ins in test/e2e/bin (istioctl 1.20.3, context
// e2e-cluster), first on the PATH code-server was started with.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { withoutKubeFlags } from './support/fixtures.ts';
import { FILE_TIMEOUT_MS, commandLabel, positionOf, startSession, type Session } from './support/session.ts';
import { actions, waitForCall } from './support/standIns.ts';

/** Polls a condition (a process appearing), bounded: the UI gives no event for it. */
async function waitUntil(ok: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Istio Operator Tools in a trusted workspace', { timeout: FILE_TIMEOUT_MS }, () => {
  let session: Session;
  const wb = () => session.workbench;

  before(async () => {
    session = await startSession({ name: 'trusted', trusted: true });
  });
  after(async () => {
    await session?.stop();
  });
  afterEach(async (t) => {
    await session?.workbench.screenshot(`end-${t.name}`);
  });

  it('lists a misspelt field (with "did you mean") and a quoted boolean in Problems', async () => {
    await wb().openFile('broken.yaml');
    await wb().waitForProblem('did you mean');
    await wb().waitForProblem('Remove the quotes');
    await wb().screenshot('problems');

    const problems = (await wb().problems()).filter((p) => p.file === 'broken.yaml');
    const unknown = positionOf('broken.yaml', 'replicaCont:');
    const quoted = positionOf('broken.yaml', '"true"');
    assert.deepEqual(problems, [
      { severity: 'Error', file: 'broken.yaml', ...unknown,
        message: 'Unknown field `replicaCont` in `spec.components.pilot.k8s`; did you mean `replicaCount`?' },
      { severity: 'Error', file: 'broken.yaml', ...quoted,
        message: 'Expected a boolean for `components.egressGateways[0].enabled`, got the string "true". Remove the quotes to make it a boolean.' },
    ]);
  });

  it('starts the language server again when it crashes, and checks the file again', async () => {
    const servers = () => execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n')
      .filter((l) => /istio-operator-tools[^ ]*\/dist\/server\.js/.test(l)).map((l) => Number(l.trim().split(/\s+/)[0]));
    const before = servers();
    assert.equal(before.length, 1, `one language server runs: ${before.join(', ')}`);
    process.kill(before[0], 'SIGKILL');
    await wb().openFile('broken.yaml');
    // vscode-languageclient restarts a crashed server and sends it the open documents again.
    await waitUntil(() => servers().length === 1 && servers()[0] !== before[0], 'a new language server process');
    await wb().page.keyboard.press('Control+End');
    await wb().page.keyboard.type('\n  hubb: x');
    await wb().waitForProblem('Unknown field `hubb`');
    await wb().screenshot('after-server-crash');
    await wb().runCommand('File: Revert File');
  });

  it('offers the fields of k8s when typing on a new line under k8s:', async () => {
    await wb().openFile('complete-k8s.yaml');
    // A new line above `replicaCount`, indented as k8s's fields are: Enter at the start of the key
    // leaves the indentation behind on a line of its own.
    const field = positionOf('complete-k8s.yaml', 'replicaCount:');
    await wb().goTo(field.line, field.column);
    await wb().page.keyboard.press('Enter');
    await wb().page.keyboard.press('ArrowUp');
    await wb().page.keyboard.press('End');
    await wb().page.locator('.part.statusbar').getByText(`Ln ${field.line}, Col ${field.column}`, { exact: true }).waitFor();

    await wb().waitForSuggestion('hpaSpec', 'Control+Space');
    await wb().screenshot('suggest-k8s');
    const labels = await wb().suggestions();
    for (const name of ['hpaSpec', 'resources', 'nodeSelector', 'tolerations', 'podAnnotations']) {
      assert.ok(labels.includes(name), `the suggestions under k8s: include ${name}: ${labels.join(', ')}`);
    }
    // Fields of other levels are not offered here.
    for (const other of ['components', 'meshConfig', 'profile']) assert.ok(!labels.includes(other), `${other} is not offered under k8s:`);
    await wb().escape();

    // Typing a field's first letters opens the widget by itself, on that field.
    await wb().page.keyboard.type('nodeSel');
    await wb().waitForSuggestion('nodeSelector');
    await wb().screenshot('suggest-typed');
    await wb().escape();
    await wb().runCommand('File: Revert File');
  });

  it('shows the documentation of a field on hover', async () => {
    await wb().openFile('good.yaml');
    const key = positionOf('good.yaml', 'accessLogFile', 3);
    await wb().goTo(key.line, key.column);
    const text = await wb().hover('File address for the proxy access log');
    await wb().screenshot('hover-accessLogFile');
    assert.match(text, /accessLogFile/);
    await wb().escape();
  });

  it('shows the Istio version (from istioctl 1.20.3) and the kube context in the status bar', async () => {
    await wb().openFile('good.yaml');
    const version = await wb().statusBarItem(/1\.20/);
    const context = await wb().statusBarItem('e2e-cluster');
    await wb().screenshot('status-bar');
    // Where the version comes from is said on the item or in its tooltip (aria-label).
    const said = `${await version.innerText()} ${await version.getAttribute('aria-label')}`;
    assert.match(said, /istioctl/i, `the version item says it comes from istioctl: ${said}`);
    assert.ok(await context.isVisible());
  });

  it('shows the effective configuration beside the file, with origins, and follows edits', async () => {
    await wb().openIstioOperatorFile('good.yaml');
    await wb().runCommand(commandLabel('showEffective'));
    const view = wb().page.locator('.editor-group-container .monaco-editor').filter({ hasText: 'Effective configuration' });
    await view.getByText('profile "default"').waitFor();
    await wb().screenshot('effective-configuration');
    const text = (await view.innerText()).replace(/\u00a0/g, ' '); // Monaco renders spaces as no-break spaces
    assert.match(text, /# this file/, 'values from the file are marked');
    assert.match(text, /# profile default/, 'values from the profile are marked');
    assert.match(text, /tag: 1\.20\.\d+ # istioctl 1\.20\.\d+/, 'the hub and tag istioctl is built with');
    // Edit the file (unsaved; the view opened beside it and left it focused): the view follows.
    await wb().goTo(8, 12);
    await wb().page.keyboard.press('Shift+End');
    await wb().page.keyboard.type('demo');
    await view.getByText('profile "demo"').waitFor();
    await wb().runCommand('File: Revert File');
    await wb().runCommand('View: Close All Editors');
  });

  it('moves a setting that moved to its new place with the quick fix, and the warning goes', async () => {
    await wb().openIstioOperatorFile('moved.yaml');
    await wb().waitForProblem('holdApplicationUntilProxyStarts` is deprecated');
    await wb().goTo(10, 9);
    await wb().applyQuickFix('Move to `meshConfig.defaultConfig.holdApplicationUntilProxyStarts`');
    const end = Date.now() + 20_000;
    while ((await wb().problems()).some((p) => p.file === 'moved.yaml')) {
      if (Date.now() > end) throw new Error('the warning on moved.yaml did not go');
      await new Promise((r) => setTimeout(r, 250));
    }
    await wb().screenshot('moved-setting-fixed');
    const text = (await wb().page.locator('.editor-group-container.active .monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /defaultConfig:\s+holdApplicationUntilProxyStarts: true/);
    assert.doesNotMatch(text, /values:/, 'the emptied values map is gone');
    await wb().runCommand('File: Revert File');
  });

  it('checks the upgrade of a 1.5 file to 1.24: a Markdown preview with the moved settings and each hop, running nothing', async () => {
    await wb().openIstioOperatorFile('upgrade.yml');
    await wb().statusBarItem(/1\.5/);
    await wb().runCommand(commandLabel('checkUpgrade'));
    await wb().pick('1.24', '1.24');
    const text = await wb().webviewText('Upgrade check: upgrade.yml, Istio 1.5 → 1.24');
    await wb().runCommand('View: Toggle Panel Visibility'); // Problems was open: more of the report shows
    await wb().screenshot('upgrade-report');
    assert.match(text, /values\.global\.proxy\.accessLogFile/, 'the moved setting is listed');
    assert.match(text, /Move to meshConfig\.accessLogFile/, 'with its replacement');
    assert.match(text, /1\.24 \(istioctl 1\.24\.\d+\)/, 'the last hop is named with its istioctl');
    assert.deepEqual(actions(session.server.callsFile), [], 'no tool ran');
    await wb().runCommand('View: Close All Editors');
  });

  it('shows the file\'s components in the Explorer, and a fact the file sets reveals its line', async () => {
    await wb().openIstioOperatorFile('good.yaml');
    const page = wb().page;
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Istio Components' }) });
    await pane.waitFor();
    const header = pane.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    // The folder's file list folded away, so the view has the side bar's height (the list renders only visible rows).
    const folder = page.locator('.pane-header', { hasText: 'Workspace' }).first();
    if ((await folder.getAttribute('aria-expanded')) === 'true') await folder.click();
    const hpa = pane.locator('.monaco-list-row', { hasText: 'HPA' });
    await hpa.waitFor();
    await pane.locator('.monaco-list-row', { hasText: 'istio-ingressgateway' }).waitFor();
    await wb().screenshot('components-view');
    const text = await pane.innerText();
    assert.match(text, /pilot\s*enabled · profile default/, 'pilot, enabled by the profile');
    assert.match(text, /istio-ingressgateway\s*enabled · profile default/);
    assert.match(text, /HPA\s*2–unset replicas · this file/, 'the file\'s HPA (it sets only minReplicas)');
    await hpa.click();
    await wb().statusBarItem(/Ln 15, Col \d+ \(7 selected\)/); // `hpaSpec` on line 15 selected
    await folder.click();
  });

  it('pastes --set flags into the file as YAML, keeping every other line, with no problem after', async () => {
    await wb().openIstioOperatorFile('good.yaml');
    await wb().runCommand(commandLabel('pasteFlags'));
    await wb().answerInput('istioctl install --set components.pilot.k8s.hpaSpec.maxReplicas=5 --set values.global.logging.level=default:debug -f good.yaml');
    const end = Date.now() + 20_000;
    let text = await wb().editorText();
    while (!/maxReplicas: 5/.test(text) || !/level: default:debug/.test(text)) {
      if (Date.now() > end) throw new Error(`the flags were not merged: ${text}`);
      await new Promise((r) => setTimeout(r, 250));
      text = await wb().editorText();
    }
    await wb().screenshot('pasted-flags');
    assert.match(text, /minReplicas: 2\s+maxReplicas: 5/, 'merged into the file\'s own hpaSpec');
    assert.match(text, /# A valid install \(revision canary\)/, 'the comment stays');
    await new Promise((r) => setTimeout(r, 1_000));
    assert.deepEqual((await wb().problems()).filter((p) => p.file === 'good.yaml'), []);
    await wb().runCommand('File: Revert File');
  });

  it('New IstioOperator File… writes custom-operator.yml for the istioctl found, with zero problems', async () => {
    await wb().runCommand(commandLabel('newOperator'));
    await wb().acceptQuickPick('Istio release'); // the first: istioctl 1.20.3's release
    await wb().acceptQuickPick('profile');
    await wb().acceptQuickPick('gateways');
    await wb().answerInput('registry.example.com/istio');
    await wb().acceptQuickPick('what else');
    await wb().page.locator('.tab', { hasText: 'custom-operator.yml' }).waitFor();
    await wb().statusBarItem(/Istio 1\.20/);
    const text = await wb().editorText();
    assert.match(text, /# istio-version: 1\.20/);
    assert.match(text, /hub: registry\.example\.com\/istio/);
    await new Promise((r) => setTimeout(r, 1_500));
    await wb().screenshot('new-operator-file');
    assert.deepEqual((await wb().problems()).filter((p) => p.file === 'custom-operator.yml'), []);
    await wb().runCommand('View: Close All Editors');
  });

  it('asks before Uninstall, names the context and revision, and runs nothing when cancelled', async () => {
    const uninstall = commandLabel('uninstall');
    await wb().openIstioOperatorFile('good.yaml');
    await wb().runCommand(uninstall);
    const dialog = await wb().dialog();
    await wb().screenshot('uninstall-confirmation');
    const text = await dialog.innerText();
    assert.match(text, /e2e-cluster/, 'the confirmation names the kube context');
    assert.match(text, /canary/, 'the confirmation names the revision (spec.revision)');
    await wb().answerDialog('Cancel');
    assert.deepEqual(actions(session.server.callsFile), [], 'nothing but version and context queries ran');
  });

  it('asks before Apply, then runs istioctl install -f FILE -y', async () => {
    const apply = commandLabel('apply');
    await wb().openIstioOperatorFile('good.yaml');
    await wb().runCommand(apply);
    const dialog = await wb().dialog();
    await wb().screenshot('apply-confirmation');
    assert.match(await dialog.innerText(), /e2e-cluster/, 'the confirmation names the kube context');
    assert.deepEqual(actions(session.server.callsFile), [], 'nothing ran before the answer');

    const confirm = dialog.locator('.dialog-buttons .monaco-button').filter({ hasNotText: /^\s*Cancel\s*$/ }).first();
    await confirm.click();
    const file = path.join(session.server.workspace, 'good.yaml');
    const call = await waitForCall(session.server.callsFile, (c) => c.tool === 'istioctl' && c.argv[0] === 'install');
    assert.deepEqual(withoutKubeFlags(call.argv), ['install', '-f', file, '-y']);
    assertContextIfNamed(call.argv);
    await wb().notification(/applied good\.yaml/i);
    // Only the install ran: not the cancelled uninstall of the test before, and nothing else.
    assert.deepEqual(actions(session.server.callsFile), [call]);
  });
});

/** A command may pin the context it confirmed (`--context NAME`); if it does, it is the stand-in's. */
function assertContextIfNamed(argv: string[]): void {
  const i = argv.indexOf('--context');
  if (i >= 0) assert.equal(argv[i + 1], 'e2e-cluster');
}
