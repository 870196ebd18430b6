// `components.*.k8s` settings istioctl accepts and then ignores, or renders into an object
// Kubernetes refuses (ISTIOCTL-K8S.md Q2). Each row: which components, which fields, the releases,
// and what istioctl does with them; the message says what to do instead. Which fields a release
// renders at all is Istio's own table, imported per release (schemas/k8s-rendered-fields.json).
import { isMap, isSeq, type Node, type Pair } from 'yaml';
import type { QuickFix } from '../validate/diagnostics.ts';
import { readDataFile } from '../overlays/dataFiles.ts';
import { deref, keyName, type Step } from '../parse/yamlNodes.ts';
import { LATEST } from '../releases.ts';
import type { Rule, RuleContext } from './ruleTypes.ts';

type ComponentKind = 'pilot' | 'gateway' | 'cni' | 'ztunnel' | 'base' | 'istiodRemote';

interface Component { kind: ComponentKind; path: Step[]; k8s: Node; label: string; resource?: { kind: string; name: string; container: string } }

/** A release's k8s → manifest table: field → `Kind path` (scripts/schema/import/k8sRendered.ts). */
interface RenderedRelease { tag: string; source: string; fields: Record<string, string> }

const renderedTable = () => readDataFile<Record<string, RenderedRelease>>('k8s-rendered-fields.json');
const renderedSets = new Map<string, Set<string>>();

/**
 * The `k8s` fields istioctl renders at a release, from its own table at the final tag:
 * translateConfig-1.X.yaml (1.5–1.6), translate.go's KubernetesMapping (1.7–1.23), postprocess.go's
 * patches (1.24+); undefined for a release the data does not have (then this rule says nothing).
 */
function renderedFields(version: string): Set<string> | undefined {
  const release = renderedTable()[version];
  if (!release) return undefined;
  let set = renderedSets.get(version);
  if (!set) renderedSets.set(version, set = new Set(Object.keys(release.fields)));
  return set;
}

/**
 * A row's fields: a list, or `rendered` (the fields the release's table maps) or `unrendered` (a
 * field the release's schema has at this component and its table does not map; `overlays` is applied
 * on its own).
 */
type Fields = string[] | 'rendered' | 'unrendered';

function fieldsInclude(fields: Fields, field: string, rendered: Set<string>): boolean {
  if (fields === 'rendered') return rendered.has(field);
  if (fields === 'unrendered') return field !== 'overlays' && !rendered.has(field);
  return fields.includes(field);
}

interface Trap {
  minors: [number, number];
  components: ComponentKind[];
  fields: Fields;
  severity: 'error' | 'warning';
  code: 'ignored-setting' | 'broken-setting';
  message(c: Component, field: string, version: string): string;
  fix?(c: Component, field: string): QuickFix | undefined;
}

const noResource = (c: Component, f: string, v: string) => `istioctl ${v} ignores \`components.${c.kind}.k8s.${f}\`: the ${c.kind} component has no resource these settings apply to (component.go@1.24.6:136-215). Use \`k8s.overlays\` on the resource you mean.`;

const ALL: ComponentKind[] = ['pilot', 'gateway', 'cni', 'ztunnel', 'istiodRemote'];

