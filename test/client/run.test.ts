// The process runner, for real, against the stand-in istioctl and kubectl: results, pipes,
// cancel and timeout with tree kill, missing executables, prompts, and file names that would
// break a shell.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { lastNonEmptyLine, run } from '../../client/src/run.ts';
import { isGone, ISTIOCTL, KUBECTL, NASTY_NAME, readPids, scratch, waitFor } from './helpers.ts';

const PROGRESS = '- Processing resources for Istiod. Waiting for Deployment/istio-system/istiod';

describe('run: one child', () => {
  const s = scratch();
  after(s.cleanup);

  it('succeeds with the output kept and the last line reported', async () => {
    const r = await run({ cmd: ISTIOCTL, args: ['install', '-f', s.file, '-y'] }, { env: s.env({ STANDIN_ISTIOCTL_VERSION: '1.20.3' }) });
    assert.equal(r.kind, 'succeeded');
    assert.match(r.processes[0].stderr, /✔ Istiod installed/);
    assert.equal(r.processes[0].stdout, 'Made this installation the default for injection and validation.\n');
    assert.equal(r.processes[0].code, 0);
  });

  it('reports a failing istioctl with its exit code and its `Error:` line', async () => {
    const r = await run({ cmd: ISTIOCTL, args: ['install', '-f', s.file, '-y'] }, { env: s.env({ STANDIN_ISTIOCTL_MODE: 'fail' }) });
    assert.equal(r.kind, 'failed');
    assert.ok(r.kind === 'failed' && r.code === 1 && r.failed === 0);
    assert.match(r.lastLine, /^Error: failed to install manifests/);
  });

  it('gives bin-not-found for a missing executable, naming it', async () => {
    const missing = path.join(s.dir, 'no-such-istioctl');
    const r = await run({ cmd: missing, args: ['version'] });
    assert.equal(r.kind, 'bin-not-found');
    assert.ok(r.kind === 'bin-not-found' && r.cmd === missing);
    const onPath = await run({ cmd: 'istioctl-that-does-not-exist-anywhere', args: [] });
    assert.equal(onPath.kind, 'bin-not-found');
  });

  it('gives errored (not a crash) for a file that is not executable', async () => {
    const r = await run({ cmd: s.file, args: [] });
    assert.equal(r.kind, 'errored');
  });

  it('gives errored (not a crash) for an argument with a NUL byte', async () => {
    const r = await run({ cmd: ISTIOCTL, args: ['version\0'] });
    assert.equal(r.kind, 'errored');
  });

  it('never leaves a prompt waiting: stdin is closed, so istioctl reads EOF and cancels at once', async () => {
    const started = Date.now();
    const r = await run({ cmd: ISTIOCTL, args: ['install', '-f', s.file] }, { env: s.env({ STANDIN_ISTIOCTL_MODE: 'prompt' }), timeoutMs: 20000 });
    assert.equal(r.kind, 'failed');
    assert.match(r.processes[0].stdout, /Proceed\? \(y\/N\) $/);
    assert.equal(r.lastLine, 'Cancelled.');
    assert.ok(Date.now() - started < 10000);
  });

  it('accepts the exit codes it is told are fine', async () => {
    const input = scratch();
    after(input.cleanup);
    const r = await run({ cmd: ISTIOCTL, args: ['manifest', 'generate', '-f', s.file] }, {
      env: s.env(),
      pipeTo: { cmd: KUBECTL, args: ['diff', '-f', '-'], okExitCodes: [0, 1] },
    });
    assert.equal(r.kind, 'succeeded');
    assert.equal(r.processes[1].code, 1);
  });
});

