// scripts/schema/import/reviewedTables.ts: a table carries over to a new Istio minor only while the
// Istio files it was read from are unchanged since the minor it was reviewed for. Checked on a tiny
// git repository built here; the registry itself against the repository and the istio mirrors.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { GitRepo } from '../../scripts/schema/import/gitRepo.ts';
import { REVIEWED_TABLES, checkReviewedTables, finalTagOf, formatTableProblems, type ReviewedTable } from '../../scripts/schema/import/reviewedTables.ts';
import { commitTree, initRepo } from './istioRepoFixture.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const SOURCE = 'operator/pkg/render/postprocess.go';

const TABLE: ReviewedTable = {
  name: 'TEST_ERAS: a table read from postprocess.go',
  files: ['server/src/engine/rules/testTable.ts'],
  reviewedThrough: 30,
  reads: [{ repo: 'istio/istio', path: SOURCE }],
};

let dir: string;
let repo: GitRepo;

const commitTag = (tag: string, files: Record<string, string>) => commitTree(dir, tag, files);

const release = (version: string, tag: string) => ({ version, istioTag: tag, apiTag: tag });

describe('checkReviewedTables', () => {
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reviewed-tables-'));
    initRepo(dir);
    commitTag('1.30.1', { [SOURCE]: 'package render // old\n' });
    commitTag('1.30.3', { [SOURCE]: 'package render\n', 'README.md': 'other files change freely\n' });
    // A prerelease of a later patch: never the reviewed release's tag.
    commitTag('1.30.4-beta.1', { [SOURCE]: 'package render // beta\n' });
    commitTag('1.31.0', { [SOURCE]: 'package render\n', 'README.md': 'changed, but not read by the table\n' });
    commitTag('1.32.0', { [SOURCE]: 'package render\n\nfunc postProcess() {}\n' });
    commitTag('1.33.0', { 'README.md': 'the source is gone\n' });
    repo = new GitRepo(dir, 'istio/istio');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the reviewed minor\'s tag is its highest final patch (no prerelease) when the import does not list it', () => {
    assert.equal(finalTagOf(repo, 30), '1.30.3');
    assert.equal(finalTagOf(repo, 29), undefined);
  });

  test('same sources at 1.31: the table carries over', () => {
    assert.deepEqual(checkReviewedTables({ istio: repo, api: repo }, [release('1.31', '1.31.0')], [TABLE]), []);
    assert.equal(formatTableProblems([]), '');
  });

  test('a changed source at 1.32, and one gone at 1.33: a problem naming the table and the path', () => {
    const problems = checkReviewedTables({ istio: repo, api: repo }, [release('1.30', '1.30.3'), release('1.31', '1.31.0'), release('1.32', '1.32.0'), release('1.33', '1.33.0')], [TABLE]);
    assert.deepEqual(problems.map((p) => [p.table.name, p.minor, p.changed]), [[TABLE.name, '1.32', [SOURCE]], [TABLE.name, '1.33', [SOURCE]]]);
    assert.deepEqual(problems[0].tags?.istio, ['1.30.3', '1.32.0']);
  });

  test('a table already reviewed for the minor is not compared', () => {
    assert.deepEqual(checkReviewedTables({ istio: repo, api: repo }, [release('1.32', '1.32.0')], [{ ...TABLE, reviewedThrough: 32 }]), []);
  });

  test('the message names the table, its files, the changed path, the diff to read and what to raise', () => {
    const text = formatTableProblems(checkReviewedTables({ istio: repo, api: repo }, [release('1.32', '1.32.0')], [TABLE]));
    assert.match(text, /TEST_ERAS: a table read from postprocess\.go, at Istio 1\.32/);
    assert.ok(text.includes('server/src/engine/rules/testTable.ts'), text);
    assert.ok(text.includes(`istio/istio ${SOURCE}`), text);
    assert.ok(text.includes(`diff 1.30.3 1.32.0 -- ${SOURCE}`), text);
    assert.match(text, /raise reviewedThrough to 32 .*scripts\/schema\/import\/reviewedTables\.ts/);
  });

  test('no tag of the reviewed minor: a clear error, not a silent pass', () => {
    assert.throws(() => checkReviewedTables({ istio: repo, api: repo }, [release('1.32', '1.32.0')], [{ ...TABLE, reviewedThrough: 29 }]), /reviewed for Istio 1\.29.*no 1\.29\.N tag/);
  });
});

describe('REVIEWED_TABLES', () => {
  test('every entry names existing files of this repository and at least one source', () => {
    const names = new Set<string>();
    for (const t of REVIEWED_TABLES) {
      assert.ok(!names.has(t.name), `one entry per table: ${t.name}`);
      names.add(t.name);
      assert.equal(t.reviewedThrough, 30, t.name);
      assert.ok(t.reads.length > 0 && t.files.length > 0, t.name);
      for (const f of t.files) assert.ok(fs.existsSync(path.join(repoRoot, f)), `${t.name}: no file ${f}`);
    }
  });

  test('every engine file with a range ending at LATEST is in an entry', () => {
    const listed = new Set(REVIEWED_TABLES.flatMap((t) => t.files));
    const engine = path.join(repoRoot, 'server/src/engine');
    const open = (fs.readdirSync(engine, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'))
      .filter((f) => /, LATEST\]|to: LATEST\b/.test(fs.readFileSync(path.join(engine, f), 'utf8')))
      .map((f) => `server/src/engine/${f.split(path.sep).join('/')}`);
    assert.ok(open.length > 10, 'the engine has open ranges');
    assert.deepEqual(open.filter((f) => !listed.has(f)), [], 'add these to REVIEWED_TABLES (scripts/schema/import/reviewedTables.ts)');
  });

  // The sources are read from git mirrors of istio/istio and istio/api, which CI does not have.
  const mirrors = { 'istio/istio': process.env.ISTIO_MIRROR ?? '/work/.mirror/istio+istio/repo', 'istio/api': process.env.ISTIO_API_MIRROR ?? '/work/.mirror/istio+api/repo' };
  const hasMirrors = Object.values(mirrors).every((m) => fs.existsSync(path.join(m, 'HEAD')) || fs.existsSync(path.join(m, '.git')));
  test('every source exists at 1.30.3 in the mirrors', { skip: hasMirrors ? false : `no istio/istio and istio/api git mirrors (${Object.values(mirrors).join(', ')})` }, () => {
    const repos = { 'istio/istio': new GitRepo(mirrors['istio/istio'], 'istio/istio'), 'istio/api': new GitRepo(mirrors['istio/api'], 'istio/api') };
    const missing = REVIEWED_TABLES.flatMap((t) => t.reads.filter((r) => !repos[r.repo].has('1.30.3', r.path)).map((r) => `${t.name}: ${r.repo} ${r.path}`));
    assert.deepEqual(missing, []);
  });
});
