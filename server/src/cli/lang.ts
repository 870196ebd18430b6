// The language of iop-lint's messages: `--lang zh-CN` (anywhere on the command line, for every
// command), else the shell's locale (LC_ALL, LC_MESSAGES, LANG), else English.
import { isSupportedLocale, localeFromEnv, toLocale, type Locale } from '../engine/l10n/locale.ts';
import { t } from '../engine/l10n/messages.ts';

export type LangChoice = { argv: string[]; locale: Locale } | { locale: Locale; error: string };

/** `argv` without its `--lang` option, and the locale it (or the environment) names. */
export function takeLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): LangChoice {
  const fallback = localeFromEnv(env);
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { rest.push(...argv.slice(i)); break; }
    if (a === '--lang' || a.startsWith('--lang=')) {
      const value = a === '--lang' ? argv[++i] : a.slice('--lang='.length);
      if (value === undefined || value === '' || value.startsWith('-')) return { locale: fallback, error: t(fallback, 'cli.needsValue', { option: '--lang' }) };
      if (!isSupportedLocale(value)) return { locale: fallback, error: t(fallback, 'cli.badLang', { lang: value }) };
      lang = value;
      continue;
    }
    rest.push(a);
  }
  return { argv: rest, locale: lang === undefined ? fallback : toLocale(lang) };
}
