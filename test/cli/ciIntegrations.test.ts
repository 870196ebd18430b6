// Where CI users expect iop-lint: the pre-commit hook (.pre-commit-hooks.yaml) and the GitHub
// Action (action.yml), each run the way its host runs it: the hook's entry with staged file names
// appended, the action's lint step with its inputs in the environment.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import YAML from 'yaml';
import { cliPath } from '../support/cli.ts';
import { repoRoot } from '../support/lspClient.ts';

const GOOD = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: demo\n';
const BROKEN = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    ingresGateways: []\n';
/** Not an IstioOperator (and not even valid YAML): a hook on staged YAML files must leave it alone. */
const OTHER = 'apiVersion: v1\nkind: ConfigMap\ndata: {a: [1,\n';

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iop-ci-'));
  fs.writeFileSync(path.join(dir, 'good.yaml'), GOOD);
  fs.writeFileSync(path.join(dir, 'broken.yaml'), BROKEN);
  fs.writeFileSync(path.join(dir, 'configmap.yaml'), OTHER);
  return dir;
}

describe('pre-commit hook', () => {
  const hooks = YAML.parse(fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; types?: string[] }>;
  const hook = hooks.find((h) => h.id === 'iop-lint');

  it('runs iop-lint (the package\'s bin) on the staged YAML files, skipping those that hold no IstioOperator', () => {
    assert.ok(hook, 'the hook iop-lint is declared');
    assert.equal(hook.language, 'node');
    assert.deepEqual(hook.types, ['yaml']);
    const [bin, ...args] = hook.entry.split(/\s+/);
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    assert.equal(path.resolve(repoRoot, pkg.bin[bin]), cliPath, 'the entry is the CLI the package installs');
    assert.ok(pkg.scripts.prepack, 'pre-commit installs the hook with npm pack: it must build dist/');
    const dir = workspace();
    const run = (files: string[]) => spawnSync(process.execPath, [cliPath, ...args, ...files], { cwd: dir, encoding: 'utf8' });
    const clean = run(['good.yaml', 'configmap.yaml']);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stderr, /in 1 file\./, 'the ConfigMap is skipped');
    const failing = run(['good.yaml', 'broken.yaml', 'configmap.yaml']);
    assert.equal(failing.status, 1);
    assert.match(failing.stdout, /^broken\.yaml:6:5: error unknown-field /m);
  });
});

describe('GitHub Action', () => {
  const action = YAML.parse(fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default: string }>;
    runs: { using: string; steps: Array<{ id?: string; run?: string; env?: Record<string, string>; uses?: string; with?: Record<string, string> }> };
  };
  const lintStep = action.runs.steps.find((s) => s.id === 'lint');

  it('declares a composite action whose lint step reads its inputs and whose report is uploaded for code scanning', () => {
    assert.equal(action.runs.using, 'composite');
    assert.ok(lintStep?.env && lintStep.run?.includes('scripts/action/lint.sh'));
    for (const input of ['paths', 'istio-version', 'strict', 'sarif-file']) assert.ok(Object.values(lintStep.env).some((v) => v.includes(`inputs.${input}`)), `input ${input} reaches the lint step`);
    assert.ok(action.runs.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif') && s.with?.sarif_file?.includes('inputs.sarif-file')));
  });

  it('the lint step writes SARIF with the problems and exits with iop-lint\'s status', () => {
    const dir = workspace();
    const run = (env: Record<string, string>) => spawnSync('bash', [path.join(repoRoot, 'scripts/action/lint.sh')], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, GITHUB_ACTION_PATH: repoRoot, GITHUB_OUTPUT: path.join(dir, 'out.txt'), ...env },
    });
    const failing = run({ IOP_PATHS: 'good.yaml broken.yaml', IOP_SARIF: 'report.sarif' });
    assert.equal(failing.status, 1, failing.stderr);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'report.sarif'), 'utf8')) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(sarif.runs[0].results.map((r) => r.ruleId), ['unknown-field']);
    assert.match(fs.readFileSync(path.join(dir, 'out.txt'), 'utf8'), /^sarif-file=report\.sarif$/m);
    assert.match(failing.stdout, /broken\.yaml:6:5: error unknown-field/, 'the findings are in the job log too');
    const clean = run({ IOP_PATHS: 'good.yaml', IOP_ISTIO_VERSION: '1.20' });
    assert.equal(clean.status, 0, clean.stderr);
    assert.ok(fs.existsSync(path.join(dir, action.inputs['sarif-file'].default)), 'the default report path');
  });
});
