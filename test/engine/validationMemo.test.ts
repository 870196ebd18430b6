// Validation after an incremental re-parse reuses what the untouched subtrees reported (the same
// diagnostic objects), moves it with the text when the edit shifted them, and walks again whatever
// the edit could change: always exactly what validating a fresh parse gives.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Engine } from '../../server/src/engine/engine.ts';
import { tryReparse } from '../../server/src/engine/parse/incremental.ts';
import type { ParsedFile } from '../../server/src/engine/parse/parse.ts';

const TEXT = (tag: string) => `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  tag: ${tag}
  hub: docker.io/istio
  components:
    pilot:
      k8s:
        replicaCountt: 2
  values:
    prometheus:
      enabled: false
    global:
      logAsJson: true
`;

/** The incremental re-parse of `previous` to `text` (failing when it took the full parse). */
function edited(engine: Engine, previous: ParsedFile, text: string): ParsedFile {
  const file = tryReparse(previous, text, engine.limits);
  assert.notEqual(typeof file, 'string', `the edit must take the incremental path: ${String(file)}`);
  return file as ParsedFile;
}

const fresh = (text: string) => { const e = new Engine(); return e.validate(e.parse(text)); };

/**
 * The 1.7.8 file validated, its `hub:` line replaced by `hubLines`, re-parsed incrementally and
 * validated again: that second validation, checked equal to a fresh one.
 */
function validatedAfter(hubLines: string) {
  const engine = new Engine();
  const text = TEXT('1.7.8');
  const before = engine.parse(text);
  engine.validate(before);
  const after = edited(engine, before, text.replace('  hub: docker.io/istio\n', hubLines));
  const second = engine.validate(after);
  assert.deepEqual(second, fresh(after.text));
  return second;
}

describe('validation memo', () => {
  test('an edit elsewhere reuses the diagnostics of untouched subtrees, the same objects', () => {
    const engine = new Engine();
    const before = engine.parse(TEXT('1.7.8'));
    const first = engine.validate(before);
    const typo = first.find((d) => String(d.message).includes('replicaCountt'));
    assert.ok(typo, JSON.stringify(first.map((d) => d.message)));
    // Same length, in `values`: `components` keeps its node and its findings.
    const after = edited(engine, before, TEXT('1.7.8').replace('logAsJson: true', 'logAsJson: fals'));
    const second = engine.validate(after);
    assert.equal(second.find((d) => String(d.message).includes('replicaCountt')), typo, 'the finding is reused');
    assert.deepEqual(second, fresh(after.text));
  });

  test('an edit that moves a subtree moves its diagnostics with it', () => {
    const second = validatedAfter('  hub: registry.example.com/mirror/istio\n');
    const typo = second.find((d) => String(d.message).includes('replicaCountt'))!;
    assert.equal(typo.range.start.line, 8);
    assert.equal(typo.range.start.character, 8);
  });

  test('a new line above a subtree moves its diagnostics down a line', () => {
    const second = validatedAfter('  hub: docker.io/istio\n  profile: default\n');
    assert.equal(second.find((d) => String(d.message).includes('replicaCountt'))!.range.start.line, 9);
  });

  test('an edit that changes the release checks untouched subtrees again, against the new release', () => {
    const engine = new Engine();
    const before = engine.parse(TEXT('1.7.8'));
    const first = engine.validate(before);
    assert.ok(!first.some((d) => String(d.message).includes('does not exist')), 'values.prometheus exists in 1.7 (deprecated)');
    const after = edited(engine, before, TEXT('1.9.0'));
    const second = engine.validate(after);
    assert.ok(second.some((d) => String(d.message).includes('`values.prometheus` does not exist in Istio 1.9')), JSON.stringify(second.map((d) => d.message)));
    assert.deepEqual(second, fresh(after.text));
  });

  test('many successive edits stay equal to fresh validation', () => {
    const engine = new Engine();
    let file = engine.parse(TEXT('1.7.8'));
    engine.validate(file);
    const values = ['1', '22', 'x', 'yes', '"3"', '-1', '0'];
    for (const [i, v] of values.entries()) {
      const text = file.text.replace(/replicaCountt: .*/, `replicaCount${i % 2 ? 't' : ''}: ${v}`).replace(/hub: .*/, `hub: ${'h'.repeat(i + 1)}`);
      file = engine.reparse(file, text);
      assert.deepEqual(engine.validate(file), fresh(text), `edit ${i}`);
    }
  });
});
