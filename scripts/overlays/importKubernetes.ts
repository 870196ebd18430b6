// Writes schemas/overlay-kubernetes.json: the field tree of the Kubernetes objects that
// `components.*.k8s.overlays` patch (Deployment, DaemonSet, Service, HorizontalPodAutoscaler,
// PodDisruptionBudget, ConfigMap), for each Kubernetes release an Istio minor vendors.
//   node --import tsx scripts/overlays/importKubernetes.ts [--out DIR]
// Reads only ../shared/kubernetes ($KUBERNETES_DATA), so it runs wherever the tests run.
//
// The definitions there are trimmed to the closure of PodSpec, ServiceSpec, the HPA and PDB specs,
// the strategies, LabelSelector and ObjectMeta. The objects around those specs are not in them, so
// they are written out here from Kubernetes' Go types (kubernetes/api, identical at v0.31.1 and
// v0.35.3, the oldest and newest release Istio 1.24–1.30 vendor):
//   Deployment, DeploymentSpec      apps/v1/types.go@v0.31.1:360-419
//   DaemonSetSpec, DaemonSet        apps/v1/types.go@v0.31.1:641-672,756-775
//   PodTemplateSpec, Service        core/v1/types.go@v0.31.1:4913-4923,5636-5654
//   ConfigMap                       core/v1/types.go@v0.31.1:7345-7376
//   HorizontalPodAutoscaler         autoscaling/v2/types.go@v0.31.1:34-49
//   PodDisruptionBudget             policy/v1/types.go@v0.31.1:176-189
// `status` is left free: the API server ignores it when the object is created or applied.
//
// Type codes (decoded by server/src/engine/overlays/kubernetesObjects.ts): s string, i integer,
// n number, b boolean, q Quantity, io IntOrString, t Time, any (free), @Name a named type,
// [X an array of X ("[X|k1,k2" with the keys of a list map), {X a map of X.
import fs from 'node:fs';
import path from 'node:path';

interface OpenApiProperty {
  $ref?: string;
  type?: string;
  format?: string;
  items?: OpenApiProperty;
  additionalProperties?: OpenApiProperty | boolean;
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-patch-merge-key'?: string;
}
interface OpenApiDefinition extends OpenApiProperty { properties?: Record<string, OpenApiProperty> }

export type TypeTable = Record<string, Record<string, string>>;

const SPECIAL: Record<string, string> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'io',
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'q',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 't',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 't',
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': 'any',
  'io.k8s.apimachinery.pkg.runtime.RawExtension': 'any',
};

const META = { apiVersion: 's', kind: 's', metadata: '@ObjectMeta' };

/** The objects around the specs (see the header for their sources). */
const WRAPPERS: TypeTable = {
  Deployment: { ...META, spec: '@DeploymentSpec', status: 'any' },
  DeploymentSpec: { replicas: 'i', selector: '@LabelSelector', template: '@PodTemplateSpec', strategy: '@DeploymentStrategy', minReadySeconds: 'i', revisionHistoryLimit: 'i', paused: 'b', progressDeadlineSeconds: 'i' },
  PodTemplateSpec: { metadata: '@ObjectMeta', spec: '@PodSpec' },
  DaemonSet: { ...META, spec: '@DaemonSetSpec', status: 'any' },
  DaemonSetSpec: { selector: '@LabelSelector', template: '@PodTemplateSpec', updateStrategy: '@DaemonSetUpdateStrategy', minReadySeconds: 'i', revisionHistoryLimit: 'i' },
  Service: { ...META, spec: '@ServiceSpec', status: 'any' },
  HorizontalPodAutoscaler: { ...META, spec: '@HorizontalPodAutoscalerSpec', status: 'any' },
  PodDisruptionBudget: { ...META, spec: '@PodDisruptionBudgetSpec', status: 'any' },
  ConfigMap: { ...META, immutable: 'b', data: '{s', binaryData: '{s' },
};

/**
 * The kinds checked, with the apiVersions whose fields these are. autoscaling/v2 is v2beta2 promoted
 * unchanged and policy/v1's PDB spec is v1beta1's, so the older charts' HPAs and PDBs are checked as
 * well; autoscaling/v2beta1 (metrics in another shape) is not.
 */
const KINDS: Record<string, string[]> = {
  Deployment: ['apps/v1'],
  DaemonSet: ['apps/v1'],
  Service: ['v1'],
  HorizontalPodAutoscaler: ['autoscaling/v2', 'autoscaling/v2beta2'],
  PodDisruptionBudget: ['policy/v1', 'policy/v1beta1'],
  ConfigMap: ['v1'],
};

function shortName(full: string): string {
  return full.split('.').pop()!;
}

