// Read-only documents for tool output (rendered manifests, profile dumps, live objects) under the
// `istio-operator:` scheme. Contents live in memory, at most MAX of them, dropped when VS Code
// closes the document.
import * as vscode from 'vscode';

export const SCHEME = 'istio-operator';
const MAX = 40;

export class VirtualDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];
  private next = 1;

  constructor() {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((d) => { if (d.uri.scheme === SCHEME) this.contents.delete(d.uri.toString()); }),
    ];
  }

  /** A new read-only document; `name` ends in .yaml so it opens as YAML. */
  create(name: string, content: string): vscode.Uri {
    const safe = name.replace(/[\\/?#%]/g, '_');
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${this.next++}/${safe}` });
    this.contents.set(uri.toString(), content);
    while (this.contents.size > MAX) this.contents.delete(this.contents.keys().next().value!);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? `# ${vscode.l10n.t('This view has expired: run the command again.')}\n`;
  }

  async show(uri: vscode.Uri): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
  }

  diff(left: vscode.Uri, right: vscode.Uri, title: string): Thenable<unknown> {
    return vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: false });
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.contents.clear();
  }
}
