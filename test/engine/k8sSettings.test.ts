// Kubernetes settings as each release reads them (issue "Kubernetes settings exactly as each
// release reads them"): the other era's form with its rewrite, settings istioctl ignores or breaks,
// duplicate keys, per era, each with its control. Fixes are applied and the file checked again.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Engine } from '../../server/src/engine/engine.ts';
import { applyFirstFix } from './helpers.ts';

const engine = new Engine();
const iop = (version: string, body: string) => `# istio-version: ${version}\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n${body}`;
const check = (text: string) => engine.validate(engine.parse(text));
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 1);

function one(ds: Diagnostic[], code: string): Diagnostic {
  const hits = ds.filter((d) => d.code === code);
  assert.equal(hits.length, 1, `one ${code} in ${JSON.stringify(ds.map((d) => [d.code, d.message]))}`);
  return hits[0];
}

function covered(text: string, d: Diagnostic): string {
  return text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character);
}

const applyFix = (text: string, d: Diagnostic) => applyFirstFix(engine, text, d);

/** Lines that are in both texts, in order: what a fix left untouched. */
function untouched(before: string, after: string, changed: string[]): void {
  const a = after.split('\n');
  for (const line of before.split('\n')) if (!changed.some((c) => line.includes(c))) assert.ok(a.includes(line), `line lost: ${JSON.stringify(line)}`);
}

const ISSUE_EXAMPLE = `  components:
    pilot:
      k8s:
        readinessProbe: {httpGet: {path: /ready, port: 8080}}
        env:
        - name: A
          valueFrom: {secretKeyRef: {name: s, key: k}}
        resources:
          requests:
            cpu: 2
        topologySpreadConstraints: null
        affinity:
          podAntiAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
            - topologyKey: kubernetes.io/hostname
              matchLabelKeys: [app]
        hpaSpec:
          minReplicas: 2
          maxReplicas: 5
          metrics:
          - type: Resource
            resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}
`;

