// The field trees of the Kubernetes objects overlays patch (schemas/overlay-kubernetes.json, made by
// scripts/overlays/importKubernetes.ts): Istio 1.24+ at the Kubernetes release its go.mod vendors,
// older Istio at the oldest one bundled (1.31). Those are GA API versions (apps/v1, v1, policy/v1,
// autoscaling/v2), which by Kubernetes' deprecation policy never remove a field: a field missing
// from them was never in an older release either. Fields newer than the user's cluster are not caught.
import { readDataFile } from './dataFiles.ts';

type TypeTable = Record<string, Record<string, string>>;
interface OverlayKubernetes {
  base: string;
  istio: Record<string, string>;
  kinds: Record<string, { apiVersions: string[] }>;
  types: Record<string, TypeTable>;
}

export type FieldType =
  | { shape: 'object'; name: string; fields: Record<string, string> }
  | { shape: 'map'; of: string }
  | { shape: 'array'; of: string; keys: string[] }
  | { shape: 'scalar'; scalar: 's' | 'i' | 'n' | 'b' | 'q' | 'io' | 't' }
  | { shape: 'any' };

const SCALAR_NAMES: Record<string, string> = { s: 'a string', i: 'an integer', n: 'a number', b: 'a boolean', q: 'a quantity (`100m`, `1Gi`)', io: 'an integer or a string', t: 'a time (RFC 3339)' };

export class KubernetesObjects {
  constructor(readonly release: string, private readonly table: TypeTable, private readonly kinds: Record<string, { apiVersions: string[] }>) {}

  /** The type code of a kind's object, when its fields are known for every apiVersion the chart writes. */
  objectType(kind: string, apiVersions: readonly string[] | undefined): string | undefined {
    const k = this.kinds[kind];
    if (!k || !this.table[kind]) return undefined;
    if (apiVersions?.length && !apiVersions.every((a) => k.apiVersions.includes(a))) return undefined;
    return `@${kind}`;
  }

  decode(code: string): FieldType {
    if (code.startsWith('@')) return { shape: 'object', name: code.slice(1), fields: this.table[code.slice(1)] ?? {} };
    if (code.startsWith('{')) return { shape: 'map', of: code.slice(1) };
    if (code.startsWith('[')) {
      const bar = code.lastIndexOf('|');
      return bar > 0 ? { shape: 'array', of: code.slice(1, bar), keys: code.slice(bar + 1).split(',') } : { shape: 'array', of: code.slice(1), keys: [] };
    }
    if (code === 'any') return { shape: 'any' };
    return { shape: 'scalar', scalar: code as 's' };
  }

  /** How a type is named in messages: `an object (Container)`, `a list`, `a string`. */
  describe(code: string): string {
    const t = this.decode(code);
    switch (t.shape) {
      case 'object': return `an object (${t.name})`;
      case 'map': return 'a map';
      case 'array': return 'a list';
      case 'any': return 'any value';
      default: return SCALAR_NAMES[t.scalar];
    }
  }
}

const byRelease = new Map<string, KubernetesObjects>();

/** The objects for an Istio minor (`1.20`, `1.24`). */
export function kubernetesObjects(version: string): KubernetesObjects {
  const data = readDataFile<OverlayKubernetes>('overlay-kubernetes.json');
  const release = data.istio[version] ?? data.base;
  let objs = byRelease.get(release);
  if (!objs) {
    // The base table, then each later release's changed types, up to this one.
    const releases = Object.keys(data.types).sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
    const table: TypeTable = {};
    for (const r of releases) {
      Object.assign(table, data.types[r]);
      if (r === release) break;
    }
    objs = new KubernetesObjects(release, table, data.kinds);
    byRelease.set(release, objs);
  }
  return objs;
}
