// iop-lint's exit status: 0 clean (warnings allowed unless --strict), 1 problems, 2 usage or read
// errors, always with a message on stderr.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iopLint } from '../support/cli.ts';

const WARNINGS_ONLY = 'test/fixtures/cli/warnings-only-deprecated.yaml';

describe('iop-lint exit codes', () => {
  it('0 for a clean file', () => {
    assert.equal(iopLint(['examples/1.5/custom-operator.yml']).status, 0);
  });

  it('1 for a file with errors', () => {
    assert.equal(iopLint(['examples/broken/custom-operator.yml']).status, 1);
  });

  it('0 for warnings only; 1 for the same file with --strict', () => {
    const plain = iopLint([WARNINGS_ONLY]);
    assert.equal(plain.status, 0, plain.stdout);
    assert.match(plain.stdout, /:9:7: warning deprecated `meshConfig\.defaultConfig\.zipkinAddress` is deprecated in Istio 1\.20/);
    assert.match(plain.stderr, /0 errors, 1 warning in 1 file/);
    const strict = iopLint(['--strict', WARNINGS_ONLY]);
    assert.equal(strict.status, 1);
    assert.equal(strict.stdout, plain.stdout);
  });

  it('2 for a path that cannot be read, naming it; the other paths are still checked', () => {
    const r = iopLint(['test/fixtures/cli/does-not-exist.yaml', 'examples/broken/custom-operator.yml']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /iop-lint: cannot read test\/fixtures\/cli\/does-not-exist\.yaml: no such file or directory/);
    assert.match(r.stdout, /unknown-field/);
  });

  it('2 for an unknown flag, with a pointer to --help', () => {
    const r = iopLint(['--frobnicate', 'examples']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown option `--frobnicate`/);
    assert.match(r.stderr, /iop-lint --help/);
    assert.equal(r.stdout, '');
  });

  it('2 for a bad --istio-version, listing the bundled versions', () => {
    for (const bad of ['2.0', '1.99', '1.4', 'latest']) {
      const r = iopLint(['--istio-version', bad, 'examples']);
      assert.equal(r.status, 2, `--istio-version ${bad}`);
      assert.match(r.stderr, /bundled: 1\.5–1\.30 \(1\.5, 1\.6, .*, 1\.30\)/, r.stderr);
      assert.equal(r.stdout, '');
    }
  });

  it('2 for a bad --format, a flag without its value, or no PATH', () => {
    const format = iopLint(['--format', 'xml', 'examples']);
    assert.equal(format.status, 2);
    assert.match(format.stderr, /unknown format `xml`; use one of text, json, sarif/);
    const missing = iopLint(['examples', '--istio-version']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /`--istio-version` needs a value/);
    const none = iopLint([]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no PATH given/);
  });

  it('--help prints the usage and exits 0', () => {
    const r = iopLint(['--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: iop-lint \[--istio-version 1\.X\] \[--format text\|json\|sarif\] \[--strict\] \[--only-istio-operator\] PATH\.\.\./);
  });
});
