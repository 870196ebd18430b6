// A few lines of test runner for inside the extension host (no mocha): named checks run in order,
// each failure reported, and run() rejects when any failed, which fails the VS Code process.
import * as vscode from 'vscode';

export interface Check {
  name: string;
  fn: () => Promise<void>;
}

export async function runChecks(title: string, checks: Check[]): Promise<void> {
  console.log(`# ${title}`);
  const failed: string[] = [];
  for (const { name, fn } of checks) {
    const start = Date.now();
    try {
      await fn();
      console.log(`ok - ${name} (${Date.now() - start} ms)`);
    } catch (e) {
      failed.push(name);
      console.log(`not ok - ${name}\n${indent(e instanceof Error ? e.stack ?? e.message : String(e))}`);
    }
  }
  console.log(`# ${checks.length - failed.length} passed, ${failed.length} failed`);
  if (failed.length) throw new Error(`${failed.length} of ${checks.length} checks failed: ${failed.join('; ')}`);
}

const indent = (s: string) => s.split('\n').map((l) => `    ${l}`).join('\n');

/** Rejects with `what` after `ms`, unless `promise` settles first. */
export function within<T>(promise: PromiseLike<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000}s: ${what}`)), ms); });
  return Promise.race([Promise.resolve(promise), late]).finally(() => clearTimeout(timer));
}

/** The diagnostics of `uri` once `ready` accepts them, waiting on onDidChangeDiagnostics. */
export function diagnosticsWhen(uri: vscode.Uri, ready: (d: readonly vscode.Diagnostic[]) => boolean, ms = 20_000): Promise<readonly vscode.Diagnostic[]> {
  let sub: vscode.Disposable | undefined;
  const seen = new Promise<readonly vscode.Diagnostic[]>((resolve) => {
    const check = () => {
      const d = vscode.languages.getDiagnostics(uri);
      if (ready(d)) { sub?.dispose(); resolve(d); return true; }
      return false;
    };
    if (!check()) sub = vscode.languages.onDidChangeDiagnostics((e) => { if (e.uris.some((u) => u.toString() === uri.toString())) check(); });
  });
  return within(seen, ms, `diagnostics of ${uri.fsPath}`).finally(() => sub?.dispose());
}

export interface ShownMessage {
  severity: 'information' | 'warning' | 'error';
  message: string;
  /** MessageOptions.detail: the body of a modal dialog. */
  detail: string;
  modal: boolean;
  items: string[];
}

/**
 * Replaces window.show{Information,Warning,Error}Message while `body` runs, recording every message.
 * A modal one (a confirmation) is answered by `answerModal` with the title of one of its items, or
 * undefined (Cancel); a toast resolves undefined at once, as if dismissed, so no command waits on it.
 * The test module is bundled inside the extension's folder, so `vscode` here is the extension's
 * own API object and the replacement is what the extension calls.
 */
export async function withMessages<T>(answerModal: (m: ShownMessage) => string | undefined, body: (shown: ShownMessage[]) => Promise<T>): Promise<T> {
  const shown: ShownMessage[] = [];
  const win = vscode.window as unknown as Record<string, unknown>;
  const originals = new Map<string, unknown>();
  for (const [name, severity] of [['showInformationMessage', 'information'], ['showWarningMessage', 'warning'], ['showErrorMessage', 'error']] as const) {
    originals.set(name, win[name]);
    win[name] = (message: string, ...rest: unknown[]) => {
      const options = rest[0] && typeof rest[0] === 'object' && !('title' in rest[0]) ? (rest.shift() as vscode.MessageOptions) : undefined;
      const items = rest as Array<string | vscode.MessageItem>;
      const entry: ShownMessage = { severity, message, detail: options?.detail ?? '', modal: !!options?.modal, items: items.map((i) => (typeof i === 'string' ? i : i.title)) };
      shown.push(entry);
      if (!entry.modal) return Promise.resolve(undefined);
      const title = answerModal(entry);
      return Promise.resolve(items.find((i) => (typeof i === 'string' ? i : i.title) === title));
    };
  }
  try {
    return await body(shown);
  } finally {
    for (const [name, fn] of originals) win[name] = fn;
  }
}
