// Completion at the cursor positions people actually type at: empty lines, half-typed keys, a key
// with only its colon, list items, flow maps, the end of the file, later documents, and documents
// with syntax errors elsewhere. The `|` in each fixture is the cursor.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CompletionItemTag, type CompletionItem } from 'vscode-languageserver-types';
import { Engine } from '../../server/src/engine/engine.ts';
import { completeAt, docs, edit, item, labels, largeOperator, marked, operator, prng } from './helpers.ts';

const engine = new Engine();
const schema = (version: string) => engine.store.get(version);
/** The keys the schema declares at a path (aliases left out), in the schema's order. */
const schemaKeys = (version: string, path: Array<string | number>) => schema(version).keys(schema(version).at(path)!).map(([k]) => k);

describe('keys', () => {
  test('on an empty line of a map: the keys of that map, without the ones it already has (above and below the cursor)', () => {
    const list = completeAt(engine, operator('1.20', `spec:
  profile: demo
  |
  components:
    pilot:
      enabled: true
`));
    const expected = schemaKeys('1.20', ['spec']).filter((k) => k !== 'profile' && k !== 'components');
    assert.deepEqual(new Set(labels(list)), new Set(expected));
    assert.ok(labels(list).includes('hub'));
  });

  test('under a key with a trailing colon and nothing after it: the keys of its map, built one level deeper', () => {
    const src = operator('1.20', `spec:
  components:
    pilot:
      k8s:
        |
`);
    const list = completeAt(engine, src);
    assert.deepEqual(new Set(labels(list)), new Set(schemaKeys('1.20', ['spec', 'components', 'pilot', 'k8s'])));
    const cursor = marked(src).position;
    assert.deepEqual(cursor, { line: 7, character: 8 });
    assert.deepEqual(edit(item(list, 'hpaSpec')), { range: { start: cursor, end: cursor }, newText: `hpaSpec:\n${' '.repeat(10)}` });
    assert.equal(edit(item(list, 'tolerations')).newText, `tolerations:\n${' '.repeat(10)}- `);
    assert.equal(edit(item(list, 'replicaCount')).newText, 'replicaCount: ');
    assert.equal(edit(item(list, 'nodeSelector')).newText, `nodeSelector:\n${' '.repeat(10)}`, 'a map of strings is a map too');
  });

  test('a half-typed key is replaced through the textEdit range', () => {
    const list = completeAt(engine, operator('1.20', `spec:
  components:
    pil|
`));
    const e = edit(item(list, 'pilot'));
    assert.deepEqual(e.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 7 } });
    assert.equal(e.newText, `pilot:\n${' '.repeat(6)}`);
  });

  test('a key already followed by its colon: only the name is replaced, and the key being edited is offered again', () => {
    const list = completeAt(engine, operator('1.20', `spec:
  components:
    pi|lot:
      enabled: true
    cni: {}
`));
    const e = edit(item(list, 'pilot'));
    assert.deepEqual(e.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 9 } });
    assert.equal(e.newText, 'pilot');
    assert.ok(!labels(list).includes('cni'), 'a key present below is still excluded');
  });

  test('keys of a list item: inside `- name: …`, the gateway keys without `name`', () => {
    const list = completeAt(engine, operator('1.20', `spec:
  components:
    ingressGateways:
      - name: istio-ingressgateway
        enabled: true
        |
      - name: second
        k8s: {}
`));
    const expected = schemaKeys('1.20', ['spec', 'components', 'ingressGateways', 0]).filter((k) => k !== 'name' && k !== 'enabled');
    assert.deepEqual(new Set(labels(list)), new Set(expected));
    assert.ok(labels(list).includes('k8s'), 'k8s is present only in the next item');
    assert.equal(edit(item(list, 'k8s')).newText, `k8s:\n${' '.repeat(10)}`);
  });

  test('right after `- ` on a new item: every key of the item, whatever the earlier items have', () => {
    const list = completeAt(engine, operator('1.20', `spec:
  components:
    ingressGateways:
      - name: first
        enabled: true
      - |
`));
    assert.deepEqual(new Set(labels(list)), new Set(schemaKeys('1.20', ['spec', 'components', 'ingressGateways', 0])));
    assert.equal(edit(item(list, 'name')).newText, 'name: ');
    assert.equal(edit(item(list, 'k8s')).newText, `k8s:\n${' '.repeat(10)}`, 'the item\'s keys sit after the dash');
  });

  test('at the dashes\' column with no dash yet: a new item, written with its `- `', () => {
    const list = completeAt(engine, operator('1.20', `spec:
  components:
    ingressGateways:
      - name: first
      |
`));
    assert.equal(edit(item(list, 'name')).newText, '- name: ');
    assert.equal(edit(item(list, 'k8s')).newText, `- k8s:\n${' '.repeat(10)}`);
  });

  test('after a list written at its key\'s own column: the keys next to the list\'s key', () => {
    const list = completeAt(engine, operator('1.20', `spec:
  components:
    ingressGateways:
    - name: first
    |
`));
    assert.ok(labels(list).includes('pilot'));
    assert.ok(!labels(list).includes('ingressGateways'));
    assert.ok(!labels(list).includes('name'));
  });

  test('a list-typed key builds `key:` + a new line with `- `', () => {
    const list = completeAt(engine, operator('1.20', `spec:
  components:
    |
`));
    assert.equal(edit(item(list, 'ingressGateways')).newText, `ingressGateways:\n${' '.repeat(6)}- `);
    assert.equal(edit(item(list, 'pilot')).newText, `pilot:\n${' '.repeat(6)}`);
  });

  test('the indentation step of the document is kept (4 spaces)', () => {
    const list = completeAt(engine, operator('1.20', `spec:
    components:
        pilot:
            |
`));
    assert.equal(edit(item(list, 'k8s')).newText, `k8s:\n${' '.repeat(16)}`);
  });

  test('right after `key:` of a map: its keys on a new line', () => {
    const list = completeAt(engine, operator('1.20', `spec:
  components:
    pilot:|
`));
    const e = edit(item(list, 'k8s'));
    assert.deepEqual(e.range, { start: { line: 5, character: 10 }, end: { line: 5, character: 10 } });
    assert.equal(e.newText, `\n${' '.repeat(6)}k8s:\n${' '.repeat(8)}`);
  });

  test('at the end of the file, with no line break after the cursor', () => {
    const src = operator('1.20', `spec:
  components:
    pilot:
      |`);
    assert.ok(marked(src).text.endsWith('      '));
    const list = completeAt(engine, src);
    assert.deepEqual(new Set(labels(list)), new Set(schemaKeys('1.20', ['spec', 'components', 'pilot'])));
  });

  test('at the very end of a file that ends right after `key:`', () => {
    const list = completeAt(engine, operator('1.20', 'spec:\n  meshConfig:|'));
    assert.ok(labels(list).includes('accessLogFile'));
    assert.equal(edit(item(list, 'accessLogFile')).newText, '\n    accessLogFile: ');
  });

  test('with CRLF line endings', () => {
    const list = completeAt(engine, operator('1.20', 'spec:\r\n  components:\r\n    pilot:\r\n      |\r\n').replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'));
    assert.deepEqual(new Set(labels(list)), new Set(schemaKeys('1.20', ['spec', 'components', 'pilot'])));
  });
});

