// Quick fixes: edits the user chooses to apply (and can undo); nothing is changed otherwise.
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { DiagnosticData } from './diagnostics.ts';
import { SOURCE } from './diagnostics.ts';

/** One quick fix per diagnostic of ours that carries a replacement. */
export function quickFixes(uri: string, diagnostics: Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const fix = d.source === SOURCE ? (d.data as DiagnosticData | undefined)?.fix : undefined;
    if (!fix || typeof fix.newText !== 'string') continue;
    out.push({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: d.range, newText: fix.newText }] } },
    });
  }
  return out;
}
