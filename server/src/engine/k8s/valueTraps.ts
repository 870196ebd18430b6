// `values` fields where no form works through istioctl's check: what it validates and what the
// chart renders differ (ISTIOCTL-K8S.md Q3). The unknown-key error there says so and names the way
// through: `spec.unvalidatedValues`, merged after validation (render/manifest.go@1.24.6:54-57),
// or `--force`, which turns validation errors into warnings (@1.24.6:440-447, shared.go@1.23.6:263-265).
import { formatPath, type Step } from '../parse/yamlNodes.ts';
import { LATEST } from '../releases.ts';

export interface ValueTrap {
  minors: [number, number];
  /** The object's path below `spec.values`, `[]` for any list item. */
  object: string;
  /** The unknown key it applies to; `*` for any. */
  key: string;
  message(version: string, key: string): string;
}

const THROUGH = (path: string) => `put it under \`spec.unvalidatedValues.${path}\` (not validated, merged into the chart values), or install with \`--force\``;

export const VALUE_TRAPS: ValueTrap[] = [
  {
    // The charts keep their own defaults under `defaults`; a user value there fails rendering
    // (zzz_profile.yaml@1.24.6: "Setting with .default prefix found; remove it").
    minors: [24, LATEST], object: '', key: 'defaults',
    message: (v) => `\`values.defaults\` is where the charts keep their own defaults: istioctl ${v} refuses it, and the charts fail with "Setting with .default prefix found; remove it". Write the setting without the prefix (\`values.defaults.global.hub\` → \`values.global.hub\`).`,
  },
  {
    // 1.22–1.28 check it as k8s.io.api.core.v1.Volume with protobuf names; the fix for that
    // (dc490744707) is in no tag up to 1.30.3. The chart renders it with toYaml, as written.
    minors: [22, 28], object: 'pilot.volumes[]', key: '*',
    message: (v, k) => `istioctl ${v} checks \`values.pilot.volumes\` in the protobuf form and refuses \`${k}\` here (istio/istio PR #51818), but the chart renders the value as written, so the protobuf form (\`volumeSource:\`) gives a Deployment Kubernetes refuses: no form passes both. Write the Kubernetes form and ${THROUGH('pilot.volumes')}.`,
  },
  {
    minors: [24, LATEST], object: 'global.waypoint.nodeSelector', key: '*',
    message: (v) => `istioctl ${v} checks \`values.global.waypoint.nodeSelector\` as a NodeSelector (\`nodeSelectorTerms\`), but the waypoint template renders it as the pod's \`nodeSelector\` label map (files/waypoint.yaml), so a label map is refused here and a NodeSelector renders a pod Kubernetes refuses. For the labels, ${THROUGH('global.waypoint.nodeSelector')}.`,
  },
  {
    minors: [24, LATEST], object: 'global.waypoint', key: 'tolerations',
    message: (v) => `The waypoint template reads \`global.waypoint.tolerations\`, but istioctl ${v} knows only \`toleration\` (which the template never reads) and refuses \`tolerations\`: ${THROUGH('global.waypoint.tolerations')}.`,
  },
];

/** The trap for an unknown key of the object at `objectPath`, if any. */
export function valueTrap(minor: number, objectPath: Step[], key: string): ValueTrap | undefined {
  if (objectPath[0] !== 'spec' || objectPath[1] !== 'values') return undefined;
  const below = formatPath(objectPath.slice(2).map((s) => (typeof s === 'number' ? -1 : s))).replace(/\[-1\]/g, '[]');
  return VALUE_TRAPS.find((t) => minor >= t.minors[0] && minor <= t.minors[1] && t.object === below && (t.key === '*' || t.key === key));
}
