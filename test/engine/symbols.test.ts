// Document symbols (the outline) and folding ranges for IstioOperator documents.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { Engine } from '../../server/src/engine/engine.ts';
import { largeOperator, prng } from './helpers.ts';

const engine = new Engine();

const OPERATOR = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: demo
spec:
  components:
    ingressGateways:
      - name: istio-ingressgateway
        enabled: true
      - enabled: false
  values:
    global: { hub: docker.io/istio }
  meshConfig:
    defaultConfig:
      proxyMetadata: {}
`;

const find = (list: DocumentSymbol[] | undefined, ...names: string[]): DocumentSymbol => {
  let s: DocumentSymbol | undefined;
  let level = list;
  for (const n of names) {
    s = level?.find((x) => x.name === n);
    assert.ok(s, `no symbol ${names.join(' > ')} (stopped at ${n}; have ${level?.map((x) => x.name).join(', ')})`);
    level = s.children;
  }
  return s!;
};
const contains = (outer: Range, inner: Range) =>
  (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
  (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));

describe('document symbols', () => {
  const symbols = engine.symbols(engine.parse(OPERATOR));

  test('the root keys, and the keys below them', () => {
    assert.deepEqual(symbols.map((s) => s.name), ['apiVersion', 'kind', 'metadata', 'spec']);
    assert.deepEqual(find(symbols, 'spec').children!.map((s) => s.name), ['components', 'values', 'meshConfig']);
    assert.equal(find(symbols, 'spec', 'values', 'global', 'hub').detail, 'docker.io/istio');
  });

  test('kinds follow the values: maps, lists, strings, booleans', () => {
    assert.equal(find(symbols, 'spec').kind, SymbolKind.Object);
    assert.equal(find(symbols, 'spec', 'components', 'ingressGateways').kind, SymbolKind.Array);
    assert.equal(find(symbols, 'kind').kind, SymbolKind.String);
    assert.equal(find(symbols, 'spec', 'components', 'ingressGateways', 'istio-ingressgateway', 'enabled').kind, SymbolKind.Boolean);
  });

  test('list items are named by their `name` field, else by their index', () => {
    const gateways = find(symbols, 'spec', 'components', 'ingressGateways').children!;
    assert.deepEqual(gateways.map((g) => g.name), ['istio-ingressgateway', '[1]']);
    assert.equal(gateways[0].detail, '[0]');
    assert.deepEqual(gateways[0].selectionRange, { start: { line: 7, character: 14 }, end: { line: 7, character: 34 } }, 'the name is selected');
    assert.deepEqual(gateways[0].range, { start: { line: 7, character: 6 }, end: { line: 8, character: 21 } }, 'from the dash to the item\'s end');
  });

  test('ranges: the key is selected, the range runs to the end of the value (no trailing blank lines)', () => {
    const spec = find(symbols, 'spec');
    assert.deepEqual(spec.selectionRange, { start: { line: 4, character: 0 }, end: { line: 4, character: 4 } });
    assert.deepEqual(spec.range, { start: { line: 4, character: 0 }, end: { line: 14, character: 23 } });
    const walk = (list: DocumentSymbol[]) => {
      for (const s of list) {
        assert.ok(contains(s.range, s.selectionRange), `${s.name}: selection inside range`);
        assert.ok(s.name.length > 0);
        for (const c of s.children ?? []) assert.ok(contains(s.range, c.range), `${c.name} inside ${s.name}`);
        walk(s.children ?? []);
      }
    };
    walk(symbols);
  });

  test('only IstioOperator documents; one symbol per document when the file has several', () => {
    assert.deepEqual(engine.symbols(engine.parse('apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 1\n')), []);
    const text = `apiVersion: v1\nkind: Namespace\n---\n${OPERATOR}---\n${OPERATOR.replace('name: demo', 'name: second')}`;
    const multi = engine.symbols(engine.parse(text));
    assert.deepEqual(multi.map((s) => s.name), ['IstioOperator demo', 'IstioOperator second']);
    assert.equal(multi[1].kind, SymbolKind.Module);
    assert.ok(find(multi[1].children, 'spec', 'components'));
    assert.equal(multi[1].selectionRange.start.line, text.split('\n').indexOf('  name: second'), 'the metadata.name of the second operator');
  });

  test('aliases are shown, not expanded; merge keys are named <<', () => {
    const s = engine.symbols(engine.parse('kind: IstioOperator\nbase: &b\n  enabled: true\nspec:\n  components:\n    pilot:\n      <<: *b\n      cni: *b\n'));
    const pilot = find(s, 'spec', 'components', 'pilot');
    assert.deepEqual(pilot.children!.map((c) => c.name), ['<<', 'cni']);
    assert.equal(pilot.children![1].detail, '*b');
    assert.equal(pilot.children![1].children, undefined);
  });
});

describe('folding ranges', () => {
  test('every map and list spanning lines, from its key\'s line to its last line', () => {
    const ranges = engine.folding(engine.parse(OPERATOR));
    assert.deepEqual(ranges, [
      { startLine: 2, endLine: 3 }, // metadata
      { startLine: 4, endLine: 14 }, // spec
      { startLine: 5, endLine: 9 }, // components
      { startLine: 6, endLine: 9 }, // ingressGateways
      { startLine: 7, endLine: 8 }, // the first gateway
      { startLine: 10, endLine: 11 }, // values (global is on one line)
      { startLine: 12, endLine: 14 }, // meshConfig
      { startLine: 13, endLine: 14 }, // defaultConfig
    ]);
  });

  test('block scalars fold; trailing blank lines and comments after a map do not extend it', () => {
    const ranges = engine.folding(engine.parse('kind: IstioOperator\nspec:\n  hub: x\n  note: |\n    one\n    two\n\n\n'));
    assert.deepEqual(ranges, [{ startLine: 1, endLine: 5 }, { startLine: 3, endLine: 5 }]);
  });

  test('per document, IstioOperator documents only', () => {
    const ranges = engine.folding(engine.parse(`kind: Deployment\nspec:\n  a: 1\n  b: 2\n---\nkind: IstioOperator\nspec:\n  hub: x\n  tag: y\n`));
    assert.deepEqual(ranges, [{ startLine: 6, endLine: 8 }]);
  });
});

describe('robustness', () => {
  test('symbols and folding never throw, and stay within the text', () => {
    const rand = prng(11);
    const texts = ['', '\u0000\uffff', 'kind: IstioOperator\nspec: &a [*a, *a]\n', `kind: IstioOperator\nspec:\n${'  '.repeat(200)}x: 1\n`];
    for (let i = 0; i < 30; i++) {
      const chars = largeOperator('1.20', 60).split('');
      for (let j = 0; j < 25; j++) chars.splice(Math.floor(rand() * chars.length), Math.floor(rand() * 3), ' -:{}[]#&*|>"\'\n\t'[Math.floor(rand() * 16)]);
      texts.push(chars.join(''));
    }
    for (const text of texts) {
      const file = engine.parse(text);
      const lastLine = file.lines.lineCount - 1;
      const check = (list: DocumentSymbol[]) => list.forEach((s) => {
        assert.ok(s.name.length > 0);
        assert.ok(s.range.end.line <= lastLine && contains(s.range, s.selectionRange));
        check(s.children ?? []);
      });
      check(engine.symbols(file));
      for (const r of engine.folding(file)) assert.ok(r.startLine < r.endLine && r.endLine <= lastLine);
    }
  });

  test('a large file: one symbol per gateway, named', () => {
    const file = engine.parse(largeOperator('1.20', 6000));
    const gateways = find(engine.symbols(file), 'spec', 'components', 'ingressGateways').children!;
    assert.ok(gateways.length > 300);
    assert.equal(gateways[gateways.length - 1].name, `gateway-${gateways.length - 1}`);
    assert.ok(engine.folding(file).length > gateways.length * 5);
  });
});
