// 1.24+: the IstioOperator spec is Go structs (operator/pkg/apis/types.go), decoded with
// encoding/json (sigs.k8s.io/yaml) and DisallowUnknownFields (validation.go@1.24.6:46-52). This reads
// the structs into the field tree specTree.ts builds the schema from: each field by its json tag,
// embedded structs flattened (encoding/json inlines an embedded struct without a tag, and
// `json:",inline"` is the Kubernetes convention for the same), `json:"-"` skipped.
import type { GoTree } from '../specTree.ts';
import { GO_DECODED_AS, GO_FIELD_NOTES } from './goSpecReview.ts';

interface GoField { name: string; type: string; json?: string; embedded: boolean }
interface GoStruct { name: string; fields: GoField[] }

export const GO_SPEC_FILE = 'operator/pkg/apis/types.go';

/** Whether this tag defines the spec in Go (1.24+) rather than istio/api's operator.proto. */
export function definesGoSpec(typesGo: string | undefined): boolean {
  return !!typesGo && /\btype\s+IstioOperatorSpec\s+struct\s*\{/.test(typesGo);
}

export function readGoSpecSource(source: string, where: string): GoTree {
  const imports = importAliases(source);
  const structs = parseStructs(source);
  const out: GoTree = {};
  const visit = (name: string) => {
    if (out[name]) return;
    const s = structs.get(name);
    if (!s) throw new Error(`${where}: no struct ${name}`);
    out[name] = {};
    for (const f of flatten(s, structs, where)) {
      const key = f.json!;
      const type = GO_DECODED_AS[`${name}.${key}`] ?? goType(f.type, imports, structs, where, `${name}.${f.name}`);
      const note = GO_FIELD_NOTES[`${name}.${key}`];
      out[name][key] = note ? { type, comment: note } : { type };
      for (const m of type.matchAll(/\b([A-Z]\w*)\b/g)) if (structs.has(m[1]) && !SCALAR_STRUCTS.has(m[1])) visit(m[1]);
    }
  };
  visit('IstioOperator');
  return out;
}

/** Structs that decode from one JSON scalar (an UnmarshalJSON of it): `BoolValue struct { bool }`. */
const SCALAR_STRUCTS = new Map<string, string>();

function flatten(s: GoStruct, structs: Map<string, GoStruct>, where: string): GoField[] {
  const out: GoField[] = [];
  for (const f of s.fields) {
    const tagName = f.json?.split(',')[0];
    if (tagName === '-') continue;
    if (f.embedded && !tagName) {
      const local = structs.get(f.type.replace(/^\*/, ''));
      if (local) { out.push(...flatten(local, structs, where)); continue; }
      // metav1.TypeMeta: Kubernetes' apiVersion and kind.
      if (/(^|\.)TypeMeta$/.test(f.type)) {
        out.push({ name: 'APIVersion', type: 'string', json: 'apiVersion', embedded: false }, { name: 'Kind', type: 'string', json: 'kind', embedded: false });
        continue;
      }
      throw new Error(`${where}: cannot inline embedded ${f.type} in ${s.name}`);
    }
    if (!tagName) throw new Error(`${where}: ${s.name}.${f.name} has no json tag`);
    out.push({ ...f, json: tagName });
  }
  return out;
}

function goType(t: string, imports: Map<string, string>, structs: Map<string, GoStruct>, where: string, field: string): string {
  const bare = t.replace(/^\*/, '');
  const list = /^\[\](.+)$/.exec(bare);
  if (list) return `list<${goType(list[1], imports, structs, where, field)}>`;
  if (bare === 'map[string]string') return 'map<string,string>';
  if (['string', 'bool', 'uint32', 'any'].includes(bare)) return bare;
  if (bare === 'interface{}') return 'any';
  const scalar = scalarStruct(bare, structs);
  if (scalar) return scalar;
  const qualified = /^(\w+)\.(\w+)$/.exec(bare);
  if (qualified) {
    const pkg = imports.get(qualified[1]);
    if (!pkg) throw new Error(`${where}: ${field} has type ${t} from a package types.go does not import; add how it decodes to GO_DECODED_AS in scripts/schema/import/goSpecReview.ts`);
    // k8s.io/api/core/v1 → k8s.io.api.core.v1.Affinity: the name the Kubernetes definitions are looked up by.
    if (pkg.startsWith('k8s.io/')) return `${pkg.replace(/\//g, '.')}.${qualified[2]}`;
    throw new Error(`${where}: ${field} has type ${t} (${pkg}); add how it decodes to GO_DECODED_AS in scripts/schema/import/goSpecReview.ts`);
  }
  if (structs.has(bare)) return bare;
  throw new Error(`${where}: ${field} has type ${t}, which the import does not know; add how it decodes to GO_DECODED_AS in scripts/schema/import/goSpecReview.ts`);
}

/** `type BoolValue struct { bool }` with an UnmarshalJSON: JSON reads it as that scalar. */
function scalarStruct(name: string, structs: Map<string, GoStruct>): string | undefined {
  const s = structs.get(name);
  if (!s || s.fields.length !== 1 || !s.fields[0].embedded) return undefined;
  const t = s.fields[0].type;
  if (!['bool', 'string', 'uint32'].includes(t)) return undefined;
  SCALAR_STRUCTS.set(name, t);
  return t;
}

function importAliases(source: string): Map<string, string> {
  const out = new Map<string, string>();
  const block = /^import\s*\(([\s\S]*?)^\)/m.exec(source)?.[1] ?? '';
  for (const m of block.matchAll(/^\s*(\w+)?\s*"([^"]+)"/gm)) out.set(m[1] ?? m[2].split('/').pop()!, m[2]);
  for (const m of source.matchAll(/^import\s+(\w+)?\s*"([^"]+)"/gm)) out.set(m[1] ?? m[2].split('/').pop()!, m[2]);
  return out;
}

function parseStructs(source: string): Map<string, GoStruct> {
  const out = new Map<string, GoStruct>();
  const code = source.replace(/\/\/[^\n]*/g, '');
  for (const m of code.matchAll(/^type\s+(\w+)\s+struct\s*\{([\s\S]*?)^\}/gm)) {
    const fields: GoField[] = [];
    for (const raw of m[2].split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      const tag = /`json:"([^"]*)"/.exec(line)?.[1];
      const decl = line.replace(/`[^`]*`/, '').trim().split(/\s+/);
      if (decl.length === 1) fields.push({ name: decl[0].replace(/^\*|^\w+\./g, ''), type: decl[0], json: tag, embedded: true });
      else fields.push({ name: decl[0], type: decl.slice(1).join(''), json: tag, embedded: false });
    }
    out.set(m[1], { name: m[1], fields });
  }
  return out;
}
