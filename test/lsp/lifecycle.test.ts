// Starting and stopping the built server: the capabilities it announces, a clean shutdown/exit,
// node IPC (how the VS Code extension starts it), and its command line.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { docUri, LspClient, serverPath } from '../support/lspClient.ts';

describe('server lifecycle', () => {
  it('initialize announces incremental sync, completion, hover, symbols and folding', async () => {
    const client = new LspClient();
    try {
      const result = await client.initialize();
      const caps = result.capabilities;
      assert.equal(caps.textDocumentSync.change, 2, 'incremental');
      assert.equal(caps.textDocumentSync.openClose, true);
      assert.ok(Array.isArray(caps.completionProvider.triggerCharacters));
      assert.ok(caps.completionProvider.triggerCharacters.includes(':'));
      assert.equal(caps.hoverProvider, true);
      assert.equal(caps.documentSymbolProvider, true);
      assert.equal(caps.foldingRangeProvider, true);
      assert.equal(result.serverInfo.name, 'iop-language-server');
      assert.match(result.serverInfo.version, /^\d+\.\d+\.\d+/);
      const exit = await client.shutdown();
      assert.deepEqual(exit, { code: 0, signal: null });
    } finally {
      await client.dispose();
    }
  });

  it('exit without shutdown ends the process with code 1, as LSP says', async () => {
    const client = new LspClient();
    try {
      await client.initialize();
      client.notify('exit');
      const exit = await client.exited;
      assert.equal(exit.code, 1);
      assert.match(client.stderr, /exiting with code 1/, 'it says why it stopped');
    } finally {
      await client.dispose();
    }
  });

  it('works over node IPC (--node-ipc): initialize and a round of diagnostics', async () => {
    const client = new LspClient({ transport: 'ipc' });
    try {
      const result = await client.initialize({ initializationOptions: { diagnosticsDelay: 0 } });
      assert.equal(result.capabilities.hoverProvider, true);
      const uri = docUri('ipc.yaml');
      client.open(uri, 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profil: demo\n', 3);
      const p = await client.diagnostics(uri, { version: 3 });
      assert.deepEqual(p.diagnostics.map((d) => d.code), ['unknown-field']);
      assert.match(p.diagnostics[0].message, /did you mean `profile`\?/);
      const exit = await client.shutdown();
      assert.equal(exit.code, 0);
    } finally {
      await client.dispose();
    }
  });

  it('over stdio, the server ends when the editor closes its stdin (the editor crashed), with code 1', async () => {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const answer = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString('utf8'))));
    assert.match(answer, /^Content-Length: \d+\r\n\r\n\{.*"capabilities"/s, 'a whole framed answer in one read');
    child.stdin.end();
    const timer = setTimeout(() => child.kill(), 10_000);
    assert.equal(await exited, 1);
    clearTimeout(timer);
  });

  it('without a transport flag it prints usage and exits 2; --help prints usage and exits 0', () => {
    const none = spawnSync(process.execPath, [serverPath], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /Usage: iop-language-server --stdio/);
    const help = spawnSync(process.execPath, [serverPath, '--help'], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: iop-language-server --stdio/);
  });
});

it('initializationOptions.maxFileSizeKb limits the files the server checks', async () => {
  const client = new LspClient();
  try {
    await client.initialize({ initializationOptions: { diagnosticsDelay: 0, maxFileSizeKb: 1 } });
    const uri = docUri('large.yaml');
    const text = `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  bogus: 1\n${'# padding\n'.repeat(200)}`;
    client.open(uri, text);
    const published = await client.diagnostics(uri, { version: 1 });
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['too-large']);
  } finally {
    await client.dispose();
  }
});
