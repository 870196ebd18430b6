// The markdown that documents one field: shared by hover (everything) and completion items (the
// essentials), so both say the same thing the same way.
import { defaultsFromDumps, defaultsOf, typeLabel, versionsOf } from './fieldFacts.ts';
import { code, description, formatValue } from './markdown.ts';
import { nodeAtPath } from '../parse/nodePath.ts';
import type { YamlDoc } from '../parse/parse.ts';
import { kubernetesReferenceUrl, referenceUrl } from './referenceLinks.ts';
import type { IstioSchema, SchemaNode } from '../schema/schemaStore.ts';
import { formatPath, isMap, isScalar, setPath, type Step } from '../parse/yamlNodes.ts';
import { translatePhrase } from '../l10n/localize.ts';
import type { Locale } from '../l10n/locale.ts';
import { t } from '../l10n/messages.ts';

export interface FieldContext {
  schema: IstioSchema;
  /** Bundled minors, oldest first: what "every release" means. */
  minors: readonly string[];
  /** The document's profile (`spec.profile`, else `default`), and whether it is a built-in one. */
  profile: DocumentProfile;
  /** The document's `name` of the list item at a path, to match profile defaults. */
  itemName: (itemPath: readonly Step[]) => string | undefined;
  /** `istioctl profile dump` output of the user's own istioctl for this release, when known. */
  istioctl?: IstioctlDefaults;
  /** Completion for a language client: item docs are written on completionItem/resolve. */
  lazy?: boolean;
  /** The language of the labels (Istio's own docs stay as written). */
  locale?: Locale;
}

export interface IstioctlDefaults { istioctlVersion: string; minor: string; profiles: Record<string, unknown> }

export interface DocumentProfile { name: string; builtIn: boolean; written?: string }

export interface FieldDocOptions {
  /** Everything (hover) or the essentials (completion). */
  full: boolean;
  /** The scalar under the cursor, for the `--set` line (`<value>` when absent). */
  value?: string;
}

/** The context fields of one document are documented in: its release, profile and list item names. */
export function fieldContext(schema: IstioSchema, minors: readonly string[], doc: YamlDoc | undefined, istioctl?: IstioctlDefaults, locale: Locale = 'en'): FieldContext {
  return {
    locale,
    istioctl: istioctl?.minor === schema.version ? istioctl : undefined,
    schema,
    minors,
    profile: documentProfile(schema, doc),
    itemName: (itemPath) => {
      if (!doc) return undefined;
      const item = nodeAtPath(doc.doc, itemPath);
      const name = isMap(item) ? item.get('name', true) : undefined;
      return isScalar(name) && name.value !== null ? String(name.value) : undefined;
    },
  };
}

/** `spec.profile` when it names a built-in profile of the release, else `default`. */
export function documentProfile(schema: IstioSchema, doc: YamlDoc | undefined): DocumentProfile {
  const node = doc ? nodeAtPath(doc.doc, ['spec', 'profile']) : undefined;
  const written = isScalar(node) && typeof node.value === 'string' && node.value !== '' ? node.value : undefined;
  if (written === undefined) return { name: 'default', builtIn: true };
  if (schema.profiles.includes(written)) return { name: written, builtIn: true };
  return { name: 'default', builtIn: false, written };
}

