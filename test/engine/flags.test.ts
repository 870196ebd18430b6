// --set flags ↔ YAML per istioctl era: how each release reads a flag (checked against what its
// source does, cited per test), which values no flag can write, pasted command lines, merging
// flags into a file as text edits, and the round trip YAML → flags → YAML over every bundled
// example, every Istio profile and profile-dump input of all 26 minors, and the test fixtures.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import YAML from 'yaml';
import { Engine } from '../../server/src/engine/engine.ts';
import { prng } from './helpers.ts';
import { commandLineFlags, shellQuote, shellWords } from '../../server/src/engine/flags/commandLine.ts';
import { documentData } from '../../server/src/engine/flags/documentData.ts';
import { applySetFlags } from '../../server/src/engine/flags/flagTree.ts';
import { flagsToOperator } from '../../server/src/engine/flags/fromFlags.ts';
import { at, type Json } from '../../server/src/engine/flags/jsonTree.ts';
import { mergeFlagsIntoDocument } from '../../server/src/engine/flags/mergeFlags.ts';
import { splitSetPath } from '../../server/src/engine/flags/setPath.ts';
import { documentToFlags, type ToFlagsResult } from '../../server/src/engine/flags/toFlags.ts';
import { goParseValue, readFlag, setFlagEra } from '../../server/src/engine/flags/valueTyping.ts';

const engine = new Engine();
const ISTIO = process.env.ISTIO_DATA ?? path.resolve(import.meta.dirname, '../../../shared/istio');
const ROOT = path.resolve(import.meta.dirname, '../..');
const MINORS = engine.store.minors;

const iop = (spec: string, extra = '') => `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\n${extra}spec:\n${spec}`;
const toFlags = (text: string, version: string, atPath?: Array<string | number>): ToFlagsResult => documentToFlags(engine.parse(text).documents[0].doc, version, { at: atPath });
const args = (r: ToFlagsResult) => r.flags.map((f) => f.arg);
const reasons = (r: ToFlagsResult) => Object.fromEntries(r.problems.map((p) => [p.path, p.reason]));
const value = (flag: string, version: string) => { const r = readFlag(setFlagEra(version), flag); return 'message' in r ? r.message : r.value; };
const built = (flags: string[], version: string, file?: Json) => applySetFlags(setFlagEra(version), file, flags);

