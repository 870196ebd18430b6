// The README's first command and its broken-example transcript, run for real: the main job exits 0,
// and what the README shows for examples/broken is what iop-lint prints.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { iopLint } from '../support/cli.ts';
import { repoRoot } from '../support/lspClient.ts';

const README = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

describe('README', () => {
  it('the first command lints the bundled examples with exit code 0', () => {
    const first = /```sh\n([^]*?)```/.exec(README)?.[1] ?? '';
    const lint = /node dist\/cli\.js ([^\n&|;]+)/.exec(first);
    assert.ok(lint, `the first block runs iop-lint: ${first}`);
    const r = iopLint(lint[1].trim().split(/\s+/));
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stderr, /0 errors/);
  });

  it('shows what `node dist/cli.js examples/broken` prints, and says it exits 1', () => {
    const block = /```\n\$ node dist\/cli\.js examples\/broken\n([^]*?)```/.exec(README)?.[1];
    assert.ok(block, 'the README has the broken example\'s transcript');
    const r = iopLint(['examples/broken']);
    assert.equal(r.status, 1);
    assert.equal(block, r.stdout + r.stderr);
  });
});
