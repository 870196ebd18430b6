// The command lines per istioctl era, as data: what each command runs, argv for argv, and the
// parsing of every form `istioctl version` prints.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  buildPlan, CHANGES_CLUSTER, displayCommand, kubeFlags, NEWEST_MINOR, OLDEST_MINOR, parseIstioctlVersion, parseProfileList,
  profileDumpStep, sliceFlagValue, syntaxMinor, TABLE, VERSION_QUERIES, type CommandId, type Plan, type Step,
} from '../../client/src/istioctl.ts';

const F = '/home/me/istio/control plane.yaml';
const K = '/home/me/.kube/prod config';
const C = 'prod-eu';
const KUBE = ['--kubeconfig', K, '--context', C];
const settings = { kubeconfig: K, context: C };
const ERAS = [5, 7, 10, 16, 23, 30];

/** A plan as plain argv lines: "istioctl a b | kubectl c", temp files as <name>. */
function lines(plan: Plan): string[] | string {
  if (plan.kind !== 'run') return `${plan.kind}: ${plan.reason}`;
  const one = (tool: string, args: Step['args']) => [tool, ...args.map((a) => (typeof a === 'string' ? a : `<${a.temp}>`))];
  return plan.steps.map((s) => JSON.stringify(s.pipeTo ? [...one(s.tool, s.args), '|', ...one(s.pipeTo.tool, s.pipeTo.args)] : one(s.tool, s.args)));
}
const L = (...argv: string[]) => JSON.stringify(argv);
const plan = (command: CommandId, minor: number, profile?: string) => buildPlan(command, { minor, file: F, settings, profile });

describe('command lines per istioctl era (with --kubeconfig and --context set)', () => {
  const expected: Record<CommandId, Record<number, string[] | RegExp>> = {
    apply: {
      5: [L('istioctl', 'manifest', 'apply', '-f', F, '--skip-confirmation', ...KUBE)],
      7: [L('istioctl', 'install', '-f', F, '-y', ...KUBE)],
      10: [L('istioctl', 'install', '-f', F, '-y', ...KUBE)],
      16: [L('istioctl', 'install', '-f', F, '-y', ...KUBE)],
      23: [L('istioctl', 'install', '-f', F, '-y', ...KUBE)],
      30: [L('istioctl', 'install', '-f', F, '-y', ...KUBE)],
    },
    diffCluster: Object.fromEntries(ERAS.map((m) => [m, [
      L('istioctl', 'manifest', 'generate', '-f', F, ...KUBE, '|', 'kubectl', 'diff', '-f', '-', ...KUBE),
      L('kubectl', 'get', '-f', '<manifest.yaml>', '-o', 'yaml', '--ignore-not-found', ...KUBE),
    ]])),
    diffProfile: {
      ...Object.fromEntries([5, 7, 10, 16, 23].map((m) => [m, [
        L('istioctl', 'profile', 'dump', 'demo'),
        L('istioctl', 'profile', 'dump', '-f', F),
      ]])),
      30: /^bundled: istioctl 1\.24 removed `istioctl profile dump`/,
    },
    uninstall: {
      5: [L('istioctl', 'manifest', 'generate', '-f', F, ...KUBE, '|', 'kubectl', 'delete', '-f', '-', ...KUBE)],
      7: [L('istioctl', 'x', 'uninstall', '-f', F, '-y', ...KUBE)],
      10: [L('istioctl', 'x', 'uninstall', '-f', F, '-y', ...KUBE)],
      16: [L('istioctl', 'uninstall', '-f', F, '-y', ...KUBE)],
      23: [L('istioctl', 'uninstall', '-f', F, '-y', ...KUBE)],
      30: [L('istioctl', 'uninstall', '-f', F, '-y', ...KUBE)],
    },
    upgrade: {
      5: [L('istioctl', 'upgrade', '-f', F, '-y', ...KUBE)],
      7: [L('istioctl', 'x', 'precheck', '-f', F, ...KUBE), L('istioctl', 'upgrade', '-f', F, '-y', ...KUBE)],
      10: [L('istioctl', 'x', 'precheck', '-f', F, ...KUBE), L('istioctl', 'upgrade', '-f', F, '-y', ...KUBE)],
      16: [L('istioctl', 'x', 'precheck', '-f', F, ...KUBE), L('istioctl', 'upgrade', '-f', F, '-y', ...KUBE)],
      23: [L('istioctl', 'x', 'precheck', ...KUBE), L('istioctl', 'upgrade', '-f', F, '-y', ...KUBE)],
      30: [L('istioctl', 'x', 'precheck', ...KUBE), L('istioctl', 'upgrade', '-f', F, '-y', ...KUBE)],
    },
    generate: Object.fromEntries(ERAS.map((m) => [m, [L('istioctl', 'manifest', 'generate', '-f', F, ...KUBE)]])),
    verify: {
      5: [L('istioctl', 'manifest', 'generate', '-f', F, ...KUBE), L('istioctl', 'verify-install', '-f', '<manifest.yaml>', ...KUBE)],
      7: [L('istioctl', 'verify-install', '-f', F, ...KUBE)],
      10: [L('istioctl', 'verify-install', '-f', F, ...KUBE)],
      16: [L('istioctl', 'verify-install', '-f', F, ...KUBE)],
      23: [L('istioctl', 'verify-install', '-f', F, ...KUBE)],
      30: /^unsupported: istioctl 1\.24 removed `istioctl verify-install`/,
    },
    refreshDefaults: {
      ...Object.fromEntries([5, 7, 10, 16, 23].map((m) => [m, [L('istioctl', 'profile', 'list')]])),
      30: /^unsupported: istioctl 1\.24 removed `istioctl profile`/,
    },
  };
  for (const [command, byEra] of Object.entries(expected) as [CommandId, Record<number, string[] | RegExp>][]) {
    for (const [era, want] of Object.entries(byEra)) {
      it(`${command} with istioctl 1.${era}`, () => {
        const got = lines(plan(command, Number(era), 'demo'));
        if (want instanceof RegExp) assert.match(String(got), want);
        else assert.deepEqual(got, want);
      });
    }
  }
});

