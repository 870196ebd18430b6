// Shared by the client tests: the stand-in istioctl/kubectl (test/fixtures/bin), a log of what
// they were called with, a file whose name holds every troublesome character, and a liveness
// check that counts zombies as gone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(repoRoot, 'test/fixtures/bin');
export const ISTIOCTL = path.join(BIN, 'istioctl');
export const KUBECTL = path.join(BIN, 'kubectl');
export const tools = { istioctl: ISTIOCTL, kubectl: KUBECTL };

export interface LogEntry {
  tool: 'istioctl' | 'kubectl';
  argv: string[];
  stdin?: string;
  files?: { raw: string; path: string; mode: number; dirMode?: number; length: number; istioOperator?: boolean }[];
  cwd: string;
  pid: number;
  pathHead: string;
  error?: string;
}

/** A scratch folder with a stand-in log and an IstioOperator file; removed by cleanup(). */
export function scratch(fileName = 'istio-operator.yaml', content = IOP) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iop-client-test-'));
  const log = path.join(dir, 'standin.log');
  const file = path.join(dir, fileName);
  fs.writeFileSync(file, content);
  return {
    dir,
    file,
    log,
    pidFile: path.join(dir, 'pids.json'),
    env: (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({ ...process.env, STANDIN_LOG: log, ...extra }),
    entries(): LogEntry[] {
      return fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogEntry) : [];
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Spaces, both quotes, `;`, `$(...)`, a comma, a newline, and a leading `-`. */
export const NASTY_NAME = `-rf it's "my" ; $(touch PWNED), istio\nop.yaml`;

export const IOP = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: control-plane
  namespace: istio-system
spec:
  profile: demo
  revision: canary
  components:
    egressGateways:
    - name: istio-egressgateway
      enabled: false
`;

/** Gone: no such process, or a zombie (an exited process nobody reaped yet; PID 1 here does not reap). */
export function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').startsWith('Z');
  } catch {
    return true;
  }
}

export async function waitFor<T>(what: string, get: () => T | undefined, timeoutMs = 10000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function readPids(file: string): { pid: number; grandchild: number } | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number; grandchild: number };
  } catch {
    return undefined;
  }
}
