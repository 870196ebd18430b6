// The `components.<c>.k8s` fields a release renders come from schemas/k8s-rendered-fields.json
// (Istio's own table at the final tag): a field the release's schema has and the table lacks is
// accepted and never rendered (ignored-setting); the table's fields are the ones the base and
// istiodRemote rows refuse or ignore.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Engine } from '../../server/src/engine/engine.ts';
import { translateMessage } from '../../server/src/engine/l10n/localize.ts';
import { SchemaStore } from '../../server/src/engine/schema/schemaStore.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const data = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas/k8s-rendered-fields.json'), 'utf8')) as Record<string, { fields: Record<string, string> }>;
const store = new SchemaStore(path.join(repoRoot, 'schemas'));
const engine = new Engine();
const iop = (version: string, body: string) => `# istio-version: ${version}\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n${body}`;
const check = (text: string) => engine.validate(engine.parse(text));

/** The document text a diagnostic covers (the key it is reported on). */
function covered(text: string, d: Diagnostic): string {
  const lines = text.split('\n');
  return lines[d.range.start.line].slice(d.range.start.character, d.range.end.line === d.range.start.line ? d.range.end.character : undefined);
}

/** The canonical `k8s` fields of a component in a release's schema (proto-name aliases left out). */
function schemaFields(version: string, component: Array<string | number>): string[] {
  const schema = store.get(version);
  const k8s = schema.at(['spec', 'components', ...component, 'k8s']);
  return k8s ? schema.keys(k8s).map(([k]) => k).sort() : [];
}

/** A document setting every given field of a component to `{}`. */
const everyField = (version: string, component: string, fields: string[]) =>
  iop(version, `  components:\n    ${component}:\n      k8s:\n${fields.map((f) => `        ${f}: {}\n`).join('')}`);

