// Every command's plan for each istioctl era, executed for real (execute.ts → run.ts) against the
// stand-in istioctl of that release, which rejects commands and flags its release does not have,
// prompts when -y is missing, and reads the file it is given. What the stand-ins recorded is
// compared argv for argv.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { detectIstioctl, detectKubeContext } from '../../client/src/detect.ts';
import { executePlan, executeSteps } from '../../client/src/execute.ts';
import { buildPlan, parseProfileList, profileDumpStep, type CommandId } from '../../client/src/istioctl.ts';
import { diffSides } from '../../client/src/liveObjects.ts';
import { KUBECTL, NASTY_NAME, scratch, tools, type LogEntry } from './helpers.ts';

const ERAS: Record<number, string> = { 5: '1.5.10', 7: '1.7.8', 10: '1.10.6', 16: '1.16.7', 23: '1.23.6', 30: '1.30.1' };
const K = '/home/me/.kube/config';
const C = 'kind-prod';
const KUBE = ['--kubeconfig', K, '--context', C];
const settings = { kubeconfig: K, context: C };

/** Runs a command's plan for an era; returns what the stand-ins recorded and the run. */
async function execute(command: CommandId, minor: number, opts: { file?: string; env?: Record<string, string> } = {}) {
  const s = scratch(opts.file);
  const plan = buildPlan(command, { minor, file: s.file, settings, profile: 'demo' });
  if (plan.kind !== 'run') return { s, plan, run: undefined, entries: [] as LogEntry[] };
  const run = await executePlan(plan, { tools, cwd: s.dir, env: s.env({ STANDIN_ISTIOCTL_VERSION: ERAS[minor], ...opts.env }), timeoutMs: 20000 });
  return { s, plan, run, entries: s.entries() };
}

const argvOf = (entries: LogEntry[]) => entries.map((e) => [e.tool, ...e.argv]);
const TMP = /istio-operator-[^/]+\/manifest\.yaml$/;

