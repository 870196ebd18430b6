// Which istioctl is configured and what version it is. Asked at start, when the path setting
// changes, when the workspace becomes trusted, and before every command (the binary may have been
// replaced). Each new answer is told to the language server and the status bar.
import * as vscode from 'vscode';
import { detectIstioctl, type IstioctlFound } from './detect.ts';
import { readSettings } from './settings.ts';

export class IstioctlTracker implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<IstioctlFound | undefined>();
  /** Fires with each answer whose version differs from the previous one. */
  readonly onDidChange = this.emitter.event;
  private last: IstioctlFound | undefined;
  private pending: Promise<IstioctlFound | undefined> | undefined;

  get current(): IstioctlFound | undefined {
    return this.last;
  }

  /** Asks istioctl again (one question at a time). Nothing runs in an untrusted workspace. */
  detect(): Promise<IstioctlFound | undefined> {
    if (!vscode.workspace.isTrusted) return Promise.resolve(undefined);
    this.pending ??= (async () => {
      try {
        const found = await detectIstioctl(readSettings().tools.istioctl);
        const before = versionOf(this.last);
        this.last = found;
        if (versionOf(found) !== before || found.kind !== 'found') this.emitter.fire(found);
        return found;
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export function versionOf(f: IstioctlFound | undefined): string | null {
  return f?.kind === 'found' ? f.version.version : null;
}
