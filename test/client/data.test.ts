// The data the commands show: the bundled releases, the two sides of a
// cluster diff, the reading of IstioOperator files, the defaults cache, the status bar's words.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import YAML from 'yaml';
import { readDefaultsCache, writeDefaultsCache } from '../../client/src/defaultsCache.ts';
import { looksLikeIstioOperator, readIop } from '../../client/src/iopFile.ts';
import { diffSides, objectKey, parseObjects } from '../../client/src/liveObjects.ts';
import { bundledVersion, readIndex } from '../../client/src/bundledIndex.ts';
import { versionText } from '../../client/src/statusText.ts';
import { withPrivateTempDir } from '../../client/src/tempDir.ts';
import { IOP, repoRoot } from './helpers.ts';

const schemas = path.join(repoRoot, 'schemas');

describe('the bundled releases', () => {
  const index = readIndex(schemas);
  it('picks the nearest bundled release', () => {
    assert.equal(bundledVersion(index, 24).version, '1.24');
    assert.equal(bundledVersion(index, 99).version, '1.30');
    assert.equal(bundledVersion(index, 1).version, '1.5');
  });
});

describe('the two sides of Diff against cluster', () => {
  const rendered = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: istiod
  namespace: istio-system
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: istiod
  namespace: istio-system
spec:
  replicas: 1
---
apiVersion: v1
kind: Secret
metadata:
  name: s
  namespace: istio-system
data:
  same: c2FtZQ==
  changed: bmV3
---
`;
  const live = `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: istiod
    namespace: istio-system
    uid: u
    resourceVersion: "1"
    managedFields: [{manager: x}]
    annotations: {deployment.kubernetes.io/revision: "3"}
  spec: {replicas: 2}
  status: {readyReplicas: 2}
- apiVersion: v1
  kind: Secret
  metadata: {name: s, namespace: istio-system}
  data: {same: c2FtZQ==, changed: b2xk}
`;
  it('lines objects up in the rendered order, without server fields, naming missing ones', () => {
    const sides = diffSides(rendered, live);
    const l = sides.live.split('---\n');
    const r = sides.rendered.split('---\n');
    assert.equal(l.length, 3);
    assert.equal(r.length, 3);
    assert.equal(l[0], '# ServiceAccount istio-system/istiod: not in the cluster\n');
    assert.deepEqual(YAML.parse(l[1]), { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'istiod', namespace: 'istio-system' }, spec: { replicas: 2 } });
    assert.deepEqual(sides.missing, ['ServiceAccount istio-system/istiod']);
  });
  it('masks Secret values on both sides, marking the ones that differ', () => {
    const sides = diffSides(rendered, live);
    const l = YAML.parse(sides.live.split('---\n')[2]);
    const r = YAML.parse(sides.rendered.split('---\n')[2]);
    assert.deepEqual(l.data, { changed: '*** (live)', same: '***' });
    assert.deepEqual(r.data, { changed: '*** (rendered)', same: '***' });
    assert.doesNotMatch(sides.live + sides.rendered, /c2FtZQ|b2xk|bmV3/);
  });
  it('identifies objects by group, kind, namespace and name', () => {
    assert.equal(objectKey({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a', namespace: 'n' } }), 'apps|Deployment|n|a');
    assert.equal(objectKey({ apiVersion: 'apps/v1beta1', kind: 'Deployment', metadata: { name: 'a', namespace: 'n' } }), 'apps|Deployment|n|a');
    assert.equal(parseObjects('---\n---\nkind: A\n---\n# only a comment\n').length, 1);
  });
});

describe('reading IstioOperator files', () => {
  it('knows one by its kind line, in any document', () => {
    assert.ok(looksLikeIstioOperator(IOP));
    assert.ok(looksLikeIstioOperator('apiVersion: v1\nkind: ConfigMap\n---\nkind: "IstioOperator"  # the install\n'));
    assert.ok(!looksLikeIstioOperator('kind: Deployment\n# kind: IstioOperator\n'));
    assert.ok(!looksLikeIstioOperator('  kind: IstioOperator\n'), 'nested keys are not the document kind');
  });
  it('reads spec.profile and spec.revision, with defaults', () => {
    const info = readIop(IOP)!;
    assert.equal(info.profile, 'demo');
    assert.equal(info.revision, 'canary');
    const bare = readIop('kind: IstioOperator\nspec: {}\n')!;
    assert.equal(bare.profile, 'default');
    assert.equal(bare.profileSet, false);
    assert.equal(bare.revision, undefined);
    assert.equal(readIop('kind: IstioOperator\nspec: [unclosed\n'), undefined);
    assert.equal(readIop('kind: ConfigMap\n'), undefined);
  });
  it('does not blow up on an alias bomb', () => {
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\nkind: IstioOperator\n';
    assert.equal(readIop(bomb), undefined);
  });
});

describe('private temp files', () => {
  it('live in a 0700 folder, are 0600, and are gone afterwards, also after a failure', async () => {
    let dir = '';
    let file = '';
    await assert.rejects(withPrivateTempDir(async (tmp) => {
      dir = tmp.dir;
      file = tmp.write('manifest.yaml', 'kind: Secret\n');
      assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
      assert.equal(fs.readFileSync(file, 'utf8'), 'kind: Secret\n');
      assert.throws(() => tmp.write('manifest.yaml', 'again'), /EEXIST/);
      assert.throws(() => tmp.write('../escape', 'x'), /not a plain temp file name/);
      throw new Error('the work failed');
    }), /the work failed/);
    assert.ok(dir.startsWith(os.tmpdir()));
    assert.ok(!fs.existsSync(file) && !fs.existsSync(dir));
  });
});

describe('the defaults cache', () => {
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'iop-storage-'));
  after(() => fs.rmSync(storage, { recursive: true, force: true }));
  it('is written per istioctl version and read back', () => {
    const dumps = { default: 'kind: IstioOperator\nspec: {profile: default}\n', demo: 'kind: IstioOperator\n' };
    const w = writeDefaultsCache(storage, '1.20.3', '1.20', dumps);
    assert.equal(w.dir, path.join(storage, 'istioctl-defaults', '1.20.3'));
    const r = readDefaultsCache(storage, '1.20.3')!;
    assert.deepEqual(r.dumps, dumps);
    assert.deepEqual(r.profiles, ['default', 'demo']);
    assert.equal(r.minor, '1.20');
    assert.equal(readDefaultsCache(storage, '1.21.0'), undefined);
    writeDefaultsCache(storage, '1.20.3', '1.20', { minimal: 'x' });
    assert.deepEqual(readDefaultsCache(storage, '1.20.3')!.profiles, ['minimal'], 'a refresh replaces the old cache');
    assert.deepEqual(fs.readdirSync(path.join(storage, 'istioctl-defaults')), ['1.20.3'], 'no staging folders left');
  });
  it('keeps odd version strings inside its folder', () => {
    const w = writeDefaultsCache(storage, '../../etc/x', '1.20', { default: 'x' });
    assert.ok(w.dir.startsWith(path.join(storage, 'istioctl-defaults') + path.sep));
  });
});

describe('the status bar text', () => {
  it('says the version and where it came from', () => {
    assert.equal(versionText({ version: '1.20', source: 'istioctl', reason: 'istioctl 1.20.3' }, '1.20.3'), 'Istio 1.20 (istioctl 1.20.3)');
    assert.equal(versionText({ version: '1.22', source: 'spec.tag', reason: '' }, undefined), 'Istio 1.22 (spec.tag)');
    assert.equal(versionText({ version: '1.9', source: 'comment', reason: '' }, undefined), 'Istio 1.9 (comment)');
    assert.equal(versionText({ version: '1.18', source: 'setting', reason: '' }, undefined), 'Istio 1.18 (setting)');
    assert.equal(versionText({ version: '1.30', source: 'newest', reason: '' }, undefined), 'Istio 1.30 (newest bundled)');
    assert.equal(versionText({ version: null, source: null, reason: null }, undefined), 'Istio');
  });
});