describe('flow maps', () => {
  test('inside `{ … }`: the keys not yet written, inserted without line breaks', () => {
    const list = completeAt(engine, operator('1.20', `spec:
  components:
    pilot:
      k8s: { replicaCount: 2, | }
`));
    assert.ok(!labels(list).includes('replicaCount'));
    assert.equal(edit(item(list, 'hpaSpec')).newText, 'hpaSpec: ');
    assert.deepEqual(edit(item(list, 'hpaSpec')).range, { start: { line: 6, character: 30 }, end: { line: 6, character: 30 } });
  });

  test('right after an unclosed `{` with more document below', () => {
    const list = completeAt(engine, operator('1.20', `spec:
  components:
    pilot:
      k8s: {|
  values: {}
`));
    assert.deepEqual(new Set(labels(list)), new Set(schemaKeys('1.20', ['spec', 'components', 'pilot', 'k8s'])));
  });

  test('on the line below an unclosed `{`, indented past it', () => {
    for (const rest of ['', '  values: {}\n']) {
      const list = completeAt(engine, operator('1.20', `spec:
  components:
    pilot:
      k8s: {
        replicaCount: 2,
        |
${rest}`));
      assert.ok(labels(list).includes('hpaSpec'), JSON.stringify(rest));
      assert.ok(!labels(list).includes('replicaCount'));
      assert.equal(edit(item(list, 'hpaSpec')).newText, 'hpaSpec: ');
    }
  });

  test('a half-typed key inside a flow map', () => {
    const list = completeAt(engine, operator('1.20', `spec:
  components:
    pilot: { ena| }
`));
    const e = edit(item(list, 'enabled'));
    assert.deepEqual(e.range, { start: { line: 5, character: 13 }, end: { line: 5, character: 16 } });
    assert.equal(e.newText, 'enabled: ');
  });

  test('a value inside a flow map', () => {
    const list = completeAt(engine, operator('1.20', `spec:
  meshConfig: { accessLogEncoding: | }
`));
    assert.deepEqual(labels(list), ['TEXT', 'JSON']);
  });
});

