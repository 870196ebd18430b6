// Istio: Copy as istioctl --set Flags — the file's IstioOperator (or, with a selection, the setting
// under it) as one `istioctl install --set …` line on the clipboard, as the file's release reads
// flags. What no flag can write is listed in the output, never turned into a flag that means
// something else. Reads only: it runs no tool.
import * as vscode from 'vscode';
import type { SetFlagsRequest } from '../../../protocol/messages.ts';
import { showWithOutput, type Services } from './shared.ts';

/** A shell word: quoted only when it needs to be (`'a b'`, `'it'\''s'`). */
const shellWord = (s: string) => (/^[A-Za-z0-9_./:=@%+,[\]\\-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export async function copyFlags(s: Services): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Istio: open an IstioOperator file to copy it as --set flags.');
    return;
  }
  const position = editor.selection.isEmpty ? undefined : { line: editor.selection.start.line, character: editor.selection.start.character };
  const r = await s.setFlags(editor.document.uri.toString(), position).catch((e: unknown): SetFlagsRequest.Result => ({ ok: false, message: e instanceof Error ? e.message : String(e) }));
  if (!r.ok) return showWithOutput(s, 'warning', `Istio: Copy as --set flags: ${r.message}`);
  const line = ['istioctl', 'install', ...r.flags.flatMap((f) => ['--set', shellWord(f.arg)])].join(' ');
  await vscode.env.clipboard.writeText(line);
  s.output.line(`Copied ${r.flags.length} --set flags (read as istioctl ${r.releases} reads them):`);
  for (const f of r.flags) s.output.line(`  --set ${f.arg}`);
  for (const p of r.problems) s.output.line(`  not a flag: ${p.path || '(document)'}: ${p.reason}`);
  for (const n of r.notes) s.output.line(`  note: ${n}`);
  if (r.problems.length) {
    void vscode.window.showWarningMessage(`Istio: copied ${r.flags.length} --set flags; ${r.problems.length} value(s) cannot be written as flags (listed in the output).`, 'Show Output').then((c) => c && s.output.show());
  } else {
    void vscode.window.showInformationMessage(`Istio: copied ${r.flags.length} --set flags to the clipboard.`);
  }
}
