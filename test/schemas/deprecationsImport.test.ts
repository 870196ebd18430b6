// scripts/schema/import/deprecationsImport.ts: istioctl's deprecation tables (validation.go to 1.23,
// the istiod chart's NOTES.txt from 1.24) read from a tiny git repository built here (rows copied
// in the form Istio writes them); the reviewed table's check (scripts/schema/deprecations.ts); and
// the committed schemas/deprecations.json against the istio/istio mirror when there is one.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { combine, DEPRECATIONS } from '../../scripts/schema/deprecations.ts';
import { GitRepo } from '../../scripts/schema/import/gitRepo.ts';
import {
  buildDeprecations, deprecationsAt, DISCOVERY_NOTES, VALIDATION_GO, writeDeprecations, type DeprecationsFile,
} from '../../scripts/schema/import/deprecationsImport.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const committedFile = path.join(repoRoot, 'schemas/deprecations.json');

const VALIDATION_1_20 = `package validation

func checkDeprecatedSettings(iop *v1alpha1.IstioOperatorSpec) (util.Errors, []string) {
	var errs util.Errors
	messages := []string{}
	warningSettings := []deprecatedSettings{
		{"Values.global.certificates", "meshConfig.certificates", nil},
		{"Values.global.proxy.concurrency", "meshConfig.defaultConfig.concurrency", uint32(0)},
		{"AddonComponents.istiocoredns.Enabled", "the in-proxy DNS capturing (ISTIO_META_DNS_CAPTURE)", false},
		// nolint: lll
		{"Values.global.jwtPolicy", "Values.global.jwtPolicy=third-party-jwt. See https://istio.io/latest/docs/ops/best-practices/security/ for more information", "third-party-jwt"},
		{
			"Values.telemetry.v2.stackdriver.logging", "Values.telemetry.v2.stackdriver.outboundAccessLogging and Values.telemetry.v2.stackdriver.inboundAccessLogging",
			false,
		},
	}

	failHardSettings := []deprecatedSettings{
		{"Values.grafana.enabled", "the samples/addons/ deployments", false},
		{"AddonComponents.grafana.Enabled", "the samples/addons/ deployments", false},
		{"telemetry.v2.prometheus.configOverride", "custom configuration", nil},
		{"meshConfig.defaultConfig.tracing.stackdriver.debug", "Istio supported tracers", false},
	}

	for _, d := range warningSettings {
		v, f, _ := tpath.GetFromStructPath(iop, d.old)
	}
	return errs, messages
}
`;

const NOTES_1_24 = `For further documentation see https://istio.io website

{{-
  $deps := dict
    "global.certificates" "meshConfig.certificates"
    "global.proxy.concurrency" "meshConfig.defaultConfig.concurrency"
    "istiocoredns.enabled" "the in-proxy DNS capturing (ISTIO_META_DNS_CAPTURE)"
}}
{{- range $dep, $replace := $deps }}
{{- $res := tpl (print "{{" (repeat (split "." $dep | len) "(")  ".Values." (replace "." ")." $dep) ")}}") $}}
{{- if not (eq $res "")}}
WARNING: {{$dep|quote}} is deprecated; use {{$replace|quote}} instead.
{{- end }}
{{- end }}
{{-
  $failDeps := dict
    "telemetry.v2.prometheus.configOverride"
    "telemetry.v2.stackdriver.configOverride"
    "global.tracer.stackdriver.debug" "meshConfig.defaultConfig.tracing.stackdriver.debug"
}}
{{- range $dep, $replace := $failDeps }}
{{- $res := tpl (print "{{" (repeat (split "." $dep | len) "(")  ".Values." (replace "." ")." $dep) ")}}") $}}
{{- if not (eq $res "")}}
{{fail (print $dep " is removed")}}
{{- end }}
{{- end }}
`;

