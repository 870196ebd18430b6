// The two shapes of the same Kubernetes setting, and which one a release reads.
// Up to 1.23 istioctl decodes the Kubernetes types inside `k8s` with protobuf's JSON rules, so an
// inline Go struct keeps its protobuf field name (`volumeSource`, `localObjectReference`); from
// 1.24 it decodes with encoding/json, which flattens them (ISTIOCTL-K8S.md Q1, E3–E5; the
// `VolumeSource` tag `json:",inline" protobuf:"…,name=volumeSource"` in k8s.io/api core/v1/types.go).
// A file written for one era breaks exactly there on the other: these say which form to write.
import type { Pair } from 'yaml';
import type { IstioSchema, SchemaNode } from '../schema/schemaStore.ts';
import { deref, isMap, keyName, type Step } from '../parse/yamlNodes.ts';
import { valueTrap } from './valueTraps.ts';

/** Inline structs of the Kubernetes API, by the protobuf field name their embedding carries. */
export const INLINE_WRAPPERS: Readonly<Record<string, string>> = {
  volumeSource: 'VolumeSource',
  localObjectReference: 'LocalObjectReference',
  handler: 'ProbeHandler',
};

/** How a form mismatch is fixed: the engine rewrites the object at `at` (codeActions.ts). */
export interface FormRewrite { kind: 'kubernetes-form' | 'protobuf-form' | 'hpa-v2'; at: Step[] }

/** A key moved to another key of the same map (`service.annotations` → `serviceAnnotations`). */
export interface MoveRewrite { kind: 'move-key'; at: Step[]; to: Step[] }

/** `k8s.volumes`/`volumeMounts`, which istioctl never renders, as `k8s.overlays` patches that work. */
export interface OverlayRewrite { kind: 'volumes-to-overlays'; at: Step[]; resource: { kind: string; name: string; container: string } }

/** A setting that moved elsewhere with the same value (`values.global.outboundTrafficPolicy` → `meshConfig.outboundTrafficPolicy`). */
export interface MovePathRewrite { kind: 'move-path'; at: Step[]; to: Step[] }

export type Rewrite = FormRewrite | MoveRewrite | OverlayRewrite | MovePathRewrite;

export interface FormHint { message: string; rewrite?: FormRewrite | MoveRewrite; title?: string; code?: 'k8s-form' | 'broken-setting' | 'misplaced-field' }

/** Keys written one level too deep, where the right place is known: [parent key, key, the key it belongs at beside the parent]. */
export const MISPLACED_KEYS: ReadonlyArray<[string, string, string]> = [
  ['service', 'annotations', 'serviceAnnotations'],
];

const isWrapper = (key: string) => Object.prototype.hasOwnProperty.call(INLINE_WRAPPERS, key);
const inline = (s: string) => `\`${s}\``;

/**
 * An unknown key that is the other era's form of a field this object has. `objectPath` is the
 * object's path; `pair` the unknown key's pair in it.
 */
export function formHint(istio: IstioSchema, object: SchemaNode, key: string, pair: Pair, objectPath: Step[], doc: import('yaml').Document): FormHint | undefined {
  const version = istio.version;
  const minor = Number(version.split('.')[1]);
  const trap = valueTrap(minor, objectPath, key);
  if (trap) return { message: trap.message(version, key), code: 'broken-setting' };
  const misplaced = misplacedHint(istio, key, objectPath);
  if (misplaced) return misplaced;
  // Kubernetes' form is read from 1.24: a protobuf wrapper is not a field there.
  if (minor >= 24 && isWrapper(key)) {
    const value = deref(doc, pair.value);
    const inner = isMap(value) ? value.items.map((p) => keyName(p as Pair)).filter((k): k is string => k !== undefined) : [];
    const fits = inner.length > 0 && inner.every((k) => istio.property(object, k));
    if (fits) {
      return {
        message: `\`${key}\` is the protobuf form that istioctl read up to 1.23; Istio ${version} reads Kubernetes' own form, where ${INLINE_WRAPPERS[key]} is inline: write ${inner.map(inline).join(', ')} directly here, without \`${key}:\`.`,
        rewrite: { kind: 'kubernetes-form', at: objectPath },
        title: `Rewrite in Kubernetes' form (without \`${key}\`)`,
      };
    }
  }
  // Up to 1.23 the same key belongs inside the wrapper.
  if (minor < 24) {
    for (const [wrapperKey, wrapperSchema] of istio.keys(object)) {
      if (!isWrapper(wrapperKey) || !istio.property(wrapperSchema, key)) continue;
      return {
        message: `Istio ${version} reads this Kubernetes type in its protobuf form: \`${key}\` goes under \`${wrapperKey}\` (\`${wrapperKey}: {${key}: …}\`). Kubernetes' own form, with ${INLINE_WRAPPERS[wrapperKey]} inline, is read from Istio 1.24.`,
        rewrite: { kind: 'protobuf-form', at: objectPath },
        title: `Move \`${key}\` under \`${wrapperKey}\` (protobuf form)`,
      };
    }
  }
  return hpaV2Hint(version, minor, object, key, objectPath);
}

function misplacedHint(istio: IstioSchema, key: string, objectPath: Step[]): FormHint | undefined {
  const parentKey = objectPath[objectPath.length - 1];
  const row = MISPLACED_KEYS.find(([p, k]) => p === parentKey && k === key);
  if (!row) return undefined;
  const to = [...objectPath.slice(0, -1), row[2]];
  if (!istio.at(to)) return undefined;
  return {
    message: `Unknown field \`${key}\` in \`${objectPath.slice(1).join('.').replace(/\.(\d+)\./g, '[$1].')}\`; did you mean \`${row[2]}\` one level up (\`${to.slice(1).join('.').replace(/\.(\d+)\./g, '[$1].')}\`)? istioctl refuses it here.`,
    rewrite: { kind: 'move-key', at: [...objectPath, key], to },
    title: `Move to \`${row[2]}\``,
    code: 'misplaced-field',
  };
}

/** autoscaling/v2beta1 metric targets, refused from 1.24 where `hpaSpec` is autoscaling/v2 (types.go@1.24.6:147-188). */
export const V2BETA1_TARGETS: Readonly<Record<string, { type: string; field: string }>> = {
  targetAverageUtilization: { type: 'Utilization', field: 'averageUtilization' },
  targetAverageValue: { type: 'AverageValue', field: 'averageValue' },
  targetValue: { type: 'Value', field: 'value' },
};

function hpaV2Hint(version: string, minor: number, object: SchemaNode, key: string, objectPath: Step[]): FormHint | undefined {
  const target = V2BETA1_TARGETS[key];
  if (minor < 24 || !target || !object.properties?.target) return undefined;
  const resource = objectPath[objectPath.length - 1] === 'resource' || objectPath[objectPath.length - 1] === 'containerResource';
  const example = `target: {type: ${target.type}, ${target.field}: …}`;
  return {
    message: `\`${key}\` is autoscaling/v2beta1; from Istio 1.24 \`hpaSpec\` is autoscaling/v2 (Istio ${version} refuses the old form): write \`${example}\`.`
      + (resource ? '' : ' Pods, Object and External metrics also name their metric as `metric: {name: …}` in v2.'),
    rewrite: resource ? { kind: 'hpa-v2', at: objectPath } : undefined,
    title: `Rewrite as autoscaling/v2 \`${example}\``,
  };
}
