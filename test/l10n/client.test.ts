// The client's runtime strings in Simplified Chinese: l10n/bundle.l10n.json is what
// `npx @vscode/l10n-dev export --outDir ./l10n ./client/src` extracts from the source now, the
// zh-cn bundle has the same keys, and every message renders in Chinese through @vscode/l10n (the
// runtime VS Code's own vscode.l10n.t matches) with each placeholder filled.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { CJK, repoRoot } from './helpers.ts';

type Bundle = Record<string, string | { message: string; comment: string[] }>;
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, f), 'utf8')) as Bundle;
const en = read('l10n/bundle.l10n.json');
const zh = read('l10n/bundle.l10n.zh-cn.json');
const messageOf = (v: Bundle[string]) => (typeof v === 'string' ? v : v.message);

/** Words that read the same in Chinese. */
const SAME = new Set(['profile']);

/** The named ({file}) and numbered ({0}) placeholders of a message. */
const placeholders = (m: string) => [...new Set([...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1]))].sort();

describe('the client runtime bundles (l10n/)', () => {
  it('bundle.l10n.json is what l10n-dev extracts from client/src now', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'iop-l10n-'));
    try {
      const bin = path.join(repoRoot, 'node_modules/@vscode/l10n-dev/dist/cli.js');
      const r = spawnSync(process.execPath, [bin, 'export', '--outDir', out, path.join(repoRoot, 'client/src')], { cwd: repoRoot, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const fresh = JSON.parse(fs.readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as Bundle;
      assert.deepEqual(Object.keys(fresh).filter((k) => !(k in en)), [], 'new strings: run `npx @vscode/l10n-dev export --outDir ./l10n ./client/src` and translate them in bundle.l10n.zh-cn.json');
      assert.deepEqual(Object.keys(en).filter((k) => !(k in fresh)), [], 'strings the source no longer has: export again');
      assert.deepEqual(fresh, en);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
  it('has the same keys in English and Chinese, with the same placeholders', () => {
    assert.deepEqual(Object.keys(en).filter((k) => !(k in zh)), [], 'in English only');
    assert.deepEqual(Object.keys(zh).filter((k) => !(k in en)), [], 'in Chinese only');
    for (const [k, v] of Object.entries(en)) assert.deepEqual(placeholders(messageOf(zh[k])), placeholders(messageOf(v)), k);
  });
  it('renders every message in Chinese through @vscode/l10n, every placeholder filled', () => {
    l10n.config({ contents: zh as Record<string, string> });
    let rendered = 0;
    for (const [key, v] of Object.entries(en)) {
      const message = messageOf(v);
      const names = placeholders(message);
      const args = Object.fromEntries(names.map((n, i) => [n, `«${n}${i}»`]));
      const comment = typeof v === 'string' ? [] : v.comment;
      const out = l10n.t({ message, args, comment });
      const english = message.replace(/\{(\w+)\}/g, (_, n: string) => args[n]);
      if (SAME.has(message)) assert.equal(out, english, key);
      else {
        assert.notEqual(out, english, `${key}: falls back to English`);
        // Chinese words, or for a message of names and punctuation ("istioctl: {version}") Chinese punctuation.
        assert.match(out, new RegExp(`${CJK.source}|[\\u3000-\\u303f\\uff00-\\uffef]`), `${key}: ${out}`);
      }
      for (const value of Object.values(args)) assert.ok(out.includes(value), `${key}: ${value} missing from ${out}`);
      assert.doesNotMatch(out, /\{\w+\}/, `${key}: a placeholder left in ${out}`);
      rendered++;
    }
    assert.equal(rendered, Object.keys(en).length);
    assert.ok(rendered > 200, `${rendered} messages`);
  });
});

describe('the client source', () => {
  const src = path.join(repoRoot, 'client/src');
  const files = fs.readdirSync(src, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
  it('shows no English sentence except through l10n.t', () => {
    // A literal that reads as words, passed where people read it: a message, a picker, a tree item, the output.
    const shown = /(show(Error|Warning|Information)Message\(|(title|placeHolder|prompt|tooltip|openLabel|description|detail|label|message|reason|note|text): |output\.line\(|\.appendMarkdown\(|progress\.report\()\s*['`"][^'`"]*[A-Za-z]{2,} [a-z]{2,}/;
    const offenders: string[] = [];
    for (const f of files) {
      fs.readFileSync(path.join(src, f), 'utf8').split('\n').forEach((line, i) => {
        if (/^\s*(\/\/|\*)/.test(line)) return;
        if (shown.test(line.replace(/l10n\.t\((\{ message: )?'([^'\\]|\\.)*'/g, 'l10n.t(X'))) offenders.push(`${f}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(offenders, []);
  });
  it('configures @vscode/l10n from the display language before any module that uses it loads', () => {
    const ext = fs.readFileSync(path.join(src, 'extension.ts'), 'utf8');
    const firstImport = /^import .*$/m.exec(ext)?.[0];
    assert.equal(firstImport, "import './l10nSetup.ts';");
    assert.match(fs.readFileSync(path.join(src, 'l10nSetup.ts'), 'utf8'), /l10n\.config\(\{ contents: vscode\.l10n\.bundle \}\)/);
  });
});