describe('1.24–1.30 read Kubernetes\' own form', () => {
  for (const v of ['1.24', '1.29', '1.30']) {
    test(`${v}: the forms Istio's own 1.24 test input uses give no error (readinessProbe.httpGet, secretKeyRef.name, cpu: 2, matchLabelKeys, autoscaling/v2)`, () => {
      assert.deepEqual(errors(check(iop(v, ISSUE_EXAMPLE.replace('        topologySpreadConstraints: null\n', '')))), []);
    });
  }

  for (const v of ['1.24', '1.30']) {
    test(`${v}: volumeSource/localObjectReference is an error on the key, fixed into configMap: {name: cm}`, () => {
      const text = iop(v, '  components:\n    pilot:\n      k8s:\n        volumes:\n        - name: extra  # mine\n          volumeSource: {configMap: {localObjectReference: {name: cm}}}\n');
      const d = one(check(text), 'k8s-form');
      assert.equal(covered(text, d), 'volumeSource');
      assert.match(String(d.message), /protobuf form that istioctl read up to 1\.23; Istio 1\.\d+ reads Kubernetes' own form/);
      const fixed = applyFix(text, d);
      assert.match(fixed, /\n {10}configMap: \{name: cm\}\n/);
      assert.deepEqual(codes(check(fixed)).filter((c) => c !== 'ignored-setting'), []);
      untouched(text, fixed, ['volumeSource']);
    });

    test(`${v}: a block-style volumeSource is unwrapped with its comments and nested wrappers`, () => {
      const text = iop(v, '  components:\n    pilot:\n      k8s:\n        volumes:\n        - name: extra\n          volumeSource:\n            configMap:\n              # the config\n              localObjectReference:\n                name: cm\n              items:\n              - key: a\n                path: b\n');
      const fixed = applyFix(text, one(check(text), 'k8s-form'));
      assert.ok(fixed.endsWith('        - name: extra\n          configMap:\n            # the config\n            name: cm\n            items:\n            - key: a\n              path: b\n'), fixed);
      assert.deepEqual(errors(check(fixed)), []);
    });

    test(`${v}: readinessProbe.handler is an error with the Kubernetes form as fix`, () => {
      const text = iop(v, '  components:\n    pilot:\n      k8s:\n        readinessProbe:\n          handler:\n            httpGet: {path: /ready, port: 8080}\n          periodSeconds: 3\n');
      const fixed = applyFix(text, one(check(text), 'k8s-form'));
      assert.match(fixed, /readinessProbe:\n {10}httpGet: \{path: \/ready, port: 8080\}\n {10}periodSeconds: 3\n/);
      assert.deepEqual(check(fixed), []);
    });

    test(`${v}: hpaSpec in autoscaling/v2beta1 form is refused, fixed to v2 target`, () => {
      const text = iop(v, '  components:\n    pilot:\n      k8s:\n        hpaSpec:\n          maxReplicas: 5\n          metrics:\n          - type: Resource\n            resource:\n              name: cpu\n              targetAverageUtilization: 80\n');
      const d = one(check(text), 'k8s-form');
      assert.equal(covered(text, d), 'targetAverageUtilization');
      assert.match(String(d.message), /autoscaling\/v2beta1; from Istio 1\.24 `hpaSpec` is autoscaling\/v2/);
      assert.equal(codes(check(text)).includes('k8s-required'), false, 'the form error says it; no required-field noise');
      const fixed = applyFix(text, d);
      assert.match(fixed, /name: cpu\n {14}target: \{type: Utilization, averageUtilization: 80\}\n/);
      assert.deepEqual(check(fixed), []);
    });
  }

  test('1.30: a list entry Kubernetes would refuse (env without name) is a warning; a merged object (hpaSpec without scaleTargetRef) is not', () => {
    const text = iop('1.30', '  components:\n    pilot:\n      k8s:\n        env:\n        - value: x\n        hpaSpec: {maxReplicas: 3}\n');
    const d = one(check(text), 'k8s-required');
    assert.equal(d.severity, 2);
    assert.match(String(d.message), /Kubernetes requires `name` in EnvVar `components\.pilot\.k8s\.env\[0\]`/);
  });
});

describe('1.5–1.23 read the protobuf form', () => {
  for (const v of ['1.10', '1.20', '1.23']) {
    test(`${v}: volumes in Kubernetes' form are an error saying which form, fixed the other way round`, () => {
      const text = iop(v, '  components:\n    pilot:\n      k8s:\n        volumes:\n        - name: extra\n          configMap:\n            name: cm\n');
      const d = one(check(text), 'k8s-form');
      assert.equal(covered(text, d), 'configMap');
      assert.match(String(d.message), new RegExp(`Istio ${v} reads this Kubernetes type in its protobuf form: \`configMap\` goes under \`volumeSource\``));
      const fixed = applyFix(text, d);
      assert.ok(fixed.endsWith('        - name: extra\n          volumeSource:\n            configMap:\n              localObjectReference:\n                name: cm\n'), fixed);
      assert.deepEqual(errors(check(fixed)), []);
    });
  }

  for (const v of ['1.10', '1.20', '1.23']) {
    test(`${v}: resources.requests.cpu: 2 is refused with the string form as fix; readinessProbe.httpGet stays valid`, () => {
      const text = iop(v, '  components:\n    pilot:\n      k8s:\n        readinessProbe: {httpGet: {path: /ready, port: 8080}}\n        resources:\n          requests:\n            cpu: 2\n');
      const d = one(check(text), 'type');
      assert.match(String(d.message), /write `"2"` or `2000m`/);
      assert.equal(applyFix(text, d).split('\n').at(-2), '            cpu: "2"');
    });

    test(`${v}: env secretKeyRef in Kubernetes' form is an error; in the protobuf form a warning that it renders an invalid Deployment (istio/istio#48961)`, () => {
      const k8sForm = iop(v, '  components:\n    pilot:\n      k8s:\n        env:\n        - name: A\n          valueFrom: {secretKeyRef: {name: s, key: k}}\n');
      const fixed = applyFix(k8sForm, one(check(k8sForm), 'k8s-form'));
      assert.match(fixed, /secretKeyRef: \{localObjectReference: \{name: s\}, key: k\}/);
      const after = check(fixed);
      assert.deepEqual(errors(after), []);
      assert.match(String(one(after, 'broken-setting').message), /istio\/istio#48961/);
    });
  }

  test('1.9: no volumes field at all (added in 1.10)', () => {
    assert.equal(one(check(iop('1.9', '  components:\n    pilot:\n      k8s:\n        volumes: []\n')), 'field-not-in-version').severity, 1);
  });
});

describe('accepted by istioctl, then ignored or broken', () => {
  for (const v of ['1.10', '1.20', '1.23', '1.24', '1.30']) {
    test(`${v}: k8s.volumes is never rendered: a warning, with a fix into k8s.overlays that validates`, () => {
      const body = Number(v.split('.')[1]) >= 24 ? '        - name: extra  # keep\n          configMap: {name: cm}\n' : '        - name: extra  # keep\n          volumeSource: {configMap: {localObjectReference: {name: cm}}}\n';
      const text = iop(v, `  revision: canary\n  components:\n    pilot:\n      k8s:\n        nodeSelector: {a: b}\n        volumes:\n${body}        volumeMounts:\n        - name: extra\n          mountPath: /etc/extra\n`);
      const warnings = check(text).filter((d) => d.code === 'ignored-setting');
      assert.deepEqual(warnings.map((d) => covered(text, d)), ['volumes', 'volumeMounts']);
      assert.match(String(warnings[0].message), /never renders it \(istio\/istio#34046\): the Deployment `istiod-canary`/);
      const fixed = applyFix(text, warnings[0]);
      assert.deepEqual(check(fixed), [], fixed);
      assert.match(fixed, /overlays:\n {8}- kind: Deployment\n {10}name: istiod-canary\n/);
      // In Kubernetes' form (overlays patch the rendered Deployment), the comment and flow style kept.
      assert.match(fixed, /path: spec\.template\.spec\.volumes\.\[1000\]\n\s+value:\n\s+name: extra # keep\n\s+configMap: \{ name: cm \}\n/);
      assert.match(fixed, /path: spec\.template\.spec\.containers\.\[name:discovery\]\.volumeMounts\.\[1000\]/);
      assert.match(fixed, /nodeSelector: \{a: b\}/);
    });
  }

  test('base k8s settings: refused in 1.6–1.23, ignored from 1.24; overlays fine', () => {
    const body = '  components:\n    base:\n      k8s:\n        nodeSelector: {a: b}\n        overlays: []\n';
    assert.equal(one(check(iop('1.20', body)), 'broken-setting').severity, 1);
    assert.equal(one(check(iop('1.24', body)), 'ignored-setting').severity, 2);
    assert.deepEqual(check(iop('1.20', '  components:\n    base:\n      k8s:\n        overlays: []\n')), []);
  });

  for (const v of ['1.20', '1.30']) {
    test(`${v}: cni DaemonSet: hpaSpec does nothing, strategy lands where DaemonSets have no field; nodeSelector is fine`, () => {
      const text = iop(v, '  components:\n    cni:\n      enabled: true\n      k8s:\n        hpaSpec: {maxReplicas: 3}\n        strategy: {type: RollingUpdate}\n        nodeSelector: {a: b}\n');
      const ds = check(text);
      assert.equal(covered(text, one(ds, 'ignored-setting')), 'hpaSpec');
      assert.match(String(one(ds, 'broken-setting').message), /DaemonSet `istio-cni-node` as `spec\.strategy`/);
    });
  }

  test('replicaCount with autoscaling: skipped (no effect) in 1.14–1.23, overridden from 1.24', () => {
    const body = '  components:\n    pilot:\n      k8s:\n        replicaCount: 3\n  values:\n    pilot:\n      autoscaleEnabled: true\n';
    assert.match(String(one(check(iop('1.20', body)), 'replica-count-with-autoscale').message), /skips it while autoscaling is on, so it has no effect/);
    assert.match(String(one(check(iop('1.24', body)), 'replica-count-with-autoscale').message), /the autoscaler then overrides it/);
  });

  test('values.pilot.volumes 1.22–1.28: Kubernetes form refused with the way through; protobuf form warned; 1.29 Kubernetes form fine', () => {
    const k8s = '  values:\n    pilot:\n      volumes:\n      - name: x\n        secret: {secretName: s}\n';
    for (const v of ['1.22', '1.28']) assert.match(String(one(check(iop(v, k8s)), 'broken-setting').message), /no form passes both.*spec\.unvalidatedValues\.pilot\.volumes.*--force/);
    assert.match(String(one(check(iop('1.24', '  values:\n    pilot:\n      volumes:\n      - name: x\n        volumeSource: {secret: {secretName: s}}\n')), 'broken-setting').message), /Kubernetes refuses a volume with `volumeSource`/);
    assert.deepEqual(check(iop('1.29', k8s)), []);
    assert.deepEqual(check(iop('1.21', k8s)), []);
  });

  test('values.global.waypoint (1.24–1.30): toleration is never read, tolerations refused, a label map nodeSelector refused', () => {
    const text = iop('1.30', '  values:\n    global:\n      waypoint:\n        toleration: [{key: a, operator: Exists}]\n        tolerations: []\n        nodeSelector: {kubernetes.io/os: linux}\n');
    const ds = check(text);
    assert.match(String(one(ds, 'ignored-setting').message), /template reads `global\.waypoint\.tolerations`/);
    const broken = ds.filter((d) => d.code === 'broken-setting');
    assert.deepEqual(broken.map((d) => covered(text, d)), ['tolerations', 'kubernetes.io/os']);
  });
});

describe('istioctl\'s remaining checks', () => {
  test('duplicate keys: refused by 1.14–1.23, last one wins (a warning on the dropped one) in 1.5–1.13 and 1.24–1.30', () => {
    const body = '  hub: a.io/x\n  hub: b.io/y\n';
    for (const v of ['1.14', '1.20', '1.23']) assert.equal(covered(iop(v, body), one(check(iop(v, body)), 'duplicate-key')), 'hub');
    for (const v of ['1.5', '1.13', '1.24', '1.30']) {
      const d = one(check(iop(v, body)), 'duplicate-key-ignored');
      assert.equal(d.range.start.line, 4, v);
      assert.match(String(d.message), /the later `hub` \(line 6\) wins/);
    }
  });

  for (const v of ['1.20', '1.30']) {
    test(`${v}: k8s.service.annotations names serviceAnnotations, and the fix moves it there`, () => {
      const text = iop(v, '  components:\n    ingressGateways:\n    - name: istio-ingressgateway\n      enabled: true\n      k8s:\n        service:\n          annotations:\n            # internal LB\n            cloud.example/lb: internal\n');
      const d = one(check(text), 'misplaced-field');
      assert.match(String(d.message), /did you mean `serviceAnnotations` one level up/);
      const fixed = applyFix(text, d);
      assert.ok(fixed.endsWith('      k8s:\n        serviceAnnotations:\n          # internal LB\n          cloud.example/lb: internal\n'), fixed);
      assert.deepEqual(check(fixed), []);
    });
  }
});

describe('spec.profile and the 1.24+ chart names', () => {
  test('spec.profile: a built-in name everywhere; a file path where the release reads files (1.5–1.6, 1.10–1.23), only with --manifests in 1.7–1.9, never from 1.24', () => {
    const at = (v: string, p: string) => check(iop(v, `  profile: ${p}\n`)).filter((d) => d.code === 'invalid-profile');
    for (const v of ['1.5', '1.10', '1.20', '1.24', '1.30']) assert.deepEqual(at(v, 'demo'), [], v);
    assert.match(String(at('1.30', 'demoo')[0].message), /`demoo` is not a built-in profile of Istio 1\.30\. Built-in profiles: .*`demo`/);
    assert.deepEqual(at('1.20', './my-profile.yaml'), []);
    assert.deepEqual(at('1.5', '/tmp/p.yaml'), []);
    assert.equal(at('1.8', './my-profile.yaml')[0].severity, 2);
    const refused = at('1.24', './my-profile.yaml')[0];
    assert.equal(refused.severity, 1);
    assert.match(String(refused.message), /reads no profile files.*profile \\"\.\/my-profile\.yaml\\" not found/);
  });

  test('1.24+: compatibilityVersion and values.global.platform must be among the base chart\'s files', () => {
    const d = one(check(iop('1.29', '  compatibilityVersion: "1.20"\n')), 'enum');
    assert.match(String(d.message), /expected one of `1\.25`, `1\.26`, `1\.27`, `1\.28`/);
    assert.deepEqual(check(iop('1.29', '  compatibilityVersion: "1.27"\n  values:\n    global:\n      platform: k3d\n')), []);
    assert.match(String(one(check(iop('1.24', '  values:\n    global:\n      platform: eks\n')), 'enum').message), /`k3d`.*`openshift`/);
    assert.deepEqual(check(iop('1.24', '  values:\n    global:\n      platform: ""\n')), []);
  });
});

describe('spec.profile as a file (1.5–1.6, 1.10–1.23)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iop-profile-'));
  const doc = path.join(dir, 'cluster', 'custom-operator.yml');
  fs.mkdirSync(path.dirname(doc), { recursive: true });
  fs.mkdirSync(path.join(dir, 'profiles'));
  fs.writeFileSync(path.join(dir, 'profiles', 'mine.yaml'), 'spec: {}\n');
  fs.mkdirSync(path.join(dir, 'with-default'));
  fs.writeFileSync(path.join(dir, 'with-default', 'mine.yaml'), 'spec: {}\n');
  fs.writeFileSync(path.join(dir, 'with-default', 'default.yaml'), 'spec: {}\n');
  const at = (v: string, p: string, place: { documentPath?: string; workspaceFolders?: string[] } = { documentPath: doc, workspaceFolders: [dir] }) =>
    engine.validate(engine.parse(iop(v, `  profile: ${p}\n`)), place).filter((d) => d.code === 'invalid-profile');

  test('a missing file is an error; one found beside the file or in the workspace folder passes when default.yaml is beside it', () => {
    assert.match(String(at('1.20', './nope.yaml')[0].message), /there is no such file relative to this file's folder or the workspace folder/);
    assert.deepEqual(at('1.20', 'with-default/mine.yaml'), []);
    assert.deepEqual(at('1.20', '../with-default/mine.yaml'), []);
    assert.deepEqual(at('1.6', path.join(dir, 'with-default', 'mine.yaml')), []);
    assert.match(String(at('1.20', 'profiles/mine.yaml')[0].message), /reads `default\.yaml` beside a custom profile first/);
  });

  test('an unsaved document (no path) is not checked for files', () => {
    assert.deepEqual(at('1.20', './nope.yaml', {}), []);
  });
});

describe('install settings no schema can say', () => {
  test('installPackagePath as a URL: fine up to 1.15, a warning in 1.16, an error from 1.17', () => {
    const body = '  installPackagePath: https://example.com/istio-1.16.0-linux.tar.gz\n';
    assert.deepEqual(check(iop('1.15', body)), []);
    assert.equal(one(check(iop('1.16', body)), 'install-package-url').severity, 2);
    assert.match(String(one(check(iop('1.17', body)), 'install-package-url').message), /no longer downloads install packages \(removed in 1\.17\)/);
    assert.deepEqual(check(iop('1.20', '  installPackagePath: ./manifests\n')), []);
  });

  test('values.global.pilotCertProvider: kubernetes fails the 1.24+ chart; istiod is fine', () => {
    assert.match(String(one(check(iop('1.24', '  values:\n    global:\n      pilotCertProvider: kubernetes\n')), 'unsupported-setting').message), /is not supported/);
    assert.deepEqual(check(iop('1.24', '  values:\n    global:\n      pilotCertProvider: istiod\n')), []);
    assert.deepEqual(check(iop('1.20', '  values:\n    global:\n      pilotCertProvider: kubernetes\n')).filter((d) => d.code === 'unsupported-setting'), []);
  });

  test('1.24+: values.profile must be one of the charts\' profiles', () => {
    assert.match(String(one(check(iop('1.30', '  values:\n    profile: minimal\n')), 'enum').message), /`ambient`/);
    assert.deepEqual(check(iop('1.30', '  values:\n    profile: ambient\n')), []);
  });
});

test('components.istiodRemote: rendered up to 1.25, accepted and ignored from 1.26', () => {
  const body = '  components:\n    istiodRemote:\n      enabled: true\n';
  assert.deepEqual(check(iop('1.25', body)), []);
  assert.match(String(one(check(iop('1.26', body)), 'ignored-setting').message), /removed in 1\.26.*profile: remote/);
});

test('1.10–1.23: volumeSource is not "deprecated" (its Kubernetes doc deprecates an implied EmptyDir, not the field)', () => {
  for (const v of ['1.10', '1.20', '1.23']) {
    const ds = check(iop(v, '  components:\n    pilot:\n      k8s:\n        volumes:\n        - name: x\n          volumeSource: {configMap: {localObjectReference: {name: cm}}}\n'));
    assert.deepEqual(codes(ds), ['ignored-setting'], v);
  }
});

test('examples/k8s-upgrade: applying every fix the engine offers leaves no error at 1.24', () => {
  let text = fs.readFileSync(path.resolve(import.meta.dirname, '../../examples/k8s-upgrade/custom-operator.yml'), 'utf8');
  const before = check(text);
  assert.deepEqual(codes(before).sort(), ['ignored-setting', 'ignored-setting', 'k8s-form', 'k8s-form', 'k8s-form', 'misplaced-field']);
  for (let i = 0; i < 10; i++) {
    const file = engine.parse(text);
    const fixable = check(text).find((d) => engine.codeActions(file, 'file:///t.yaml', [d]).length);
    if (!fixable) break;
    text = applyFix(text, fixable);
  }
  assert.deepEqual(errors(check(text)), [], text);
  assert.deepEqual(codes(check(text)), ['ignored-setting'], 'only the cni PDB, which has no object to apply to, is left');
});

describe('1.5–1.8 operator checks', () => {
  test('1.6–1.8: a capitalised addon name is warned with its lower-case form; 1.9 has no such check', () => {
    const body = '  addonComponents:\n    Istiocoredns:\n      enabled: false\n';
    for (const v of ['1.6', '1.8']) assert.match(String(one(check(iop(v, body)), 'invalid-addon-name').message), /write `istiocoredns`/);
    assert.deepEqual(check(iop('1.7', '  addonComponents:\n    istiocoredns:\n      enabled: false\n')).filter((d) => d.code === 'invalid-addon-name'), []);
  });

  test('1.5–1.6: auto mTLS with control plane security off is warned on the setting the user wrote', () => {
    const off = '  values:\n    global:\n      controlPlaneSecurityEnabled: false\n      mtls:\n        auto: true\n';
    const text = iop('1.5', off);
    assert.equal(covered(text, one(check(text), 'feature-conflict')), 'false');
    assert.deepEqual(check(iop('1.5', '  values:\n    global:\n      controlPlaneSecurityEnabled: true\n      mtls:\n        auto: true\n')).filter((d) => d.code === 'feature-conflict'), []);
    assert.deepEqual(check(iop('1.7', off)).filter((d) => d.code === 'feature-conflict'), []);
  });
});

test('1.24+: values.defaults names the chart failure and what to write instead', () => {
  const d = one(check(iop('1.24', '  values:\n    defaults:\n      global:\n        hub: x.io\n')), 'broken-setting');
  assert.match(String(d.message), /Setting with \.default prefix found.*`values\.global\.hub`/);
});
