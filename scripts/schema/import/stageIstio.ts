// Reads one Istio release's install-API inputs out of istio/istio and istio/api and stages them in
// the folder layout the generator reads (the layout of ../shared/istio: <minor>/proto, profiles,
// charts), returning what that layout's versions.json would say. Only the files the generator
// reads are staged; nothing of Istio's is committed.
import fs from 'node:fs';
import path from 'node:path';
import type { ChartNames } from '../chartNames.ts';
import type { MinorInfo } from '../sources.ts';
import type { GoTree } from '../specTree.ts';
import type { GitRepo } from './gitRepo.ts';
import { GO_SPEC_FILE, definesGoSpec, readGoSpecSource } from './goSpec.ts';
import { protoClosure, protoRoots } from './protoSources.ts';
import type { Release } from './releases.ts';

export interface StagedRelease { minor: MinorInfo; goSpec?: GoTree; chartNames?: ChartNames }

/** Where each era keeps its profiles and charts: 1.5 under operator/data and manifests/, later manifests/profiles and manifests/charts. */
const PROFILE_DIRS = ['manifests/profiles', 'operator/data/profiles'];
const CHART_ROOTS = ['manifests/charts', 'manifests'];

export function stageRelease(istio: GitRepo, api: GitRepo, release: Release, out: string): StagedRelease {
  const tag = release.istioTag;
  const dir = path.join(out, release.version);
  const write = (rel: string, text: string | Buffer) => {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };

  // One git process for the istio/istio files this release needs (each costs ~50 ms on a large repository).
  istio.prefetch(tag, istio.files(tag).filter(isStagedInput));
  const typesGo = istio.readIfExists(tag, GO_SPEC_FILE);
  const goSource = definesGoSpec(typesGo) ? typesGo : undefined;
  const roots = protoRoots(istio, release, goSource);
  const protos = protoClosure(istio, api, release, roots);
  for (const p of protos) write(path.join('proto', p.importPath), p.text);

  const profileDir = PROFILE_DIRS.find((d) => istio.under(tag, d).some((f) => f.endsWith('.yaml')));
  if (!profileDir) throw new Error(`${istio.name}@${tag}: no install profiles (looked in ${PROFILE_DIRS.join(', ')})`);
  const profileFiles = istio.under(tag, profileDir).filter((f) => /^[^/]+\.yaml$/.test(f.slice(profileDir.length + 1))).sort();
  istio.prefetch(tag, profileFiles);
  for (const f of profileFiles) write(path.join('profiles', path.basename(f)), istio.bytes(tag, f));

  const chartRoot = CHART_ROOTS.find((d) => istio.has(tag, `${d}/base/values.yaml`));
  if (!chartRoot) throw new Error(`${istio.name}@${tag}: no Helm charts (no base/values.yaml under ${CHART_ROOTS.join(' or ')})`);
  const charts = istio.under(tag, chartRoot).filter((f) => f.endsWith('/values.yaml')).map((f) => f.slice(chartRoot.length + 1)).sort();
  istio.prefetch(tag, charts.map((c) => `${chartRoot}/${c}`));
  for (const c of charts) write(path.join('charts', c), istio.bytes(tag, `${chartRoot}/${c}`));

  const minor: MinorInfo = {
    version: release.version,
    istioTag: tag,
    apiTag: release.apiTag,
    profiles: profileFiles.map((f) => path.basename(f, '.yaml')),
    charts,
    protoRoots: roots,
  };
  return {
    minor,
    goSpec: goSource ? readGoSpecSource(goSource, `${istio.name}@${tag}:${GO_SPEC_FILE}`) : undefined,
    // The 1.24+ istioctl renders through the charts' profile files (it passes compatibilityVersion,
    // platform and profile to them); earlier ones apply their own profiles, so the names are 1.24+.
    chartNames: goSource ? chartNamesAt(istio, tag, chartRoot) : undefined,
  };
}

/** The files of istio/istio a release's staging reads: the Go spec, the Values proto, profiles, chart values. */
function isStagedInput(f: string): boolean {
  if (f === GO_SPEC_FILE) return true;
  if (f.startsWith('operator/pkg/apis/')) return f.endsWith('.proto');
  if (f.startsWith('manifests/profiles/') || f.startsWith('operator/data/profiles/')) return /profiles\/[^/]+\.yaml$/.test(f);
  return f.startsWith('manifests/') && f.endsWith('/values.yaml');
}

/** The base chart's files/profile-*.yaml: compatibility versions, platforms, and the chart profiles. */
function chartNamesAt(istio: GitRepo, tag: string, chartRoot: string): ChartNames {
  const names = istio.under(tag, `${chartRoot}/base/files`).map((f) => /\/profile-(.+)\.yaml$/.exec(f)?.[1]).filter((n): n is string => !!n).sort();
  const take = (prefix: string) => names.filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length));
  return {
    istioTag: tag,
    chartProfiles: names.filter((n) => !n.startsWith('compatibility-version-') && !n.startsWith('platform-')),
    compatibilityVersions: take('compatibility-version-').sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    platforms: take('platform-'),
  };
}
