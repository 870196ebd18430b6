// What each component renders at a release (schemas/rendered-resources.json, made by
// scripts/overlays/importRendered.ts from Istio's charts), and the name patterns filled in for a
// document: `istiod{-revision}` is `istiod-canary` with `spec.revision: canary`.
import { readDataFile } from './dataFiles.ts';

export interface RenderedResource {
  kind: string;
  /** A name pattern: {-revision} {revision} {gateway} {namespace} {istioNamespace} {v:PATH=DEFAULT} {*}. */
  name: string;
  api?: string[];
  /** metadata.namespace is not set in the template. */
  cluster?: true;
  containers?: string[];
  initContainers?: string[];
}

type ResourceSet = { resources: RenderedResource[] } | { from: string; add?: RenderedResource[]; remove?: string[] };

export interface ComponentEntry {
  chart: string;
  /** Null when the chart is not in that release's tree (the component renders nothing). */
  resources: string | null;
  workload?: { kind: string; name: string; container: string };
  valuesRoot?: string;
}

interface RenderedTable {
  sets: Record<string, ResourceSet>;
  releases: Record<string, { tag: string; components: Record<string, ComponentEntry> }>;
}

const table = () => readDataFile<RenderedTable>('rendered-resources.json');
const keyOf = (r: RenderedResource) => `${r.kind} ${r.name}`;
const setCache = new Map<string, RenderedResource[]>();

function setResources(id: string): RenderedResource[] {
  let list = setCache.get(id);
  if (!list) {
    const s = table().sets[id];
    if ('resources' in s) list = s.resources;
    else {
      const out = new Map(setResources(s.from).map((r) => [keyOf(r), r]));
      for (const k of s.remove ?? []) out.delete(k);
      for (const r of s.add ?? []) out.set(keyOf(r), r);
      list = [...out.values()];
    }
    setCache.set(id, list);
  }
  return list;
}

export interface Component extends ComponentEntry {
  /** The path below `spec`: `components.pilot`, `components.ingressGateways`, `addonComponents.grafana`. */
  spec: string;
  rendered: RenderedResource[] | undefined;
}

/** The components of a release (`1.20`), keyed by their path below spec; undefined for a release not in the table. */
export function releaseComponents(version: string): Map<string, Component> | undefined {
  const r = table().releases[version];
  if (!r) return undefined;
  return new Map(Object.entries(r.components).map(([spec, c]) => [spec, { ...c, spec, rendered: c.resources ? setResources(c.resources) : undefined }]));
}

/** What the placeholders of a name pattern stand for in one document. */
export interface NameContext {
  revision: string;
  /** The gateway's name (gateway components only). */
  gateway?: string;
  namespace: string;
  istioNamespace: string;
  /** A chart value (`resourceName`), from the document or the profile. */
  value(path: string): string | undefined;
}

export interface ResolvedName {
  /** The name as it is written for this document (namespaces guessed; `*` where anything goes). */
  display: string;
  regex: RegExp;
  /** Part of the name is not known here (`{*}`, a namespace): the name matches loosely. */
  loose: boolean;
}

const DNS = '[a-z0-9]([-a-z0-9.]*[a-z0-9])?';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function resolveName(pattern: string, ctx: NameContext): ResolvedName {
  let display = '';
  let src = '';
  let loose = false;
  for (const part of pattern.split(/(\{[^}]*\})/)) {
    if (part === '') continue;
    let exact: string | undefined;
    if (part === '{-revision}') exact = ctx.revision ? `-${ctx.revision}` : '';
    else if (part === '{revision}') exact = ctx.revision;
    else if (part === '{gateway}' && ctx.gateway !== undefined) exact = ctx.gateway;
    else if (part.startsWith('{v:')) {
      const [p, d] = part.slice(3, -1).split('=');
      exact = (p === 'revision' ? ctx.revision || undefined : ctx.value(p)) ?? d ?? '';
    } else if (part === '{namespace}' || part === '{istioNamespace}') {
      display += part === '{namespace}' ? ctx.namespace : ctx.istioNamespace;
      src += DNS;
      loose = true;
      continue;
    } else if (part.startsWith('{')) {
      display += '*';
      src += '.*';
      loose = true;
      continue;
    } else exact = part;
    display += exact;
    src += escape(exact);
  }
  return { display, regex: new RegExp(`^${src}$`), loose };
}
