// Validation through the engine: the message kinds, their codes, severities and ranges.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Engine } from '../../server/src/engine/engine.ts';

const engine = new Engine();
const ISTIO = process.env.ISTIO_DATA ?? path.resolve(import.meta.dirname, '../../../shared/istio');

function check(text: string, settings = {}): Diagnostic[] {
  return engine.validate(engine.parse(text), settings);
}

/** The text a diagnostic's range covers. */
function covered(text: string, d: Diagnostic): string {
  const lines = text.split('\n');
  assert.equal(d.range.start.line, d.range.end.line, 'single-line range');
  return lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
}

const iop = (version: string, body: string) => `# istio-version: ${version}
apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
${body}`;

function only(diags: Diagnostic[], code: string): Diagnostic {
  const hits = diags.filter((d) => d.code === code);
  assert.equal(hits.length, 1, `one ${code} in ${JSON.stringify(diags.map((d) => [d.code, d.message]))}`);
  return hits[0];
}

describe('unknown fields', () => {
  test('a typo gets the key range and a suggestion', () => {
    const text = iop('1.20', '  components:\n    ingresGateways:\n    - name: istio-ingressgateway\n');
    const d = only(check(text), 'unknown-field');
    assert.equal(covered(text, d), 'ingresGateways');
    assert.equal(d.severity, 1);
    assert.match(d.message as string, /Unknown field `ingresGateways` in `spec.components`; did you mean `ingressGateways`\?/);
    assert.deepEqual(d.data, { path: 'spec.components.ingresGateways', fix: { title: 'Change to `ingressGateways`', newText: 'ingressGateways' } });
  });

  for (const version of ['1.5', '1.10', '1.20', '1.30']) {
    test(`unknown key inside a gateway entry's k8s on ${version} is an error`, () => {
      const text = iop(version, '  components:\n    ingressGateways:\n    - name: gw\n      k8s:\n        replicas: 2\n');
      const d = only(check(text), 'unknown-field');
      assert.equal(covered(text, d), 'replicas');
      assert.match(d.message as string, /did you mean `replicaCount`\?/);
    });
  }

  test('unknown values key: an error on 1.24+ too (values are decoded strictly, validation_test.go@1.24.6:331-337)', () => {
    const d = only(check(iop('1.24', '  values:\n    global:\n      proxy:\n        foo: bar\n')), 'unknown-field');
    assert.equal(d.severity, 1);
  });

  test('unknown meshConfig key: error on 1.20, no-effect warning on 1.24+', () => {
    const body = '  meshConfig:\n    accessLogFle: /dev/stdout\n';
    const strict = only(check(iop('1.20', body)), 'unknown-field');
    assert.equal(strict.severity, 1);
    const lenient = only(check(iop('1.24', body)), 'unknown-field-ignored');
    assert.equal(lenient.severity, 2);
    assert.match(lenient.message as string, /did you mean `accessLogFile`\?.*ignores it silently, so this setting has no effect/);
  });

  test('a field from another release says when it existed', () => {
    const d = only(check(iop('1.9', '  values:\n    prometheus:\n      enabled: false\n')), 'field-not-in-version');
    assert.equal(d.message, '`values.prometheus` does not exist in Istio 1.9 (last in 1.7): use the samples/addons deployments instead.');
    const added = only(check(iop('1.10', '  components:\n    ztunnel:\n      enabled: true\n')), 'field-not-in-version');
    assert.match(added.message as string, /`components.ztunnel` does not exist in Istio 1.10 \(added in 1.18\)/);
  });

  test('values.prometheus is fine on 1.5', () => {
    assert.deepEqual(check(iop('1.5', '  values:\n    prometheus:\n      enabled: false\n')), []);
  });

  test('a moved values path names its replacement', () => {
    const d = only(check(iop('1.9', '  values:\n    global:\n      outboundTrafficPolicy:\n        mode: REGISTRY_ONLY\n')), 'field-not-in-version');
    assert.equal(d.message, '`values.global.outboundTrafficPolicy` does not exist in Istio 1.9 (last in 1.6): use `meshConfig.outboundTrafficPolicy` instead.');
    const moved = only(check(iop('1.7', '  values:\n    global:\n      proxy:\n        accessLogFile: /dev/stdout\n')), 'field-not-in-version');
    assert.match(moved.message as string, /use `meshConfig.accessLogFile` instead/);
  });
});

