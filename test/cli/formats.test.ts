// iop-lint's three output formats, on the examples the README shows.
const EXAMPLES = ['examples/1.2x', 'examples/1.5', 'examples/broken'];
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { iopLint } from '../support/cli.ts';

const BROKEN = 'examples/broken/custom-operator.yml';
const BROKEN_CODES = ['enum', 'field-not-in-version', 'invalid-duration', 'type', 'unknown-field'];

describe('iop-lint --format text', () => {
  it('prints file:line:col: severity code message, 1-based, and a summary on stderr', () => {
    const r = iopLint(EXAMPLES);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines) assert.match(line, /^examples\/broken\/custom-operator\.yml:\d+:\d+: error [a-z-]+ \S.*$/);
    assert.deepEqual(lines.map((l) => l.split(' ')[2]).sort(), BROKEN_CODES);
    // The lines the README shows (the engine's wording may grow; where and what may not).
    assert.match(lines[0], /^examples\/broken\/custom-operator\.yml:9:5: error unknown-field Unknown field `ingresGateways` in `spec\.components`; did you mean `ingressGateways`\?/);
    assert.match(lines[1], /^examples\/broken\/custom-operator\.yml:14:16: error type Expected a boolean for `components\.pilot\.enabled`, got the string "yes"\./);
    assert.match(lines[2], /^examples\/broken\/custom-operator\.yml:20:5: error field-not-in-version `values\.prometheus` does not exist in Istio 1\.9 \(last in 1\.7\)/);
    assert.match(r.stderr, /5 errors, 0 warnings in 3 files/);
  });

  it('prints nothing on stdout for a clean file, and exits 0', () => {
    for (const file of ['examples/1.5/custom-operator.yml', 'examples/1.2x/custom-operator.yml']) {
      const r = iopLint([file]);
      assert.equal(r.status, 0, `${file}: ${r.stdout}${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /0 errors, 0 warnings in 1 file\./);
    }
  });
});

describe('iop-lint on the Kubernetes-settings example (the README\'s section)', () => {
  it('reports the 1.23 forms at 1.24 and the settings istioctl never applies, and exits 1', () => {
    const r = iopLint(['examples/k8s-upgrade']);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(lines.map((l) => l.split(' ').slice(1, 3).join(' ')), [
      'error k8s-form', 'error k8s-form', 'warning ignored-setting', 'error k8s-form', 'warning ignored-setting', 'error misplaced-field',
    ]);
    assert.match(lines[3], /^examples\/k8s-upgrade\/custom-operator\.yml:25:11: error k8s-form `volumeSource` is the protobuf form that istioctl read up to 1\.23/);
    assert.match(r.stderr, /4 errors, 2 warnings in 1 file/);
    // The same file at 1.23, the release it was written for (without its version comment): no form errors.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iop-k8s-'));
    const copy = path.join(dir, 'custom-operator.yml');
    fs.writeFileSync(copy, fs.readFileSync('examples/k8s-upgrade/custom-operator.yml', 'utf8').replace(/^# istio-version: .*\n/, ''));
    const at23 = iopLint(['--istio-version', '1.23', copy]);
    assert.doesNotMatch(at23.stdout, /k8s-form/);
    assert.match(at23.stdout, /warning broken-setting istioctl 1\.23 accepts `secretKeyRef`/);
  });
});

describe('iop-lint --format json', () => {
  it('lists every file with its Istio version and 0-based diagnostics, in the documented shape', () => {
    const r = iopLint(['--format', 'json', ...EXAMPLES]);
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['files']);
    assert.deepEqual(out.files.map((f: any) => [f.path, f.istioVersion, f.diagnostics.length]), [
      ['examples/1.2x/custom-operator.yml', '1.26', 0],
      ['examples/1.5/custom-operator.yml', '1.5', 0],
      [BROKEN, '1.9', 5],
    ]);
    const broken = out.files[2];
    for (const d of broken.diagnostics) {
      assert.deepEqual(Object.keys(d), ['severity', 'code', 'message', 'path', 'range']);
      assert.ok(['error', 'warning', 'information'].includes(d.severity));
      assert.deepEqual(Object.keys(d.range), ['start', 'end']);
      assert.deepEqual(Object.keys(d.range.start), ['line', 'character']);
    }
    const unknown = broken.diagnostics.find((d: any) => d.code === 'unknown-field');
    assert.match(unknown.message, /^Unknown field `ingresGateways` in `spec\.components`; did you mean `ingressGateways`\?/);
    assert.deepEqual({ ...unknown, message: undefined }, {
      severity: 'error',
      code: 'unknown-field',
      message: undefined,
      path: 'spec.components.ingresGateways',
      range: { start: { line: 8, character: 4 }, end: { line: 8, character: 18 } },
    });
    assert.deepEqual(broken.diagnostics.map((d: any) => d.code).sort(), BROKEN_CODES);
    assert.equal(broken.diagnostics.find((d: any) => d.code === 'type').path, 'spec.components.pilot.enabled');
  });
});

describe('iop-lint --format sarif', () => {
  it('writes a SARIF 2.1.0 log: rules named by code, results with 1-based regions and relative URIs', () => {
    const r = iopLint(['--format', 'sarif', ...EXAMPLES]);
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'iop-lint');
    assert.match(run.tool.driver.version, /^\d+\.\d+\.\d+/);
    const ruleIds = run.tool.driver.rules.map((x: any) => x.id);
    assert.deepEqual(ruleIds, BROKEN_CODES);
    for (const rule of run.tool.driver.rules) assert.ok(rule.shortDescription.text.length > 10, `rule ${rule.id} is described`);
    assert.equal(run.results.length, 5);
    for (const res of run.results) {
      assert.equal(res.level, 'error');
      assert.equal(ruleIds[res.ruleIndex], res.ruleId);
      assert.ok(res.message.text.length > 0);
      const loc = res.locations[0].physicalLocation;
      assert.deepEqual(loc.artifactLocation, { uri: BROKEN, uriBaseId: '%SRCROOT%' });
      assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
      assert.ok(loc.region.endLine >= loc.region.startLine);
    }
    assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
    const unknown = run.results.find((x: any) => x.ruleId === 'unknown-field');
    assert.deepEqual(unknown.locations[0].physicalLocation.region, { startLine: 9, startColumn: 5, endLine: 9, endColumn: 19 });
    assert.equal(unknown.locations[0].logicalLocations[0].fullyQualifiedName, 'spec.components.ingresGateways');
  });

  it('maps warnings to level "warning"', () => {
    const r = iopLint(['--format', 'sarif', 'test/fixtures/cli/warnings-only-deprecated.yaml']);
    const run = JSON.parse(r.stdout).runs[0];
    assert.deepEqual(run.results.map((x: any) => [x.ruleId, x.level]), [['deprecated', 'warning']]);
  });
});
