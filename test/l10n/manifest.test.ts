// The manifest in English and Simplified Chinese: every string VS Code shows from package.json is a
// `%key%` placeholder, each key is in package.nls.json and package.nls.zh-cn.json, and the Chinese
// keeps what VS Code reads inside the text (command links, setting links, inline code).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CJK, repoRoot } from './helpers.ts';

const read = (f: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, f), 'utf8'));
const pkg = read('package.json');
const en = read('package.nls.json') as Record<string, string>;
const zh = read('package.nls.zh-cn.json') as Record<string, string>;

/** Every string of the manifest people read, with where it is. */
function shown(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const add = (where: string, v: unknown) => { if (typeof v === 'string') out.push([where, v]); };
  const c = pkg.contributes;
  add('description', pkg.description);
  add('capabilities.untrustedWorkspaces.description', pkg.capabilities?.untrustedWorkspaces?.description);
  add('capabilities.virtualWorkspaces.description', pkg.capabilities?.virtualWorkspaces?.description);
  for (const cmd of c.commands ?? []) { add(`${cmd.command}.title`, cmd.title); add(`${cmd.command}.category`, cmd.category); add(`${cmd.command}.shortTitle`, cmd.shortTitle); }
  for (const views of Object.values<any[]>(c.views ?? {})) for (const v of views) { add(`${v.id}.name`, v.name); add(`${v.id}.contextualTitle`, v.contextualTitle); }
  for (const s of c.submenus ?? []) add(`${s.id}.label`, s.label);
  add('configuration.title', c.configuration?.title);
  for (const [k, p] of Object.entries<any>(c.configuration?.properties ?? {})) {
    for (const f of ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage']) add(`${k}.${f}`, p[f]);
    (p.enumDescriptions ?? []).forEach((d: string, i: number) => add(`${k}.enumDescriptions[${i}]`, d));
    (p.markdownEnumDescriptions ?? []).forEach((d: string, i: number) => add(`${k}.markdownEnumDescriptions[${i}]`, d));
  }
  for (const w of c.walkthroughs ?? []) {
    add(`${w.id}.title`, w.title);
    add(`${w.id}.description`, w.description);
    for (const st of w.steps ?? []) { add(`${w.id}.${st.id}.title`, st.title); add(`${w.id}.${st.id}.description`, st.description); add(`${w.id}.${st.id}.altText`, st.media?.altText); }
  }
  return out;
}

/** What VS Code or Markdown reads inside a string and a translation must keep. */
const kept = (s: string) => [
  ...(s.match(/\(command:[^)]+\)/g) ?? []),
  ...(s.match(/#istioOperator\.[\w.]+#/g) ?? []),
  ...(s.match(/`[^`]+`/g) ?? []),
].sort();

/** Names that read the same in Chinese. */
const SAME = /^(Istio( \d+\.\d+)?|Istio Operator)$/;

describe('the manifest (package.json, package.nls.json, package.nls.zh-cn.json)', () => {
  it('writes every string people read as a %key% placeholder', () => {
    const literal = shown().filter(([, v]) => !/^%[^%]+%$/.test(v));
    assert.deepEqual(literal, [], 'localize these through package.nls.json');
    assert.equal(pkg.l10n, './l10n', 'package.json names the runtime bundles folder');
  });
  it('has every placeholder in both languages, and the same keys in both files', () => {
    const keys = [...new Set(shown().map(([, v]) => v.slice(1, -1)))];
    assert.deepEqual(keys.filter((k) => !(k in en)), [], 'missing from package.nls.json');
    assert.deepEqual(keys.filter((k) => !(k in zh)), [], 'missing from package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(en).filter((k) => !(k in zh)), [], 'in English only');
    assert.deepEqual(Object.keys(zh).filter((k) => !(k in en)), [], 'in Chinese only');
    assert.deepEqual(Object.keys(en).filter((k) => !keys.includes(k)), [], 'keys package.json no longer uses');
  });
  it('translates every string (names that read the same aside) and keeps links, setting references and inline code', () => {
    for (const [k, v] of Object.entries(en)) {
      if (SAME.test(v)) assert.equal(zh[k], v, k);
      else assert.match(zh[k], CJK, `${k} is not translated: ${zh[k]}`);
      assert.deepEqual(kept(zh[k]), kept(v), `${k} keeps links and code`);
    }
  });
  it('leaves the walkthrough media in English: VS Code has no localized variant of a step\'s markdown file', () => {
    // (media.markdown is one path; only package.nls.*.json strings are localized.)
    for (const w of pkg.contributes.walkthroughs) for (const st of w.steps) assert.match(st.media.markdown, /^walkthrough\/[a-z-]+\.md$/);
  });
});
