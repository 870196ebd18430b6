// Istio: Copy as istioctl --set Flags — the file's IstioOperator (or, with a selection, the setting
// under it) as one `istioctl install --set …` line on the clipboard, as the file's release reads
// flags. What no flag can write is listed in the output, never turned into a flag that means
// something else. Reads only: it runs no tool.
import * as vscode from 'vscode';
import { showWithOutput, type Services } from './shared.ts';
import { requestFailed } from '../requestFailed.ts';

/** A shell word: quoted only when it needs to be (`'a b'`, `'it'\''s'`). */
const shellWord = (s: string) => (/^[A-Za-z0-9_./:=@%+,[\]\\-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export async function copyFlags(s: Services): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: open an IstioOperator file to copy it as --set flags.'));
    return;
  }
  const position = editor.selection.isEmpty ? undefined : { line: editor.selection.start.line, character: editor.selection.start.character };
  const r = await s.setFlags(editor.document.uri.toString(), position).catch(requestFailed);
  if (!r.ok) return showWithOutput(s, 'warning', vscode.l10n.t('Istio: Copy as --set flags: {problem}', { problem: r.message }));
  const line = ['istioctl', 'install', ...r.flags.flatMap((f) => ['--set', shellWord(f.arg)])].join(' ');
  await vscode.env.clipboard.writeText(line);
  s.output.line(vscode.l10n.t('Copied {count} --set flags (read as istioctl {releases} reads them):', { count: r.flags.length, releases: r.releases }));
  for (const f of r.flags) s.output.line(`  --set ${f.arg}`);
  for (const p of r.problems) s.output.line(vscode.l10n.t('  not a flag: {path}: {reason}', { path: p.path || vscode.l10n.t('(document)'), reason: p.reason }));
  for (const n of r.notes) s.output.line(vscode.l10n.t('  note: {note}', { note: n }));
  if (r.problems.length) {
    const showOutput = vscode.l10n.t('Show Output');
    void vscode.window.showWarningMessage(vscode.l10n.t('Istio: copied {count} --set flags; {problems} value(s) cannot be written as flags (listed in the output).', { count: r.flags.length, problems: r.problems.length }), showOutput).then((c) => c === showOutput && s.output.show());
  } else {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: copied {count} --set flags to the clipboard.', { count: r.flags.length }));
  }
}
