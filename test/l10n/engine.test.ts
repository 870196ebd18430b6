// The engine in Simplified Chinese. Every diagnostic message it writes for a broad corpus (the
// fixtures, the examples, the inputs of the engine tests and a few written for the rarer messages,
// each at its own release and at 1.5, 1.8, 1.14, 1.20, 1.24 and 1.30) has a Chinese rendering from
// the templates in server/src/engine/l10n/, and every template and phrase there is one the engine
// still writes. A message added without its Chinese fails here, and so does a template left behind
// when its English changes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-types';
import { Engine, type EngineSettings } from '../../server/src/engine/engine.ts';
import { FIX_TITLES } from '../../server/src/engine/l10n/diagnostics.zh-cn.ts';
import { isSupportedLocale, localeFromEnv, toLocale } from '../../server/src/engine/l10n/locale.ts';
import { ALL_DIAGNOSTICS, ALL_FRAGMENTS, translateFixTitle, translateMessage, translatePhrase, type Trace } from '../../server/src/engine/l10n/localize.ts';
import { CATALOGS, EN, ZH } from '../../server/src/engine/l10n/messages.ts';
import { compile, placeholders } from '../../server/src/engine/l10n/template.ts';
import { YAML_SYNTAX } from '../../server/src/engine/l10n/yaml.zh-cn.ts';
import { SYNTHETIC } from './corpus/synthetic.ts';
import { CJK, repoRoot } from './helpers.ts';

const RELEASES = ['1.5', '1.8', '1.14', '1.20', '1.24', '1.30'];
/** Chinese words or Chinese punctuation. */
const CHINESE = new RegExp(`${CJK.source}|[\\u3000-\\u303f\\uff00-\\uffef]`);
/** Text a translation must translate: English words outside placeholders and inline code. */
const hasWords = (template: string) => /[A-Za-z]{2,}/.test(template.replace(/\{\w+(:\w+)?\}|`[^`]*`|"[^"]*"|\b(the|a|an|of|istioctl|Istio)\b|[\w-]+\.[\w.-]+/g, ''));

/**
 * Templates the bundled schemas give no way to reach (no schema pattern outside durations, numbers
 * and quantities; no `x-kubernetes-enum`; every moved key also names the releases that have it):
 * kept for schemas that will, and checked on a message built the way validate.ts builds it.
 */
const UNREACHED: Record<string, string> = {
  '{value} does not have the expected form ({pattern}).': '"abc" does not have the expected form (^[a-z]+$).',
  'Kubernetes accepts {values:codes} for `{path}`, not `{value}`: istioctl does not check it, and the API server refuses the object it renders.':
    'Kubernetes accepts `Always`, `Never` for `components.pilot.k8s.imagePullPolicy`, not `Sometimes`: istioctl does not check it, and the API server refuses the object it renders.',
  '{full} is not accepted in Istio {v}: {moved:moved}.{consequence:consequence}': '`values.global.x` is not accepted in Istio 1.20: use `meshConfig.x` instead.',
};
const UNREACHED_CODES: Record<string, string> = { pattern: 'pattern', Kubernetes: 'k8s-enum', '`values': 'field-moved' };

interface Found { where: string; code: string; message: string; title?: string }

function walk(dir: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) walk(p, out);
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

/** Every diagnostic of the corpus, in English as the engine builds it. */
function corpus(): Found[] {
  const found: Found[] = [];
  const add = (engine: Engine, where: string, text: string, settings: EngineSettings) => {
    for (const d of engine.validate(engine.parse(text), settings)) {
      const title = (d.data as { fix?: { title?: unknown } } | undefined)?.fix?.title;
      found.push({ where, code: String(d.code), message: String(d.message), title: typeof title === 'string' ? title : undefined });
    }
  };
  const engine = new Engine();
  const files = [...walk(path.join(repoRoot, 'test/fixtures')), ...walk(path.join(repoRoot, 'examples')), ...walk(path.join(repoRoot, 'test/e2e/workspace'))];
  assert.ok(files.length >= 10, `${files.length} files`);
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const where = path.relative(repoRoot, f);
    add(engine, where, text, { documentPath: f, workspaceFolders: [repoRoot] });
    for (const release of RELEASES) add(engine, `${where} @${release}`, text, { release, documentPath: f, workspaceFolders: [repoRoot] });
  }
  const recorded = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/l10n/corpus/engine-tests.json'), 'utf8')) as Array<{ text: string; settings: EngineSettings }>;
  assert.ok(recorded.length >= 100, `${recorded.length} recorded inputs`);
  recorded.forEach((r, i) => {
    add(engine, `engine-tests.json[${i}]`, r.text, r.settings);
    for (const release of RELEASES) add(engine, `engine-tests.json[${i}] @${release}`, r.text, { ...r.settings, release });
  });
  for (const s of SYNTHETIC) {
    const own = new Engine({ limits: s.limits });
    add(own, `synthetic: ${s.name}`, s.text, { documentPath: s.documentPath });
    for (const release of RELEASES) add(own, `synthetic: ${s.name} @${release}`, s.text, { release, documentPath: s.documentPath });
  }
  return found;
}

