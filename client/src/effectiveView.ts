// "Istio: Show Effective Configuration": a read-only YAML editor beside the file with what the
// language server computes (the profile with the file merged over it), updated as the file
// changes. The client only shows it; the engine does the work (istioOperator/effectiveConfiguration).
import * as vscode from 'vscode';
import type { EffectiveConfigurationRequest } from '../../protocol/messages.ts';
import { requestFailed } from './requestFailed.ts';

export const EFFECTIVE_SCHEME = 'istio-operator-effective';

export type EffectiveSource = (uri: string, opts: { profileOnly?: boolean; origins?: boolean }) => Promise<EffectiveConfigurationRequest.Result>;

export class EffectiveView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly open = new Map<string, vscode.Uri>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly source: EffectiveSource) {
    this.subscriptions = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_SCHEME, this),
      vscode.workspace.onDidChangeTextDocument((e) => this.sourceChanged(e.document.uri.toString())),
      vscode.workspace.onDidCloseTextDocument((d) => { if (d.uri.scheme === EFFECTIVE_SCHEME) this.open.delete(sourceOf(d.uri)); }),
    ];
  }

  /** The view's URI for a file: `istio-operator-effective:/<name> (effective).yaml?<source uri>`. */
  uriFor(source: vscode.Uri): vscode.Uri {
    const name = source.path.split('/').pop() || 'istio-operator';
    return vscode.Uri.from({ scheme: EFFECTIVE_SCHEME, path: `/${vscode.l10n.t('{name} (effective).yaml', { name })}`, query: source.toString() });
  }

  async show(source: vscode.Uri): Promise<void> {
    const uri = this.uriFor(source);
    this.open.set(source.toString(), uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'yaml');
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const r = await this.source(sourceOf(uri), { origins: true }).catch(requestFailed);
    if (!r.ok) return `# ${vscode.l10n.t('The effective configuration is not available: {problem}', { problem: r.message })}\n`;
    return `# ${vscode.l10n.t('Effective configuration: Istio {tag} profile "{profile}" with the file merged over it (each value says where it comes from).', { tag: r.tag, profile: r.profile })}\n${r.yaml}`;
  }

  /** Typing changes the view a moment later, not on every key. */
  private sourceChanged(source: string): void {
    const view = this.open.get(source);
    if (!view) return;
    clearTimeout(this.timers.get(source));
    this.timers.set(source, setTimeout(() => { this.timers.delete(source); this.changed.fire(view); }, 300));
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.subscriptions.forEach((d) => d.dispose());
  }
}

const sourceOf = (uri: vscode.Uri) => uri.query;