describe('each command, executed for each istioctl era against stand-ins', () => {
  const cleanups: (() => void)[] = [];
  after(() => cleanups.forEach((c) => c()));
  const exec = async (command: CommandId, minor: number, opts?: Parameters<typeof execute>[2]) => {
    const r = await execute(command, minor, opts);
    cleanups.push(r.s.cleanup);
    if (r.run) assert.equal(r.run.result.kind, 'succeeded', `${command} 1.${minor}: ${r.run.result.lastLine}`);
    return r;
  };

  for (const minor of Object.keys(ERAS).map(Number)) {
    describe(`istioctl ${ERAS[minor]}`, () => {
      it('Apply', async () => {
        const { s, entries, run } = await exec('apply', minor);
        const want = minor === 5 ? ['manifest', 'apply', '-f', s.file, '--skip-confirmation'] : ['install', '-f', s.file, '-y'];
        assert.deepEqual(argvOf(entries), [['istioctl', ...want, ...KUBE]]);
        assert.equal(entries[0].files?.[0].path, s.file);
        assert.match(run!.result.lastLine, /Installation complete|default for injection/);
        if (minor === 5) assert.equal(entries[0].pathHead, path.dirname(KUBECTL), '1.5 runs kubectl from PATH: the configured one comes first');
      });

      it('Diff against cluster', async () => {
        const { s, entries, run } = await exec('diffCluster', minor);
        assert.deepEqual(argvOf(entries).slice(0, 2), [
          ['istioctl', 'manifest', 'generate', '-f', s.file, ...KUBE],
          ['kubectl', 'diff', '-f', '-', ...KUBE],
        ]);
        const get = entries[2];
        assert.deepEqual(get.argv.filter((a) => !TMP.test(a)), ['get', '-f', '-o', 'yaml', '--ignore-not-found', ...KUBE]);
        assert.match(get.files![0].path, TMP);
        assert.equal(get.files![0].mode, 0o600, 'the rendered manifest is a private temp file');
        assert.ok(!fs.existsSync(get.files![0].path), 'and it is removed afterwards');
        const [render, live] = run!.steps;
        assert.equal(render.result.processes[1].code, 1, 'kubectl diff: 1 = differences');
        assert.equal(entries[1].stdin, render.result.processes[0].stdout, 'kubectl diff read the rendered manifest');
        const sides = diffSides(render.result.processes[0].stdout, live.result.processes[0].stdout);
        assert.match(sides.live, /replicas: 2/);
        assert.match(sides.rendered, /replicas: 1/);
        assert.deepEqual(sides.missing, ['ServiceAccount istio-system/istiod']);
      });

      it('Diff against profile', async () => {
        const { s, entries, run, plan } = await exec('diffProfile', minor);
        if (minor >= 24) {
          assert.equal(plan.kind, 'bundled');
          assert.deepEqual(entries, [], 'nothing runs: istioctl 1.24+ has no profile dump');
          return;
        }
        assert.deepEqual(argvOf(entries), [['istioctl', 'profile', 'dump', 'demo'], ['istioctl', 'profile', 'dump', '-f', s.file]]);
        assert.match(run!.steps[0].result.processes[0].stdout, /profile: demo/);
        assert.match(run!.steps[1].result.processes[0].stdout, /fromFile: true/);
      });

      it('Uninstall', async () => {
        const { s, entries } = await exec('uninstall', minor);
        if (minor <= 6) {
          assert.deepEqual(argvOf(entries), [['istioctl', 'manifest', 'generate', '-f', s.file, ...KUBE], ['kubectl', 'delete', '-f', '-', ...KUBE]]);
          assert.match(entries[1].stdin!, /kind: ServiceAccount[\s\S]*kind: Deployment/, 'the pipe delivered the manifest to kubectl');
        } else {
          const verb = minor <= 14 ? ['x', 'uninstall'] : ['uninstall'];
          assert.deepEqual(argvOf(entries), [['istioctl', ...verb, '-f', s.file, '-y', ...KUBE]]);
        }
      });

      it('Upgrade', async () => {
        const { s, entries } = await exec('upgrade', minor);
        const upgrade = ['istioctl', 'upgrade', '-f', s.file, '-y', ...KUBE];
        if (minor === 5) assert.deepEqual(argvOf(entries), [upgrade]);
        else if (minor <= 20) assert.deepEqual(argvOf(entries), [['istioctl', 'x', 'precheck', '-f', s.file, ...KUBE], upgrade]);
        else assert.deepEqual(argvOf(entries), [['istioctl', 'x', 'precheck', ...KUBE], upgrade]);
      });

      it('Generate manifest', async () => {
        const { s, entries, run } = await exec('generate', minor);
        assert.deepEqual(argvOf(entries), [['istioctl', 'manifest', 'generate', '-f', s.file, ...KUBE]]);
        assert.match(run!.result.processes[0].stdout, /kind: Deployment/);
      });

      it('Verify install', async () => {
        const { s, entries, plan } = await exec('verify', minor);
        if (minor >= 24) {
          assert.equal(plan.kind, 'unsupported');
          assert.match(plan.kind === 'unsupported' ? plan.reason : '', /1\.24 removed `istioctl verify-install`/);
          assert.deepEqual(entries, []);
          return;
        }
        if (minor === 5) {
          // 1.5's verify-install checks a rendered manifest: rendered to a private temp file first.
          assert.deepEqual(argvOf(entries)[0], ['istioctl', 'manifest', 'generate', '-f', s.file, ...KUBE]);
          const v = entries[1];
          assert.equal(v.argv[0], 'verify-install');
          assert.match(v.files![0].path, TMP);
          assert.equal(v.files![0].mode, 0o600);
          assert.equal(v.files![0].dirMode, 0o700);
          assert.equal(v.files![0].istioOperator, false);
          assert.ok(path.dirname(v.files![0].path).startsWith(fs.realpathSync(os.tmpdir())) || path.dirname(v.files![0].path).startsWith(os.tmpdir()));
          assert.ok(!fs.existsSync(path.dirname(v.files![0].path)), 'the temp folder is gone afterwards');
        } else assert.deepEqual(argvOf(entries), [['istioctl', 'verify-install', '-f', s.file, ...KUBE]]);
      });

      it('Refresh defaults from istioctl', async () => {
        const { s, entries, run, plan } = await exec('refreshDefaults', minor);
        if (minor >= 24) {
          assert.equal(plan.kind, 'unsupported');
          return;
        }
        assert.deepEqual(argvOf(entries), [['istioctl', 'profile', 'list']]);
        const out = run!.result.processes[0];
        const profiles = parseProfileList(`${out.stdout}\n${out.stderr}`);
        assert.deepEqual(profiles, ['default', 'demo', 'minimal']);
        const dumps = await executeSteps(profiles.map(profileDumpStep), { tools, env: s.env({ STANDIN_ISTIOCTL_VERSION: ERAS[minor] }) });
        assert.equal(dumps.result.kind, 'succeeded');
        assert.deepEqual(dumps.steps.map((st) => /profile: (\S+)/.exec(st.result.processes[0].stdout)?.[1]), profiles);
      });

      it('istioctl version (JSON) and the kube context', async () => {
        const s = scratch();
        cleanups.push(s.cleanup);
        const found = await detectIstioctl(tools.istioctl, { env: s.env({ STANDIN_ISTIOCTL_VERSION: ERAS[minor] }) });
        assert.ok(found.kind === 'found');
        assert.equal(found.version.version, ERAS[minor]);
        assert.equal(found.version.minor, minor);
        assert.deepEqual(found.args, ['version', '--remote=false', '-o', 'json']);
      });
    });
  }
});