describe('the table', () => {
  it('covers every release from 1.5 on for every command, with no gaps or overlaps', () => {
    for (const [command, rows] of Object.entries(TABLE)) {
      let next = OLDEST_MINOR;
      for (const r of rows) {
        assert.equal(r.from, next, `${command}: row starting at 1.${r.from} should start at 1.${next}`);
        assert.ok(r.to >= r.from);
        next = r.to + 1;
      }
      assert.ok(next > NEWEST_MINOR + 100, `${command}: newer istioctl releases use the newest syntax`);
    }
  });
  it('turns every era boundary the way ISTIOCTL-CLI.md says', () => {
    const first = (c: CommandId, m: number) => {
      const p = plan(c, m);
      return p.kind === 'run' ? p.steps.map((s) => s.args.slice(0, 2).join(' ')).join(' + ') : p.kind;
    };
    assert.equal(first('apply', 5), 'manifest apply');
    assert.equal(first('apply', 6), 'install -f');
    assert.equal(first('uninstall', 6), 'manifest generate');
    assert.equal(first('uninstall', 7), 'x uninstall');
    assert.equal(first('uninstall', 14), 'x uninstall');
    assert.equal(first('uninstall', 15), 'uninstall -f');
    assert.equal(first('upgrade', 5), 'upgrade -f');
    assert.equal(first('upgrade', 6), 'x precheck + upgrade -f');
    const precheck = (m: number) => (plan('upgrade', m) as { steps: Step[] }).steps[0].args;
    assert.deepEqual(precheck(20).slice(0, 4), ['x', 'precheck', '-f', F]);
    assert.deepEqual(precheck(21).slice(0, 3), ['x', 'precheck', '--kubeconfig'], '1.21+: -f is --from-version, so no -f');
    assert.equal(first('verify', 23), 'verify-install -f');
    assert.equal(first('verify', 24), 'unsupported');
    assert.equal(first('diffProfile', 23), 'profile dump + profile dump');
    assert.equal(first('diffProfile', 24), 'bundled');
    assert.equal(plan('apply', 4).kind, 'unsupported');
    assert.equal(first('apply', 31), 'install -f', 'a release newer than the table uses the newest syntax');
  });
  it('confirms exactly the commands that change a cluster', () => {
    assert.deepEqual(Object.entries(CHANGES_CLUSTER).filter(([, v]) => v).map(([k]) => k).sort(), ['apply', 'uninstall', 'upgrade']);
  });
});

