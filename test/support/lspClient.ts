// A small LSP client for tests: starts the BUILT server (dist/server.js) as a real process and
// speaks JSON-RPC to it over stdio (Content-Length framing) or node IPC. Requests resolve by id;
// server → client requests are answered by handlers the test sets; notifications are kept in
// order and awaited with waitFor(predicate) — tests wait on events, never on fixed sleeps.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const serverPath = path.join(repoRoot, 'dist', 'server.js');

export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: any;
  result?: any;
  error?: { code: number; message: string; data?: unknown };
}

export class ResponseError extends Error {
  constructor(readonly code: number, message: string, readonly method: string) {
    super(`${method} failed (${code}): ${message}`);
  }
}

export interface StartOptions {
  transport?: 'stdio' | 'ipc';
  /** Extra arguments after the transport flag. */
  args?: string[];
  /**
   * Another server to start instead of dist/server.js (stdio only), as an argv:
   * `[process.execPath, 'node_modules/yaml-language-server/bin/yaml-language-server', '--stdio']`.
   * `args` is ignored then; the command says everything.
   */
  command?: string[];
}

type Handler = (params: any) => unknown;
interface Waiter { list: Message[]; predicate: (m: Message) => boolean; resolve: (m: Message) => void; reject: (e: Error) => void; timer: NodeJS.Timeout; from: number }

export const DEFAULT_TIMEOUT = 10_000;