describe('deprecationsAt on a tiny istio/istio repository', () => {
  let dir = '';
  let repo: GitRepo;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deprecations-import-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-C', dir, ...args], { stdio: 'pipe' });
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    git('init', '-q');
    write(VALIDATION_GO, VALIDATION_1_20);
    git('add', '-A');
    git('commit', '-q', '-m', '1.20');
    git('tag', '1.20.0');
    git('tag', '1.21.0');
    git('tag', '1.26.0');
    fs.rmSync(path.join(dir, 'operator'), { recursive: true });
    write(DISCOVERY_NOTES, NOTES_1_24);
    git('add', '-A');
    git('commit', '-q', '-m', '1.24');
    git('tag', '1.24.0');
    git('tag', '1.22.0');
    write(DISCOVERY_NOTES, 'no table here\n');
    git('commit', '-q', '-a', '-m', '1.25');
    git('tag', '1.25.0');
    repo = new GitRepo(dir, 'istio/istio');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('1.20: warningSettings warn and failHardSettings fail, as values or spec paths; rows that match no field are left out', () => {
    assert.deepEqual(deprecationsAt(repo, '1.20.0'), [
      { path: 'global.certificates', severity: 'warning', replacement: 'meshConfig.certificates' },
      { path: 'global.proxy.concurrency', severity: 'warning', replacement: 'meshConfig.defaultConfig.concurrency' },
      { path: 'spec.addonComponents.istiocoredns.enabled', severity: 'warning', replacement: 'the in-proxy DNS capturing (ISTIO_META_DNS_CAPTURE)' },
      { path: 'global.jwtPolicy', severity: 'warning', replacement: 'Values.global.jwtPolicy=third-party-jwt. See https://istio.io/latest/docs/ops/best-practices/security/ for more information' },
      { path: 'telemetry.v2.stackdriver.logging', severity: 'warning', replacement: 'Values.telemetry.v2.stackdriver.outboundAccessLogging and Values.telemetry.v2.stackdriver.inboundAccessLogging' },
      { path: 'grafana.enabled', severity: 'error', replacement: 'the samples/addons/ deployments' },
      { path: 'spec.addonComponents.grafana.enabled', severity: 'error', replacement: 'the samples/addons/ deployments' },
    ]);
  });

  test("1.24: the chart's $deps warn, $failDeps fail (sprig's dict pairs its arguments, so a path's neighbour can be its value)", () => {
    assert.deepEqual(deprecationsAt(repo, '1.24.0'), [
      { path: 'global.certificates', severity: 'warning', replacement: 'meshConfig.certificates' },
      { path: 'global.proxy.concurrency', severity: 'warning', replacement: 'meshConfig.defaultConfig.concurrency' },
      { path: 'istiocoredns.enabled', severity: 'warning', replacement: 'the in-proxy DNS capturing (ISTIO_META_DNS_CAPTURE)' },
      { path: 'telemetry.v2.prometheus.configOverride', severity: 'error', replacement: '' },
      { path: 'global.tracer.stackdriver.debug', severity: 'error', replacement: '' },
    ]);
  });

  test('a release whose table cannot be found fails, naming the tag and the file', () => {
    const names = (tag: string, file: string) => (err: Error) => err.message.includes(tag) && err.message.includes(file);
    assert.throws(() => deprecationsAt(repo, '1.22.0'), names('1.22.0', VALIDATION_GO)); // no validation.go
    assert.throws(() => deprecationsAt(repo, '1.26.0'), names('1.26.0', DISCOVERY_NOTES)); // no NOTES.txt
    assert.throws(() => deprecationsAt(repo, '1.25.0'), names('1.25.0', DISCOVERY_NOTES)); // NOTES.txt without the table
  });

  test('deprecations.json: one row per path, consecutive minors with the same replacement as one range', () => {
    const minors = [{ version: '1.20', istioTag: '1.20.0' }, { version: '1.21', istioTag: '1.21.0' }, { version: '1.24', istioTag: '1.24.0' }];
    const file = buildDeprecations(repo, minors);
    assert.deepEqual(file.tags, { '1.20': '1.20.0', '1.21': '1.21.0', '1.24': '1.24.0' });
    const row = (p: string) => file.paths.find((r) => r.path === p);
    // 1.21 follows 1.20 in the list; 1.24 follows 1.21 in the list, so a run spans them.
    assert.deepEqual(row('global.certificates'), { path: 'global.certificates', warning: [{ from: '1.20', to: '1.24', replacement: 'meshConfig.certificates' }] });
    assert.deepEqual(row('grafana.enabled'), { path: 'grafana.enabled', error: [{ from: '1.20', to: '1.21', replacement: 'the samples/addons/ deployments' }] });
    assert.deepEqual(row('global.tracer.stackdriver.debug'), { path: 'global.tracer.stackdriver.debug', error: [{ from: '1.24', to: '1.24', replacement: '' }] });
    assert.deepEqual(row('istiocoredns.enabled')?.warning?.map((r) => [r.from, r.to]), [['1.24', '1.24']]);
    assert.equal(file.paths[0].path, 'global.certificates', 'rows in order of first appearance');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'deprecations-out-'));
    try {
      writeDeprecations(repo, [...minors].reverse(), out);
      assert.equal(fs.readFileSync(path.join(out, 'deprecations.json'), 'utf8'), `${JSON.stringify(file, null, 1)}\n`);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("the reviewed table (our phrasing) against Istio's", () => {
  const derived: DeprecationsFile = {
    $comment: '', tags: { '1.6': 'a', '1.7': 'b', '1.8': 'c' },
    paths: [{ path: 'global.x', warning: [{ from: '1.6', to: '1.6', replacement: 'a' }, { from: '1.7', to: '1.7', replacement: 'b' }], error: [{ from: '1.8', to: '1.8', replacement: '' }] }],
  };

  test('one entry per phrasing, its ranges per severity taken from the derived file', () => {
    assert.deepEqual(combine(derived, [{ path: 'global.x', minors: [6, 6], use: 'A' }, { path: 'global.x', minors: [7, Infinity], use: 'B' }]), [
      { path: 'global.x', use: 'A', warn: [6, 6] },
      { path: 'global.x', use: 'B', warn: [7, 7], error: [8, 8] },
    ]);
    assert.deepEqual(combine(derived, [{ path: 'global.x', use: 'A' }]), [{ path: 'global.x', use: 'A', warn: [6, 7], error: [8, 8] }]);
    assert.deepEqual(combine(derived, [{ path: 'global.x', minors: [6, 7], hold: 'why' }, { path: 'global.x', minors: [8, 8], use: 'C' }]), [{ path: 'global.x', use: 'C', error: [8, 8] }]);
  });

  test('a path Istio flags that the table misses, a minor reviewed twice, or a row Istio never flags fails', () => {
    assert.throws(() => combine(derived, [{ path: 'global.x', minors: [6, 7], use: 'A' }]), /global\.x 1\.8: flagged by Istio, not in the reviewed table/);
    assert.throws(() => combine(derived, [{ path: 'global.x', use: 'A' }, { path: 'global.x', minors: [8, 8], use: 'B' }]), /global\.x 1\.8: reviewed twice/);
    assert.throws(() => combine(derived, [{ path: 'global.x', use: 'A' }, { path: 'global.y', use: 'B' }]), /global\.y: no release flags it/);
  });

  test('DEPRECATIONS builds from the committed file (the reviewed table and deprecations.json agree)', () => {
    assert.ok(DEPRECATIONS.length > 40);
    const concurrency = DEPRECATIONS.filter((d) => d.path === 'global.proxy.concurrency').map((d) => [d.use, d.warn]);
    assert.deepEqual(concurrency[0], ['`meshConfig.concurrency`', [6, 6]]);
    assert.equal(concurrency[1][0], '`meshConfig.defaultConfig.concurrency`');
  });
});

describe('the committed schemas/deprecations.json', () => {
  const committed = JSON.parse(fs.readFileSync(committedFile, 'utf8')) as DeprecationsFile;

  test('has every bundled release, at the tag its schema was made from', () => {
    const index = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas/index.json'), 'utf8')) as { versions: Array<{ version: string; tag: string }> };
    assert.deepEqual(Object.entries(committed.tags), index.versions.map((v) => [v.version, v.tag]));
  });

  // The importer reads Istio's source from a git mirror of istio/istio, which CI does not have.
  const mirror = process.env.ISTIO_MIRROR ?? '/work/.mirror/istio+istio/repo';
  const hasMirror = fs.existsSync(path.join(mirror, 'HEAD')) || fs.existsSync(path.join(mirror, '.git'));
  test('is what writeDeprecations reads from the istio/istio mirror', { skip: hasMirror ? false : `no istio/istio git mirror at ${mirror} ($ISTIO_MIRROR)` }, () => {
    const repo = new GitRepo(mirror, 'istio/istio');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'deprecations-mirror-'));
    try {
      writeDeprecations(repo, Object.entries(committed.tags).map(([version, istioTag]) => ({ version, istioTag })), out);
      assert.equal(fs.readFileSync(path.join(out, 'deprecations.json'), 'utf8'), fs.readFileSync(committedFile, 'utf8'));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
