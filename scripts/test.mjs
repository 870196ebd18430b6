// Runs every test file under test/ (or the folders given) with Node's test runner.
//   node scripts/test.mjs [test/engine test/cli ...]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['test'];
const files = [];
const walk = (p) => {
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) if (name !== 'e2e' && name !== 'vscode' && name !== 'fixtures') walk(path.join(p, name));
  } else if (/\.test\.ts$/.test(p)) files.push(p);
};
roots.forEach(walk);
if (!files.length) {
  console.error(`no test files under ${roots.join(', ')}`);
  process.exit(2);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
