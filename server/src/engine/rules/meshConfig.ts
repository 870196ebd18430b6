// istio's ValidateMeshConfig on spec.meshConfig and spec.values.meshConfig, per release, over the values the
// user wrote (istio validates them merged with its defaults, which pass).
// V = pkg/config/validation/validation.go (1.5–1.21), A = pkg/config/validation/agent/validation.go (1.22+).
import { isMap } from 'yaml';
import type { Step } from '../parse/yamlNodes.ts';
import { LATEST } from '../releases.ts';
import type { Rule } from './ruleTypes.ts';
import { HOUR, MS, SECOND, localitiesProblem, maxDurationProblem, msDurationProblem, trustDomainProblem, wildcardDomainProblem } from './meshConfigChecks.ts';
import { addressField, byMinor, durationField, portField, MeshView, type MeshCheck, type Spot } from './meshConfigView.ts';
import { PROXY_CHECKS } from './meshProxyConfig.ts';

const connectTimeout = (max: number) => durationField(['connectTimeout'], 'invalid connect timeout: ', (ns) => msDurationProblem(ns) ?? maxDurationProblem(ns, max, 'time'));

/** 0s turns protocol detection off; anything else counts whole milliseconds. */
const protocolDetectionTimeout = durationField(['protocolDetectionTimeout'], 'invalid protocol detection timeout: ', (ns) =>
  ns === 0 || ns % MS === 0 ? undefined : { text: `is not a whole number of milliseconds; write e.g. \`${Math.max(1, Math.round(ns / MS))}ms\`, or \`0s\` to turn the timeout off`, istio: 'only durations to ms precision are supported' });

function serviceSettingsHosts(m: MeshView): void {
  m.items(['serviceSettings']).forEach((setting, i) => {
    for (const host of m.items(['hosts'], setting)) {
      const v = m.str([], host);
      const p = v && wildcardDomainProblem(v.value);
      if (v && p) m.report(v, 'error', { ...p, istio: `serviceSettings[${i}], host \`${v.value}\`: ${p.istio}` });
    }
  });
}

function trustDomains(m: MeshView): void {
  const td = m.str(['trustDomain']);
  const p = td && trustDomainProblem(td.value);
  if (td && p) m.report(td, 'error', { ...p, istio: `trustDomain: ${p.istio}` });
  m.items(['trustDomainAliases']).forEach((alias, i) => {
    const v = m.str([], alias);
    const q = v && trustDomainProblem(v.value);
    if (v && q) m.report(v, 'error', { ...q, istio: `trustDomainAliases[${i}], domain \`${v.value}\` : ${q.istio}` });
  });
}

function meshMtlsCurves(m: MeshView): void {
  const curves = m.at(['meshMTLS', 'ecdhCurves']);
  if (curves && m.items(['meshMTLS', 'ecdhCurves']).length > 0) {
    m.report(curves, 'error', { text: 'is not supported: mesh mTLS takes no ECDH curves; remove it (`tlsDefaults.ecdhCurves` sets them for other TLS)', istio: 'mesh TLS does not support ECDH curves configuration' });
  }
}

/** security.ValidECDHCurves (pkg/config/security/security.go@1.18.7:211, @1.23.6:269, @1.26.8:309, @1.30.3:343). */
const ECDH_CURVES: Array<{ minors: [number, number]; curves: string[] }> = [
  { minors: [18, 22], curves: ['P-224', 'P-256', 'P-521', 'P-384', 'X25519', 'CECPQ2'] },
  { minors: [23, 25], curves: ['P-224', 'P-256', 'P-521', 'P-384', 'X25519', 'X25519Kyber768Draft00'] },
  { minors: [26, LATEST], curves: ['P-224', 'P-256', 'P-521', 'P-384', 'X25519', 'X25519Kyber768Draft00', 'X25519MLKEM768'] },
];

