// The languages the engine speaks, and how a client's or a shell's locale names one.

export type Locale = 'en' | 'zh-cn';

export const LOCALES: readonly Locale[] = ['en', 'zh-cn'];

/**
 * `zh-cn`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans`, `zh-SG` and plain `zh` are Simplified Chinese; anything
 * else (or nothing) is English. Traditional Chinese (`zh-TW`, `zh-HK`, `zh-Hant`) stays English: the
 * translation is Simplified.
 */
export function toLocale(raw: string | undefined | null): Locale {
  const s = String(raw ?? '').trim().toLowerCase().replace(/_/g, '-').replace(/[.@].*$/, '');
  if (s === 'zh' || s === 'zh-cn' || s === 'zh-sg' || s.startsWith('zh-hans') || s === 'zh-my') return 'zh-cn';
  return 'en';
}

/** Whether a value names a language the engine has (for `--lang`): `en`, or one toLocale reads as Chinese. */
export function isSupportedLocale(raw: string): boolean {
  const s = raw.trim().toLowerCase().replace(/_/g, '-').replace(/[.@].*$/, '');
  return s === 'en' || s.startsWith('en-') || toLocale(raw) !== 'en';
}

/** The locale of a shell, as POSIX reads it: LC_ALL, else LC_MESSAGES, else LANG. */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  const raw = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return toLocale(raw);
}
