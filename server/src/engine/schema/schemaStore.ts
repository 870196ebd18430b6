// Loads each release's generated schema on first use (once), and navigates it by document path.
import fs from 'node:fs';
import path from 'node:path';

export type SchemaNode = { [key: string]: any };

export interface VersionEntry { version: string; tag: string; profiles: string[]; file: string }

export class SchemaStore {
  private readonly loaded = new Map<string, IstioSchema>();
  readonly versions: VersionEntry[];

  constructor(readonly dir: string) {
    const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as { versions: VersionEntry[] };
    this.versions = index.versions;
  }

  /** Minor versions, oldest first ("1.5" … "1.30"). */
  get minors(): string[] { return this.versions.map((v) => v.version); }
  get newest(): string { return this.versions[this.versions.length - 1].version; }
  has(version: string): boolean { return this.versions.some((v) => v.version === version); }

  private readonly profileData = new Map<string, unknown>();

  /** The built-in profiles of a release as their files set them (schemas/profiles-1.X.json). */
  profiles(version: string): unknown {
    let d = this.profileData.get(version);
    if (d === undefined) {
      if (!this.has(version)) throw new Error(`no bundled profiles for Istio ${version}`);
      d = JSON.parse(fs.readFileSync(path.join(this.dir, `profiles-${version}.json`), 'utf8'));
      this.profileData.set(version, d);
    }
    return d;
  }

  get(version: string): IstioSchema {
    let s = this.loaded.get(version);
    if (!s) {
      const entry = this.versions.find((v) => v.version === version);
      if (!entry) throw new Error(`no bundled schema for Istio ${version}`);
      s = new IstioSchema(entry, JSON.parse(fs.readFileSync(path.join(this.dir, entry.file), 'utf8')));
      this.loaded.set(version, s);
    }
    return s;
  }
}

/** A property found under an object: its canonical (JSON) key and its resolved schema. */
export interface Found { key: string; node: SchemaNode; alias: boolean }

export class IstioSchema {
  readonly version: string;
  readonly tag: string;
  readonly profiles: string[];
  private readonly resolved = new WeakMap<SchemaNode, SchemaNode>();

  constructor(entry: VersionEntry, readonly root: SchemaNode) {
    this.version = entry.version;
    this.tag = entry.tag;
    this.profiles = entry.profiles;
  }

  /** Follows a `$ref`, keeping the annotations written beside it (they win over the target's). */
  resolve(node: SchemaNode): SchemaNode {
    if (typeof node !== 'object' || node === null || !node.$ref) return node;
    let out = this.resolved.get(node);
    if (!out) {
      const name = decodeURIComponent(String(node.$ref).replace(/^#\/definitions\//, '')).replace(/~1/g, '/').replace(/~0/g, '~');
      const target = this.root.definitions?.[name];
      if (!target) throw new Error(`unresolved $ref ${node.$ref}`);
      const { $ref: _ref, ...annotations } = node;
      out = { ...this.resolve(target), ...annotations };
      this.resolved.set(node, out);
    }
    return out;
  }

  /** The declared property `key` of an object schema (JSON name or proto-name alias). */
  property(objectNode: SchemaNode, key: string): Found | undefined {
    const props = objectNode.properties as Record<string, SchemaNode> | undefined;
    const raw = props && Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined;
    if (!raw) return undefined;
    const alias = raw['x-istio-alias-of'] as string | undefined;
    if (alias && props![alias]) return { key: alias, node: this.resolve(props![alias]), alias: true };
    return { key, node: this.resolve(raw), alias: false };
  }

  /** The schema of one step down: a key of an object, or an item of a list. */
  child(node: SchemaNode, step: string | number): SchemaNode | undefined {
    if (typeof step === 'number') return node.items ? this.resolve(node.items) : undefined;
    const found = this.property(node, step);
    if (found) return found.node;
    if (node.additionalProperties && typeof node.additionalProperties === 'object') return this.resolve(node.additionalProperties);
    return undefined;
  }

  /** The schema at a document path (`['spec', 'components', 'ingressGateways', 0, 'k8s']`). */
  at(pathSteps: Array<string | number>): SchemaNode | undefined {
    let node: SchemaNode | undefined = this.root;
    for (const step of pathSteps) {
      if (!node) return undefined;
      node = this.child(node, step);
    }
    return node;
  }

  /** The canonical keys an object accepts, for completion (aliases and hidden fields left out). */
  keys(node: SchemaNode): Array<[string, SchemaNode]> {
    const props = node.properties as Record<string, SchemaNode> | undefined;
    if (!props) return [];
    return Object.entries(props).filter(([, v]) => !v['x-istio-alias-of']).map(([k, v]) => [k, this.resolve(v)]);
  }
}
