// What iop-lint reads: directories searched for IstioOperator YAML (node_modules and .git
// skipped), files named on the command line always checked, names with spaces, and the version
// each file is checked against.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { iopLint } from '../support/cli.ts';
import { repoRoot } from '../support/lspClient.ts';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'cli');

describe('iop-lint on a directory', () => {
  let dir: string;
  before(() => {
    // Built at test time: git does not keep folders named node_modules or .git.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iop-lint-tree-'));
    fs.cpSync(path.join(fixtures, 'tree'), path.join(dir, 'manifests'), { recursive: true });
    const broken = fs.readFileSync(path.join(fixtures, 'name with spaces', 'broken operator.yaml'));
    for (const skipped of ['node_modules/some-chart', '.git/refs', 'manifests/node_modules']) {
      fs.mkdirSync(path.join(dir, skipped), { recursive: true });
      fs.writeFileSync(path.join(dir, skipped, 'operator.yaml'), broken);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports only the files holding an IstioOperator, skipping node_modules and .git', () => {
    const r = iopLint(['--format', 'json', '.'], { cwd: dir });
    assert.equal(r.status, 1, r.stderr);
    const files = JSON.parse(r.stdout).files;
    assert.deepEqual(files.map((f: any) => [f.path, f.istioVersion]), [
      [path.join('manifests', 'multi-document.yml'), '1.9'],
      [path.join('manifests', 'operator.yaml'), '1.20'],
    ]);
    assert.deepEqual(files[0].diagnostics.map((d: any) => [d.code, d.range.start.line]), [['field-not-in-version', 11]]);
  });

  it('checks a file named on the command line even when it holds no IstioOperator', () => {
    const r = iopLint(['--format', 'json', 'manifests/configmap.yaml'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).files, [{ path: path.join('manifests', 'configmap.yaml'), istioVersion: null, diagnostics: [] }]);
  });

  it('says so when a directory holds no IstioOperator', () => {
    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty);
    const r = iopLint(['empty'], { cwd: dir });
    assert.equal(r.status, 0);
    assert.match(r.stderr, /no IstioOperator files found/);
  });
});

describe('iop-lint and file names with spaces', () => {
  const file = 'test/fixtures/cli/name with spaces/broken operator.yaml';

  it('text and json keep the name as it is', () => {
    const text = iopLint([file]);
    assert.equal(text.status, 1);
    assert.ok(text.stdout.startsWith(`${file}:5:3: error unknown-field Unknown field \`profil\` in \`spec\`; did you mean \`profile\`?`), text.stdout);
    assert.equal(text.stdout.split('\n').length, 2, 'one line');
    const json = JSON.parse(iopLint(['--format', 'json', 'test/fixtures/cli/name with spaces']).stdout);
    assert.equal(json.files[0].path, file);
  });

  it('sarif encodes it as a URI reference', () => {
    const log = JSON.parse(iopLint(['--format', 'sarif', file]).stdout);
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'test/fixtures/cli/name%20with%20spaces/broken%20operator.yaml');
  });
});

describe('iop-lint --istio-version', () => {
  const file = 'test/fixtures/cli/no-version-comment.yaml';

  it('chooses the release for documents without a version comment', () => {
    const r = iopLint(['--format', 'json', '--istio-version', '1.9', file]);
    const f = JSON.parse(r.stdout).files[0];
    assert.equal(f.istioVersion, '1.9');
    assert.deepEqual(f.diagnostics.map((d: any) => [d.severity, d.code]), [['error', 'field-not-in-version']]);
    assert.match(f.diagnostics[0].message, /Istio 1\.9 \(last in 1\.7\)/);
    const old = JSON.parse(iopLint(['--format', 'json', '--istio-version', '1.6.14', file]).stdout).files[0];
    assert.deepEqual([old.istioVersion, old.diagnostics], ['1.6', []]);
  });

  it('without it, the newest bundled release is used', () => {
    const f = JSON.parse(iopLint(['--format', 'json', file]).stdout).files[0];
    assert.equal(f.istioVersion, '1.30');
  });

  it('does not override the `# istio-version:` comment in the file', () => {
    const r = iopLint(['--format', 'json', '--istio-version', '1.26', 'examples/1.5/custom-operator.yml']);
    assert.equal(r.status, 0, r.stdout);
    assert.equal(JSON.parse(r.stdout).files[0].istioVersion, '1.5');
  });
});
