// Writes LSP messages to a stream (stdout) with their header in the same write as their body.
// vscode-jsonrpc's stream writer writes the header, waits for that write's callback, then writes
// the body: the editor wakes up for a header alone and again for the body, on every message. One
// write per message halves that, and the order of messages is the order of write() calls.
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

export class FrameWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on('error', (e: Error) => this.fireError(e));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let frame: string;
    try {
      const body = JSON.stringify(msg);
      frame = `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
    } catch (e) {
      this.fireError(e, msg, ++this.errors);
      return Promise.reject(e);
    }
    return new Promise((resolve, reject) => {
      this.out.write(frame, 'utf8', (e?: Error | null) => {
        if (!e) return resolve();
        this.fireError(e, msg, ++this.errors);
        reject(e);
      });
    });
  }

  end(): void {
    this.out.end();
  }
}
