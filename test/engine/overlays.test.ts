// k8s.overlays checked offline (issue "The rest of the operator's day", §2): targets against what
// each component renders per release, patch paths with istioctl's grammar, values against the
// Kubernetes fields, completion; and the committed tables against their importers. Expectations
// come from Istio's own files where there is one (cited in the test names).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Engine } from '../../server/src/engine/engine.ts';
import { goClean, indexOf, keyValueOf, parsePatchPath, valueOf } from '../../server/src/engine/overlays/patchPath.ts';
import { releaseComponents } from '../../server/src/engine/overlays/renderedResources.ts';
import { completeAt, labels } from './helpers.ts';

const engine = new Engine();
const repoRoot = path.resolve(import.meta.dirname, '../..');
const iop = (body: string) => `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n${body}`;
const overlayDiagnostics = (text: string, version: string) => engine.validate(engine.parse(text), { setting: version }).filter((d) => String(d.code).startsWith('overlay-'));
/** A diagnostic's text (LSP 3.18 allows markup there; the engine writes plain strings). */
const msg = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const show = (ds: Diagnostic[]) => JSON.stringify(ds.map((d) => [d.code, msg(d)]), null, 1);
const covered = (text: string, d: Diagnostic) => text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character);

function only(ds: Diagnostic[], code: string): Diagnostic {
  assert.equal(ds.length, 1, `one diagnostic expected: ${show(ds)}`);
  assert.equal(ds[0].code, code, show(ds));
  return ds[0];
}

/** One overlay on a component (pilot unless said otherwise). */
function overlay(kind: string, name: string, patches: string, opts: { revision?: string; component?: string; enabled?: boolean } = {}): string {
  const head = opts.revision ? `  revision: ${opts.revision}\n` : '';
  const enabled = opts.enabled === undefined ? '' : `      enabled: ${opts.enabled}\n`;
  return iop(`${head}  components:\n    ${opts.component ?? 'pilot'}:\n${enabled}      k8s:\n        overlays:\n          - kind: ${kind}\n            name: ${name}\n            patches:\n${patches}`);
}
const patch = (p: string, value?: string) => `              - path: ${p}\n${value === undefined ? '' : `                value: ${value}\n`}`;

// operator/cmd/mesh/testdata/manifest-generate/input/pilot_override_kubernetes.yaml@1.20.8 (pilot part).
const ISTIO_PILOT_OVERRIDES = iop(`  profile: empty
  components:
    pilot:
      enabled: true
      namespace: istio-control
      k8s:
        overlays:
          - kind: Deployment
            name: istiod
            patches:
              - path: spec.template.spec.containers.[name:discovery].args.[30m]
                value: "60m"
              - path: spec.template.spec.containers.[name:discovery].ports.[containerPort:8080].containerPort
                value: 1234
              - path: spec.template.spec.containers.[name:discovery].env.[name:POD_NAMESPACE].valueFrom
                value: |
                  fieldRef:
                    apiVersion: v2
                    fieldPath: metadata.myPath
              - path: spec.template.spec.containers.[name:discovery].env.[name:REVISION]
              - path: spec.template.spec.containers.[name:discovery].securityContext
          - kind: Service
            name: istiod
            patches:
              - path: spec.ports.[name:https-dns].port
                value: 11111
          - kind: MutatingWebhookConfiguration
            name: istio-sidecar-injector-istio-control
            patches:
              - path: webhooks.[name:namespace\\.sidecar-injector\\.istio\\.io].clientConfig.service.name
                value: foo
`);

