// meshConfig.defaultConfig (ProxyConfig) as ValidateProxyConfig / ValidateMeshConfigProxyConfig checks it.
// V = pkg/config/validation/validation.go (1.5–1.21), A = pkg/config/validation/agent/validation.go (1.22+).
import { isMap } from 'yaml';
import type { Step } from '../parse/yamlNodes.ts';
import { LATEST } from '../releases.ts';
import { HOUR, SECOND, goDuration, shortDuration, maxDurationProblem, msDurationProblem, proxyAddressProblem, secondsProblem, type Problem } from './meshConfigChecks.ts';
import { addressField, durationField, ipZones, portField, requiredField, type MeshCheck, type MeshView, type Spot } from './meshConfigView.ts';

const DC = 'defaultConfig';
const TRACING = [DC, 'tracing'];
const TLS = [...TRACING, 'tlsSettings'];

/** ValidateParentAndDrain (1.5–1.16) and ValidateDrainDuration (1.17+) on drainDuration. */
const drain = (prefix: string, max: number | undefined) => durationField([DC, 'drainDuration'], prefix, (ns) => {
  const p = msDurationProblem(ns);
  if (p) return { ...p, istio: `invalid drain duration: ${p.istio}` };
  return secondsProblem(ns, 'drain time') ?? (max === undefined ? undefined : tooLong(ns, max, 'drain time'));
});

/** "drain time 2h0m0s must be <1h0m0s": the limit itself is allowed. */
function tooLong(ns: number, max: number, what: string): Problem | undefined {
  return ns > max ? { text: `is longer than ${shortDuration(max)}; write at most \`${shortDuration(max)}\``, istio: `${what} ${goDuration(ns)} must be <${goDuration(max)}` } : undefined;
}

/** 1.5–1.16: parentShutdownDuration checked like drain, and longer than drain (defaults 45s and 60s, pkg/config/mesh/mesh.go@1.16.7:44-45). */
function parentShutdown(m: MeshView): void {
  const prefix = 'invalid parent and drain time combination ';
  const parent = m.duration([DC, 'parentShutdownDuration']);
  const drainTime = m.duration([DC, 'drainDuration']);
  const p = parent && msDurationProblem(parent.value);
  if (parent && p) m.report(parent, 'error', { ...p, istio: `invalid parent shutdown duration: ${p.istio}` }, prefix);
  if (p || (drainTime && msDurationProblem(drainTime.value))) return;
  if (parent) {
    const q = secondsProblem(parent.value, 'parent shutdown time') ?? tooLong(parent.value, HOUR, 'parent shutdown time');
    if (q) m.report(parent, 'error', q, prefix);
  }
  const parentNs = parent?.value ?? 60 * SECOND;
  const drainNs = drainTime?.value ?? 45 * SECOND;
  if (parentNs > drainNs || !(parent ?? drainTime)) return;
  const istio = `parent shutdown time ${goDuration(parentNs)} must be greater than drain time ${goDuration(drainNs)}`;
  if (parent) m.report(parent, 'error', { text: `is not longer than drainDuration (${shortDuration(drainNs)}); make parentShutdownDuration the longer one`, istio }, prefix);
  else m.report(drainTime!, 'error', { text: `is not shorter than parentShutdownDuration (60s unless set); write a shorter drainDuration or a longer parentShutdownDuration`, istio }, prefix);
}

/** ValidateLightstepCollector: a lightstep tracer needs an address and an access token. */
function lightstep(withCacert: boolean) {
  return (m: MeshView) => {
    const ls = m.at([...TRACING, 'lightstep']);
    if (!ls || !isMap(ls.node)) return;
    const prefix = 'invalid lightstep config: ';
    // Missing or "" is an error; another type is the schema check's.
    const unset = (key: string) => !m.at([key], ls) || m.str([key], ls)?.value === '';
    const required = (key: string, fix: string, istio: string) => {
      const empty = m.str([key], ls);
      if (unset(key)) m.report(empty ?? ls, 'error', { text: `${empty ? 'is empty' : `has no ${key}`}; ${fix}`, istio }, prefix);
    };
    required('address', 'add `address: host:port`', 'address is required');
    const address = m.str(['address'], ls);
    const p = address?.value ? proxyAddressProblem(address.value, ipZones(m.minor)) : undefined;
    if (address && p) m.report(address, 'error', p, `${prefix}invalid lightstep address: `);
    required('accessToken', 'add the LightStep access token', 'access token is required');
    if (withCacert && m.bool(['secure'], ls) && !m.str(['cacertPath'], ls)?.value) {
      m.report(ls, 'error', { text: 'is secure but has no cacertPath; add `cacertPath`', istio: 'cacertPath is required' }, prefix);
    }
  };
}

