// istio's ValidateMeshConfig checks on spec.meshConfig and spec.values.meshConfig, release by release:
// each check fires on a bad value with istio's own error, and a good value next to it gives no diagnostic.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Engine } from '../../server/src/engine/engine.ts';
import { goDuration, parseGoDuration } from '../../server/src/engine/rules/meshConfigChecks.ts';


const engine = new Engine();
const CODE = 'invalid-mesh-config';
const VERSIONS = [10, 20, 23, 24, 29, 30];

/** A document with `body` (YAML relative to meshConfig) under spec.meshConfig or spec.values.meshConfig. */
function doc(minor: number, body: string, root: 'spec' | 'values' = 'spec'): string {
  const depth = root === 'spec' ? 4 : 6;
  const indented = body.split('\n').map((l) => ' '.repeat(depth) + l).join('\n');
  const head = root === 'spec' ? '  meshConfig:\n' : '  values:\n    meshConfig:\n';
  return `# istio-version: 1.${minor}\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n${head}${indented}\n`;
}

const check = (text: string): Diagnostic[] => engine.validate(engine.parse(text));
const mesh = (text: string) => check(text).filter((d) => d.code === CODE).map((d) => ({ ...d, message: d.message as string }));

function covered(text: string, d: Diagnostic): string {
  assert.equal(d.range.start.line, d.range.end.line, 'single-line range');
  return text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character);
}

interface Case {
  name: string;
  minors: [number, number];
  bad: string;
  good: string;
  message: RegExp;
  /** The text the diagnostic covers. */
  at: string;
  warning?: boolean;
}

