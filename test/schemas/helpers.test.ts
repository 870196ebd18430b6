// The helpers the schema tests rely on, checked on one real schema so a helper bug cannot make
// the other suites pass vacuously.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  availableMinors, deref, loadSchema, minimalIop, parseYaml, pointer, refTarget, resolvePath, schemaPointer, validate,
  validateAt, withValue,
} from './helpers.ts';

const [version] = availableMinors(['1.20']);

test('resolvePath follows $ref into definitions, keeping the property\'s own annotations', { skip: !version }, () => {
  const s = loadSchema(version);
  // Some meshConfig field with a description whose object shape is shared (e.g. localityLbSetting).
  const props = s.properties.spec.properties.meshConfig.properties as Record<string, any>;
  const [key, raw] = Object.entries(props).find(([, v]) => typeof v.$ref === 'string' && v.description && refTarget(s, v.$ref)?.properties) ?? [];
  assert.ok(key, 'expected a shared object definition under meshConfig');
  const node = resolvePath(s, ['spec', 'meshConfig', key])!;
  assert.equal(node.$ref, undefined);
  assert.ok(Object.keys(node.properties ?? {}).length > 0, 'the definition\'s properties are reached');
  assert.equal(node.description, raw.description, 'the property\'s own description wins');
  assert.deepEqual(deref(s, raw).properties, refTarget(s, raw.$ref)!.properties);
});

test('resolvePath follows x-istio-alias-of unless asked not to; [] and * reach items and map values', { skip: !version }, () => {
  const s = loadSchema(version);
  assert.equal(resolvePath(s, 'spec.meshConfig.access_log_file', { followAlias: false })!['x-istio-alias-of'], 'accessLogFile');
  assert.ok(resolvePath(s, 'spec.meshConfig.access_log_file')!.description, 'the aliased property has the description');
  assert.equal(resolvePath(s, 'spec.components.ingressGateways.[]')!['x-istio-type'], 'istio.operator.v1alpha1.GatewaySpec');
  assert.deepEqual(resolvePath(s, 'spec.components.pilot.k8s.resources.requests.*')!.type, ['string', 'null']);
  assert.equal(resolvePath(s, 'spec.components.nope'), undefined);
});

test('schemaPointer lands on the node resolvePath describes', { skip: !version }, () => {
  const s = loadSchema(version);
  for (const p of ['spec.components', 'spec.components.pilot.k8s.replicaCount', 'spec.values.gateways.istio-egressgateway.secretVolumes', 'spec.meshConfig.defaultConfig']) {
    const at = schemaPointer(s, p)!;
    assert.ok(at, p);
    assert.deepEqual(deref(s, refTarget(s, `#${at}`)!), resolvePath(s, p), p);
  }
});

test('validate and validateAt report errors where they are', { skip: !version }, () => {
  const doc = minimalIop({ components: { pilot: { enabled: true } } });
  assert.deepEqual(validate(version, doc), []);
  const bad = validate(version, withValue(doc, 'spec.components.pilot.bogus', 1));
  assert.deepEqual(bad.map((e) => [e.instancePath, e.keyword, e.params.additionalProperty]), [['/spec/components/pilot', 'additionalProperties', 'bogus']]);
  assert.deepEqual(validateAt(version, 'spec.components', { pilot: { enabled: true } }), []);
  assert.deepEqual(validateAt(version, 'spec.components', { bogus: {} }).map((e) => [e.instancePath, e.keyword]), [['', 'additionalProperties']]);
});

test('withValue copies; pointer escapes; YAML is read with 1.1 booleans', () => {
  const doc = { a: { b: 1 } };
  const out = withValue(doc, 'a.c.d', 2);
  assert.deepEqual(doc, { a: { b: 1 } });
  assert.deepEqual(out, { a: { b: 1, c: { d: 2 } } });
  assert.equal(pointer(['spec', 'a/b', 'c~d', '0']), '/spec/a~1b/c~0d/0');
  assert.deepEqual(parseYaml('a: yes\nb: off\nc: "yes"\n'), { a: true, b: false, c: 'yes' });
});
