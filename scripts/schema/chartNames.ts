// 1.24+: `spec.compatibilityVersion` and `spec.values.global.platform` name files of the base chart
// (files/profile-compatibility-version-<v>.yaml, files/profile-platform-<p>.yaml); any other value
// fails rendering with `unknown compatibility version` / `unknown platform`
// (../shared/istio/chart-profiles.json, ISTIOCTL-RULES.md); so does `spec.values.profile`. The schema
// lists them as the enum.
import fs from 'node:fs';
import path from 'node:path';
import type { SchemaNode } from './schemaNode.ts';
import { nodeAt } from './walk.ts';

export interface ChartNames { istioTag?: string; chartProfiles: string[]; compatibilityVersions: string[]; platforms: string[] }

export function readChartNames(dir: string): Map<string, ChartNames> {
  const file = path.join(dir, 'chart-profiles.json');
  if (!fs.existsSync(file)) return new Map();
  return new Map(Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, ChartNames>));
}

export function annotateChartNames(tree: SchemaNode, names: ChartNames | undefined): void {
  if (!names) return;
  const set = (at: string[], values: string[], why: string) => {
    const node = nodeAt(tree, at);
    if (!node) return;
    node.enum = [...values, null];
    node['x-istio-enum-source'] = why;
  };
  set(['spec', 'compatibilityVersion'], names.compatibilityVersions, 'the base chart\'s compatibility-version profiles (rendering fails with "unknown compatibility version" otherwise)');
  // `values.profile` picks files/profile-<p>.yaml of the charts (zzz_profile.yaml@1.24.6: "unknown profile").
  set(['spec', 'values', 'profile'], ['', ...names.chartProfiles], 'the charts\' profiles (rendering fails with "unknown profile" otherwise)');
  // The chart's default is "", no platform.
  set(['spec', 'values', 'global', 'platform'], ['', ...names.platforms], 'the base chart\'s platform profiles (rendering fails with "unknown platform" otherwise)');
}