describe('values', () => {
  test('enum values are the names only, never the numbers protobuf JSON also accepts', () => {
    const list = completeAt(engine, operator('1.20', `spec:
  meshConfig:
    accessLogEncoding: |
`));
    const names = (schema('1.20').at(['spec', 'meshConfig', 'accessLogEncoding'])!.enum as unknown[]).filter((v) => typeof v === 'string');
    assert.deepEqual(labels(list), names);
    assert.match(docs(item(list, 'JSON')), /json encoding for the proxy access log/);
  });

  test('a half-typed enum value is replaced', () => {
    const list = completeAt(engine, operator('1.20', `spec:
  meshConfig:
    accessLogEncoding: JS|
`));
    assert.deepEqual(edit(item(list, 'JSON')).range, { start: { line: 5, character: 23 }, end: { line: 5, character: 25 } });
  });

  test('booleans: true and false; right after the colon they bring their own space', () => {
    const spaced = completeAt(engine, operator('1.20', `spec:
  components:
    pilot:
      enabled: |
`));
    assert.deepEqual(labels(spaced), ['true', 'false']);
    assert.equal(edit(item(spaced, 'true')).newText, 'true');
    const tight = completeAt(engine, operator('1.20', `spec:
  components:
    pilot:
      enabled:|
`));
    assert.equal(edit(item(tight, 'false')).newText, ' false');
  });

  test('spec.profile offers the release\'s built-in profiles', () => {
    for (const version of ['1.5', '1.20']) {
      const list = completeAt(engine, operator(version, 'spec:\n  profile: |\n'));
      assert.deepEqual(labels(list), schema(version).root['x-istio-profiles']);
    }
    assert.ok(!labels(completeAt(engine, operator('1.5', 'spec:\n  profile: |\n'))).includes('ambient'));
    assert.ok(labels(completeAt(engine, operator('1.20', 'spec:\n  profile: |\n'))).includes('ambient'));
  });

  test('a quoted value: the text inside the quotes is replaced', () => {
    const list = completeAt(engine, operator('1.20', 'spec:\n  profile: "de|"\n'));
    assert.deepEqual(edit(item(list, 'demo')).range, { start: { line: 4, character: 12 }, end: { line: 4, character: 14 } });
  });

  test('items of a list of enums: after `- `, and as a new item at the dashes\' column', () => {
    const path = ['spec', 'meshConfig', 'defaultConfig', 'tracing', 'openCensusAgent', 'context'];
    const names = (schema('1.20').at([...path, 0])!.enum as unknown[]).filter((v) => typeof v === 'string');
    const body = (cursorLine: string) => `spec:
  meshConfig:
    defaultConfig:
      tracing:
        openCensusAgent:
          context:
            - W3C_TRACE_CONTEXT
${cursorLine}
`;
    const afterDash = completeAt(engine, operator('1.20', body('            - B|')));
    assert.deepEqual(labels(afterDash), names);
    assert.equal(edit(item(afterDash, 'B3')).newText, 'B3');
    const newItem = completeAt(engine, operator('1.20', body('            |')));
    assert.deepEqual(labels(newItem), names);
    assert.equal(edit(item(newItem, 'B3')).newText, '- B3');
  });

  test('a free-text value offers nothing', () => {
    assert.deepEqual(labels(completeAt(engine, operator('1.20', 'spec:\n  hub: |\n'))), []);
  });
});

