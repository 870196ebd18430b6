// The 1.24+ spec read from Istio's Go structs (scripts/schema/import/goSpec.ts) is the field tree
// ../shared/istio/operator-spec-1.24.yaml describes: on Go source written from that file, and on
// types.go itself at 1.24.6 and 1.30.3 when a mirror of istio/istio is present.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { readGoSpecSource } from '../../scripts/schema/import/goSpec.ts';
import { readGoSpec, type GoTree } from '../../scripts/schema/specTree.ts';
import { istioData } from './helpers.ts';
import { typesGo } from './istioRepoFixture.ts';

const specFile = path.join(istioData, 'operator-spec-1.24.yaml');
const mirror = process.env.ISTIO_MIRROR ?? '/work/.mirror/istio+istio/repo';
/** The types in name order (the generator looks them up by name), absent docs left out. */
const byName = (tree: GoTree) => JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(tree).sort(([a], [b]) => (a < b ? -1 : 1)))));

describe('the 1.24+ Go spec', () => {
  test('Go structs written from operator-spec-1.24.yaml read back as its field tree, docs included', () => {
    assert.deepEqual(byName(readGoSpecSource(typesGo(specFile), 'fixture')), byName(readGoSpec(specFile)));
  });

  for (const tag of ['1.24.6', '1.30.3']) {
    test(`operator/pkg/apis/types.go@${tag} reads as operator-spec-1.24.yaml`, { skip: fs.existsSync(mirror) ? false : `no istio/istio mirror at ${mirror}` }, () => {
      const source = execFileSync('git', ['-C', mirror, 'show', `${tag}:operator/pkg/apis/types.go`], { encoding: 'utf8' });
      assert.deepEqual(byName(readGoSpecSource(source, tag)), byName(readGoSpec(specFile)));
    });
  }

  test('a Go type the import does not know fails, naming the reviewed table to extend', () => {
    const source = typesGo(specFile).replace('Hub string `json:"hub,omitempty"`', 'Hub *resource.Quantity `json:"hub,omitempty"`');
    assert.throws(() => readGoSpecSource(source, 'x'), /goSpecReview\.ts/);
  });
});
