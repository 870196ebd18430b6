// `npm run schemas -- --istio-repo --api-repo --kubernetes-openapi`: the import reads git
// repositories with istio/istio's and istio/api's layout (built here from ../shared/istio at the
// final tags of 1.20, 1.23 and 1.30, plus a 1.31.0 that copies 1.30) and a Kubernetes OpenAPI
// folder with a full swagger.json, and writes the same bytes as the committed schemas.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { istioData, minors, repoRoot, schemasDir } from './helpers.ts';
import { commitTree, initRepo, minorTrees } from './istioRepoFixture.ts';

const run = promisify(execFile);
const VENDORED = JSON.parse(fs.readFileSync(path.join(istioData, '../kubernetes/istio-vendored.json'), 'utf8')) as Record<string, { 'k8s.io/api': string; kubernetes: string }>;
const K8S_API: Record<string, string> = { '1.20': 'v0.28.3', '1.23': 'v0.30.1', '1.30': VENDORED['1.30']['k8s.io/api'] };
const ASKED = ['1.20', '1.23', '1.30'];

let tmp = '';
let istioRepo = '';
let apiRepo = '';
let openApi = '';

async function generate(out: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'scripts/schema/generate.ts', '--istio-repo', istioRepo, '--api-repo', apiRepo, '--kubernetes-openapi', openApi, '--out', out, ...args], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A copy of the committed schemas/: the releases a partial run does not read take part from there. */
function committedCopy(name: string): string {
  const out = path.join(tmp, name);
  fs.cpSync(schemasDir, out, { recursive: true });
  return out;
}

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iop-import-test-'));
  istioRepo = path.join(tmp, 'istio');
  apiRepo = path.join(tmp, 'api');
  openApi = path.join(tmp, 'openapi');
  initRepo(istioRepo);
  initRepo(apiRepo);
  const all = ASKED.map((v) => { const m = minors.find((x) => x.version === v)!; return { m, trees: minorTrees(istioData, schemasDir, m, K8S_API[v]) }; });
  // 1.24+ read the k8s protos from the last istio/api release that carried them (1.23.6): they go into that tag's tree.
  for (const { m, trees } of all) {
    for (const [rev, files] of trees.olderApi) {
      const owner = all.find((x) => x.m.istioTag === rev);
      assert.ok(owner, `fixture: ${m.version} needs istio/api ${rev}`);
      for (const [f, bytes] of files) owner.trees.api.set(f, bytes);
    }
  }
  for (const { m, trees } of all) {
    commitTree(apiRepo, m.istioTag, trees.api);
    commitTree(istioRepo, m.istioTag, trees.istio);
  }
  const last = all[all.length - 1].trees;
  // An Istio release the import has never seen: 1.30's tree, tagged 1.31.0.
  const goMod = String(last.istio.get('go.mod')).replace(/istio\.io\/api v\S+/, 'istio.io/api v1.31.0');
  commitTree(apiRepo, '1.31.0', last.api);
  commitTree(istioRepo, '1.31.0', new Map([...last.istio, ['go.mod', goMod]]));
  // A minor with only a release candidate so far (the same tree).
  execFileSync('git', ['-C', istioRepo, 'tag', '1.33.0-rc.0']);
  // A release whose Go spec changed: the reviewed table of what types.go does not say must be read again.
  const typesGo = String(last.istio.get('operator/pkg/apis/types.go')).replace('type IstioOperatorSpec struct {', 'type IstioOperatorSpec struct {\n\tDryRun bool `json:"dryRun,omitempty"`');
  commitTree(apiRepo, '1.32.0', last.api);
  commitTree(istioRepo, '1.32.0', new Map([...last.istio, ['go.mod', goMod.replace('v1.31.0', 'v1.32.0')], ['operator/pkg/apis/types.go', typesGo]]));
  // Kubernetes publishes one swagger.json per release; the import keeps the types an IstioOperator embeds.
  const k8s = VENDORED['1.30'].kubernetes;
  const defs = JSON.parse(fs.readFileSync(path.join(istioData, '../kubernetes', k8s, 'definitions.json'), 'utf8')).definitions;
  fs.mkdirSync(path.join(openApi, k8s), { recursive: true });
  fs.writeFileSync(path.join(openApi, k8s, 'swagger.json'), JSON.stringify({
    swagger: '2.0', info: { title: 'Kubernetes', version: `v${k8s}.0` },
    definitions: { ...defs, 'io.k8s.api.batch.v1.Job': { type: 'object', properties: { spec: { $ref: '#/definitions/io.k8s.api.batch.v1.JobSpec' } } }, 'io.k8s.api.batch.v1.JobSpec': { type: 'object' } },
  }));
});

