// Quick fixes: edits the user chooses to apply (and can undo); nothing is changed otherwise.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { DiagnosticData } from './diagnostics.ts';
import { SOURCE } from './diagnostics.ts';
import type { Rewrite } from '../k8s/forms.ts';

/** Works out a rewrite's edits on the current text (undefined when it no longer applies). */
export type RewriteResolver = (rewrite: Rewrite, diagnostic: Diagnostic) => TextEdit[] | undefined;

/** One quick fix per diagnostic of ours that carries a replacement or a rewrite. */
export function quickFixes(uri: string, diagnostics: Diagnostic[], resolve?: RewriteResolver): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const fix = d.source === SOURCE ? (d.data as DiagnosticData | undefined)?.fix : undefined;
    if (!fix || typeof fix.title !== 'string') continue;
    let edits: TextEdit[] | undefined;
    if ('newText' in fix && typeof fix.newText === 'string') edits = [{ range: d.range, newText: fix.newText }];
    else if ('rewrite' in fix && fix.rewrite && resolve) edits = resolve(fix.rewrite, d);
    if (!edits?.length) continue;
    out.push({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [uri]: edits } },
    });
  }
  return out;
}