export const TRAPS: Trap[] = [
  {
    // In the schema, not in the release's table: volumes and volumeMounts from 1.10 (the API has them,
    // and nothing else in operator/ reads them, #34046, #36066).
    minors: [5, LATEST], components: [...ALL, 'base'], fields: 'unrendered', severity: 'warning', code: 'ignored-setting',
    message: (c, f, v) => {
      const who = c.resource ? `the ${c.resource.kind} \`${c.resource.name}\`` : 'the component';
      if (f === 'volumes' || f === 'volumeMounts') return `istioctl ${v} accepts \`k8s.${f}\` but never renders it (istio/istio#34046): ${who} gets no such ${f === 'volumes' ? 'volume' : 'mount'}. Add it with a \`k8s.overlays\` patch instead${c.resource ? ' (the quick fix writes it)' : ''}.`;
      const table = renderedTable()[v];
      return `istioctl ${v} accepts \`k8s.${f}\` but never renders it (${table.source}@${table.tag} does not map it): ${who} does not get it. Set it with a \`k8s.overlays\` patch instead.`;
    },
    fix: (c, f) => (c.resource && f === 'volumes' || c.resource && f === 'volumeMounts'
      ? { title: `Move k8s.volumes/volumeMounts into k8s.overlays patches of ${c.resource.kind} ${c.resource.name}`, rewrite: { kind: 'volumes-to-overlays', at: [...c.path, 'k8s'], resource: c.resource } }
      : undefined),
  },
  {
    minors: [6, 23], components: ['base'], fields: 'rendered', severity: 'error', code: 'broken-setting',
    message: (_c, f, v) => `istioctl ${v} refuses \`components.base.k8s.${f}\`: "base component can only have k8s.overlays, not other K8s settings" (translate.go@1.6.14:167). Remove it, or patch the base resources with \`k8s.overlays\`.`,
  },
  {
    // From 1.26 the whole istiodRemote component renders nothing (istiodRemoteRemoved says so once).
    minors: [24, LATEST], components: ['base'], fields: 'rendered', severity: 'warning', code: 'ignored-setting',
    message: noResource,
  },
  {
    minors: [24, 25], components: ['istiodRemote'], fields: 'rendered', severity: 'warning', code: 'ignored-setting',
    message: noResource,
  },
  {
    minors: [5, 23], components: ['istiodRemote'], fields: 'rendered', severity: 'warning', code: 'broken-setting',
    message: (_c, f, v) => `\`components.istiodRemote.k8s.${f}\` has no resource to apply to in istioctl ${v} (its component map names none), so istioctl does not apply it and may fail with "unexpected first element". Use \`k8s.overlays\` on the resource you mean.`,
  },
  {
    // DaemonSets: no HPA, PDB or Service is rendered for them, so the patch matches nothing.
    minors: [5, LATEST], components: ['cni', 'ztunnel'], fields: ['hpaSpec', 'podDisruptionBudget', 'service', 'serviceAnnotations'], severity: 'warning', code: 'ignored-setting',
    message: (c, f, v) => `\`components.${c.kind}.k8s.${f}\` does nothing in istioctl ${v}: ${c.kind} is the DaemonSet \`${c.resource?.name}\`, and no ${f.startsWith('hpa') ? 'HorizontalPodAutoscaler' : f === 'podDisruptionBudget' ? 'PodDisruptionBudget' : 'Service'} is rendered for it ("doesn't exist in the output manifest, skip overlay").`,
  },
  {
    minors: [5, LATEST], components: ['cni', 'ztunnel'], fields: ['replicaCount', 'strategy'], severity: 'warning', code: 'broken-setting',
    message: (c, f, v) => `istioctl ${v} writes \`components.${c.kind}.k8s.${f}\` into the DaemonSet \`${c.resource?.name}\` as \`spec.${f === 'replicaCount' ? 'replicas' : 'strategy'}\`, a field DaemonSets do not have: the API server drops it or refuses the object. ${f === 'strategy' ? 'A DaemonSet\'s rollout is `spec.updateStrategy`: set it with a `k8s.overlays` patch.' : 'A DaemonSet runs one pod per node; remove it.'}`,
  },
];

function components(ctx: RuleContext): Component[] {
  const out: Component[] = [];
  const revision = ctx.get(['spec', 'revision']);
  const rev = revision && 'value' in revision && typeof revision.value === 'string' && revision.value ? `-${revision.value}` : '';
  const add = (kind: ComponentKind, path: Step[], label: string, resource?: Component['resource']) => {
    const k8s = ctx.get([...path, 'k8s']);
    if (isMap(k8s)) out.push({ kind, path, k8s, label, resource });
  };
  add('pilot', ['spec', 'components', 'pilot'], 'pilot', { kind: 'Deployment', name: `istiod${rev}`, container: 'discovery' });
  add('cni', ['spec', 'components', 'cni'], 'cni', { kind: 'DaemonSet', name: 'istio-cni-node', container: 'install-cni' });
  add('ztunnel', ['spec', 'components', 'ztunnel'], 'ztunnel', { kind: 'DaemonSet', name: 'ztunnel', container: 'istio-proxy' });
  add('base', ['spec', 'components', 'base'], 'base');
  add('istiodRemote', ['spec', 'components', 'istiodRemote'], 'istiodRemote');
  for (const list of ['ingressGateways', 'egressGateways']) {
    const seq = ctx.get(['spec', 'components', list]);
    if (!isSeq(seq)) continue;
    seq.items.forEach((item, i) => {
      const gw = deref(ctx.doc, item);
      const name = isMap(gw) ? gw.get('name') : undefined;
      const resource = typeof name === 'string' ? { kind: 'Deployment', name, container: 'istio-proxy' } : undefined;
      add('gateway', ['spec', 'components', list, i], `${list}[${i}]`, resource);
    });
  }
  return out;
}

