// Which tags and pinned versions the import reads for each Istio minor:
// - the minor's final patch tag in istio/istio (the highest `1.M.P`, no `-alpha`/`-beta`/`-rc`);
// - the istio/api commit that tag's go.mod pins (`istio.io/api v1.24.5-0.20250409200717-4933c1da972e`
//   is commit 4933c1da972e; `istio.io/api v1.28.9` is tag v1.28.9), named by the api tag that points at it;
// - the Kubernetes minor its go.mod's `k8s.io/api v0.31.1` pins (v0.X.Y is Kubernetes 1.X).
import type { GitRepo } from './gitRepo.ts';

export interface Release {
  version: string; // "1.20"
  istioTag: string; // "1.20.8"
  apiTag: string; // the name the generated files give the istio/api commit: a tag, or the commit itself
  apiCommit: string;
  kubernetes: string; // "1.28": the Kubernetes minor of the pinned k8s.io/api
  k8sApi: string; // "v0.28.3"
}

/** The generator reads Istio from 1.5 on (the first release with the IstioOperator API we support). */
export const FIRST_MINOR = 5;

const FINAL_TAG = /^1\.(\d+)\.(\d+)$/;

/**
 * minor → its final patch tag: the highest `1.M.P` (no `-alpha`/`-beta`/`-rc`), else the highest
 * `v1.M.P` (istio/api tags both ways).
 */
export function finalTagsByMinor(tags: readonly string[]): Map<number, string> {
  const best = new Map<number, string>();
  const prefixed = new Map<number, string>();
  for (const t of tags) {
    const m = /^(v?)1\.(\d+)\.(\d+)$/.exec(t);
    if (!m) continue;
    const into = m[1] ? prefixed : best;
    const prev = into.get(Number(m[2]));
    if (!prev || Number(prev.split('.')[2]) < Number(m[3])) into.set(Number(m[2]), t);
  }
  for (const [minor, t] of prefixed) if (!best.has(minor)) best.set(minor, t);
  return best;
}

/**
 * The minors to import: those asked (`["1.20", "1.31"]`), or every minor from 1.5 with a final tag.
 * With `prerelease`, an asked minor with no final tag yet is read at its newest prerelease (to prepare for it).
 */
export function pickReleases(istio: GitRepo, api: GitRepo, asked?: string[], prerelease = false): Release[] {
  const istioTags = istio.tagList();
  const byMinor = finalTagsByMinor(istioTags.filter((t) => !t.startsWith('v')));
  const minors = asked?.length
    ? asked.map((v) => minorOf(v))
    : [...byMinor.keys()].filter((n) => n >= FIRST_MINOR).sort((a, b) => a - b);
  if (!minors.length) throw new Error(`${istio.name}: ${istio.dir} has no final Istio tags (1.M.P) from 1.${FIRST_MINOR} on; is it a clone of istio/istio with its tags?`);
  const tags = minors.map((n) => {
    const tag = byMinor.get(n) ?? (prerelease ? newestPrerelease(n, istioTags) : undefined);
    if (!tag) throw new Error(noFinalTag(n, istioTags));
    return tag;
  });
  // One git process for all go.mod files, one for all the commits they pin (and the same-named api tags).
  istio.prefetchAcross(tags.map((t) => [t, 'go.mod']));
  const pins = tags.map((t) => pinsOf(istio.read(t, 'go.mod'), `${istio.name}@${t}`));
  const commits = api.commits([...pins.flatMap((p) => candidates(p.apiPin)), ...tags]);
  const apiTags = new Set(api.tagList());
  return minors.map((n, i) => releaseAt(api, apiTags, commits, `1.${n}`, tags[i], pins[i]));
}

/** `1.31.0-rc.0` over `1.31.0-beta.2` over `1.31.0-alpha.0` (Go module order: alpha < beta < rc). */
function newestPrerelease(minor: number, tags: string[]): string | undefined {
  const pre = tags.filter((t) => new RegExp(`^1\\.${minor}\\.\\d+-(alpha|beta|rc)\\.\\d+$`).test(t)).sort(compareTags);
  return pre[pre.length - 1];
}

function noFinalTag(minor: number, tags: string[]): string {
  const newest = newestPrerelease(minor, tags);
  return newest
    ? `Istio 1.${minor} has no final patch tag yet (the newest is ${newest}): the import reads only final releases (1.${minor}.0 or later patches). Fetch the repository again once 1.${minor}.0 is tagged, or give --prerelease to prepare for it from ${newest}.`
    : `istio/istio has no tag for Istio 1.${minor} (no 1.${minor}.*); check the minor, or fetch the repository's tags.`;
}

function compareTags(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function minorOf(version: string): number {
  const m = /^1\.(\d+)$/.exec(version.trim());
  if (!m) throw new Error(`--minors: "${version}" is not an Istio minor like 1.20`);
  const n = Number(m[1]);
  if (n < FIRST_MINOR) throw new Error(`--minors: Istio ${version} is older than 1.${FIRST_MINOR}, the first release the schemas cover`);
  return n;
}

interface Pins { apiPin: string; k8sApi: string }

function pinsOf(gomod: string, where: string): Pins {
  const apiPin = requirement(gomod, 'istio.io/api');
  const k8sApi = requirement(gomod, 'k8s.io/api');
  if (!apiPin || !k8sApi) throw new Error(`${where}: go.mod requires no ${apiPin ? 'k8s.io/api' : 'istio.io/api'}`);
  return { apiPin, k8sApi };
}

function releaseAt(api: GitRepo, apiTags: Set<string>, commits: Map<string, string | undefined>, version: string, istioTag: string, pins: Pins): Release {
  const where = `istio/istio@${istioTag}`;
  const apiCommit = candidates(pins.apiPin).map((c) => commits.get(c)).find(Boolean);
  if (!apiCommit) throw new Error(`${where} pins istio.io/api ${pins.apiPin}, which ${api.name} (${api.dir}) does not have: fetch it again`);
  const kube = /^v0\.(\d+)\.\d+/.exec(pins.k8sApi);
  if (!kube) throw new Error(`${where}: unexpected k8s.io/api version ${pins.k8sApi}`);
  const sameName = apiTags.has(istioTag) && commits.get(istioTag) === apiCommit;
  return { version, istioTag, apiTag: sameName ? istioTag : tagOn(api, apiCommit), apiCommit, kubernetes: `1.${kube[1]}`, k8sApi: pins.k8sApi };
}

/** The version go.mod requires for a module (a `replace` of it wins). */
function requirement(gomod: string, module: string): string | undefined {
  const esc = module.replace(/[.]/g, '\\.');
  const replaced = new RegExp(`^\\s*(?:replace\\s+)?${esc}(?:\\s+v\\S+)?\\s+=>\\s+${esc}\\s+(v\\S+)`, 'm').exec(gomod);
  if (replaced) return replaced[1];
  return new RegExp(`^\\s*(?:require\\s+)?${esc}\\s+(v\\S+)`, 'm').exec(gomod)?.[1];
}

/** A Go module version → the revisions naming its istio/api commit: the pseudo-version's hash, or the tag. */
function candidates(version: string): string[] {
  const pseudo = /[-.]\d{14}-([0-9a-f]{12})$/.exec(version);
  return pseudo ? [pseudo[1]] : [version, version.replace(/^v/, '')];
}

/** A final api tag on the commit (the newest), else the commit itself. */
function tagOn(api: GitRepo, commit: string): string {
  const on = api.git('tag', '--points-at', commit).split('\n').filter((t) => FINAL_TAG.test(t)).sort(compareTags);
  return on.length ? on[on.length - 1] : commit.slice(0, 12);
}
