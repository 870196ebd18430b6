// The upgrade report: the seed's 1.5 file read at 1.6, 1.8, 1.20 and 1.24. The expectations are
// Istio's own history (the deprecation table in ISTIOCTL-RULES.md, the profiles and charts at each
// tag, ISTIOCTL-CLI.md's commands), not the report's wording.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import YAML from 'yaml';
import { Engine } from '../../server/src/engine/engine.ts';
import { upgradeMarkdown } from '../../server/src/engine/upgrade/markdown.ts';
import type { UpgradeReport } from '../../server/src/engine/upgrade/upgradeReport.ts';

const engine = new Engine();
const ROOT = path.resolve(import.meta.dirname, '../..');
const ISTIO = process.env.ISTIO_DATA ?? path.resolve(ROOT, '../shared/istio');
const SEED = fs.readFileSync(path.join(ROOT, 'examples/1.5/custom-operator.yml'), 'utf8');

function report(text: string, to: string, settings = {}): UpgradeReport {
  const r = engine.upgradeReport(engine.parse(text), to, settings);
  if (!r.ok) assert.fail(r.message);
  return r.report;
}

const setting = (r: UpgradeReport, p: string) => r.settings.find((s) => s.path === `spec.${p}`);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('upgrade report: the seed\'s 1.5 file', () => {
  test('to 1.6: values.global.proxy.accessLogFile is deprecated for meshConfig.accessLogFile, with its line and a move; manifest apply becomes install', () => {
    const r = report(SEED, '1.6');
    assert.deepEqual(r.hops.map((h) => h.version), ['1.6']);
    const s = setting(r, 'values.global.proxy.accessLogFile');
    assert.ok(s, 'the deprecated setting is reported');
    assert.equal(s.kind, 'moved');
    assert.equal(s.severity, 'warning');
    assert.equal(s.release, '1.6');
    assert.equal(s.replacement, 'meshConfig.accessLogFile');
    assert.equal(s.line, lineOf(SEED, 'accessLogFile:'));
    const install = r.commands.find((c) => c.task === 'install');
    assert.ok(install && /manifest apply/.test(install.before.command ?? '') && /istioctl install/.test(install.after.command ?? ''));
    assert.equal(r.findings.some((f) => f.kind === 'upgrade-path'), false, 'one hop needs no path');
  });

  test('to 1.8: values.prometheus deprecated in 1.7 and gone in 1.8, pointing at samples/addons; accessLogFile an error from 1.7; three hops', () => {
    const r = report(SEED, '1.8');
    assert.deepEqual(r.hops.map((h) => h.version), ['1.6', '1.7', '1.8']);
    const prom = setting(r, 'values.prometheus');
    assert.ok(prom);
    assert.equal(prom.kind, 'removed');
    assert.equal(prom.release, '1.7');
    assert.deepEqual(prom.history.map((h) => [h.release, h.severity]), [['1.7', 'warning'], ['1.8', 'error']]);
    assert.match(prom.history[0].message, /samples\/addons/);
    const log = setting(r, 'values.global.proxy.accessLogFile');
    assert.deepEqual(log?.history.map((h) => [h.release, h.severity]), [['1.6', 'warning'], ['1.7', 'error']]);
    assert.ok(r.commands.some((c) => c.task === 'uninstall' && c.release === 7), 'x uninstall arrives in 1.7');
    assert.ok(r.findings.some((f) => f.kind === 'upgrade-path' && /1\.5 → 1\.6 → 1\.7 → 1\.8/.test(f.message)));
  });

  test('to 1.20: the v2beta1 HPA metric is deprecated from 1.14; readiness probe defaults change in 1.20, as the profiles say', () => {
    const r = report(SEED, '1.20');
    const hpa = setting(r, 'components.pilot.k8s.hpaSpec.metrics[0].resource.targetAverageUtilization');
    assert.ok(hpa);
    assert.equal(hpa.severity, 'warning');
    assert.equal(hpa.release, '1.14');
    const profile = (v: string) => YAML.parse(fs.readFileSync(path.join(ISTIO, v, 'profiles', 'default.yaml'), 'utf8')).spec.values.global.proxy;
    const d = r.defaults.find((x) => x.path === 'values.global.proxy.readinessFailureThreshold');
    assert.ok(d, 'the changed default is reported');
    assert.equal(d.before, profile('1.5').readinessFailureThreshold);
    assert.equal(d.after, profile('1.20').readinessFailureThreshold);
    assert.equal(d.release, '1.20');
    assert.equal(r.defaults.some((x) => x.path === 'values.global.proxy.accessLogFile' || x.path.startsWith('components.pilot.k8s.hpaSpec')), false, 'what the file sets is not a default change');
  });

  test('to 1.24: the HPA metric is refused; the tracer default flips from the 1.22 chart; profile dump and verify-install are gone; spec.tag pins 1.5', () => {
    const r = report(SEED, '1.24');
    const hpa = setting(r, 'components.pilot.k8s.hpaSpec.metrics[0].resource.targetAverageUtilization');
    assert.equal(hpa?.severity, 'error');
    assert.deepEqual(hpa?.history.map((h) => h.release), ['1.14', '1.24']);
    const chart = YAML.parse(fs.readFileSync(path.join(ISTIO, '1.24', 'charts/istio-control/istio-discovery/values.yaml'), 'utf8'))._internal_defaults_do_not_set;
    const tracer = r.defaults.find((x) => x.path === 'values.global.proxy.tracer');
    assert.ok(tracer);
    assert.equal(tracer.after, chart.global.proxy.tracer);
    assert.equal(tracer.origin, 'chart istio-discovery');
    assert.equal(tracer.release, '1.22');
    for (const task of ['effective configuration', 'verify the install']) {
      const c = r.commands.find((x) => x.task === task);
      assert.ok(c && c.release === 24 && c.after.command === undefined, `${task} has no command in 1.24`);
    }
    assert.equal(r.hops.length, 19);
    const tag = r.pinned.find((p) => p.path === 'spec.tag');
    assert.ok(tag && tag.after === engine.store.get('1.24').tag);
    assert.equal(tag.line, lineOf(SEED, 'tag: 1.5.2'));
  });

  test('JSON findings: one per finding with kind, path, line, message and release; the Markdown names every hop', () => {
    const r = report(SEED, '1.24');
    for (const f of r.findings) {
      assert.ok(f.kind && f.message && /^1\.\d+$/.test(f.release), JSON.stringify(f));
      if (['moved', 'removed', 'new-error', 'new-warning', 'deprecated'].includes(f.kind)) assert.ok(f.path && f.line, JSON.stringify(f));
    }
    const md = upgradeMarkdown(r, 'custom-operator.yml');
    for (const hop of r.hops) assert.match(md, new RegExp(`\\*\\*${hop.version.replace('.', '\\.')}\\*\\* \\(istioctl ${hop.tag.replace(/\./g, '\\.')}\\)`));
    assert.match(md, /^# Upgrade check: custom-operator\.yml, Istio 1\.5 → 1\.24$/m);
  });
});

describe('upgrade report: other files', () => {
  test('a file clean at both releases reports no settings; a downgrade and a non-IstioOperator are refused with a reason', () => {
    const clean = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  meshConfig:\n    accessLogFile: /dev/stdout\n';
    assert.deepEqual(report(clean, '1.21').settings, []);
    const down = engine.upgradeReport(engine.parse(clean), '1.19');
    assert.ok(!down.ok && /later release/.test(down.message));
    const other = engine.upgradeReport(engine.parse('apiVersion: v1\nkind: ConfigMap\n'), '1.24');
    assert.ok(!other.ok && /no IstioOperator/.test(other.message));
  });

  test('a diagnostic the file already has at 1.X is not new; one that turns from warning into error is', () => {
    const text = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    pilot:\n      k8s:\n        hpaSpec:\n          maxReplicas: 3\n          metrics:\n          - type: Resource\n            resource:\n              name: cpu\n              targetAverageUtilization: 80\n';
    assert.equal(report(text, '1.23').settings.length, 0, 'still the same warning at 1.23');
    const at24 = report(text, '1.24').settings;
    assert.equal(at24.length, 1);
    assert.equal(at24[0].severity, 'error');
    assert.equal(at24[0].release, '1.24');
  });

  test('the release given as `release` wins over the file\'s comment (iop-lint upgrade-report --istio-version)', () => {
    const r = report(SEED.replace('# istio-version: 1.5', '# istio-version: 1.20'), '1.24', { release: '1.5' });
    assert.equal(r.from.version, '1.5');
  });
});
