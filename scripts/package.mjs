// `npm run package` (after `npm run build`): packs the bundled extension with @vscode/vsce into
// dist/istio-operator-tools.vsix, then checks what is inside against the allowlist (.vscodeignore
// is the first line of defence, this is the second) and prints the size. Fails over 6 MB.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'istio-operator-tools.vsix');
const LIMIT = 6 * 1024 * 1024;

/**
 * What may be in the package (paths inside its `extension/` folder), and what must be. vsce
 * stores README.md as readme.md and LICENSE as LICENSE.txt.
 */
const ALLOWED = [/^dist\/(client|server|cli)\.js$/, /^schemas\/[A-Za-z0-9._-]+\.json$/, /^package\.json$/, /^readme\.md$/i, /^changelog\.md$/i, /^LICENSE(\.txt)?$/i, /^images\/icon\.png$/, /^walkthrough\/[a-z-]+\.md$/, /^package\.nls(\.[a-z-]+)?\.json$/, /^l10n\/bundle\.l10n(\.[a-z-]+)?\.json$/];
const REQUIRED = ['dist/client.js', 'dist/server.js', 'dist/cli.js', 'package.json', 'readme.md', 'changelog.md', 'license.txt', 'schemas/index.json', 'walkthrough/open.md', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.zh-cn.json'];

const fail = (message) => {
  console.error(`package: ${message}`);
  process.exit(1);
};

for (const f of ['dist/client.js', 'dist/server.js', 'dist/cli.js']) {
  if (!fs.existsSync(path.join(root, f))) fail(`${f} is missing: run \`npm run build\` first (or \`npm run package\`, which builds)`);
}

const require = createRequire(import.meta.url);
const vsceDir = path.dirname(require.resolve('@vscode/vsce/package.json'));
const vsceBin = path.join(vsceDir, JSON.parse(fs.readFileSync(path.join(vsceDir, 'package.json'), 'utf8')).bin.vsce);
fs.rmSync(out, { force: true });
// stdin 'ignore': a vsce question is answered "no" instead of waiting forever. README's relative
// links stay as they are (they work in the repository and offline).
const r = spawnSync(process.execPath, [vsceBin, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
if (r.status !== 0) fail(`vsce package exited with ${r.status ?? r.signal}`);

const entries = zipEntries(fs.readFileSync(out));
const files = entries.filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
const unexpected = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
if (unexpected.length) fail(`unexpected files in the package (fix .vscodeignore): ${unexpected.join(', ')}`);
const lower = files.map((f) => f.toLowerCase());
const missing = REQUIRED.filter((f) => !lower.includes(f.toLowerCase()));
const index = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'index.json'), 'utf8'));
for (const v of index.versions) if (!files.includes(`schemas/${v.file}`)) missing.push(`schemas/${v.file}`);
if (missing.length) fail(`missing from the package: ${missing.join(', ')}`);

const size = fs.statSync(out).size;
console.log(`${path.relative(root, out)}: ${(size / 1024 / 1024).toFixed(2)} MB (${size} bytes), ${files.length} files: ${summarize(files)}`);
if (size > LIMIT) fail(`the package is over ${LIMIT / 1024 / 1024} MB`);

function summarize(list) {
  const schemas = list.filter((f) => f.startsWith('schemas/')).length;
  return [...list.filter((f) => !f.startsWith('schemas/')), `${schemas} schemas/*.json`].join(', ');
}

/** The names in a zip file's central directory (enough to list a .vsix without a zip library). */
function zipEntries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) fail('the .vsix is not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) fail('the .vsix has a broken central directory');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}
