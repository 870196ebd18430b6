// The extension keywords and the structure of the generated schemas: deprecations, versions,
// profile defaults, descriptions, $refs, draft-07 validity, and that generating is deterministic.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Ajv from 'ajv';
import protobuf from 'protobufjs';
import { K8S_IN_VALUES } from '../../scripts/schema/k8sInValues.ts';
import { profileDumps } from '../../scripts/schema/defaults.ts';
import { loadProtos } from '../../scripts/schema/protoLoader.ts';
import {
  availableMinors, collectRefs, deref, forEachObjectNode, istioData, loadSchema, minorInfo, minorNum, minors, readYamlFile,
  refTarget, repoRoot, resolvePath, schemasDir, type Json, type SchemaNode,
} from './helpers.ts';

const run = promisify(execFile);
const last = minors[minors.length - 1].version;

describe('schema files', () => {
  test('index.json lists every minor of versions.json with its tag, profiles and file', () => {
    const index = JSON.parse(fs.readFileSync(path.join(schemasDir, 'index.json'), 'utf8'));
    assert.deepEqual(index.versions, minors.map((m) => ({ version: m.version, tag: m.istioTag, profiles: m.profiles, file: `istio-${m.version}.json` })));
  });

  const meta = new Ajv({ strict: false });
  for (const m of minors) {
    describe(`Istio ${m.version}`, () => {
      test('root keywords name the release', () => {
        const s = loadSchema(m.version);
        assert.equal(s.$schema, 'http://json-schema.org/draft-07/schema#');
        assert.equal(s['x-istio-version'], m.version);
        assert.equal(s['x-istio-tag'], m.istioTag);
        assert.deepEqual(s['x-istio-profiles'], m.profiles);
      });

      test('is a valid draft-07 schema', () => {
        const ok = meta.validateSchema(loadSchema(m.version));
        assert.ok(ok, `not valid draft-07:\n${meta.errorsText(meta.errors, { separator: '\n' })}`);
      });

      test('every $ref is a "#/definitions/X" that exists, and every definition is used', () => {
        const s = loadSchema(m.version);
        const refs = collectRefs(s);
        assert.ok(refs.length > 0, 'expected shared definitions');
        const bad = [...new Set(refs.filter((r) => !r.startsWith('#/definitions/') || !refTarget(s, r)))];
        assert.deepEqual(bad, [], 'dangling or non-local $refs');
        const used = new Set(refs.map((r) => refTarget(s, r)));
        const unused = Object.keys(s.definitions ?? {}).filter((k) => !used.has(s.definitions[k]));
        assert.deepEqual(unused, [], 'definitions nothing refers to');
      });
    });
  }
});

