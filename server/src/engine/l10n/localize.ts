// The engine's output in the user's language, applied where it leaves the engine (Engine.validate,
// hover, code actions). Diagnostics are built in English where they are found; each message is
// matched against the English templates of its code and rewritten with the Chinese template, and
// so are quick-fix titles. A message no template matches stays English (the l10n tests make sure
// none does).
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DiagnosticData } from '../validate/diagnostics.ts';
import { DIAGNOSTICS, FIX_TITLES, type Row } from './diagnostics.zh-cn.ts';
import { FRAGMENTS } from './fragments.zh-cn.ts';
import type { Locale } from './locale.ts';
import { MESH_CONFIG, MESH_FRAGMENTS } from './meshConfig.zh-cn.ts';
import { OVERLAYS, OVERLAY_FRAGMENTS } from './overlays.zh-cn.ts';
import { REASON_FRAGMENTS } from './reasons.zh-cn.ts';
import { compile, fragment, translate, type Compiled, type Fragments, type Trace } from './template.ts';
import { YAML_FRAGMENTS, YAML_SYNTAX } from './yaml.zh-cn.ts';

export type { Locale } from './locale.ts';
export type { Trace } from './template.ts';

export const ALL_FRAGMENTS: Fragments = { ...FRAGMENTS, ...MESH_FRAGMENTS, ...YAML_FRAGMENTS, ...OVERLAY_FRAGMENTS, ...REASON_FRAGMENTS };

/** Every diagnostic code's templates. */
export const ALL_DIAGNOSTICS: Readonly<Record<string, readonly Row[]>> = {
  ...DIAGNOSTICS,
  'invalid-mesh-config': MESH_CONFIG,
  'yaml-syntax': YAML_SYNTAX,
  ...Object.fromEntries(Object.entries(OVERLAYS).map(([code, rows]) => [code, [...(DIAGNOSTICS[code] ?? []), ...rows]])),
};

const compiled = new Map<string, Compiled[]>();
function templatesOf(code: string): Compiled[] {
  let list = compiled.get(code);
  if (!list) {
    list = (ALL_DIAGNOSTICS[code] ?? []).map(([en, zh]) => compile(en, zh, ALL_FRAGMENTS));
    compiled.set(code, list);
  }
  return list;
}

let fixTitles: Compiled[] | undefined;

/**
 * Chinese spacing: no space between Chinese characters or beside Chinese punctuation (a phrase
 * filled in beside inline code keeps its space: `请改用 `meshConfig.x``, `请改用代理内的…`).
 */
export function tidy(zh: string): string {
  return zh
    .replace(/([\u3400-\u9fff\u3000-\u303f\uff00-\uffef]) +(?=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])/g, '$1')
    .replace(/ +(?=[，。：；！？）」』、])/g, '')
    .replace(/([（「『]) +/g, '$1');
}

/** A diagnostic message of `code` in Chinese; undefined when no template knows it. */
export function translateMessage(code: string, message: string, trace?: Trace): string | undefined {
  const zh = translate(message, templatesOf(code), ALL_FRAGMENTS, trace);
  return zh === undefined ? undefined : tidy(zh);
}

/** A quick-fix title in Chinese; undefined when no template knows it. */
export function translateFixTitle(title: string, trace?: Trace): string | undefined {
  fixTitles ??= FIX_TITLES.map(([en, zh]) => compile(en, zh, ALL_FRAGMENTS));
  const zh = translate(title, fixTitles, ALL_FRAGMENTS, trace);
  return zh === undefined ? undefined : tidy(zh);
}

/** A phrase of a fragment table (`reason` for a version choice's reason) in Chinese, else as it is. */
export function translatePhrase(table: string, text: string, locale: Locale): string {
  if (locale === 'en') return text;
  const zh = fragment(text, table, ALL_FRAGMENTS);
  return zh === undefined ? text : tidy(zh);
}

const localized = new WeakMap<Diagnostic, Diagnostic>();

/** The diagnostic in `locale` (a copy; the engine's own stays English). */
export function localizeDiagnostic(d: Diagnostic, locale: Locale): Diagnostic {
  if (locale === 'en') return d;
  const known = localized.get(d);
  if (known) return known;
  const message = typeof d.message === 'string' ? translateMessage(String(d.code ?? ''), d.message) ?? d.message : d.message;
  const data = d.data as DiagnosticData | undefined;
  const title = data?.fix?.title;
  const fixTitle = typeof title === 'string' ? translateFixTitle(title) ?? title : undefined;
  const out: Diagnostic = { ...d, message };
  if (data && data.fix && fixTitle !== undefined) out.data = { ...data, fix: { ...data.fix, title: fixTitle } };
  localized.set(d, out);
  return out;
}

export function localizeDiagnostics(ds: Diagnostic[], locale: Locale): Diagnostic[] {
  return locale === 'en' ? ds : ds.map((d) => localizeDiagnostic(d, locale));
}
