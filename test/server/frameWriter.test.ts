// The stdio writer: one write per message, header and body together, the length in bytes (not
// characters), messages in the order they were written, and a failed write reported, not thrown.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import type { Message } from 'vscode-languageserver/node';
import { FrameWriter } from '../../server/src/frameWriter.ts';

const response = (id: number, result: unknown) => ({ jsonrpc: '2.0', id, result }) as Message;

function sink(fail = false) {
  const writes: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      writes.push(Buffer.from(chunk));
      done(fail ? new Error('EPIPE: the editor went away') : null);
    },
  });
  return { stream, writes };
}

/** Splits LSP frames the way a client reads them. */
function frames(data: Buffer): unknown[] {
  const out: unknown[] = [];
  let rest = data;
  while (rest.length) {
    const end = rest.indexOf('\r\n\r\n');
    const length = Number(/^Content-Length: (\d+)$/.exec(rest.subarray(0, end).toString('ascii'))![1]);
    out.push(JSON.parse(rest.subarray(end + 4, end + 4 + length).toString('utf8')));
    rest = rest.subarray(end + 4 + length);
  }
  return out;
}

describe('FrameWriter', () => {
  it('writes each message once, header and body together, its length counted in bytes', async () => {
    const { stream, writes } = sink();
    const writer = new FrameWriter(stream);
    const messages = [
      response(1, { text: 'Größe — ünïcödé 🚀' }),
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.yaml', diagnostics: [] } } as Message,
    ];
    for (const m of messages) await writer.write(m);
    assert.equal(writes.length, 2, 'one write per message');
    assert.deepEqual(frames(Buffer.concat(writes)), messages);
    assert.deepEqual(frames(writes[0]), [messages[0]], 'the first write is a whole frame');
  });

  it('keeps the order of messages written without waiting', async () => {
    const { stream, writes } = sink();
    const writer = new FrameWriter(stream);
    await Promise.all(Array.from({ length: 20 }, (_, i) => writer.write(response(i, i))));
    assert.deepEqual(frames(Buffer.concat(writes)).map((m) => (m as { id: number }).id), Array.from({ length: 20 }, (_, i) => i));
  });

  it('reports a failed write as an error event and a rejected promise', async () => {
    const { stream } = sink(true);
    stream.on('error', () => {}); // the stream's own error event
    const writer = new FrameWriter(stream);
    const errors: unknown[] = [];
    writer.onError((e) => errors.push(e));
    await assert.rejects(writer.write(response(1, null)), /EPIPE/);
    assert.ok(errors.length >= 1);
  });

  it('a message that cannot be serialized is reported, and the next one still goes out', async () => {
    const { stream, writes } = sink();
    const writer = new FrameWriter(stream);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await assert.rejects(writer.write(response(1, cyclic)));
    await writer.write(response(2, 'ok'));
    assert.deepEqual(frames(Buffer.concat(writes)), [{ jsonrpc: '2.0', id: 2, result: 'ok' }]);
  });
});