describe('types and values', () => {
  test('a quoted boolean names the fix and marks the value', () => {
    const text = iop('1.20', '  components:\n    pilot:\n      enabled: "yes"\n');
    const d = only(check(text), 'type');
    assert.equal(covered(text, d), '"yes"');
    assert.equal(d.message, 'Expected a boolean for `components.pilot.enabled`, got the string "yes". Remove the quotes to make it a boolean.');
  });

  test('unquoted yes/on/off are booleans, as Kubernetes reads YAML 1.1', () => {
    assert.deepEqual(check(iop('1.20', '  components:\n    pilot:\n      enabled: yes\n    cni:\n      enabled: off\n')), []);
  });

  test('numeric strings pass for protobuf-JSON integers; words do not', () => {
    assert.deepEqual(check(iop('1.12', '  components:\n    pilot:\n      k8s:\n        replicaCount: "3"\n')), []);
    const text = iop('1.20', '  components:\n    pilot:\n      k8s:\n        replicaCount: three\n');
    assert.equal(covered(text, only(check(text), 'type')), 'three');
  });

  test('1.24+ Kubernetes-typed integers must be numbers', () => {
    const d = only(check(iop('1.26', '  components:\n    pilot:\n      k8s:\n        hpaSpec:\n          maxReplicas: "5"\n')), 'type');
    assert.match(d.message as string, /Expected an integer for `components.pilot.k8s.hpaSpec.maxReplicas`, got the string "5". Remove the quotes/);
  });

  test('an invalid enum lists the allowed names and guesses', () => {
    const text = iop('1.20', '  meshConfig:\n    accessLogEncoding: JSONN\n');
    const d = only(check(text), 'enum');
    assert.equal(covered(text, d), 'JSONN');
    assert.match(d.message as string, /expected one of `TEXT`, `JSON` \(did you mean `JSON`\?\)/);
  });

  test('enum numbers are accepted where protobuf JSON accepts them', () => {
    assert.deepEqual(check(iop('1.20', '  meshConfig:\n    accessLogEncoding: 1\n')), []);
  });

  test('bad duration and bad quantity', () => {
    const text = iop('1.26', '  meshConfig:\n    connectTimeout: ten seconds\n  components:\n    pilot:\n      k8s:\n        resources:\n          requests:\n            cpu: lots\n');
    const diags = check(text);
    assert.equal(covered(text, only(diags, 'invalid-duration')), 'ten seconds');
    assert.equal(covered(text, only(diags, 'invalid-quantity')), 'lots');
  });

  test('a bare number is not a duration', () => {
    const d = only(check(iop('1.20', '  meshConfig:\n    connectTimeout: 10\n')), 'invalid-duration');
    assert.match(d.message as string, /Expected a duration with a unit, such as `10s`/);
  });

  test('Go-style durations Istio ships are accepted', () => {
    assert.deepEqual(check(iop('1.8', '  meshConfig:\n    connectTimeout: 10s\n    defaultConfig:\n      drainDuration: 45s\n')), []);
  });

  test('a map where a list belongs', () => {
    const d = only(check(iop('1.20', '  components:\n    ingressGateways:\n      name: gw\n')), 'type');
    assert.match(d.message as string, /Expected a list for `components.ingressGateways`, got a map/);
  });

  test('proto field names are accepted beside JSON names', () => {
    assert.deepEqual(check(iop('1.20', '  meshConfig:\n    access_log_file: /dev/stdout\n')), []);
  });

  test('two members of a oneof', () => {
    const text = iop('1.20', '  meshConfig:\n    defaultConfig:\n      tracing:\n        zipkin:\n          address: z:9411\n        datadog:\n          address: d:8126\n');
    const d = only(check(text), 'oneof');
    assert.equal(covered(text, d), 'datadog');
  });
});

