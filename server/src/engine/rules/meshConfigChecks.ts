// The value checks ValidateMeshConfig runs, with Go's semantics: durations, host:port addresses,
// DNS names and localities. Each returns what is wrong for the user and istio's own error text.
import { isIP } from 'node:net';

export interface Problem {
  /** Follows the value in the message: "is shorter than 1ms; write at least `1ms`". */
  text: string;
  /** The error istio prints. */
  istio: string;
}

export const MS = 1e6;
export const SECOND = 1e9;
export const HOUR = 3600e9;

const UNITS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: MS, s: SECOND, m: 60e9, h: HOUR };

/** time.ParseDuration in nanoseconds; undefined where Go fails (the schema check reports those). */
export function parseGoDuration(s: string): number | undefined {
  let rest = s;
  let sign = 1;
  if (rest[0] === '-' || rest[0] === '+') { sign = rest[0] === '-' ? -1 : 1; rest = rest.slice(1); }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  while (rest !== '') {
    const m = /^(\d*)(?:\.(\d*))?([^\d.]+)/.exec(rest);
    if (!m || (m[1] === '' && !m[2])) return undefined;
    const unit = UNITS[m[3]];
    if (unit === undefined) return undefined;
    // Go adds the fraction as float64(f) * (unit / scale), truncated (time/format.go ParseDuration).
    const frac = m[2] ? Math.trunc(Number(m[2]) * (unit / 10 ** m[2].length)) : 0;
    total += Number(m[1] || '0') * unit + frac;
    rest = rest.slice(m[0].length);
  }
  return total > 2 ** 63 ? undefined : sign * total;
}

/** time.Duration.String(): 1h0m0s, 1.5s, 100ms, 0s. */
export function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  const neg = ns < 0 ? '-' : '';
  let u = Math.abs(ns);
  const frac = (v: number, digits: number) => {
    const s = String(v).padStart(digits, '0').replace(/0+$/, '');
    return s ? `.${s}` : '';
  };
  if (u < SECOND) {
    const [unit, size, digits] = u < 1e3 ? ['ns', 1, 0] : u < MS ? ['µs', 1e3, 3] : ['ms', MS, 6];
    return `${neg}${Math.floor(u / size)}${digits ? frac(u % size, digits) : ''}${unit}`;
  }
  const sec = `${Math.floor(u / SECOND) % 60}${frac(u % SECOND, 9)}s`;
  u = Math.floor(u / 60e9);
  if (u === 0) return neg + sec;
  return u < 60 ? `${neg}${u}m${sec}` : `${neg}${Math.floor(u / 60)}h${u % 60}m${sec}`;
}

/** A duration as people write it: 1h, 1h30m, 90s. */
export function shortDuration(ns: number): string {
  return goDuration(ns).replace(/([hm])0s$/, '$1').replace(/h0m$/, 'h');
}

/** ValidateDuration: at least 1ms, whole milliseconds. */
export function msDurationProblem(ns: number): Problem | undefined {
  if (ns < MS) return { text: 'is shorter than 1ms; write at least `1ms`', istio: 'duration must be greater than 1ms' };
  if (ns % MS !== 0) return { text: `is not a whole number of milliseconds; write e.g. \`${shortDuration(Math.max(1, Math.round(ns / MS)) * MS)}\``, istio: 'only durations to ms precision are supported' };
  return undefined;
}

/** ValidateDurationRange after ValidateDuration: max is inclusive, the message says "<max". */
export function maxDurationProblem(ns: number, max: number, what: string): Problem | undefined {
  if (ns <= max) return undefined;
  return { text: `is longer than ${shortDuration(max)}; write at most \`${shortDuration(max)}\``, istio: `${what} ${goDuration(ns)} must be >1ms and <${goDuration(max)}` };
}