const TLS_MODES = ['DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL'];
function tlsMode(m: MeshView): string | undefined {
  const s = m.at([...TLS, 'mode']);
  const v = (s?.node as { value?: unknown } | undefined)?.value;
  return typeof v === 'number' ? TLS_MODES[v] : typeof v === 'string' ? v : undefined;
}
const setText = (m: MeshView, key: string) => !!m.str([...TLS, key])?.value;
const hasSans = (m: MeshView) => m.items([...TLS, 'subjectAltNames']).length > 0;

/** validateTLS on tracing.tlsSettings: MUTUAL needs its own certificate and key unless credentialName fetches them. */
const tlsMutual = (credentialExempt: boolean) => (m: MeshView) => {
  if (tlsMode(m) !== 'MUTUAL' || (credentialExempt && setText(m, 'credentialName'))) return;
  const tls = m.at(TLS)!;
  for (const [key, istio] of [['clientCertificate', 'client certificate required for mutual tls'], ['privateKey', 'private key required for mutual tls']]) {
    if (!setText(m, key)) m.report(m.at([...TLS, key]) ?? tls, 'error', { text: `has mode MUTUAL but no ${key}; add it, or set credentialName`, istio }, 'invalid tracing TLS config: ');
  }
};

/** With credentialName (SIMPLE or MUTUAL) the files must not be set. */
const tlsCredentialFiles = (keys: string[], istio: string) => (m: MeshView) => {
  const mode = tlsMode(m);
  if ((mode !== 'SIMPLE' && mode !== 'MUTUAL') || !setText(m, 'credentialName')) return;
  for (const key of keys.filter((k) => setText(m, k))) {
    m.report(m.at([...TLS, key])!, 'error', { text: 'is set together with credentialName; remove one of them', istio }, 'invalid tracing TLS config: ');
  }
};

/** insecureSkipVerify: true forbids what verification would use. */
function tlsSkipVerify(m: MeshView): void {
  const mode = tlsMode(m);
  if (!m.bool([...TLS, 'insecureSkipVerify']) || (mode !== 'SIMPLE' && mode !== 'MUTUAL')) return;
  const keys = mode === 'SIMPLE' ? ['caCertificates', 'credentialName'] : ['caCertificates'];
  const bad: Spot[] = keys.filter((k) => setText(m, k)).map((k) => m.at([...TLS, k])!);
  if (hasSans(m)) bad.push(m.at([...TLS, 'subjectAltNames'])!);
  const istio = mode === 'SIMPLE' ? 'cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true' : 'cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true';
  for (const s of bad) m.report(s, 'error', { text: 'is set together with insecureSkipVerify: true; remove one of them', istio }, 'invalid tracing TLS config: ');
}

/** 1.26+: ValidateTLS gets configNamespace "" here, so a configmap:// credentialName never matches it. */
function tlsConfigMap(m: MeshView): void {
  const c = m.str([...TLS, 'credentialName']);
  if (c?.value.startsWith('configmap://')) {
    m.report(c, 'error', { text: 'is a configmap:// reference, which tracing TLS cannot use; use a kubernetes secret name', istio: 'invalid configmap:// credentialName: namespace must match the configuration namespace ""' }, 'invalid tracing TLS config: ');
  }
}

