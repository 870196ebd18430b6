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
  /** `enabled: false` written on the component: istioctl renders nothing for it and applies no overlay. */
  disabled: boolean;
}

const str = (n: unknown): string | undefined => (isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number') && n.value !== '' ? String(n.value) : undefined);
const lowerFirst = (s: string) => (s ? s[0].toLowerCase() + s.slice(1) : s);

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
      // The profile's default, from the deepest field the schema has (values.ztunnel is free-form: its default is a map).
      for (let i = steps.length; i > 2; i--) {
        const node = schema.at(steps.slice(0, i));
        if (!node) continue;
        let d = defaultIn(node, profile);
        for (const k of steps.slice(i)) d = d && typeof d === 'object' ? (d as Record<string, unknown>)[k] : undefined;
        return typeof d === 'string' && d !== '' ? d : undefined;
      }
      return undefined;
    },
  };
}

/** Every `k8s.overlays` list of the document's components (block or flow), in document order. */
export function overlayLists(doc: Document, schema: IstioSchema, profile: string): OverlayList[] {
  const out: OverlayList[] = [];
  const table = releaseComponents(schema.version);
  if (!table) return out;
  const disabled = (m: YAMLMap) => { const e = deref(doc, m.get('enabled', true)); return isScalar(e) && e.value === false; };
  const add = (node: unknown, path: Step[], spec: string, label: string, gateway?: string) => {
    const m = deref(doc, node);
    if (!isMap(m)) return;
    const k8s = deref(doc, m.get('k8s', true));
    const overlays = isMap(k8s) ? deref(doc, k8s.get('overlays', true)) : undefined;
    if (!isSeq(overlays)) return;
    const component = table.get(spec);
    out.push({ component, label, path, overlays, names: nameContext(doc, schema, profile, component, m, gateway), disabled: disabled(m) });
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
          add(g, ['spec', 'components', written, i], `components.${key}`, `${key}[${i}]${name ? ` (${name})` : ''}`, name ?? fallback);
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
