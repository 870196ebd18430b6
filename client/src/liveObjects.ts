// The two sides of "Diff against cluster": the rendered manifest (istioctl manifest generate) and
// the live objects (kubectl get -f <rendered> -o yaml), lined up object by object in the rendered
// order, with the fields the cluster adds on its own left out (as kubectl diff does) and Secret
// values masked (as kubectl diff does). No vscode import.
import * as l10n from '@vscode/l10n';
import YAML from 'yaml';
import { isObject } from './iopFile.ts';

type Obj = Record<string, unknown>;

export interface DiffSides {
  live: string;
  rendered: string;
  /** Rendered objects that do not exist in the cluster. */
  missing: string[];
}

/** Server-managed fields that are noise in a comparison with a rendered manifest. */
const METADATA_NOISE = ['managedFields', 'resourceVersion', 'uid', 'creationTimestamp', 'generation', 'selfLink'];
const ANNOTATION_NOISE = ['kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision'];

export function diffSides(renderedYaml: string, liveYaml: string): DiffSides {
  const rendered = parseObjects(renderedYaml);
  const live = new Map<string, Obj>();
  for (const o of parseObjects(liveYaml)) live.set(objectKey(o), clean(o));
  const liveDocs: string[] = [];
  const renderedDocs: string[] = [];
  const missing: string[] = [];
  for (const r of rendered) {
    const key = objectKey(r);
    const l = live.get(key);
    const [lm, rm] = maskSecrets(l, r);
    renderedDocs.push(stringify(rm));
    if (lm) liveDocs.push(stringify(lm));
    else {
      missing.push(describe(r));
      liveDocs.push(`# ${l10n.t('{object}: not in the cluster', { object: describe(r) })}\n`);
    }
  }
  return { live: liveDocs.join('---\n'), rendered: renderedDocs.join('---\n'), missing };
}

/** Every object of a multi-document stream, with `kind: List` items spread out. */
export function parseObjects(text: string): Obj[] {
  const out: Obj[] = [];
  for (const doc of YAML.parseAllDocuments(text, { version: '1.1', uniqueKeys: false }) as YAML.Document.Parsed[]) {
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: 1000 });
    } catch {
      continue;
    }
    if (!isObject(data)) continue;
    if (typeof data.kind === 'string' && data.kind.endsWith('List') && Array.isArray(data.items)) {
      for (const item of data.items) if (isObject(item)) out.push(item);
    } else if (typeof data.kind === 'string') out.push(data);
  }
  return out;
}

/** group/kind/namespace/name: the identity kubectl uses (the API version within a group does not matter). */
export function objectKey(o: Obj): string {
  const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : '';
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const md = isObject(o.metadata) ? o.metadata : {};
  return [group, String(o.kind ?? ''), String(md.namespace ?? ''), String(md.name ?? '')].join('|');
}

function describe(o: Obj): string {
  const md = isObject(o.metadata) ? o.metadata : {};
  return `${String(o.kind)} ${md.namespace ? `${String(md.namespace)}/` : ''}${String(md.name)}`;
}

function clean(o: Obj): Obj {
  const c = structuredClone(o);
  delete c.status;
  if (isObject(c.metadata)) {
    for (const k of METADATA_NOISE) delete c.metadata[k];
    const ann = c.metadata.annotations;
    if (isObject(ann)) {
      for (const k of ANNOTATION_NOISE) delete ann[k];
      if (!Object.keys(ann).length) delete c.metadata.annotations;
    }
  }
  return c;
}

/** Secret values become `***`, marked where the two sides differ (kubectl diff's way). */
function maskSecrets(live: Obj | undefined, rendered: Obj): [Obj | undefined, Obj] {
  if (rendered.kind !== 'Secret') return [live, rendered];
  const l = live && structuredClone(live);
  const r = structuredClone(rendered);
  for (const field of ['data', 'stringData']) {
    const lv = l && isObject(l[field]) ? (l[field] as Obj) : undefined;
    const rv = isObject(r[field]) ? (r[field] as Obj) : undefined;
    for (const k of new Set([...Object.keys(lv ?? {}), ...Object.keys(rv ?? {})])) {
      const same = lv?.[k] === rv?.[k];
      if (lv && k in lv) lv[k] = same ? '***' : '*** (live)';
      if (rv && k in rv) rv[k] = same ? '***' : '*** (rendered)';
    }
  }
  return [l, r];
}

function stringify(o: Obj): string {
  return YAML.stringify(o, { lineWidth: 0, indentSeq: false, sortMapEntries: true });
}