/** validatePrivateKeyProvider; 1.14–1.20 spell "confguration". */
const privateKeyProvider = (providers: string[], spelling: string) => (m: MeshView) => {
  const pkp = m.at([DC, 'privateKeyProvider']);
  if (!pkp || !isMap(pkp.node)) return;
  const prefix = `invalid private key provider ${spelling}: `;
  const chosen = providers.map((name) => ({ name, spot: m.at([name], pkp) })).filter((p) => p.spot && isMap(p.spot.node));
  if (chosen.length === 0) {
    m.report(pkp, 'error', { text: `names no provider; add ${providers.map((p) => `\`${p}\``).join(' or ')} with a pollDelay`, istio: `private key provider ${spelling} is required` }, prefix);
    return;
  }
  for (const { spot } of chosen) {
    const delay = m.at(['pollDelay'], spot!);
    const ns = m.duration(['pollDelay'], spot!);
    if (!delay) m.report(spot!, 'error', { text: 'has no pollDelay; add one, such as `pollDelay: 10ms`', istio: 'pollDelay is required' }, prefix);
    else if (ns?.value === 0) m.report(ns, 'error', { text: 'is zero; write a positive delay such as `10ms`', istio: 'pollDelay must be non zero' }, prefix);
  }
};

/** 1.5 only: ProxyConfig.connectTimeout, like meshConfig's (V@1.5.10:1224). */
const proxyConnectTimeout = durationField([DC, 'connectTimeout'], 'invalid connect timeout: ', (ns) => msDurationProblem(ns) ?? maxDurationProblem(ns, 30 * SECOND, 'time'));

/** controlPlaneAuthPolicy: only NONE and MUTUAL_TLS; INHERIT is in the enum but refused. */
const authPolicy = (prefix: string) => (m: MeshView) => {
  const s = m.at([DC, 'controlPlaneAuthPolicy']);
  const v = (s?.node as { value?: unknown } | undefined)?.value;
  if (s && (v === 'INHERIT' || v === 1000)) m.report(s, 'error', { text: 'is not accepted here; write `MUTUAL_TLS` or `NONE`', istio: 'unrecognized control plane auth policy "INHERIT"' }, prefix);
};

function dnsAutoAllocate(m: MeshView): void {
  const e = m.entries([DC, 'proxyMetadata']).find((x) => x.key === 'ISTIO_META_DNS_AUTO_ALLOCATE');
  if (e) m.report(e, 'warning', { text: 'is deprecated; use DNS auto-allocation v2 (https://istio.io/latest/docs/ops/configuration/traffic-management/dns-proxy/#dns-auto-allocation-v2)', istio: "'ISTIO_META_DNS_AUTO_ALLOCATE' is deprecated; review https://istio.io/latest/docs/ops/configuration/traffic-management/dns-proxy/#dns-auto-allocation-v2 for information about replacement functionality" });
}

const addr = (rel: Step[], what: string) => addressField(rel, (v) => `invalid ${what} address "${v}": `);

export const PROXY_CHECKS: MeshCheck[] = [
  // Explicit empty strings: 1.5–1.6 re-encode defaultConfig before merging, which drops them (pkg/config/mesh/mesh.go@1.6.14:200-215).
  { minors: [7, LATEST], source: 'V@1.7.8:1240 … A@1.30.3:339', run: requiredField([DC, 'configPath'], 'config path must be set', 'remove it for the default `./etc/istio/proxy`') },
  { minors: [7, LATEST], source: 'V@1.7.8:1244 … A@1.30.3:343', run: requiredField([DC, 'binaryPath'], 'binary path must be set', 'remove it for the default `/usr/local/bin/envoy`') },
  { minors: [7, 12], source: 'V@1.7.8:1248 … V@1.12.9:1615', run: requiredField([DC, 'serviceCluster'], 'service cluster must be set', 'remove it for the default `istio-proxy`') },
  { minors: [13, LATEST], source: 'V@1.13.9:1650 … A@1.30.3:350', run: requiredField([DC, 'serviceCluster'], 'service cluster must be specified', 'remove it for the default `istio-proxy`, or set tracingServiceName') },
  { minors: [5, 16], source: 'V@1.5.10:1041-1081,1194 … V@1.16.7:1591-1631', run: drain('invalid parent and drain time combination ', HOUR) },
  { minors: [5, 16], source: 'V@1.5.10:1045-1078 … V@1.16.7:1595-1628', run: parentShutdown },
  { minors: [17, 21], source: 'V@1.17.8:1595,1807 … V@1.21.6:1645', run: drain('', HOUR) },
  { minors: [22, LATEST], source: 'A@1.22.8:159 … A@1.30.3:160-175', run: drain('', undefined) },
  { minors: [7, LATEST], source: 'V@1.7.8:1259 … A@1.30.3:364', run: requiredField([DC, 'discoveryAddress'], 'discovery address must be set to the proxy discovery service', 'remove it for the default `istiod.istio-system.svc:15012`') },
  { minors: [5, LATEST], source: 'V@1.5.10:1198-1204 … A@1.30.3:364-368', run: addressField([DC, 'discoveryAddress'], () => 'invalid discovery address: ') },
  { minors: [5, 5], source: 'V@1.5.10:1084-1099,1206', run: lightstep(true) },
  { minors: [6, LATEST], source: 'V@1.6.14:1095,1229 … A@1.30.3:255-267,370', run: lightstep(false) },
  { minors: [5, 7], source: 'V@1.5.10:1102,1212 … V@1.7.8:1272', run: addressField([...TRACING, 'zipkin', 'address'], () => 'invalid zipkin config: ') },
  { minors: [8, LATEST], source: 'V@1.8.6:1206,1337 … A@1.30.3:270,376', run: addressField([...TRACING, 'zipkin', 'address'], () => 'invalid zipkin config: ', true) },
  { minors: [5, LATEST], source: 'V@1.5.10:1107,1218 … A@1.30.3:275,382', run: addressField([...TRACING, 'datadog', 'address'], () => 'invalid datadog config: ', true) },
  { minors: [6, 6], source: 'V@1.6.14:940-954,1247', run: tlsMutual(false) },
  { minors: [7, LATEST], source: 'V@1.7.8:963-987 … A@1.30.3:311-330,388', run: tlsMutual(true) },
  { minors: [7, 21], source: 'V@1.7.8:968-976 … V@1.21.6:1533-1537', run: tlsCredentialFiles(['clientCertificate', 'caCertificates', 'privateKey'], 'cannot specify client certificates or CA certificate If credentialName is set') },
  { minors: [22, LATEST], source: 'A@1.22.8:279,303 … A@1.30.3:311-316', run: tlsCredentialFiles(['clientCertificate', 'caCertificates', 'privateKey', 'caCrl'], 'cannot specify client certificates or CA certificate or CA CRL If credentialName is set') },
  { minors: [19, LATEST], source: 'V@1.19.10:1506,1514 … A@1.30.3:294-309', run: tlsSkipVerify },
  { minors: [26, LATEST], source: 'A@1.26.8:285-292 … A@1.30.3:285-292', run: tlsConfigMap },
  { minors: [5, 5], source: 'V@1.5.10:1224', run: proxyConnectTimeout },
  { minors: [5, LATEST], source: 'V@1.5.10:1228 … A@1.30.3:400', run: addr([DC, 'statsdUdpAddress'], 'statsd udp') },
  { minors: [5, LATEST], source: 'V@1.5.10:1234 … A@1.30.3:407', run: addr([DC, 'envoyMetricsServiceAddress'], 'envoy metrics service') },
  { minors: [5, LATEST], source: 'V@1.5.10:1242 … A@1.30.3:421', run: addr([DC, 'envoyMetricsService', 'address'], 'envoy metrics service') },
  { minors: [5, LATEST], source: 'V@1.5.10:1248 … A@1.30.3:427', run: addr([DC, 'envoyAccessLogService', 'address'], 'envoy access log service') },
  { minors: [5, LATEST], source: 'V@1.5.10:1254 … A@1.30.3:433', run: portField([DC, 'proxyAdminPort'], 'invalid proxy admin port: ', 7) },
  { minors: [5, 10], source: 'V@1.5.10:1258-1263 … V@1.10.6:1604-1609', run: authPolicy('') },
  { minors: [11, LATEST], source: 'V@1.11.8:1639,1654 … A@1.30.3:437,454-459', run: authPolicy('invalid authentication policy: ') },
  { minors: [11, LATEST], source: 'V@1.11.8:1643 … A@1.30.3:441', run: portField([DC, 'statusPort'], 'invalid status port: ', 7) },
  { minors: [14, 16], source: 'V@1.14.6:1690-1712,1821', run: privateKeyProvider(['cryptomb'], 'confguration') },
  { minors: [17, 20], source: 'V@1.17.8:1767 … V@1.20.8:1939', run: privateKeyProvider(['cryptomb', 'qat'], 'confguration') },
  { minors: [21, LATEST], source: 'V@1.21.6:1961 … A@1.30.3:445-497', run: privateKeyProvider(['cryptomb', 'qat'], 'configuration') },
  { minors: [25, LATEST], source: 'A@1.25.5:406 … A@1.30.3:416-419', run: dnsAutoAllocate },
];