describe('unknown keys: strict objects, except where istioctl ignores them', () => {
  // istioctl 1.5–1.23 decodes the whole IstioOperator strictly; 1.24+ decodes the spec strictly
  // (DisallowUnknownFields) and values strictly (jsonpb; validation_test.go@1.24.6:331-337, "unknown
  // field \"foo\" in istio.operator.v1alpha1.ProxyConfig"), but meshConfig leniently (protomarshal.ApplyYAML).
  // From 1.29 some values fields are decoded as strict Kubernetes types (scripts/schema/k8sInValues.ts).
  const strictK8s = (version: string, at: string[]) => minorNum(version) >= 29 && at[1] === 'values'
    && K8S_IN_VALUES.some(([p]) => { const below = at.slice(2).join('.'); return below === p || below.startsWith(`${p}.`); });
  const lenientSection = (version: string, at: string[]) => minorNum(version) >= 24 && at[0] === 'spec' && at[1] === 'meshConfig' && !strictK8s(version, at);
  for (const m of minors) {
    test(`${m.version} every object is additionalProperties: false, or (meshConfig from 1.24) x-istio-unknown-keys: ignored`, () => {
      const s = loadSchema(m.version);
      const wrong: string[] = [];
      let objects = 0;
      forEachObjectNode(s, '', (node, at) => {
        objects++;
        const lenient = lenientSection(m.version, at);
        const marker = node['x-istio-unknown-keys'];
        const ok = lenient ? marker === 'ignored' && node.additionalProperties !== false : marker === undefined && node.additionalProperties === false;
        if (!ok) wrong.push(`${at.join('.') || '(root)'}: additionalProperties ${JSON.stringify(node.additionalProperties)?.slice(0, 40)}, x-istio-unknown-keys ${marker}`);
      }, (at) => String(lenientSection(m.version, at)));
      assert.ok(objects > 100, `only ${objects} objects found`);
      assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} objects with the wrong unknown-key handling`);
    });
  }
});

describe('deprecations', () => {
  // Which releases deprecate spec.addonComponents is read from the proto: `[deprecated = true]` on the field.
  for (const m of minors) {
    const node = resolvePath(loadSchema(m.version), 'spec.addonComponents');
    if (!node) continue;
    const protoFile = path.join(istioData, m.version, 'proto', m.protoRoots.find((r) => r.endsWith('/operator.proto'))!);
    const field = /\baddon_?[cC]omponents\s*=\s*\d+\s*(\[[^\]]*\])?\s*;/.exec(fs.readFileSync(protoFile, 'utf8'));
    const deprecatedInProto = !!field?.[1] && /deprecated\s*=\s*true/.test(field[1]);
    test(`${m.version} spec.addonComponents is ${deprecatedInProto ? '' : 'not '}deprecated, as in the proto`, () => {
      assert.ok(field, `no addonComponents field in ${protoFile}`);
      if (deprecatedInProto) {
        assert.equal(node.deprecated, true);
        assert.equal(typeof node.deprecationMessage, 'string');
        assert.match(node.deprecationMessage, /deprecated/i);
        assert.match(node.deprecationMessage, /addon/i);
      } else {
        assert.notEqual(node.deprecated, true);
        assert.equal(node.deprecationMessage, undefined);
      }
    });
  }

  // docs/schema-format.md: "the message names the replacement"; the proto comment names samples/addons.
  test('spec.addonComponents deprecationMessage names the replacement (samples/addons)',
    () => {
      const bad = minors.map((m) => [m.version, resolvePath(loadSchema(m.version), 'spec.addonComponents')] as const)
        .filter(([, node]) => node?.deprecated && !/samples\/addons/.test(node.deprecationMessage ?? ''))
        .map(([v, node]) => `${v}: ${JSON.stringify(node!.deprecationMessage)}`);
      assert.deepEqual(bad, []);
    });

  // ISTIOCTL-RULES.md: `values.{grafana,tracing,kiali,prometheus}.enabled` are errors in 1.8–1.23 ("use the
  // samples/addons deployments") and `values.istiocoredns.enabled` warns in 1.8–1.30; where the key no longer
  // exists in that release's Values proto, the unknown-field diagnostic should name the replacement
  // (docs/schema-format.md: x-istio-moved on the parent object).
  test('values whose addon/istiocoredns key is gone list it in x-istio-moved with its replacement',
    () => {
      const missing: string[] = [];
      for (const m of minors) {
        const n = minorNum(m.version);
        const values = resolvePath(loadSchema(m.version), 'spec.values')!;
        const gone = (k: string) => !values.properties[k];
        const want = [
          ...(n >= 8 && n <= 23 ? ['grafana', 'tracing', 'kiali', 'prometheus'].filter(gone).map((k) => [k, /samples\/addons/] as const) : []),
          ...(n >= 8 && gone('istiocoredns') ? [['istiocoredns', /DNS/] as const] : []),
        ];
        for (const [k, re] of want) if (!re.test(values['x-istio-moved']?.[k] ?? '')) missing.push(`${m.version} values.${k}`);
      }
      assert.deepEqual(missing, []);
    });

  // istioctl's deprecation table covers values.global.proxy.accessLogFile from 1.6 (ISTIOCTL-RULES.md);
  // the field itself exists in 1.5–1.6, and from 1.7 it is gone (rejected, or ignored from 1.24).
  for (const m of minors) {
    const n = minorNum(m.version);
    const s = loadSchema(m.version);
    const node = resolvePath(s, 'spec.values.global.proxy.accessLogFile');
    if (node) {
      test(`${m.version} values.global.proxy.accessLogFile is ${n >= 6 ? '' : 'not '}deprecated`, () => {
        if (n >= 6) {
          assert.equal(node.deprecated, true);
          assert.match(node.deprecationMessage ?? '', /meshConfig\.accessLogFile/);
        } else {
          assert.notEqual(node.deprecated, true, 'istioctl 1.5 has no deprecation warning for it');
        }
      });
    } else {
      test(`${m.version} values.global.proxy lists accessLogFile as moved to meshConfig.accessLogFile`, () => {
        const proxy = resolvePath(s, 'spec.values.global.proxy');
        assert.ok(proxy?.properties, 'values.global.proxy should exist');
        assert.match(proxy['x-istio-moved']?.accessLogFile ?? '', /meshConfig\.accessLogFile/);
        assert.equal(proxy['x-istio-other-versions']?.accessLogFile, '1.5-1.6');
      });
    }
  }
});

describe('versions', () => {
  for (const m of minors) {
    const n = minorNum(m.version);
    test(`${m.version} spec.components.ztunnel ${n >= 18 ? 'has x-istio-versions 1.18-1.30' : 'is absent, listed in x-istio-other-versions'}`, () => {
      const s = loadSchema(m.version);
      const z = resolvePath(s, 'spec.components.ztunnel');
      if (n >= 18) {
        assert.ok(z, 'components.ztunnel exists from 1.18');
        assert.equal(z['x-istio-versions'], `1.18-${last}`);
      } else {
        assert.equal(z, undefined);
        assert.equal(resolvePath(s, 'spec.components')!['x-istio-other-versions']?.ztunnel, `1.18-${last}`);
      }
    });
  }

  for (const v of availableMinors(['1.9'])) {
    test(`${v} spec.values x-istio-other-versions lists prometheus as 1.5-1.7`, () => {
      const values = resolvePath(loadSchema(v), 'spec.values')!;
      assert.equal(values.properties.prometheus, undefined);
      assert.equal(values['x-istio-other-versions']?.prometheus, '1.5-1.7');
    });
  }

  test('x-istio-versions is only written where a path\'s minors differ from its parent\'s', () => {
    // spec.components exists in every release, so it carries no x-istio-versions.
    for (const m of minors) assert.equal(resolvePath(loadSchema(m.version), 'spec.components')!['x-istio-versions'], undefined, m.version);
  });
});

// ---------------------------------------------------------------------------------------------
// x-istio-defaults against the profiles (istioctl profile dump = profile merged over default.yaml).

/** Leaf values of a document, by canonical (JSON-name) document path, walking it beside the schema. */
function leafValues(root: SchemaNode, node: SchemaNode, value: Json, at: string[], out: Map<string, Json>): void {
  if (value === undefined) return;
  if (!node.properties) { out.set(at.join('.'), value); return; }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [k, v] of Object.entries(value)) {
    let key = k;
    let child = node.properties[k] as SchemaNode | undefined;
    if (child?.['x-istio-alias-of']) { key = child['x-istio-alias-of']; child = node.properties[key]; }
    if (child) leafValues(root, deref(root, child), v, [...at, key], out);
  }
}

/** Every declared-property path that carries x-istio-defaults (lists and maps are leaves). */
function annotatedPaths(root: SchemaNode, node: SchemaNode, at: string[], out: string[]): void {
  if (node['x-istio-defaults'] !== undefined) out.push(at.join('.'));
  for (const [k, child] of Object.entries((node.properties ?? {}) as Record<string, SchemaNode>)) {
    if (child['x-istio-alias-of']) continue;
    annotatedPaths(root, deref(root, child), [...at, k], out);
  }
}

/**
 * The value at a path in `istioctl profile dump <profile>`, computed here from the two YAML files
 * (independently of the generator's merge): the profile's own value if it sets the path (null
 * deletes), else default.yaml's. The gateway lists are merged by `name` in 1.7–1.23 (strategic
 * merge) and replaced in the other eras (README.md); null = unset.
 */
function dumpValue(version: string, base: Json, own: Json, at: string[]): Json {
  const get = (doc: Json): { set: boolean; value: Json } => {
    let cur = doc;
    for (const k of at) {
      if (!cur || typeof cur !== 'object' || Array.isArray(cur) || !(k in cur)) return { set: false, value: undefined };
      cur = cur[k];
    }
    return { set: true, value: cur };
  };
  const b = get(base);
  const o = get(own);
  const n = minorNum(version);
  const byName = at.join('.').match(/^spec\.components\.(ingress|egress)Gateways$/) && n >= 7 && n <= 23;
  if (byName && o.set && Array.isArray(o.value) && Array.isArray(b.value)) {
    const out = structuredClone(b.value) as Json[];
    for (const item of o.value) {
      const i = out.findIndex((x) => x?.name === item?.name);
      if (i >= 0) out[i] = mergeMaps(out[i], item); else out.push(item);
    }
    return out;
  }
  if (o.set) return o.value === null ? null : b.set ? mergeMaps(b.value, o.value) : o.value;
  return b.value ?? null;
}

/** Maps merge key by key (null deletes); anything else is replaced. */
function mergeMaps(a: Json, b: Json): Json {
  const isMap = (v: Json) => v && typeof v === 'object' && !Array.isArray(v);
  if (!isMap(a) || !isMap(b)) return b;
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (v === null) delete out[k];
    else out[k] = k in a ? mergeMaps(a[k], v) : v;
  }
  return out;
}

/** A profile's value as x-istio-defaults states it; null = unset. */
function annotatedDefault(annotation: Record<string, Json> | undefined, profile: string): Json {
  if (!annotation) return null;
  if (Object.prototype.hasOwnProperty.call(annotation, profile)) return annotation[profile] ?? null;
  return annotation.default ?? null;
}

describe('x-istio-defaults match the profile data', () => {
  const SPOT_CHECKS = ['spec.components.pilot.enabled', 'spec.components.cni.enabled', 'spec.components.ingressGateways', 'spec.components.egressGateways', 'spec.hub', 'spec.tag', 'spec.meshConfig.accessLogFile'];
  for (const m of minors) {
    describe(`Istio ${m.version}`, () => {
      let cache: { dumps: Map<string, Json>; byProfile: Map<string, Map<string, Json>> } | undefined;
      const data = () => {
        if (!cache) {
          const s = loadSchema(m.version);
          const dumps = profileDumps(istioData, m);
          const byProfile = new Map<string, Map<string, Json>>();
          for (const [p, dump] of dumps) {
            const leaves = new Map<string, Json>();
            leafValues(s, deref(s, s), dump, [], leaves);
            byProfile.set(p, leaves);
          }
          cache = { dumps, byProfile };
        }
        return cache;
      };

      for (const p of SPOT_CHECKS) {
        test(`${m.version} ${p}`, () => {
          const s = loadSchema(m.version);
          const node = resolvePath(s, p);
          assert.ok(node, `${p} exists`);
          const base = readYamlFile(path.join(istioData, m.version, 'profiles', 'default.yaml'));
          for (const profile of m.profiles) {
            const own = profile === 'default' ? base : readYamlFile(path.join(istioData, m.version, 'profiles', `${profile}.yaml`));
            const expected = dumpValue(m.version, base, own, p.split('.'));
            assert.deepEqual(annotatedDefault(node['x-istio-defaults'], profile), expected, `${p} in profile ${profile}`);
          }
        });
      }

      test(`${m.version} every leaf set by a profile has the right x-istio-defaults, and no other leaf has any`, (t) => {
        const s = loadSchema(m.version);
        const { byProfile } = data();
        const setPaths = new Set<string>();
        for (const leaves of byProfile.values()) for (const [p, v] of leaves) if (v !== null) setPaths.add(p);
        const wrong: string[] = [];
        for (const p of setPaths) {
          const ann = resolvePath(s, p)?.['x-istio-defaults'];
          for (const [profile, leaves] of byProfile) {
            const expected = leaves.get(p) ?? null;
            const got = annotatedDefault(ann, profile);
            if (JSON.stringify(sortKeys(got)) !== JSON.stringify(sortKeys(expected))) {
              wrong.push(`${p} [${profile}]: schema says ${JSON.stringify(got)?.slice(0, 120)}, profile has ${JSON.stringify(expected)?.slice(0, 120)}`);
            }
          }
        }
        const annotated: string[] = [];
        annotatedPaths(s, deref(s, s), [], annotated);
        const stray = annotated.filter((p) => !setPaths.has(p) && [...byProfile.keys()].some((pr) => annotatedDefault(resolvePath(s, p)!['x-istio-defaults'], pr) !== null));
        t.diagnostic(`${setPaths.size} leaves set by ${byProfile.size} profiles; ${annotated.length} annotated`);
        assert.ok(setPaths.size > 0, 'the profiles set nothing?');
        assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} wrong defaults`);
        assert.deepEqual(stray.slice(0, 20), [], 'x-istio-defaults on paths no profile sets');
      });
    });
  }
});