describe('overlay targets', () => {
  for (const v of ['1.20', '1.24']) {
    test(`Istio's own pilot overlays (pilot_override_kubernetes.yaml@1.20.8: Deployment istiod, Service istiod, the injector webhook in istio-control) are clean at ${v}`, () => {
      assert.deepEqual(overlayDiagnostics(ISTIO_PILOT_OVERRIDES, v), []);
    });
  }

  test('the objects pilot_default.golden.yaml@1.20.8 shows are overlay targets of pilot at 1.20 (Deployment, Service, HPA, PDB istiod; ConfigMap istio; webhook istio-sidecar-injector)', () => {
    for (const [kind, name] of [['Deployment', 'istiod'], ['Service', 'istiod'], ['HorizontalPodAutoscaler', 'istiod'], ['PodDisruptionBudget', 'istiod'], ['ConfigMap', 'istio'], ['MutatingWebhookConfiguration', 'istio-sidecar-injector']]) {
      assert.deepEqual(overlayDiagnostics(overlay(kind, name, patch('metadata.labels.x', 'v')), '1.20'), [], `${kind} ${name}`);
    }
  });

  for (const v of ['1.20', '1.24']) {
    test(`with spec.revision canary the Deployment is istiod-canary at ${v} (istiod{{- if not (eq .Values.revision "") }}-… in deployment.yaml), and istiod matches nothing`, () => {
      assert.deepEqual(overlayDiagnostics(overlay('Deployment', 'istiod-canary', patch('spec.replicas', '2'), { revision: 'canary' }), v), []);
      const d = only(overlayDiagnostics(overlay('Deployment', 'istiod', patch('spec.replicas', '2'), { revision: 'canary' }), v), 'overlay-target');
      assert.match(msg(d), /`istiod-canary`/);
    });
  }

  test('a misspelt name: istioctl 1.20 fails ("does not match any object in output manifest", patch.go@1.20.8:158-168), naming the real Deployment', () => {
    const text = overlay('Deployment', 'istiod-typo', patch('spec.replicas', '2'));
    const d = only(overlayDiagnostics(text, '1.20'), 'overlay-target');
    assert.equal(d.severity, 1);
    assert.match(msg(d), /overlay for Deployment:istiod-typo does not match any object in output manifest/);
    assert.match(msg(d), /Its Deployment is `istiod`/);
    assert.equal(covered(text, d), 'istiod-typo');
  });

  test('the same misspelling at 1.24 is a warning: postProcess skips overlays that match nothing (postprocess.go@1.24.6:166-183)', () => {
    const d = only(overlayDiagnostics(overlay('Deployment', 'istiod-typo', patch('spec.replicas', '2')), '1.24'), 'overlay-target');
    assert.equal(d.severity, 2);
    assert.match(msg(d), /does nothing/);
    assert.match(msg(d), /Its Deployment is `istiod`/);
    assert.match(msg(only(overlayDiagnostics(overlay('Deployment', 'istiodd', patch('spec.replicas', '2')), '1.24'), 'overlay-target')), /Did you mean `istiod`\?/);
  });

  test('a kind in the wrong case is named with its exact spelling; a resource of another component names that component', () => {
    assert.match(msg(only(overlayDiagnostics(overlay('deployment', 'istiod', patch('spec.replicas', '2')), '1.24'), 'overlay-target')), /Kinds are matched exactly: write `Deployment`/);
    const text = iop(`  components:\n    ingressGateways:\n      - name: istio-ingressgateway\n        k8s:\n          overlays:\n            - kind: Deployment\n              name: istiod\n              patches: []\n`);
    assert.match(msg(only(overlayDiagnostics(text, '1.22'), 'overlay-target')), /rendered by components\.pilot/);
  });

  test('a gateway overlay by the gateway\'s name (gateways.yaml@1.20.8: Deployment ilb-gateway, env PILOT_CERT_PROVIDER of istio-proxy) is clean; the default name is not that gateway\'s', () => {
    const gw = (name: string) => iop(`  profile: empty
  components:
    ingressGateways:
      - namespace: user-ingressgateway-ns
        name: ilb-gateway
        enabled: true
        k8s:
          overlays:
            - kind: Deployment
              name: ${name}
              patches:
                - path: spec.template.spec.containers.[name:istio-proxy].env.[name:PILOT_CERT_PROVIDER].value
                  value: foobar
`);
    for (const v of ['1.20', '1.24', '1.30']) assert.deepEqual(overlayDiagnostics(gw('ilb-gateway'), v), [], v);
    assert.match(msg(only(overlayDiagnostics(gw('istio-ingressgateway'), '1.20'), 'overlay-target')), /Its Deployment is `ilb-gateway`/);
  });

  test('cni is the DaemonSet istio-cni-node (istio-cni.golden.yaml@1.30.3), ztunnel the DaemonSet ztunnel (ztunnel.golden.yaml@1.24.6)', () => {
    assert.deepEqual(overlayDiagnostics(overlay('DaemonSet', 'istio-cni-node', patch('spec.template.spec.priorityClassName', 'x'), { component: 'cni' }), '1.30'), []);
    assert.deepEqual(overlayDiagnostics(overlay('DaemonSet', 'ztunnel', patch('spec.template.spec.priorityClassName', 'x'), { component: 'ztunnel' }), '1.24'), []);
    assert.equal(overlayDiagnostics(overlay('Deployment', 'ztunnel', patch('spec.replicas', '1'), { component: 'ztunnel' }), '1.24').length, 1);
  });

  test('1.25 names ztunnel\'s resources `{{ .Values.resourceName | default .Release.Name }}`: the default profile sets resourceName ztunnel (manifests/profiles/default.yaml@1.25.5:34)', () => {
    assert.deepEqual(overlayDiagnostics(overlay('DaemonSet', 'ztunnel', patch('spec.template.spec.priorityClassName', 'x'), { component: 'ztunnel' }), '1.25'), []);
    const own = iop(`  values:\n    ztunnel:\n      resourceName: zt\n  components:\n    ztunnel:\n      k8s:\n        overlays:\n          - kind: DaemonSet\n            name: ztunnel\n            patches: []\n`);
    assert.match(msg(only(overlayDiagnostics(own, '1.25'), 'overlay-target')), /Its DaemonSet is `zt`/);
  });

  test('1.5 matches by kind, the component namespace and name: a webhook configuration (no namespace) never matches; ClusterRole does (objects.go@1.5.10:76-83)', () => {
    const webhook = overlay('MutatingWebhookConfiguration', 'istio-sidecar-injector', patch('metadata.labels.x', 'y'), { component: 'sidecarInjector', enabled: true });
    const d = only(overlayDiagnostics(webhook, '1.5'), 'overlay-target');
    assert.equal(d.severity, 1);
    assert.match(msg(d), /without a namespace/);
    assert.deepEqual(overlayDiagnostics(overlay('ClusterRole', 'istio-sidecar-injector-istio-system', patch('metadata.labels.x', 'y'), { component: 'sidecarInjector', enabled: true }), '1.5'), []);
    assert.deepEqual(overlayDiagnostics(overlay('MutatingWebhookConfiguration', 'istio-sidecar-injector', patch('metadata.labels.x', 'y')), '1.6'), []);
  });

  test('two overlays of one object: istioctl ≤1.23 keeps only the last (patch.go@1.20.8:145-150); 1.24 applies both', () => {
    const text = iop(`  components:\n    pilot:\n      k8s:\n        overlays:\n          - kind: Deployment\n            name: istiod\n            patches:\n${patch('spec.replicas', '2')}          - kind: Deployment\n            name: istiod\n            patches:\n${patch('spec.minReadySeconds', '5')}`);
    const d = only(overlayDiagnostics(text, '1.20'), 'overlay-target');
    assert.match(msg(d), /only the last overlay of Deployment istiod \(overlays\[1\]\)/);
    assert.equal(d.range.start.line, 7);
    assert.deepEqual(overlayDiagnostics(text, '1.24'), []);
  });

  test('addon components are rendered up to 1.8: Deployment grafana in 1.6 (all_on golden), and never from 1.9', () => {
    const text = iop(`  addonComponents:\n    grafana:\n      enabled: true\n      k8s:\n        overlays:\n          - kind: Deployment\n            name: grafana\n            patches:\n${patch('spec.replicas', '2')}`);
    assert.deepEqual(overlayDiagnostics(text, '1.6'), []);
    assert.match(msg(only(overlayDiagnostics(text, '1.9'), 'overlay-target')), /never applied.*addon components only up to 1\.8/);
  });

  test('a component written `enabled: false` renders nothing, so istioctl checks none of its overlays', () => {
    const text = overlay('DaemonSet', 'typo', '', { component: 'cni', enabled: false });
    assert.deepEqual(overlayDiagnostics(text, '1.20'), []);
    assert.match(msg(only(overlayDiagnostics(overlay('DaemonSet', 'typo', '', { component: 'cni', enabled: true }), '1.20'), 'overlay-target')), /does not match any object/);
  });

  test('not enabled by the profile: cni up to 1.23 needs `enabled: true` (IsComponentEnabledInSpec, translate_common.go@1.20.8:31-48); from 1.24 a component the file writes is on (component.go@1.24.6:80-110)', () => {
    const text = overlay('DaemonSet', 'istio-cni-node', patch('spec.template.spec.priorityClassName', 'x'), { component: 'cni' });
    assert.match(msg(only(overlayDiagnostics(text, '1.20'), 'overlay-target')), /never applied: istioctl 1\.20 does not render cni, as the `default` profile disables it/);
    assert.deepEqual(overlayDiagnostics(text, '1.24'), []);
  });

  test('a gateway without `enabled: true` is not rendered up to 1.23 (Enabled.GetValue, component.go@1.20.8:108-114), unless the profile\'s gateway of that name is enabled', () => {
    const gw = (name: string) => iop(`  components:\n    ingressGateways:\n      - name: ${name}\n        k8s:\n          overlays:\n            - kind: Deployment\n              name: ${name}\n              patches: []\n`);
    assert.match(msg(only(overlayDiagnostics(gw('edge'), '1.20'), 'overlay-target')), /only with `enabled: true`/);
    assert.deepEqual(overlayDiagnostics(gw('istio-ingressgateway'), '1.20'), []);
    assert.deepEqual(overlayDiagnostics(gw('edge'), '1.24'), []);
  });
});

