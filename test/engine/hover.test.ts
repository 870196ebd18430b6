// Hover: everything a person needs about a field for the document's release; expectations are read
// from the schemas (x-istio-defaults, x-istio-versions, …) rather than copied numbers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Engine } from '../../server/src/engine/engine.ts';
import { hoverAt, hoverText, operator } from './helpers.ts';

const engine = new Engine();
const schema = (version: string) => engine.store.get(version);
const defaultsAt = (version: string, path: Array<string | number>) => schema(version).at(path)!['x-istio-defaults'] as Record<string, unknown>;
/** A profile's value by the documented rule: a profile not listed has the `default` profile's value. */
const valueIn = (defaults: Record<string, unknown>, profile: string) => (profile in defaults ? defaults[profile] : 'default' in defaults ? defaults.default : null);
const shown = (v: unknown) => (v === null || v === undefined ? 'unset' : `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``);

describe('field hover', () => {
  test('path, type and description of a field', () => {
    const h = hoverAt(engine, operator('1.30', `spec:
  components:
    pilot:
      k8s:
        hpaSpec:
          maxRep|licas: 5
`));
    const text = hoverText(h);
    assert.match(text, /`spec\.components\.pilot\.k8s\.hpaSpec\.maxReplicas`/);
    assert.match(text, /integer \(int32\)/);
    const description = schema('1.30').at(['spec', 'components', 'pilot', 'k8s', 'hpaSpec', 'maxReplicas'])!.description;
    assert.ok(description && text.includes(description.trim()));
    assert.deepEqual(h!.range, { start: { line: 8, character: 10 }, end: { line: 8, character: 21 } });
  });

  test('the default in the document\'s profile: a profile missing from the table has the default profile\'s value', () => {
    const defaults = defaultsAt('1.5', ['spec', 'components', 'policy', 'k8s', 'hpaSpec', 'maxReplicas']);
    assert.ok(!('demo' in defaults), 'the fixture relies on demo not being listed');
    const text = hoverText(hoverAt(engine, operator('1.5', `spec:
  profile: demo
  components:
    policy:
      k8s:
        hpaSpec:
          maxReplicas|: 7
`)));
    assert.match(text, new RegExp(`\\*\\*Default\\*\\* in profile \`demo\`: ${shown(valueIn(defaults, 'demo'))}`));
  });

  test('other profiles are listed where they differ from the document\'s', () => {
    const path = ['spec', 'components', 'cni', 'enabled'];
    const defaults = defaultsAt('1.20', path);
    const text = hoverText(hoverAt(engine, operator('1.20', `spec:
  profile: ambient
  components:
    cni:
      ena|bled: true
`)));
    const mine = valueIn(defaults, 'ambient');
    assert.match(text, new RegExp(`in profile \`ambient\`: ${shown(mine)}`));
    const differing = schema('1.20').profiles.filter((p) => p !== 'ambient' && JSON.stringify(valueIn(defaults, p)) !== JSON.stringify(mine));
    assert.ok(differing.length > 0);
    const line = text.split('\n').find((l) => l.startsWith('Other profiles'))!;
    for (const p of differing) assert.ok(line.includes(`\`${p}\`: ${shown(valueIn(defaults, p))}`), `${p} in ${line}`);
    const same = schema('1.20').profiles.filter((p) => p !== 'ambient' && !differing.includes(p));
    for (const p of same) assert.ok(!line.includes(`\`${p}\``), `${p} has the same value`);
  });

  test('without spec.profile the default profile is used; a field the default profile does not set is unset', () => {
    const defaults = defaultsAt('1.20', ['spec', 'components', 'ztunnel', 'enabled']);
    assert.ok(!('default' in defaults));
    const text = hoverText(hoverAt(engine, operator('1.20', 'spec:\n  components:\n    ztunnel:\n      enab|led: true\n')));
    assert.match(text, /in profile `default`: unset/);
    assert.match(text, new RegExp(`\`ambient\`: ${shown(defaults.ambient)}`));
  });

  test('a profile that is not built in (a file path) falls back to default, and says so', () => {
    const text = hoverText(hoverAt(engine, operator('1.20', 'spec:\n  profile: ./mine.yaml\n  components:\n    pilot:\n      enab|led: true\n')));
    assert.match(text, /in profile `default` \(`\.\/mine\.yaml` is not a built-in profile of Istio 1\.20\)/);
  });

  test('a gateway\'s default comes from the profile\'s gateway list, matched by name', () => {
    const defaults = defaultsAt('1.20', ['spec', 'components', 'ingressGateways']);
    const gateway = (profile: string) => (valueIn(defaults, profile) as Array<{ name: string; enabled: boolean }>).find((g) => g.name === 'istio-ingressgateway')!;
    const text = hoverText(hoverAt(engine, operator('1.20', `spec:
  profile: ambient
  components:
    ingressGateways:
      - name: istio-ingressgateway
        enab|led: true
`)));
    assert.match(text, new RegExp(`in profile \`ambient\`: ${shown(gateway('ambient').enabled)}`));
    assert.match(text, new RegExp(`\`default\`: ${shown(gateway('default').enabled)}`));
  });

  test('the chart default under values', () => {
    const chart = schema('1.20').at(['spec', 'values', 'global', 'hub'])!['x-istio-chart-default'];
    const text = hoverText(hoverAt(engine, operator('1.20', 'spec:\n  values:\n    global:\n      h|ub: docker.io/istio\n')));
    assert.match(text, new RegExp(`\\*\\*Chart default\\*\\*: \`${chart}\``));
  });

  test('allowed values with their docs', () => {
    const text = hoverText(hoverAt(engine, operator('1.20', 'spec:\n  meshConfig:\n    accessLogEnc|oding: JSON\n')));
    const docs = schema('1.20').at(['spec', 'meshConfig', 'accessLogEncoding'])!['x-istio-enum-docs'];
    assert.match(text, /\*\*Allowed values\*\*/);
    assert.ok(text.includes(`- \`TEXT\` — ${docs.TEXT}`));
    assert.ok(text.includes(`- \`JSON\` — ${docs.JSON}`));
    assert.ok(!/`0`|`1`/.test(text), 'the enum numbers are not listed');
  });
});