const FOUND = corpus();
const TRACE: Trace = { rows: new Set(), passthrough: [] };
const TRANSLATED = FOUND.map((f) => ({ ...f, zh: translateMessage(f.code, f.message, TRACE), zhTitle: f.title === undefined ? undefined : translateFixTitle(f.title, TRACE) }));
for (const sample of Object.values(UNREACHED)) {
  const code = Object.entries(UNREACHED_CODES).find(([start]) => sample.startsWith(start))?.[1] ?? 'pattern';
  assert.ok(translateMessage(code, sample, TRACE), sample);
}

describe('every diagnostic message in Chinese', () => {
  it(`renders each of the corpus's ${FOUND.length} diagnostics from a Chinese template (no English fallback)`, () => {
    assert.ok(FOUND.length > 1500, `${FOUND.length} diagnostics`);
    const missing = [...new Map(TRANSLATED.filter((t) => t.zh === undefined).map((t) => [`${t.code}: ${t.message}`, t.where])).entries()].map(([m, where]) => `${m}   (${where})`);
    assert.deepEqual(missing, [], 'add these to server/src/engine/l10n/*.zh-cn.ts');
    for (const t of TRANSLATED) {
      assert.match(t.zh!, CHINESE, `${t.code}: ${t.zh}`);
      assert.doesNotMatch(t.zh!, /\{\w+(:\w+)?\}/, `a placeholder left in ${t.zh}`);
    }
  });
  it('leaves no English sentence in a translation, outside code, quoted istioctl errors, citations and Istio\'s own notes', () => {
    const english: string[] = [];
    for (const t of TRANSLATED) {
      const trace: Trace = { rows: new Set(), passthrough: [] };
      let zh = translateMessage(t.code, t.message, trace)!;
      for (const p of trace.passthrough) zh = zh.replace(p, '');
      const rest = zh.replace(/`[^`]*`/g, '').replace(/"(?:[^"\\]|\\.)*"/g, '').replace(/https?:\/\/\S+/g, '').replace(/[\w./-]+@[\d.]+(:[\d,-]+)?/g, '')
        .replace(/（(invalid revision specified|invalid gateway name)）/g, '');
      const words = /[A-Za-z]{2,}[ ,]+[a-z]{2,}[ ,]+[a-z]{2,}/.exec(rest);
      if (words) english.push(`${t.code}: «${words[0]}» in ${zh}`);
    }
    assert.deepEqual([...new Set(english)], [], 'a template matched in a way that left English words in a placeholder');
  });
  it('covers every code the corpus produces, across the releases', () => {
    const codes = new Set(FOUND.map((f) => f.code));
    assert.ok(codes.size >= 40, [...codes].join(' '));
    for (const release of RELEASES) assert.ok(FOUND.some((f) => f.where.endsWith(`@${release}`)), release);
  });
  it('titles every quick fix in Chinese', () => {
    const titles = TRANSLATED.filter((t) => t.title !== undefined);
    assert.ok(titles.length > 50, `${titles.length} fixes`);
    assert.deepEqual([...new Set(titles.filter((t) => t.zhTitle === undefined).map((t) => t.title))], []);
    for (const t of titles) assert.match(t.zhTitle!, CHINESE, t.zhTitle);
  });
  it('keeps only Istio\'s and Kubernetes\' own deprecation notes in English, as written in the schemas', () => {
    const upstream = new Set<string>();
    const collect = (n: unknown): void => {
      if (!n || typeof n !== 'object') return;
      if (Array.isArray(n)) { n.forEach(collect); return; }
      const o = n as Record<string, unknown>;
      if (typeof o.deprecationMessage === 'string') upstream.add(o.deprecationMessage);
      for (const v of Object.values((o['x-istio-key-deprecations'] ?? {}) as Record<string, { message?: string }>)) if (v?.message) upstream.add(v.message);
      Object.values(o).forEach(collect);
    };
    for (const v of RELEASES) collect(JSON.parse(fs.readFileSync(path.join(repoRoot, `schemas/istio-${v}.json`), 'utf8')));
    assert.ok(TRACE.passthrough.length > 0, 'the corpus has an upstream note');
    for (const text of TRACE.passthrough) {
      assert.ok(upstream.has(text), `not a schema text: ${text}`);
      assert.doesNotMatch(text, /^(Deprecated|Removed): use .* instead/, 'this project\'s own notes are translated');
    }
  });
  it('has no message template or fix title the engine no longer writes', () => {
    // (The YAML parser's messages are the yaml package's; the phrases inside templates are vocabulary,
    // such as every Kubernetes type name, that no corpus needs to reach one by one.)
    const expected: string[] = [];
    for (const rows of Object.values(ALL_DIAGNOSTICS)) for (const [en] of rows) if (!YAML_SYNTAX.some(([y]) => y === en)) expected.push(en);
    for (const [en] of FIX_TITLES) expected.push(en);
    // Reached only by data a future release may bring (a k8s field its table does not map); the
    // translation is checked with such data in test/engine/k8sRenderedFields.test.ts.
    const fromFutureData = new Set(['istioctl {v} accepts `k8s.{f}` but never renders it ({src}@{tag} does not map it): {who:volWho} does not get it. Set it with a `k8s.overlays` patch instead.']);
    const unreached = [...new Set(expected)].filter((e) => !TRACE.rows.has(e) && !fromFutureData.has(e));
    assert.deepEqual(unreached, [], 'reach them with an input in test/l10n/corpus/synthetic.ts, refresh the recorded corpus (node --import tsx scripts/l10n/recordCorpus.ts), or remove them');
  });
  it('reads the YAML parser\'s messages that the corpus meets', () => {
    const yaml = TRANSLATED.filter((t) => t.code === 'yaml-syntax');
    assert.ok(yaml.length > 10, `${yaml.length}`);
    assert.ok(yaml.every((t) => t.zh !== undefined));
  });
});

describe('the catalogs: the same keys and placeholders in English and Chinese', () => {
  it('has a template for every diagnostic code', () => {
    const source = fs.readFileSync(path.join(repoRoot, 'server/src/engine/validate/diagnostics.ts'), 'utf8');
    const union = /export type DiagnosticCode =([\s\S]*?);/.exec(source)![1];
    const codes = [...union.matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1]);
    assert.ok(codes.length >= 45, `${codes.length} codes`);
    assert.deepEqual(codes.filter((c) => !ALL_DIAGNOSTICS[c]?.length), [], 'codes without Chinese templates');
  });
  it('gives every template and phrase the same placeholders in both languages, and Chinese words where the English has words', () => {
    const rows: Array<[string, string, string]> = [];
    for (const [code, list] of Object.entries(ALL_DIAGNOSTICS)) for (const [en, zh] of list) rows.push([code, en, zh]);
    for (const [en, zh] of FIX_TITLES) rows.push(['fix', en, zh]);
    for (const [table, list] of Object.entries(ALL_FRAGMENTS)) for (const r of list) if (typeof r !== 'function') rows.push([table, r[0], r[1]]);
    assert.ok(rows.length > 250, `${rows.length} rows`);
    for (const [where, en, zh] of rows) {
      assert.deepEqual(placeholders(zh), placeholders(en), `${where}: ${en}`);
      if (hasWords(en)) assert.match(zh, CHINESE, `${where}: ${en} → ${zh}`);
      assert.doesNotThrow(() => compile(en, zh, ALL_FRAGMENTS), `${where}: ${en}`);
    }
  });
  it('has every engine message in both languages with the same placeholders', () => {
    assert.deepEqual(Object.keys(ZH).sort(), Object.keys(EN).sort());
    assert.deepEqual(Object.keys(CATALOGS).sort(), ['en', 'zh-cn']);
    for (const [k, en] of Object.entries(EN)) {
      const zh = ZH[k as keyof typeof EN];
      assert.deepEqual(placeholders(zh), placeholders(en), k);
      if (hasWords(en)) assert.match(zh, CHINESE, `${k}: ${zh}`);
    }
  });
});

describe('the engine with locale zh-cn', () => {
  const text = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    ingresGateways: []\n    pilot:\n      enabled: "yes"\n  values:\n    global:\n      outboundTrafficPolicy:\n        mode: ALLOW_ANY\n      proxy:\n        holdApplicationUntilProxyStarts: true\n';
  const zh = new Engine({ locale: 'zh-cn' });
  const en = new Engine();
  it('validates in Chinese, with the codes, ranges and fix edits of English', () => {
    const a = en.validate(en.parse(text));
    const b = zh.validate(zh.parse(text));
    assert.deepEqual(b.map((d) => [d.code, d.range, d.severity]), a.map((d) => [d.code, d.range, d.severity]));
    for (const d of b) assert.match(String(d.message), CJK);
    assert.equal(a[0].message, 'Unknown field `ingresGateways` in `spec.components`; did you mean `ingressGateways`?', 'English stays the default');
  });
  it('titles the quick fixes and the fix-all action in Chinese', () => {
    const moves = '# istio-version: 1.20\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    global:\n      outboundTrafficPolicy:\n        mode: ALLOW_ANY\n      proxy:\n        holdApplicationUntilProxyStarts: true\n';
    const file = zh.parse(moves);
    const actions = zh.codeActions(file, 'file:///x.yaml', zh.validate(file), {}, { fixAll: true });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('移到 `meshConfig.outboundTrafficPolicy`'), titles.join(' | '));
    assert.ok(titles.some((t) => /^修复所有已迁移的设置（\d+ 处）$/.test(t)), titles.join(' | '));
    const enTitles = en.codeActions(en.parse(moves), 'file:///x.yaml', en.validate(en.parse(moves)), {}, { fixAll: true }).map((a) => a.title);
    assert.ok(enTitles.some((t) => /^Fix all moved settings \(\d+\)$/.test(t)), enTitles.join(' | '));
  });
  it('labels hovers in Chinese and leaves Istio\'s field docs in English', () => {
    const hover = (e: Engine, line: number, character: number) => (e.hover(e.parse(text), { line, character })!.contents as MarkupContent).value;
    const h = hover(zh, 7, 8);
    for (const label of ['**enabled** — 布尔值', 'profile `default` 中的**默认值**：', '**Istio 版本**：', '[Istio 1.20 参考文档](']) assert.ok(h.includes(label), `${label} in ${h}`);
    assert.ok(h.includes('Selects whether this component is installed.'), 'Istio\'s description stays');
    assert.doesNotMatch(h, /\*\*Default\*\*|Istio versions|Other profiles/);
    const deprecated = hover(zh, 13, 10);
    assert.match(deprecated, /Istio 1\.20 中\*\*已弃用\*\*：/, deprecated);
    assert.match(hover(en, 7, 8), /\*\*Default\*\* in profile `default`: `true`/);
  });
  it('says why a release was chosen in Chinese, for every reason', () => {
    const kindHover = (e: Engine, body: string, settings: EngineSettings = {}) => (e.hover(e.parse(body), { line: body.split('\n').findIndex((l) => l.startsWith('kind')), character: 2 }, settings)!.contents as MarkupContent).value;
    const doc = (head: string, spec = '') => `${head}apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: default\n${spec}`;
    const cases: Array<[string, EngineSettings]> = [
      [doc('# istio-version: 1.20\n'), {}],
      [doc('# istio-version: 1.99\n'), {}],
      [doc('# istio-version: abc\n'), {}],
      [doc(''), { setting: '1.14' }],
      [doc('', '  tag: 1.18.2\n'), {}],
      [doc(''), { istioctlVersion: '1.22.1' }],
      [doc(''), {}],
      [doc(''), { release: '1.24' }],
    ];
    for (const [body, settings] of cases) {
      const h = kindHover(zh, body, settings);
      const reason = /版本依据：(.*)。/.exec(h)?.[1] ?? '';
      assert.ok(reason, h);
      assert.doesNotMatch(reason.replace(/`[^`]*`|istioOperator\.istioVersion|spec\.tag|istioctl|Istio/g, ''), /[A-Za-z]{3,}/, `${reason} (${JSON.stringify(settings)})`);
      assert.doesNotMatch(h, /Version chosen|Built-in profiles|checked against/, h);
    }
    assert.equal(translatePhrase('reason', 'istioctl 1.22.1', 'en'), 'istioctl 1.22.1');
  });
});