describe('documents', () => {
  test('in a non-IstioOperator document: nothing', () => {
    const list = completeAt(engine, `apiVersion: apps/v1
kind: Deployment
spec:
  |
`);
    assert.deepEqual(list.items, []);
  });

  test('in an empty document: the root keys, and `IstioOperator` for kind', () => {
    assert.deepEqual(new Set(labels(completeAt(engine, '|'))), new Set(Object.keys(schema(engine.store.newest).root.properties)));
    assert.deepEqual(labels(completeAt(engine, 'kind: |\n')), ['IstioOperator']);
    assert.deepEqual(labels(completeAt(engine, 'apiVersion: install.istio.io/v1alpha1\nkind: Ist|\n')), ['IstioOperator']);
  });

  test('in the IstioOperator after `---`, and nothing in the Deployment before it', () => {
    const src = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: x
---
# istio-version: 1.20
apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  components:
    |
`;
    assert.deepEqual(new Set(labels(completeAt(engine, src))), new Set(schemaKeys('1.20', ['spec', 'components'])));
    const inFirst = src.replace('    |', '    ').replace('  name: x', '  |');
    assert.deepEqual(completeAt(engine, inFirst).items, []);
  });

  test('in a new empty document after `---`: the root keys', () => {
    const list = completeAt(engine, `${operator('1.20', 'spec: {}\n')}---\n|`);
    assert.ok(labels(list).includes('apiVersion'));
    assert.ok(labels(list).includes('spec'));
  });

  test('with a YAML syntax error elsewhere in the document', () => {
    const list = completeAt(engine, operator('1.20', `spec:
  hub: "unterminated
  meshConfig:
    accessLogFile: [1, 2
  components:
    pilot:
      k8s:
        |
  values:
     bad indentation: : :
`));
    assert.deepEqual(new Set(labels(list)), new Set(schemaKeys('1.20', ['spec', 'components', 'pilot', 'k8s'])));
  });

  test('inside a block scalar, in a comment, or on a line with text after the cursor: nothing', () => {
    const scalar = completeAt(engine, operator('1.20', `metadata:
  annotations:
    note: |
      some text
      mo@
spec: {}
`), undefined, '@');
    assert.deepEqual(scalar.items, []);
    assert.deepEqual(completeAt(engine, operator('1.20', 'spec:\n  # comp|\n')).items, []);
    assert.deepEqual(completeAt(engine, operator('1.20', 'spec:\n  hub: docker.io\n    |\n')).items, [], 'a continuation of a plain scalar');
  });
});

describe('what is offered', () => {
  test('every item has markdown docs with its type and description; a default when a profile sets one', () => {
    const list = completeAt(engine, operator('1.20', `spec:
  components:
    pilot:
      |
`));
    for (const i of list.items) assert.match(docs(i), /\*[a-z]/, `${i.label} shows its type`);
    const enabled = docs(item(list, 'enabled'));
    assert.match(enabled, /Selects whether this component is installed/);
    assert.match(enabled, /boolean/);
    const expected = schema('1.20').at(['spec', 'components', 'pilot', 'enabled'])!['x-istio-defaults'].default;
    assert.match(enabled, new RegExp(`Default\\*\\* in profile \`default\`: \`${expected}\``));
  });

  test('the default shown is the document profile\'s', () => {
    const list = completeAt(engine, operator('1.20', `spec:
  profile: ambient
  components:
    cni:
      |
`));
    const defaults = schema('1.20').at(['spec', 'components', 'cni', 'enabled'])!['x-istio-defaults'];
    assert.match(docs(item(list, 'enabled')), new RegExp(`in profile \`ambient\`: \`${defaults.ambient}\``));
  });

  test('version-specific keys: ztunnel under components in 1.20, not in 1.10', () => {
    const body = 'spec:\n  components:\n    |\n';
    assert.ok(labels(completeAt(engine, operator('1.20', body))).includes('ztunnel'));
    assert.ok(!labels(completeAt(engine, operator('1.10', body))).includes('ztunnel'));
  });

  test('version-specific keys: values.prometheus in 1.5, not in 1.9', () => {
    const body = 'spec:\n  values:\n    |\n';
    assert.ok(labels(completeAt(engine, operator('1.5', body))).includes('prometheus'));
    assert.ok(!labels(completeAt(engine, operator('1.9', body))).includes('prometheus'));
  });

  test('the version setting picks the release when the document does not', () => {
    const src = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    |\n';
    assert.ok(!labels(completeAt(engine, src, { setting: '1.10' })).includes('ztunnel'));
    assert.ok(labels(completeAt(engine, src, { setting: '1.20' })).includes('ztunnel'));
  });

  test('proto-name aliases are never offered, and an alias already written counts as its field', () => {
    const list = completeAt(engine, operator('1.9', 'spec:\n  mesh_config: {}\n  |\n'));
    const aliases = Object.entries(schema('1.9').at(['spec'])!.properties).filter(([, p]: [string, any]) => p['x-istio-alias-of']).map(([k]) => k);
    assert.ok(aliases.includes('mesh_config'));
    for (const a of aliases) assert.ok(!labels(list).includes(a), `${a} is an alias`);
    assert.ok(!labels(list).includes('meshConfig'));
  });

  test('deprecated fields carry the Deprecated tag and sort after the others; hidden ones sort after ordinary ones', () => {
    const list = completeAt(engine, operator('1.9', 'spec:\n  |\n'));
    const addon = item(list, 'addonComponents');
    assert.deepEqual(addon.tags, [CompletionItemTag.Deprecated]);
    assert.match(docs(addon), /Deprecated/);
    assert.equal(item(list, 'values').tags, undefined);
    const rank = sortedRank(list.items);
    assert.ok(rank('addonComponents') > rank('values'));
    assert.ok(rank('profile') < rank('hub'), 'ordinary fields in the schema\'s order');

    const mesh = completeAt(engine, operator('1.20', 'spec:\n  meshConfig:\n    |\n'));
    const meshRank = sortedRank(mesh.items);
    assert.ok(schema('1.20').at(['spec', 'meshConfig', 'certificates'])!['x-istio-hidden']);
    assert.ok(meshRank('certificates') > meshRank('accessLogFile'), 'hidden after ordinary');
    assert.ok(meshRank('certificates') < meshRank('verifyCertificateAtClient'), 'hidden before deprecated');
  });

  test('a map keyed by name offers the names its profiles use (addonComponents in 1.5)', () => {
    const list = completeAt(engine, operator('1.5', 'spec:\n  addonComponents:\n    |\n'));
    const expected = Object.keys(schema('1.5').at(['spec', 'addonComponents'])!['x-istio-defaults'].default);
    for (const name of expected) assert.ok(labels(list).includes(name), name);
    assert.equal(edit(item(list, 'kiali')).newText, `kiali:\n${' '.repeat(6)}`);
  });

  test('keys merged in with `<<: *anchor` count as present', () => {
    const list = completeAt(engine, operator('1.20', `metadata:
  annotations: {}
base: &base
  enabled: true
  namespace: istio-system
spec:
  components:
    pilot:
      <<: *base
      |
`));
    assert.ok(!labels(list).includes('enabled'));
    assert.ok(!labels(list).includes('namespace'));
    assert.ok(labels(list).includes('k8s'));
  });
});