describe('versions', () => {
  test('the innermost x-istio-versions on the path: ztunnel.enabled inherits ztunnel\'s', () => {
    const range = schema('1.20').at(['spec', 'components', 'ztunnel'])!['x-istio-versions'];
    assert.equal(schema('1.20').at(['spec', 'components', 'ztunnel', 'enabled'])!['x-istio-versions'], undefined);
    const text = hoverText(hoverAt(engine, operator('1.20', 'spec:\n  components:\n    ztunnel:\n      enab|led: true\n')));
    assert.match(text, new RegExp(`\\*\\*Istio versions\\*\\*: ${range}`));
  });

  test('no annotation anywhere on the path: every bundled minor', () => {
    const minors = engine.store.minors;
    const text = hoverText(hoverAt(engine, operator('1.20', 'spec:\n  h|ub: docker.io/istio\n')));
    assert.match(text, new RegExp(`\\*\\*Istio versions\\*\\*: ${minors[0]}-${minors[minors.length - 1]}\\b`));
  });

  test('deprecated fields show the message (spec.addonComponents from 1.9 on, not before)', () => {
    for (const version of ['1.9', '1.20', '1.23']) {
      const node = schema(version).at(['spec', 'addonComponents'])!;
      const text = hoverText(hoverAt(engine, operator(version, 'spec:\n  addonCom|ponents: {}\n')));
      assert.match(text, new RegExp(`\\*\\*Deprecated\\*\\* in Istio ${version.replace('.', '\\.')}`));
      assert.ok(text.includes(String(node.deprecationMessage).replace(/^Deprecated\.\s*/, '')), version);
    }
    assert.ok(!hoverText(hoverAt(engine, operator('1.8', 'spec:\n  addonCom|ponents: {}\n'))).includes('**Deprecated**'));
  });

  test('a key another release has says which', () => {
    const text = hoverText(hoverAt(engine, operator('1.9', 'spec:\n  values:\n    prome|theus:\n      enabled: false\n')));
    const values = schema('1.9').at(['spec', 'values'])!;
    assert.equal(values['x-istio-other-versions'].prometheus, '1.5-1.7');
    assert.ok(text.startsWith('`values.prometheus` does not exist in Istio 1.9 (last in 1.7)'), text);
    const moved = values['x-istio-moved']?.prometheus;
    if (moved) assert.ok(text.includes(moved), 'and where it went');
  });
});