const CASES: Case[] = [
  { name: 'proxyListenPort out of range', minors: [6, 30], bad: 'proxyListenPort: 70000', good: 'proxyListenPort: 15001', at: '70000', message: /^`proxyListenPort: 70000` is not a port; use a number from 1 to 65535\. .*"invalid proxy listen port: port number 70000 must be in the range 1\.\.65535"\.$/ },
  { name: 'connectTimeout below 1ms', minors: [5, 30], bad: 'connectTimeout: 0.5ms', good: 'connectTimeout: 1ms', at: '0.5ms', message: /^`connectTimeout: 0\.5ms` is shorter than 1ms; write at least `1ms`\. .*"invalid connect timeout: duration must be greater than 1ms"/ },
  { name: 'connectTimeout not whole milliseconds', minors: [5, 30], bad: 'connectTimeout: 1500us', good: 'connectTimeout: 2ms', at: '1500us', message: /is not a whole number of milliseconds; write e\.g\. `2ms`.*only durations to ms precision are supported/ },
  { name: 'connectTimeout over 30s (1.5–1.19)', minors: [5, 19], bad: 'connectTimeout: 45s', good: 'connectTimeout: 30s', at: '45s', message: /is longer than 30s; write at most `30s`.*"invalid connect timeout: time 45s must be >1ms and <30s"/ },
  { name: 'connectTimeout over 1h (1.20+)', minors: [20, 30], bad: 'connectTimeout: 1h30m', good: 'connectTimeout: 1h', at: '1h30m', message: /is longer than 1h; write at most `1h`.*"invalid connect timeout: time 1h30m0s must be >1ms and <1h0m0s"/ },
  { name: 'protocolDetectionTimeout not whole milliseconds', minors: [5, 30], bad: 'protocolDetectionTimeout: 1.5ms', good: 'protocolDetectionTimeout: 0s', at: '1.5ms', message: /or `0s` to turn the timeout off.*"invalid protocol detection timeout: only durations to ms precision are supported"/ },
  { name: 'distribute and failover together', minors: [5, 30], bad: 'localityLbSetting:\n  distribute: [{from: "us-east/*", to: {"us-west/*": 100}}]\n  failover: [{from: us-east, to: us-west}]', good: 'localityLbSetting:\n  failover: [{from: us-east, to: us-west}]', at: '[{from: us-east, to: us-west}]', message: /`localityLbSetting\.failover` is set together with `distribute`; keep one of them.*can not simultaneously specify 'distribute' and 'failover'/ },
  { name: 'locality weight 0', minors: [5, 30], bad: 'localityLbSetting:\n  distribute: [{from: "us-east/*", to: {"us-west/*": 0, "us-central/*": 100}}]', good: 'localityLbSetting:\n  distribute: [{from: "us-east/*", to: {"us-west/*": 1, "us-central/*": 99}}]', at: '0', message: /is not a weight from 1 to 100.*"locality weight must be in range \[1, 100\]"/ },
  { name: 'locality weights not adding up to 100', minors: [5, 30], bad: 'localityLbSetting:\n  distribute: [{from: "us-east/*", to: {"us-west/*": 60, "us-central/*": 30}}]', good: 'localityLbSetting:\n  distribute: [{from: "us-east/*", to: {"us-west/*": 70, "us-central/*": 30}}]', at: '{"us-west/*": 60, "us-central/*": 30}', message: /has weights adding up to 90; make them add up to 100.*"total locality weight 90 != 100"/ },
  { name: 'locality wildcard not last', minors: [5, 30], bad: 'localityLbSetting:\n  distribute: [{from: "us-east/*/a", to: {"us-west/*": 100}}]', good: 'localityLbSetting:\n  distribute: [{from: "us-east/*", to: {"us-west/*": 100}}]', at: '"us-east/*/a"', message: /may hold one `\*`, only at the end.*"locality us-east\/\*\/a wildcard '\*' number can not exceed 1 and must be in the end"/ },
  { name: 'overlapping localities', minors: [5, 30], bad: 'localityLbSetting:\n  distribute: [{from: "us-east/*", to: {"us-west": 50, "us-west/a": 50}}]', good: 'localityLbSetting:\n  distribute: [{from: "us-east/*", to: {"us-west/b": 50, "us-west/a": 50}}]', at: '"us-west/a"', message: /^`localityLbSetting\.distribute\[0\]\.to\.us-west\/a` overlaps a locality listed before it.*"locality us-west\/a overlap with previous specified ones"/ },
  { name: 'failover to the same region', minors: [5, 30], bad: 'localityLbSetting:\n  failover: [{from: us-east, to: us-east}]', good: 'localityLbSetting:\n  failover: [{from: us-east, to: eu-west}]', at: 'us-east', message: /^`localityLbSetting\.failover\[0\]\.to: us-east` fails over to its own region `us-east`.*"locality lb failover settings must specify different regions"/ },
  { name: 'failover to a zone (1.13+)', minors: [13, 30], bad: 'localityLbSetting:\n  failover: [{from: us-east, to: eu-west/a}]', good: 'localityLbSetting:\n  failover: [{from: us-east, to: eu-west}]', at: 'eu-west/a', message: /names a zone; failover takes regions only.*"locality lb failover only specify region"/ },
  { name: 'failover with a wildcard', minors: [5, 30], bad: 'localityLbSetting:\n  failover: [{from: us-east, to: "eu*"}]', good: 'localityLbSetting:\n  failover: [{from: us-east, to: eu}]', at: '"eu*"', message: /holds a `\*`.*"locality lb failover region should not contain '\*' wildcard"/ },
  { name: 'failover with a topology failoverPriority (1.20+)', minors: [20, 30], bad: 'localityLbSetting:\n  failover: [{from: us-east, to: eu-west}]\n  failoverPriority: [topology.kubernetes.io/zone]', good: 'localityLbSetting:\n  failover: [{from: us-east, to: eu-west}]\n  failoverPriority: [example.com/rack]', at: 'topology.kubernetes.io/zone', message: /is a topology label.*"can not simultaneously set 'failover' and topology label 'topology\.kubernetes\.io\/zone' in 'failover_priority'"/ },
  { name: 'serviceSettings host with an inner wildcard', minors: [6, 30], bad: 'serviceSettings: [{hosts: ["a.*.example.com"]}]', good: 'serviceSettings: [{hosts: ["*.example.com"]}]', at: '"a.*.example.com"', message: /is not a host name.*"serviceSettings\[0\], host `a\.\*\.example\.com`: domain name "\*\.example\.com" invalid \(label "\*" invalid\)"/ },
  { name: 'trustDomain not DNS labels', minors: [8, 30], bad: 'trustDomain: my_domain', good: 'trustDomain: cluster.local', at: 'my_domain', message: /^`trustDomain: my_domain` is not a trust domain.*"trustDomain: trust domain name "my_domain" invalid"/ },
  { name: 'trustDomainAliases entry empty', minors: [8, 30], bad: 'trustDomainAliases: [old.local, ""]', good: 'trustDomainAliases: [old.local, older.local]', at: '""', message: /^`trustDomainAliases\[1\]: ""` is empty.*"trustDomainAliases\[1\], domain `` : empty domain name not allowed"/ },
  { name: 'meshMTLS ECDH curves', minors: [18, 30], bad: 'meshMTLS: {ecdhCurves: [P-256]}', good: 'meshMTLS: {minProtocolVersion: TLSV1_3}', at: '[P-256]', message: /mesh mTLS takes no ECDH curves.*"mesh TLS does not support ECDH curves configuration"/ },
  { name: 'unknown tlsDefaults ECDH curve', minors: [18, 30], bad: 'tlsDefaults: {ecdhCurves: [P-256, P-999]}', good: 'tlsDefaults: {ecdhCurves: [P-256, X25519]}', at: 'P-999', warning: true, message: /is not an ECDH curve istio 1\.\d+ knows.* warns: "detected unrecognized ECDH curves: \[P-999\]"/ },
  { name: 'repeated tlsDefaults ECDH curve', minors: [18, 30], bad: 'tlsDefaults: {ecdhCurves: [X25519, P-256, X25519]}', good: 'tlsDefaults: {ecdhCurves: [X25519, P-256]}', at: 'X25519', warning: true, message: /^`tlsDefaults\.ecdhCurves\[2\]: X25519` is listed twice.*"detected duplicate ECDH curves: \[X25519\]"/ },
  { name: 'drainDuration not whole seconds', minors: [5, 30], bad: 'defaultConfig: {drainDuration: 1500ms}', good: 'defaultConfig: {drainDuration: 5s}', at: '1500ms', message: /is not a whole number of seconds; write e\.g\. `2s`.*drain time only supports durations to seconds precision/ },
  { name: 'drainDuration over 1h (1.17–1.21)', minors: [17, 21], bad: 'defaultConfig: {drainDuration: 2h}', good: 'defaultConfig: {drainDuration: 1h}', at: '2h', message: /"drain time 2h0m0s must be <1h0m0s"/ },
  { name: 'discoveryAddress without a port', minors: [5, 30], bad: 'defaultConfig: {discoveryAddress: istiod.istio-system.svc}', good: 'defaultConfig: {discoveryAddress: "istiod.istio-system.svc:15012"}', at: 'istiod.istio-system.svc', message: /has no port; write host:port.*"invalid discovery address: unable to split "istiod\.istio-system\.svc": address istiod\.istio-system\.svc: missing port in address"/ },
  { name: 'discoveryAddress empty (1.7+)', minors: [7, 30], bad: 'defaultConfig: {discoveryAddress: ""}', good: 'defaultConfig: {concurrency: 2}', at: '""', message: /is empty; remove it for the default.*"discovery address must be set to the proxy discovery service"/ },
  { name: 'configPath empty (1.7+)', minors: [7, 30], bad: 'defaultConfig: {configPath: ""}', good: 'defaultConfig: {configPath: ./etc/istio/proxy}', at: '""', message: /"config path must be set"/ },
  { name: 'zipkin address with a bad host', minors: [8, 30], bad: 'defaultConfig: {tracing: {zipkin: {address: "zip_kin:9411"}}}', good: 'defaultConfig: {tracing: {zipkin: {address: "$(HOST_IP):9411"}}}', at: '"zip_kin:9411"', message: /has host `zip_kin`, which is neither a DNS name nor an IP address.*"invalid zipkin config: "zip_kin" is not a valid hostname or an IP address"/ },
  { name: 'datadog address without a port', minors: [5, 30], bad: 'defaultConfig: {tracing: {datadog: {address: "$(HOST_IP)"}}}', good: 'defaultConfig: {tracing: {datadog: {address: "$(HOST_IP):8126"}}}', at: '"$(HOST_IP)"', message: /"invalid datadog config: unable to split "127\.0\.0\.1": address 127\.0\.0\.1: missing port in address"/ },
  { name: 'lightstep without an access token', minors: [6, 30], bad: 'defaultConfig: {tracing: {lightstep: {address: "lightstep:443"}}}', good: 'defaultConfig: {tracing: {lightstep: {address: "lightstep:443", accessToken: abc}}}', at: '{address: "lightstep:443"}', message: /has no accessToken.*"invalid lightstep config: access token is required"/ },
  { name: 'statsd address with a non-numeric port', minors: [5, 30], bad: 'defaultConfig: {statsdUdpAddress: "statsd:abc"}', good: 'defaultConfig: {statsdUdpAddress: "statsd:8125"}', at: '"statsd:abc"', message: /has port `abc`, which is not a number.*"invalid statsd udp address "statsd:abc": port \(abc\) is not a number: strconv\.Atoi: parsing "abc": invalid syntax"/ },
  { name: 'envoyAccessLogService address port 0', minors: [5, 30], bad: 'defaultConfig: {envoyAccessLogService: {address: "als:0"}}', good: 'defaultConfig: {envoyAccessLogService: {address: "als:9000"}}', at: '"als:0"', message: /has port 0; use a port from 1 to 65535.*"invalid envoy access log service address "als:0": port number 0 must be in the range 1\.\.65535"/ },
  { name: 'proxyAdminPort 0 (1.7+)', minors: [7, 30], bad: 'defaultConfig: {proxyAdminPort: 0}', good: 'defaultConfig: {proxyAdminPort: 15000}', at: '0', message: /"invalid proxy admin port: port number 0 must be in the range 1\.\.65535"/ },
  { name: 'statusPort out of range (1.11+)', minors: [11, 30], bad: 'defaultConfig: {statusPort: 70000}', good: 'defaultConfig: {statusPort: 15020}', at: '70000', message: /"invalid status port: port number 70000 must be in the range 1\.\.65535"/ },
  { name: 'controlPlaneAuthPolicy INHERIT', minors: [11, 30], bad: 'defaultConfig: {controlPlaneAuthPolicy: INHERIT}', good: 'defaultConfig: {controlPlaneAuthPolicy: MUTUAL_TLS}', at: 'INHERIT', message: /write `MUTUAL_TLS` or `NONE`.*"invalid authentication policy: unrecognized control plane auth policy "INHERIT""/ },
  { name: 'tracing TLS credentialName with CA certificates (1.7+)', minors: [7, 30], bad: 'defaultConfig: {tracing: {tlsSettings: {mode: SIMPLE, credentialName: tracing-cred, caCertificates: /etc/ca.pem}}}', good: 'defaultConfig: {tracing: {tlsSettings: {mode: SIMPLE, credentialName: tracing-cred}}}', at: '/etc/ca.pem', message: /is set together with credentialName.*"invalid tracing TLS config: cannot specify client certificates or CA certificate (or CA CRL )?If credentialName is set"/ },
  { name: 'tracing TLS configmap credential (1.26+)', minors: [26, 30], bad: 'defaultConfig: {tracing: {tlsSettings: {mode: SIMPLE, credentialName: "configmap://tracing-ca"}}}', good: 'defaultConfig: {tracing: {tlsSettings: {mode: SIMPLE, credentialName: "tracing-ca"}}}', at: '"configmap://tracing-ca"', message: /is a configmap:\/\/ reference.*"invalid tracing TLS config: invalid configmap:\/\/ credentialName: namespace must match the configuration namespace """/ },
  { name: 'privateKeyProvider without pollDelay (1.14+)', minors: [14, 30], bad: 'defaultConfig: {privateKeyProvider: {cryptomb: {}}}', good: 'defaultConfig: {privateKeyProvider: {cryptomb: {pollDelay: 10ms}}}', at: '{}', message: /has no pollDelay.*"invalid private key provider confi?guration: pollDelay is required"/ },
  { name: 'ISTIO_META_DNS_AUTO_ALLOCATE (1.25+)', minors: [25, 30], bad: 'defaultConfig: {proxyMetadata: {ISTIO_META_DNS_AUTO_ALLOCATE: "true"}}', good: 'defaultConfig: {proxyMetadata: {ISTIO_META_DNS_CAPTURE: "true"}}', at: '"true"', warning: true, message: /is deprecated; use DNS auto-allocation v2.* warns: "'ISTIO_META_DNS_AUTO_ALLOCATE' is deprecated/ },
];

describe('each check and its control, at 1.10, 1.20, 1.23, 1.24, 1.29, 1.30, in spec.meshConfig and spec.values.meshConfig', () => {
  for (const c of CASES) {
    const minors = VERSIONS.filter((v) => v >= c.minors[0] && v <= c.minors[1]);
    for (const minor of minors) {
      for (const root of ['spec', 'values'] as const) {
        test(`1.${minor} ${root}: ${c.name}`, () => {
          const text = doc(minor, c.bad, root);
          const hits = mesh(text);
          assert.equal(hits.length, 1, JSON.stringify(hits.map((d) => d.message)));
          assert.deepEqual(check(text).filter((d) => d.code !== CODE).map((d) => d.message), [], 'the schema check accepts the value');
          assert.match(hits[0].message, c.message);
          assert.equal(hits[0].severity, c.warning ? 2 : 1);
          assert.equal(covered(text, hits[0]), c.at);
          const where = root === 'spec' ? 'spec.meshConfig.' : 'spec.values.meshConfig.';
          assert.ok((hits[0].data as { path: string }).path.startsWith(where), (hits[0].data as { path: string }).path);
          assert.deepEqual(check(doc(minor, c.good, root)).map((d) => [d.code, d.message]), []);
        });
      }
    }
  }
  test('every case runs in at least one of the six releases', () => {
    assert.deepEqual(CASES.filter((c) => !VERSIONS.some((v) => v >= c.minors[0] && v <= c.minors[1])).map((c) => c.name), []);
  });
});

describe('who refuses the mesh config', () => {
  const bad = 'connectTimeout: 0.5ms';
  test('1.10–1.23: istioctl refuses the file', () => {
    for (const minor of [10, 20, 23]) assert.match(mesh(doc(minor, bad))[0].message, new RegExp(`\\. istioctl 1\\.${minor} refuses the file: "invalid connect timeout`));
  });
  test('1.24–1.30: istioctl still refuses it (ApplyMeshConfigDefaults returns the validation error)', () => {
    for (const minor of [24, 29, 30]) assert.match(mesh(doc(minor, bad))[0].message, new RegExp(`\\. istioctl 1\\.${minor} refuses the file: "invalid connect timeout`));
  });
  test('1.5: istioctl does not check meshConfig; istiod refuses it', () => {
    assert.match(mesh(doc(5, bad))[0].message, /istioctl 1\.5 does not check meshConfig, but istiod 1\.5 refuses this mesh config and does not start: "invalid connect timeout/);
  });
  test('1.5 has no values.meshConfig to check', () => {
    assert.deepEqual(mesh(doc(5, bad, 'values')), []);
  });
});

describe('release boundaries', () => {
  const one = (minor: number, body: string) => mesh(doc(minor, body)).map((d) => d.message);
  test('connectTimeout 45s: refused to 1.19, accepted from 1.20', () => {
    assert.equal(one(19, 'connectTimeout: 45s').length, 1);
    assert.deepEqual(one(20, 'connectTimeout: 45s'), []);
  });
  test('a weight of 150: the total is wrong to 1.11, the weight itself from 1.12', () => {
    const body = 'localityLbSetting:\n  distribute: [{from: "us-east/*", to: {"us-west/*": 150}}]';
    assert.match(one(11, body).join('\n'), /"total locality weight 150 != 100"/);
    assert.match(one(12, body).join('\n'), /"locality weight must be in range \[1, 100\]"/);
    assert.equal(one(12, body).length, 1);
  });
  test('failover to a zone is accepted to 1.12', () => {
    assert.deepEqual(one(12, 'localityLbSetting:\n  failover: [{from: us-east, to: eu-west/a}]'), []);
  });
  test('drainDuration 2h: refused to 1.21, accepted from 1.22', () => {
    assert.match(one(10, 'defaultConfig: {drainDuration: 2h}').join('\n'), /"invalid parent and drain time combination drain time 2h0m0s must be <1h0m0s"/);
    assert.equal(one(21, 'defaultConfig: {drainDuration: 2h}').length, 1);
    assert.deepEqual(one(22, 'defaultConfig: {drainDuration: 2h}'), []);
  });
  test('1.5–1.16: drainDuration must stay below parentShutdownDuration (60s by default)', () => {
    assert.match(one(16, 'defaultConfig: {drainDuration: 90s}').join('\n'), /"invalid parent and drain time combination parent shutdown time 1m0s must be greater than drain time 1m30s"/);
    assert.deepEqual(one(16, 'defaultConfig: {drainDuration: 90s, parentShutdownDuration: 120s}'), []);
    assert.deepEqual(one(17, 'defaultConfig: {drainDuration: 90s}'), []);
  });
  test('CECPQ2 is a curve to 1.22, unknown from 1.23; X25519MLKEM768 from 1.26', () => {
    assert.deepEqual(one(22, 'tlsDefaults: {ecdhCurves: [CECPQ2]}'), []);
    assert.equal(one(23, 'tlsDefaults: {ecdhCurves: [CECPQ2]}').length, 1);
    assert.equal(one(25, 'tlsDefaults: {ecdhCurves: [X25519MLKEM768]}').length, 1);
    assert.deepEqual(one(26, 'tlsDefaults: {ecdhCurves: [X25519MLKEM768]}'), []);
  });
  test('ISTIO_META_DNS_AUTO_ALLOCATE is not flagged in 1.24', () => {
    assert.deepEqual(one(24, 'defaultConfig: {proxyMetadata: {ISTIO_META_DNS_AUTO_ALLOCATE: "true"}}'), []);
  });
  test('statusPort is checked from 1.11', () => {
    assert.deepEqual(one(10, 'defaultConfig: {statusPort: 70000}'), []);
    assert.equal(one(11, 'defaultConfig: {statusPort: 70000}').length, 1);
  });
  test('explicit zeros: dropped before validation in 1.5 (ports) and 1.5–1.6 (defaultConfig)', () => {
    assert.deepEqual(one(5, 'proxyListenPort: 0'), []);
    assert.equal(one(6, 'proxyListenPort: 0').length, 1);
    assert.deepEqual(one(6, 'defaultConfig: {proxyAdminPort: 0, configPath: ""}'), []);
    assert.equal(one(7, 'defaultConfig: {proxyAdminPort: 0, configPath: ""}').length, 2);
  });
  test('mixer addresses are checked in 1.5–1.7', () => {
    assert.match(one(7, 'mixerCheckServer: mixer').join('\n'), /"invalid Policy Check Server address: unable to split "mixer"/);
    assert.match(one(5, 'mixerReportServer: "mixer:http"').join('\n'), /"invalid Telemetry Server address: port \(http\) is not a number/);
  });
  test('zipkin: $(HOST_IP) stands for an IP from 1.8', () => {
    assert.match(one(7, 'defaultConfig: {tracing: {zipkin: {address: "$(HOST_IP):9411"}}}').join('\n'), /"invalid zipkin config: "\$\(HOST_IP\)" is not a valid hostname or an IP address"/);
    assert.deepEqual(one(8, 'defaultConfig: {tracing: {zipkin: {address: "$(HOST_IP):9411"}}}'), []);
  });
  test('binaryPath and serviceCluster may not be emptied (1.7+); the serviceCluster wording changes in 1.13', () => {
    assert.match(one(10, 'defaultConfig: {binaryPath: ""}').join('\n'), /"binary path must be set"/);
    assert.match(one(12, 'defaultConfig: {serviceCluster: ""}').join('\n'), /"service cluster must be set"/);
    assert.match(one(13, 'defaultConfig: {serviceCluster: ""}').join('\n'), /"service cluster must be specified"/);
  });
  test('envoy metrics service addresses', () => {
    assert.match(one(20, 'defaultConfig: {envoyMetricsService: {address: "ems"}}').join('\n'), /"invalid envoy metrics service address "ems": unable to split/);
    assert.match(one(10, 'defaultConfig: {envoyMetricsServiceAddress: "[::1]"}').join('\n'), /has no port.*"invalid envoy metrics service address "\[::1\]": unable to split "\[::1\]": address \[::1\]: missing port in address"/);
    assert.deepEqual(one(10, 'defaultConfig: {envoyMetricsServiceAddress: "[::1]:9090"}'), []);
  });
  test('1.5 checks defaultConfig.connectTimeout too', () => {
    assert.match(one(5, 'defaultConfig: {connectTimeout: 45s}').join('\n'), /"invalid connect timeout: time 45s must be >1ms and <30s"/);
  });
  test('controlPlaneAuthPolicy INHERIT without the prefix to 1.10', () => {
    assert.match(one(10, 'defaultConfig: {controlPlaneAuthPolicy: INHERIT}').join('\n'), /refuses the file: "unrecognized control plane auth policy "INHERIT""/);
  });
  test('1.6 tracing TLS: MUTUAL needs a certificate even with credentialName', () => {
    assert.equal(one(6, 'defaultConfig: {tracing: {tlsSettings: {mode: MUTUAL, credentialName: cred}}}').length, 2);
    assert.deepEqual(one(7, 'defaultConfig: {tracing: {tlsSettings: {mode: MUTUAL, credentialName: cred}}}'), []);
  });
  test('caCrl beside credentialName is refused from 1.22', () => {
    const body = 'defaultConfig: {tracing: {tlsSettings: {mode: SIMPLE, credentialName: cred, caCrl: /crl.pem}}}';
    assert.deepEqual(one(21, body), []);
    assert.match(one(22, body).join('\n'), /"invalid tracing TLS config: cannot specify client certificates or CA certificate or CA CRL If credentialName is set"/);
  });
  test('1.5 lightstep: secure needs cacertPath', () => {
    assert.match(one(5, 'defaultConfig: {tracing: {lightstep: {address: "ls:443", accessToken: t, secure: true}}}').join('\n'), /"invalid lightstep config: cacertPath is required"/);
  });
  test('MUTUAL tracing TLS without certificate and key: two errors', () => {
    const msgs = one(20, 'defaultConfig: {tracing: {tlsSettings: {mode: MUTUAL}}}');
    assert.deepEqual(msgs.map((m) => /"invalid tracing TLS config: (.*)"/.exec(m)?.[1]), ['client certificate required for mutual tls', 'private key required for mutual tls']);
  });
  test('insecureSkipVerify with CA certificates is refused from 1.19', () => {
    const body = 'defaultConfig: {tracing: {tlsSettings: {mode: SIMPLE, insecureSkipVerify: true, caCertificates: /ca.pem}}}';
    assert.deepEqual(one(18, body), []);
    assert.match(one(19, body).join('\n'), /"invalid tracing TLS config: cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true"/);
  });
  test('privateKeyProvider spelled "confguration" to 1.20; a provider is required', () => {
    assert.match(one(14, 'defaultConfig: {privateKeyProvider: {}}').join('\n'), /"invalid private key provider confguration: private key provider confguration is required"/);
    assert.match(one(20, 'defaultConfig: {privateKeyProvider: {cryptomb: {}}}').join('\n'), /"invalid private key provider confguration: pollDelay is required"/);
    assert.match(one(21, 'defaultConfig: {privateKeyProvider: {cryptomb: {}}}').join('\n'), /"invalid private key provider configuration: pollDelay is required"/);
  });
});

describe('how values are read', () => {
  test('proto field names count too', () => {
    const d = mesh(doc(20, 'connect_timeout: 0.5ms'));
    assert.equal(d.length, 1);
    assert.equal((d[0].data as { path: string }).path, 'spec.meshConfig.connect_timeout');
  });
  test('a value behind a YAML alias is reported where the alias is used', () => {
    const text = doc(20, 'connectTimeout: &ct 0.5ms\ntcpKeepalive: {time: 1s}') + '  values:\n    meshConfig:\n      connectTimeout: *ct\n';
    assert.deepEqual(mesh(text).map((d) => covered(text, d)), ['0.5ms', '*ct']);
  });
  test('lightstep without an address', () => {
    assert.match(mesh(doc(24, 'defaultConfig: {tracing: {lightstep: {accessToken: t}}}'))[0].message, /has no address.*"invalid lightstep config: address is required"/);
  });
  test('ports as strings are read as numbers', () => {
    assert.equal(mesh(doc(20, 'proxyListenPort: "70000"')).length, 1);
  });
  test('values of the wrong type are left to the schema check', () => {
    const diags = check(doc(20, 'connectTimeout: 10\nproxyListenPort: abc'));
    assert.equal(diags.filter((d) => d.code === CODE).length, 0);
    assert.ok(diags.length >= 1);
  });
  test('Go durations: parse and print as Go does', () => {
    assert.equal(parseGoDuration('1h30m'), 5400e9);
    assert.equal(parseGoDuration('1.5s'), 1.5e9);
    assert.equal(parseGoDuration('-0.5ms'), -5e5);
    assert.equal(parseGoDuration('10'), undefined);
    assert.equal(parseGoDuration('.s'), undefined);
    assert.deepEqual([goDuration(5400e9), goDuration(1.5e9), goDuration(1500), goDuration(0)], ['1h30m0s', '1.5s', '1.5µs', '0s']);
  });
});