describe('robustness', () => {
  test('bad input never throws: garbage, binary, positions past the end, every position of tricky files', () => {
    const rand = prng(7);
    const texts = [
      '',
      '\n\n\n',
      '\u0000\u0001\uffff\ud800 binary \u0007',
      operator('1.20', 'spec:\n  components:\n    pilot: &a\n      k8s: *a\n      <<: *a\n'),
      operator('1.99', 'spec:\n  profile: [\n'),
      operator('banana', 'spec: {components: {pilot: {k8s: {'),
      'kind: IstioOperator\nspec:\n\t- - - : : ] } {\n"\'\n---\n---\n...\n? complex\n: value\n',
      `kind: IstioOperator\nx: &x [*x]\nspec: &s\n  <<: *s\n`,
    ];
    for (let i = 0; i < 20; i++) {
      const base = largeOperator('1.20', 60).split('');
      for (let j = 0; j < 20; j++) base.splice(Math.floor(rand() * base.length), Math.floor(rand() * 3), ' -:{}[]#&*|>"\'\n\t'[Math.floor(rand() * 16)]);
      texts.push(base.join(''));
    }
    for (const text of texts) {
      const file = engine.parse(text);
      const lineCount = file.lines.lineCount;
      for (let line = -1; line <= lineCount + 1; line++) {
        for (const character of [-1, 0, 1, 2, 4, 6, 8, 12, 40, 1000]) {
          const list = engine.complete(file, { line, character });
          assert.ok(Array.isArray(list.items));
        }
      }
    }
  });

  test('the parsed file is never changed by completion', () => {
    const text = operator('1.20', 'spec:\n  components:\n    pilot:\n      \n');
    const file = engine.parse(text);
    const before = JSON.stringify(file.documents.map((d) => d.doc.toJS()));
    engine.complete(file, { line: 6, character: 6 });
    assert.equal(JSON.stringify(file.documents.map((d) => d.doc.toJS())), before);
  });
});

