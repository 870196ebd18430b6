// Istio: Check Upgrade to… — pick a later release; the language server reads the file at every
// release on the way and the report opens as a Markdown preview. Reads only: it runs no tool.
import * as vscode from 'vscode';
import type { UpgradeReportRequest } from '../../../protocol/messages.ts';
import { readIndex } from '../bundledIndex.ts';
import { showWithOutput, type Services } from './shared.ts';

interface Item extends vscode.QuickPickItem { value: string }

const minor = (v: string) => Number(v.split('.')[1]);

export async function checkUpgrade(s: Services, arg?: unknown): Promise<void> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Istio: open an IstioOperator file to check its upgrade.');
    return;
  }
  // The language server reads open documents; the version it chose comes with its first check.
  const doc = await vscode.workspace.openTextDocument(uri);
  const from = s.documentVersion(uri);
  const later = readIndex(s.schemasDir).versions.filter((v) => from === undefined || minor(v.version) > minor(from));
  if (!later.length) {
    void vscode.window.showInformationMessage(`Istio: ${from ? `Istio ${from} is` : 'this file is for'} the newest release bundled; there is nothing later to check.`);
    return;
  }
  const items: Item[] = later.map((v) => {
    const hops = from ? minor(v.version) - minor(from) : undefined;
    return { value: v.version, label: v.version, description: `Istio ${v.tag}`, detail: hops ? `${hops} in-place upgrade${hops === 1 ? '' : 's'} from ${from}` : undefined };
  });
  const pick = await vscode.window.showQuickPick(items, { title: `Check the upgrade of ${baseName(doc.uri)}${from ? ` from Istio ${from}` : ''} to…`, placeHolder: 'The release to upgrade to' });
  if (!pick) return;
  const r = await s.upgradeReport(uri.toString(), pick.value).catch((e: unknown): UpgradeReportRequest.Result => ({ ok: false, message: e instanceof Error ? e.message : String(e) }));
  if (!r.ok) return showWithOutput(s, 'warning', `Istio: Check upgrade: ${r.message}`);
  s.output.line(`Upgrade check of ${baseName(doc.uri)} from Istio ${r.from} to ${r.to}: ${r.findings} findings, ${r.errors} settings refused at ${r.to}.`);
  const report = s.docs.create(`Upgrade ${r.from} to ${r.to} - ${baseName(doc.uri)}.md`, r.markdown);
  await vscode.commands.executeCommand('markdown.showPreview', report);
}

const baseName = (u: vscode.Uri) => u.path.split('/').pop() ?? u.path;