describe('run: a pipe between two children, no shell', () => {
  const s = scratch();
  after(s.cleanup);

  it('streams the first child\'s stdout into the second\'s stdin and still keeps it', async () => {
    const r = await run({ cmd: ISTIOCTL, args: ['manifest', 'generate', '-f', s.file] }, {
      env: s.env({ STANDIN_ISTIOCTL_VERSION: '1.5.10' }),
      pipeTo: { cmd: KUBECTL, args: ['delete', '-f', '-'] },
    });
    assert.equal(r.kind, 'succeeded');
    const kubectl = s.entries().find((e) => e.tool === 'kubectl')!;
    assert.equal(kubectl.stdin, r.processes[0].stdout);
    assert.match(kubectl.stdin!, /kind: Deployment/);
    assert.match(r.processes[1].stdout, /deployment "istiod" deleted/);
  });

  it("'after-success' starts the reader only when the writer succeeded", async () => {
    const t = scratch();
    after(t.cleanup);
    const failed = await run({ cmd: ISTIOCTL, args: ['manifest', 'generate', '-f', t.file] }, {
      env: t.env({ STANDIN_ISTIOCTL_MODE: 'fail' }),
      pipeTo: { cmd: KUBECTL, args: ['delete', '-f', '-'], start: 'after-success' },
    });
    assert.equal(failed.kind, 'failed');
    assert.ok(failed.kind === 'failed' && failed.failed === 0);
    assert.equal(failed.processes[1].started, false);
    assert.deepEqual(t.entries().map((e) => e.tool), ['istioctl'], 'kubectl never ran');

    const ok = await run({ cmd: ISTIOCTL, args: ['manifest', 'generate', '-f', t.file] }, {
      env: t.env(),
      pipeTo: { cmd: KUBECTL, args: ['delete', '-f', '-'], start: 'after-success' },
    });
    assert.equal(ok.kind, 'succeeded');
    assert.equal(t.entries().find((e) => e.tool === 'kubectl')?.stdin, ok.processes[0].stdout);
  });

  it('reports the reader failing (kubectl diff exit 2) as its failure', async () => {
    const r = await run({ cmd: ISTIOCTL, args: ['manifest', 'generate', '-f', s.file] }, {
      env: s.env({ STANDIN_KUBECTL_MODE: 'fail' }),
      pipeTo: { cmd: KUBECTL, args: ['diff', '-f', '-'], okExitCodes: [0, 1] },
    });
    assert.equal(r.kind, 'failed');
    assert.ok(r.kind === 'failed' && r.failed === 1 && r.code === 2);
    assert.match(r.lastLine, /connection refused/);
  });

  it('gives bin-not-found for a missing reader and stops the writer', async () => {
    const missing = path.join(s.dir, 'no-kubectl');
    const r = await run({ cmd: ISTIOCTL, args: ['install', '-f', s.file, '-y'] }, {
      env: s.env({ STANDIN_ISTIOCTL_MODE: 'slow', STANDIN_PIDFILE: s.pidFile }),
      pipeTo: { cmd: missing, args: ['diff', '-f', '-'] },
      killGraceMs: 500,
    });
    assert.equal(r.kind, 'bin-not-found');
    assert.ok(r.kind === 'bin-not-found' && r.cmd === missing);
    const pids = readPids(s.pidFile);
    if (pids) await waitFor('the writer to be stopped', () => (isGone(pids.pid) ? true : undefined));
  });

  it('gives bin-not-found for a missing writer and stops the reader', async () => {
    const r = await run({ cmd: path.join(s.dir, 'no-istioctl'), args: ['manifest', 'generate'] }, {
      env: s.env(),
      pipeTo: { cmd: KUBECTL, args: ['diff', '-f', '-'] },
    });
    assert.equal(r.kind, 'bin-not-found');
  });
});