export class LspClient {
  /** Server → client notifications, in arrival order. */
  readonly notifications: Message[] = [];
  /** Server → client requests, in arrival order (recorded before they are answered). */
  readonly serverRequests: Message[] = [];
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private readonly child: ChildProcess;
  private readonly send: (m: Message) => void;
  private readonly pending = new Map<number, { method: string; resolve: (v: any) => void; reject: (e: Error) => void }>();
  private readonly handlers = new Map<string, Handler>();
  private waiters: Waiter[] = [];
  private nextId = 1;
  private buffer = Buffer.alloc(0);
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  constructor(opts: StartOptions = {}) {
    const transport = opts.transport ?? 'stdio';
    if (opts.command && transport !== 'stdio') throw new Error('a server command can only be started over stdio');
    if (transport === 'stdio') {
      const [file, ...args] = opts.command ?? [process.execPath, serverPath, '--stdio', ...(opts.args ?? [])];
      this.child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
      this.child.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
      this.send = (m) => {
        const body = Buffer.from(JSON.stringify(m), 'utf8');
        this.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
      };
    } else {
      this.child = fork(serverPath, ['--node-ipc', ...(opts.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
      this.child.on('message', (m) => this.onMessage(m as Message));
      this.send = (m) => { this.child.send(m); };
    }
    this.child.stderr!.on('data', (chunk: Buffer) => { this.stderr += chunk.toString('utf8'); });
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        for (const p of this.pending.values()) p.reject(new Error(`the server exited (code ${code}) before answering ${p.method}`));
        this.pending.clear();
        for (const w of this.waiters) { clearTimeout(w.timer); w.reject(new Error(`the server exited (code ${code}, signal ${signal}) while waiting; stderr:\n${this.stderr}`)); }
        this.waiters = [];
        resolve({ code, signal });
      });
    });
    // Answers the server's own requests the way a plain editor would, unless a test says otherwise.
    this.onRequest('client/registerCapability', () => null);
    this.onRequest('client/unregisterCapability', () => null);
    this.onRequest('window/workDoneProgress/create', () => null);
    this.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  }

  get pid(): number | undefined { return this.child.pid; }

  /** The id of the request sent last (for `$/cancelRequest`). */
  get lastRequestId(): number { return this.nextId - 1; }

  /** Answers server → client requests of `method` (e.g. workspace/configuration). */
  onRequest(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  request<R = any>(method: string, params?: unknown, timeout = DEFAULT_TIMEOUT): Promise<R> {
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => { this.pending.delete(id); reject(new Error(`${method} got no answer in ${timeout} ms`)); }, timeout);
      this.pending.set(id, {
        method,
        resolve: (v) => { clearTimeout(timer); resolve(v); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params?: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /**
   * The first notification (from index `from` on, default: any so far) that matches; waits for
   * one when none has arrived yet.
   */
  waitFor(predicate: (m: Message) => boolean, opts: { timeout?: number; from?: number; what?: string } = {}): Promise<Message> {
    return this.waitIn(this.notifications, predicate, opts);
  }

  /** Like waitFor, for requests the server sent to the client (workspace/configuration, …). */
  waitForServerRequest(predicate: (m: Message) => boolean, opts: { timeout?: number; from?: number; what?: string } = {}): Promise<Message> {
    return this.waitIn(this.serverRequests, predicate, opts);
  }

  private waitIn(list: Message[], predicate: (m: Message) => boolean, opts: { timeout?: number; from?: number; what?: string }): Promise<Message> {
    const from = opts.from ?? 0;
    const found = list.slice(from).find(predicate);
    if (found) return Promise.resolve(found);
    if (this.exitInfo) return Promise.reject(new Error(`the server has exited (code ${this.exitInfo.code}); stderr:\n${this.stderr}`));
    return new Promise((resolve, reject) => {
      const timeout = opts.timeout ?? DEFAULT_TIMEOUT;
      const waiter: Waiter = {
        list, predicate, resolve, reject, from,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          const recent = list.slice(-5).map((m) => `${m.method} ${JSON.stringify(m.params).slice(0, 200)}`).join('\n  ');
          reject(new Error(`no ${opts.what ?? 'matching message'} within ${timeout} ms; last ones:\n  ${recent}\nstderr:\n${this.stderr}`));
        }, timeout),
      };
      this.waiters.push(waiter);
    });
  }

  private arrived(list: Message[], m: Message): void {
    const index = list.push(m) - 1;
    for (const w of [...this.waiters]) {
      if (w.list === list && index >= w.from && w.predicate(m)) {
        clearTimeout(w.timer);
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve(m);
      }
    }
  }

  // --- LSP conveniences ---------------------------------------------------------------------

  async initialize(opts: { capabilities?: Record<string, unknown>; initializationOptions?: unknown; rootUri?: string | null; locale?: string } = {}): Promise<any> {
    const result = await this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'iop-test-client' },
      rootUri: opts.rootUri ?? null,
      capabilities: opts.capabilities ?? {},
      initializationOptions: opts.initializationOptions,
      ...(opts.locale ? { locale: opts.locale } : {}),
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1, languageId = 'yaml'): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Incremental changes: each replaces `range` with `text`; a change without range replaces all. */
  change(uri: string, version: number, changes: Array<{ range?: Range; text: string }>): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** The publishDiagnostics for `uri` (and `version`, when given). */
  diagnostics(uri: string, opts: { version?: number; from?: number; timeout?: number; where?: (p: any) => boolean } = {}): Promise<PublishedDiagnostics> {
    return this.waitFor(
      (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (opts.version === undefined || m.params.version === opts.version) && (!opts.where || opts.where(m.params)),
      { from: opts.from, timeout: opts.timeout, what: `publishDiagnostics for ${uri}${opts.version !== undefined ? ` version ${opts.version}` : ''}` },
    ).then((m) => m.params as PublishedDiagnostics);
  }

  published(uri: string): PublishedDiagnostics[] {
    return this.notifications.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri).map((m) => m.params);
  }

  /** window/logMessage and window/showMessage at Error level: the server's own failures. */
  errorLogs(): string[] {
    return this.notifications.filter((m) => (m.method === 'window/logMessage' || m.method === 'window/showMessage') && m.params.type === 1).map((m) => m.params.message);
  }

  async shutdown(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    await this.request('shutdown');
    this.notify('exit');
    return this.exited;
  }

  /** Ends the process if a test left it running (for `after` hooks). */
  async dispose(): Promise<void> {
    if (!this.exitInfo) {
      this.child.kill();
      await this.exited;
    }
  }

  // --- transport -----------------------------------------------------------------------------

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) throw new Error(`bad LSP header from the server: ${JSON.stringify(header)}`);
      const length = Number(m[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.onMessage(JSON.parse(body) as Message);
    }
  }

  private onMessage(m: Message): void {
    if (m.method !== undefined && m.id !== undefined && m.id !== null) {
      void this.answer(m);
    } else if (m.method === undefined && typeof m.id === 'number') {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error) p.reject(new ResponseError(m.error.code, m.error.message, p.method));
      else p.resolve(m.result);
    } else if (m.method !== undefined) {
      this.arrived(this.notifications, m);
    }
  }

  private async answer(m: Message): Promise<void> {
    this.arrived(this.serverRequests, m);
    const handler = this.handlers.get(m.method!);
    try {
      if (!handler) {
        this.send({ jsonrpc: '2.0', id: m.id, error: { code: -32601, message: `the test client does not handle ${m.method}` } });
      } else {
        this.send({ jsonrpc: '2.0', id: m.id, result: (await handler(m.params)) ?? null });
      }
    } catch (e) {
      this.send({ jsonrpc: '2.0', id: m.id, error: { code: -32603, message: String(e) } });
    }
  }
}

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface Diagnostic { range: Range; severity?: number; code?: string | number; message: string; source?: string; data?: { path?: string } }
export interface PublishedDiagnostics { uri: string; version?: number; diagnostics: Diagnostic[] }

/** A file URI for a made-up path under the repository (the server never reads it from disk). */
export function docUri(name: string): string {
  return pathToFileURL(path.join(repoRoot, 'test', 'fixtures', 'lsp', name)).href;
}

/**
 * The position of the `occurrence`-th `needle` in `text` (0-based), moved `delta` characters
 * right: `positionOf(text, 'ingresGateways')` is where that key starts.
 */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`\`${needle}\` (occurrence ${occurrence}) is not in the text`);
  }
  const offset = at + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The range `needle` covers in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  const start = positionOf(text, needle, 0, occurrence);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

/**
 * A server started before the suite's tests and stopped after them, without a diagnostics delay;
 * call inside `describe`, use the returned getter in the tests.
 */
export function serverForSuite(hooks: { before: (fn: () => Promise<void>) => void; after: (fn: () => Promise<void>) => void }): () => LspClient {
  let client: LspClient | undefined;
  hooks.before(async () => {
    client = new LspClient();
    await client.initialize({ initializationOptions: { diagnosticsDelay: 0 } });
  });
  hooks.after(async () => { await client?.dispose(); });
  return () => {
    if (!client) throw new Error('the server has not started');
    return client;
  };
}
