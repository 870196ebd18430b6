// "Move to …": a setting istioctl reads elsewhere now, moved there with its value and comments as
// one edit; the warning (or error) goes, nothing else in the file changes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import YAML from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Engine } from '../../server/src/engine/engine.ts';
import { applyFirstFix } from './helpers.ts';

const engine = new Engine();
const check = (text: string) => engine.validate(engine.parse(text));

const applyFix = (text: string, d: Diagnostic) => applyFirstFix(engine, text, d);

const at = (text: string, path: string) => path.split('.').reduce<any>((n, k) => n?.[k], YAML.parse(text, { version: '1.1' }));

interface Case { version: string; code: string; from: string; to: string; block: string }

// `block` is the old setting under spec.values, as people write it (with a comment to keep).
const CASES: Case[] = [
  { version: '1.9', code: 'field-not-in-version', from: 'values.global.outboundTrafficPolicy', to: 'meshConfig.outboundTrafficPolicy', block: '    global:\n      # egress\n      outboundTrafficPolicy:\n        mode: REGISTRY_ONLY  # locked down\n' },
  { version: '1.20', code: 'deprecated', from: 'values.global.proxy.holdApplicationUntilProxyStarts', to: 'meshConfig.defaultConfig.holdApplicationUntilProxyStarts', block: '    global:\n      proxy:\n        holdApplicationUntilProxyStarts: true # app waits\n' },
  { version: '1.20', code: 'deprecated', from: 'values.global.tracer.zipkin.address', to: 'meshConfig.defaultConfig.tracing.zipkin.address', block: '    global:\n      tracer:\n        zipkin:\n          address: zipkin.istio-system:9411\n' },
  { version: '1.30', code: 'deprecated', from: 'values.global.proxy.holdApplicationUntilProxyStarts', to: 'meshConfig.defaultConfig.holdApplicationUntilProxyStarts', block: '    global:\n      proxy:\n        holdApplicationUntilProxyStarts: true\n' },
  { version: '1.6', code: 'deprecated', from: 'values.global.mtls.auto', to: 'meshConfig.enableAutoMtls', block: '    global:\n      mtls:\n        auto: false\n' },
];

describe('Move to the new path', () => {
  for (const c of CASES) {
    test(`${c.version}: ${c.from} → ${c.to}`, () => {
      const text = `# istio-version: ${c.version}\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: default\n  meshConfig:\n    accessLogFile: /dev/stdout\n  values:\n${c.block}    pilot:\n      autoscaleMin: 2\n`;
      const d = check(text).find((x) => x.code === c.code && (x.data as { path?: string }).path === `spec.${c.from}`);
      assert.ok(d, `a ${c.code} on spec.${c.from}: ${JSON.stringify(check(text).map((x) => [x.code, (x.data as { path?: string }).path]))}`);
      const fixed = applyFix(text, d);
      const after = check(fixed);
      assert.deepEqual(after.filter((x) => ['deprecated', 'field-moved', 'field-not-in-version', 'unknown-field'].includes(String(x.code))), [], fixed);
      assert.deepEqual(at(fixed, `spec.${c.to}`), at(text, `spec.${c.from}`), 'the same value at the new path');
      assert.equal(at(fixed, `spec.${c.from}`), undefined, 'gone from the old path');
      for (const line of ['  meshConfig:', '    accessLogFile: /dev/stdout', '    pilot:', '      autoscaleMin: 2']) assert.ok(fixed.split('\n').includes(line), `kept: ${line}\n${fixed}`);
      for (const comment of c.block.match(/#.*$/gm) ?? []) assert.ok(fixed.includes(comment), `the comment ${comment} moves along`);
    });
  }

  test('no fix when the new path is already set (the message says what to do)', () => {
    const text = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  meshConfig:\n    defaultConfig:\n      holdApplicationUntilProxyStarts: false\n  values:\n    global:\n      proxy:\n        holdApplicationUntilProxyStarts: true\n';
    const d = check(text).find((x) => x.code === 'deprecated')!;
    assert.deepEqual(engine.codeActions(engine.parse(text), 'file:///m.yaml', [d]), []);
  });

  test('no fix where the move is not one to one (pilot.ingress)', () => {
    const text = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    pilot:\n      ingress:\n        ingressService: istio-ingressgateway\n';
    const d = check(text).find((x) => x.code === 'deprecated' || x.code === 'field-moved' || x.code === 'field-not-in-version');
    assert.ok(d, 'pilot.ingress is reported');
    assert.match(String(d.message), /meshConfig\.ingressService/);
    assert.deepEqual(engine.codeActions(engine.parse(text), 'file:///m.yaml', [d]), []);
  });
});

describe('Fix all moved settings', () => {
  test('every move of the document as one edit, offered beside a move and on request', () => {
    const text = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  meshConfig:\n    accessLogFile: /dev/stdout\n  values:\n    global:\n      proxy:\n        holdApplicationUntilProxyStarts: true\n        protocolDetectionTimeout: 5s\n      tracer:\n        zipkin:\n          address: zipkin:9411\n';
    const file = engine.parse(text);
    const moves = check(text).filter((d) => /^Move to/.test(String((d.data as any)?.fix?.title)));
    assert.equal(moves.length, 3);
    const all = engine.codeActions(file, 'file:///m.yaml', [moves[0]]).find((a) => a.kind === 'source.fixAll.istioOperator');
    assert.ok(all, 'offered beside a move');
    assert.equal(all.title, 'Fix all moved settings (3)');
    assert.deepEqual(engine.codeActions(file, 'file:///m.yaml', [], {}, { fixAll: true }).map((a) => a.title), ['Fix all moved settings (3)']);
    const [e] = all.edit!.changes!['file:///m.yaml'];
    const fixed = text.slice(0, file.lines.offset(e.range.start)) + e.newText + text.slice(file.lines.offset(e.range.end));
    assert.deepEqual(check(fixed), [], fixed);
    assert.equal(at(fixed, 'spec.meshConfig.defaultConfig.holdApplicationUntilProxyStarts'), true);
    assert.equal(at(fixed, 'spec.meshConfig.defaultConfig.tracing.zipkin.address'), 'zipkin:9411');
    assert.equal(at(fixed, 'spec.meshConfig.protocolDetectionTimeout'), '5s');
    assert.equal(at(fixed, 'spec.values'), undefined, 'values, left empty, is gone');
  });

  test('not offered for a file without moves, nor for a single one', () => {
    const one = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    global:\n      mtls:\n        auto: false\n';
    assert.deepEqual(engine.codeActions(engine.parse(one), 'file:///m.yaml', [], {}, { fixAll: true }), []);
  });
});
