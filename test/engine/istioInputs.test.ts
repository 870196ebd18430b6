// Istio's own inputs at every release (../shared/istio: the built-in profiles and the inputs of its
// `profile dump` tests) validate through the engine with zero errors at their release; the inputs
// Istio's tests expect istioctl to refuse (named `*invalid*`) get at least one.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Engine } from '../../server/src/engine/engine.ts';

const engine = new Engine();
const ISTIO = process.env.ISTIO_DATA ?? path.resolve(import.meta.dirname, '../../../shared/istio');

const yamlFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir, f)) : []);

describe('Istio\'s own inputs validate with zero errors', () => {
  for (const version of engine.store.minors) {
    test(`Istio ${version}: profiles and profile-dump inputs`, (t) => {
      const files = [...yamlFiles(path.join(ISTIO, version, 'profiles')), ...yamlFiles(path.join(ISTIO, version, 'profile-dump', 'input'))];
      const wrong: string[] = [];
      let checked = 0;
      for (const f of files) {
        const file = engine.parse(fs.readFileSync(f, 'utf8'));
        if (!file.documents.some((d) => d.isIstioOperator)) continue;
        checked++;
        const errors = engine.validate(file, { setting: version }).filter((d) => d.severity === 1);
        if (/invalid/.test(path.basename(f))) {
          if (!errors.length) wrong.push(`${path.relative(ISTIO, f)}: istioctl refuses it, the engine found no error`);
          continue;
        }
        for (const d of errors) wrong.push(`${path.relative(ISTIO, f)}:${d.range.start.line + 1} ${d.code} ${d.message}`);
      }
      t.diagnostic(`${checked} files`);
      assert.ok(checked > 0, 'no inputs found');
      assert.deepEqual(wrong, []);
    });
  }
});
