// iop-lint's command line: flags in, options (or a usage error) out. No I/O here.
import { parseArgs as parseNodeArgs } from 'node:util';
import type { Locale } from '../engine/l10n/locale.ts';
import { t } from '../engine/l10n/messages.ts';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  /** A bundled minor ("1.20"), as the istioOperator.istioVersion setting; undefined = auto. */
  istioVersion?: string;
  format: Format;
  strict: boolean;
  /** Skip named files that hold no IstioOperator, as a directory search does (for pre-commit hooks). */
  onlyIstioOperator: boolean;
  paths: string[];
}

export type ParsedArgs =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'help' }
  | { kind: 'usage-error'; message: string };

export const USAGE = `Usage: iop-lint [--istio-version 1.X] [--format text|json|sarif] [--strict] [--only-istio-operator] PATH...
       iop-lint effective [--istio-version 1.X] [--config-path PATH] [--origins] FILE   (iop-lint effective --help)
       iop-lint flags [--istio-version 1.X] [--config-path PATH] [--one-line] FILE   (iop-lint flags --help)
       iop-lint from-flags [--istio-version 1.X] [FILE|-]   (iop-lint from-flags --help)
       iop-lint init --istio-version 1.X [--monitoring kube-prometheus] [--tracing zipkin|opentelemetry] [--out-dir DIR]   (iop-lint init --help)
       iop-lint upgrade-report --to 1.Y [--istio-version 1.X] [--format markdown|json] FILE   (iop-lint upgrade-report --help)

Checks Istio IstioOperator YAML files against the schema of their Istio release.
PATH is a file or a directory; directories are searched for *.yaml and *.yml files that hold
IstioOperator documents (node_modules and .git are skipped). A file named on the command line
is always checked.

Options:
  --istio-version 1.X  check against this release when a document has no
                       \`# istio-version: 1.X\` comment (like the istioOperator.istioVersion
                       setting); default: spec.tag when it is a release, else the newest bundled
  --format FORMAT      text (default): file:line:col: severity code message
                       json: {"files":[{"path","istioVersion","diagnostics":[...]}]}
                       sarif: SARIF 2.1.0, for code-scanning upload
  --strict             warnings fail the run too
  --only-istio-operator
                       skip named files that hold no IstioOperator (as directories are
                       searched), e.g. for the staged YAML files a pre-commit hook passes
  --lang LANG          the language of messages, for every command: en or zh-CN
                       (Simplified Chinese); default: LC_ALL, LC_MESSAGES or LANG
                       (zh_CN.UTF-8 is Chinese), else English
  -h, --help           show this help

Exit status: 0 no errors (warnings allowed unless --strict), 1 errors (or warnings with
--strict), 2 usage or read errors.
`;

/** `minors`: the bundled Istio minors, oldest first ("1.5" … "1.30"). */
export function parseArgs(argv: string[], minors: string[], locale: Locale = 'en'): ParsedArgs {
  let parsed;
  try {
    parsed = parseNodeArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'istio-version': { type: 'string' },
        format: { type: 'string', short: 'f' },
        strict: { type: 'boolean' },
        'only-istio-operator': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return { kind: 'usage-error', message: usageMessage(e, locale) };
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help' };
  const format = v.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    return { kind: 'usage-error', message: t(locale, 'cli.unknownFormat', { format, formats: FORMATS.join(', ') }) };
  }
  let istioVersion: string | undefined;
  if (v['istio-version'] !== undefined) {
    const r = checkVersion(v['istio-version'], minors, '--istio-version', locale);
    if ('message' in r) return { kind: 'usage-error', message: r.message };
    istioVersion = r.version;
  }
  if (!parsed.positionals.length) return { kind: 'usage-error', message: t(locale, 'cli.noPath') };
  return { kind: 'run', options: { istioVersion, format: format as Format, strict: !!v.strict, onlyIstioOperator: !!v['only-istio-operator'], paths: parsed.positionals } };
}

/** "1.20", "1.20.3" or "v1.20" → "1.20" when bundled; "auto" → no version. */
export function checkVersion(raw: string, minors: string[], flag = '--istio-version', locale: Locale = 'en'): { version: string | undefined } | { message: string } {
  const bundled = { first: minors[0], last: minors[minors.length - 1], all: minors.join(', ') };
  const text = raw.trim();
  if (text === 'auto') return { version: undefined };
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(text);
  if (!m) return { message: t(locale, 'cli.notAVersion', { flag, raw, ...bundled }) };
  const version = `${Number(m[1])}.${Number(m[2])}`;
  if (!minors.includes(version)) return { message: t(locale, 'cli.notBundled', { version, ...bundled }) };
  return { version };
}

/** An optional --istio-version: absent is no version (auto). */
export function optionalRelease(raw: string | undefined, minors: string[]): { version: string | undefined } | { message: string } {
  return raw === undefined ? { version: undefined } : checkVersion(raw, minors);
}

export function usageMessage(e: unknown, locale: Locale = 'en'): string {
  const err = e as { code?: string; message?: string };
  const option = /'([^']+)'/.exec(err.message ?? '')?.[1];
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': return t(locale, 'cli.unknownOption', { option: option ?? '?' });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = option?.split(' ')[0] ?? '?';
      if (/argument missing/.test(err.message ?? '')) return t(locale, 'cli.needsValue', { option: name });
      if (/does not take an argument/.test(err.message ?? '')) return t(locale, 'cli.takesNoValue', { option: name });
      return (err.message ?? '').split('\n')[0];
    }
    default: return err.message ?? String(e);
  }
}