export const ignoredSettings: Rule = {
  minors: [5, LATEST],
  check(ctx) {
    const version = ctx.schema.version;
    const rendered = renderedFields(version);
    if (!rendered) return;
    for (const c of components(ctx)) {
      const k8sSchema = ctx.schema.at([...c.path, 'k8s']);
      if (!k8sSchema) continue;
      for (const pair of (c.k8s as unknown as { items: Pair[] }).items) {
        const key = keyName(pair);
        if (key === undefined || deref(ctx.doc, pair.value) === null) continue;
        // Not a field of this release: the schema check says so. A proto-name alias (`hpa_spec`,
        // 1.5–1.13) is the field it names.
        const field = ctx.schema.property(k8sSchema, key)?.key;
        if (field === undefined) continue;
        for (const trap of TRAPS) {
          if (ctx.minor < trap.minors[0] || ctx.minor > trap.minors[1] || !trap.components.includes(c.kind) || !fieldsInclude(trap.fields, field, rendered)) continue;
          ctx.report(pair.key as Node, trap.severity, trap.code, trap.message(c, field, version), [...c.path, 'k8s', key], trap.fix?.(c, field));
          break;
        }
      }
    }
  },
};

/**
 * 1.5–1.23: env from a ConfigMap or Secret decodes (in the protobuf form) but is rendered with Istio's
 * json tags, as `localObjectReference: {name}`, which Kubernetes refuses (istio/istio#48961).
 */
export const envKeyRefs: Rule = {
  minors: [5, 23],
  check(ctx) {
    for (const c of components(ctx)) {
      const env = ctx.get([...c.path, 'k8s', 'env']);
      if (!isSeq(env)) continue;
      env.items.forEach((_, i) => {
        const from = ctx.get([...c.path, 'k8s', 'env', i, 'valueFrom']);
        if (!isMap(from)) return;
        for (const pair of from.items as Pair[]) {
          const key = keyName(pair);
          if (key !== 'configMapKeyRef' && key !== 'secretKeyRef') continue;
          ctx.report(pair.key as Node, 'warning', 'broken-setting',
            `istioctl ${ctx.schema.version} accepts \`${key}\` here but renders it as \`${key}: {localObjectReference: {name: …}}\`, which Kubernetes refuses ("unknown field \\"localObjectReference\\"", istio/istio#48961). Set this env entry with a \`k8s.overlays\` patch of the container instead (\`fieldRef\` and \`resourceFieldRef\` work).`,
            [...c.path, 'k8s', 'env', i, 'valueFrom', key]);
        }
      });
    }
  },
};

/**
 * 1.26+: the istiodRemote component is gone (istio/istio 296564ac2de, "Remove istiod-remote profile
 * legacy (#55369)"), while the spec keeps the field (operator/pkg/apis/types.go@1.30.3:113).
 */
export const istiodRemoteRemoved: Rule = {
  minors: [26, LATEST],
  check(ctx) {
    const components = ctx.get(['spec', 'components']);
    if (!isMap(components)) return;
    const pair = (components.items as Pair[]).find((p) => keyName(p) === 'istiodRemote');
    if (!pair || deref(ctx.doc, pair.value) === null) return;
    ctx.report(pair.key as Node, 'warning', 'ignored-setting',
      `istioctl ${ctx.schema.version} accepts \`components.istiodRemote\` but renders nothing for it: the component was removed in 1.26 (istio/istio#55369). For a cluster without a local control plane use \`profile: remote\` (it enables pilot with \`values.profile: remote\`).`,
      ['spec', 'components', 'istiodRemote']);
  },
};