describe('locales', () => {
  it('reads zh-cn, zh-CN, zh_CN.UTF-8, zh-Hans and zh as Simplified Chinese, anything else as English', () => {
    for (const l of ['zh-cn', 'zh-CN', 'zh_CN.UTF-8', 'zh_CN.utf8', 'zh-Hans', 'zh-Hans-CN', 'zh', 'zh-SG']) assert.equal(toLocale(l), 'zh-cn', l);
    for (const l of ['en', 'en-US', 'C.UTF-8', 'POSIX', 'zh-TW', 'zh-HK', 'zh-Hant', 'de', '', undefined]) assert.equal(toLocale(l), 'en', String(l));
    assert.ok(isSupportedLocale('zh-CN') && isSupportedLocale('en_US.UTF-8') && !isSupportedLocale('fr'));
  });
  it('takes LC_ALL, then LC_MESSAGES, then LANG', () => {
    assert.equal(localeFromEnv({ LANG: 'zh_CN.UTF-8' }), 'zh-cn');
    assert.equal(localeFromEnv({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }), 'en');
    assert.equal(localeFromEnv({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }), 'zh-cn');
    assert.equal(localeFromEnv({ LC_ALL: '', LANG: 'zh_CN.UTF-8' }), 'zh-cn');
    assert.equal(localeFromEnv({}), 'en');
  });
  it('leaves diagnostics as they are in English', () => {
    const d: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', code: 'unknown-field' };
    const e = new Engine();
    assert.equal(e.locale, 'en');
    e.setLocale('zh-cn');
    assert.equal(e.locale, 'zh-cn');
    assert.equal(translateMessage('unknown-field', d.message as string), undefined);
  });
});
