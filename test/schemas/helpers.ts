// Shared helpers for the schema tests: where the data and schemas are, cached validators,
// YAML reading with Kubernetes' (YAML 1.1) rules, and walking a schema by document path.
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import YAML from 'yaml';
import { minorNumber, readMinors, type MinorInfo } from '../../scripts/schema/sources.ts';

export type Json = any;
export type SchemaNode = Record<string, any>;

export const repoRoot = path.resolve(import.meta.dirname, '../..');
/** The Istio install-API data: $ISTIO_DATA, else ../shared/istio beside the repository. */
export const istioData = process.env.ISTIO_DATA ? path.resolve(process.env.ISTIO_DATA) : path.resolve(repoRoot, '../shared/istio');
/** The schemas under test: the committed ones, unless $SCHEMAS_DIR points at another generator output. */
export const schemasDir = process.env.SCHEMAS_DIR ? path.resolve(process.env.SCHEMAS_DIR) : path.join(repoRoot, 'schemas');

export const minors: MinorInfo[] = readMinors(istioData);
export const minorNum = minorNumber;

export function minorInfo(version: string): MinorInfo {
  const m = minors.find((x) => x.version === version);
  if (!m) throw new Error(`Istio ${version} is not in versions.json`);
  return m;
}

/** The given minors that versions.json has (so a trimmed data set does not break the suite). */
export function availableMinors(wanted: string[]): string[] {
  return wanted.filter((v) => minors.some((m) => m.version === v));
}

// ---------------------------------------------------------------------------------------------
// Schemas and validators (each parsed and compiled once per process).

const schemaCache = new Map<string, SchemaNode>();
export function schemaFile(version: string): string {
  return path.join(schemasDir, `istio-${version}.json`);
}
export function loadSchema(version: string): SchemaNode {
  let s = schemaCache.get(version);
  if (!s) {
    s = JSON.parse(fs.readFileSync(schemaFile(version), 'utf8')) as SchemaNode;
    schemaCache.set(version, s);
  }
  return s;
}

/**
 * The options the brief asks for (`strict: false, allErrors: true`) plus three that only make
 * compiling faster and do not change what validates: no meta-schema check at compile time
 * (annotations.test.ts checks every schema against draft-07 once), shared definitions compiled
 * as functions instead of inlined, and no generated-code optimisation pass.
 */
export const AJV_OPTIONS = { strict: false, allErrors: true, validateSchema: false, inlineRefs: false, code: { optimize: false } } as const;

const ajvCache = new Map<string, Ajv>();
const validatorCache = new Map<string, ValidateFunction>();

/** An Ajv instance holding this version's schema (so sub-schemas can reference its definitions). */
export function ajvFor(version: string): Ajv {
  let ajv = ajvCache.get(version);
  if (!ajv) {
    ajv = new Ajv(AJV_OPTIONS);
    ajv.addSchema(loadSchema(version), schemaKey(version));
    ajvCache.set(version, ajv);
  }
  return ajv;
}
const schemaKey = (version: string) => `istio-${version}`;

export function validatorFor(version: string): ValidateFunction {
  let v = validatorCache.get(version);
  if (!v) {
    v = ajvFor(version).getSchema(schemaKey(version))!;
    validatorCache.set(version, v);
  }
  return v;
}

/** The validation errors of a document ([] when it is valid). */
export function validate(version: string, doc: Json): ErrorObject[] {
  const fn = validatorFor(version);
  return fn(doc) ? [] : [...(fn.errors ?? [])];
}

const subValidators = new Map<string, ValidateFunction>();
/** A validator for the value at a document path of this version's schema (e.g. `spec.components`). */
export function subValidatorFor(version: string, docPath: string | string[]): ValidateFunction {
  const parts = splitPath(docPath);
  const key = `${version}:${parts.join('\u0000')}`;
  let v = subValidators.get(key);
  if (!v) {
    const at = schemaPointer(loadSchema(version), parts);
    if (at === undefined) throw new Error(`${version}: no schema at ${parts.join('.')}`);
    // A reference into the schema already added, so its compiled definitions are reused.
    v = ajvFor(version).compile({ $ref: `${schemaKey(version)}#${encodeURI(at)}` });
    subValidators.set(key, v);
  }
  return v;
}

export function validateAt(version: string, docPath: string | string[], value: Json): ErrorObject[] {
  const fn = subValidatorFor(version, docPath);
  return fn(value) ? [] : [...(fn.errors ?? [])];
}

