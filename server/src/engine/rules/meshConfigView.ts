// A meshConfig map as istio decodes it (fields by JSON or proto name), the table entry type, and the
// field checks the tables share. Messages name the value, say what to write, and who refuses it.
// V = pkg/config/validation/validation.go.
import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import { deref, formatPath, keyName, type Step } from '../parse/yamlNodes.ts';
import { LATEST } from '../releases.ts';
import type { RuleContext } from './ruleTypes.ts';
import { goAtoi, parseGoDuration, portProblem, proxyAddressProblem, type Problem } from './meshConfigChecks.ts';

/**
 * A node under meshConfig: its document path and the keys as written below meshConfig; `use` is the alias
 * written there, if any; `isKey` when the node is a map key (a locality under `to`).
 */
export interface Spot { node: Node; path: Step[]; rel: Step[]; use?: Node; isKey?: boolean }
export interface Value<T> extends Spot { value: T }

/** One of istio's checks, for the releases it runs in. */
export interface MeshCheck {
  minors: [number, number];
  /** Where istio checks it, path@tag:line at the first and last release. */
  source: string;
  run(m: MeshView): void;
}

export function byMinor<T extends { minors: [number, number] }>(table: T[], minor: number): T | undefined {
  return table.find((t) => minor >= t.minors[0] && minor <= t.minors[1]);
}

/**
 * Who stops the config. 1.5: istioctl validates only hub and tag (operator/pkg/validate/validate.go@1.5.10:27-30);
 * istiod exits when its mesh config fails (pilot/pkg/bootstrap/mesh.go@1.5.10:60-70).
 * 1.6–1.23: validateMeshConfig calls ApplyMeshConfigDefaults, which runs ValidateMeshConfig
 * (operator/pkg/validate/validate.go@1.20.8:185-199, pkg/config/mesh/mesh.go@1.20.8:261-267).
 * 1.24+: validateMeshConfig returns ApplyMeshConfigDefaults's error, again ValidateMeshConfig's
 * (operator/pkg/apis/validation/validation.go@1.24.6:147-151, @1.30.3:250-254; pkg/config/mesh/mesh.go@1.24.6:254-257,
 * @1.30.3:254-257), and GenerateManifest stops (operator/pkg/render/manifest.go@1.24.6:51,440-449, @1.30.3:52,450-459). Its later
 * `util.NewErrs(err)` with the nil err is reached only when that same validation passed, so it hides nothing.
 * Warnings: logged by ApplyMeshConfig (1.18–1.23), also printed as "❗" lines from 1.24.
 */
const OUTCOMES: Array<{ minors: [number, number]; error: (v: string) => string; warning: (v: string) => string }> = [
  { minors: [5, 5], error: (v) => `istioctl ${v} does not check meshConfig, but istiod ${v} refuses this mesh config and does not start`, warning: (v) => `istiod ${v} warns` },
  { minors: [6, LATEST], error: (v) => `istioctl ${v} refuses the file`, warning: (v) => `istioctl ${v} warns` },
];

export class MeshView {
  constructor(readonly ctx: RuleContext, private readonly root: Spot) {}

  get minor(): number { return this.ctx.minor; }

  /** The node at `rel` below `from` (meshConfig by default); keys match their proto-name aliases too. */
  at(rel: Step[], from: Spot = this.root): Spot | undefined {
    let node: unknown = from.node;
    let use: unknown;
    let schema = this.ctx.schema.at(from.path);
    const path = [...from.path];
    const relOut = [...from.rel];
    for (const step of rel) {
      let key: Step = step;
      if (typeof step === 'number') {
        node = isSeq(node) ? node.items[step] : undefined;
      } else {
        if (!isMap(node)) return undefined;
        const pair = node.items.find((p) => {
          const k = keyName(p);
          return k === step || (schema !== undefined && k !== undefined && this.ctx.schema.property(schema, k)?.key === step);
        });
        key = pair ? keyName(pair) ?? step : step;
        node = pair?.value;
      }
      use = isAlias(node) ? node : undefined;
      node = deref(this.ctx.doc, node);
      if (node === undefined || node === null) return undefined;
      schema = schema && this.ctx.schema.child(schema, key);
      path.push(key);
      relOut.push(key);
    }
    return { node: node as Node, path, rel: relOut, use: rel.length ? (use as Node | undefined) : from.use };
  }

  /** A string value (other types are the schema check's to report). */
  str(rel: Step[], from?: Spot): Value<string> | undefined {
    const s = this.at(rel, from);
    return s && isScalar(s.node) && typeof s.node.value === 'string' ? { ...s, value: s.node.value } : undefined;
  }

