// Which Istio minors have each path, written where a property's minors differ from its parent's,
// and, on each object, the keys that exist at the same path only in other minors.
import { minorNumber } from './sources.ts';
import type { SchemaNode } from './schemaNode.ts';
import { formatMinors, walk } from './walk.ts';
import { DEPRECATIONS, fullPath, type Deprecation } from './deprecations.ts';

export function annotateVersions(trees: Map<string, SchemaNode>): void {
  const index = new Map<string, number[]>();
  for (const [version, tree] of trees) {
    const n = minorNumber(version);
    walk(tree, (_node, path) => {
      const key = path.join('.');
      const list = index.get(key);
      if (list) list.push(n); else index.set(key, [n]);
    });
  }
  const all = [...trees.keys()].map(minorNumber);
  for (const [version, tree] of trees) {
    const n = minorNumber(version);
    walk(tree, (node, path) => {
      const here = index.get(path.join('.'))!;
      const parent = path.length ? index.get(path.slice(0, -1).join('.'))! : all;
      const last = path[path.length - 1];
      if (last !== '[]' && last !== '*' && here.length !== parent.length) node['x-istio-versions'] = formatMinors(here);
      const props = node.properties as Record<string, SchemaNode> | undefined;
      if (!props) return;
      const elsewhere: Record<string, string> = {};
      for (const [key, minors] of childrenOf(index, path)) {
        if (!(key in props) && !minors.includes(n)) elsewhere[key] = formatMinors(minors);
      }
      if (Object.keys(elsewhere).length) node['x-istio-other-versions'] = elsewhere;
    });
  }
}

/** Direct children of a path in the index (computed lazily per call; the index is a flat map). */
function childrenOf(index: Map<string, number[]>, path: string[]): Array<[string, number[]]> {
  const cache = childCache.get(index) ?? buildChildCache(index);
  return cache.get(path.join('.')) ?? [];
}

const childCache = new WeakMap<Map<string, number[]>, Map<string, Array<[string, number[]]>>>();
function buildChildCache(index: Map<string, number[]>) {
  const out = new Map<string, Array<[string, number[]]>>();
  for (const [key, minors] of index) {
    if (!key) continue;
    const parts = key.split('.');
    const last = parts.pop()!;
    if (last === '[]' || last === '*') continue;
    const parentKey = parts.join('.');
    if (!out.has(parentKey)) out.set(parentKey, []);
    out.get(parentKey)!.push([last, minors]);
  }
  childCache.set(index, out);
  return out;
}

/**
 * The one path a deprecated setting moves to with the same value, when the replacement is a single
 * path that exists in this release: `values.global.outboundTrafficPolicy` → `meshConfig.outboundTrafficPolicy`.
 * Moves to a different shape (the proxy's Envoy services: host/port there, `address` here) get no target.
 */
const DIFFERENT_SHAPE = new Set(['global.proxy.envoyAccessLogService', 'global.proxy.envoyMetricsService']);

function moveTarget(d: { path: string; use: string }, byPath: Map<string, SchemaNode>): string | undefined {
  const m = /^`((?:values|meshConfig|components)\.[\w.]+)`$/.exec(d.use);
  if (!m || DIFFERENT_SHAPE.has(d.path)) return undefined;
  return byPath.has(`spec.${m[1]}`) ? m[1] : undefined;
}

/** Marks deprecated paths, and records moved keys on the parent where the old key is gone. */
export function annotateDeprecations(tree: SchemaNode, version: string, deprecations: Deprecation[] = DEPRECATIONS): void {
  const n = minorNumber(version);
  const inRange = (r?: [number, number]) => !!r && n >= r[0] && n <= r[1];
  const byPath = new Map<string, SchemaNode>();
  walk(tree, (node, path) => byPath.set(path.join('.'), node));
  for (const d of deprecations) {
    const severity = inRange(d.error) ? 'error' : inRange(d.warn) ? 'warning' : undefined;
    if (!severity) continue;
    const path = fullPath(d);
    const node = byPath.get(path);
    const message = severity === 'error'
      ? `Removed: use ${d.use} instead; istioctl ${version} rejects \`${d.path}\`.`
      : `Deprecated: use ${d.use} instead.`;
    const target = moveTarget(d, byPath);
    if (node) {
      node.deprecated = true;
      node.deprecationMessage = message;
      if (severity === 'error') node['x-istio-deprecation-severity'] = 'error';
      if (target) node['x-istio-move-to'] = target;
      continue;
    }
    const steps = path.split('.');
    // `<map>.<key>.enabled` where <map> is a map of components (addonComponents): note it on the map.
    const mapNode = steps.length > 2 ? byPath.get(`${steps.slice(0, -2).join('.')}`) : undefined;
    if (mapNode && byPath.has(`${steps.slice(0, -2).join('.')}.*`) && steps[steps.length - 1] === 'enabled') {
      const keyed = (mapNode['x-istio-key-deprecations'] as Record<string, unknown>) ?? {};
      keyed[steps[steps.length - 2]] = { severity, message };
      mapNode['x-istio-key-deprecations'] = keyed;
      continue;
    }
    // The old path is gone: note the move on its nearest existing ancestor, keyed by the next step.
    for (let i = steps.length - 1; i > 0; i--) {
      const ancestor = byPath.get(steps.slice(0, i).join('.'));
      if (!ancestor) continue;
      if (ancestor.properties) {
        const moved = (ancestor['x-istio-moved'] as Record<string, string>) ?? {};
        moved[steps[i]] ??= `use ${d.use} instead`;
        ancestor['x-istio-moved'] = moved;
        // A fix can move the key itself only when it is the deprecated path (not a parent of it).
        if (target && i === steps.length - 1) {
          const to = (ancestor['x-istio-moved-to'] as Record<string, string>) ?? {};
          to[steps[i]] ??= target;
          ancestor['x-istio-moved-to'] = to;
        }
      }
      break;
    }
  }
}
