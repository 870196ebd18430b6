// A new IstioOperator (engine/init/): the files for every release 1.5–1.30 validate with no
// diagnostic at all at their release, each era writes the settings Istio's source says it reads,
// prometheus-operator.yaml holds the objects of Istio's sample (or, 1.5–1.6, of the bundled chart),
// choices a release cannot do are refused with the reason, and the snippets and hovers of the same
// blocks are offered where they apply. Istio sources are cited as file@tag (istio/istio, the
// release's final patch tag); with a mirror of istio/istio ($ISTIO_MIRROR, else
// /work/.mirror/istio+istio/repo) the copied objects are compared with it too.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import YAML from 'yaml';
import { version as toolVersion } from '../../package.json';
import { Engine } from '../../server/src/engine/engine.ts';
import { ACCESS_LOGS, MONITORING, OPENTELEMETRY, TELEMETRY_API, ZIPKIN, type Minors } from '../../server/src/engine/init/eras.ts';
import { MONITORING_DOCS } from '../../server/src/engine/init/monitoringDocs.ts';
import { MONITORS, SAMPLE } from '../../server/src/engine/init/monitors.ts';
import { initChoices, newOperatorFiles, type InitOptions, type InitResult } from '../../server/src/engine/init/newOperator.ts';
import { SNIPPETS, expandSnippet } from '../../server/src/engine/init/snippets.ts';
import { completeAt, hoverAt, hoverText, item, labels, marked, operator } from './helpers.ts';

const engine = new Engine();
const minors = engine.store.minors;
const minor = (v: string) => Number(v.split('.')[1]);
const inRange = (v: string, m: Minors) => minor(v) >= m[0] && minor(v) <= m[1];
const tagOf = (v: string) => engine.store.get(v).tag;

function make(o: InitOptions): Extract<InitResult, { ok: true }> {
  const r = newOperatorFiles(engine.store, o);
  if (!r.ok) throw new Error(`refused ${JSON.stringify(o)}: ${r.message}`);
  return r;
}
const file = (r: Extract<InitResult, { ok: true }>, name: string) => r.files.find((f) => f.name === name);
const spec = (r: Extract<InitResult, { ok: true }>) => YAML.parse(r.files[0].text).spec;
const docsOf = (text: string) => YAML.parseAllDocuments(text).map((d) => d.toJS());

const MIRROR = process.env.ISTIO_MIRROR ?? '/work/.mirror/istio+istio/repo';
const noMirror = fs.existsSync(MIRROR) ? false : `no istio/istio mirror at ${MIRROR}`;
const gitShow = (tag: string, path: string) => execFileSync('git', ['-C', MIRROR, 'show', `${tag}:${path}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe('every supported choice validates with zero diagnostics at its release (all 26)', () => {
  test('the option matrix over the default profile, and every profile with everything on and off', (t) => {
    let combinations = 0;
    let files = 0;
    const refused: string[] = [];
    const releases = new Set<string>();
    for (const v of minors) {
      const choices: InitOptions[] = [];
      for (const monitoring of [undefined, 'kube-prometheus'] as const) {
        for (const tracing of [undefined, 'zipkin', 'opentelemetry'] as const) {
          for (const samplingRate of tracing ? [undefined, 10] : [undefined]) {
            for (const accessLogs of [false, true]) {
              for (const gateways of [undefined, { ingress: false, egress: true }]) {
                for (const hub of [undefined, 'registry.xxx.local/istio']) choices.push({ istioVersion: v, monitoring, tracing, samplingRate, accessLogs, gateways, hub });
              }
            }
          }
        }
      }
      const all = minor(v) >= 16 ? 'opentelemetry' : 'zipkin';
      for (const profile of engine.store.get(v).profiles) {
        choices.push({ istioVersion: v, profile });
        choices.push({ istioVersion: v, profile, monitoring: 'kube-prometheus', tracing: all, samplingRate: 25, accessLogs: true, gateways: { ingress: true, egress: true }, hub: 'registry.xxx.local/istio' });
        choices.push({ istioVersion: v, profile, monitoring: 'kube-prometheus', tracing: 'zipkin', gateways: { ingress: false, egress: false } });
      }
      for (const o of choices) {
        const r = newOperatorFiles(engine.store, o);
        if (!r.ok) { refused.push(`${v} ${o.tracing}`); continue; }
        combinations++;
        releases.add(v);
        for (const f of r.files) {
          files++;
          const parsed = engine.parse(f.text);
          const diagnostics = engine.validate(parsed);
          assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`), [], `${f.name} for ${JSON.stringify(o)}`);
          if (f.name === 'custom-operator.yml') {
            const choice = engine.versionOf(parsed, parsed.documents[0]);
            assert.equal(choice.version, v, 'the file is read at its release');
            assert.equal(choice.source, 'comment', 'from its `# istio-version:` comment');
          }
        }
      }
    }
    assert.deepEqual([...releases], minors, 'files were made and validated at every bundled release');
    assert.equal(minors.length, 26);
    // Only OpenTelemetry before 1.16 is refused (istio/api mesh/v1alpha1/config.proto@1.16.7:513).
    assert.ok(refused.length > 0);
    assert.deepEqual([...new Set(refused)], minors.filter((v) => minor(v) < 16).map((v) => `${v} opentelemetry`));
    t.diagnostic(`${combinations} combinations, ${files} files validated at ${releases.size} releases; ${refused.length} refused (OpenTelemetry before 1.16)`);
  });

  test('the tables are not interchangeable: a file made for one era fails at another', () => {
    const at = (text: string, release: string) => engine.validate(engine.parse(text), { release }).map((d) => d.code);
    const m15 = make({ istioVersion: '1.5', monitoring: 'kube-prometheus' }).files[0].text;
    assert.ok(at(m15, '1.8').length > 0, 'values.prometheus is gone in 1.8');
    const m18 = make({ istioVersion: '1.8', monitoring: 'kube-prometheus' }).files[0].text;
    assert.ok(at(m18, '1.5').length > 0, 'meshConfig.enablePrometheusMerge does not exist in 1.5');
    const z16 = make({ istioVersion: '1.6', tracing: 'zipkin', samplingRate: 10 }).files[0].text;
    assert.ok(at(z16, '1.5').length > 0, 'meshConfig.defaultConfig.tracing.sampling does not exist in 1.5');
    const o22 = make({ istioVersion: '1.22', tracing: 'opentelemetry' }).files[0].text;
    assert.ok(at(o22, '1.15').length > 0, 'no opentelemetry extension provider in 1.15');
  });
});