/** A drain or parent shutdown time counts whole seconds. */
export function secondsProblem(ns: number, what: string): Problem | undefined {
  if (ns % SECOND === 0) return undefined;
  return { text: `is not a whole number of seconds; write e.g. \`${shortDuration(Math.max(1, Math.round(ns / SECOND)) * SECOND)}\``, istio: `${what} only supports durations to seconds precision` };
}

/** ValidatePort. */
export function portProblem(port: number): Problem | undefined {
  if (port >= 1 && port <= 65535) return undefined;
  return { text: 'is not a port; use a number from 1 to 65535', istio: `port number ${port} must be in the range 1..65535` };
}

/** strconv.Atoi: an int64 in decimal with an optional sign. */
export function goAtoi(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n > 2n ** 63n - 1n || n < -(2n ** 63n) ? undefined : Number(n);
}

/** net.SplitHostPort (net/ipsock.go); a string is the reason it fails. */
function splitHostPort(hp: string): [string, string] | string {
  const i = hp.lastIndexOf(':');
  if (i < 0) return 'missing port in address';
  let host: string;
  let j = 0;
  let k = 0;
  if (hp[0] === '[') {
    const end = hp.indexOf(']');
    if (end < 0) return "missing ']' in address";
    if (end + 1 === hp.length) return 'missing port in address';
    if (end + 1 !== i) return hp[end + 1] === ':' ? 'too many colons in address' : 'missing port in address';
    host = hp.slice(1, end);
    j = 1;
    k = end + 1;
  } else {
    host = hp.slice(0, i);
    if (host.includes(':')) return 'too many colons in address';
  }
  if (hp.slice(j).includes('[')) return "unexpected '[' in address";
  if (hp.slice(k).includes(']')) return "unexpected ']' in address";
  return [host, hp.slice(i + 1)];
}

const SPLIT_FIX: Record<string, string> = {
  'missing port in address': 'has no port; write host:port',
  'too many colons in address': 'has too many colons; write host:port, with an IPv6 host in brackets ([::1]:15012)',
};

/** ValidateProxyAddress; `zones` when the release parses IPs with netip (fe80::1%eth0 accepted). */
export function proxyAddressProblem(addr: string, zones: boolean): Problem | undefined {
  const split = splitHostPort(addr);
  if (typeof split === 'string') {
    return { text: SPLIT_FIX[split] ?? 'is not host:port; use brackets only around an IPv6 host ([::1]:15012)', istio: `unable to split "${addr}": address ${addr}: ${split}` };
  }
  const [host, p] = split;
  const port = goAtoi(p);
  if (port === undefined) {
    const why = /^[+-]?\d+$/.test(p) ? 'value out of range' : 'invalid syntax';
    return { text: `has port \`${p}\`, which is not a number; write host:port with a numeric port`, istio: `port (${p}) is not a number: strconv.Atoi: parsing "${p}": ${why}` };
  }
  const bad = portProblem(port);
  if (bad) return { text: `has port ${port}; use a port from 1 to 65535`, istio: bad.istio };
  if (fqdnProblem(host) && !validIp(host, zones)) {
    return { text: `has host \`${host}\`, which is neither a DNS name nor an IP address`, istio: `"${host}" is not a valid hostname or an IP address` };
  }
  return undefined;
}

function validIp(s: string, zones: boolean): boolean {
  const pct = s.indexOf('%');
  if (pct < 0) return isIP(s) !== 0;
  return zones && pct < s.length - 1 && isIP(s.slice(0, pct)) === 6;
}