/** ValidateMeshTLSDefaults: unknown and repeated curves are warnings. */
function tlsDefaultsCurves(m: MeshView): void {
  const valid = new Set(byMinor(ECDH_CURVES, m.minor)!.curves);
  const values = m.items(['tlsDefaults', 'ecdhCurves']).flatMap((s) => m.str([], s) ?? []);
  const unknown = values.filter((v) => v.value !== '' && !valid.has(v.value));
  const list = [...new Set(unknown.map((v) => v.value))].sort().join(' ');
  for (const v of unknown) m.report(v, 'warning', { text: `is not an ECDH curve istio ${m.ctx.schema.version} knows; use one of ${[...valid].join(', ')}`, istio: `detected unrecognized ECDH curves: [${list}]` });
  const seen = new Set<string>();
  const repeats = values.filter((v) => {
    if (unknown.includes(v)) return false;
    const again = seen.has(v.value);
    seen.add(v.value);
    return again;
  });
  const dupList = [...new Set(repeats.map((v) => v.value))].sort().join(' ');
  for (const v of repeats) m.report(v, 'warning', { text: 'is listed twice; remove the repeat', istio: `detected duplicate ECDH curves: [${dupList}]` });
}

// localityLbSetting (validateLocalityLbSetting, ValidateLocalityLbSetting from 1.22). istio stops at the first
// error; each is reported here, since each stops the install once the others are fixed.
const LB = ['localityLbSetting'];
const TOPOLOGY = ['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone'];
const failovers = (m: MeshView) => m.items([...LB, 'failover']);
const distributes = (m: MeshView) => m.items([...LB, 'distribute']);
/** A string field of a list entry, "" when unset, as Go reads it. */
const field = (m: MeshView, entry: Spot, key: string) => m.str([key], entry)?.value ?? '';

function distributeAndFailover(m: MeshView): void {
  if (distributes(m).length > 0 && failovers(m).length > 0) {
    m.report(m.at([...LB, 'failover'])!, 'error', { text: 'is set together with `distribute`; keep one of them', istio: "can not simultaneously specify 'distribute' and 'failover'" });
  }
}

function failoverPriorityTopology(m: MeshView): void {
  if (failovers(m).length === 0) return;
  for (const item of m.items([...LB, 'failoverPriority'])) {
    const v = m.str([], item);
    if (v && TOPOLOGY.includes(v.value)) m.report(v, 'error', { text: 'is a topology label, which `failover` already orders by; remove it or remove `failover`', istio: `can not simultaneously set 'failover' and topology label '${v.value}' in 'failover_priority'` });
  }
}

/** Each `to` weight in 1..100 (1.5–1.11 check only 0) and together exactly 100. */
const distributeWeights = (max: number) => (m: MeshView) => {
  for (const entry of distributes(m)) {
    const to = m.entries(['to'], entry);
    const weights = to.map((e) => m.int([], e));
    let bad = false;
    weights.forEach((w) => {
      if (w && (w.value <= 0 || w.value > max)) {
        bad = true;
        m.report(w, 'error', { text: 'is not a weight from 1 to 100', istio: 'locality weight must be in range [1, 100]' });
      }
    });
    const total = weights.reduce((sum, w) => sum + (w?.value ?? NaN), 0);
    if (to.length > 0 && !bad && Number.isFinite(total) && total !== 100) {
      m.report(m.at(['to'], entry)!, 'error', { text: `has weights adding up to ${total}; make them add up to 100`, istio: `total locality weight ${total} != 100` });
    }
  }
};

/** `to` localities (Go ranges over the map, so with `*` the order and the error may vary) and `from` localities. */
function distributeLocalities(m: MeshView): void {
  const lists: Spot[][] = distributes(m).map((entry) => m.entries(['to'], entry).map((e) => ({ ...e, node: e.keyNode, use: undefined, isKey: true })));
  lists.push(distributes(m).map((entry) => m.at(['from'], entry) ?? entry));
  for (const spots of lists) {
    const names = spots.map((s) => m.str([], s)?.value ?? (isMap(s.node) ? '' : String((s.node as { value?: unknown }).value ?? '')));
    const bad = localitiesProblem(names);
    if (bad) m.report(spots[bad.index], 'error', bad.problem);
  }
}

