// The components view's data: each component and gateway of the effective configuration with its
// facts, pointing at the file's own settings (ranges) or at the defaults; and "Set in File", which
// writes a default into the file and changes nothing else.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import YAML from 'yaml';
import { Engine } from '../../server/src/engine/engine.ts';

const engine = new Engine();
const ROOT = path.resolve(import.meta.dirname, '../..');
const ISTIO = process.env.ISTIO_DATA ?? path.resolve(ROOT, '../shared/istio');
const SEED = fs.readFileSync(path.join(ROOT, 'examples/1.5/custom-operator.yml'), 'utf8');

function components(text: string, setting?: string) {
  const r = engine.components(engine.parse(text), setting ? { setting } : {});
  if (!r.ok) assert.fail(r.message);
  return r.components;
}
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

describe('components view data', () => {
  test('the seed (1.5): pilot and the ingress gateway with the file\'s HPA, resources, nodeSelector and tolerations, each at its line', () => {
    const cs = components(SEED);
    const pilot = cs.find((c) => c.id === 'pilot');
    assert.ok(pilot?.enabled);
    assert.equal(pilot.origin, 'this file');
    const fact = (label: string) => pilot.facts.find((f) => f.label === label);
    assert.equal(fact('HPA')?.value, '2–5 replicas');
    assert.equal(fact('HPA')?.range?.start.line, lineOf(SEED, 'hpaSpec:'));
    assert.equal(fact('nodeSelector')?.value, 'node-role.kubernetes.io/istio=true');
    assert.equal(fact('tolerations')?.value, 'dedicated:NoSchedule');
    assert.match(fact('resources')?.value ?? '', /requests cpu 500m, memory 2048Mi; limits cpu 2, memory 4Gi/);
    const gw = cs.find((c) => c.id === 'ingressGateways/istio-ingressgateway');
    assert.ok(gw?.enabled);
    assert.equal(gw.facts.find((f) => f.label === 'service')?.value, 'NodePort');
    assert.equal(gw.facts.find((f) => f.label === 'service')?.origin, 'this file', '1.5 replaces the list: the file\'s entry is the gateway');
    assert.equal(cs.find((c) => c.id === 'egressGateways/istio-egressgateway')?.enabled, false, 'the default profile leaves egress off');
  });

  test('1.24: the HPA and the Service type come from the charts, marked so, with no range', () => {
    const text = '# istio-version: 1.24\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: default\n';
    const chart = YAML.parse(fs.readFileSync(path.join(ISTIO, '1.24/charts/istio-control/istio-discovery/values.yaml'), 'utf8'))._internal_defaults_do_not_set;
    const pilot = components(text).find((c) => c.id === 'pilot');
    const hpa = pilot?.facts.find((f) => f.label === 'HPA');
    assert.equal(hpa?.value, `${chart.autoscaleMin}–${chart.autoscaleMax} replicas`);
    assert.equal(hpa?.origin, 'chart istio-discovery');
    assert.equal(hpa?.range, undefined);
    const ingress = components(text).find((c) => c.id === 'ingressGateways/istio-ingressgateway');
    assert.equal(ingress?.facts.find((f) => f.label === 'service')?.origin, 'chart istio-ingress');
  });

  test('1.20 merges gateways by name: a gateway the file adds points at the file\'s own list entry', () => {
    const text = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    ingressGateways:\n    - name: internal-gateway\n      enabled: true\n      k8s:\n        service:\n          type: ClusterIP\n';
    const cs = components(text);
    assert.ok(cs.some((c) => c.id === 'ingressGateways/istio-ingressgateway'), 'the profile\'s gateway stays (merged by name)');
    const internal = cs.find((c) => c.id === 'ingressGateways/internal-gateway');
    assert.deepEqual(internal?.path, ['spec', 'components', 'ingressGateways', 0]);
    const type = internal?.facts.find((f) => f.label === 'service');
    assert.equal(type?.value, 'ClusterIP');
    assert.equal(type?.range?.start.line, lineOf(text, 'type: ClusterIP'));
  });
});

describe('Set in File', () => {
  const text = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  # the team\'s registry\n  hub: my.registry/istio\n  components:\n    pilot:\n      enabled: true\n';
  const apply = (t: string, edit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }) => {
    const file = engine.parse(t);
    return t.slice(0, file.lines.offset(edit.range.start)) + edit.newText + t.slice(file.lines.offset(edit.range.end));
  };

  test('writes a default at its path, creating the maps on the way; every other line stays; the value is then the file\'s', () => {
    const r = engine.addSetting(engine.parse(text), ['spec', 'components', 'pilot', 'k8s', 'resources'], { requests: { cpu: '500m', memory: '2Gi' } });
    assert.ok(r.ok, !r.ok ? r.message : '');
    const after = apply(text, r.edit);
    assert.deepEqual(YAML.parse(after).spec.components.pilot.k8s.resources, { requests: { cpu: '500m', memory: '2Gi' } });
    const kept = after.split('\n');
    for (const line of text.split('\n')) assert.ok(kept.includes(line), `kept: ${line}`);
    assert.deepEqual(kept.slice(9, 14), ['      k8s:', '        resources:', '          requests:', '            cpu: 500m', '            memory: 2Gi'], 'under pilot, after its last entry');
    assert.equal(kept.length - text.split('\n').length, 5);
  });

  test('refuses a setting already there, one inside a list entry the file lacks, and says why', () => {
    const there = engine.addSetting(engine.parse(text), ['spec', 'hub'], 'x');
    assert.ok(!there.ok && /already set/.test(there.message));
    const list = engine.addSetting(engine.parse(text), ['spec', 'components', 'ingressGateways', 0, 'k8s', 'replicaCount'], 2);
    assert.ok(!list.ok && /list entry/.test(list.message));
  });

  test('a scalar at a new values path validates and is marked "this file" afterwards', () => {
    const r = engine.addSetting(engine.parse(text), ['spec', 'values', 'gateways', 'istio-ingressgateway', 'type'], 'LoadBalancer');
    assert.ok(r.ok);
    const after = apply(text, r.edit);
    assert.deepEqual(engine.validate(engine.parse(after)).filter((d) => d.severity === 1), []);
    const gw = components(after).find((c) => c.id === 'ingressGateways/istio-ingressgateway');
    assert.equal(gw?.facts.find((f) => f.label === 'service')?.origin, 'this file');
  });
});