/** One line per distinct error, for assertion messages. */
export function formatErrors(errors: ErrorObject[], max = 12): string {
  const lines = [...new Set(errors.map((e) => `${e.instancePath || '/'} ${e.keyword}: ${e.message} ${JSON.stringify(e.params)}`))];
  const more = lines.length > max ? `\n  … and ${lines.length - max} more` : '';
  return lines.slice(0, max).map((l) => `  ${l}`).join('\n') + more;
}

// ---------------------------------------------------------------------------------------------
// YAML, read the way Kubernetes reads it (YAML 1.1: yes/no/on/off are booleans).

export const YAML_OPTIONS = { version: '1.1' } as const;

export function parseYaml(text: string): Json {
  return YAML.parse(text, YAML_OPTIONS);
}

export function readYamlFile(file: string): Json {
  return parseYaml(fs.readFileSync(file, 'utf8'));
}

/** Every document of a (possibly multi-document) YAML file, empty documents dropped. */
export function readYamlDocs(file: string): Json[] {
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'), YAML_OPTIONS);
  const out: Json[] = [];
  for (const d of docs) {
    if ('errors' in d && d.errors.length) throw new Error(`${file}: ${d.errors.map((e) => e.message).join('; ')}`);
    const v = d.toJS();
    if (v !== null && v !== undefined) out.push(v);
  }
  return out;
}

export const isIstioOperator = (doc: Json): boolean =>
  !!doc && typeof doc === 'object' && doc.kind === 'IstioOperator' && typeof doc.apiVersion === 'string' && doc.apiVersion.startsWith('install.istio.io/');

// ---------------------------------------------------------------------------------------------
// Walking a schema by document path.

export function splitPath(p: string | string[]): string[] {
  return Array.isArray(p) ? p : p === '' ? [] : p.split('.');
}

/** The node a local `$ref` ("#/definitions/X", a JSON pointer in a URI fragment) points at. */
export function refTarget(root: SchemaNode, ref: string): SchemaNode | undefined {
  if (!ref.startsWith('#')) return undefined;
  const pointer = decodeURIComponent(ref.slice(1));
  if (pointer === '') return root;
  if (!pointer.startsWith('/')) return undefined;
  let node: Json = root;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = node[token];
  }
  return node as SchemaNode;
}

/**
 * A node with its `$ref` followed: the referenced body with the node's own keywords (its
 * annotations) on top. Throws on a dangling ref so a broken schema cannot pass silently.
 */
export function deref(root: SchemaNode, node: SchemaNode): SchemaNode {
  let out = node;
  for (let i = 0; typeof out?.$ref === 'string'; i++) {
    if (i > 32) throw new Error(`$ref loop at ${node.$ref}`);
    const target = refTarget(root, out.$ref);
    if (!target) throw new Error(`unresolvable $ref ${out.$ref}`);
    const { $ref: _ref, ...own } = out;
    out = { ...target, ...own };
  }
  return out;
}

export interface ResolveOptions {
  /** Follow a proto-name alias (`access_log_file`) to the property it stands for. Default true. */
  followAlias?: boolean;
}

/**
 * The schema of the value at a document path (`spec.meshConfig.accessLogFile`, or a list of
 * keys; `[]` = a list item, `*` = a map value; a key that is not a declared property falls back
 * to the map's value schema). Each step follows `$ref` into definitions; the result is the
 * property with its own annotations (description, x-istio-defaults, …) over its shared body.
 */
export function resolvePath(root: SchemaNode, docPath: string | string[], opts: ResolveOptions = {}): SchemaNode | undefined {
  const followAlias = opts.followAlias ?? true;
  let node: SchemaNode | undefined = deref(root, root);
  for (const key of splitPath(docPath)) {
    if (!node) return undefined;
    let next: SchemaNode | undefined;
    const props = node.properties as Record<string, SchemaNode> | undefined;
    if (key === '[]') next = isSchema(node.items) ? node.items : undefined;
    else if (key === '*') next = isSchema(node.additionalProperties) ? node.additionalProperties : undefined;
    else if (props && Object.prototype.hasOwnProperty.call(props, key)) {
      next = props[key];
      const alias = next['x-istio-alias-of'];
      if (followAlias && typeof alias === 'string') next = props[alias];
    } else if (isSchema(node.additionalProperties)) next = node.additionalProperties;
    node = next ? deref(root, next) : undefined;
  }
  return node;
}