/** One Kubernetes release's field tree: every named type the kinds above reach. */
export function typeTable(definitions: Record<string, OpenApiDefinition>): TypeTable {
  const byShort = new Map<string, string>();
  for (const full of Object.keys(definitions)) {
    const s = shortName(full);
    if (byShort.has(s) && !SPECIAL[full]) throw new Error(`two definitions named ${s}: ${byShort.get(s)} and ${full}`);
    byShort.set(s, full);
  }
  const out: TypeTable = {};
  const code = (p: OpenApiProperty, where: string): string => {
    if (p.$ref) {
      const full = p.$ref.replace(/^#\/definitions\//, '');
      if (SPECIAL[full]) return SPECIAL[full];
      const def = definitions[full];
      if (!def) throw new Error(`no definition ${full} (${where})`);
      if (!def.properties) return def.type === 'string' ? 's' : 'any';
      visit(full);
      return `@${shortName(full)}`;
    }
    switch (p.type) {
      case 'string': return p.format === 'int-or-string' ? 'io' : p.format === 'date-time' ? 't' : 's';
      case 'integer': return 'i';
      case 'number': return 'n';
      case 'boolean': return 'b';
      case 'array': {
        if (!p.items) throw new Error(`array without items at ${where}`);
        const keys = p['x-kubernetes-list-map-keys'] ?? (p['x-kubernetes-patch-merge-key'] ? [p['x-kubernetes-patch-merge-key']] : []);
        return `[${code(p.items, `${where}[]`)}${keys.length ? `|${keys.join(',')}` : ''}`;
      }
      case 'object':
        return p.additionalProperties && typeof p.additionalProperties === 'object' ? `{${code(p.additionalProperties, `${where}.*`)}` : 'any';
      default:
        return 'any';
    }
  };
  const visit = (full: string) => {
    const name = shortName(full);
    if (out[name]) return;
    const fields: Record<string, string> = {};
    out[name] = fields;
    for (const key of Object.keys(definitions[full].properties!).sort()) fields[key] = code(definitions[full].properties![key], `${name}.${key}`);
  };
  for (const [name, fields] of Object.entries(WRAPPERS)) {
    out[name] = {};
    for (const [key, c] of Object.entries(fields)) {
      const ref = /^[[{]?@(\w+)$/.exec(c)?.[1];
      if (ref && !WRAPPERS[ref]) {
        const full = byShort.get(ref);
        if (!full) throw new Error(`no definition for ${ref} (${name}.${key})`);
        visit(full);
      }
      out[name][key] = c;
    }
  }
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
}

export interface OverlayKubernetes {
  $comment: string;
  base: string;
  /** Istio minor (1.24+) → the Kubernetes minor it vendors; older minors use `base`. */
  istio: Record<string, string>;
  kinds: Record<string, { apiVersions: string[] }>;
  /** `base`'s full table, then for each later release only the types that differ from the one before. */
  types: Record<string, TypeTable>;
}

export function build(kubeDir: string): OverlayKubernetes {
  const vendored = JSON.parse(fs.readFileSync(path.join(kubeDir, 'istio-vendored.json'), 'utf8')) as Record<string, { kubernetes: string }>;
  const istio = Object.fromEntries(Object.entries(vendored).map(([k, v]) => [k, v.kubernetes]));
  const releases = [...new Set(Object.values(istio))].sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
  const types: Record<string, TypeTable> = {};
  let previous: TypeTable | undefined;
  for (const r of releases) {
    const file = JSON.parse(fs.readFileSync(path.join(kubeDir, r, 'definitions.json'), 'utf8')) as { definitions: Record<string, OpenApiDefinition> };
    const table = typeTable(file.definitions);
    if (!previous) types[r] = table;
    else {
      const changed: TypeTable = {};
      for (const [k, v] of Object.entries(table)) if (JSON.stringify(previous[k]) !== JSON.stringify(v)) changed[k] = v;
      types[r] = changed;
    }
    previous = table;
  }
  return {
    $comment: 'Generated by scripts/overlays/importKubernetes.ts from ../shared/kubernetes (Kubernetes OpenAPI definitions, Apache-2.0, (c) The Kubernetes Authors). Istio minors before 1.24 use `base`: these GA API versions never remove a field, so a field missing here was never in them.',
    base: releases[0],
    istio,
    kinds: Object.fromEntries(Object.entries(KINDS).map(([k, v]) => [k, { apiVersions: v }])),
    types,
  };
}

function main() {
  const outIdx = process.argv.indexOf('--out');
  const outDir = path.resolve(outIdx > 0 ? process.argv[outIdx + 1] : path.join(import.meta.dirname, '../../schemas'));
  const kubeDir = process.env.KUBERNETES_DATA ? path.resolve(process.env.KUBERNETES_DATA) : path.resolve(import.meta.dirname, '../../../shared/kubernetes');
  const data = build(kubeDir);
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'overlay-kubernetes.json');
  fs.writeFileSync(file, `${JSON.stringify(data, null, 1)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)}: ${Object.entries(data.types).map(([r, t]) => `${r} ${Object.keys(t).length} types`).join(', ')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
