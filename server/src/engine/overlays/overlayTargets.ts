// The `k8s.overlays` lists of a document, each with its component, what that component renders at
// the document's release, and the names its resources get for this document.
import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { nodeAtPath } from '../parse/nodePath.ts';
import { deref, keyName, type Step } from '../parse/yamlNodes.ts';
import { defaultIn } from '../schema/profileDefaults.ts';
import type { IstioSchema } from '../schema/schemaStore.ts';
import { releaseComponents, resolveName, type Component, type NameContext, type RenderedResource, type ResolvedName } from './renderedResources.ts';

export interface OverlayList {
  /** The component's table entry; undefined when the release renders no such component. */
  component: Component | undefined;
  /** `pilot`, `ingressGateways[1] (my-gateway)`, `addonComponents.grafana`. */
  label: string;
  /** Document path of the component (`['spec', 'components', 'ingressGateways', 1]`). */
  path: Step[];
  overlays: YAMLSeq;
  names: NameContext;
  /**
   * Whether istioctl renders the component: `off-written` (`enabled: false` in the document) and
   * `off-default` (not enabled by the profile, see enablement) render nothing and apply no overlay.
   */
  enablement: Enablement;
}

export type Enablement = { state: 'on' } | { state: 'off-written' } | { state: 'off-default'; why: string };