describe('a flag as each release reads it', () => {
  test('ParseValue: int, then float, then bool, else a string with \\, unescaped (util/util.go@1.20.8:90-102, values/map.go@1.24.6:436-448)', () => {
    const cases: Array<[string, Json]> = [
      ['10', 10], ['+5', 5], ['007', 7], ['1.20', 1.2], ['1e3', 1000], ['1_0.5', 10.5], ['0x1p4', 16], ['.5', 0.5],
      ['t', true], ['F', false], ['TRUE', true], ['inf', Infinity],
      ['0x10', '0x10'], ['1e400', '1e400'], ['yes', 'yes'], ['1_000x', '1_000x'], ['a\\,b', 'a,b'], ['', ''],
    ];
    for (const [raw, want] of cases) assert.deepEqual(goParseValue(raw), want, raw);
  });

  test('tag and values.global.tag: a number up to 1.23, a string from 1.24 (map.go@1.24.6:417-424 alwaysString)', () => {
    for (const minor of MINORS) {
      const n = Number(minor.split('.')[1]);
      for (const flag of ['tag=1.20', 'values.global.tag=1.20']) assert.deepEqual(value(flag, minor), n >= 24 ? '1.20' : 1.2, `${flag} @${minor}`);
      assert.deepEqual(value('hub=10', minor), 10, `hub is typed in every release @${minor}`);
    }
    assert.equal(value('compatibilityVersion=1.22', '1.24'), '1.22');
    assert.equal(value('values.compatibilityVersion=1.22', '1.30'), '1.22');
    assert.equal(value('meshConfig.defaultConfig.proxyMetadata.X=true', '1.24'), 'true');
    assert.equal(value('meshConfig.defaultConfig.proxyMetadata.X=true', '1.23'), true, 'typed by the flag; convertIOPMapValues stringifies it later');
    assert.equal(value('tag=a\\,b', '1.24'), 'a\\,b', 'alwaysString values skip parseValue, so \\, stays');
  });

  test('spec.: stripped once in 1.6–1.23 (shared.go@1.20.8:509-510), spec.spec in 1.5 (AddSpecRoot) and 1.24+ (SetSpecPaths)', () => {
    const elements = (flag: string, v: string) => { const r = readFlag(setFlagEra(v), flag); return 'message' in r ? r.message : r.elements; };
    assert.deepEqual(elements('spec.profile=demo', '1.20'), ['spec', 'profile']);
    assert.deepEqual(elements('spec.profile=demo', '1.5'), ['spec', 'spec', 'profile']);
    assert.deepEqual(elements('spec.profile=demo', '1.24'), ['spec', 'spec', 'profile']);
    assert.match(built(['spec.profile=demo'], '1.26').errors[0].message, /spec\.spec/);
    assert.deepEqual(built(['spec.profile=demo'], '1.12').root, { spec: { profile: 'demo' } });
  });

  test('a flag with a second `=`: rejected up to 1.23 (validateSetFlags, shared.go@1.20.8:357-365); the whole flag as the path in 1.24+ (getPV, map.go@1.24.6:512-519)', () => {
    assert.match(String(value('a=b=c', '1.20')), /exactly one `=`/);
    assert.match(String(value('a=b=c', '1.5')), /exactly one `=`/);
    const c = readFlag(setFlagEra('1.24'), 'a=b=c');
    assert.ok(!('message' in c) && c.elements.at(-1) === 'a=b=c' && c.value === '');
    assert.match(built(['values.a=b=c'], '1.24').errors[0].message, /whole flag as the path/);
  });

  test('TrimSpace on path and value from 1.6 (getPV, profile-common.go@1.6.14:382-389); 1.5 keeps the spaces (manifest-common.go@1.5.10:70-74)', () => {
    assert.equal(value('hub= x ', '1.20'), 'x');
    assert.equal(value('hub= x ', '1.5'), ' x ');
  });

  test('the path grammar: \\. is a literal dot, a[0] is a.[0], empty elements drop, filepath.Clean runs first (util/path.go@1.20.8:48-68)', () => {
    assert.deepEqual(splitSetPath('a.b\\.c[0].d'), ['a', 'b.c', '[0]', 'd']);
    assert.deepEqual(splitSetPath('a.[0].d'), splitSetPath('a[0].d'));
    assert.deepEqual(splitSetPath('.a..b.'), ['a', 'b']);
    assert.deepEqual(splitSetPath('x.http://h/y'), ['x', 'http:/h/y']);
  });
});