describe('document level', () => {
  test('wrong apiVersion on an IstioOperator', () => {
    const text = 'apiVersion: install.istio.io/v1beta1\nkind: IstioOperator\nspec: {}\n';
    const d = only(check(text), 'api-version');
    assert.equal(covered(text, d), 'install.istio.io/v1beta1');
  });

  test('other YAML gets no schema diagnostics, only syntax errors', () => {
    assert.deepEqual(check('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nbogus: 1\n'), []);
    const syntax = check('kind: ConfigMap\ndata: [1, 2\n');
    assert.ok(syntax.length >= 1);
    assert.equal(syntax[0].code, 'yaml-syntax');
  });

  test('each --- document is checked on its own, with its own version', () => {
    const text = 'kind: ConfigMap\nbogus: 1\n---\n# istio-version: 1.5\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    prometheus:\n      enabled: false\n---\n# istio-version: 1.9\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    prometheus:\n      enabled: false\n';
    const d = only(check(text), 'field-not-in-version');
    assert.equal(d.range.start.line, 16);
  });

  test('duplicate keys are errors on the repeated key', () => {
    const text = iop('1.20', '  hub: a\n  hub: b\n');
    const d = only(check(text), 'duplicate-key');
    assert.equal(d.range.start.line, 5);
    assert.match(d.message as string, /Duplicate key `hub`/);
  });

  test('a syntax error elsewhere does not hide schema errors', () => {
    const text = iop('1.20', '  components:\n    pilot:\n      enabld: true\n  values: [\n');
    const diags = check(text);
    assert.ok(diags.some((d) => d.code === 'yaml-syntax'));
    assert.ok(diags.some((d) => d.code === 'unknown-field' && /enabld/.test(String(d.message))));
  });

  test('the setting chooses the version when the file does not', () => {
    const text = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    prometheus:\n      enabled: false\n';
    assert.deepEqual(check(text, { setting: '1.6' }), []);
    assert.equal(check(text, { setting: '1.12' })[0].code, 'field-not-in-version');
  });

  test('spec.tag picks the version; an unbundled one is said', () => {
    // 1.7 still has values.prometheus (istioctl warns); 1.8 would reject it.
    const text = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  tag: 1.7.8\n  values:\n    prometheus:\n      enabled: true\n';
    assert.deepEqual(check(text).map((d) => d.code), ['deprecated']);
    const future = check('# istio-version: 1.99\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec: {}\n');
    assert.equal(future[0].code, 'version-not-bundled');
  });

  test('deprecations warn with the replacement, but not for a restated default', () => {
    const d = only(check(iop('1.20', '  values:\n    global:\n      proxy:\n        holdApplicationUntilProxyStarts: true\n')), 'deprecated');
    assert.equal(d.severity, 2);
    assert.match(d.message as string, /use `meshConfig.defaultConfig.holdApplicationUntilProxyStarts` instead/);
    assert.deepEqual(d.tags, [2]);
  });

  test('removed addons are errors on 1.8+', () => {
    const d = only(check(iop('1.8', '  addonComponents:\n    grafana:\n      enabled: true\n')), 'removed');
    assert.equal(d.severity, 1);
  });
});

describe("Istio's own profiles", () => {
  const versions = JSON.parse(fs.readFileSync(path.join(ISTIO, 'versions.json'), 'utf8')) as Array<{ version: string; profiles: string[] }>;
  for (const v of versions) {
    test(`every ${v.version} profile has no errors`, () => {
      for (const p of v.profiles) {
        const text = `# istio-version: ${v.version}\n${fs.readFileSync(path.join(ISTIO, v.version, 'profiles', `${p}.yaml`), 'utf8')}`;
        const errors = check(text).filter((d) => d.severity === 1 || d.code !== 'deprecated');
        assert.deepEqual(errors.map((d) => `${p}: ${d.message}`), []);
      }
    });
  }
});