const str = (n: unknown): string | undefined => (isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number') && n.value !== '' ? String(n.value) : undefined);
const lowerFirst = (s: string) => (s ? s[0].toLowerCase() + s.slice(1) : s);

/** A profile default at a document path: the deepest field the schema has, its default descended into. */
function profileDefault(schema: IstioSchema, profile: string, steps: Step[]): unknown {
  for (let i = steps.length; i > 1; i--) {
    const node = schema.at(steps.slice(0, i));
    if (!node) continue;
    let d = defaultIn(node, profile);
    for (const k of steps.slice(i)) d = d && typeof d === 'object' ? (d as Record<string | number, unknown>)[k] : undefined;
    return d;
  }
  return undefined;
}

/**
 * Whether istioctl renders a component, from `enabled` and the profile. Up to 1.23 only an
 * `enabled: true` in the merged spec renders one (IsComponentEnabledInSpec, translate_common.go@1.20.8:31-48;
 * gateways Enabled.GetValue, component.go@1.20.8:108-114); the gateway lists merge with the profile's by
 * name from 1.7 and are replaced before. From 1.24 a component the file writes is on unless `enabled`
 * is false there or in the profile, a gateway unless its own `enabled` is (GetValueOrTrue,
 * component.go@1.24.6:80-110). A `values.gateways.<gateway>.enabled: true` (or addon `values.<name>.enabled`)
 * also enables; then the answer is left `on`.
 */
function enablement(doc: Document, schema: IstioSchema, profile: string, minor: number, m: YAMLMap, path: Step[], gateway?: { list: string; name?: string }): Enablement {
  const e = deref(doc, m.get('enabled', true));
  if (isScalar(e) && typeof e.value === 'boolean') return e.value ? { state: 'on' } : { state: 'off-written' };
  const valuesOn = (steps: Step[]) => { const v = deref(doc, nodeAtPath(doc, ['spec', 'values', ...steps, 'enabled'])); return isScalar(v) && v.value === true; };
  if (gateway) {
    const values = gateway.list === 'ingressGateways' ? 'istio-ingressgateway' : 'istio-egressgateway';
    if (valuesOn(['gateways', values])) return { state: 'on' };
    if (minor >= 24) return { state: 'on' };
    const items = minor >= 7 ? profileDefault(schema, profile, ['spec', 'components', gateway.list]) : undefined;
    const same = Array.isArray(items) ? (items as Array<{ name?: string; enabled?: boolean }>).find((i) => i && i.name === gateway.name) : undefined;
    if (same?.enabled === true) return { state: 'on' };
    return { state: 'off-default', why: same ? `the \`${profile}\` profile's ${gateway.name} is not enabled` : `a gateway is rendered only with \`enabled: true\`${minor >= 7 ? ` (the \`${profile}\` profile has no gateway ${gateway.name ?? '(unnamed)'} to take it from)` : ''}` };
  }
  if (path[1] === 'addonComponents' && valuesOn([String(path[2])])) return { state: 'on' };
  const d = profileDefault(schema, profile, [...path, 'enabled']);
  if (d === true || (minor >= 24 && d !== false)) return { state: 'on' };
  return { state: 'off-default', why: d === false ? `the \`${profile}\` profile disables it` : `only \`enabled: true\` renders it and the \`${profile}\` profile does not set that` };
}

function nameContext(doc: Document, schema: IstioSchema, profile: string, component: Component | undefined, componentNode: YAMLMap, gateway?: string): NameContext {
  const at = (p: Step[]) => deref(doc, nodeAtPath(doc, p));
  const revision = str(at(['spec', 'revision'])) ?? str(at(['spec', 'values', 'revision'])) ?? '';
  const istioNamespace = str(at(['spec', 'values', 'global', 'istioNamespace'])) ?? 'istio-system';
  const namespace = str(deref(doc, componentNode.get('namespace', true))) ?? str(at(['spec', 'namespace'])) ?? istioNamespace;
  const root = component?.valuesRoot ? component.valuesRoot.split('.') : [];
  return {
    revision, gateway, namespace, istioNamespace,
    value: (p) => {
      const steps = ['spec', 'values', ...root, ...p.split('.')];
      const written = str(at(steps));
      if (written !== undefined) return written;
      // The profile's default (values.ztunnel is free-form: its default is a map).
      const d = profileDefault(schema, profile, steps);
      return typeof d === 'string' && d !== '' ? d : undefined;
    },
  };
}

/** Every `k8s.overlays` list of the document's components (block or flow), in document order. */
export function overlayLists(doc: Document, schema: IstioSchema, profile: string): OverlayList[] {
  const out: OverlayList[] = [];
  const table = releaseComponents(schema.version);
  if (!table) return out;
  const minor = Number(schema.version.split('.')[1]);
  const add = (node: unknown, path: Step[], spec: string, label: string, gateway?: string, list?: string, written?: string) => {
    const m = deref(doc, node);
    if (!isMap(m)) return;
    const k8s = deref(doc, m.get('k8s', true));
    const overlays = isMap(k8s) ? deref(doc, k8s.get('overlays', true)) : undefined;
    if (!isSeq(overlays)) return;
    const component = table.get(spec);
    const on = enablement(doc, schema, profile, minor, m, path, list ? { list, name: written } : undefined);
    out.push({ component, label, path, overlays, names: nameContext(doc, schema, profile, component, m, gateway), enablement: on });
  };
  const components = deref(doc, nodeAtPath(doc, ['spec', 'components']));
  const componentsSchema = schema.at(['spec', 'components']);
  if (isMap(components)) {
    for (const pair of components.items) {
      const written = keyName(pair);
      if (written === undefined) continue;
      // A proto-name alias (ingress_gateways) is the same component.
      const key = (componentsSchema && schema.property(componentsSchema, written)?.key) ?? written;
      const value = deref(doc, pair.value);
      if (key === 'ingressGateways' || key === 'egressGateways') {
        if (!isSeq(value)) continue;
        value.items.forEach((item, i) => {
          const g = deref(doc, item);
          const name = isMap(g) ? str(deref(doc, g.get('name', true))) : undefined;
          const fallback = table.get(`components.${key}`)?.workload?.name;
          add(g, ['spec', 'components', written, i], `components.${key}`, `${key}[${i}]${name ? ` (${name})` : ''}`, name ?? fallback, key, name);
        });
      } else add(value, ['spec', 'components', written], `components.${key}`, key);
    }
  }
  const addons = deref(doc, nodeAtPath(doc, ['spec', 'addonComponents']));
  if (isMap(addons)) {
    for (const pair of addons.items) {
      const written = keyName(pair);
      // istioctl finds an addon's component map by its title-cased name (translate.go@1.6.14:347).
      if (written) add(pair.value, ['spec', 'addonComponents', written], `addonComponents.${lowerFirst(written)}`, `addonComponents.${written}`);
    }
  }
  return out;
}

/** A rendered resource with its name for this document. */
export interface NamedResource { resource: RenderedResource; name: ResolvedName }

export function namedResources(list: OverlayList): NamedResource[] {
  return (list.component?.rendered ?? []).map((resource) => ({ resource, name: resolveName(resource.name, list.names) }));
}

export function overlayField(doc: Document, item: Node, key: string): Node | undefined {
  const m = deref(doc, item);
  return isMap(m) ? (deref(doc, m.get(key, true)) as Node | undefined) : undefined;
}