const sortKeys = (v: Json): Json => {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
};

describe('x-istio-chart-default matches the Helm charts', () => {
  // Spot checks of values.pilot.* against the istiod chart (istio-control/istio-discovery), read directly.
  // Up to 1.23 the chart keeps them under `pilot:`; from 1.24 at the chart's root, and istioctl
  // flattens `values.pilot` into that root when rendering (FlattenValues in operator/pkg/render).
  const KEYS = ['autoscaleEnabled', 'autoscaleMin', 'traceSampling'];
  const withChart = minors.filter((m) => m.charts.includes('istio-control/istio-discovery/values.yaml'));
  const check = (version: string): string[] => {
    let v = readYamlFile(path.join(istioData, version, 'charts', 'istio-control/istio-discovery/values.yaml'));
    for (const w of ['_internal_defaults_do_not_set', 'defaults']) if (v && typeof v === 'object' && w in v) v = v[w];
    const pilot = minorNum(version) >= 24 ? v : v?.pilot;
    const s = loadSchema(version);
    const wrong: string[] = [];
    let checked = 0;
    for (const key of KEYS) {
      if (pilot?.[key] === undefined) continue;
      checked++;
      const node = resolvePath(s, ['spec', 'values', 'pilot', key]);
      if (!node) wrong.push(`${version} values.pilot.${key} is in the chart but not in the schema`);
      else if (JSON.stringify(node['x-istio-chart-default']) !== JSON.stringify(pilot[key])) {
        wrong.push(`${version} values.pilot.${key}: schema ${JSON.stringify(node['x-istio-chart-default'])}, chart ${JSON.stringify(pilot[key])}`);
      }
    }
    if (!checked) wrong.push(`${version}: the istiod chart sets none of ${KEYS.join(', ')}`);
    return wrong;
  };
  for (const m of withChart.filter((x) => minorNum(x.version) < 24)) {
    test(`${m.version} values.pilot.{${KEYS.join(',')}}`, () => assert.deepEqual(check(m.version), []));
  }
  const flattened = withChart.filter((x) => minorNum(x.version) >= 24).map((x) => x.version);
  if (flattened.length) {
    test(`${flattened[0]}-${flattened[flattened.length - 1]} values.pilot.{${KEYS.join(',')}} (istiod chart flattened)`,
      () => assert.deepEqual(flattened.flatMap(check), []));
  }
});