describe('--set and links', () => {
  test('the --set path uses the value under the cursor, else <value>', () => {
    const onValue = hoverText(hoverAt(engine, operator('1.20', 'spec:\n  components:\n    pilot:\n      k8s:\n        hpaSpec:\n          maxReplicas: |5\n')));
    assert.match(onValue, /`--set components\.pilot\.k8s\.hpaSpec\.maxReplicas=5`/);
    const onKey = hoverText(hoverAt(engine, operator('1.20', 'spec:\n  components:\n    pilot:\n      k8s:\n        hpaSpec:\n          max|Replicas: 5\n')));
    assert.match(onKey, /`--set components\.pilot\.k8s\.hpaSpec\.maxReplicas=<value>`/);
  });

  test('list items are indexed, and the word is quoted for the shell', () => {
    const text = hoverText(hoverAt(engine, operator('1.20', `spec:
  components:
    ingressGateways:
      - name: first
      - name: second
        k8s:
          hpaSpec:
            maxReplicas: 9|
`)));
    assert.match(text, /`--set 'components\.ingressGateways\[1\]\.k8s\.hpaSpec\.maxReplicas=9'`/);
    assert.match(text, /`spec\.components\.ingressGateways\[1\]\.k8s\.hpaSpec\.maxReplicas`/);
  });

  test('a value in a flow map', () => {
    const text = hoverText(hoverAt(engine, operator('1.20', 'spec:\n  meshConfig: { accessLogEncoding: JS|ON }\n')));
    assert.match(text, /`--set meshConfig\.accessLogEncoding=JSON`/);
  });

  test('the reference page: operator API, mesh config (with the field anchor), and 1.5\'s installation options for values', () => {
    const spec = hoverText(hoverAt(engine, operator('1.20', 'spec:\n  h|ub: docker.io/istio\n')));
    assert.ok(spec.includes('(https://istio.io/v1.20/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec-hub)'), spec);
    const mesh = hoverText(hoverAt(engine, operator('1.20', 'spec:\n  meshConfig:\n    accessLog|File: /dev/stdout\n')));
    assert.ok(mesh.includes('(https://istio.io/v1.20/docs/reference/config/istio.mesh.v1alpha1/#MeshConfig-access_log_file)'), mesh);
    const values = hoverText(hoverAt(engine, operator('1.5', 'spec:\n  values:\n    global:\n      h|ub: docker.io/istio\n')));
    assert.ok(values.includes('(https://istio.io/v1.5/docs/reference/config/installation-options/)'), values);
    const values9 = hoverText(hoverAt(engine, operator('1.9', 'spec:\n  values:\n    global:\n      h|ub: docker.io/istio\n')));
    assert.ok(values9.includes('(https://istio.io/v1.9/docs/reference/config/istio.operator.v1alpha1/'), values9);
  });
});