describe('overlay patch paths', () => {
  test('istioctl\'s grammar (util/path.go@1.20.8 PathFromString): escaped dots, node[expr], Clean, leading/trailing dots', () => {
    assert.deepEqual(parsePatchPath('a.b.[name:n1].value').map((e) => e.text), ['a', 'b', '[name:n1]', 'value']);
    assert.deepEqual(parsePatchPath('webhooks.[name:namespace\\.sidecar-injector\\.istio\\.io].clientConfig').map((e) => e.text), ['webhooks', '[name:namespace.sidecar-injector.istio.io]', 'clientConfig']);
    assert.deepEqual(parsePatchPath('.spec.containers[name:x].image.').map((e) => e.text), ['spec', 'containers', '[name:x]', 'image']);
    assert.deepEqual(parsePatchPath('metadata.annotations.prometheus\\.io/scrape').map((e) => e.text), ['metadata', 'annotations', 'prometheus.io/scrape']);
    assert.equal(goClean('a//b/./c/'), 'a/b/c');
    assert.equal(indexOf('[-1]'), -1);
    assert.equal(indexOf('[-2]'), undefined);
    assert.equal(indexOf('[70000]', 65535), undefined);
    assert.deepEqual(keyValueOf('[name:discovery]'), { key: 'name', value: 'discovery' });
    assert.equal(keyValueOf('[app.kubernetes.io/name:x]'), undefined);
    assert.equal(valueOf('[:30m]'), '30m');
  });

  test('a list of objects selected without key:value: istioctl fails ("[discovery] is not a valid key:value path element")', () => {
    const text = overlay('Deployment', 'istiod', patch('spec.template.spec.containers.[discovery].image', 'x'));
    for (const v of ['1.5', '1.20', '1.24']) {
      const d = only(overlayDiagnostics(text, v), 'overlay-path');
      assert.equal(d.severity, 1);
      assert.match(msg(d), /"\[discovery\] is not a valid key:value path element"/);
      assert.equal(covered(text, d), '[discovery]');
    }
  });

  test('an unescaped dot inside a selector splits it: `[name:foo.bar]` is two elements, and the list selector is malformed', () => {
    const d = only(overlayDiagnostics(overlay('Deployment', 'istiod', patch('spec.template.spec.containers.[name:discovery].env.[name:A.B].value', 'x')), '1.20'), 'overlay-path');
    assert.match(msg(d), /\[name:A is not a valid key:value path element.*escape dots/);
  });

  test('a container the Deployment does not have: istioctl fails with "element … not found" (the chart\'s containers: discovery)', () => {
    const d = only(overlayDiagnostics(overlay('Deployment', 'istiod', patch('spec.template.spec.containers.[name:pilot].image', 'x')), '1.24'), 'overlay-path');
    assert.equal(d.severity, 1);
    assert.match(msg(d), /element \[name:pilot\] not found.*`discovery`/);
  });

  test('[-1] appends from 1.7 (tree.go@1.9.9:185-190); 1.5 and 1.6 index the list at -1 and crash', () => {
    const text = overlay('Deployment', 'istiod', patch('spec.template.spec.containers.[name:discovery].args.[-1]', '--log_output_level=default:debug'));
    assert.deepEqual(overlayDiagnostics(text, '1.20'), []);
    assert.match(msg(only(overlayDiagnostics(text, '1.6'), 'overlay-path')), /crashes on `\[-1\]`/);
  });

  test('an empty path: skipped with a log line up to 1.23 (patch.go@1.20.8:188-191); from 1.24 it is the root, and without a value "cannot delete root element"', () => {
    const text = overlay('Deployment', 'istiod', `              - path: ""\n`);
    assert.equal(only(overlayDiagnostics(text, '1.20'), 'overlay-path').severity, 2);
    const d = only(overlayDiagnostics(text, '1.24'), 'overlay-path');
    assert.equal(d.severity, 1);
    assert.match(msg(d), /cannot delete root element/);
  });

  test('a `[…]` selector on an object is a key lookup: istioctl writes a key named `[0]`', () => {
    const d = only(overlayDiagnostics(overlay('Deployment', 'istiod', patch('spec.template.spec.[0]', 'x')), '1.24'), 'overlay-path');
    assert.match(msg(d), /not a list: istioctl looks up \(and creates\) a key named `\[0\]`/);
  });

  test('a Go regular expression that does not compile matches nothing (tree.go@1.20.8:510-518)', () => {
    const d = only(overlayDiagnostics(overlay('Deployment', 'istiod', patch('spec.template.spec.containers.[name:discovery].args.[(?=x)]', 'y')), '1.20'), 'overlay-path');
    assert.match(msg(d), /cannot compile/);
  });

  test('kinds without a field tree (a webhook configuration) get only the checks that need none', () => {
    assert.deepEqual(overlayDiagnostics(overlay('MutatingWebhookConfiguration', 'istio-sidecar-injector', patch('webhooks.[name:x].anything.atAll', '1')), '1.24'), []);
  });
});

describe('overlay fields and values', () => {
  test('an unknown field in a Deployment path at 1.24 (Kubernetes 1.31, the vendored k8s.io/api v0.31.1) is a warning with the field meant', () => {
    const text = overlay('Deployment', 'istiod', patch('spec.template.spec.nodeSelectr', '{disk: ssd}'));
    const d = only(overlayDiagnostics(text, '1.24'), 'overlay-field');
    assert.equal(d.severity, 2);
    assert.match(msg(d), /PodSpec has no field `nodeSelectr` in Kubernetes 1\.31.*Did you mean `nodeSelector`\?/);
    assert.equal(covered(text, d), 'nodeSelectr');
    assert.deepEqual(overlayDiagnostics(text.replace('nodeSelectr', 'nodeSelector'), '1.24'), []);
  });

  test('each Istio minor from 1.24 checks with the Kubernetes release it vendors (istio-vendored.json: 1.29 → 1.35)', () => {
    assert.match(msg(only(overlayDiagnostics(overlay('Deployment', 'istiod', patch('spec.template.spec.nodeSelectr', '{}')), '1.29'), 'overlay-field')), /Kubernetes 1\.35/);
  });

  test('going below a scalar: `spec.replicas` is an integer, the path cannot go on', () => {
    assert.match(msg(only(overlayDiagnostics(overlay('Deployment', 'istiod', patch('spec.replicas.count', '2')), '1.24'), 'overlay-field')), /is an integer: the path cannot go below it/);
  });

  test('a value of the wrong shape: replicas as a string, tolerations as a map, an unknown field inside the value', () => {
    const replicas = only(overlayDiagnostics(overlay('Deployment', 'istiod', patch('spec.replicas', '"three"')), '1.24'), 'overlay-value');
    assert.match(msg(replicas), /`spec\.replicas` is an integer in Kubernetes 1\.31, not a string/);
    assert.match(msg(only(overlayDiagnostics(overlay('Deployment', 'istiod', patch('spec.template.spec.tolerations', '{key: a}')), '1.20'), 'overlay-value')), /is a list .* not a map/);
    assert.deepEqual(overlayDiagnostics(overlay('Deployment', 'istiod', patch('spec.template.spec.tolerations', '[{key: a, operator: Exists}]')), '1.20'), []);
    const inner = only(overlayDiagnostics(overlay('Deployment', 'istiod', patch('spec.template.spec.containers.[name:discovery].resources', '{limits: {cpu: 1}, request: {cpu: 1}}')), '1.24'), 'overlay-value');
    assert.match(msg(inner), /ResourceRequirements has no field `request`.*Did you mean `requests`\?/);
  });

  test('a string value holding ": " is read as YAML from 1.6 (tree.go@1.20.8:543-566): an annotation becomes a map; 1.5 keeps the string', () => {
    const text = overlay('Deployment', 'istiod', patch('spec.template.metadata.annotations.note', '"a: b"'));
    assert.match(msg(only(overlayDiagnostics(text, '1.20'), 'overlay-value')), /becomes a map, not a string/);
    assert.deepEqual(overlayDiagnostics(text, '1.5'), []);
  });

  test('the mesh ConfigMap `istio` (pilot_default.golden.yaml@1.20.8): `data.mesh` written as a block string holding `:` becomes a map (setValueContext, tree.go@1.20.8:413-416)', () => {
    const text = overlay('ConfigMap', 'istio', `              - path: data.mesh\n                value: |\n                  defaultConfig:\n                    holdApplicationUntilProxyStarts: true\n`);
    assert.match(msg(only(overlayDiagnostics(text, '1.20'), 'overlay-value')), /`data\.mesh` becomes a map, not a string/);
    assert.deepEqual(overlayDiagnostics(overlay('ConfigMap', 'istio', patch('data.meshNetworks', '"networks"')), '1.20'), []);
  });

  test('base renders the CRDs of crd-all.gen.yaml: an overlay on the CustomResourceDefinition virtualservices.networking.istio.io is clean at 1.20 and 1.24', () => {
    for (const v of ['1.20', '1.24']) assert.deepEqual(overlayDiagnostics(overlay('CustomResourceDefinition', 'virtualservices.networking.istio.io', patch('metadata.labels.x', 'v'), { component: 'base' }), v), [], v);
    assert.equal(overlayDiagnostics(overlay('CustomResourceDefinition', 'virtualservice.networking.istio.io', patch('metadata.labels.x', 'v'), { component: 'base' }), '1.24').length, 1);
  });

  test('a value on `[name:…]` replaces the whole item: a container without its name', () => {
    const d = only(overlayDiagnostics(overlay('Deployment', 'istiod', patch('spec.template.spec.containers.[name:discovery]', '{image: x}')), '1.24'), 'overlay-value');
    assert.match(msg(d), /replaces the whole item `\[name:discovery\]`.*no `name`/);
  });

  test('no value deletes; 1.5 deletes list items only, so a map key stays (tpath.go@1.5.10:275-289)', () => {
    const text = overlay('Deployment', 'istiod', patch('spec.template.spec.containers.[name:discovery].securityContext'));
    assert.deepEqual(overlayDiagnostics(text, '1.20'), []);
    assert.match(msg(only(overlayDiagnostics(text, '1.5'), 'overlay-value')), /deletes list items only/);
  });
});

describe('overlay completion', () => {
  const at = (tail: string, opts: { revision?: string } = {}) => iop(`${opts.revision ? `  revision: ${opts.revision}\n` : ''}  components:\n    pilot:\n      k8s:\n        overlays:\n          - kind: ${tail}`);

  test('kind: the kinds pilot renders at 1.20 (Deployment, Service, HorizontalPodAutoscaler, …)', () => {
    const got = labels(completeAt(engine, at('|'), { setting: '1.20' }));
    for (const k of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'ConfigMap']) assert.ok(got.includes(k), `${k} in ${got.join(', ')}`);
    assert.ok(!got.includes('DaemonSet'));
  });

  test('name: the Deployment\'s name with the document\'s revision (istiod-canary), at 1.20 and 1.24', () => {
    for (const v of ['1.20', '1.24']) {
      assert.deepEqual(labels(completeAt(engine, at('Deployment\n            name: |', { revision: 'canary' }), { setting: v })), ['istiod-canary'], v);
    }
  });

  test('name: a gateway\'s resources carry the gateway\'s name', () => {
    const text = iop(`  components:\n    ingressGateways:\n      - name: edge\n        k8s:\n          overlays:\n            - kind: Service\n              name: |`);
    assert.deepEqual(labels(completeAt(engine, text, { setting: '1.24' })), ['edge']);
  });

  test('path: the fields of the object below the typed part, and the container selectors of the chart', () => {
    const base = at('Deployment\n            name: istiod\n            patches:\n              - path: ');
    const fields = labels(completeAt(engine, `${base}spec.template.spec.node|`, { setting: '1.24' }));
    assert.ok(fields.includes('nodeSelector') && fields.includes('tolerations'), fields.join(', '));
    assert.deepEqual(labels(completeAt(engine, `${base}spec.template.spec.containers.|`, { setting: '1.20' })).slice(0, 2), ['[name:discovery]', '[0]']);
  });
});