export function fieldMarkdown(ctx: FieldContext, path: readonly Step[], chain: SchemaNode[], opts: FieldDocOptions): string {
  const node = chain[chain.length - 1];
  const { schema } = ctx;
  const locale = ctx.locale ?? 'en';
  const out: string[] = [];
  const name = path.length ? path[path.length - 1] : '';
  if (opts.full) {
    out.push(`**${typeof name === 'number' ? `[${name}]` : name}** — ${typeLabel(schema, node, 0, locale)}`);
    out.push(code(formatPath([...path])));
  } else {
    out.push(`*${typeLabel(schema, node, 0, locale)}*`);
  }
  if (node.deprecated) {
    const version = schema.version;
    const rejected = node['x-istio-deprecation-severity'] === 'error' ? t(locale, 'hover.rejected', { version }) : '';
    // The notes this project writes are translated; Istio's own proto comments stay as written.
    const note = translatePhrase('deprecation', description(node.deprecationMessage), locale);
    const message = note.replace(/^Deprecated[.:]?\s*/i, '');
    out.push(`${message ? t(locale, 'hover.deprecatedWhy', { version, message }) : t(locale, 'hover.deprecated', { version })}${rejected}`);
  }
  if (node['x-istio-hidden']) out.push(t(locale, 'hover.hidden'));
  const text = description(node.description);
  if (text) out.push(text);
  const allowed = enumNames(node);
  if (allowed.length && opts.full) {
    const docs = (node['x-istio-enum-docs'] ?? {}) as Record<string, string>;
    out.push(`${t(locale, 'hover.allowedValues')}\n${allowed.map((v) => `- ${code(v)}${docs[v] ? ` — ${String(docs[v]).trim().split('\n')[0]}` : ''}`).join('\n')}`);
  } else if (allowed.length) {
    out.push(t(locale, 'hover.values', { values: allowed.map(code).join(', ') }));
  }
  out.push(...defaultLines(ctx, path, chain, opts.full));
  if (opts.full) {
    if (path[0] === 'spec' && path[1] === 'values' && node['x-istio-chart-default'] !== undefined) {
      out.push(t(locale, 'hover.chartDefault', { value: shown(node['x-istio-chart-default'], locale) }));
    }
    out.push(t(locale, 'hover.versions', { versions: versionsOf(chain, ctx.minors) }));
    if (path[0] === 'spec' && path.length > 1) out.push(code(`--set ${shellWord(`${setPath([...path])}=${opts.value ?? '<value>'}`)}`));
    const kube = kubernetesReferenceUrl(chain);
    const url = referenceUrl(schema.version, path, chain);
    if (kube) out.push(t(locale, 'hover.kubernetesReference', { version: kube.version, url: kube.url }));
    else if (url) out.push(t(locale, 'hover.istioReference', { version: schema.version, url }));
  }
  return out.join('\n\n');
}

function defaultLines(ctx: FieldContext, path: readonly Step[], chain: SchemaNode[], full: boolean): string[] {
  const fromIstioctl = ctx.istioctl ? defaultsFromDumps(ctx.istioctl.profiles, path, ctx.profile.name, ctx.itemName) : undefined;
  const d = fromIstioctl ?? defaultsOf(chain, path, ctx.schema.profiles, ctx.profile.name, ctx.itemName);
  if (!d) return [];
  const { profile } = ctx;
  const locale = ctx.locale ?? 'en';
  const notes = [
    ...(profile.builtIn ? [] : [t(locale, 'hover.notBuiltIn', { profile: code(profile.written ?? ''), version: ctx.schema.version })]),
    ...(fromIstioctl ? [t(locale, 'hover.fromIstioctl', { version: ctx.istioctl!.istioctlVersion })] : []),
  ];
  const value = shown(d.mine.value, locale);
  const lines = [notes.length
    ? t(locale, 'hover.defaultNote', { profile: code(d.mine.profile), note: notes.join(locale === 'en' ? ') (' : '）（'), value })
    : t(locale, 'hover.default', { profile: code(d.mine.profile), value })];
  if (full && d.others.length) {
    const inline = d.others.every((o) => !formatValue(o.value).includes('\n'));
    lines.push(inline
      ? t(locale, 'hover.otherProfiles', { list: d.others.map((o) => `${code(o.profile)}: ${shown(o.value, locale)}`).join(', ') })
      : t(locale, 'hover.otherProfilesList', { list: d.others.map((o) => `- ${code(o.profile)}: ${shown(o.value, locale, 8).replace(/\n/g, '\n  ')}`).join('\n') }));
  }
  return lines;
}

/** formatValue, with "unset" in the reader's language. */
function shown(value: unknown, locale: Locale, maxLines?: number): string {
  return value === null || value === undefined ? t(locale, 'hover.unset') : formatValue(value, maxLines);
}

/** Enum names (the numbers and null that protobuf JSON also accepts are left out). */
export function enumNames(node: SchemaNode): string[] {
  return Array.isArray(node.enum) ? (node.enum as unknown[]).filter((v): v is string => typeof v === 'string') : [];
}

/** One shell word: quoted only when the shell would read it otherwise (`[0]` globs in zsh). */
function shellWord(s: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]*$/.test(s.replace('<value>', 'x')) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