describe('kind', () => {
  test('over the key or the value: the release the document is checked against, and why', () => {
    const src = '# istio-version: 1.10\napiVersion: install.istio.io/v1alpha1\nki|nd: IstioOperator\nspec: {}\n';
    for (const s of [src, src.replace('ki|nd: IstioOperator', 'kind: Istio|Operator')]) {
      const text = hoverText(hoverAt(engine, s));
      assert.match(text, /checked against \*\*Istio 1\.10\*\*/);
      assert.match(text, /comment `# istio-version: 1\.10`/);
    }
  });

  test('the setting, spec.tag, and the newest release as sources', () => {
    const plain = 'apiVersion: install.istio.io/v1alpha1\nki|nd: IstioOperator\nspec: {}\n';
    assert.match(hoverText(hoverAt(engine, plain, { setting: '1.12' })), /Istio 1\.12\*\*[\s\S]*istioOperator\.istioVersion/);
    assert.match(hoverText(hoverAt(engine, plain.replace('spec: {}', 'spec:\n  tag: 1.18.2'))), /Istio 1\.18\*\*[\s\S]*spec\.tag 1\.18\.2/);
    assert.match(hoverText(hoverAt(engine, plain)), new RegExp(`Istio ${engine.store.newest.replace('.', '\\.')}\\*\\*[\\s\\S]*newest bundled`));
  });

  test('a version that is not bundled: the one used instead, and the warning', () => {
    const text = hoverText(hoverAt(engine, '# istio-version: 1.99\napiVersion: install.istio.io/v1alpha1\nki|nd: IstioOperator\n'));
    assert.match(text, new RegExp(`Istio ${engine.store.newest.replace('.', '\\.')}\\*\\*`));
    assert.match(text, /1\.99 is not bundled/);
  });
});

describe('no hover', () => {
  test('outside IstioOperator documents, in whitespace, on unknown keys, past the end', () => {
    assert.equal(hoverAt(engine, 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  repl|icas: 1\n'), null);
    assert.equal(hoverAt(engine, operator('1.20', 'spec:\n | hub: x\n')), null);
    assert.equal(hoverAt(engine, operator('1.20', 'spec:\n  nonsen|se: x\n')), null);
    const file = engine.parse(operator('1.20', 'spec: {}\n'));
    assert.equal(engine.hover(file, { line: 99, character: 99 }), null);
    assert.equal(engine.hover(engine.parse(''), { line: 0, character: 0 }), null);
  });

  test('a document with a syntax error elsewhere still gets hovers', () => {
    const text = hoverText(hoverAt(engine, operator('1.20', `spec:
  components:
    pilot:
      enab|led: true
  values: [unclosed
  meshConfig: {
`)));
    assert.match(text, /`spec\.components\.pilot\.enabled`/);
  });

  test('garbage and hostile input never throw', () => {
    const texts = [
      '\u0000\uffff\ud800',
      'kind: IstioOperator\nspec: &a\n  components: *a\n  <<: *a\n',
      'kind: IstioOperator\n' + 'a: '.repeat(500) + '\n',
      'kind: IstioOperator\nspec:\n' + '  '.repeat(300) + 'x: 1\n',
      '# istio-version: banana\nkind: IstioOperator\nspec: {components: {pilot: {k8s: [',
    ];
    for (const t of texts) {
      const file = engine.parse(t);
      for (let line = 0; line < file.lines.lineCount + 1; line++) for (let character = 0; character < 40; character += 3) engine.hover(file, { line, character });
    }
  });
});

describe('Kubernetes types (1.24+)', () => {
  test('a k8s field shows the Kubernetes description and links to that Kubernetes release\'s API reference', () => {
    const h = hoverText(hoverAt(engine, operator('1.30', 'spec:\n  components:\n    pilot:\n      k8s:\n        readinessProbe:\n          gr|pc: {port: 8080}\n')));
    assert.match(h, /GRPC specifies a GRPC HealthCheckRequest/);
    assert.match(h, /Kubernetes 1\.35 type.*\(https:\/\/kubernetes\.io\/docs\/reference\/generated\/kubernetes-api\/v1\.35\/#grpcaction-v1-core\)/);
    const hpa = hoverText(hoverAt(engine, operator('1.24', 'spec:\n  components:\n    pilot:\n      k8s:\n        hpaSpec:\n          maxRe|plicas: 3\n')));
    assert.match(hpa, /v1\.31\/#horizontalpodautoscalerspec-v2-autoscaling/);
  });

  test('up to 1.23 the same field links to Istio\'s reference (Istio\'s own message)', () => {
    const h = hoverText(hoverAt(engine, operator('1.20', 'spec:\n  components:\n    pilot:\n      k8s:\n        readinessProbe:\n          http|Get: {port: 8080}\n')));
    assert.doesNotMatch(h, /kubernetes-api/);
    assert.match(h, /istio\.io\/v1\.20\/docs\/reference\/config\/istio\.operator\.v1alpha1/);
  });
});