  /** An integer, or a string of one (protobuf JSON takes "15001"). */
  int(rel: Step[], from?: Spot): Value<number> | undefined {
    const s = this.at(rel, from);
    if (!s || !isScalar(s.node)) return undefined;
    const v = s.node.value;
    const n = typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' ? goAtoi(v) : undefined;
    return n === undefined ? undefined : { ...s, value: n };
  }

  /** A duration string, in nanoseconds. */
  duration(rel: Step[], from?: Spot): Value<number> | undefined {
    const s = this.str(rel, from);
    const ns = s && parseGoDuration(s.value);
    return s && ns !== undefined ? { ...s, value: ns } : undefined;
  }

  bool(rel: Step[], from?: Spot): boolean {
    const s = this.at(rel, from);
    return !!s && isScalar(s.node) && s.node.value === true;
  }

  /** The items of a list. */
  items(rel: Step[], from?: Spot): Spot[] {
    const s = this.at(rel, from);
    if (!s || !isSeq(s.node)) return [];
    return s.node.items.flatMap((_, i) => this.at([i], s) ?? []);
  }

  /** The entries of a map, with the key node. */
  entries(rel: Step[], from?: Spot): Array<Spot & { key: string; keyNode: Node }> {
    const s = this.at(rel, from);
    if (!s || !isMap(s.node)) return [];
    return s.node.items.flatMap((p) => {
      const key = keyName(p);
      const value = this.at([key ?? ''], s);
      return key !== undefined && value ? [{ ...value, key, keyNode: p.key as Node }] : [];
    });
  }

  /** Reports `problem` on the spot; `prefix` is the text istio puts before its error. */
  report(spot: Spot, severity: 'error' | 'warning', problem: Problem, prefix = ''): void {
    const version = this.ctx.schema.version;
    const outcome = byMinor(OUTCOMES, this.minor)!;
    const shown = isScalar(spot.node) ? (spot.node.value === '' ? '""' : String(spot.node.value)) : undefined;
    const subject = shown === undefined || spot.isKey ? `\`${formatPath(spot.rel)}\`` : `\`${formatPath(spot.rel)}: ${shown}\``;
    const who = severity === 'error' ? outcome.error(version) : outcome.warning(version);
    this.ctx.report(spot.use ?? spot.node, severity, 'invalid-mesh-config', `${subject} ${problem.text}. ${who}: "${prefix}${problem.istio}".`, spot.path);
  }
}

// Field checks shared by the tables.

/** ValidatePort; an explicit 0 counts only from `zeroFrom` (older releases drop zero values before validating). */
export const portField = (rel: Step[], prefix: string, zeroFrom: number) => (m: MeshView) => {
  const v = m.int(rel);
  if (!v || (v.value === 0 && m.minor < zeroFrom)) return;
  const p = portProblem(v.value);
  if (p) m.report(v, 'error', p, prefix);
};

export const durationField = (rel: Step[], prefix: string, judge: (ns: number) => Problem | undefined) => (m: MeshView) => {
  const v = m.duration(rel);
  const p = v && judge(v.value);
  if (v && p) m.report(v, 'error', p, prefix);
};

/** IPs parse with net.ParseIP up to 1.15, with netip (zones allowed) from 1.16 (V@1.15.7:1550, V@1.16.7:1561). */
const IP_PARSERS: Array<{ minors: [number, number]; zones: boolean }> = [
  { minors: [5, 15], zones: false },
  { minors: [16, LATEST], zones: true },
];

export const ipZones = (minor: number) => byMinor(IP_PARSERS, minor)!.zones;

/** ValidateProxyAddress on a set, non-empty string; `hostIp`: $(HOST_IP) stands for an IP first. */
export const addressField = (rel: Step[], prefix: (value: string) => string, hostIp = false) => (m: MeshView) => {
  const v = m.str(rel);
  if (!v || v.value === '') return;
  const addr = hostIp ? v.value.replace('$(HOST_IP)', '127.0.0.1') : v.value;
  const p = proxyAddressProblem(addr, ipZones(m.minor));
  if (p) m.report(v, 'error', p, prefix(v.value));
};

/** A field istio requires: an explicit empty string replaces the default and fails. */
export const requiredField = (rel: Step[], istio: string, fix: string) => (m: MeshView) => {
  const v = m.str(rel);
  if (v && v.value === '') m.report(v, 'error', { text: `is empty; ${fix}`, istio });
};
