// spec.profile: a built-in profile of the release, or (where that release reads files) a path
// (ISTIOCTL-K8S.md Q4). `util.IsFilePath` is "contains / or ." (operator/pkg/util/common.go@1.13.9:28-30).
import { isScalar } from 'yaml';
import type { Rule } from './ruleTypes.ts';

/** Releases that read a profile file from disk without --manifests (helm.go@1.5.10:76-100, @1.10.6:74-90). */
const READS_FILES: Array<[number, number]> = [[5, 6], [10, 23]];
/** 1.7–1.9 use the compiled-in profiles unless --manifests is given (helm.go@1.7.8:87-90). */
const FILES_WITH_MANIFESTS: Array<[number, number]> = [[7, 9]];

const inRange = (ranges: Array<[number, number]>, minor: number) => ranges.some(([a, b]) => minor >= a && minor <= b);

export const profileName: Rule = {
  minors: [5, 30],
  check(ctx) {
    const node = ctx.get(['spec', 'profile']);
    if (!isScalar(node) || typeof node.value !== 'string' || node.value === '') return;
    const p = node.value;
    const v = ctx.schema.version;
    const builtIn = ctx.schema.profiles;
    if (builtIn.includes(p)) return;
    const names = builtIn.map((n) => `\`${n}\``).join(', ');
    const path = p.includes('/') || p.includes('.');
    if (path && inRange(READS_FILES, ctx.minor)) return; // a file istioctl reads (with a default.yaml beside it unless it is one)
    if (path && inRange(FILES_WITH_MANIFESTS, ctx.minor)) {
      ctx.report(node, 'warning', 'invalid-profile', `istioctl ${v} reads a profile file only with \`--manifests\`; otherwise it looks for a built-in profile and fails with "Asset profiles/${p}.yaml not found". Built-in profiles: ${names}.`, ['spec', 'profile']);
      return;
    }
    const why = path ? `istioctl ${v} reads no profile files (from 1.24 \`profile\` names a built-in profile only): it fails with "profile \\"${p}\\" not found".` : `\`${p}\` is not a built-in profile of Istio ${v}.`;
    ctx.report(node, 'error', 'invalid-profile', `${why} Built-in profiles: ${names}.`, ['spec', 'profile']);
  },
};
