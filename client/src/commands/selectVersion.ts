// Istio: Select Istio Version (the status bar item's click) — a quick pick writing
// istioOperator.istioVersion: "auto" or one of the bundled releases.
import * as vscode from 'vscode';
import { readIndex } from '../bundledIndex.ts';
import { BUNDLED_RELEASES } from '../bundledReleases.ts';
import { SECTION } from '../settings.ts';
import type { Services } from './shared.ts';

interface Item extends vscode.QuickPickItem {
  value: string;
}

export async function selectVersion(s: Services): Promise<void> {
  const cfg = vscode.workspace.getConfiguration(SECTION, vscode.window.activeTextEditor?.document.uri);
  const current = cfg.get<string>('istioVersion', 'auto');
  let versions: { version: string; tag: string }[];
  try {
    versions = readIndex(s.schemasDir).versions;
  } catch {
    versions = [...BUNDLED_RELEASES];
  }
  const items: Item[] = [
    { value: 'auto', label: 'auto', description: vscode.l10n.t('from `# istio-version:`, spec.tag, istioctl, else the newest') },
    ...[...versions].reverse().map((v) => ({ value: v.version, label: v.version, description: v.tag ? vscode.l10n.t('checked against Istio {tag}', { tag: v.tag }) : undefined })),
  ].map((i) => (i.value === current ? { ...i, label: `$(check) ${i.label}` } : i));
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Istio version to check IstioOperator files against'), placeHolder: vscode.l10n.t('Now: {version}', { version: current }) });
  if (!pick) return;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await cfg.update('istioVersion', pick.value, target);
}