// ---------------------------------------------------------------------------------------------
// Descriptions: every field with a doc comment in the proto has a description in the schema.

/** The doc text of a proto comment with directives ($hide_from_docs, $title), Go tags and HTML comments removed. */
function commentText(comment: string | null | undefined): string {
  if (!comment) return '';
  return comment.replace(/<!--[\s\S]*?-->/g, '').split('\n')
    .filter((l) => !/^\s*\$[a-z_]+(:.*)?$/.test(l) && !/^\s*\+[a-z0-9:=./-]+/i.test(l))
    .join('\n').trim();
}

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

interface DescriptionReport { fields: number; documented: number; missingProperty: string[]; missingDescription: string[]; wrongDescription: string[] }

function checkDescriptions(protoRoot: protobuf.Root, schema: SchemaNode, start: string, skipKubernetes = false): DescriptionReport {
  const report: DescriptionReport = { fields: 0, documented: 0, missingProperty: [], missingDescription: [], wrongDescription: [] };
  const seen = new Set<string>();
  const lookup = (name: unknown): protobuf.Type | undefined => {
    // Only full names: x-istio-type also holds short names of shapes (Quantity, Struct, Duration).
    if (typeof name !== 'string' || !name.includes('.')) return undefined;
    if (skipKubernetes && name.startsWith('k8s.io.')) return undefined;
    try { const t = protoRoot.lookup(name); return t instanceof protobuf.Type ? t : undefined; } catch { return undefined; }
  };
  const visit = (node: SchemaNode | undefined, at: string): void => {
    if (!node) return;
    node = deref(schema, node);
    const typeName = node['x-istio-type'];
    const key = typeof typeName === 'string' ? typeName : at;
    if (seen.has(key)) return;
    seen.add(key);
    const props = (node.properties ?? {}) as Record<string, SchemaNode>;
    const type = lookup(typeName);
    if (type) {
      for (const f of type.fieldsArray) {
        report.fields++;
        const candidates = [f.options?.json_name as string | undefined, (f as { jsonName?: string }).jsonName, camel(f.name), f.name];
        let name = candidates.find((c) => c && props[c]);
        if (!name) { report.missingProperty.push(`${at}.${f.name} (${type.fullName})`); continue; }
        if (props[name]['x-istio-alias-of']) name = props[name]['x-istio-alias-of'] as string;
        const prop = props[name];
        const text = commentText(f.comment);
        if (text) {
          report.documented++;
          const first = text.split('\n').map((l) => l.trim()).find(Boolean)!;
          if (!prop.description) report.missingDescription.push(`${at}.${name}`);
          else if (!String(prop.description).includes(first)) report.wrongDescription.push(`${at}.${name}: "${first}" not in "${String(prop.description).slice(0, 80)}"`);
        }
        visitValue(prop, `${at}.${name}`);
      }
    } else {
      for (const [k, child] of Object.entries(props)) if (!child['x-istio-alias-of']) visitValue(child, `${at}.${k}`);
    }
  };
  const visitValue = (prop: SchemaNode, at: string) => {
    const n = deref(schema, prop);
    if (n.properties) visit(n, at);
    if (n.items && typeof n.items === 'object') visit(n.items, `${at}[]`);
    if (n.additionalProperties && typeof n.additionalProperties === 'object') visit(n.additionalProperties, `${at}.*`);
  };
  visit(resolvePath(schema, start), start);
  return report;
}

