// Hostile and huge input: a clear message, never a crash or a hang.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine.ts';
import { MUTATORS } from '../../scripts/fuzz/mutators.ts';
import { Random } from '../../scripts/fuzz/random.ts';
import { runEngine } from '../../scripts/fuzz/engineTarget.ts';

const valid = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: default\n  hub: docker.io/istio\n  components:\n    pilot:\n      k8s:\n        resources:\n          requests:\n            cpu: 500m\n';

test('a file over the size limit gets one information diagnostic and no other work', () => {
  const engine = new Engine({ limits: { maxFileSize: 1000 } });
  const file = engine.parse(valid + `  values:\n${'    # padding\n'.repeat(200)}`);
  const diags = engine.validate(file);
  assert.equal(diags.length, 1);
  assert.equal(diags[0].code, 'too-large');
  assert.equal(diags[0].severity, 3);
  assert.match(String(diags[0].message), /over the 1 KB limit: it is not validated/);
  assert.deepEqual(engine.complete(file, { line: 4, character: 2 }).items, []);
  assert.equal(engine.hover(file, { line: 4, character: 3 }), null);
});

test('deep nesting is bounded', () => {
  const engine = new Engine({ limits: { maxDepth: 50 } });
  const deep = `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  unvalidatedValues: ${'['.repeat(3000)}${']'.repeat(3000)}\n  values: ${'{a: '.repeat(200)}1${'}'.repeat(200)}\n`;
  const diags = engine.validate(engine.parse(deep));
  assert.ok(diags.length >= 1);
});

test('cancellation stops validation early', () => {
  const engine = new Engine();
  const gateways = Array.from({ length: 500 }, (_, i) => `    - name: gw-${i}\n      bogus${i}: 1`).join('\n');
  const text = `# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    ingressGateways:\n${gateways}\n`;
  const all = engine.validate(engine.parse(text)).length;
  let calls = 0;
  // A fresh parse: the first one's findings are remembered, and a remembered answer costs nothing to give.
  const some = engine.validate(engine.parse(text), {}, () => ++calls > 3).length;
  assert.ok(all >= 500);
  assert.ok(some < all, `cancelled run reported ${some} of ${all}`);
});

test('every input class runs through every engine feature without throwing, ranges inside', () => {
  const engine = new Engine();
  const r = new Random(7);
  for (const [kind, mutate] of Object.entries(MUTATORS)) {
    if (kind === 'wideMap' || kind === 'manyDocuments') continue; // slow classes run in npm run fuzz
    for (let i = 0; i < 3; i++) assert.doesNotThrow(() => runEngine(engine, mutate(valid, r), r), kind);
  }
});
