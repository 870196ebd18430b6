// What the schema of each era must reject (and where Ajv must point), and what it must accept.
// Starting from a small valid IstioOperator, each case changes one thing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import YAML from 'yaml';
import type { ErrorObject } from 'ajv';
import {
  availableMinors, formatErrors, loadSchema, minimalIop, minorNum, minors, parseYaml, pointer, resolvePath,
  validate, withValue, type Json,
} from './helpers.ts';

// One minor per era (1.5, 1.10, 1.20, 1.30) plus both sides of each boundary (1.7/1.8 addons removed,
// 1.17/1.18 ztunnel added, 1.23/1.24 spec moved to Go). SCHEMA_TESTS_ALL_MINORS=1 runs every minor
// (about 6 s more).
const VERSIONS = process.env.SCHEMA_TESTS_ALL_MINORS
  ? minors.map((m) => m.version)
  : availableMinors(['1.5', '1.6', '1.7', '1.8', '1.10', '1.17', '1.18', '1.20', '1.23', '1.24', '1.30']);

/** Valid in every release 1.5–1.30. */
const BASE = minimalIop({
  profile: 'default',
  hub: 'docker.io/istio',
  tag: '1.20.0',
  components: {
    pilot: { enabled: true, k8s: { replicaCount: 1, resources: { requests: { cpu: '500m', memory: '2048Mi' } } } },
    ingressGateways: [{ name: 'istio-ingressgateway', enabled: true }],
  },
  meshConfig: { accessLogFile: '/dev/stdout', defaultConfig: { concurrency: 2 } },
  values: { global: { istioNamespace: 'istio-system' } },
});

/**
 * 1.24+: istioctl decodes meshConfig leniently (protomarshal.ApplyYAML drops unknown fields) and
 * everything else strictly, values included (validation_test.go@1.24.6:331-337).
 */
const lenientFrom = 24;
const isLenientSection = (version: string, docPath: string) =>
  minorNum(version) >= lenientFrom && /^spec\.meshConfig(\.|$)/.test(docPath);
/** The 1.5–1.23 spec (and values/meshConfig in every release) is read with protobuf's JSON rules. */
const specIsProtoJson = (version: string) => minorNum(version) < lenientFrom;

/** Asserts the document is rejected, and that every error is at `at` with `keyword`. */
function assertRejected(version: string, doc: Json, at: string, keyword: string, check?: (e: ErrorObject) => void): void {
  const errors = validate(version, doc);
  assert.ok(errors.length > 0, `Istio ${version}: expected an error at ${at || '/'} (${keyword}), but the document validated`);
  for (const e of errors) {
    assert.ok(e.instancePath === at && e.keyword === keyword,
      `Istio ${version}: expected only "${keyword}" errors at ${at || '/'}, got:\n${formatErrors(errors)}`);
    check?.(e);
  }
}

function assertAccepted(version: string, doc: Json, what: string): void {
  const errors = validate(version, doc);
  assert.equal(errors.length, 0, `Istio ${version}: ${what} should validate:\n${formatErrors(errors)}`);
}

/** Objects checked for unknown keys: the object's document path, and the path of the unknown key to add. */
const UNKNOWN_KEY_LEVELS: Array<{ label: string; object: string; key: string[] }> = [
  { label: 'spec', object: 'spec', key: ['spec', 'bogusField'] },
  { label: 'spec.components', object: 'spec.components', key: ['spec', 'components', 'bogusComponent'] },
  { label: 'a gateway entry in components.ingressGateways', object: 'spec.components.ingressGateways.[]', key: ['spec', 'components', 'ingressGateways', '0', 'bogusField'] },
  { label: 'components.pilot.k8s', object: 'spec.components.pilot.k8s', key: ['spec', 'components', 'pilot', 'k8s', 'bogusField'] },
  { label: 'values', object: 'spec.values', key: ['spec', 'values', 'bogusField'] },
  { label: 'values.global', object: 'spec.values.global', key: ['spec', 'values', 'global', 'bogusField'] },
  { label: 'meshConfig', object: 'spec.meshConfig', key: ['spec', 'meshConfig', 'bogusField'] },
  { label: 'meshConfig.defaultConfig', object: 'spec.meshConfig.defaultConfig', key: ['spec', 'meshConfig', 'defaultConfig', 'bogusField'] },
];

