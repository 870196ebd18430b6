// Istio: Show Effective Configuration — the profile with the file merged over it, beside the file,
// updated as it changes. Reads only: it runs no tool, so it works in Restricted Mode too.
import * as vscode from 'vscode';
import type { Services } from './shared.ts';

export async function showEffective(s: Services, arg?: unknown): Promise<void> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: open an IstioOperator file to see its effective configuration.'));
    return;
  }
  await s.effectiveView.show(uri);
}