describe('descriptions come from the proto comments', () => {
  for (const v of availableMinors(['1.5', '1.12', '1.20', '1.30'])) {
    test(`${v}: every proto field with a comment has a description (spec, values, meshConfig, k8s types)`, async (t) => {
      const m = minorInfo(v);
      const root = await loadProtos(path.join(istioData, v, 'proto'), m.protoRoots);
      // From 1.24 the Kubernetes types come from the OpenAPI definitions (kubernetesTypes.test.ts checks those).
      const report = checkDescriptions(root, loadSchema(v), 'spec', minorNum(v) >= 24);
      t.diagnostic(`${report.fields} proto fields checked, ${report.documented} with a comment`);
      assert.ok(report.documented > 200, `only ${report.documented} documented fields found`);
      assert.deepEqual(report.missingProperty.slice(0, 20), [], `${report.missingProperty.length} proto fields have no property`);
      assert.deepEqual(report.missingDescription.slice(0, 20), [], `${report.missingDescription.length} documented fields have no description`);
      assert.deepEqual(report.wrongDescription.slice(0, 20), [], `${report.wrongDescription.length} descriptions do not contain the comment`);
    });
  }

  test('spot checks', () => {
    for (const v of availableMinors(['1.5', '1.20', '1.30'])) {
      const s = loadSchema(v);
      assert.match(resolvePath(s, 'spec.meshConfig.accessLogFile')?.description ?? '', /File address for the proxy access log/, v);
      assert.match(resolvePath(s, 'spec.components.pilot.enabled')?.description ?? '', /Selects whether this component is installed/, v);
      assert.match(resolvePath(s, 'spec.meshConfig.defaultConfig.concurrency')?.description ?? '', /worker threads/i, v);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Determinism.

/**
 * schemas/ files other generators write (scripts/overlays/, checked in test/engine/overlays.test.ts;
 * scripts/schema/import/k8sRendered.ts, from the istio/istio mirror, checked in test/schemas/k8sRendered.test.ts).
 */
// Written only by the import from git (npm run schemas -- --istio-repo …), checked by its tests.
const OTHER_GENERATORS = new Set(['rendered-resources.json', 'overlay-kubernetes.json', 'k8s-rendered-fields.json', 'deprecations.json']);

/** The files of schemas/ that git tracks ([] when schemas/ is not committed, or this is not a git checkout). */
function committedSchemaFiles(): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '--', 'schemas'], { cwd: repoRoot, encoding: 'utf8' });
    return out.split('\n').filter(Boolean).map((f) => path.basename(f)).filter((f) => !OTHER_GENERATORS.has(f)).sort();
  } catch {
    return [];
  }
}

describe('the generator is deterministic', () => {
  test('two runs give byte-identical files, identical to the committed schemas/', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-schemas-'));
    try {
      const outs = [path.join(tmp, 'a'), path.join(tmp, 'b')];
      const env = { ...process.env, ISTIO_DATA: istioData };
      // Both runs at once (about 8 s each); the generator is a separate process, as `npm run schemas` is.
      await Promise.all(outs.map((out) => run(process.execPath, ['--import', 'tsx', 'scripts/schema/generate.ts', '--out', out], { cwd: repoRoot, env })));
      const [a, b] = outs.map((d) => fs.readdirSync(d).sort());
      assert.deepEqual(a, b, 'the two runs wrote different file sets');
      // Per minor a schema and a profiles file, then index.json, chart-profiles.json and kubernetes-vendored.json.
      assert.ok(['index.json', 'chart-profiles.json', 'kubernetes-vendored.json'].every((f) => a.includes(f)) && a.length === 2 * minors.length + 3, `unexpected files: ${a.join(', ')}`);
      for (const m of minors) assert.ok(a.includes(`istio-${m.version}.json`) && a.includes(`profiles-${m.version}.json`), `a schema and a profiles file for ${m.version}`);
      for (const f of a) {
        assert.ok(fs.readFileSync(path.join(outs[0], f)).equals(fs.readFileSync(path.join(outs[1], f))), `${f} differs between two runs`);
      }
      const committed = committedSchemaFiles();
      if (!committed.length) return; // schemas/ not committed yet: only the two runs are compared
      assert.deepEqual(committed, a, 'the committed schemas/ files are not the set the generator writes');
      for (const f of a) {
        const generated = fs.readFileSync(path.join(outs[0], f));
        const onDisk = fs.readFileSync(path.join(repoRoot, 'schemas', f));
        assert.ok(generated.equals(onDisk), `schemas/${f} is not what the generator writes now (run npm run schemas)${firstDifference(generated, onDisk)}`);
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

function firstDifference(a: Buffer, b: Buffer): string {
  const la = a.toString('utf8').split('\n');
  const lb = b.toString('utf8').split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `; first difference at line ${i + 1}:\n  generated: ${la[i]?.slice(0, 160)}\n  committed: ${lb[i]?.slice(0, 160)}`;
  }
  return '';
}
