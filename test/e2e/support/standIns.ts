// Reads what the stand-in istioctl and kubectl (test/e2e/bin) recorded: one call per JSON line.
import fs from 'node:fs';

export interface Call {
  tool: 'istioctl' | 'kubectl';
  argv: string[];
  /** What the call read from stdin, when it read a manifest from it (`-f -`). */
  stdin?: string;
}

export function readCalls(file: string): Call[] {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Call);
}

/** Queries that change nothing: the version and context lookups the extension makes on its own. */
export function isQuery(call: Call): boolean {
  const [first, second] = call.argv.filter((a) => !a.startsWith('-'));
  if (call.tool === 'istioctl') return first === 'version' || (first === 'profile' && (second === 'list' || second === 'dump'));
  return first === 'version' || (first === 'config' && ['current-context', 'get-contexts', 'view'].includes(second ?? ''));
}

/** The calls that are not queries: what a command ran against the cluster. */
export function actions(file: string): Call[] {
  return readCalls(file).filter((c) => !isQuery(c));
}

/**
 * Waits until a recorded call satisfies `match`, watching the file (the stand-ins append to it);
 * rejects after `timeoutMs` with what was recorded.
 */
export function waitForCall(file: string, match: (c: Call) => boolean, timeoutMs = 20_000): Promise<Call> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const hit = readCalls(file).find(match);
      if (hit) { finish(); resolve(hit); }
      return !!hit;
    };
    // fs.watchFile polls the file's stat (fs.watch misses a file that does not exist yet).
    const onChange = () => void check();
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`no matching call within ${timeoutMs / 1000}s; recorded: ${JSON.stringify(readCalls(file))}`));
    }, timeoutMs);
    const finish = () => { clearTimeout(timer); fs.unwatchFile(file, onChange); };
    fs.watchFile(file, { interval: 100 }, onChange);
    check();
  });
}