describe('the committed overlay tables', () => {
  test('the table size per release: every minor has pilot\'s Deployment istiod{-revision}, and the counts the importer reported', () => {
    const counts: Record<string, number> = {};
    for (let m = 5; m <= 30; m++) {
      const comps = releaseComponents(`1.${m}`);
      assert.ok(comps, `1.${m}`);
      counts[`1.${m}`] = [...comps.values()].reduce((n, c) => n + (c.rendered?.length ?? 0), 0);
      assert.ok(comps.get('components.pilot')?.rendered?.some((r) => r.kind === 'Deployment' && r.name === 'istiod{-revision}'), `1.${m} pilot`);
    }
    assert.equal(counts['1.20'], 145);
    assert.equal(counts['1.24'], 71);
  });

  const kubeData = path.resolve(repoRoot, '../shared/kubernetes');
  test('schemas/overlay-kubernetes.json is what scripts/overlays/importKubernetes.ts makes from ../shared/kubernetes', { skip: fs.existsSync(kubeData) ? false : `no Kubernetes definitions at ${kubeData}` }, () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'overlay-k8s-'));
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/overlays/importKubernetes.ts', '--out', out], { cwd: repoRoot, env: { ...process.env, KUBERNETES_DATA: kubeData } });
    assert.equal(fs.readFileSync(path.join(out, 'overlay-kubernetes.json'), 'utf8'), fs.readFileSync(path.join(repoRoot, 'schemas/overlay-kubernetes.json'), 'utf8'));
    fs.rmSync(out, { recursive: true, force: true });
  });

  // The importer reads Istio's charts from a git mirror of istio/istio, which CI does not have
  // (../shared holds only the charts' values.yaml, not their templates).
  const mirror = process.env.ISTIO_MIRROR ?? '/work/.mirror/istio+istio/repo';
  const hasMirror = fs.existsSync(path.join(mirror, 'HEAD')) || fs.existsSync(path.join(mirror, '.git'));
  test('schemas/rendered-resources.json is what scripts/overlays/importRendered.ts makes from the istio/istio mirror', { skip: hasMirror ? false : `no istio/istio git mirror at ${mirror} ($ISTIO_MIRROR): the importer reads the charts' templates at each final tag, which ../shared does not hold` }, () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'overlay-rendered-'));
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/overlays/importRendered.ts', '--mirror', mirror, '--out', out], { cwd: repoRoot });
    assert.equal(fs.readFileSync(path.join(out, 'rendered-resources.json'), 'utf8'), fs.readFileSync(path.join(repoRoot, 'schemas/rendered-resources.json'), 'utf8'));
    fs.rmSync(out, { recursive: true, force: true });
  });
});
