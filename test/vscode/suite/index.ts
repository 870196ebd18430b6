// The @vscode/test-electron suite: the end-to-end checks of test/e2e, made through the VS Code API
// inside the extension host of a downloaded VS Code (test/vscode/runTests.ts starts it, once with
// a trusted workspace and once in restricted mode). The workspace is a copy of test/e2e/workspace;
// istioctl and kubectl are the stand-ins of test/e2e/bin (istioctl 1.20.3, context e2e-cluster).
//
// Not covered here: the status bar item (the API cannot read another extension's status bar);
// test/e2e/trusted.e2e.ts checks it in code-server.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findCommand, positionIn, withoutKubeFlags } from '../../e2e/support/fixtures.ts';
import { actions, waitForCall } from '../../e2e/support/standIns.ts';
import { diagnosticsWhen, runChecks, within, withMessages, type Check } from './harness.ts';

const EXTENSION_ID = 'istio-operator-tools.istio-operator-tools';
const CONTEXT = 'e2e-cluster';

export async function run(): Promise<void> {
  const mode = process.env.ISTIO_VSCODE_MODE === 'restricted' ? 'restricted' : 'trusted';
  await runChecks(`Istio Operator Tools through the VS Code API, ${mode} workspace`, mode === 'trusted' ? trusted : restricted);
}

const callsFile = (): string => {
  const f = process.env.ISTIO_E2E_CALLS;
  if (!f) throw new Error('ISTIO_E2E_CALLS is not set: start this suite with npm run test:vscode');
  return f;
};

function fileUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  return vscode.window.showTextDocument(doc);
}

/** 0-based position of `needle` (outside comments) in the open document, `offset` characters in. */
function at(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const p = positionIn(doc.getText(), needle, offset);
  return new vscode.Position(p.line - 1, p.column - 1);
}

function command(name: string): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return findCommand(ext.packageJSON, name).command;
}

async function brokenFileProblems(): Promise<void> {
  const editor = await open('broken.yaml');
  const ours = (d: readonly vscode.Diagnostic[]) => d.filter((x) => x.source === 'istio-operator');
  const diagnostics = ours(await diagnosticsWhen(editor.document.uri, (d) => ours(d).length >= 2));
  const shape = diagnostics.map((d) => ({ severity: d.severity, line: d.range.start.line, character: d.range.start.character, message: d.message }));
  const unknown = at(editor.document, 'replicaCont:');
  const quoted = at(editor.document, '"true"');
  assert.deepEqual(shape, [
    { severity: vscode.DiagnosticSeverity.Error, line: unknown.line, character: unknown.character,
      message: 'Unknown field `replicaCont` in `spec.components.pilot.k8s`; did you mean `replicaCount`?' },
    { severity: vscode.DiagnosticSeverity.Error, line: quoted.line, character: quoted.character,
      message: 'Expected a boolean for `components.egressGateways[0].enabled`, got the string "true". Remove the quotes to make it a boolean.' },
  ]);
}

const trusted: Check[] = [
  {
    name: 'lists a misspelt field (with "did you mean") and a quoted boolean as problems',
    fn: brokenFileProblems,
  },
  {
    name: 'offers the fields of k8s on a new line under k8s:',
    fn: async () => {
      const editor = await open('complete-k8s.yaml');
      const field = at(editor.document, 'replicaCount:');
      // A new line indented as k8s's fields are, above replicaCount.
      assert.ok(await editor.edit((e) => e.insert(field, `\n${' '.repeat(field.character)}`)));
      const list = await within(
        vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, field),
        20_000, 'completion under k8s:');
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      for (const name of ['hpaSpec', 'resources', 'nodeSelector', 'tolerations', 'podAnnotations']) {
        assert.ok(labels.includes(name), `the suggestions under k8s: include ${name}: ${labels.join(', ')}`);
      }
      for (const other of ['components', 'meshConfig', 'profile']) assert.ok(!labels.includes(other), `${other} is not offered under k8s:`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    },
  },
  {
    name: 'shows the documentation of a field on hover',
    fn: async () => {
      const editor = await open('good.yaml');
      const hovers = await within(
        vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at(editor.document, 'accessLogFile', 3)),
        20_000, 'hover on accessLogFile');
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /File address for the proxy access log/);
    },
  },
  {
    name: 'asks before Uninstall, names the context and revision, and runs nothing when cancelled',
    fn: async () => {
      const id = command('uninstall');
      await open('good.yaml');
      const shown = await withMessages(() => undefined, async (messages) => {
        await within(vscode.commands.executeCommand(id), 20_000, id);
        return messages;
      });
      const confirmations = shown.filter((m) => m.modal);
      assert.equal(confirmations.length, 1, `one confirmation: ${JSON.stringify(shown)}`);
      assert.match(`${confirmations[0].message}\n${confirmations[0].detail}`, new RegExp(CONTEXT), 'the confirmation names the kube context');
      assert.match(`${confirmations[0].message}\n${confirmations[0].detail}`, /canary/, 'the confirmation names the revision (spec.revision)');
      assert.deepEqual(actions(callsFile()), [], 'nothing but version and context queries ran');
    },
  },
  {
    name: 'asks before Apply, then runs istioctl install -f FILE -y',
    fn: async () => {
      const id = command('apply');
      const editor = await open('good.yaml');
      const shown = await withMessages((m) => m.items.find((i) => !/^cancel$/i.test(i)), async (messages) => {
        await within(vscode.commands.executeCommand(id), 20_000, id);
        return messages;
      });
      const confirmations = shown.filter((m) => m.modal);
      assert.equal(confirmations.length, 1, `one confirmation: ${JSON.stringify(shown)}`);
      assert.match(`${confirmations[0].message}\n${confirmations[0].detail}`, new RegExp(CONTEXT), 'the confirmation names the kube context');
      const call = await waitForCall(callsFile(), (c) => c.tool === 'istioctl' && c.argv[0] === 'install');
      assert.deepEqual(withoutKubeFlags(call.argv), ['install', '-f', editor.document.uri.fsPath, '-y']);
      assert.deepEqual(actions(callsFile()), [call], 'only the install ran');
    },
  },
];

const restricted: Check[] = [
  {
    name: 'opens in restricted mode and still lists problems',
    fn: async () => {
      assert.equal(vscode.workspace.isTrusted, false, 'the workspace is not trusted');
      await brokenFileProblems();
    },
  },
  ...['apply', 'uninstall', 'upgrade'].map((name): Check => ({
    name: `runs nothing for ${name}, even when the command is called directly`,
    fn: async () => {
      const id = command(name);
      await open('good.yaml');
      const shown = await withMessages((m) => m.items.find((i) => !/^cancel$/i.test(i)), async (messages) => {
        // Not registered, or registered and refusing: both are fine; running is not.
        await within(Promise.resolve(vscode.commands.executeCommand(id)).catch(() => undefined), 20_000, id);
        return messages;
      });
      assert.deepEqual(shown.filter((m) => m.modal), [], 'no confirmation is asked in restricted mode');
      assert.deepEqual(actions(callsFile()), [], `${id} ran nothing`);
    },
  })),
];
