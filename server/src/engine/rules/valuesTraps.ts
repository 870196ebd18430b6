// `values` settings that pass istioctl's check and then render something Kubernetes refuses or the
// chart never reads (ISTIOCTL-K8S.md Q3; the unknown-key side of the same traps is k8s/valueTraps.ts).
import { isMap, isSeq, type Node, type Pair } from 'yaml';
import { keyName } from '../parse/yamlNodes.ts';
import { LATEST } from '../releases.ts';
import type { Rule } from './ruleTypes.ts';

const UNVALIDATED = 'put it under `spec.unvalidatedValues` instead (not validated, merged into the chart values)';

export const valuesTraps: Rule = {
  minors: [22, LATEST],
  check(ctx) {
    const v = ctx.schema.version;
    if (ctx.minor <= 28) {
      const volumes = ctx.get(['spec', 'values', 'pilot', 'volumes']);
      if (isSeq(volumes)) {
        volumes.items.forEach((_, i) => {
          const item = ctx.get(['spec', 'values', 'pilot', 'volumes', i]);
          const wrapper = isMap(item) ? (item.items as Pair[]).find((p) => keyName(p) === 'volumeSource') : undefined;
          if (wrapper) {
            ctx.report(wrapper.key as Node, 'warning', 'broken-setting',
              `istioctl ${v} accepts \`volumeSource\` in \`values.pilot.volumes\` (it checks the protobuf form), but the chart renders the value as written, and Kubernetes refuses a volume with \`volumeSource\`. Write the Kubernetes form (\`configMap:\`, \`secret:\` … directly in the volume) and ${UNVALIDATED}, or install with \`--force\`.`,
              ['spec', 'values', 'pilot', 'volumes', i, 'volumeSource']);
          }
        });
      }
    }
    if (ctx.minor >= 24) {
      const waypoint = ctx.get(['spec', 'values', 'global', 'waypoint']);
      if (!isMap(waypoint)) return;
      for (const pair of waypoint.items as Pair[]) {
        const key = keyName(pair);
        if (key === 'toleration' && pair.value !== null) {
          ctx.report(pair.key as Node, 'warning', 'ignored-setting',
            `istioctl ${v} accepts \`global.waypoint.toleration\`, but the waypoint template reads \`global.waypoint.tolerations\` (files/waypoint.yaml), so this has no effect: ${UNVALIDATED} as \`global.waypoint.tolerations\`.`,
            ['spec', 'values', 'global', 'waypoint', 'toleration']);
        }
        if (key === 'nodeSelector' && isMap(pair.value) && (pair.value.items as Pair[]).some((p) => keyName(p) === 'nodeSelectorTerms')) {
          ctx.report(pair.key as Node, 'warning', 'broken-setting',
            `istioctl ${v} checks \`global.waypoint.nodeSelector\` as a NodeSelector, but the waypoint template renders it as the pod's \`nodeSelector\` label map: \`nodeSelectorTerms\` there gives a pod Kubernetes refuses. Write a label map and ${UNVALIDATED}, or use \`global.waypoint.affinity\` for node affinity.`,
            ['spec', 'values', 'global', 'waypoint', 'nodeSelector']);
        }
      }
    }
  },
};