/**
 * The JSON pointer (inside the schema file) of the node that validates the value at a document
 * path: like resolvePath, but jumping to a `$ref`'s target instead of merging it.
 */
export function schemaPointer(root: SchemaNode, docPath: string | string[]): string | undefined {
  let ptr = '';
  let node: SchemaNode | undefined = root;
  const esc = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
  const follow = () => {
    for (let i = 0; node && typeof node.$ref === 'string'; i++) {
      if (i > 32) return;
      ptr = decodeURIComponent(node.$ref.slice(1));
      node = refTarget(root, node.$ref);
    }
  };
  for (const key of splitPath(docPath)) {
    follow();
    if (!node) return undefined;
    const props = node.properties as Record<string, SchemaNode> | undefined;
    let step: string[] | undefined;
    if (key === '[]') step = isSchema(node.items) ? ['items'] : undefined;
    else if (key === '*') step = isSchema(node.additionalProperties) ? ['additionalProperties'] : undefined;
    else if (props && Object.prototype.hasOwnProperty.call(props, key)) {
      const alias = props[key]['x-istio-alias-of'];
      step = ['properties', typeof alias === 'string' ? alias : key];
    } else if (isSchema(node.additionalProperties)) step = ['additionalProperties'];
    if (!step) return undefined;
    for (const s of step) { ptr += `/${esc(s)}`; node = (node as SchemaNode)[s]; }
  }
  return node ? ptr : undefined;
}

const isSchema = (v: unknown): v is SchemaNode => !!v && typeof v === 'object' && !Array.isArray(v);

/** Every `$ref` string anywhere in a schema. */
export function collectRefs(node: Json, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const v of node) collectRefs(v, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Building test documents.

/** A small IstioOperator document valid in every release. */
export function minimalIop(spec: Json = {}): Json {
  return {
    apiVersion: 'install.istio.io/v1alpha1',
    kind: 'IstioOperator',
    metadata: { name: 'test', namespace: 'istio-system' },
    spec: structuredClone(spec),
  };
}

/** A copy of `doc` with `value` written at a dotted document path (maps created on the way). */
export function withValue(doc: Json, docPath: string | string[], value: Json): Json {
  const out = structuredClone(doc);
  const parts = splitPath(docPath);
  let cur = out;
  for (const [i, key] of parts.entries()) {
    if (i === parts.length - 1) { cur[key] = value; break; }
    const idx = /^\d+$/.test(key) ? Number(key) : key;
    if (cur[idx] === undefined || cur[idx] === null) cur[idx] = {};
    cur = cur[idx];
  }
  return out;
}

/** A document path as an Ajv `instancePath` ("spec.components.ingressGateways.0" → "/spec/components/ingressGateways/0"). */
export function pointer(docPath: string | string[]): string {
  const parts = splitPath(docPath);
  return parts.length ? `/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '';
}

/**
 * Visits every schema node that declares `properties`, below a document path, with the document
 * path it validates (`[]` list items, `*` map values). Shared definitions are entered through
 * their `$ref`s, once per `scope` (so a body reached from two kinds of place is seen in both).
 */
export function forEachObjectNode(
  root: SchemaNode, start: string | string[], visit: (node: SchemaNode, at: string[]) => void,
  scope: (at: string[]) => string = () => '',
): void {
  const seen = new Set<string>();
  const ids = new Map<SchemaNode, number>();
  const walk = (raw: SchemaNode | undefined, at: string[]): void => {
    if (!isSchema(raw)) return;
    const node = deref(root, raw);
    const body = typeof raw.$ref === 'string' ? refTarget(root, raw.$ref)! : raw;
    if (!ids.has(body)) ids.set(body, ids.size);
    const key = `${ids.get(body)}|${scope(at)}`;
    if (seen.has(key)) return;
    seen.add(key);
    const props = node.properties as Record<string, SchemaNode> | undefined;
    if (props) {
      visit(node, at);
      for (const [k, child] of Object.entries(props)) if (!child['x-istio-alias-of']) walk(child, [...at, k]);
    }
    if (isSchema(node.items)) walk(node.items, [...at, '[]']);
    if (isSchema(node.additionalProperties)) walk(node.additionalProperties, [...at, '*']);
  };
  walk(resolvePath(root, start), splitPath(start));
}