/** Failover regions differ, name a region only (1.13+), and hold no `*` (in `to`; 1.13+ also in `from`). */
const failoverRegions = (regionOnly: boolean) => (m: MeshView) => {
  for (const entry of failovers(m)) {
    const from = field(m, entry, 'from');
    const to = field(m, entry, 'to');
    const at = m.at(['to'], entry) ?? entry;
    if (from === to) m.report(at, 'error', { text: `fails over to its own region \`${from}\`; name a different region`, istio: 'locality lb failover settings must specify different regions' });
    if (regionOnly && (from.includes('/') || to.includes('/'))) m.report(at, 'error', { text: 'names a zone; failover takes regions only (no `/`)', istio: 'locality lb failover only specify region' });
    if (to.includes('*') || (regionOnly && from.includes('*'))) m.report(at, 'error', { text: 'holds a `*`; failover takes plain region names', istio: "locality lb failover region should not contain '*' wildcard" });
  }
};

const MESH_CHECKS: MeshCheck[] = [
  { minors: [5, LATEST], source: 'V@1.5.10:1154 … A@1.30.3:806', run: portField(['proxyListenPort'], 'invalid proxy listen port: ', 6) },
  { minors: [5, 19], source: 'V@1.5.10:55,1113,1158 … V@1.19.10:72,1721', run: connectTimeout(30 * SECOND) },
  { minors: [20, LATEST], source: 'V@1.20.8:75,1712 … A@1.30.3:46,500,810', run: connectTimeout(HOUR) },
  { minors: [5, LATEST], source: 'V@1.5.10:1124,1162 … A@1.30.3:510,814', run: protocolDetectionTimeout },
  { minors: [5, 7], source: 'V@1.5.10:1142-1152 … V@1.7.8:1185-1195', run: addressField(['mixerCheckServer'], () => 'invalid Policy Check Server address: ') },
  { minors: [5, 7], source: 'V@1.5.10:1142-1152 … V@1.7.8:1185-1195', run: addressField(['mixerReportServer'], () => 'invalid Telemetry Server address: ') },
  { minors: [5, LATEST], source: 'V@1.5.10:2717 … A@1.30.3:529', run: distributeAndFailover },
  { minors: [20, LATEST], source: 'V@1.20.8:3673-3680 … A@1.30.3:534-541', run: failoverPriorityTopology },
  { minors: [5, 11], source: 'V@1.5.10:2728-2735 … V@1.11.8:3176-3181', run: distributeWeights(Infinity) },
  { minors: [12, LATEST], source: 'V@1.12.9:3236-3242 … A@1.30.3:551-558', run: distributeWeights(100) },
  { minors: [5, LATEST], source: 'V@1.5.10:2736-2741,2757 … A@1.30.3:561-564,591', run: distributeLocalities },
  { minors: [5, 12], source: 'V@1.5.10:2745-2751 … V@1.12.9:3255-3258', run: failoverRegions(false) },
  { minors: [13, LATEST], source: 'V@1.13.9:3312-3318 … A@1.30.3:570-579', run: failoverRegions(true) },
  { minors: [6, LATEST], source: 'V@1.6.14:1184 … A@1.30.3:670-679,825', run: serviceSettingsHosts },
  { minors: [8, LATEST], source: 'V@1.8.6:1272 … A@1.30.3:741-768,826', run: trustDomains },
  { minors: [18, LATEST], source: 'V@1.18.7:1722,1741 … A@1.30.3:770-777,832', run: meshMtlsCurves },
  { minors: [18, LATEST], source: 'V@1.18.7:1724,1765-1769 … A@1.30.3:779-800,834', run: tlsDefaultsCurves },
];

/** Where istioctl reads a meshConfig: spec.meshConfig always, values.meshConfig from 1.6 (operator/pkg/validate/validate_values.go@1.6.14:35). */
const ROOTS: Array<{ minors: [number, number]; path: Step[] }> = [
  { minors: [5, LATEST], path: ['spec', 'meshConfig'] },
  { minors: [6, LATEST], path: ['spec', 'values', 'meshConfig'] },
];

const CHECKS = [...MESH_CHECKS, ...PROXY_CHECKS];

export const meshConfig: Rule = {
  minors: [5, LATEST],
  check(ctx) {
    for (const root of ROOTS) {
      if (ctx.minor < root.minors[0] || ctx.minor > root.minors[1]) continue;
      const node = ctx.get(root.path);
      if (!isMap(node)) continue;
      const view = new MeshView(ctx, { node, path: root.path, rel: [] });
      for (const c of CHECKS) if (ctx.minor >= c.minors[0] && ctx.minor <= c.minors[1]) c.run(view);
    }
  },
};

export const meshConfigRules: Rule[] = [meshConfig];
