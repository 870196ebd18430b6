// Tracks whether the active editor holds an IstioOperator and mirrors it in the
// `istioOperator.isIstioOperatorFile` context key (menus use it), debounced while typing.
import * as vscode from 'vscode';
import { looksLikeIstioOperator } from './iopFile.ts';

export const CONTEXT_KEY = 'istioOperator.isIstioOperatorFile';

export class ActiveIopTracker implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<boolean>();
  readonly onDidChange = this.emitter.event;
  private current: boolean | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.check()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document !== vscode.window.activeTextEditor?.document) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => this.check(), 250);
      }),
    ];
    this.check();
  }

  get isIstioOperator(): boolean {
    return this.current ?? false;
  }

  check(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const yes = !!doc && doc.languageId === 'yaml' && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') && looksLikeIstioOperator(doc.getText());
    if (yes === this.current) {
      this.emitter.fire(yes); // the editor changed: the status item follows it
      return;
    }
    this.current = yes;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, yes);
    this.emitter.fire(yes);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscriptions.forEach((d) => d.dispose());
  }
}
