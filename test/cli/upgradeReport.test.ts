// `iop-lint upgrade-report`, run as a real process: Markdown or JSON on stdout; exit 1 when the file
// has errors at the target it has not at its own release; 2 on usage, read and parse errors.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { iopLint } from '../support/cli.ts';

const SEED = 'examples/1.5/custom-operator.yml';

describe('iop-lint upgrade-report', () => {
  it('the seed\'s 1.5 file to 1.24: Markdown naming the moved settings, the hops and the commands; exit 1 for the new errors', () => {
    const r = iopLint(['upgrade-report', '--to', '1.24', SEED]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^# Upgrade check: custom-operator\.yml, Istio 1\.5 → 1\.24$/m);
    assert.match(r.stdout, /^### `values\.global\.proxy\.accessLogFile` \(line \d+\): moved$/m);
    assert.match(r.stdout, /Move to `meshConfig\.accessLogFile`/);
    assert.match(r.stdout, /^19\. \*\*1\.24\*\* \(istioctl 1\.24\.\d+\)/m);
    assert.match(r.stdout, /\| install \| 1\.6 \| `istioctl manifest apply -f FILE`/);
  });

  it('--format json: one entry per finding with kind, path, line, message and release; only warnings at 1.6 exit 0', () => {
    const r = iopLint(['upgrade-report', '--to', '1.6', '--format', 'json', SEED]);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.from.version, '1.5');
    assert.equal(out.to.version, '1.6');
    assert.deepEqual(out.hops, ['1.6']);
    const moved = out.findings.find((f: { path?: string }) => f.path === 'values.global.proxy.accessLogFile');
    assert.equal(moved.kind, 'moved');
    assert.equal(moved.release, '1.6');
    assert.equal(typeof moved.line, 'number');
    assert.ok(out.findings.every((f: { kind: string; message: string; release: string }) => f.kind && f.message && f.release));
  });

  it('--istio-version names the file\'s release; a missing --to, a bad release, a downgrade and a missing file exit 2 with the reason', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iop-upgrade-'));
    const plain = path.join(dir, 'plain.yaml');
    fs.writeFileSync(plain, 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: demo\n');
    const ok = iopLint(['upgrade-report', '--istio-version', '1.20', '--to', '1.21', '--format', 'json', plain]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).from.version, '1.20');
    const cases: Array<[string[], RegExp]> = [
      [[plain], /--to 1\.Y/],
      [['--to', 'latest', plain], /--to `latest` is not an Istio version/],
      [['--to', '1.99', plain], /Istio 1\.99 is not bundled/],
      [['--to', '1.19', '--istio-version', '1.20', plain], /later release/],
      [['--to', '1.24', path.join(dir, 'missing.yaml')], /cannot read/],
      [['--to', '1.24', '--format', 'sarif', plain], /markdown or json/],
    ];
    for (const [args, message] of cases) {
      const r = iopLint(['upgrade-report', ...args]);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    }
  });
});
