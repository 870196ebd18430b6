// Inputs written for the messages the fixtures, the examples and the engine tests' own inputs do not
// reach: each names the release it is for (`# istio-version:`) and, where it needs one, a document
// path or smaller limits.
import path from 'node:path';
import type { Limits } from '../../../server/src/engine/parse/limits.ts';

export interface SyntheticInput { name: string; text: string; documentPath?: string; limits?: Partial<Limits> }

const here = import.meta.dirname;
const iop = (version: string, spec: string) => `# istio-version: ${version}\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n${spec}`;

export const SYNTHETIC: SyntheticInput[] = [
  { name: 'nesting deeper than the limit', limits: { maxDepth: 3 }, text: iop('1.20', '  components:\n    pilot:\n      k8s:\n        resources:\n          requests:\n            cpu: 100m\n') },
  { name: 'a file over the size limit', limits: { maxFileSize: 64 }, text: iop('1.20', '  profile: default\n  hub: docker.io/istio\n  tag: 1.20.0\n') },
  { name: 'a value under the minimum', text: iop('1.20', '  values:\n    pilot:\n      replicaCount: -1\n') },
  { name: 'IP ranges that are not a string', text: iop('1.20', '  values:\n    global:\n      proxy:\n        includeIPRanges: 5\n') },
  { name: 'inbound ports that are not ports', text: iop('1.20', '  values:\n    global:\n      proxy:\n        includeInboundPorts: "80,http"\n') },
  { name: 'istiodRemote k8s settings before 1.24', text: iop('1.20', '  components:\n    istiodRemote:\n      enabled: true\n      k8s:\n        replicaCount: 2\n') },
  { name: 'a waypoint nodeSelector with nodeSelectorTerms', text: iop('1.24', '  values:\n    global:\n      waypoint:\n        nodeSelector:\n          nodeSelectorTerms:\n          - matchExpressions:\n            - {key: a, operator: In, values: [b]}\n') },
  { name: 'a profile file that does not exist', documentPath: path.join(here, 'operator.yaml'), text: iop('1.20', '  profile: ./no-such-profile.yaml\n') },
  { name: 'a profile file without default.yaml beside it', documentPath: path.join(here, 'operator.yaml'), text: iop('1.20', '  profile: ./synthetic.ts\n') },
  { name: 'an overlay path naming the object, with a value', text: iop('1.24', '  components:\n    pilot:\n      k8s:\n        overlays:\n        - kind: Deployment\n          name: istiod\n          patches:\n          - path: ""\n            value: {}\n') },
  { name: 'an overlay list selector with no such field', text: iop('1.20', '  components:\n    pilot:\n      k8s:\n        overlays:\n        - kind: Deployment\n          name: istiod\n          patches:\n          - path: spec.template.spec.containers.[foo:bar].image\n            value: x\n') },
  { name: 'an overlay value selector that is empty', text: iop('1.20', '  components:\n    pilot:\n      k8s:\n        overlays:\n        - kind: Deployment\n          name: istiod\n          patches:\n          - path: spec.template.spec.containers.[name:discovery].args.[]\n            value: x\n') },
  { name: 'an overlay selector without its bracket, no field tree', text: iop('1.20', '  components:\n    pilot:\n      k8s:\n        overlays:\n        - kind: MutatingWebhookConfiguration\n          name: istio-sidecar-injector\n          patches:\n          - path: webhooks.[name\n            value: x\n') },
];
