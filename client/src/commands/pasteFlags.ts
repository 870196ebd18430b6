// Istio: Paste --set Flags as YAML — a pasted istioctl command line (`istioctl install --set a=b
// -s c=d`, one flag per line, `profile=demo`) merged into the file's IstioOperator as its release
// merges --set over -f, as one undoable edit that keeps every comment and untouched line.
import * as vscode from 'vscode';
import { showWithOutput, type Services } from './shared.ts';
import { requestFailed } from '../requestFailed.ts';

export async function pasteFlags(s: Services): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: open an IstioOperator file to paste --set flags into.'));
    return;
  }
  // Pre-filled from the clipboard when it holds flags; a browser (code-server) may ask for access
  // and never answer, so it gets a moment, not a wait.
  const read = vscode.env.clipboard.readText().then((t) => (/--set|-s\s|=/.test(t) ? t.trim() : ''), () => '');
  const clip = await Promise.race([read, new Promise<string>((resolve) => setTimeout(() => resolve(''), 300))]);
  const commandLine = await vscode.window.showInputBox({
    title: vscode.l10n.t('Paste --set Flags as YAML'),
    prompt: vscode.l10n.t('An istioctl command line or --set flags (istioctl install --set values.global.hub=… --set profile=demo)'),
    value: clip,
    ignoreFocusOut: true,
  });
  if (!commandLine?.trim()) return;
  const uri = editor.document.uri.toString();
  const r = await s.pasteFlags(uri, commandLine).catch(requestFailed);
  if (!r.ok) return showWithOutput(s, 'warning', vscode.l10n.t('Istio: Paste --set flags: {problem}', { problem: r.message }));
  for (const e of r.errors) s.output.line(vscode.l10n.t('Paste --set flags: left out {flag}: {problem}', { flag: e.flag || vscode.l10n.t('(command line)'), problem: e.message }));
  for (const n of r.notes) s.output.line(vscode.l10n.t('Paste --set flags: note: {note}', { note: n }));
  if (!r.flags) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: the text holds no --set flags.'));
    return;
  }
  if (r.edits.length) {
    const edit = new vscode.WorkspaceEdit();
    for (const e of r.edits) edit.replace(editor.document.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    await vscode.workspace.applyEdit(edit);
  }
  const merged = r.flags - r.errors.length;
  void vscode.window.showInformationMessage(r.errors.length
    ? vscode.l10n.t('Istio: merged {merged} of {count} --set flags as Istio {version} reads them; {left} left out (see the output).', { merged, count: r.flags, version: r.version, left: r.errors.length })
    : vscode.l10n.t('Istio: merged {merged} of {count} --set flags as Istio {version} reads them.', { merged, count: r.flags, version: r.version }));
}
