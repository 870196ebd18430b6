// The effective configuration: the built-in profile with the document merged over it, per era.
// Checked against Istio's own `profile dump` goldens, and by invariants over every example and
// every profile of every release: the output validates, is a fixed point, and keeps every value
// the file sets.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import YAML from 'yaml';
import { Engine } from '../../server/src/engine/engine.ts';
import { effectiveYaml, subtree, type EffectiveConfiguration } from '../../server/src/engine/effective/effective.ts';
import { isObject, mergeEra, mergeKeyFor, type Json } from '../../server/src/engine/effective/merge.ts';
import { GOLDEN_PATHS, compareProfileDump, differences } from '../../scripts/release/profileDumpGolden.ts';

const engine = new Engine();
const ISTIO = process.env.ISTIO_DATA ?? path.resolve(import.meta.dirname, '../../../shared/istio');
const ROOT = path.resolve(import.meta.dirname, '../..');

function effective(text: string, version: string, opts: { chartDefaults?: boolean } = {}): EffectiveConfiguration {
  const file = engine.parse(text);
  const doc = file.documents.find((d) => d.isIstioOperator);
  assert.ok(doc, 'no IstioOperator document');
  const r = engine.effective(file, doc, { setting: version }, opts);
  if (!r.ok) assert.fail(r.message);
  return r.config;
}

describe('Istio\'s profile dump goldens', () => {
  const report: string[] = [];
  for (const version of engine.store.minors) {
    const dir = path.join(ISTIO, version, 'profile-dump');
    if (!fs.existsSync(path.join(dir, 'output'))) continue;
    for (const [name, configPath] of Object.entries(GOLDEN_PATHS)) {
      const input = path.join(dir, 'input', `${name}.yaml`);
      const output = path.join(dir, 'output', `${name}.yaml`);
      if (!fs.existsSync(input) || !fs.existsSync(output)) continue;
      test(`${version} ${name}${configPath ? ` --config-path ${configPath}` : ''}: every value the input sets is as istioctl printed it; other differences are the test's chart snapshot`, () => {
        const { differences: diffs, wrongOnInput } = compareProfileDump(engine, version, fs.readFileSync(input, 'utf8'), fs.readFileSync(output, 'utf8'), configPath);
        assert.deepEqual(wrongOnInput, [], 'values the input sets must come out as istioctl printed them');
        report.push(`${version} ${name}: ${diffs.length ? `${diffs.length} snapshot differences (${diffs.slice(0, 3).join(', ')}${diffs.length > 3 ? ', …' : ''})` : 'identical'}`);
      });
    }
  }
  test('summary', (t) => {
    for (const line of report) t.diagnostic(line);
    assert.ok(report.filter((l) => l.endsWith('identical')).length >= report.length / 2, `most goldens match exactly:\n${report.join('\n')}`);
  });
});

/** Every leaf the user wrote, found in the merged tree (list entries merged by key matched by key). */
function keptValues(user: Json, merged: Json | undefined, at: string[], minor: number, out: string[]): void {
  if (isObject(user)) {
    for (const [k, v] of Object.entries(user)) {
      if (v === null) continue; // null deletes (or stays null, 1.24+): not a value to keep
      keptValues(v, isObject(merged) ? merged[k] : undefined, [...at, k], minor, out);
    }
    return;
  }
  const key = mergeEra(minor).listsByKey && Array.isArray(user) ? mergeKeyFor(at) : undefined;
  if (key && Array.isArray(user) && Array.isArray(merged)) {
    for (const item of user) {
      const match = isObject(item) ? merged.find((m) => isObject(m) && m[key] === item[key]) : undefined;
      keptValues(item, match, [...at, '[]'], minor, out);
    }
    return;
  }
  if (JSON.stringify(user) !== JSON.stringify(merged)) out.push(`${at.join('.')}: wrote ${JSON.stringify(user)}, got ${JSON.stringify(merged)}`);
}

