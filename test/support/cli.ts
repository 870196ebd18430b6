// Runs the BUILT iop-lint (dist/cli.js) as a real process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './lspClient.ts';

export const cliPath = path.join(repoRoot, 'dist', 'cli.js');

export interface CliRun { status: number | null; stdout: string; stderr: string }

export function iopLint(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: opts.cwd ?? repoRoot, encoding: 'utf8', timeout: 30_000, ...(opts.env ? { env: opts.env } : {}) });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
