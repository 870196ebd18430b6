// meshConfig.defaultProviders without `metrics`: from 1.18 the istiod chart adds its default
// `metrics: [prometheus]` only when the file sets no defaultProviders (the "default-prometheus"
// helper of manifests/charts/istio-control/istio-discovery/templates/_helpers.tpl, read here at
// each tag the data bundles), so Istio's metrics go silently. istioctl says nothing; we warn.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import YAML from 'yaml';
import { Engine } from '../../server/src/engine/engine.ts';

const engine = new Engine();
const ISTIO = process.env.ISTIO_DATA ?? path.resolve(import.meta.dirname, '../../../shared/istio');

const file = (version: string, providers: string, values = '') =>
  `# istio-version: ${version}\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  meshConfig:\n    defaultProviders:\n${providers}${values}`;
const warnings = (text: string) => engine.validate(engine.parse(text)).filter((d) => d.code === 'feature-conflict');

describe('defaultProviders without metrics', () => {
  test('1.18–1.30: tracing alone warns at the key, naming the fix; with metrics, or telemetry off, it does not', () => {
    for (const v of ['1.18', '1.24', '1.30']) {
      const w = warnings(file(v, '      tracing:\n      - zipkin\n'));
      assert.equal(w.length, 1, v);
      assert.equal(w[0].range.start.line, 5);
      assert.match(String(w[0].message), /metrics: \[prometheus\]/);
      assert.deepEqual(warnings(file(v, '      metrics:\n      - prometheus\n      tracing:\n      - zipkin\n')), [], `${v} with metrics`);
      assert.deepEqual(warnings(file(v, '      tracing:\n      - zipkin\n', '  values:\n    telemetry:\n      enabled: false\n')), [], `${v} telemetry off`);
    }
  });

  test('1.17 and before: the chart does not depend on defaultProviders, so no warning', () => {
    assert.deepEqual(warnings(file('1.17', '      tracing:\n      - zipkin\n')), []);
  });

  test('the bundled chart values are what the rule assumes: telemetry and its Prometheus on by default from 1.18', () => {
    for (const v of ['1.18', '1.24', '1.30']) {
      const raw = YAML.parse(fs.readFileSync(path.join(ISTIO, v, 'charts/istio-control/istio-discovery/values.yaml'), 'utf8'));
      const t = (raw._internal_defaults_do_not_set ?? raw.defaults ?? raw).telemetry;
      assert.deepEqual([t.enabled, t.v2.enabled, t.v2.prometheus.enabled], [true, true, true], v);
    }
  });
});
