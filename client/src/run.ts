// The one process runner for istioctl and kubectl: argument arrays and no shell, an optional pipe
// between two children, cancellation and a timeout that kill the whole process tree, and a tagged
// result. No UI and no vscode import: the command layer decides what to show.
//
// Why the details:
// - stdin is 'ignore' (an empty, closed stdin): istioctl's confirmation prompts read one token from
//   stdin and block forever on an open pipe with no data. Only the second child of a pipe gets a
//   pipe, and it is closed when the first child's output ends.
// - Children start in their own process group (POSIX `detached`), so a cancel reaches the
//   grandchildren too (istioctl 1.5 runs kubectl; a shell wrapper runs the real binary):
//   SIGTERM to the group, then SIGKILL after a grace period.
import { spawn, type ChildProcess } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';

export interface Command {
  /** An executable name (looked up on PATH) or an absolute path. Never a shell command line. */
  cmd: string;
  args: readonly string[];
  /** Exit codes that count as success (default [0]); `kubectl diff` uses 1 for "differences". */
  okExitCodes?: readonly number[];
}

export interface PipeTo extends Command {
  /**
   * 'stream' (default): like a shell pipe, the second child reads while the first writes.
   * 'after-success': the first child's whole output is held, and the second child starts only
   * when the first exited successfully (for destructive consumers such as `kubectl delete -f -`,
   * which must never act on a half-rendered manifest).
   */
  start?: 'stream' | 'after-success';
}

export type Stream = 'stdout' | 'stderr';

export interface OutputEvent {
  text: string;
  stream: Stream;
  /** 0: the first child; 1: the pipe's second child. */
  proc: 0 | 1;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Pipe the first child's stdout into this child's stdin. The first child's stdout is still captured. */
  pipeTo?: PipeTo;
  /** Stop (tree kill) after this many milliseconds; 0 or absent: no limit. */
  timeoutMs?: number;
  /** Aborting it cancels the run (tree kill). */
  signal?: AbortSignal;
  /** Called with each decoded chunk as it arrives (for an output channel, a progress line). */
  onOutput?: (e: OutputEvent) => void;
  /** Milliseconds between SIGTERM and SIGKILL (default 3000). */
  killGraceMs?: number;
  /** Per stream, how many characters are kept in the result (default 64 Mi); more is dropped and flagged. */
  maxCaptureChars?: number;
}

export interface ProcessRecord {
  cmd: string;
  args: readonly string[];
  pid: number | undefined;
  /** Exit code, or null when the process was ended by a signal or never started. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Some output was dropped because it passed maxCaptureChars. */
  truncated: boolean;
  started: boolean;
}

interface Common {
  processes: ProcessRecord[];
  /** The last non-empty line any child printed: what was last reported before the end. */
  lastLine: string;
  durationMs: number;
}

export type RunResult =
  | (Common & { kind: 'succeeded' })
  /** A child exited with a code outside its okExitCodes, or was killed by a signal. */
  | (Common & { kind: 'failed'; failed: 0 | 1; code: number | null; signal: NodeJS.Signals | null })
  /** The executable does not exist (ENOENT); `cmd` says which one. */
  | (Common & { kind: 'bin-not-found'; cmd: string })
  | (Common & { kind: 'cancelled' })
  | (Common & { kind: 'timed-out'; timeoutMs: number })
  /** It could not be started for another reason (EACCES, ...). */
  | (Common & { kind: 'errored'; cmd: string; message: string });

const DEFAULT_GRACE_MS = 3000;
const DEFAULT_MAX_CAPTURE = 64 * 1024 * 1024;
const TAIL_CHARS = 16 * 1024;
/** After a child exits, how long to wait for its pipes to close (a leftover grandchild may hold them). */
const CLOSE_AFTER_EXIT_MS = 2000;
const isWindows = process.platform === 'win32';

