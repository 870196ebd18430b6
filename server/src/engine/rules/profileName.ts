// spec.profile: a built-in profile of the release, or (where that release reads files) a path
// (ISTIOCTL-K8S.md Q4). `util.IsFilePath` is "contains / or ." (operator/pkg/util/common.go@1.13.9:28-30).
import fs from 'node:fs';
import path from 'node:path';
import { isScalar } from 'yaml';
import { LATEST } from '../releases.ts';
import type { DocumentPlace, Rule } from './ruleTypes.ts';

/** Releases that read a profile file from disk without --manifests (helm.go@1.5.10:76-100, @1.10.6:74-90). */
const READS_FILES: Array<[number, number]> = [[5, 6], [10, 23]];
/** 1.7–1.9 use the compiled-in profiles unless --manifests is given (helm.go@1.7.8:87-90). */
const FILES_WITH_MANIFESTS: Array<[number, number]> = [[7, 9]];

const inRange = (ranges: Array<[number, number]>, minor: number) => ranges.some(([a, b]) => minor >= a && minor <= b);

export const profileName: Rule = {
  minors: [5, LATEST],
  check(ctx) {
    const node = ctx.get(['spec', 'profile']);
    if (!isScalar(node) || typeof node.value !== 'string' || node.value === '') return;
    const p = node.value;
    const v = ctx.schema.version;
    const builtIn = ctx.schema.profiles;
    if (builtIn.includes(p)) return;
    const names = builtIn.map((n) => `\`${n}\``).join(', ');
    const isPath = p.includes('/') || p.includes('.');
    if (isPath && inRange(READS_FILES, ctx.minor)) {
      const problem = profileFileProblem(p, ctx.place, v);
      if (problem) ctx.report(node, 'error', 'invalid-profile', problem, ['spec', 'profile']);
      return;
    }
    if (isPath && inRange(FILES_WITH_MANIFESTS, ctx.minor)) {
      ctx.report(node, 'warning', 'invalid-profile', `istioctl ${v} reads a profile file only with \`--manifests\`; otherwise it looks for a built-in profile and fails with "Asset profiles/${p}.yaml not found". Built-in profiles: ${names}.`, ['spec', 'profile']);
      return;
    }
    const why = isPath ? `istioctl ${v} reads no profile files (from 1.24 \`profile\` names a built-in profile only): it fails with "profile \\"${p}\\" not found".` : `\`${p}\` is not a built-in profile of Istio ${v}.`;
    ctx.report(node, 'error', 'invalid-profile', `${why} Built-in profiles: ${names}.`, ['spec', 'profile']);
  },
};

/**
 * A profile file must exist (istioctl reads it with os.ReadFile, relative to where it runs: the
 * file's folder or the workspace are where people run it), and unless it is itself `default.yaml`
 * istioctl first reads `default.yaml` beside it (DefaultFilenameForProfile, helm.go@1.10.6:205-212).
 * Unknown when the document has no path (an unsaved file).
 */
function profileFileProblem(profile: string, place: DocumentPlace, version: string): string | undefined {
  if (!place.documentPath) return undefined;
  const bases = path.isAbsolute(profile) ? [''] : [path.dirname(place.documentPath), ...(place.workspaceFolders ?? [])];
  const candidates = bases.map((b) => path.resolve(b, profile));
  const found = candidates.find((c) => isFile(c));
  if (!found) {
    return `istioctl ${version} reads the profile \`${profile}\` from disk, and there is no such file ${path.isAbsolute(profile) ? '' : 'relative to this file\'s folder or the workspace folder '}(istioctl fails with "failed to read profile"). Write a built-in profile name or the path of an existing profile file.`;
  }
  if (path.basename(found) !== 'default.yaml' && !isFile(path.join(path.dirname(found), 'default.yaml'))) {
    return `istioctl ${version} reads \`default.yaml\` beside a custom profile first, and there is none in \`${path.dirname(found)}\`: copy the release's default profile there (istioctl profile dump default).`;
  }
  return undefined;
}

function isFile(p: string): boolean {
  try { return fs.statSync(p).isFile(); } catch { return false; }
}
