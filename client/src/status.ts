// The status bar item shown on IstioOperator files: the Istio version the server checks the file
// against and where that came from (the server's versionStatus notification), and the kube context
// commands will use. Clicking it picks another version.
import * as vscode from 'vscode';
import type { VersionStatusNotification } from '../../protocol/messages.ts';
import { describeContext, type KubeContext } from './detect.ts';
import { versionText, type VersionState } from './statusText.ts';

export const SELECT_VERSION_COMMAND = 'istioOperator.selectVersion';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('istioOperator.status', vscode.StatusBarAlignment.Right, 100);
  private readonly versions = new Map<string, VersionState>();
  private context: KubeContext | 'restricted' | undefined;
  private istioctlVersion: string | undefined;
  private visible = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'Istio Operator';
    this.item.command = SELECT_VERSION_COMMAND;
    this.subscriptions.push(vscode.workspace.onDidCloseTextDocument((d) => this.versions.delete(d.uri.toString())));
  }

  setVersionStatus(p: VersionStatusNotification.Params): void {
    this.versions.set(p.uri, { version: p.version, source: p.source, reason: p.reason });
    this.render();
  }

  setContext(c: KubeContext | 'restricted' | undefined): void {
    this.context = c;
    this.render();
  }

  setIstioctl(version: string | undefined): void {
    this.istioctlVersion = version;
    this.render();
  }

  /** Shown while the active editor holds an IstioOperator. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.render();
  }

  private render(): void {
    const editor = vscode.window.activeTextEditor;
    if (!this.visible || !editor) {
      this.item.hide();
      return;
    }
    const state = this.versions.get(editor.document.uri.toString()) ?? { version: null, source: null, reason: null };
    const ctx = this.context === 'restricted' ? vscode.l10n.t('Restricted Mode') : this.context ? describeContext(this.context) : '…';
    this.item.text = `$(versions) ${versionText(state, this.istioctlVersion)}  $(cloud) ${ctx}`;
    const md = new vscode.MarkdownString(undefined, true);
    const used = state.version ? vscode.l10n.t('**Istio {version}** is used to check this file', { version: state.version }) : vscode.l10n.t('The Istio version is not known yet');
    md.appendMarkdown(state.reason ? vscode.l10n.t('{used}: from {reason}.', { used, reason: escape(state.reason) }) : vscode.l10n.t('{used}.', { used }));
    md.appendMarkdown('\n\n');
    md.appendMarkdown(`${vscode.l10n.t('istioctl: {version}', { version: this.istioctlVersion ? escape(this.istioctlVersion) : vscode.l10n.t('not found') })}\n\n`);
    md.appendMarkdown(`${vscode.l10n.t('Kube context: {context}', { context: escape(contextDetail(this.context)) })}\n\n`);
    md.appendMarkdown(vscode.l10n.t('Click to choose another Istio version.'));
    this.item.tooltip = md;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.subscriptions.forEach((d) => d.dispose());
  }
}

function contextDetail(c: KubeContext | 'restricted' | undefined): string {
  if (c === 'restricted') return vscode.l10n.t('not read in Restricted Mode (trust the workspace to run kubectl and istioctl)');
  if (!c) return vscode.l10n.t('not read yet');
  switch (c.kind) {
    case 'setting': return vscode.l10n.t('{name} (the istioOperator.context setting)', { name: c.name });
    case 'current': return vscode.l10n.t('{name} (kubectl\'s current context)', { name: c.name });
    case 'none': return vscode.l10n.t('none: {problem}', { problem: c.message });
    case 'bin-not-found': return vscode.l10n.t('unknown: kubectl was not found ({cmd}); set istioOperator.kubectlPath', { cmd: c.cmd });
  }
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
