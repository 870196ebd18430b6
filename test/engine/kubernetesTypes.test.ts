// Generated from the Kubernetes OpenAPI definitions each Istio minor from 1.24 vendored
// (../shared/kubernetes): every property path of every `k8s` type (to depth 4, with the required
// fields beside it) validates with no error, and a made-up key inside each object is an error on
// its own line. The definitions are read here independently of the generator's code.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import YAML from 'yaml';
import { Engine } from '../../server/src/engine/engine.ts';

const engine = new Engine();
const KUBE = process.env.KUBERNETES_DATA ?? path.resolve(import.meta.dirname, '../../../shared/kubernetes');
const vendored = JSON.parse(fs.readFileSync(path.join(KUBE, 'istio-vendored.json'), 'utf8')) as Record<string, { kubernetes: string }>;

interface Prop { $ref?: string; type?: string; format?: string; items?: Prop; additionalProperties?: Prop }
interface Def extends Prop { properties?: Record<string, Prop>; required?: string[] }

const MAX_DEPTH = 4;
const CORE = 'io.k8s.api.core.v1';

/** `components.pilot.k8s.<field>`: the Go types of operator/pkg/apis/types.go@1.24.6:147-188. */
const K8S_FIELDS: Array<[string, string, boolean]> = [
  ['affinity', `${CORE}.Affinity`, false],
  ['env', `${CORE}.EnvVar`, true],
  ['hpaSpec', 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec', false],
  ['podDisruptionBudget', 'io.k8s.api.policy.v1.PodDisruptionBudgetSpec', false],
  ['readinessProbe', `${CORE}.Probe`, false],
  ['resources', `${CORE}.ResourceRequirements`, false],
  ['service', `${CORE}.ServiceSpec`, false],
  ['strategy', 'io.k8s.api.apps.v1.DeploymentStrategy', false],
  ['tolerations', `${CORE}.Toleration`, true],
  ['securityContext', `${CORE}.PodSecurityContext`, false],
  ['volumes', `${CORE}.Volume`, true],
  ['volumeMounts', `${CORE}.VolumeMount`, true],
];

/** `spec.values.<path>` from 1.29 (validateKubernetes, validation.go@1.29.6:193-234). */
const VALUES_FIELDS: Array<[string, string, boolean]> = [
  ['pilot.affinity', `${CORE}.Affinity`, false],
  ['pilot.tolerations', `${CORE}.Toleration`, true],
  ['pilot.topologySpreadConstraints', `${CORE}.TopologySpreadConstraint`, true],
  ['pilot.volumes', `${CORE}.Volume`, true],
  ['global.proxy.lifecycle', `${CORE}.Lifecycle`, false],
  ['sidecarInjectorWebhook.neverInjectSelector', 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', true],
];

function refName(p: Prop): string | undefined {
  return p.$ref?.replace('#/definitions/', '');
}

/** A value Kubernetes' JSON reads for a property (no object: objects are built by the walk). */
function leafValue(defs: Record<string, Def>, p: Prop): unknown {
  const name = refName(p);
  if (name === 'io.k8s.apimachinery.pkg.util.intstr.IntOrString' || p.format === 'int-or-string') return 8080;
  if (name === 'io.k8s.apimachinery.pkg.api.resource.Quantity') return '100m';
  if (name === 'io.k8s.apimachinery.pkg.apis.meta.v1.Time' || p.format === 'date-time') return '2024-01-01T00:00:00Z';
  if (name) return objectValue(defs, name, 0);
  switch (p.type) {
    case 'string': return 'sample';
    case 'integer': return 1;
    case 'number': return 1.5;
    case 'boolean': return true;
    case 'array': return [leafValue(defs, p.items!)];
    case 'object': return p.additionalProperties ? { sample: leafValue(defs, p.additionalProperties) } : { free: 'form' };
  }
  return 'sample';
}

/** An object of type `name` with only its required fields (recursively, depth-bounded). */
function objectValue(defs: Record<string, Def>, name: string, depth: number): unknown {
  const def = defs[name];
  if (!def.properties) return leafValue(defs, def);
  const out: Record<string, unknown> = {};
  if (depth > 6) return out;
  for (const r of def.required ?? []) out[r] = requiredValue(defs, def.properties[r], depth + 1);
  return out;
}

function requiredValue(defs: Record<string, Def>, p: Prop, depth: number): unknown {
  const name = refName(p);
  if (name && defs[name].properties) return objectValue(defs, name, depth);
  if (p.type === 'array' && p.items && refName(p.items) && defs[refName(p.items)!].properties) return [objectValue(defs, refName(p.items)!, depth)];
  return leafValue(defs, p);
}

interface Case { path: string[]; value: unknown; objectDepth: number }

/** Every property path below type `name`, each as a value holding that path plus the required fields on the way. */
function cases(defs: Record<string, Def>, name: string, depth = 1, out: Case[] = [], prefix: string[] = []): Case[] {
  const def = defs[name];
  if (!def.properties || depth > MAX_DEPTH) return out;
  for (const [key, p] of Object.entries(def.properties)) {
    const path = [...prefix, key];
    const base = objectValue(defs, name, 0) as Record<string, unknown>;
    const child = refName(p) ?? (p.type === 'array' ? refName(p.items!) : undefined);
    base[key] = leafValue(defs, p);
    out.push({ path, value: base, objectDepth: depth });
    if (child && defs[child].properties && !isSpecial(child)) {
      for (const sub of cases(defs, child, depth + 1, [], [])) {
        const nested = objectValue(defs, name, 0) as Record<string, unknown>;
        nested[key] = p.type === 'array' ? [sub.value] : sub.value;
        out.push({ path: [...path, ...sub.path], value: nested, objectDepth: sub.objectDepth });
      }
    }
  }
  return out;
}

const isSpecial = (n: string) => /IntOrString|Quantity|meta\.v1\.Time$/.test(n);

/** The same value with `madeUpKey` added to the deepest object on the case's path. */
function withMadeUpKey(value: unknown, path: string[]): unknown | undefined {
  const copy = structuredClone(value) as Record<string, unknown>;
  let node: unknown = copy;
  let target: Record<string, unknown> | undefined = copy;
  for (const step of path.slice(0, -1)) {
    let next = (node as Record<string, unknown>)[step];
    if (Array.isArray(next)) next = next[0];
    if (!next || typeof next !== 'object') return undefined;
    node = next;
    target = next as Record<string, unknown>;
  }
  target!.madeUpKey = 1;
  return copy;
}

function operator(version: string, body: Record<string, unknown>): string {
  // `metadata` sits beside `spec`, at the document's root; everything else below `spec`.
  const { metadata, ...spec } = body;
  return `# istio-version: ${version}\n${YAML.stringify({ apiVersion: 'install.istio.io/v1alpha1', kind: 'IstioOperator', ...(metadata ? { metadata } : {}), spec }, { lineWidth: 0 })}`;
}

function setPath(root: Record<string, unknown>, dotted: string, value: unknown): Record<string, unknown> {
  const steps = dotted.split('.');
  let node = root;
  for (const s of steps.slice(0, -1)) node = (node[s] ??= {}) as Record<string, unknown>;
  node[steps[steps.length - 1]] = value;
  return root;
}

for (const [version, { kubernetes }] of Object.entries(vendored)) {
  if (!engine.store.has(version)) continue;
  const defs = (JSON.parse(fs.readFileSync(path.join(KUBE, kubernetes, 'definitions.json'), 'utf8')) as { definitions: Record<string, Def> }).definitions;
  const minor = Number(version.split('.')[1]);
  const fields: Array<[string, string, string, boolean]> = [
    ...K8S_FIELDS.map(([f, t, list]): [string, string, string, boolean] => [`components.pilot.k8s.${f}`, f, t, list]),
    ['metadata', 'metadata', 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', false],
    ...(minor >= 29 ? VALUES_FIELDS.map(([f, t, list]): [string, string, string, boolean] => [`values.${f}`, f, t, list]) : []),
  ];
  const totals = { valid: 0, caught: 0 };
  describe(`Istio ${version}: Kubernetes ${kubernetes} types`, () => {
    test('the forms people write most are among the generated paths', () => {
      const paths = (t: string) => cases(defs, t).map((c) => c.path.join('.'));
      assert.ok(paths(`${CORE}.Probe`).includes('httpGet.port') && paths(`${CORE}.Probe`).includes('grpc.port'));
      assert.ok(paths(`${CORE}.EnvVar`).includes('valueFrom.secretKeyRef.name'));
      assert.ok(paths(`${CORE}.Volume`).includes('configMap.name'));
      assert.ok(paths(`${CORE}.TopologySpreadConstraint`).includes('matchLabelKeys'));
    });
    after(() => console.log(`Istio ${version} (Kubernetes ${kubernetes}): ${totals.valid} paths valid, ${totals.caught} made-up keys caught`));
    for (const [at, label, type, list] of fields) {
      test(`${at}: every path to depth ${MAX_DEPTH} validates, a made-up key in each object is an error on its line`, (t) => {
        const all = cases(defs, type);
        let valid = 0;
        let caught = 0;
        const wrong: string[] = [];
        const seenObjects = new Set<string>();
        for (const c of all) {
          const value = list ? [c.value] : c.value;
          const text = operator(version, setPath({}, at, value));
          const errors = engine.validate(engine.parse(text)).filter((d) => d.severity === 1 || d.code === 'k8s-required');
          if (errors.length) wrong.push(`${label}.${c.path.join('.')}: ${errors[0].code} ${errors[0].message}`);
          else valid++;
          const objectKey = c.path.slice(0, -1).join('.');
          if (seenObjects.has(objectKey)) continue;
          seenObjects.add(objectKey);
          const bad = withMadeUpKey(c.value, c.path);
          if (bad === undefined) continue;
          const badText = operator(version, setPath({}, at, list ? [bad] : bad));
          const line = badText.split('\n').findIndex((l) => /\bmadeUpKey:/.test(l));
          const hit = engine.validate(engine.parse(badText)).find((d) => d.severity === 1 && d.range.start.line === line && /madeUpKey/.test(String(d.message)));
          if (hit) caught++;
          else wrong.push(`${label}.${objectKey}: madeUpKey not reported on line ${line + 1}`);
        }
        t.diagnostic(`${valid} paths valid, ${caught} made-up keys caught`);
        totals.valid += valid;
        totals.caught += caught;
        assert.ok(all.length > 0 && caught > 0, `no paths under ${type}`);
        assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} problems`);
        assert.equal(valid, all.length);
      });
    }
  });
}