describe("istioctl's checks beyond the schema", () => {
  test('hub, tag and revision formats', () => {
    const text = iop('1.20', '  hub: Registry.Example.com/My_Istio/\n  tag: -bad\n  revision: 1.20.3\n');
    const codes = check(text).map((d) => [d.code, covered(text, d)]);
    assert.deepEqual(codes, [['invalid-hub', 'Registry.Example.com/My_Istio/'], ['invalid-tag', '-bad'], ['invalid-revision', '1.20.3']]);
  });

  test('a private registry hub and a release tag pass', () => {
    assert.deepEqual(check(iop('1.5', '  hub: registry.xxx.local\n  tag: 1.5.2\n')), []);
    assert.deepEqual(check(iop('1.20', '  hub: registry.example.com:5000/istio\n  tag: 1.20.8-distroless\n  revision: 1-20-8\n')), []);
  });

  test('revision is checked from 1.9 only', () => {
    assert.deepEqual(check(iop('1.8', '  revision: Canary_1\n')), []);
    assert.equal(check(iop('1.9', '  revision: Canary_1\n'))[0].code, 'invalid-revision');
  });

  test('gateway names and privileged ports', () => {
    const text = iop('1.20', '  components:\n    ingressGateways:\n    - name: Istio_Ingress\n      k8s:\n        service:\n          ports:\n          - name: http\n            port: 80\n            targetPort: 80\n          - name: https\n            port: 443\n            targetPort: 8443\n');
    const diags = check(text);
    assert.equal(covered(text, only(diags, 'invalid-gateway-name')), 'Istio_Ingress');
    const port = only(diags, 'privileged-port');
    assert.equal(covered(text, port), '80');
    assert.equal(port.range.start.line, 12);
    assert.match(port.message as string, /port http\/80 in gateway Istio_Ingress invalid: targetPort is set to 80, which requires root/);
  });

  test('runAsRoot allows privileged ports', () => {
    const text = iop('1.20', '  components:\n    ingressGateways:\n    - name: istio-ingressgateway\n      k8s:\n        service:\n          ports:\n          - name: http\n            port: 80\n            targetPort: 80\n  values:\n    gateways:\n      istio-ingressgateway:\n        runAsRoot: true\n');
    assert.deepEqual(check(text), []);
  });

  test('IP ranges: spaces are errors from 1.19', () => {
    const body = '  values:\n    global:\n      proxy:\n        includeIPRanges: "10.0.0.0/8, 172.16.0.0/12"\n';
    assert.deepEqual(check(iop('1.18', body)), []);
    assert.equal(check(iop('1.19', body))[0].code, 'invalid-ip-ranges');
  });

  test('replicaCount with autoscaling on by the profile warns on 1.14–1.23', () => {
    const body = '  components:\n    pilot:\n      k8s:\n        replicaCount: 2\n';
    assert.deepEqual(check(iop('1.13', body)), []);
    const d = only(check(iop('1.20', body)), 'replica-count-with-autoscale');
    assert.equal(d.severity, 2);
    assert.deepEqual(check(iop('1.20', `${body}  values:\n    pilot:\n      autoscaleEnabled: false\n`)), []);
    assert.deepEqual(check(iop('1.26', body)), []);
  });

  test('one IstioOperator per file from 1.12', () => {
    const one = iop('1.20', '  hub: a\n');
    const d = only(check(`${one}---\n${one}`), 'multiple-operators');
    assert.equal(d.severity, 1);
    assert.equal(d.range.start.line, 8);
  });
});

describe('anchors and merge keys', () => {
  test('a merged map is checked as if written in place', () => {
    const text = iop('1.20', '  components:\n    pilot:\n      k8s: &k8s\n        replicaCount: 2\n        nodeSelectr: {}\n    ingressGateways:\n    - name: gw\n      k8s:\n        <<: *k8s\n        hpaSpec:\n          maxReplicas: 3\n');
    const diags = check(text).filter((d) => d.code === 'unknown-field');
    assert.ok(diags.length >= 1);
    assert.ok(diags.every((d) => covered(text, d) === 'nodeSelectr'));
    assert.ok(!check(text).some((d) => /Symbol|<</.test(String(d.message))));
  });

  test('an alias bomb stops at the expansion limit with one warning', () => {
    const lines = ['apiVersion: install.istio.io/v1alpha1', 'kind: IstioOperator', 'spec:', '  unvalidatedValues:', '    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) lines.push(`    a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    lines.push('  components:', '    pilot:', '      k8s:', '        tolerations: *a9');
    const started = performance.now();
    const diags = check(`${lines.join('\n')}\n`);
    assert.ok(performance.now() - started < 5000, 'bounded');
    assert.ok(diags.length > 0 && diags.every((d) => d.code === 'type'), 'a list of lists is not a toleration list');
  });

  test('more alias expansions than the limit give one warning', () => {
    const refs = Array.from({ length: 1200 }, () => '    - *gw').join('\n');
    const text = iop('1.20', `  x: &gw {name: gw, enabled: true}\n  components:\n    ingressGateways:\n${refs}\n`);
    const diags = check(text);
    assert.equal(diags.filter((d) => d.code === 'alias-limit').length, 1);
  });
});

describe('Kubernetes types inside values (1.29+)', () => {
  test('a typo inside values.pilot.tolerations is an error from 1.22 (a k8s Toleration; before, a Struct), not before', () => {
    const body = '  values:\n    pilot:\n      tolerations:\n      - keyy: dedicated\n        operator: Exists\n';
    assert.deepEqual(check(iop('1.21', body)).filter((d) => d.severity === 1), []);
    for (const v of ['1.22', '1.28', '1.29']) {
      const d = only(check(iop(v, body)), 'unknown-field');
      assert.match(d.message as string, /Unknown field `keyy` in `spec.values.pilot.tolerations\[0\]`; did you mean `key`\?/, v);
    }
  });
});