const LABEL = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const WILDCARD_LABEL = /^(\*|(\*|\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;
const isLabel = (s: string) => s.length <= 63 && LABEL.test(s);

function preconditions(name: string): string | undefined {
  if (name.length > 255) return `domain name "${name}" too long (max 255)`;
  if (name.length === 0) return 'empty domain name not allowed';
  return undefined;
}

/** validateDNS1123Labels: no all-numeric top-level domain; a final empty label is allowed. */
function labelsProblem(domain: string): string | undefined {
  const parts = domain.split('.');
  const tld = parts[parts.length - 1];
  if (goAtoi(tld) !== undefined) return `domain name "${domain}" invalid (top level domain "${tld}" cannot be all-numeric)`;
  for (let i = 0; i < parts.length; i++) {
    if (i === parts.length - 1 && parts[i] === '') return undefined;
    if (!isLabel(parts[i])) return `domain name "${domain}" invalid (label "${parts[i]}" invalid)`;
  }
  return undefined;
}

function fqdnProblem(name: string): string | undefined {
  return preconditions(name) ?? labelsProblem(name);
}

/** ValidateWildcardDomain: a wildcard only in the first label. */
export function wildcardDomainProblem(domain: string): Problem | undefined {
  let istio = preconditions(domain);
  if (!istio) {
    const dot = domain.indexOf('.');
    const first = dot < 0 ? domain : domain.slice(0, dot);
    if (!(first.length <= 63 && WILDCARD_LABEL.test(first))) istio = `domain name "${domain}" invalid (label "${first}" invalid)`;
    else if (dot >= 0) istio = labelsProblem(domain.slice(dot + 1));
  }
  return istio ? { text: 'is not a host name; write a DNS name such as `reviews.default.svc.cluster.local`, with `*` only in the first label (`*.example.com`)', istio } : undefined;
}

/** ValidateTrustDomain: DNS-1123 labels separated by dots. */
export function trustDomainProblem(domain: string): Problem | undefined {
  if (domain === '') return { text: 'is empty; write a trust domain such as `cluster.local`', istio: 'empty domain name not allowed' };
  const parts = domain.split('.');
  const bad = parts.some((p, i) => !(i === parts.length - 1 && p === '') && !isLabel(p));
  return bad ? { text: 'is not a trust domain; use DNS labels (letters, digits, `-`) separated by dots, such as `cluster.local`', istio: `trust domain name "${domain}" invalid` } : undefined;
}

/**
 * validateLocalities: wildcards only last, no empty region/zone/subzone, no overlaps, in order.
 * Returns the index of the locality istio rejects.
 */
export function localitiesProblem(localities: string[]): { index: number; problem: Problem } | undefined {
  const seen = new Map<string, Map<string, Map<string, boolean>>>();
  const overlap = (index: number, loc: string) => ({ index, problem: { text: 'overlaps a locality listed before it; list each region/zone/subzone once', istio: `locality ${loc} overlap with previous specified ones` } });
  for (let index = 0; index < localities.length; index++) {
    const loc = localities[index];
    const stars = loc.split('*').length - 1;
    if (stars > 1 || (stars === 1 && !loc.endsWith('*'))) {
      return { index, problem: { text: 'may hold one `*`, only at the end (`us-east/*`)', istio: `locality ${loc} wildcard '*' number can not exceed 1 and must be in the end` } };
    }
    if (seen.has('*')) return overlap(index, loc);
    const items = splitN(loc, '/', 3);
    if (items.some((s) => s === '')) {
      return { index, problem: { text: 'has an empty part; write region, region/zone or region/zone/subzone', istio: `locality ${loc} must not contain empty region/zone/subzone info` } };
    }
    const [region, zone, sub] = items;
    const r = seen.get(region);
    if (items.length === 1) {
      if (r) return overlap(index, loc);
      seen.set(region, new Map([['*', new Map([['*', true]])]]));
    } else if (!r) {
      seen.set(region, new Map([[zone, new Map([[sub ?? '*', true]])]]));
    } else {
      if (r.has('*')) return overlap(index, loc);
      const z = r.get(zone);
      if (items.length === 2) {
        if (z) return overlap(index, loc);
        r.set(zone, new Map([['*', true]]));
      } else if (!z) {
        r.set(zone, new Map([[sub, true]]));
      } else {
        if (z.get('*') || z.get(sub)) return overlap(index, loc);
        z.set(sub, true);
      }
    }
  }
  return undefined;
}

/** strings.SplitN. */
function splitN(s: string, sep: string, n: number): string[] {
  const parts = s.split(sep);
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}