describe('a large file (~6,000 lines)', () => {
  const text = largeOperator('1.20', 6000);
  const file = engine.parse(text);
  const lines = text.split('\n');

  test('the last gateway\'s k8s keys, without the ones it has', () => {
    const last = lines.reduce((found, l, i) => (l.startsWith('        k8s:') ? i : found), -1);
    const edited = [...lines.slice(0, last + 1), ' '.repeat(10), ...lines.slice(last + 1)].join('\n');
    const list = engine.complete(engine.parse(edited), { line: last + 1, character: 10 });
    assert.ok(labels(list).includes('affinity'));
    assert.ok(!labels(list).includes('hpaSpec'), 'present in that gateway');
    assert.ok(!labels(list).includes('podAnnotations'), 'present below the cursor line');
  });

  test('completion stays fast (a guard against whole-document work per request, not a benchmark)', () => {
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const line = 16 + ((i * 7919) % (lines.length - 30));
      const start = performance.now();
      engine.complete(file, { line, character: lines[line].length });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    assert.ok(times[Math.floor(times.length / 2)] < 50, `median ${times[Math.floor(times.length / 2)].toFixed(1)} ms`);
  });
});

/** Position of a label once the items are sorted by sortText, as editors show them. */
function sortedRank(items: CompletionItem[]): (label: string) => number {
  const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  return (label) => {
    const i = sorted.findIndex((x) => x.label === label);
    assert.ok(i >= 0, `${label} is offered`);
    return i;
  };
}

describe('lazy docs for language clients', () => {
  test('leaves key docs out of the list and writes them on resolve, the same as eager docs', () => {
    const engine = new Engine();
    const { text, position } = marked('# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    ingressGateways:\n    - name: istio-ingressgateway\n      k8s:\n        |\n');
    const file = engine.parse(text);
    const eager = engine.complete(file, position).items;
    const lazy = engine.complete(file, position, {}, { lazyDocs: true }).items;
    assert.equal(lazy.length, eager.length);
    assert.ok(lazy.length > 5);
    for (const [i, item] of lazy.entries()) {
      assert.equal(item.documentation, undefined);
      const resolved = engine.resolveCompletion(JSON.parse(JSON.stringify(item)));
      assert.deepEqual(resolved.documentation, eager[i].documentation, item.label);
    }
  });
});