describe('run: cancel and timeout stop the whole process tree', () => {
  it('cancel kills istioctl and the child it started', async () => {
    const s = scratch();
    after(s.cleanup);
    const abort = new AbortController();
    const done = run({ cmd: ISTIOCTL, args: ['install', '-f', s.file, '-y'] }, { env: s.env({ STANDIN_ISTIOCTL_MODE: 'slow', STANDIN_PIDFILE: s.pidFile }), signal: abort.signal, killGraceMs: 2000 });
    const pids = await waitFor('the stand-in to start its child', () => readPids(s.pidFile));
    assert.ok(!isGone(pids.pid) && !isGone(pids.grandchild), 'both run before the cancel');
    abort.abort();
    const r = await done;
    assert.equal(r.kind, 'cancelled');
    assert.equal(r.lastLine, PROGRESS, 'what was last reported');
    await waitFor('both to be gone', () => (isGone(pids.pid) && isGone(pids.grandchild) ? true : undefined), 3000);
  });

  it('a child that ignores SIGTERM gets SIGKILL after the grace period', async () => {
    const s = scratch();
    after(s.cleanup);
    const abort = new AbortController();
    const done = run({ cmd: ISTIOCTL, args: ['install', '-f', s.file, '-y'] }, { env: s.env({ STANDIN_ISTIOCTL_MODE: 'stubborn', STANDIN_PIDFILE: s.pidFile }), signal: abort.signal, killGraceMs: 300 });
    const pids = await waitFor('the stand-in to start its child', () => readPids(s.pidFile));
    const cancelledAt = Date.now();
    abort.abort();
    const r = await done;
    assert.equal(r.kind, 'cancelled');
    assert.ok(Date.now() - cancelledAt >= 250, 'it waited for the grace period');
    await waitFor('both to be gone', () => (isGone(pids.pid) && isGone(pids.grandchild) ? true : undefined), 3000);
  });

  it('cancel stops both sides of a pipe', async () => {
    const s = scratch();
    after(s.cleanup);
    const abort = new AbortController();
    const done = run({ cmd: ISTIOCTL, args: ['manifest', 'generate', '-f', s.file] }, {
      env: s.env({ STANDIN_KUBECTL_MODE: 'slow', STANDIN_PIDFILE: s.pidFile }),
      pipeTo: { cmd: KUBECTL, args: ['diff', '-f', '-'] },
      signal: abort.signal,
      killGraceMs: 500,
    });
    const pids = await waitFor('kubectl to start its child', () => readPids(s.pidFile));
    abort.abort();
    assert.equal((await done).kind, 'cancelled');
    await waitFor('kubectl and its child to be gone', () => (isGone(pids.pid) && isGone(pids.grandchild) ? true : undefined), 3000);
  });

  it('a timeout stops the tree and says what was last reported', async () => {
    const s = scratch();
    after(s.cleanup);
    const started = Date.now();
    const r = await run({ cmd: ISTIOCTL, args: ['upgrade', '-f', s.file, '-y'] }, { env: s.env({ STANDIN_ISTIOCTL_MODE: 'slow', STANDIN_PIDFILE: s.pidFile }), timeoutMs: 700, killGraceMs: 500 });
    assert.equal(r.kind, 'timed-out');
    assert.ok(r.kind === 'timed-out' && r.timeoutMs === 700);
    assert.ok(Date.now() - started >= 650);
    assert.equal(r.lastLine, PROGRESS);
    const pids = readPids(s.pidFile)!;
    await waitFor('both to be gone', () => (isGone(pids.pid) && isGone(pids.grandchild) ? true : undefined), 3000);
  });

  it('an already aborted signal runs nothing', async () => {
    const abort = new AbortController();
    abort.abort();
    const s = scratch();
    after(s.cleanup);
    const r = await run({ cmd: ISTIOCTL, args: ['version'] }, { env: s.env(), signal: abort.signal });
    assert.equal(r.kind, 'cancelled');
    assert.deepEqual(s.entries(), []);
  });
});

describe('run: arguments reach the tool intact, and nothing is executed from them', () => {
  it('a file name with spaces, quotes, ;, $(...), a comma, a newline and a leading - arrives as is', async () => {
    const s = scratch(NASTY_NAME);
    after(s.cleanup);
    assert.equal(path.basename(s.file), NASTY_NAME);
    // uninstall -f is a plain string flag: the very same bytes.
    const r = await run({ cmd: ISTIOCTL, args: ['uninstall', '-f', s.file, '-y'] }, { env: s.env({ STANDIN_ISTIOCTL_VERSION: '1.20.3' }), cwd: s.dir });
    assert.equal(r.kind, 'succeeded', r.lastLine);
    const [e] = s.entries();
    assert.deepEqual(e.argv, ['uninstall', '-f', s.file, '-y']);
    assert.equal(e.files?.[0].path, s.file);
    assert.equal(e.files?.[0].istioOperator, true, 'the stand-in read the file itself');
    assert.ok(!fs.existsSync(path.join(s.dir, 'PWNED')) && !fs.existsSync('PWNED'), 'no command substitution ran');
  });
});

describe('lastNonEmptyLine', () => {
  it('takes the last line with text, across \\r, \\n and colour codes', () => {
    assert.equal(lastNonEmptyLine('a\nb\n\n  \n'), 'b');
    assert.equal(lastNonEmptyLine('\n- Processing\n✔ Istiod installed'), '✔ Istiod installed');
    assert.equal(lastNonEmptyLine('x\r\n\x1b[32m✔ done\x1b[0m\r\n'), '✔ done');
    assert.equal(lastNonEmptyLine(''), '');
  });
});
