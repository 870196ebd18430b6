// Which Istio release a document is checked against; first match wins, and the reason is kept.
import { isMap, isScalar } from 'yaml';
import type { YamlDoc } from '../parse/parse.ts';

export type VersionSource = 'comment' | 'setting' | 'spec.tag' | 'istioctl' | 'newest';

export interface VersionChoice {
  version: string;
  source: VersionSource;
  /** For people: "from the comment `# istio-version: 1.9` on line 1". */
  reason: string;
  /** Set when the requested version is not bundled and another was used. */
  problem?: { message: string; start: number; end: number };
}

export interface VersionInputs {
  /** `istioOperator.istioVersion`: "auto" or "1.X". */
  setting?: string;
  /** What the client found: `istioctl version --remote=false` (e.g. "1.20.3"). */
  istioctlVersion?: string;
  /** A bundled minor to check against whatever the file says (the upgrade report reads a file at other releases). */
  release?: string;
}

const COMMENT = /^[ \t]*#[ \t]*istio-version:[ \t]*(\S+)/m;
const MINOR = /^v?1\.(\d+)(?:\.\d+)?(?:[-+].*)?$/;

export function chooseVersion(doc: YamlDoc, text: string, inputs: VersionInputs, minors: string[]): VersionChoice {
  const newest = minors[minors.length - 1];
  const pick = (raw: string, source: VersionSource, reason: string, span?: [number, number]): VersionChoice | undefined => {
    const m = MINOR.exec(raw.trim());
    if (!m) {
      if (source === 'spec.tag') return undefined; // a tag like "latest" or "1.20-distroless" is not a release
      return { version: newest, source: 'newest', reason: `newest bundled (${newest}); ${reason} is not an Istio version`, problem: span && { message: `\`${raw}\` is not an Istio version (expected 1.X); checking against Istio ${newest}.`, start: span[0], end: span[1] } };
    }
    const version = `1.${Number(m[1])}`;
    if (minors.includes(version)) return { version, source, reason };
    const nearest = nearestMinor(version, minors);
    return {
      version: nearest,
      source,
      reason: `${reason}; Istio ${version} is not bundled, so ${nearest} is used`,
      problem: span && { message: `Istio ${version} is not bundled (supported: ${minors[0]}–${newest}); checking against Istio ${nearest}.`, start: span[0], end: span[1] },
    };
  };

  if (inputs.release && minors.includes(inputs.release)) return { version: inputs.release, source: 'setting', reason: `Istio ${inputs.release}, the release compared` };
  const docText = text.slice(doc.start, doc.end);
  const comment = COMMENT.exec(docText);
  if (comment) {
    const start = doc.start + comment.index + comment[0].indexOf(comment[1]);
    const r = pick(comment[1], 'comment', `the comment \`# istio-version: ${comment[1]}\``, [start, start + comment[1].length]);
    if (r) return r;
  }
  if (inputs.setting && inputs.setting !== 'auto') {
    const r = pick(inputs.setting, 'setting', `the setting istioOperator.istioVersion (${inputs.setting})`);
    if (r) return r;
  }
  const tag = specTag(doc);
  if (tag) {
    const r = pick(tag, 'spec.tag', `spec.tag ${tag}`);
    if (r) return r;
  }
  if (inputs.istioctlVersion) {
    const r = pick(inputs.istioctlVersion, 'istioctl', `istioctl ${inputs.istioctlVersion}`);
    if (r) return r;
  }
  return { version: newest, source: 'newest', reason: `the newest bundled release (${newest}); set \`# istio-version: 1.X\` or istioOperator.istioVersion to choose` };
}

function specTag(doc: YamlDoc): string | undefined {
  const root = doc.doc.contents;
  if (!isMap(root)) return undefined;
  const spec = root.get('spec', true);
  if (!isMap(spec)) return undefined;
  const tag = spec.get('tag', true);
  return isScalar(tag) && tag.value !== null ? String(tag.source ?? tag.value) : undefined;
}

function nearestMinor(version: string, minors: string[]): string {
  const n = Number(version.split('.')[1]);
  let best = minors[0];
  for (const m of minors) if (Math.abs(Number(m.split('.')[1]) - n) < Math.abs(Number(best.split('.')[1]) - n)) best = m;
  return best;
}