describe('the header', () => {
  test('line 1 says how the file was made (tool, version, options); line 2 is `# istio-version: 1.X`', () => {
    const r = make({ istioVersion: '1.20', profile: 'demo', monitoring: 'kube-prometheus', tracing: 'opentelemetry', samplingRate: 10, hub: 'h.example/istio', accessLogs: true, gateways: { egress: true } });
    const [first, second] = r.files[0].text.split('\n');
    assert.equal(first, `# Made by iop-lint init (Istio Operator Tools ${toolVersion}) with: --istio-version 1.20 --profile demo --egress --hub h.example/istio --access-logs --monitoring kube-prometheus --tracing opentelemetry --sampling 10`);
    assert.equal(second, '# istio-version: 1.20');
    for (const f of r.files) assert.equal(f.text.split('\n')[0], first, `${f.name} starts with the same line`);
    const other = make({ istioVersion: '1.9', madeBy: 'Istio: New IstioOperator File…' }).files[0].text;
    assert.match(other.split('\n')[0], /^# Made by Istio: New IstioOperator File… \(Istio Operator Tools .*\) with: --istio-version 1\.9$/);
  });

  test('the install command of the release: manifest apply in 1.5, install from 1.6 (upgrade/commands.ts)', () => {
    assert.match(make({ istioVersion: '1.5' }).files[0].text, /^# {3}istioctl manifest apply -f custom-operator\.yml$/m);
    assert.match(make({ istioVersion: '1.6' }).files[0].text, /^# {3}istioctl install -f custom-operator\.yml$/m);
    assert.match(make({ istioVersion: '1.30' }).notes[0], /^Install: istioctl install -f custom-operator\.yml\.$/);
  });
});

describe('monitoring with kube-prometheus: the IstioOperator settings per era', () => {
  test('1.5–1.6 turn off istioctl\'s Prometheus (default.yaml@1.5.10:244-248, @1.6.14:217-218); 1.7 has none to turn off; 1.8+ keep merged metrics on', () => {
    for (const v of minors) {
      const s = spec(make({ istioVersion: v, monitoring: 'kube-prometheus' }));
      assert.equal(s.values?.prometheus?.enabled, minor(v) <= 6 ? false : undefined, v);
      assert.equal(s.meshConfig?.enablePrometheusMerge, minor(v) >= 8 ? true : undefined, v);
      assert.equal(s.values.telemetry.v2.prometheus.enabled, true, `${v}: Istio's standard metrics on`);
      assert.equal(s.meshConfig?.defaultProviders, undefined, `${v}: never defaultProviders (it drops the chart's metrics: [prometheus] from 1.18)`);
    }
  });

  test('no monitoring, no second file and no monitoring settings', () => {
    const r = make({ istioVersion: '1.20' });
    assert.deepEqual(r.files.map((f) => f.name), ['custom-operator.yml']);
    assert.equal(spec(r).values, undefined);
    assert.deepEqual(Object.keys(spec(r)), ['profile']);
  });
});

describe('prometheus-operator.yaml: the objects of Istio\'s sample for that release', () => {
  const objects = (v: string) => docsOf(file(make({ istioVersion: v, monitoring: 'kube-prometheus' }), 'prometheus-operator.yaml')!.text);

  test('every release: monitoring.coreos.com/v1 objects in istio-system, istiod\'s ServiceMonitor on port http-monitoring selecting istio=pilot', () => {
    for (const v of minors) {
      const all = objects(v);
      assert.equal(all.length, 2, v);
      for (const o of all) {
        assert.equal(o.apiVersion, 'monitoring.coreos.com/v1');
        assert.equal(o.metadata.namespace, 'istio-system');
        assert.equal(o.metadata.labels.release, 'istio');
      }
      const component = all.find((o) => o.metadata.name === 'istio-component-monitor');
      assert.equal(component.kind, 'ServiceMonitor', v);
      assert.equal(component.spec.endpoints[0].port, 'http-monitoring', v);
      const expr = component.spec.selector.matchExpressions[0];
      assert.deepEqual([expr.key, expr.operator], ['istio', 'In']);
      assert.ok(expr.values.includes('pilot'), v);
      assert.deepEqual(expr.values, minor(v) <= 6 ? ['mixer', 'pilot', 'galley', 'citadel', 'sidecar-injector'] : ['pilot'], `${v}: the chart's selector in 1.5–1.6, the sample's from 1.7`);
      assert.equal(component.spec.namespaceSelector.any, true);
    }
  });

  test('the sidecars and gateways: port 15090 http-envoy-prom up to 1.7; from 1.8 a PodMonitor on the prometheus.io annotations (merged metrics, 15020)', () => {
    for (const v of minors) {
      const envoy = objects(v).find((o) => o.metadata.name === 'envoy-stats-monitor');
      if (minor(v) <= 7) {
        assert.equal(envoy.kind, 'ServiceMonitor', v);
        const ep = envoy.spec.endpoints[0];
        assert.equal(ep.path, '/stats/prometheus');
        assert.equal(ep.targetPort, 15090);
        assert.deepEqual(ep.relabelings[0], { sourceLabels: ['__meta_kubernetes_pod_container_port_name'], action: 'keep', regex: '.*-envoy-prom' });
      } else {
        assert.equal(envoy.kind, 'PodMonitor', v);
        const ep = envoy.spec.podMetricsEndpoints[0];
        assert.equal(ep.path, '/stats/prometheus');
        assert.equal(ep.targetPort, undefined);
        assert.deepEqual(ep.relabelings[0], { action: 'keep', sourceLabels: ['__meta_kubernetes_pod_container_name'], regex: 'istio-proxy' });
        assert.deepEqual(ep.relabelings[1], { action: 'keep', sourceLabels: ['__meta_kubernetes_pod_annotationpresent_prometheus_io_scrape'] });
        const address = ep.relabelings.filter((r: { targetLabel?: string }) => r.targetLabel === '__address__');
        assert.ok(address.every((r: { sourceLabels: string[] }) => r.sourceLabels.includes('__meta_kubernetes_pod_annotation_prometheus_io_port')), `${v}: the port comes from prometheus.io/port`);
        assert.equal(address.length, minor(v) >= 18 ? 2 : 1, `${v}: IPv4 and IPv6 pod addresses from 1.18 (prometheus-operator.yaml@1.18.7)`);
      }
      const pod = (envoy.spec.endpoints ?? envoy.spec.podMetricsEndpoints)[0].relabelings.find((r: { sourceLabels?: string[] }) => r.sourceLabels?.[0] === '__meta_kubernetes_pod_name');
      assert.equal(pod.targetLabel, minor(v) >= 25 ? 'pod' : 'pod_name', `${v}: label pod from 1.25 (prometheus-operator.yaml@1.25.5)`);
    }
  });

  test('the file cites its source at that release\'s tag', () => {
    assert.match(file(make({ istioVersion: '1.20', monitoring: 'kube-prometheus' }), 'prometheus-operator.yaml')!.text, /^# From Istio's samples\/addons\/extras\/prometheus-operator\.yaml@1\.20\.8, the same file as samples\/addons\/extras\/prometheus-operator\.yaml@1\.18\.7 \(blob 73a926e\), unchanged\.$/m);
    assert.match(file(make({ istioVersion: '1.25', monitoring: 'kube-prometheus' }), 'prometheus-operator.yaml')!.text, /# From Istio's samples\/addons\/extras\/prometheus-operator\.yaml@1\.25\.5 \(blob d07c939\), unchanged\./);
    assert.match(file(make({ istioVersion: '1.5', monitoring: 'kube-prometheus' }), 'prometheus-operator.yaml')!.text, /servicemonitors\.yaml@1\.5\.10:20-71/);
  });

  test('1.7+: each copied sample is the git blob it names, byte for byte (no mirror needed)', () => {
    const copies = MONITORS.filter((m) => m.blob);
    assert.equal(copies.length, 4);
    for (const era of copies) {
      const bytes = Buffer.from(era.text, 'utf8');
      const sha = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
      assert.ok(sha.startsWith(era.blob!), `${era.path}@${era.tag}: blob ${sha.slice(0, 7)}, not ${era.blob}`);
    }
  });

  test('1.7–1.30: the objects are samples/addons/extras/prometheus-operator.yaml at each release\'s tag, unchanged', { skip: noMirror }, () => {
    for (const v of minors.filter((x) => minor(x) >= 7)) {
      const era = MONITORS.find((m) => inRange(v, m.minors))!;
      assert.equal(era.path, SAMPLE);
      assert.equal(gitShow(tagOf(v), SAMPLE).replace(/\n+$/, '\n'), era.text, `${SAMPLE}@${tagOf(v)}`);
    }
  });

  test('1.5–1.6: the bundled chart\'s two monitors, rendered with its defaults (servicemonitors.yaml@1.5.10, @1.6.14)', { skip: noMirror }, () => {
    for (const era of MONITORS.filter((m) => m.minors[1] <= 6)) {
      const [from, to] = era.lines!;
      const rendered = gitShow(era.tag, era.path).split('\n').slice(from - 1, to).join('\n')
        .replaceAll('{{ .Release.Namespace }}', 'istio-system').replaceAll('{{ .Release.Name }}', 'istio').replaceAll('{{ .Values.prometheusOperator.scrapeInterval }}', '15s');
      assert.equal(`${rendered}\n`, era.text, `${era.path}@${era.tag}`);
      const values = YAML.parse(gitShow(era.tag, era.path.replace('templates/servicemonitors.yaml', 'values.yaml')));
      assert.equal(values.prometheusOperator.scrapeInterval, '15s', 'the chart\'s default interval');
    }
  });

  test('what the monitors select exists at each tag: istiod\'s Service (istio: pilot, http-monitoring 15014), the injected http-envoy-prom 15090, the merged-metrics annotations', { skip: noMirror }, () => {
    for (const v of minors) {
      const tag = tagOf(v);
      const files = execFileSync('git', ['-C', MIRROR, 'ls-tree', '-r', '--name-only', tag, '--', 'manifests'], { encoding: 'utf8' }).split('\n');
      const service = files.find((f) => /istio-control\/istio-discovery\/templates\/service\.yaml$/.test(f))!;
      const svc = gitShow(tag, service);
      assert.match(svc, /istio: pilot/, `${service}@${tag}`);
      assert.match(svc, /- port: 15014\n\s+name: http-monitoring/, `${service}@${tag}`);
      const injection = files.find((f) => /istio-control\/istio-discovery\/files\/injection-template\.yaml$/.test(f)) ?? files.find((f) => /istio-discovery\/files\/injection-template\.yaml$/.test(f))!;
      assert.match(gitShow(tag, injection), /containerPort: 15090\n\s+protocol: TCP\n\s+name: http-envoy-prom/, `${injection}@${tag}`);
      if (minor(v) >= 8) {
        const webhook = gitShow(tag, 'pkg/kube/inject/webhook.go');
        assert.match(webhook, /\["prometheus\.io\/path"\] = "\/stats\/prometheus"/, `pkg/kube/inject/webhook.go@${tag}`);
        assert.match(webhook, /\["prometheus\.io\/scrape"\] = "true"/);
      }
    }
  });
});

describe('access logs', () => {
  test('1.5: values.global.proxy.accessLogFile (configmap.yaml@1.5.10:30-31); 1.6+: meshConfig.accessLogFile (validation.go@1.6.14:77)', () => {
    for (const v of minors) {
      const s = spec(make({ istioVersion: v, accessLogs: true }));
      if (minor(v) === 5) {
        assert.equal(s.values.global.proxy.accessLogFile, '/dev/stdout');
        assert.equal(s.meshConfig, undefined);
      } else {
        assert.equal(s.meshConfig.accessLogFile, '/dev/stdout', v);
        assert.equal(s.values, undefined, v);
      }
    }
  });
});

describe('tracing', () => {
  test('Zipkin 1.5–1.21 in the proxy config; sampling in values.pilot.traceSampling (1.5) or defaultConfig.tracing.sampling (1.6+, listener.go@1.6.14:2043-2060)', () => {
    for (const v of minors.filter((x) => minor(x) <= 21)) {
      const r = make({ istioVersion: v, tracing: 'zipkin', samplingRate: 10 });
      const s = spec(r);
      assert.equal(s.meshConfig.enableTracing, true);
      assert.equal(s.meshConfig.defaultConfig.tracing.zipkin.address, 'zipkin.istio-system:9411');
      if (minor(v) === 5) {
        assert.equal(s.values.pilot.traceSampling, 10);
        assert.equal(s.meshConfig.defaultConfig.tracing.sampling, undefined);
      } else {
        assert.equal(s.meshConfig.defaultConfig.tracing.sampling, 10, v);
        assert.equal(s.values, undefined);
      }
      assert.equal(file(r, 'telemetry.yaml'), undefined, `${v}: no Telemetry resource`);
      assert.match(r.files[0].text, /^ {4}# Only HTTP\/1\.1, HTTP\/2 and gRPC calls are traced by the mesh \(not MySQL, Redis, message queues or other TCP\), and only if each app forwards the trace headers \(b3, traceparent\)\.\n {4}enableTracing: true$/m, 'the caveat, as a comment line of its own');
      assert.ok(r.notes.some((n) => /^Only HTTP\/1\.1, HTTP\/2 and gRPC calls are traced/.test(n)), 'and in the notes');
    }
  });

  test('Zipkin from 1.22 (no default tracing: drop-default-tracing.yaml@1.22.8): an extension provider and a telemetry.istio.io/v1 Telemetry', () => {
    for (const v of minors.filter((x) => minor(x) >= 22)) {
      const r = make({ istioVersion: v, tracing: 'zipkin', samplingRate: 2.5 });
      const s = spec(r);
      assert.deepEqual(s.meshConfig.extensionProviders, [{ name: 'zipkin', zipkin: { service: 'zipkin.istio-system.svc.cluster.local', port: 9411 } }]);
      assert.equal(s.meshConfig.defaultConfig, undefined);
      assert.equal(s.meshConfig.enableTracing, undefined);
      const [telemetry] = docsOf(file(r, 'telemetry.yaml')!.text);
      assert.deepEqual(telemetry, {
        apiVersion: 'telemetry.istio.io/v1', kind: 'Telemetry', metadata: { name: 'mesh-default', namespace: 'istio-system' },
        spec: { tracing: [{ providers: [{ name: 'zipkin' }], randomSamplingPercentage: 2.5 }] },
      }, v);
    }
  });

  test('OpenTelemetry 1.16+: the provider of Istio\'s sample per era, and a Telemetry of the API version the base CRDs serve (v1alpha1 to 1.21, v1 from 1.22)', () => {
    const services: Record<string, string> = { '1.16': 'opentelemetry-collector.istio-system.svc.cluster.local', '1.18': 'opentelemetry-collector.otel-collector.svc.cluster.local', '1.22': 'opentelemetry-collector.observability.svc.cluster.local' };
    for (const v of minors.filter((x) => minor(x) >= 16)) {
      const r = make({ istioVersion: v, tracing: 'opentelemetry' });
      const providers = spec(r).meshConfig.extensionProviders;
      assert.equal(providers.length, 1);
      const era = minor(v) >= 22 ? '1.22' : minor(v) >= 18 ? '1.18' : '1.16';
      assert.deepEqual(providers[0], { name: 'otel-tracing', opentelemetry: { service: services[era], port: 4317 } }, v);
      const [telemetry] = docsOf(file(r, 'telemetry.yaml')!.text);
      assert.equal(telemetry.apiVersion, minor(v) >= 22 ? 'telemetry.istio.io/v1' : 'telemetry.istio.io/v1alpha1', v);
      assert.deepEqual(telemetry.spec.tracing, [{ providers: [{ name: 'otel-tracing' }] }], `${v}: no sampling asked, none set (Istio's 1%)`);
      assert.equal(engine.validate(engine.parse(file(r, 'telemetry.yaml')!.text)).length, 0);
    }
  });

  test('a collector of your own: --tracing-service/--tracing-port', () => {
    assert.equal(spec(make({ istioVersion: '1.12', tracing: 'zipkin', tracingService: 'jaeger-collector.tracing', tracingPort: 9412 })).meshConfig.defaultConfig.tracing.zipkin.address, 'jaeger-collector.tracing:9412');
    assert.deepEqual(spec(make({ istioVersion: '1.24', tracing: 'opentelemetry', tracingService: 'otel.obs.svc.cluster.local' })).meshConfig.extensionProviders[0].opentelemetry, { service: 'otel.obs.svc.cluster.local', port: 4317 });
  });

  test('the profile\'s own extension providers are kept, since istioctl replaces the list (ambient\'s prometheus in 1.20, demo\'s otel ALS)', () => {
    const ambient = spec(make({ istioVersion: '1.20', profile: 'ambient', tracing: 'opentelemetry' })).meshConfig.extensionProviders;
    assert.deepEqual(ambient.map((p: { name: string }) => p.name), ['prometheus', 'otel-tracing']);
    const demo = spec(make({ istioVersion: '1.18', profile: 'demo', tracing: 'opentelemetry', samplingRate: 100 })).meshConfig.extensionProviders;
    assert.deepEqual(demo.map((p: { name: string }) => p.name), ['otel', 'skywalking', 'otel-tracing'], 'demo\'s otel-tracing is replaced by ours, not doubled');
    assert.equal(demo[2].opentelemetry.service, 'opentelemetry-collector.otel-collector.svc.cluster.local');
  });
});

describe('gateways', () => {
  test('1.7–1.23 merge gateway lists by name: only name and enabled are written', () => {
    const s = spec(make({ istioVersion: '1.20', gateways: { ingress: false, egress: true } }));
    assert.deepEqual(s.components, { ingressGateways: [{ name: 'istio-ingressgateway', enabled: false }], egressGateways: [{ name: 'istio-egressgateway', enabled: true }] });
  });

  test('1.5–1.6 replace the list: the profile\'s entry is copied in full, k8s settings and all', () => {
    const r = make({ istioVersion: '1.5', gateways: { egress: true } });
    const egress = spec(r).components.egressGateways[0];
    assert.equal(egress.enabled, true);
    assert.equal(egress.k8s.env[0].name, 'ISTIO_META_ROUTER_MODE', 'the default profile\'s env for the egress gateway (operator/data/profiles/default.yaml@1.5.10)');
    assert.ok(r.notes.some((n) => /replaces components\.egressGateways as a whole/.test(n)));
    assert.equal(spec(r).components.ingressGateways, undefined, 'a gateway not asked about is not written');
  });
});

describe('refusals', () => {
  const refusal = (o: InitOptions) => {
    const r = newOperatorFiles(engine.store, o);
    assert.equal(r.ok, false, JSON.stringify(o));
    return (r as { message: string }).message;
  };

  test('OpenTelemetry before 1.16 names the missing provider and the first release that has it', () => {
    const m = refusal({ istioVersion: '1.15', tracing: 'opentelemetry' });
    assert.match(m, /Istio 1\.15 cannot do that/);
    assert.match(m, /meshConfig\.extensionProviders\[\]\.opentelemetry/);
    assert.match(m, /from 1\.16/);
    assert.match(m, /Use zipkin, or Istio 1\.16\+\./);
  });

  test('a profile the release does not have lists the ones it has', () => {
    assert.match(refusal({ istioVersion: '1.15', profile: 'ambient' }), /Istio 1\.15 has no built-in profile `ambient`; its profiles are `default`, `demo`/);
    assert.match(refusal({ istioVersion: '1.6', profile: 'separate' }), /no built-in profile `separate`/);
    assert.equal(make({ istioVersion: '1.5', profile: 'separate' }).ok, true, '1.5 has it');
  });

  test('sampling without tracing, out of 0–100, or 0 where Istio reads 0 as "not set"', () => {
    assert.match(refusal({ istioVersion: '1.20', samplingRate: 5 }), /needs a tracing choice/);
    assert.match(refusal({ istioVersion: '1.20', tracing: 'zipkin', samplingRate: 101 }), /not a percentage between 0 and 100/);
    assert.match(refusal({ istioVersion: '1.20', tracing: 'zipkin', samplingRate: Number.NaN }), /not a percentage/);
    assert.match(refusal({ istioVersion: '1.20', tracing: 'zipkin', samplingRate: 0 }), /reads a sampling of 0 .* as "not set"/);
    assert.equal(docsOf(file(make({ istioVersion: '1.22', tracing: 'zipkin', samplingRate: 0 }), 'telemetry.yaml')!.text)[0].spec.tracing[0].randomSamplingPercentage, 0, 'the Telemetry API takes 0');
  });

  test('a release that is not bundled, a bad hub, a bad collector', () => {
    assert.match(refusal({ istioVersion: '1.4' }), /not a bundled release/);
    assert.match(refusal({ istioVersion: '1.20', hub: 'a b' }), /not a registry path/);
    assert.match(refusal({ istioVersion: '1.20', tracing: 'zipkin', tracingPort: 70000 }), /not a port number/);
    assert.match(refusal({ istioVersion: '1.20', tracing: 'zipkin', tracingService: 'http://x' }), /not a host name/);
  });
});

describe('initChoices: what a form can offer for a release', () => {
  test('the release\'s profiles, and OpenTelemetry marked unsupported before 1.16 with the refusal\'s reason', () => {
    const c15 = initChoices(engine.store, '1.15')!;
    assert.deepEqual(c15.profiles, engine.store.get('1.15').profiles);
    assert.deepEqual(c15.tracing.map((t) => [t.choice, t.supported]), [['zipkin', true], ['opentelemetry', false]]);
    assert.match(c15.tracing[1].reason!, /only has from 1\.16/);
    assert.ok(initChoices(engine.store, '1.16')!.tracing.every((t) => t.supported));
    assert.equal(initChoices(engine.store, '1.4'), undefined);
    for (const v of minors) {
      const c = initChoices(engine.store, v)!;
      for (const t of c.tracing) assert.equal(newOperatorFiles(engine.store, { istioVersion: v, tracing: t.choice }).ok, t.supported, `${v} ${t.choice}`);
    }
  });
});

describe('the tables', () => {
  test('each era table covers 1.5–1.30 once, without gaps or overlaps', () => {
    const tables = { MONITORING, ACCESS_LOGS, ZIPKIN, OPENTELEMETRY, TELEMETRY_API, MONITORS };
    for (const [name, table] of Object.entries(tables)) {
      for (const v of minors) assert.equal((table as ReadonlyArray<{ minors: Minors }>).filter((r) => inRange(v, r.minors)).length, 1, `${name} at ${v}`);
    }
  });

  test('the Telemetry API version is one the base chart\'s CRD serves at each tag (crd-all.gen.yaml)', { skip: noMirror }, () => {
    for (const v of minors.filter((x) => minor(x) >= 11)) {
      const tag = tagOf(v);
      const path = minor(v) >= 24 ? 'manifests/charts/base/files/crd-all.gen.yaml' : 'manifests/charts/base/crds/crd-all.gen.yaml';
      const crd = YAML.parseAllDocuments(gitShow(tag, path)).map((d) => d.toJS()).find((d) => d?.metadata?.name === 'telemetries.telemetry.istio.io');
      const served = crd.spec.versions.filter((x: { served: boolean }) => x.served).map((x: { name: string }) => `telemetry.istio.io/${x.name}`);
      const chosen = TELEMETRY_API.find((r) => inRange(v, r.minors))!.apiVersion!;
      assert.ok(served.includes(chosen), `${path}@${tag} serves ${served.join(', ')}, not ${chosen}`);
      if (minor(v) >= 22) assert.equal(chosen, 'telemetry.istio.io/v1', `${v}: v1 once it is served`);
    }
  });

  test('OpenTelemetry starts where the mesh proto gets the provider (istio/api config.proto, ../shared/istio/<minor>/proto)', () => {
    for (const v of minors) {
      const proto = fs.readFileSync(`../shared/istio/${v}/proto/mesh/v1alpha1/config.proto`, 'utf8');
      const has = /OpenTelemetryTracingProvider opentelemetry = \d+;/.test(proto);
      const era = OPENTELEMETRY.find((r) => inRange(v, r.minors))!;
      assert.equal(!era.unsupported, has, v);
    }
  });
});

describe('hover: what the settings do for monitoring and tracing', () => {
  test('every documented path exists at every release of its range', () => {
    for (const d of MONITORING_DOCS) {
      for (const v of minors.filter((x) => inRange(x, d.minors))) {
        const steps = d.path.replace(/\[\]/g, '.0').split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
        assert.ok(engine.store.get(v).at(steps), `${d.path} in ${v}`);
      }
    }
  });

  test('over enablePrometheusMerge in 1.20: the PodMonitor it feeds; over values.prometheus.enabled in 1.5: istioctl\'s own Prometheus; none over hub', () => {
    const merge = hoverText(hoverAt(engine, operator('1.20', 'spec:\n  meshConfig:\n    enablePrometheus|Merge: true\n')));
    assert.match(merge, /\*\*Monitoring and tracing\*\* \(Istio 1\.8\+\)/);
    assert.match(merge, /PodMonitor/);
    const prom = hoverText(hoverAt(engine, operator('1.5', 'spec:\n  values:\n    prometheus:\n      enab|led: false\n')));
    assert.match(prom, /addonComponents\.prometheus/);
    const otel = hoverText(hoverAt(engine, operator('1.22', 'spec:\n  meshConfig:\n    extensionProviders:\n      - name: otel\n        opentele|metry:\n          port: 4317\n')));
    assert.match(otel, /Telemetry resource/);
    assert.match(otel, /Only HTTP\/1\.1, HTTP\/2 and gRPC calls are traced/);
    assert.doesNotMatch(hoverText(hoverAt(engine, operator('1.20', 'spec:\n  h|ub: x\n'))), /Monitoring and tracing/);
  });
});

describe('snippets', () => {
  test('each snippet, placeholders at their defaults, validates with zero diagnostics at every release of its range', (t) => {
    let n = 0;
    for (const s of SNIPPETS) {
      for (const v of minors.filter((x) => inRange(x, s.minors))) {
        const body = expandSnippet(s.body).split('\n').map((l) => `    ${l}`).join('\n');
        const text = operator(v, `spec:\n  ${s.at.split('.')[1]}:\n${body}\n`);
        assert.deepEqual(engine.validate(engine.parse(text)).map((d) => d.message), [], `${s.label} at ${v}`);
        n++;
      }
    }
    t.diagnostic(`${SNIPPETS.length} snippets checked at ${n} release × snippet pairs`);
  });

  test('under meshConfig in 1.20: the tracing and monitoring blocks, as snippets with placeholders, one level deeper on each line', () => {
    const src = operator('1.20', 'spec:\n  meshConfig:\n    |\n');
    const list = completeAt(engine, src, { setting: '1.20' });
    const otel = item(list, 'OpenTelemetry tracing provider');
    assert.equal(otel.insertTextFormat, 2, 'a snippet');
    const cursor = marked(src).position;
    assert.deepEqual(otel.textEdit, { range: { start: cursor, end: cursor }, newText: 'extensionProviders:\n      - name: ${1:otel-tracing}\n        opentelemetry:\n          service: ${2:opentelemetry-collector.otel-collector.svc.cluster.local}\n          port: ${3:4317}' });
    assert.ok(labels(list).includes('kube-prometheus: merged Prometheus metrics'));
    assert.ok(labels(list).includes('Zipkin/Jaeger tracing in the proxy config'));
    assert.ok(!labels(list).includes('kube-prometheus: no bundled Prometheus'), 'a values snippet is not offered under meshConfig');
    assert.ok(labels(list).includes('enableTracing'), 'the keys are still there');
  });

  test('the release decides: no OpenTelemetry before 1.16, no bundled-Prometheus switch after 1.6, proxy-config Zipkin only to 1.21', () => {
    const mesh = (v: string) => labels(completeAt(engine, operator(v, 'spec:\n  meshConfig:\n    |\n')));
    const values = (v: string) => labels(completeAt(engine, operator(v, 'spec:\n  values:\n    |\n')));
    assert.ok(!mesh('1.15').includes('OpenTelemetry tracing provider'));
    assert.ok(mesh('1.16').includes('OpenTelemetry tracing provider'));
    assert.ok(values('1.6').includes('kube-prometheus: no bundled Prometheus'));
    assert.ok(!values('1.7').includes('kube-prometheus: no bundled Prometheus'));
    assert.ok(!mesh('1.22').includes('Zipkin/Jaeger tracing in the proxy config'));
  });

  test('not offered when the map already has one of its keys, nor inside a flow map, nor as a list item', () => {
    const present = labels(completeAt(engine, operator('1.20', 'spec:\n  meshConfig:\n    extensionProviders: []\n    |\n')));
    assert.ok(!present.includes('OpenTelemetry tracing provider'));
    assert.ok(present.includes('kube-prometheus: merged Prometheus metrics'));
    assert.ok(!labels(completeAt(engine, operator('1.20', 'spec:\n  meshConfig: {|}\n'))).some((l) => l.includes('tracing')));
    assert.ok(!labels(completeAt(engine, operator('1.20', 'spec:\n  components:\n    |\n'))).some((l) => l.includes('Prometheus')));
  });

  test('right after `values:` the snippet starts on a new line, and in a four-space document it is indented by four; applied, it validates', () => {
    const src = operator('1.5', 'spec:\n    values: |\n');
    const list = completeAt(engine, src);
    const telemetry = item(list, 'Istio standard metrics (telemetry v2)');
    const edit = telemetry.textEdit as { newText: string };
    assert.equal(edit.newText, '\n        telemetry:\n            enabled: true\n            v2:\n                enabled: true\n                prometheus:\n                    enabled: true');
    const m = marked(src);
    const applied = m.text.slice(0, m.offset).replace(/ $/, '') + expandSnippet(edit.newText) + m.text.slice(m.offset);
    assert.deepEqual(engine.validate(engine.parse(applied)).map((d) => d.message), []);
    const otel = item(completeAt(engine, operator('1.22', 'spec:\n    meshConfig:\n        |\n')), 'OpenTelemetry tracing provider');
    assert.equal((otel.textEdit as { newText: string }).newText.split('\n').slice(0, 3).join('\n'), 'extensionProviders:\n            - name: ${1:otel-tracing}\n              opentelemetry:', 'a list item\'s keys two right of its dash');
  });
});