describe('k8s fields istioctl never renders come from the release\'s table', () => {
  test('every release: the pilot fields warned as never rendered are the schema\'s fields the table lacks (overlays aside)', () => {
    const found: Record<string, string[]> = {};
    for (const v of store.minors) {
      const fields = schemaFields(v, ['pilot']);
      assert.ok(fields.includes('affinity') && fields.includes('overlays'), v);
      const text = everyField(v, 'pilot', fields);
      const warned = check(text).filter((d) => d.code === 'ignored-setting').map((d) => covered(text, d)).sort();
      const expected = fields.filter((f) => f !== 'overlays' && !(f in data[v].fields));
      assert.deepEqual(warned, expected, v);
      found[v] = warned;
    }
    // What the tables say today: volumes and volumeMounts from 1.10, when the API added them.
    for (const v of store.minors) assert.deepEqual(found[v], Number(v.split('.')[1]) >= 10 ? ['volumeMounts', 'volumes'] : [], v);
  });

  test('every release: each field the table renders is refused on base (1.6–1.23) or ignored there (1.24+)', () => {
    for (const v of store.minors) {
      const minor = Number(v.split('.')[1]);
      const fields = schemaFields(v, ['base']);
      if (!fields.length) continue; // 1.5: base has no k8s
      const text = everyField(v, 'base', fields);
      const ds = check(text);
      const by = (code: string) => ds.filter((d) => d.code === code).map((d) => covered(text, d)).sort();
      const rendered = fields.filter((f) => f in data[v].fields);
      const unrendered = fields.filter((f) => f !== 'overlays' && !(f in data[v].fields));
      assert.deepEqual(by('broken-setting'), minor <= 23 ? rendered : [], v);
      assert.deepEqual(by('ignored-setting'), minor <= 23 ? unrendered : [...rendered, ...unrendered].sort(), v);
    }
  });

  test('a gateway\'s k8s.volumes (1.20): the warning names its Deployment, offers the fix, and its message still translates', () => {
    const text = iop('1.20', '  components:\n    ingressGateways:\n    - name: my-gw\n      enabled: true\n      k8s:\n        volumes:\n        - name: extra\n          volumeSource: {emptyDir: {}}\n');
    const [d, ...rest] = check(text).filter((x) => x.code === 'ignored-setting');
    assert.equal(rest.length, 0);
    assert.equal(covered(text, d), 'volumes');
    assert.equal(d.message, 'istioctl 1.20 accepts `k8s.volumes` but never renders it (istio/istio#34046): the Deployment `my-gw` gets no such volume. Add it with a `k8s.overlays` patch instead (the quick fix writes it).');
    assert.ok(translateMessage('ignored-setting', String(d.message)), 'the zh-cn template still matches');
    assert.match(JSON.stringify(d.data), /volumes-to-overlays/);
  });

  test('1.9 has no k8s.volumes: the schema check reports it, not this rule', () => {
    const codes = check(iop('1.9', '  components:\n    pilot:\n      k8s:\n        volumes: []\n')).map((d) => d.code);
    assert.ok(!codes.includes('ignored-setting'), codes.join(', '));
    assert.ok(codes.length > 0);
  });

  test('a proto-name alias is the field it names (1.10): hpa_spec is rendered on pilot, and refused on base', () => {
    assert.deepEqual(check(iop('1.10', '  components:\n    pilot:\n      k8s:\n        hpa_spec: {maxReplicas: 3}\n')).filter((d) => d.code === 'ignored-setting'), []);
    const text = iop('1.10', '  components:\n    base:\n      k8s:\n        hpa_spec: {maxReplicas: 3}\n');
    const broken = check(text).filter((d) => d.code === 'broken-setting');
    assert.deepEqual(broken.map((d) => covered(text, d)), ['hpa_spec']);
    assert.match(String(broken[0].message), /refuses `components\.base\.k8s\.hpaSpec`/);
  });

  // The bundled CLI reads the data from the schemas folder beside dist/: with a copy where 1.20's
  // table lacks nodeSelector, nodeSelector is the field never rendered (the data decides).
  const cli = path.join(repoRoot, 'dist/cli.js');
  test('the data decides: the bundled iop-lint, given a 1.20 table without nodeSelector, warns about it (in Chinese too)', { skip: fs.existsSync(cli) ? false : 'no dist/cli.js (npm run build)' }, () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-rendered-cli-'));
    try {
      fs.mkdirSync(path.join(tmp, 'dist'));
      fs.copyFileSync(cli, path.join(tmp, 'dist/cli.js'));
      fs.mkdirSync(path.join(tmp, 'schemas'));
      for (const f of fs.readdirSync(path.join(repoRoot, 'schemas'))) {
        if (f !== 'k8s-rendered-fields.json') fs.symlinkSync(path.join(repoRoot, 'schemas', f), path.join(tmp, 'schemas', f));
      }
      const changed = structuredClone(data);
      delete changed['1.20'].fields.nodeSelector;
      fs.writeFileSync(path.join(tmp, 'schemas/k8s-rendered-fields.json'), JSON.stringify(changed));
      const file = path.join(tmp, 'iop.yaml');
      fs.writeFileSync(file, iop('1.20', '  components:\n    pilot:\n      k8s:\n        nodeSelector: {a: b}\n        affinity: {}\n'));
      const r = spawnSync(process.execPath, [path.join(tmp, 'dist/cli.js'), '--format', 'json', file], { encoding: 'utf8', timeout: 30_000 });
      const ds = (JSON.parse(r.stdout) as { files: Array<{ diagnostics: Array<{ code: string; message: string }> }> }).files[0].diagnostics;
      assert.deepEqual(ds.map((d) => [d.code, d.message]), [['ignored-setting', 'istioctl 1.20 accepts `k8s.nodeSelector` but never renders it (operator/pkg/translate/translate.go@1.20.8 does not map it): the Deployment `istiod` does not get it. Set it with a `k8s.overlays` patch instead.']], r.stdout + r.stderr);
      assert.equal(translateMessage('ignored-setting', ds[0].message), 'istioctl 1.20 接受 `k8s.nodeSelector`，但从不渲染它（operator/pkg/translate/translate.go@1.20.8 没有映射它）：Deployment `istiod` 得不到它。请改用 `k8s.overlays` 补丁设置它。');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
