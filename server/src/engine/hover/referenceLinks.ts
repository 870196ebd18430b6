// Where istio.io documents a field, per release: one table, first matching row wins.
import type { SchemaNode } from '../schema/schemaStore.ts';
import type { Step } from '../parse/yamlNodes.ts';

interface ReferencePage {
  /** The document path this page covers (the path itself and everything below it). */
  under: readonly string[];
  /** Minor versions the row applies to (inclusive); absent = every release. */
  minors?: readonly [number, number];
  /** The page below /docs/reference/config/. */
  page: string;
  /** The proto package whose messages the page lists, for `#Message-field` anchors. */
  protoPackage?: string;
}

const REFERENCE_PAGES: readonly ReferencePage[] = [
  { under: ['spec', 'meshConfig'], page: 'istio.mesh.v1alpha1', protoPackage: 'istio.mesh.v1alpha1' },
  { under: ['spec', 'values'], minors: [5, 5], page: 'installation-options' },
  { under: ['spec'], page: 'istio.operator.v1alpha1', protoPackage: 'istio.operator.v1alpha1' },
];

/**
 * The reference page for a field in release `version` ("1.20"), with an anchor when the field's
 * message is one the page documents. `chain` holds the schema nodes along `path` (root first).
 */
export function referenceUrl(version: string, path: readonly Step[], chain: readonly SchemaNode[]): string | undefined {
  const minor = Number(version.split('.')[1]);
  const row = REFERENCE_PAGES.find((r) => r.under.every((s, i) => path[i] === s) && (!r.minors || (minor >= r.minors[0] && minor <= r.minors[1])));
  if (!row) return undefined;
  const url = `https://istio.io/v${version}/docs/reference/config/${row.page}/`;
  return url + (row.protoPackage ? anchor(row.protoPackage, path, chain) : '');
}

/** `#MeshConfig-access_log_file`: the parent message and the field's proto (snake_case) name. */
function anchor(pkg: string, path: readonly Step[], chain: readonly SchemaNode[]): string {
  const field = path[path.length - 1];
  const parent = chain[chain.length - 2];
  const type = parent?.['x-istio-type'];
  if (typeof field !== 'string' || typeof type !== 'string' || !type.startsWith(`${pkg}.`)) return '';
  const props = (parent.properties ?? {}) as Record<string, SchemaNode>;
  const protoName = Object.keys(props).find((k) => props[k]['x-istio-alias-of'] === field) ?? field;
  return `#${type.slice(pkg.length + 1).replace(/\./g, '-')}-${protoName}`;
}

/**
 * From 1.24 the `k8s` types are the vendored Kubernetes release's own: its API reference documents
 * them (`#probe-v1-core`, `#horizontalpodautoscalerspec-v2-autoscaling`).
 */
export function kubernetesReferenceUrl(chain: readonly SchemaNode[]): { url: string; version: string } | undefined {
  const version = [...chain].reverse().find((n) => typeof n?.['x-kubernetes-version'] === 'string')?.['x-kubernetes-version'] as string | undefined;
  if (!version) return undefined;
  const typed = [...chain].reverse().find((n) => typeof n?.['x-istio-type'] === 'string' && String(n['x-istio-type']).startsWith('k8s.io.'));
  const m = typed ? /^k8s\.io\.(?:api\.(\w+)|apimachinery\.pkg\.apis\.(meta))\.(v\w+)\.(\w+)$/.exec(String(typed['x-istio-type'])) : null;
  const base = `https://kubernetes.io/docs/reference/generated/kubernetes-api/v${version}/`;
  if (!m) return { url: base, version };
  const [, group, meta, apiVersion, kind] = m;
  return { url: `${base}#${kind.toLowerCase()}-${apiVersion}-${group ?? meta}`, version };
}