describe('YAML → flags', () => {
  test('one flag per leaf in document order, paths below spec, lists as [N], dots in keys as \\.', () => {
    const r = toFlags(iop('  profile: demo\n  values:\n    sidecarInjectorWebhook:\n      injectedAnnotations:\n        container.apparmor.security.beta.kubernetes.io/istio-proxy: runtime/default\n  components:\n    ingressGateways:\n      - name: a\n        enabled: true\n      - name: b\n'), '1.20');
    assert.deepEqual(args(r), ['profile=demo', 'values.sidecarInjectorWebhook.injectedAnnotations.container\\.apparmor\\.security\\.beta\\.kubernetes\\.io/istio-proxy=runtime/default', 'components.ingressGateways[0].name=a', 'components.ingressGateways[0].enabled=true', 'components.ingressGateways[1].name=b']);
    assert.deepEqual(r.problems, []);
  });

  test('tag: "1.20" cannot be a flag up to 1.23 (it reads as 1.2) and is `tag=1.20` from 1.24; the number 1.2 is the reverse', () => {
    const quoted = iop('  tag: "1.20"\n');
    assert.match(reasons(toFlags(quoted, '1.23')).tag, /reads `1\.20` as the number 1\.2, but the file has the string "1\.20"/);
    assert.deepEqual(args(toFlags(quoted, '1.24')), ['tag=1.20']);
    const number = iop('  tag: 1.2\n');
    assert.deepEqual(args(toFlags(number, '1.23')), ['tag=1.2']);
    assert.match(reasons(toFlags(number, '1.24')).tag, /keeps as a string here/);
  });

  test('strings istioctl reads as booleans or numbers are reported, in every release: "true", "t", "2", "1_000"', () => {
    for (const minor of MINORS) {
      const r = toFlags(iop('  values:\n    a: "true"\n    b: t\n    c: "2"\n    d: "1_000"\n    e: true\n    f: 2\n'), minor);
      assert.deepEqual(Object.keys(reasons(r)), ['values.a', 'values.b', 'values.c', 'values.d'], minor);
      assert.deepEqual(args(r), ['values.e=true', 'values.f=2'], minor);
    }
  });

  test('empty maps and lists, null, multi-line strings and `=` in a value cannot be flags', () => {
    const r = toFlags(iop('  values:\n    m: {}\n    l: []\n    nil: null\n    s: |\n      two\n      lines\n    e: a=b\n    ok: x\n'), '1.26');
    const why = reasons(r);
    assert.match(why['values.m'], /empty map/);
    assert.match(why['values.l'], /empty list/);
    assert.match(why['values.nil'], /null/);
    assert.match(why['values.s'], /multi-line/);
    assert.match(why['values.e'], /holds `=`/);
    assert.deepEqual(args(r), ['values.ok=x']);
  });

  test('commas: --set is a StringArray (install.go@1.20.8:96), so `a,b` stays one value; a literal \\, is written \\\\,', () => {
    const r = toFlags(iop('  values:\n    a: "x,y"\n    b: "x\\\\,y"\n'), '1.20');
    assert.deepEqual(args(r), ['values.a=x,y', 'values.b=x\\\\,y']);
    assert.equal(value(args(r)[1], '1.20'), 'x\\,y');
  });

  test('leading spaces survive only in 1.5 (no TrimSpace there)', () => {
    const text = iop('  hub: " x"\n');
    assert.deepEqual(args(toFlags(text, '1.5')), ['hub= x']);
    assert.match(reasons(toFlags(text, '1.10')).hub, /reads ` x` as the string "x"/);
  });

  test('1.6–1.23 read a value with `: ` as a YAML map (tryToUnmarshalStringToYAML, tree.go@1.20.8:543-566); 1.7+ keep JSON objects as strings', () => {
    const text = iop('  values:\n    a: "k: v"\n    j: \'{"k": "v"}\'\n');
    assert.deepEqual(Object.keys(reasons(toFlags(text, '1.20'))), ['values.a']);
    assert.deepEqual(Object.keys(reasons(toFlags(text, '1.6'))), ['values.a', 'values.j']);
    assert.deepEqual(args(toFlags(text, '1.24')), ['values.a=k: v', 'values.j={"k": "v"}']);
  });

  test('proxyMetadata: strings up to 1.17 read as numbers; 1.18–1.23 stringify them after the merge (shared.go@1.20.8:528-591, fmt.Sprint of a float64); 1.24+ keep them', () => {
    const text = iop('  meshConfig:\n    defaultConfig:\n      proxyMetadata:\n        A: "1"\n        B: "1000000"\n        C: "true"\n');
    assert.deepEqual(Object.keys(reasons(toFlags(text, '1.17'))), ['meshConfig.defaultConfig.proxyMetadata.A', 'meshConfig.defaultConfig.proxyMetadata.B', 'meshConfig.defaultConfig.proxyMetadata.C']);
    const b = toFlags(text, '1.20');
    assert.deepEqual(args(b), ['meshConfig.defaultConfig.proxyMetadata.A=1', 'meshConfig.defaultConfig.proxyMetadata.C=true']);
    assert.match(reasons(b)['meshConfig.defaultConfig.proxyMetadata.B'], /the string "1e\+06"/);
    assert.equal(toFlags(text, '1.24').problems.length, 0);
    assert.deepEqual(built(['meshConfig.defaultConfig.proxyMetadata.B=1000000'], '1.20').root, { spec: { meshConfig: { defaultConfig: { proxyMetadata: { B: '1e+06' } } } } });
  });

  test('keys with `[` or `=`, or empty, cannot be named; an entry no flag writes shifts the entries after it, so they are reported too', () => {
    const r = toFlags(iop('  values:\n    "a[b]": 1\n    "": 2\n    l:\n      - x\n      - {}\n      - y\n'), '1.26');
    const why = reasons(r);
    assert.match(why['values.a[b]'], /holds `\[`/);
    assert.match(why['values.'], /empty key/);
    assert.match(why['values.l[1]'], /empty map/);
    assert.match(why['values.l[2]'], /would put this one at \[1\]/);
    assert.deepEqual(args(r), ['values.l[0]=x']);
  });

  test('metadata and other keys outside spec are reported; apiVersion and kind are not', () => {
    const r = toFlags(iop('  profile: demo\n', 'metadata:\n  name: prod\n  namespace: istio-system\n'), '1.20');
    assert.deepEqual(args(r), ['profile=demo']);
    assert.deepEqual(r.problems.map((p) => p.path), ['metadata.name', 'metadata.namespace']);
    assert.match(r.problems[0].reason, /under spec/);
  });

  test('a subtree: only its flags, full paths; inside a list entry, a note on placement', () => {
    const text = iop('  components:\n    pilot:\n      enabled: true\n    ingressGateways:\n      - name: a\n      - name: b\n        enabled: false\n');
    assert.deepEqual(args(toFlags(text, '1.20', ['spec', 'components', 'pilot'])), ['components.pilot.enabled=true']);
    const entry = toFlags(text, '1.24', ['spec', 'components', 'ingressGateways', 1]);
    assert.deepEqual(args(entry), ['components.ingressGateways[1].name=b', 'components.ingressGateways[1].enabled=false']);
    assert.equal(entry.problems.length, 0, 'over the file\'s first entry, [1] is the second entry');
    assert.match(entry.notes[0], /by position/);
    assert.match(reasons(toFlags(text, '1.20', ['spec', 'nope'])).nope, /nothing is set/);
    assert.match(reasons(toFlags(text, '1.5', ['spec', 'components', 'ingressGateways', 1]))['components.ingressGateways[1].name'], /puts its lists in place of the file's/);
  });
});

describe('flags into a tree, per era', () => {
  test('[N] past the end appends; -1 appends from 1.7 and crashes 1.5–1.6 (tree.go@1.6.14 vs 1.7.8 getPathContext)', () => {
    assert.deepEqual(built(['values.l[5]=a', 'values.l[-1]=b'], '1.7').root, { spec: { values: { l: ['a', 'b'] } } });
    assert.match(built(['values.l[-1]=b'], '1.6').errors[0].message, /crashes/);
    assert.deepEqual(built(['values.l[5]=a', 'values.l[-3]=b'], '1.24').root, { spec: { values: { l: ['a', 'b'] } } });
  });

  test('[key:value] selects a file\'s entry: by fmt.Sprint in tpath (tree.go@1.20.8:505-507), by Go == on strings in 1.24+ (map.go@1.24.6:308-330)', () => {
    const file: Json = { spec: { values: { gateways: { ports: [{ name: 'http', port: 80 }] } } } };
    const flag = 'values.gateways.ports[port:80].targetPort=8080';
    assert.deepEqual(at(built([flag], '1.20', file).root, ['spec', 'values', 'gateways', 'ports', 0, 'targetPort']), 8080);
    assert.match(built([flag], '1.24', file).errors[0].message, /not found/);
    assert.equal(at(built(['values.gateways.ports[name:http].port=81'], '1.24', file).root, ['spec', 'values', 'gateways', 'ports', 0, 'port']), 81);
  });

  test('1.5 merges the flags\' tree over the file, so a list set by flags replaces the file\'s (profile-common.go@1.5.10:136-215)', () => {
    const file: Json = { spec: { values: { l: ['x', 'y'], k: 1 } } };
    assert.deepEqual(built(['values.l[0]=z'], '1.5', file).root, { spec: { values: { l: ['z'], k: 1 } } });
    assert.deepEqual(built(['values.l[0]=z'], '1.20', file).root, { spec: { values: { l: ['z', 'y'], k: 1 } } });
  });

  test('a scalar set on a list appends to it in tpath (setValueContext) and replaces it in 1.24+', () => {
    const file: Json = { spec: { values: { l: ['x'] } } };
    assert.deepEqual(at(built(['values.l=y'], '1.20', file).root, ['spec', 'values', 'l']), ['x', 'y']);
    assert.deepEqual(at(built(['values.l=y'], '1.24', file).root, ['spec', 'values', 'l']), 'y');
  });

  test('a null on the path: created by tpath (tree.go@1.20.8:153-162), a lost write in 1.24+ (MustCastAsMap, map.go@1.24.6:101-110)', () => {
    const file: Json = { spec: { values: null } };
    assert.deepEqual(built(['values.a=1'], '1.20', file).root, { spec: { values: { a: 1 } } });
    assert.match(built(['values.a=1'], '1.24', file).errors[0].message, /drops this flag/);
    assert.deepEqual(built(['values.a.b=1'], '1.5', { spec: { values: { a: null } } }).root, { spec: { values: { a: { b: 1 } } } }, '1.5 builds the flags\' tree alone, then merges it over the file');
  });

  test('a flag istioctl cannot write leaves nothing behind', () => {
    const r = built(['components.egressGateways[name:x].enabled=true', 'profile=demo'], '1.20');
    assert.deepEqual(r.root, { spec: { profile: 'demo' } });
    assert.match(r.errors[0].message, /there is none/);
  });
});

describe('command lines', () => {
  test('shell words: quotes, $\'…\', escapes, continuations, comments', () => {
    assert.deepEqual(shellWords(`istioctl install \\\n  --set 'a=b c' -s "x=\\"y\\"" # comment\n --set=$'n=1\\t2' z\\ w`).words,
      ['istioctl', 'install', '--set', 'a=b c', '-s', 'x="y"', '--set=n=1\t2', 'z w']);
    assert.deepEqual(shellWords("--set 'open").problems.length, 1);
  });

  test('--set a=b, --set=a=b, -s a=b, -s=a=b, -sa=b; -f files and aliases named; bare path=value lines when there is no --set', () => {
    const r = commandLineFlags('istioctl install --set a=1 --set=b=2 -s c=3 -s=d=4 -se=5 -f x.yaml --filename=y.yaml -r canary -y');
    assert.deepEqual(r.flags, ['a=1', 'b=2', 'c=3', 'd=4', 'e=5']);
    assert.deepEqual(r.files, ['x.yaml', 'y.yaml']);
    assert.deepEqual(r.aliases, ['-r canary']);
    const bare = commandLineFlags('profile=demo\nvalues.global.hub=h\nKUBECONFIG=/k');
    assert.deepEqual([bare.flags, bare.bare], [['profile=demo', 'values.global.hub=h'], true]);
  });

  test('shellQuote: quoted when a shell would change the word, and the words read back', () => {
    const words = ['a.b=c', 'a[0].b=c', 'a\\.b=c', "x=it's", 'x=a b', 'x=$HOME'];
    assert.deepEqual(shellWords(words.map(shellQuote).join(' ')).words, words);
    assert.equal(shellQuote('a.b=c'), 'a.b=c');
  });

  test('flags → IstioOperator YAML, strings quoted where either YAML reader would take them for numbers', () => {
    const r = flagsToOperator('--set profile=demo --set tag=1.20 --set values.a=0o17 --set values.b=y', '1.24');
    assert.deepEqual(r.errors, []);
    assert.match(r.yaml, /^apiVersion: install\.istio\.io\/v1alpha1\nkind: IstioOperator\nspec:\n  profile: demo\n  tag: "1\.20"\n/);
    assert.match(r.yaml, /a: "0o17"\n {4}b: "y"/);
    assert.deepEqual(YAML.parse(r.yaml, { version: '1.1' }).spec, { profile: 'demo', tag: '1.20', values: { a: '0o17', b: 'y' } });
  });
});

describe('flags merged into a file as text edits', () => {
  const apply = (text: string, edits: ReturnType<typeof mergeFlagsIntoDocument>['edits']) => {
    const file = engine.parse(text);
    let out = text;
    for (const e of [...edits].reverse()) out = out.slice(0, file.lines.offset(e.range.start)) + e.newText + out.slice(file.lines.offset(e.range.end));
    return out;
  };
  const merge = (text: string, line: string, version = '1.24') => {
    const file = engine.parse(text);
    const r = mergeFlagsIntoDocument(file, file.documents[0], version, line);
    return { ...r, text: apply(text, r.edits) };
  };
  const FILE = iop('  # the hub\n  hub: docker.io/istio  # ours\n  tag: \'1.24.1\'\n  components:\n    ingressGateways:\n      - name: a   # first\n        enabled: true\n  values:\n    global:\n      logAsJson: true\n');

  test('changed values in place (quotes kept), new keys and entries added; every other line byte for byte', () => {
    const r = merge(FILE, 'istioctl install --set tag=1.24.2 --set components.ingressGateways[1].name=b --set values.global.proxy.privileged=true --set components.ingressGateways[name:a].k8s.service.type=NodePort');
    assert.deepEqual(r.errors, []);
    assert.match(r.text, /^ {2}tag: '1\.24\.2'$/m);
    const kept = FILE.split('\n').filter((l) => !l.includes('tag:'));
    const lines = r.text.split('\n');
    let i = 0;
    for (const l of lines) if (l === kept[i]) i++;
    assert.equal(i, kept.length, 'the untouched lines are all there, in order');
    assert.deepEqual(documentData(engine.parse(r.text).documents[0].doc), built(['tag=1.24.2', 'components.ingressGateways[1].name=b', 'values.global.proxy.privileged=true', 'components.ingressGateways[name:a].k8s.service.type=NodePort'], '1.24', documentData(engine.parse(FILE).documents[0].doc)).root);
    assert.match(r.text, /- name: b\n/);
  });

  test('a null or {} value becomes a block; a comment after it stays', () => {
    const r = merge(iop('  values: # later\n  meshConfig: {}\n'), '--set values.a.b=1 --set meshConfig.x=v', '1.20');
    assert.equal(r.text, iop('  values: # later\n    a:\n      b: 1\n  meshConfig:\n    x: v\n'));
  });

  test('1.5 replaces the list the flags set; later releases set the entry', () => {
    const text = iop('  values:\n    l:\n      - x\n      - y\n');
    assert.equal(merge(text, '--set values.l[0]=z', '1.5').text, iop('  values:\n    l:\n      - z\n'));
    assert.equal(merge(text, '--set values.l[0]=z', '1.20').text, iop('  values:\n    l:\n      - z\n      - y\n'));
  });

  test('flags istioctl would reject are reported and the rest merged; an alias on the path is not edited; CRLF kept', () => {
    const r = merge(FILE, '--set a=b=c --set profile=demo', '1.20');
    assert.match(r.errors[0].message, /exactly one `=`/);
    assert.match(r.text, /^ {2}profile: demo$/m);
    const aliased = merge(iop('  values: &v\n    a: 1\n  meshConfig: *v\n'), '--set meshConfig.a=2');
    assert.equal(aliased.edits.length, 0);
    assert.match(aliased.errors[0].message, /alias/);
    const crlf = merge(iop('  hub: h\n').replaceAll('\n', '\r\n'), '--set values.x=1');
    assert.equal(crlf.text, iop('  hub: h\n  values:\n    x: 1\n').replaceAll('\n', '\r\n'));
  });
});

/** Every IstioOperator the repo and the Istio data bundle, with the release each is read at. */
function corpus(): Array<{ name: string; text: string; release?: string }> {
  const out: Array<{ name: string; text: string; release?: string }> = [];
  for (const minor of MINORS) {
    for (const dir of ['profiles', 'profile-dump/input']) {
      const d = path.join(ISTIO, minor, dir);
      if (fs.existsSync(d)) for (const f of fs.readdirSync(d).sort()) out.push({ name: `${minor}/${dir}/${f}`, text: fs.readFileSync(path.join(d, f), 'utf8'), release: minor });
    }
  }
  for (const d of fs.readdirSync(path.join(ROOT, 'examples')).sort()) {
    const f = path.join(ROOT, 'examples', d, 'custom-operator.yml');
    if (fs.existsSync(f)) out.push({ name: `examples/${d}`, text: fs.readFileSync(f, 'utf8') });
  }
  const walk = (dir: string) => {
    for (const f of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, f);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(f)) out.push({ name: path.relative(ROOT, p), text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(path.join(ROOT, 'test', 'fixtures'));
  return out;
}

/** Leaf paths of a tree (an empty map or list counts as a leaf). */
function leaves(v: Json, base: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(v) && v.length) return v.flatMap((x, i) => leaves(x, [...base, i]));
  if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length) return Object.entries(v).flatMap(([k, x]) => leaves(x, [...base, k]));
  return [base];
}

const CORPUS = corpus();
const RESULTS = CORPUS.flatMap((c) => {
  const file = engine.parse(c.text);
  return file.documents.filter((d) => d.isIstioOperator).map((doc) => {
    const version = engine.versionOf(file, doc, c.release ? { release: c.release } : {}).version;
    const r = documentToFlags(doc.doc, version);
    const back = flagsToOperator(r.flags.map((f) => `--set ${shellQuote(f.arg)}`).join(' \\\n  '), version);
    return { ...c, version, data: documentData(doc.doc), r, back };
  });
});
const WHOLE = RESULTS.filter((x) => !x.r.problems.some((p) => p.at[0] === 'spec'));

describe('round trip YAML → flags → YAML', () => {
  test(`${WHOLE.length} of ${RESULTS.length} IstioOperators (${CORPUS.length} files: examples, the profiles and profile-dump inputs of ${MINORS.length} minors, test fixtures) give back the same spec`, (t) => {
    assert.equal(new Set(RESULTS.map((x) => x.release ?? 'file')).size, MINORS.length + 1, 'every minor is in the corpus');
    for (const x of WHOLE) {
      assert.deepEqual(x.back.errors, [], x.name);
      assert.deepEqual(x.back.operator.spec, at(x.data, ['spec']) ?? {}, `${x.name} @${x.version}`);
    }
    t.diagnostic(`round-tripped: ${WHOLE.length} of ${RESULTS.length} documents; with metadata too: ${WHOLE.filter((x) => !x.r.problems.length).length}`);
    assert.ok(WHOLE.length > RESULTS.length / 2);
  });

  test('where some values cannot be flags, the flags give back every other value, and nothing the file does not set', () => {
    for (const x of RESULTS) {
      const spec = (at(x.data, ['spec']) ?? {}) as Json;
      const reported = x.r.problems.map((p) => p.at.slice(1));
      const back = x.back.operator.spec;
      for (const leaf of leaves(back)) {
        if (!leaf.length) continue;
        assert.deepEqual(at(back, leaf), at(spec, leaf), `${x.name}: ${leaf.join('.')}`);
      }
      for (const leaf of leaves(spec)) {
        if (!leaf.length) continue;
        const covered = reported.some((p) => p.every((s, i) => leaf[i] === s)) || at(back, leaf) !== undefined;
        assert.ok(covered, `${x.name}: ${leaf.join('.')} is neither written nor reported`);
      }
    }
  });
});

describe('robustness', () => {
  const PIECES = ['a', 'values', 'spec.', '.', '\\.', '[0]', '[-1]', '[70000]', '[name:x]', '[x]', '=', '==', ' ', "'", '"', '\\', ':', ': ', '1.20', 'true', '{}', '__proto__', '\n', '#', '-s', '--set', '$\'', '0x1p3'];
  test('random command lines and documents: no release throws; every edit leaves YAML that reads back as istioctl would merge', () => {
    const rand = prng(7);
    const pick = () => PIECES[Math.floor(rand() * PIECES.length)];
    const base = engine.parse(iop('  values:\n    a: [x, {name: x, b: 1}]\n    c: null\n  components: {}\n'));
    for (let i = 0; i < 300; i++) {
      const line = Array.from({ length: 1 + Math.floor(rand() * 12) }, pick).join(rand() < 0.5 ? '' : ' ');
      for (const v of ['1.5', '1.6', '1.20', '1.24']) {
        const from = flagsToOperator(`--set ${line}`, v);
        assert.doesNotThrow(() => YAML.parse(from.yaml), line);
        const merged = mergeFlagsIntoDocument(base, base.documents[0], v, `--set ${line}`);
        for (const e of merged.edits) assert.equal(typeof e.newText, 'string');
        const doc = engine.parse(iop(`  values:\n    ${JSON.stringify(line)}: ${JSON.stringify(line)}\n`)).documents[0];
        const r = documentToFlags(doc.doc, v);
        for (const f of r.flags) assert.equal(at(built([f.arg], v).root, f.at), line, f.arg);
      }
    }
  });

  test('merging a document\'s own flags into an empty spec rebuilds it, for every round-tripped document', () => {
    let count = 0;
    for (const x of WHOLE) {
      const blank = engine.parse('apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec: {}\n');
      const r = mergeFlagsIntoDocument(blank, blank.documents[0], x.version, x.r.flags.map((f) => `--set ${shellQuote(f.arg)}`).join('\n'));
      assert.deepEqual(r.errors, [], x.name);
      let text = blank.text;
      for (const e of [...r.edits].reverse()) text = text.slice(0, blank.lines.offset(e.range.start)) + e.newText + text.slice(blank.lines.offset(e.range.end));
      assert.deepEqual(at(documentData(engine.parse(text).documents[0].doc), ['spec']), at(x.data, ['spec']) ?? {}, x.name);
      count++;
    }
    assert.equal(count, WHOLE.length);
  });
});
