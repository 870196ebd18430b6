// Starts code-server (a real VS Code workbench and extension host) with the packaged extension
// installed, on a free loopback port, with every file it writes inside one temporary folder.
// One server per test file: start it in `before`, stop it in `after`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CODE_SERVER, RESULTS, STAND_INS, VSIX, WORKSPACE_FIXTURE, checkPrerequisites } from './paths.ts';

export interface CodeServerOptions {
  /** Names the result folder (screenshots, logs): test-results/e2e/NAME. */
  name: string;
  /** false: start without --disable-workspace-trust, so the workspace opens in restricted mode. */
  trusted: boolean;
  /** User settings, over the defaults below. */
  settings?: Record<string, unknown>;
  /** Extra environment for the server (and so the extension host and the processes it runs). */
  env?: Record<string, string>;
}

export interface CodeServer {
  /** The page to open: the workbench on the copied workspace. */
  readonly url: string;
  /** A copy of test/e2e/workspace that the tests may change. */
  readonly workspace: string;
  /** Where the stand-in istioctl and kubectl record their calls (see test/e2e/bin/record.cjs). */
  readonly callsFile: string;
  /** test-results/e2e/NAME: screenshots, and code-server's logs once stopped. */
  readonly results: string;
  stop(): Promise<void>;
}

const SETTINGS = {
  'workbench.startupEditor': 'none', // or a welcome walkthrough takes focus
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.ignoreRecommendations': true, // no "install the YAML extension?" toasts over the editor
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'files.autoSave': 'off',
  'security.workspace.trust.startupPrompt': 'never', // restricted mode without the modal prompt
  'security.workspace.trust.banner': 'always',
};

const STARTUP_TIMEOUT_MS = 30_000;

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  checkPrerequisites();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `iop-e2e-${options.name}-`));
  const dirs = {
    config: path.join(root, 'config'), // XDG_CONFIG_HOME: code-server's config.yaml
    data: path.join(root, 'data'), // XDG_DATA_HOME
    user: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    workspace: path.join(root, 'workspace'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.cpSync(WORKSPACE_FIXTURE, dirs.workspace, { recursive: true });
  fs.mkdirSync(path.join(dirs.user, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.user, 'User/settings.json'), JSON.stringify({ ...SETTINGS, ...options.settings }, null, 2));
  const callsFile = path.join(root, 'calls.jsonl');
  const results = path.join(RESULTS, options.name);
  fs.rmSync(results, { recursive: true, force: true });
  fs.mkdirSync(results, { recursive: true });

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    PATH: `${STAND_INS}${path.delimiter}${process.env.PATH ?? ''}`,
    // Without this, VS Code's server replaces the extension host's PATH with the one a login shell
    // prints (`$SHELL -ilc env`), and the stand-ins are not found. VSCODE_CLI=1 says "this
    // environment is already the user's" and skips that (resolveShellEnv: "skipped (VSCODE_CLI is set)").
    VSCODE_CLI: '1',
    ISTIO_E2E_CALLS: callsFile,
    ...options.env,
  };
  // Only the packaged extension is tested: install it while no server uses the extensions folder.
  const common = ['--user-data-dir', dirs.user, '--extensions-dir', dirs.extensions];
  const install = spawnSync(CODE_SERVER, [...common, '--install-extension', VSIX], { env, encoding: 'utf8', timeout: 60_000 });
  if (install.status !== 0 || !/successfully installed/.test(install.stdout)) {
    throw new Error(`code-server --install-extension ${VSIX} failed (status ${install.status}):\n${install.stdout}\n${install.stderr}`);
  }

  const args = [
    '--auth', 'none', '--bind-addr', '127.0.0.1:0', // port 0: the kernel picks a free one; code-server logs it
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    ...(options.trusted ? ['--disable-workspace-trust'] : []),
    ...common, dirs.workspace,
  ];
  const log = fs.createWriteStream(path.join(results, 'code-server.log'));
  // Its own process group, so stop() ends the server and the extension host and language server under it.
  const child = spawn(CODE_SERVER, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let port: number;
  try {
    port = await listeningPort(child);
  } catch (e) {
    await kill(child);
    throw e;
  }

  let stopped = false;
  return {
    url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`,
    workspace: dirs.workspace,
    callsFile,
    results,
    async stop() {
      if (stopped) return;
      stopped = true;
      await kill(child);
      log.end();
      // The extension host's and the language client's logs, for a failure's post-mortem.
      const logs = path.join(dirs.user, 'logs');
      if (fs.existsSync(logs)) fs.cpSync(logs, path.join(results, 'logs'), { recursive: true });
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Resolves with the port from code-server's "HTTP server listening on http://127.0.0.1:PORT/". */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`code-server did not start listening within ${STARTUP_TIMEOUT_MS / 1000}s:\n${output}`)), STARTUP_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) { done(); resolve(Number(m[1])); }
    };
    const onExit = (code: number | null) => fail(new Error(`code-server exited (${code}) before listening:\n${output}`));
    const fail = (e: Error) => { done(); reject(e); };
    const done = () => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stderr!.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', onExit);
  });
}

/** SIGTERM to the server's process group; SIGKILL if it has not exited after a few seconds. */
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (s: NodeJS.Signals) => { try { process.kill(-child.pid!, s); } catch { /* already gone */ } };
  signal('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), 5_000); });
  if ((await Promise.race([exited, late])) === 'late') {
    signal('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
  signal('SIGKILL'); // whatever the server left behind in its group (a language server mid-exit)
}
