// The one "Istio" output channel. Everything written passes through the redaction of secrets;
// tool output is buffered per stream until a line is complete, so a secret split across chunks is
// still caught. It never takes focus by itself: only "Show Output" shows it.
import * as vscode from 'vscode';
import { lineRedactor, redact } from './redact.ts';
import type { OutputEvent } from './run.ts';

export class Output implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Istio');

  line(text: string): void {
    this.channel.appendLine(redact(text));
  }

  /** A writer for one run's streamed output; call flush() when the run ends. */
  writer(): { write(e: OutputEvent): void; flush(): void } {
    const lines = lineRedactor((text) => this.channel.appendLine(text));
    return {
      write: (e) => lines.write(`${e.proc}:${e.stream}`, e.text),
      flush: () => lines.flush(),
    };
  }

  show(): void {
    this.channel.show(true); // preserveFocus: the editor keeps the keyboard
  }

  dispose(): void {
    this.channel.dispose();
  }
}