export function run(command: Command, options: RunOptions = {}): Promise<RunResult> {
  return new Promise<RunResult>((resolve) => {
    const started = Date.now();
    const grace = options.killGraceMs ?? DEFAULT_GRACE_MS;
    const maxCapture = options.maxCaptureChars ?? DEFAULT_MAX_CAPTURE;
    const specs: Command[] = options.pipeTo ? [command, options.pipeTo] : [command];
    const records: ProcessRecord[] = specs.map((c) => ({
      cmd: c.cmd, args: [...c.args], pid: undefined, code: null, signal: null, stdout: '', stderr: '', truncated: false, started: false,
    }));
    const children: (ChildProcess | undefined)[] = [undefined, undefined];
    const closed = specs.map(() => false);
    const captured = specs.map(() => ({ stdout: 0, stderr: 0 }));
    // Per stream, so a prompt without a newline on stdout and an error on stderr stay apart.
    const tails = new Map<string, string>();
    let lastKey = '';
    let stopping: 'cancelled' | 'timed-out' | undefined;
    let startError: { cmd: string; error: NodeJS.ErrnoException } | undefined;
    let graceTimer: NodeJS.Timeout | undefined;
    let timeoutTimer: NodeJS.Timeout | undefined;
    let finished = false;
    const pipeMode = options.pipeTo?.start ?? 'stream';
    const held: Buffer[] = [];

    const onAbort = () => stop('cancelled');

    const output = (proc: 0 | 1, stream: Stream, text: string) => {
      if (!text) return;
      const rec = records[proc];
      const room = maxCapture - captured[proc][stream];
      if (room > 0) {
        const kept = text.length <= room ? text : text.slice(0, room);
        rec[stream] += kept;
        captured[proc][stream] += kept.length;
        if (kept.length < text.length) rec.truncated = true;
      } else rec.truncated = true;
      const key = `${proc}:${stream}`;
      tails.set(key, ((tails.get(key) ?? '') + text).slice(-TAIL_CHARS));
      if (text.trim()) lastKey = key;
      options.onOutput?.({ text, stream, proc });
    };

    const start = (i: 0 | 1) => {
      const spec = specs[i];
      let child: ChildProcess;
      try {
        child = spawn(spec.cmd, [...spec.args], {
          cwd: options.cwd,
          env: options.env ?? process.env,
          stdio: [i === 1 ? 'pipe' : 'ignore', 'pipe', 'pipe'],
          shell: false,
          windowsHide: true,
          detached: !isWindows,
        });
      } catch (e) {
        // spawn throws synchronously for unusable arguments (e.g. a NUL byte in one).
        startError ??= { cmd: spec.cmd, error: e as NodeJS.ErrnoException };
        markClosed(i);
        stop(undefined);
        return;
      }
      children[i] = child;
      records[i].pid = child.pid;
      records[i].started = child.pid !== undefined;
      for (const stream of ['stdout', 'stderr'] as const) {
        const decoder = new StringDecoder('utf8');
        const s = child[stream]!;
        s.on('data', (chunk: Buffer) => {
          output(i, stream, decoder.write(chunk));
          if (i === 0 && stream === 'stdout' && options.pipeTo) forward(chunk);
        });
        s.on('end', () => {
          output(i, stream, decoder.end());
          if (i === 0 && stream === 'stdout' && options.pipeTo && pipeMode === 'stream') children[1]?.stdin?.end();
        });
        s.on('error', () => { /* the child's end went away; 'close' follows */ });
      }
      child.stdin?.on('error', () => { /* EPIPE: the reader exited early; its exit code tells why */ });
      let closeTimer: NodeJS.Timeout | undefined;
      child.on('error', (e: NodeJS.ErrnoException) => {
        if (child.pid !== undefined) return; // not a start failure (e.g. a kill of a gone process)
        records[i].started = false;
        startError ??= { cmd: spec.cmd, error: e };
        markClosed(i);
        stop(undefined); // the other side of a pipe has no partner now
      });
      child.on('exit', (code, signal) => {
        records[i].code = code;
        records[i].signal = signal;
        closeTimer = setTimeout(() => {
          child.stdout?.destroy();
          child.stderr?.destroy();
          markClosed(i);
        }, CLOSE_AFTER_EXIT_MS);
      });
      child.on('close', () => {
        if (closeTimer) clearTimeout(closeTimer);
        markClosed(i);
      });
    };

    const forward = (chunk: Buffer) => {
      if (pipeMode === 'after-success') {
        held.push(chunk);
        return;
      }
      const stdin = children[1]?.stdin;
      if (!stdin || stdin.destroyed) return;
      if (!stdin.write(chunk)) {
        children[0]?.stdout?.pause();
        stdin.once('drain', () => children[0]?.stdout?.resume());
      }
    };

    const markClosed = (i: number) => {
      if (closed[i]) return;
      closed[i] = true;
      // The writer is gone: the reader's input ends here even if a leftover grandchild still
      // holds the writer's stdout open.
      if (i === 0 && pipeMode === 'stream') (children[1] as ChildProcess | undefined)?.stdin?.end();
      if (i === 0 && options.pipeTo && !children[1] && !closed[1]) {
        // The reader has not started: in 'after-success' mode it starts now, or never.
        if (pipeMode === 'after-success' && !stopping && !startError && exitedOk(0)) {
          start(1);
          const stdin = (children[1] as ChildProcess | undefined)?.stdin;
          if (stdin) {
            for (const b of held) stdin.write(b);
            stdin.end();
          }
          held.length = 0;
        } else closed[1] = true;
      }
      if (closed.every(Boolean)) finish();
    };

    const exitedOk = (i: number) => records[i].code !== null && (specs[i].okExitCodes ?? [0]).includes(records[i].code!);

    const killAll = (sig: NodeJS.Signals) => {
      children.forEach((c, i) => {
        if (!c || c.pid === undefined) return;
        if (sig === 'SIGTERM' && closed[i]) return;
        killTree(c.pid, sig);
      });
    };

    function stop(reason: 'cancelled' | 'timed-out' | undefined) {
      if (finished) return;
      if (reason && !stopping) stopping = reason;
      killAll('SIGTERM');
      if (!graceTimer) graceTimer = setTimeout(() => killAll('SIGKILL'), grace);
      if (closed.every(Boolean)) finish();
    }

    function finish() {
      if (finished) return;
      finished = true;
      if (timeoutTimer) clearTimeout(timeoutTimer);
      if (graceTimer) clearTimeout(graceTimer);
      options.signal?.removeEventListener('abort', onAbort);
      // A stopped run: whatever is left of the process groups (a grandchild that ignored SIGTERM)
      // goes now. Children already gone make this a no-op.
      if (stopping || startError) killAll('SIGKILL');
      const common: Common = { processes: records, lastLine: lastNonEmptyLine(tails.get(lastKey) ?? ''), durationMs: Date.now() - started };
      if (startError) {
        const { cmd, error } = startError;
        if (error.code === 'ENOENT') return resolve({ ...common, kind: 'bin-not-found', cmd });
        return resolve({ ...common, kind: 'errored', cmd, message: error.message });
      }
      if (stopping === 'cancelled') return resolve({ ...common, kind: 'cancelled' });
      if (stopping === 'timed-out') return resolve({ ...common, kind: 'timed-out', timeoutMs: options.timeoutMs ?? 0 });
      for (const i of [0, 1] as const) {
        const r = records[i];
        if (!r || !r.started) continue;
        if (!exitedOk(i)) return resolve({ ...common, kind: 'failed', failed: i, code: r.code, signal: r.signal });
      }
      resolve({ ...common, kind: 'succeeded' });
    }

    if (options.signal?.aborted) {
      resolve({ processes: records, lastLine: '', durationMs: 0, kind: 'cancelled' });
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.timeoutMs && options.timeoutMs > 0) timeoutTimer = setTimeout(() => stop('timed-out'), options.timeoutMs);
    start(0);
    if (options.pipeTo && pipeMode === 'stream' && !closed[1]) {
      if (startError) closed[1] = true;
      else start(1);
    }
    if (closed.every(Boolean)) finish();
  });
}

/** Sends a signal to a child's whole process tree. Never throws. */
export function killTree(pid: number, signal: NodeJS.Signals): void {
  if (isWindows) {
    // No process groups: taskkill walks the tree (/T). It is always forceful (/F).
    try {
      spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true, shell: false }).on('error', () => {});
    } catch { /* nothing left to kill */ }
    return;
  }
  try {
    process.kill(-pid, signal); // the group this child leads (spawned detached)
  } catch {
    try { process.kill(pid, signal); } catch { /* already gone */ }
  }
}

// Colour codes: pb and istioctl print none without a TTY, but a wrapper script might.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

/** The last line with something on it, trimmed (progress lines end without a newline). */
export function lastNonEmptyLine(text: string): string {
  const lines = text.replace(ANSI, '').split(/\r\n|\r|\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i].trim();
    if (l) return l;
  }
  return '';
}