for (const version of VERSIONS) {
  const n = minorNum(version);
  describe(`Istio ${version}`, () => {
    const schema = () => loadSchema(version);

    test('the base document validates', () => assertAccepted(version, BASE, 'the base document'));

    describe('unknown keys', () => {
      for (const level of UNKNOWN_KEY_LEVELS) {
        const lenient = isLenientSection(version, level.object);
        const name = lenient
          ? `an unknown key in ${level.label} is accepted (istioctl ${version} ignores it) and the object says so`
          : `an unknown key in ${level.label} is rejected`;
        test(name, () => {
          const node = resolvePath(schema(), level.object);
          assert.ok(node, `no schema at ${level.object}`);
          const doc = withValue(BASE, level.key, 'x');
          if (lenient) {
            assert.equal(node['x-istio-unknown-keys'], 'ignored', `${level.object} should carry x-istio-unknown-keys: ignored`);
            assert.notEqual(node.additionalProperties, false, `${level.object} is lenient but has additionalProperties: false`);
            assertAccepted(version, doc, `an unknown key in ${level.label}`);
          } else {
            assert.equal(node['x-istio-unknown-keys'], undefined, `${level.object} is strict in ${version} but marked lenient`);
            assertRejected(version, doc, pointer(level.key.slice(0, -1)), 'additionalProperties',
              (e) => assert.equal(e.params.additionalProperty, level.key[level.key.length - 1]));
          }
        });
      }
    });

    describe('wrong types', () => {
      test('components.pilot.k8s.replicaCount: "abc" is rejected', () => {
        const doc = withValue(BASE, 'spec.components.pilot.k8s.replicaCount', 'abc');
        // Protobuf JSON (1.5–1.23) takes an integer or a numeric string, so the string fails its
        // pattern; Go's encoding/json (1.24+) takes numbers only, so it fails on type.
        assertRejected(version, doc, '/spec/components/pilot/k8s/replicaCount', specIsProtoJson(version) ? 'pattern' : 'type');
      });
      test('components.pilot.k8s.replicaCount: -1 is rejected (uint32)', () => {
        const doc = withValue(BASE, 'spec.components.pilot.k8s.replicaCount', -1);
        assertRejected(version, doc, '/spec/components/pilot/k8s/replicaCount', 'minimum');
      });
      test('hub: [1] is rejected', () => {
        assertRejected(version, withValue(BASE, 'spec.hub', [1]), '/spec/hub', 'type');
      });
      test('components.pilot.enabled: "maybe" is rejected', () => {
        assertRejected(version, withValue(BASE, 'spec.components.pilot.enabled', 'maybe'), '/spec/components/pilot/enabled', 'type');
      });
      test('a gateway list given as a map is rejected', () => {
        const doc = withValue(BASE, 'spec.components.ingressGateways', { name: 'istio-ingressgateway' });
        assertRejected(version, doc, '/spec/components/ingressGateways', 'type');
      });
    });

    describe('enums', () => {
      test('meshConfig.outboundTrafficPolicy.mode: BOGUS is rejected', () => {
        const doc = withValue(BASE, 'spec.meshConfig.outboundTrafficPolicy', { mode: 'BOGUS' });
        assertRejected(version, doc, '/spec/meshConfig/outboundTrafficPolicy/mode', 'enum');
      });
      test('meshConfig.accessLogEncoding: XML is rejected', () => {
        assertRejected(version, withValue(BASE, 'spec.meshConfig.accessLogEncoding', 'XML'), '/spec/meshConfig/accessLogEncoding', 'enum');
      });
      test('enum names and (protobuf JSON) enum numbers are accepted', () => {
        assertAccepted(version, withValue(BASE, 'spec.meshConfig.outboundTrafficPolicy', { mode: 'REGISTRY_ONLY' }), 'mode: REGISTRY_ONLY');
        assertAccepted(version, withValue(BASE, 'spec.meshConfig.accessLogEncoding', 1), 'accessLogEncoding: 1 (JSON)');
      });
    });

    describe('quantities and durations', () => {
      const cpu = 'spec.components.pilot.k8s.resources.requests.cpu';
      if (n <= 23) {
        // 1.5–1.23: k8s.resources.requests is map<string,string> in the operator proto (ISTIOCTL-RULES:
        // "quantities unchecked"), so istioctl accepts any string there and the schema must too; a
        // bare YAML number is not a string, and protobuf JSON rejects it.
        test('resources.requests.cpu: "lots" is accepted (a plain string map in this release)', () => {
          const node = resolvePath(schema(), cpu);
          assert.deepEqual(node?.type, ['string', 'null']);
          assert.equal(node?.pattern, undefined);
          assertAccepted(version, withValue(BASE, cpu, 'lots'), 'cpu: "lots"');
        });
        test('resources.requests.cpu: 1 (a number) is rejected (map<string,string>)', () => {
          assertRejected(version, withValue(BASE, cpu, 1), `/${cpu.replace(/\./g, '/')}`, 'type');
        });
      } else {
        // 1.24+: real Kubernetes ResourceRequirements, whose values are resource.Quantity.
        test('resources.requests.cpu: "lots" is rejected (not a Kubernetes quantity)', () => {
          assert.equal(resolvePath(schema(), cpu)?.['x-istio-type'], 'Quantity');
          assertRejected(version, withValue(BASE, cpu, 'lots'), `/${cpu.replace(/\./g, '/')}`, 'pattern');
        });
        test('resources.requests.cpu: 100m, 1.5, 2Gi, 1e3 and the number 2 are accepted', () => {
          for (const v of ['100m', '1.5', '2Gi', '1e3', 2]) assertAccepted(version, withValue(BASE, cpu, v), `cpu: ${JSON.stringify(v)}`);
        });
      }
      test('meshConfig.connectTimeout: "ten seconds" is rejected', () => {
        assertRejected(version, withValue(BASE, 'spec.meshConfig.connectTimeout', 'ten seconds'), '/spec/meshConfig/connectTimeout', 'pattern');
      });
      test('meshConfig.connectTimeout: 10 (no unit) is rejected', () => {
        assertRejected(version, withValue(BASE, 'spec.meshConfig.connectTimeout', 10), '/spec/meshConfig/connectTimeout', 'type');
      });
      test('Go-style durations (10s, 0.5s, 100ms, 30m, 1h, 1h30m) are accepted', () => {
        for (const d of ['10s', '0.5s', '100ms', '30m', '1h', '1h30m']) {
          assertAccepted(version, withValue(BASE, 'spec.meshConfig.connectTimeout', d), `connectTimeout: ${d}`);
        }
      });
    });

    describe('fields that exist only in some releases', () => {
      const prometheus = withValue(BASE, 'spec.values.prometheus', { enabled: true });
      if (n <= 7) {
        test('values.prometheus is accepted (1.5–1.7)', () => {
          assert.ok(resolvePath(schema(), 'spec.values.prometheus')?.properties, 'values.prometheus should be declared');
          assertAccepted(version, prometheus, 'values.prometheus');
        });
      } else {
        // 1.24+ refuse it too: values are decoded strictly (validation_test.go@1.24.6:331-337).
        test('values.prometheus is rejected (removed in 1.8)', () => {
          const values = resolvePath(schema(), 'spec.values')!;
          assert.equal(values.properties.prometheus, undefined);
          assertRejected(version, prometheus, '/spec/values', 'additionalProperties',
            (e) => assert.equal(e.params.additionalProperty, 'prometheus'));
          assert.equal(values['x-istio-other-versions']?.prometheus, '1.5-1.7');
        });
      }

      const ztunnel = withValue(BASE, 'spec.components.ztunnel', { enabled: false });
      if (n < 18) {
        test('components.ztunnel is rejected (added in 1.18)', () => {
          assertRejected(version, ztunnel, '/spec/components', 'additionalProperties',
            (e) => assert.equal(e.params.additionalProperty, 'ztunnel'));
        });
      } else {
        test('components.ztunnel is accepted (1.18+)', () => assertAccepted(version, ztunnel, 'components.ztunnel'));
      }
    });

    const oneofs = resolvePath(schema(), 'spec.meshConfig.defaultConfig')?.['x-istio-oneof'] as string[][] | undefined;
    if (oneofs?.some((g) => g.includes('serviceCluster') && g.includes('tracingServiceName'))) {
      test('two members of a oneof are rejected (meshConfig.defaultConfig serviceCluster / tracingServiceName)', () => {
        const doc = withValue(BASE, 'spec.meshConfig.defaultConfig', { serviceCluster: 'a', tracingServiceName: 'APP_LABEL_AND_NAMESPACE' });
        // Draft-07 `dependencies`: each member forbids the others with a `false` schema, so both are flagged.
        const errors = validate(version, doc);
        assert.deepEqual(errors.map((e) => `${e.instancePath} ${e.keyword}`).sort(), [
          '/spec/meshConfig/defaultConfig/serviceCluster false schema',
          '/spec/meshConfig/defaultConfig/tracingServiceName false schema',
        ], formatErrors(errors));
        assertAccepted(version, withValue(BASE, 'spec.meshConfig.defaultConfig', { serviceCluster: 'a' }), 'one member of the oneof');
      });
    }

    describe('accepted forms', () => {
      test('unquoted yes/on (YAML 1.1 booleans) are booleans and pass for boolean fields', () => {
        const withBooleans = [
          'apiVersion: install.istio.io/v1alpha1',
          'kind: IstioOperator',
          'spec:',
          '  components:',
          '    pilot:',
          '      enabled: yes',
          '  meshConfig:',
          '    enableTracing: on',
          '  values:',
          '    pilot:',
          '      enabled: Yes',
          '',
        ].join('\n');
        const doc = parseYaml(withBooleans);
        assert.equal(doc.spec.components.pilot.enabled, true);
        assert.equal(doc.spec.meshConfig.enableTracing, true);
        assert.equal(doc.spec.values.pilot.enabled, true);
        assertAccepted(version, doc, 'yes/on booleans');
        // Read with YAML 1.2 rules they would be strings, which the schema rejects.
        const as12 = YAML.parse(withBooleans);
        assert.equal(as12.spec.components.pilot.enabled, 'yes');
        assert.ok(validate(version, as12).some((e) => e.instancePath === '/spec/components/pilot/enabled' && e.keyword === 'type'));
      });

      test('numeric strings pass for integer fields in protobuf-JSON sections', () => {
        assertAccepted(version, withValue(BASE, 'spec.meshConfig.proxyListenPort', '15001'), 'meshConfig.proxyListenPort: "15001"');
        assertAccepted(version, withValue(BASE, 'spec.meshConfig.defaultConfig.concurrency', '4'), 'meshConfig.defaultConfig.concurrency: "4"');
        assertAccepted(version, withValue(BASE, 'spec.values.pilot.autoscaleMin', '2'), 'values.pilot.autoscaleMin: "2"');
        assertRejected(version, withValue(BASE, 'spec.meshConfig.proxyListenPort', '15001x'), '/spec/meshConfig/proxyListenPort', 'pattern');
        const replicas = withValue(BASE, 'spec.components.pilot.k8s.replicaCount', '2');
        if (specIsProtoJson(version)) assertAccepted(version, replicas, 'components.pilot.k8s.replicaCount: "2" (protobuf JSON spec)');
        // 1.24+: the spec is Go-decoded, numbers only.
        else assertRejected(version, replicas, '/spec/components/pilot/k8s/replicaCount', 'type');
      });

      test('the proto field name alias meshConfig.access_log_file passes', () => {
        const raw = resolvePath(schema(), 'spec.meshConfig.access_log_file', { followAlias: false });
        assert.equal(raw?.['x-istio-alias-of'], 'accessLogFile');
        assert.equal(raw?.description, undefined, 'an alias carries no description');
        const doc = withValue(BASE, 'spec.meshConfig', { access_log_file: '/dev/stdout', default_config: { concurrency: 2 } });
        assertAccepted(version, doc, 'meshConfig.access_log_file / default_config');
        assertRejected(version, withValue(BASE, 'spec.meshConfig.access_log_file', 5), '/spec/meshConfig/access_log_file', 'type');
      });

      test('null is accepted for any value ("unset")', () => {
        for (const p of ['spec.hub', 'spec.components.pilot.k8s', 'spec.meshConfig.defaultConfig', 'spec.values.global', 'spec.meshConfig.connectTimeout']) {
          assertAccepted(version, withValue(BASE, p, null), `${p}: null`);
        }
      });
    });

    if (n >= 29) {
      // ISTIOCTL-RULES.md: 1.29–1.30 check some Kubernetes types inside values strictly
      // (pilot.affinity, pilot.tolerations, …: "invalid schema for <hint>: <err>"), although
      // unknown values keys are otherwise ignored; the proto types them as Struct.
      test('values.pilot.affinity / tolerations with an unknown key are rejected (strict k8s types in values)',
        () => {
          assertRejected(version, withValue(BASE, 'spec.values.pilot.affinity', { nodeAffinityy: {} }), '/spec/values/pilot/affinity', 'additionalProperties');
          assertRejected(version, withValue(BASE, 'spec.values.pilot.tolerations', [{ keyy: 'a' }]), '/spec/values/pilot/tolerations/0', 'additionalProperties');
        });
    }

    test('apiVersion and kind are checked', () => {
      assertRejected(version, { ...BASE, kind: 'Deployment' }, '/kind', 'enum');
      assertRejected(version, { ...BASE, apiVersion: 'v1' }, '/apiVersion', 'enum');
    });
  });
}