describe('invariants over every example and every profile of every release', () => {
  const examples = ['1.5', '1.2x', 'k8s-upgrade'].map((d) => fs.readFileSync(path.join(ROOT, 'examples', d, 'custom-operator.yml'), 'utf8'));
  for (const version of engine.store.minors) {
    const minor = Number(version.split('.')[1]);
    const inputs = [
      ...engine.store.get(version).profiles.map((p) => `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: ${p}\n`),
      ...examples.map((e) => e.replace(/^# istio-version: .*\n/m, '')),
    ];
    test(`Istio ${version}: ${inputs.length} inputs: no error at its release, a fixed point, every value kept`, () => {
      const problems: string[] = [];
      for (const text of inputs) {
        const config = effective(text, version);
        const out = `# istio-version: ${version}\n${effectiveYaml(config.tree)}`;
        const errors = engine.validate(engine.parse(out)).filter((d) => d.severity === 1);
        // An example written for another release may be wrong at this one: only its own release must be clean.
        const isProfile = /^apiVersion: install\.istio\.io\/v1alpha1\nkind: IstioOperator\nspec:\n {2}profile: /.test(text);
        const own = engine.validate(engine.parse(`# istio-version: ${version}\n${text}`)).filter((d) => d.severity === 1).length === 0;
        if ((isProfile || own) && errors.length) problems.push(`validates: ${errors[0].message}`);
        const again = effective(out, version);
        if (JSON.stringify(again.tree) !== JSON.stringify(config.tree)) problems.push(`not a fixed point: ${differences(again.tree, config.tree).slice(0, 3).join(', ')}`);
        keptValues(YAML.parse(text, { version: '1.1' }) as Json, config.tree, [], minor, problems);
      }
      assert.deepEqual(problems.slice(0, 5), []);
    });
  }
});

describe('origins and output', () => {
  test('a value from the file, from the named profile, and from the default profile under it', () => {
    const c = effective('apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: demo\n  meshConfig:\n    accessLogEncoding: JSON\n', '1.20');
    assert.equal(c.origins.get('spec.meshConfig.accessLogEncoding'), 'this file');
    assert.equal(c.origins.get('spec.profile'), 'this file');
    assert.equal(c.origins.get('spec.components.egressGateways[0].enabled'), 'profile demo', 'demo turns the egress gateway on');
    assert.equal(c.origins.get('spec.components.base.enabled'), 'profile default');
  });

  test('1.21+: the charts\' defaults fill spec.values, each marked with its chart; the file and profile win; hub and tag stay istioctl\'s', () => {
    const chart = (rel: string) => YAML.parse(fs.readFileSync(path.join(ISTIO, '1.24', 'charts', rel), 'utf8'))._internal_defaults_do_not_set;
    const istiod = chart('istio-control/istio-discovery/values.yaml');
    const ingress = chart('gateways/istio-ingress/values.yaml');
    const text = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    global:\n      logging:\n        level: default:debug\n';
    const c = effective(text, '1.24');
    const values = (c.tree.spec as any).values;
    assert.equal(values.global.logging.level, 'default:debug');
    assert.equal(c.origins.get('spec.values.global.logging.level'), 'this file');
    assert.equal(values.global.proxy.image, istiod.global.proxy.image);
    assert.equal(c.origins.get('spec.values.global.proxy.image'), 'chart istio-discovery');
    assert.equal(values.pilot.autoscaleMax, istiod.autoscaleMax, 'the 1.24 istiod chart keeps pilot settings at its root');
    assert.equal(c.origins.get('spec.values.pilot.autoscaleMax'), 'chart istio-discovery');
    assert.equal(values.gateways['istio-ingressgateway'].autoscaleMax, ingress.gateways['istio-ingressgateway'].autoscaleMax);
    assert.equal(c.origins.get('spec.values.gateways.istio-ingressgateway.autoscaleMax'), 'chart istio-ingress');
    assert.equal(c.origins.get('spec.values.global.istioNamespace'), 'profile default', 'a profile value is not the chart\'s');
    assert.equal(values.global.tag, undefined, 'istioctl writes values.global.tag from spec.tag, so the chart\'s `latest` never applies');
    assert.equal('unknownChartOnlyKey' in values, false);
    const bare = effective(text, '1.24', { chartDefaults: false });
    assert.equal((bare.tree.spec as any).values.global.proxy, undefined);
    assert.equal([...effective(text, '1.20').origins.values()].some((o) => o.startsWith('chart ')), false, 'up to 1.20 the profiles hold the defaults');
    assert.equal(effective(text, '1.21').origins.get('spec.values.global.proxy.image'), 'chart istio-discovery', 'manifests/profiles/default.yaml is thin from 1.21.6');
    assert.match(effectiveYaml(c.tree, { origins: c.origins }), /image: proxyv2 # chart istio-discovery/);
  });

  test('1.7–1.23 merge the gateway lists by name; 1.24+ replace them', () => {
    const text = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    ingressGateways:\n    - name: extra-gateway\n      enabled: true\n';
    const names = (v: string) => ((effective(text, v).tree.spec as any).components.ingressGateways as Array<{ name: string }>).map((g) => g.name);
    assert.deepEqual(names('1.20'), ['istio-ingressgateway', 'extra-gateway']);
    assert.deepEqual(names('1.24'), ['extra-gateway']);
    assert.deepEqual(names('1.6'), ['extra-gateway'], 'a JSON merge patch replaces lists');
  });

  test('null deletes up to 1.23 and stays null from 1.24', () => {
    const text = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    base: null\n';
    assert.equal('base' in ((effective(text, '1.20').tree.spec as any).components), false);
    assert.equal((effective(text, '1.24').tree.spec as any).components.base, null);
  });

  test('--config-path selects a subtree below spec; a path that is not set says so', () => {
    const c = effective('apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec: {}\n', '1.20');
    const part = subtree(c.tree, 'components.ingressGateways[0].name');
    assert.ok(part.ok && part.value === 'istio-ingressgateway');
    const missing = subtree(c.tree, 'components.nope');
    assert.ok(!missing.ok && /not set in the effective configuration/.test(missing.message));
  });

  test('a profile the release does not have is a clear message, not a crash', () => {
    const file = engine.parse('# istio-version: 1.30\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: nope\n');
    const r = engine.effective(file, file.documents[0]);
    assert.ok(!r.ok && /`nope` is not a built-in profile of Istio 1\.30/.test(r.message));
  });
});