describe('istioctl version fallbacks', () => {
  it('falls back to --short when -o json is refused, and reads each era\'s text', async () => {
    for (const v of ['1.5.10', '1.22.3', '1.23.6', '1.30.1']) {
      const s = scratch();
      after(s.cleanup);
      const found = await detectIstioctl(tools.istioctl, { env: s.env({ STANDIN_ISTIOCTL_VERSION: v, STANDIN_ISTIOCTL_MODE: 'no-json' }) });
      assert.ok(found.kind === 'found', JSON.stringify(found));
      assert.equal(found.version.version, v);
      assert.deepEqual(found.args, ['version', '--remote=false', '--short']);
      assert.deepEqual(s.entries().map((e) => e.argv), [['version', '--remote=false', '-o', 'json'], ['version', '--remote=false', '--short']]);
    }
  });
  it('says why when no form gives a version, and bin-not-found when there is no istioctl', async () => {
    const s = scratch();
    after(s.cleanup);
    const failed = await detectIstioctl(tools.istioctl, { env: s.env({ STANDIN_ISTIOCTL_MODE: 'no-version' }) });
    assert.equal(failed.kind, 'failed');
    assert.match(failed.kind === 'failed' ? failed.message : '', /did not report a version \(it exited with code 64/);
    assert.equal(s.entries().length, 3, 'all three forms were tried');
    const missing = await detectIstioctl(path.join(s.dir, 'istioctl'));
    assert.deepEqual(missing, { kind: 'bin-not-found', cmd: path.join(s.dir, 'istioctl') });
  });
});

describe('kube context', () => {
  it('is the setting when set (kubectl does not run)', async () => {
    const s = scratch();
    after(s.cleanup);
    assert.deepEqual(await detectKubeContext(KUBECTL, { kubeconfig: '', context: 'staging' }, { env: s.env() }), { kind: 'setting', name: 'staging' });
    assert.deepEqual(s.entries(), []);
  });
  it('else kubectl config current-context, with the kubeconfig setting', async () => {
    const s = scratch();
    after(s.cleanup);
    const c = await detectKubeContext(KUBECTL, { kubeconfig: '/k/config', context: '' }, { env: s.env({ STANDIN_KUBE_CONTEXT: 'kind-dev' }) });
    assert.deepEqual(c, { kind: 'current', name: 'kind-dev' });
    assert.deepEqual(s.entries().map((e) => e.argv), [['config', 'current-context', '--kubeconfig', '/k/config']]);
  });
  it('says so when there is none or no kubectl', async () => {
    const s = scratch();
    after(s.cleanup);
    const none = await detectKubeContext(KUBECTL, { kubeconfig: '', context: '' }, { env: s.env({ STANDIN_KUBECTL_MODE: 'no-context' }) });
    assert.deepEqual(none, { kind: 'none', message: 'error: current-context is not set' });
    assert.equal((await detectKubeContext(path.join(s.dir, 'kubectl'), { kubeconfig: '', context: '' })).kind, 'bin-not-found');
  });
});

describe('a file name that would break a shell, through every command of two eras', () => {
  for (const minor of [5, 20]) {
    for (const command of ['apply', 'diffCluster', 'uninstall', 'upgrade', 'generate', 'verify', 'diffProfile'] as CommandId[]) {
      it(`${command}, istioctl 1.${minor}`, async () => {
        const { s, entries, run } = await execute(command, minor, { file: NASTY_NAME, env: { STANDIN_ISTIOCTL_VERSION: minor === 5 ? '1.5.10' : '1.20.8' } });
        after(s.cleanup);
        assert.equal(run?.result.kind, 'succeeded', run?.result.lastLine);
        const read = entries.flatMap((e) => e.files ?? []).filter((f) => !TMP.test(f.path));
        assert.ok(read.length >= 1, 'istioctl read the file');
        for (const f of read) assert.equal(f.path, s.file, 'the name arrived intact');
        assert.equal(entries.filter((e) => e.error).length, 0);
        assert.ok(!fs.existsSync(path.join(s.dir, 'PWNED')) && !fs.existsSync(path.join(process.cwd(), 'PWNED')), 'nothing was executed');
      });
    }
  }
});

describe('deadline and cancellation across steps', () => {
  it('one timeout covers the whole plan and names where it stopped', async () => {
    const s = scratch();
    after(s.cleanup);
    const plan = buildPlan('upgrade', { minor: 20, file: s.file, settings: { kubeconfig: '', context: '' } });
    assert.equal(plan.kind, 'run');
    if (plan.kind !== 'run') return;
    const run = await executePlan(plan, { tools, env: s.env({ STANDIN_ISTIOCTL_VERSION: '1.20.8', STANDIN_ISTIOCTL_MODE: 'slow', STANDIN_PIDFILE: s.pidFile }), timeoutMs: 600, killGraceMs: 300 });
    assert.equal(run.result.kind, 'timed-out');
    assert.equal(run.steps.length, 1, 'the upgrade never started after the precheck hung');
    assert.equal(run.steps[0].step.label, 'Precheck');
    assert.match(run.result.lastLine, /Waiting for Deployment/);
  });
  it('a failing precheck stops the upgrade', async () => {
    const s = scratch();
    after(s.cleanup);
    const plan = buildPlan('upgrade', { minor: 23, file: s.file, settings: { kubeconfig: '', context: '' } });
    if (plan.kind !== 'run') throw new Error('no plan');
    const run = await executePlan(plan, { tools, env: s.env({ STANDIN_ISTIOCTL_VERSION: '1.23.2', STANDIN_ISTIOCTL_MODE: 'fail' }) });
    assert.equal(run.result.kind, 'failed');
    assert.deepEqual(s.entries().map((e) => e.argv.slice(0, 2)), [['x', 'precheck']]);
  });
  it('a missing kubectl in a pipe is reported as kubectl not found', async () => {
    const s = scratch();
    after(s.cleanup);
    const plan = buildPlan('uninstall', { minor: 6, file: s.file, settings: { kubeconfig: '', context: '' } });
    if (plan.kind !== 'run') throw new Error('no plan');
    const missing = path.join(s.dir, 'kubectl');
    const run = await executePlan(plan, { tools: { istioctl: tools.istioctl, kubectl: missing }, env: s.env({ STANDIN_ISTIOCTL_VERSION: '1.6.14' }) });
    assert.equal(run.result.kind, 'bin-not-found');
    assert.ok(run.result.kind === 'bin-not-found' && run.result.cmd === missing);
  });
});
