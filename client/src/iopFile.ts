// What the commands need to know about an IstioOperator file: is it one, its profile and revision.
// No vscode import. Reading is lenient: a file istioctl would reject still gets a clear answer
// from istioctl itself.
import YAML from 'yaml';

/** A top-level `kind: IstioOperator` line in any document of the file (quotes and comments allowed). */
const KIND = /^kind:[ \t]*(["']?)IstioOperator\1[ \t]*(#.*)?$/m;

export function looksLikeIstioOperator(text: string): boolean {
  return KIND.test(text);
}

export interface IopInfo {
  /** spec.profile, or "default" when the file does not set one. */
  profile: string;
  profileSet: boolean;
  /** spec.revision, or undefined (the default revision). */
  revision: string | undefined;
  /** The parsed IstioOperator document (the first one in the file), as plain data. */
  document: Record<string, unknown>;
}

/** The first IstioOperator document of the file; undefined when there is none or it does not parse. */
export function readIop(text: string): IopInfo | undefined {
  let docs: YAML.Document.Parsed[];
  try {
    // YAML 1.1 as Kubernetes reads it; aliases capped so a hostile file cannot blow up memory.
    docs = YAML.parseAllDocuments(text, { version: '1.1', merge: true, uniqueKeys: false }) as YAML.Document.Parsed[];
  } catch {
    return undefined;
  }
  for (const doc of docs) {
    if (doc.errors.length) continue;
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: 1000 });
    } catch {
      continue;
    }
    if (!isObject(data) || data.kind !== 'IstioOperator') continue;
    const spec = isObject(data.spec) ? data.spec : {};
    const profile = typeof spec.profile === 'string' && spec.profile.trim() ? spec.profile.trim() : undefined;
    const revision = typeof spec.revision === 'string' && spec.revision.trim() ? spec.revision.trim() : undefined;
    return { profile: profile ?? 'default', profileSet: !!profile, revision, document: data };
  }
  return undefined;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