after(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

describe('npm run schemas from git repositories', () => {
  test('1.20, 1.23 and 1.30 from the git repositories are byte-identical to the committed schemas', async () => {
    const out = committedCopy('known');
    for (const v of ASKED) { fs.rmSync(path.join(out, `istio-${v}.json`)); fs.rmSync(path.join(out, `profiles-${v}.json`)); }
    const r = await generate(out, '--minors', ASKED.join(','));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /1\.30: istio 1\.30\.3, istio\/api 1\.30\.3, Kubernetes 1\.35/);
    for (const v of ASKED) {
      for (const file of [`istio-${v}.json`, `profiles-${v}.json`]) {
        assert.ok(fs.readFileSync(path.join(out, file)).equals(fs.readFileSync(path.join(schemasDir, file))), `${file} differs from the committed one`);
      }
    }
    for (const file of ['index.json', 'chart-profiles.json', 'kubernetes-vendored.json', 'deprecations.json', 'k8s-rendered-fields.json']) {
      assert.equal(fs.readFileSync(path.join(out, file), 'utf8'), fs.readFileSync(path.join(schemasDir, file), 'utf8'), file);
    }
  });

  test('a tag the import does not know (1.31.0, a copy of 1.30) gives a 1.31 schema and says the others need a full run', async (t) => {
    const out = committedCopy('new');
    const r = await generate(out, '--minors', '1.31');
    t.diagnostic(r.stdout);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /1\.31: istio 1\.31\.0, istio\/api 1\.31\.0, Kubernetes 1\.35/);
    assert.match(r.stdout, /1\.31 is new/);
    const s31 = JSON.parse(fs.readFileSync(path.join(out, 'istio-1.31.json'), 'utf8'));
    const s30 = JSON.parse(fs.readFileSync(path.join(schemasDir, 'istio-1.30.json'), 'utf8'));
    assert.equal(s31['x-istio-version'], '1.31');
    assert.equal(s31['x-istio-tag'], '1.31.0');
    assert.deepEqual(Object.keys(s31.definitions), Object.keys(s30.definitions));
    assert.deepEqual(Object.keys(s31.properties.spec.properties), Object.keys(s30.properties.spec.properties));
    const index = JSON.parse(fs.readFileSync(path.join(out, 'index.json'), 'utf8')).versions;
    assert.deepEqual(index.at(-1), { version: '1.31', tag: '1.31.0', profiles: s30['x-istio-profiles'], file: 'istio-1.31.json' });
    assert.equal(index.length, minors.length + 1);
    assert.ok(fs.existsSync(path.join(out, 'profiles-1.31.json')));
    // The acceptance checks on the new release: its profiles validate, Istio's profile-dump goldens hold.
    const check = await run(process.execPath, ['--import', 'tsx', 'scripts/release/checkRelease.ts', '--istio-repo', istioRepo, '1.31', '--schemas', out], { cwd: repoRoot });
    assert.match(check.stdout, /^Istio 1\.31 \(1\.31\.0\)$/m);
    assert.match(check.stdout, /profile default: valid/);
    assert.match(check.stdout, /golden config_path: identical/);
    assert.match(check.stdout, /^ok$/m);
  });

  test('a release whose sources changed under a reviewed table (1.32.0: types.go) stops the import, naming the table, and writes nothing', async (t) => {
    const out = committedCopy('changed');
    const before = fs.readFileSync(path.join(out, 'index.json'), 'utf8');
    const r = await generate(out, '--minors', '1.32');
    t.diagnostic(r.stderr);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /GO_DECODED_AS, GO_FIELD_NOTES/);
    assert.match(r.stderr, /operator\/pkg\/apis\/types\.go/);
    assert.match(r.stderr, /reviewedThrough/);
    assert.equal(fs.existsSync(path.join(out, 'istio-1.32.json')), false);
    assert.equal(fs.readFileSync(path.join(out, 'index.json'), 'utf8'), before);
  });

  test('a minor with no tag fails with a message, and writes nothing', async () => {
    const out = path.join(tmp, 'none');
    const r = await generate(out, '--minors', '1.34');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no tag for Istio 1\.34/);
    assert.equal(fs.existsSync(out), false);
  });

  test('a minor with only a release candidate: refused unless --prerelease, which reads the candidate', async () => {
    const out = committedCopy('candidate');
    const refused = await generate(out, '--minors', '1.33');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /Istio 1\.33 has no final patch tag yet \(the newest is 1\.33\.0-rc\.0\).*--prerelease/);
    assert.equal(fs.existsSync(path.join(out, 'istio-1.33.json')), false);
    const r = await generate(out, '--minors', '1.33', '--prerelease');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(fs.readFileSync(path.join(out, 'istio-1.33.json'), 'utf8'))['x-istio-tag'], '1.33.0-rc.0');
  });

  test('the repository flags go together', async () => {
    const r = await run(process.execPath, ['--import', 'tsx', 'scripts/schema/generate.ts', '--istio-repo', tmp], { cwd: repoRoot }).catch((e) => e);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--istio-repo, --api-repo and --kubernetes-openapi go together/);
  });
});