describe('pipes, temp files and tools on PATH', () => {
  it('1.5–1.6 uninstall holds the manifest until istioctl succeeded, so kubectl never deletes from half a render', () => {
    for (const m of [5, 6]) {
      const p = plan('uninstall', m) as { steps: Step[] };
      assert.equal(p.steps[0].pipeTo?.start, 'after-success');
    }
  });
  it('diff against cluster streams into kubectl diff and treats exit 1 as "differences"', () => {
    const p = plan('diffCluster', 20) as { steps: Step[] };
    assert.equal(p.steps[0].pipeTo?.start, 'stream');
    assert.deepEqual(p.steps[0].pipeTo?.okExitCodes, [0, 1]);
    assert.equal(p.steps[0].captureAs, 'manifest.yaml');
  });
  it('istioctl 1.5 apply and upgrade get the configured kubectl first on PATH (they run `kubectl` themselves)', () => {
    assert.equal((plan('apply', 5) as { steps: Step[] }).steps[0].kubectlOnPath, true);
    assert.equal((plan('upgrade', 5) as { steps: Step[] }).steps[0].kubectlOnPath, true);
    assert.equal((plan('apply', 6) as { steps: Step[] }).steps[0].kubectlOnPath, undefined);
  });
  it('Refresh defaults dumps each profile without cluster flags', () => {
    assert.deepEqual(profileDumpStep('ambient').args, ['profile', 'dump', 'ambient']);
  });
});

describe('cluster flags', () => {
  it('are the long forms, only when set', () => {
    assert.deepEqual(kubeFlags({ kubeconfig: '', context: '' }), []);
    assert.deepEqual(kubeFlags({ kubeconfig: '', context: 'c' }), ['--context', 'c']);
    assert.deepEqual(kubeFlags({ kubeconfig: '/k', context: '' }), ['--kubeconfig', '/k']);
    const p = buildPlan('apply', { minor: 20, file: F, settings: { kubeconfig: '', context: '' } }) as { steps: Step[] };
    assert.deepEqual(p.steps[0].args, ['install', '-f', F, '-y']);
  });
});

describe('file names in pflag StringSlice flags', () => {
  it('pass plain names unchanged, even with spaces, ;, $(...) and a leading -', () => {
    for (const f of ['/a/b.yaml', '/a/my file.yaml', "/a/it's.yaml", '/a/x; rm -rf ~.yaml', '/a/$(touch x).yaml', '/a/-rf.yaml']) assert.equal(sliceFlagValue(f), f);
  });
  it('quote names with a double quote, comma or newline as one CSV field', () => {
    assert.equal(sliceFlagValue('/a/"b".yaml'), '"/a/""b"".yaml"');
    assert.equal(sliceFlagValue('/a/b,c.yaml'), '"/a/b,c.yaml"');
    assert.equal(sliceFlagValue('/a/b\nc.yaml'), '"/a/b\nc.yaml"');
  });
  it('uninstall -f (a plain string flag in every release) gets the name as is', () => {
    const p = buildPlan('uninstall', { minor: 20, file: '/a/"b",c.yaml', settings: { kubeconfig: '', context: '' } }) as { steps: Step[] };
    assert.deepEqual(p.steps[0].args, ['uninstall', '-f', '/a/"b",c.yaml', '-y']);
    const q = buildPlan('apply', { minor: 20, file: '/a/"b",c.yaml', settings: { kubeconfig: '', context: '' } }) as { steps: Step[] };
    assert.deepEqual(q.steps[0].args, ['install', '-f', '"/a/""b"",c.yaml"', '-y']);
  });
});

