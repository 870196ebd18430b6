// Istio: Check Upgrade to… — pick a later release; the language server reads the file at every
// release on the way and the report opens as a Markdown preview. Reads only: it runs no tool.
import * as vscode from 'vscode';
import { readIndex } from '../bundledIndex.ts';
import { showWithOutput, type Services } from './shared.ts';
import { requestFailed } from '../requestFailed.ts';

interface Item extends vscode.QuickPickItem { value: string }

const minor = (v: string) => Number(v.split('.')[1]);

export async function checkUpgrade(s: Services, arg?: unknown): Promise<void> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: open an IstioOperator file to check its upgrade.'));
    return;
  }
  // The language server reads open documents; the version it chose comes with its first check.
  const doc = await vscode.workspace.openTextDocument(uri);
  const from = s.documentVersion(uri);
  const later = readIndex(s.schemasDir).versions.filter((v) => from === undefined || minor(v.version) > minor(from));
  if (!later.length) {
    void vscode.window.showInformationMessage(from
      ? vscode.l10n.t('Istio: Istio {version} is the newest release bundled; there is nothing later to check.', { version: from })
      : vscode.l10n.t('Istio: this file is for the newest release bundled; there is nothing later to check.'));
    return;
  }
  const items: Item[] = later.map((v) => {
    const hops = from ? minor(v.version) - minor(from) : undefined;
    const detail = !hops ? undefined : hops === 1 ? vscode.l10n.t('1 in-place upgrade from {version}', { version: from! }) : vscode.l10n.t('{count} in-place upgrades from {version}', { count: hops, version: from! });
    return { value: v.version, label: v.version, description: `Istio ${v.tag}`, detail };
  });
  const title = from ? vscode.l10n.t('Check the upgrade of {file} from Istio {version} to…', { file: baseName(doc.uri), version: from }) : vscode.l10n.t('Check the upgrade of {file} to…', { file: baseName(doc.uri) });
  const pick = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('The release to upgrade to') });
  if (!pick) return;
  const r = await s.upgradeReport(uri.toString(), pick.value).catch(requestFailed);
  if (!r.ok) return showWithOutput(s, 'warning', vscode.l10n.t('Istio: Check upgrade: {problem}', { problem: r.message }));
  s.output.line(vscode.l10n.t('Upgrade check of {file} from Istio {from} to {to}: {findings} findings, {errors} settings refused at {to}.', { file: baseName(doc.uri), from: r.from, to: r.to, findings: r.findings, errors: r.errors }));
  const report = s.docs.create(vscode.l10n.t('Upgrade {from} to {to} - {file}.md', { from: r.from, to: r.to, file: baseName(doc.uri) }), r.markdown);
  await vscode.commands.executeCommand('markdown.showPreview', report);
}

const baseName = (u: vscode.Uri) => u.path.split('/').pop() ?? u.path;
