// Hover: what a field is, for the document's Istio release: path, type, description, allowed values,
// profile defaults, the minors that have it, the `--set` path and the istio.io reference. Over
// `kind`: which release the document is checked against, and why.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { documentAt, locateCursor } from '../complete/cursor.ts';
import { fieldContext, fieldMarkdown, type IstioctlDefaults } from './fieldDocs.ts';
import { monitoringDoc } from '../init/monitoringDocs.ts';
import { schemaChain } from './fieldFacts.ts';
import { code } from './markdown.ts';
import { nodeAt } from '../parse/nodePath.ts';
import type { ParsedFile, YamlDoc } from '../parse/parse.ts';
import type { IstioSchema } from '../schema/schemaStore.ts';
import { describeRange } from '../validate/validate.ts';
import type { VersionChoice } from '../schema/versionChoice.ts';
import { formatPath, isScalar, setPath, type Step } from '../parse/yamlNodes.ts';
import { translateMessage, translatePhrase } from '../l10n/localize.ts';
import type { Locale } from '../l10n/locale.ts';
import { t } from '../l10n/messages.ts';

interface Target {
  path: Step[];
  on: 'key' | 'value';
  span: [number, number];
  /** The scalar's text, when the hover is on a scalar value. */
  value?: string;
}

export function hover(
  file: ParsedFile, position: Position,
  schemaFor: (doc: YamlDoc) => { choice: VersionChoice; schema: IstioSchema },
  minors: readonly string[],
  istioctl?: IstioctlDefaults,
  locale: Locale = 'en',
): Hover | null {
  if (file.tooLarge) return null;
  const offset = file.lines.offset(position);
  const doc = documentAt(file, offset);
  if (!doc?.isIstioOperator) return null;
  const target = targetAt(file, doc, offset);
  if (!target || !target.path.length) return null;
  const { choice, schema } = schemaFor(doc);
  const range = file.lines.range(target.span[0], target.span[1]);
  const markdown = (value: string): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range });

  if (target.path.length === 1 && target.path[0] === 'kind') return markdown(versionMarkdown(choice, schema, locale));
  const chain = schemaChain(schema, target.path);
  if (!chain) {
    const note = missingField(schema, target.path, locale);
    return note ? markdown(note) : null;
  }
  const fc = fieldContext(schema, minors, doc, istioctl, locale);
  const field = fieldMarkdown(fc, target.path, chain, { full: true, value: target.on === 'value' ? target.value : undefined });
  const monitoring = monitoringDoc(target.path, schema.version);
  return markdown(monitoring ? `${field}\n\n---\n\n${monitoring}` : field);
}

/** The key or scalar under the offset: from the parsed nodes, else (broken YAML) from the text lines. */
function targetAt(file: ParsedFile, doc: YamlDoc, offset: number): Target | undefined {
  const hit = nodeAt(doc.doc, offset);
  if (hit && hit.on !== 'inside' && hit.node.range) {
    const [start, end] = hit.node.range;
    if (hit.on === 'key') return { path: hit.path, on: 'key', span: [start, end] };
    const value = isScalar(hit.node) ? (hit.node.type === 'PLAIN' ? file.text.slice(start, end) : String(hit.node.value)) : undefined;
    return { path: hit.path, on: 'value', span: [start, end], value };
  }
  const ctx = locateCursor(file, offset);
  if (!ctx || ctx.kind === 'item' || ctx.flow) return undefined;
  const word = file.text.slice(ctx.replace[0], ctx.replace[1]);
  if (ctx.kind === 'key') return word ? { path: [...ctx.path, word], on: 'key', span: ctx.replace } : undefined;
  return { path: ctx.path, on: 'value', span: ctx.replace, value: word || undefined };
}

function versionMarkdown(choice: VersionChoice, schema: IstioSchema, locale: Locale): string {
  const lines = [
    t(locale, 'hover.checkedAgainst', { version: schema.version, tag: schema.tag }),
    t(locale, 'hover.versionChosen', { reason: translatePhrase('reason', choice.reason, locale) }),
  ];
  if (choice.problem) lines.push(`⚠ ${locale === 'en' ? choice.problem.message : translateMessage('version-not-bundled', choice.problem.message) ?? choice.problem.message}`);
  lines.push(t(locale, 'hover.builtInProfiles', { version: schema.version, profiles: schema.profiles.map(code).join(', ') }));
  if (choice.source !== 'comment' && choice.source !== 'newest') lines.push(t(locale, 'hover.chooseRelease'));
  return lines.join('\n\n');
}

/** A key the release does not have, but another release has (or that moved). */
function missingField(schema: IstioSchema, path: Step[], locale: Locale): string | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const parent = schemaChain(schema, path.slice(0, -1));
  const node = parent?.[parent.length - 1];
  if (!node) return undefined;
  const where = code(path[0] === 'spec' ? setPath(path) : formatPath(path));
  const moved = node['x-istio-moved']?.[key];
  const other = node['x-istio-other-versions']?.[key];
  const replacement = typeof moved === 'string' ? `: ${moved}.` : '.';
  // The same words as the diagnostic on that key (validate.ts unknownKey), in the reader's language.
  const say = (code: string, en: string) => (locale === 'en' ? en : translateMessage(code, en) ?? en);
  if (typeof other === 'string') return say('field-not-in-version', `${where} does not exist in Istio ${schema.version} (${describeRange(other, schema.version)})${replacement}`);
  if (typeof moved === 'string') return say('field-moved', `${where} is not accepted in Istio ${schema.version}${replacement}`);
  return undefined;
}