describe('istioctl version', () => {
  it('asks for JSON first, then the text forms, always with --remote=false', () => {
    assert.deepEqual(VERSION_QUERIES, [
      ['version', '--remote=false', '-o', 'json'],
      ['version', '--remote=false', '--short'],
      ['version', '--remote=false'],
    ]);
  });
  const cases: [string, string, string | undefined, number | undefined][] = [
    ['JSON (every release)', '{\n  "clientVersion": {\n    "version": "1.20.3",\n    "revision": "abc",\n    "golang_version": "go1.21.1",\n    "status": "Clean",\n    "tag": "1.20.3"\n  }\n}\n', '1.20.3', 20],
    ['JSON after a log line', '2020-05-01T10:00:00.000Z\twarn\tsomething\n{"clientVersion":{"version":"1.5.2"}}', '1.5.2', 5],
    ['JSON of a dev build', '{"clientVersion":{"version":"unknown","revision":"unknown"}}', 'unknown', undefined],
    ['1.5–1.22 text', '1.20.3\n', '1.20.3', 20],
    ['1.5 text after log lines', '2020-05-01T10:00:00.000Z\twarn\tcould not load config\n1.5.0\n', '1.5.0', 5],
    ['1.23+ text', 'client version: 1.24.6\n', '1.24.6', 24],
    ['with a cluster', 'client version: 1.20.3\ncontrol plane version: 1.19.0\ndata plane version: 1.19.0 (4 proxies)\n', '1.20.3', 20],
    ['--short=false', 'version.BuildInfo{Version:"1.20.3", GitRevision:"abc", GolangVersion:"go1.21", BuildStatus:"Clean", GitTag:"1.20.3"}\n', '1.20.3', 20],
    ['--short=false 1.23+', 'client version: version.BuildInfo{Version:"1.24.6", GitRevision:"abc", GolangVersion:"go1.23", BuildStatus:"Clean", GitTag:"1.24.6"}\n', '1.24.6', 24],
    ['a pre-release', '1.22.0-beta.1\n', '1.22.0-beta.1', 22],
    ['a v prefix', 'client version: v1.30.1\n', 'v1.30.1', 30],
    ['CRLF', 'client version: 1.25.2\r\n', '1.25.2', 25],
    ['nothing useful', 'Error: unknown flag: --remote\n', undefined, undefined],
    ['broken JSON', '{"clientVersion": ', undefined, undefined],
    ['empty', '', undefined, undefined],
  ];
  for (const [name, text, version, minor] of cases) {
    it(`reads ${name}`, () => {
      const v = parseIstioctlVersion(text);
      assert.equal(v?.version, version);
      assert.equal(v?.minor, minor);
    });
  }
  it('chooses the syntax: releases as is, dev builds and newer releases the newest, older ones none', () => {
    assert.deepEqual(syntaxMinor({ version: '1.16.7', minor: 16 }), { minor: 16 });
    assert.equal(syntaxMinor({ version: 'unknown', minor: undefined }).minor, NEWEST_MINOR);
    const next = NEWEST_MINOR + 1;
    assert.match(syntaxMinor({ version: `1.${next}.0`, minor: next }).note ?? '', /newer than the newest/);
    assert.equal(syntaxMinor({ version: `1.${NEWEST_MINOR}.0`, minor: NEWEST_MINOR }).note, undefined);
    assert.equal(syntaxMinor({ version: '1.4.6', minor: 4 }).minor, undefined);
  });
  it('the newest syntax is the newest bundled release (schemas/index.json), so an imported release needs no edit here', () => {
    const index = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../schemas/index.json'), 'utf8')) as { versions: Array<{ version: string }> };
    assert.equal(`1.${NEWEST_MINOR}`, index.versions.at(-1)!.version);
  });
});

describe('other parsing', () => {
  it('reads `istioctl profile list`', () => {
    assert.deepEqual(parseProfileList('Istio configuration profiles:\n    ambient\n    default\n    demo\n'), ['ambient', 'default', 'demo']);
    assert.deepEqual(parseProfileList('random\n  text\n'), []);
  });
  it('shows commands quoted for people (never executed)', () => {
    assert.equal(displayCommand('istioctl', ['install', '-f', '/a b/c.yaml', '-y']), "istioctl install -f '/a b/c.yaml' -y");
    assert.equal(displayCommand('istioctl', ["it's"]), `istioctl 'it'\\''s'`);
  });
});
