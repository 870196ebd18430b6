// The engine facade: one object the language server and the CLI share. No LSP connection,
// no VS Code: text in, LSP-shaped results out.
import { existsSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { IstioctlDefaults } from './hover/fieldDocs.ts';
import type { CompletionItem, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, Hover, Position } from 'vscode-languageserver-types';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import type { DiagnosticData } from './validate/diagnostics.ts';
import type { Rewrite } from './k8s/forms.ts';
import { changedSpan } from './k8s/textEdits.ts';
import { quickFixes } from './validate/codeActions.ts';
import { complete, resolveDocs } from './complete/complete.ts';
import { resolveRewrite } from './k8s/resolveRewrite.ts';
import { effectiveConfiguration, effectiveYaml, profileOnlyDocument, type EffectiveOptions, type EffectiveResult, type ProfileData } from './effective/effective.ts';
import type { Json } from './effective/merge.ts';
import { duplicateKeyDiagnostics } from './rules/duplicateKeys.ts';
import { upgradeReport, type UpgradeResult } from './upgrade/upgradeReport.ts';
import { addSetting } from './components/addSetting.ts';
import { documentToFlags, type ToFlagsResult } from './flags/toFlags.ts';
import { mergeFlagsIntoDocument, type MergeFlagsResult } from './flags/mergeFlags.ts';
import { newOperatorFiles, type InitOptions, type InitResult } from './init/newOperator.ts';
import { nodeAt } from './parse/nodePath.ts';
import type { SettingPath } from './components/componentsSummary.ts';
import { componentsView, type RangedComponent } from './components/componentsView.ts';
import { reparse } from './parse/incremental.ts';
import { emptyDocument } from './complete/cursor.ts';
import { makeDiagnostic } from './validate/diagnostics.ts';
import { folding } from './outline/folding.ts';
import { hover } from './hover/hover.ts';
import { DEFAULT_LIMITS, type Limits } from './parse/limits.ts';
import { parseFile, type ParsedFile, type YamlDoc } from './parse/parse.ts';
import { SchemaStore, type IstioSchema } from './schema/schemaStore.ts';
import { symbols } from './outline/symbols.ts';
import { validateDocument } from './validate/validate.ts';
import { chooseVersion, type VersionChoice, type VersionInputs } from './schema/versionChoice.ts';
import type { DocumentPlace } from './rules/ruleTypes.ts';
import { localizeDiagnostics } from './l10n/localize.ts';
import type { Locale } from './l10n/locale.ts';
import { t } from './l10n/messages.ts';

/** What the features that work on one IstioOperator answer for a file that holds none. */
const NO_OPERATOR = { ok: false, message: 'This file holds no IstioOperator document.' } as const;

/** The file's first IstioOperator document: the one istioctl reads (1.12+ accept only one per file). */
const firstOperator = (file: ParsedFile): YamlDoc | undefined => file.documents.find((d) => d.isIstioOperator);

/** The kind of the whole-document action that moves every moved setting (a fix-all source action). */
export const FIX_ALL_MOVES = 'source.fixAll.istioOperator';

export interface EngineOptions {
  /** Folder holding index.json and istio-1.X.json; defaults to the bundled schemas. */
  schemaDir?: string;
  limits?: Partial<Limits>;
  /** The language of diagnostics, hover labels and quick-fix titles (l10n/); English by default. */
  locale?: Locale;
}

/** Per-request settings: what the user or the client told us, and where the document is (for paths it names). */
export type EngineSettings = VersionInputs & DocumentPlace;

export class Engine {
  readonly store: SchemaStore;
  limits: Limits;
  locale: Locale;

  constructor(opts: EngineOptions = {}) {
    this.store = new SchemaStore(opts.schemaDir ?? defaultSchemaDir());
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.locale = opts.locale ?? 'en';
  }

  /** The language of what the engine says from now on (the server sets it once, at initialize). */
  setLocale(locale: Locale): void {
    this.locale = locale;
  }

  /** Changes limits for files parsed from now on (the server sets them once, at initialize). */
  setLimits(limits: Partial<Limits>): void {
    this.limits = { ...this.limits, ...limits };
  }

  /** Profile defaults of the user's own istioctl (`istioctl profile dump`), shown for documents of that release. */
  private istioctlDefaults: IstioctlDefaults | undefined;

  /** Takes `profile dump` output per profile; YAML that does not parse is left out. */
  useIstioctlDefaults(istioctlVersion: string, minor: string, dumps: Record<string, string>): void {
    const profiles: Record<string, unknown> = {};
    for (const [name, text] of Object.entries(dumps)) {
      try {
        const value = YAML.parse(text, { version: '1.1', maxAliasCount: 100 });
        if (value && typeof value === 'object') profiles[name] = value;
      } catch { /* a dump that does not parse gives no defaults */ }
    }
    this.istioctlDefaults = Object.keys(profiles).length ? { istioctlVersion, minor, profiles } : undefined;
  }

  /** The parse of a new version of a file, re-parsing only the edited block when that is safe. */
  reparse(previous: ParsedFile, text: string): ParsedFile {
    return reparse(previous, text, this.limits);
  }

  parse(text: string): ParsedFile {
    return parseFile(text, this.limits);
  }

  versionOf(file: ParsedFile, doc: YamlDoc, settings: EngineSettings = {}): VersionChoice {
    // Every feature asks, often several times per edit; a parsed document never changes.
    const known = this.choices.get(doc);
    if (known && known.setting === settings.setting && known.istioctl === settings.istioctlVersion && known.release === settings.release) return known.choice;
    const choice = chooseVersion(doc, file.text, settings, this.store.minors);
    this.choices.set(doc, { setting: settings.setting, istioctl: settings.istioctlVersion, release: settings.release, choice });
    return choice;
  }

  private readonly choices = new WeakMap<YamlDoc, { setting?: string; istioctl?: string; release?: string; choice: VersionChoice }>();

  schemaFor(file: ParsedFile, doc: YamlDoc, settings: EngineSettings = {}): { choice: VersionChoice; schema: IstioSchema } {
    const choice = this.versionOf(file, doc, settings);
    return { choice, schema: this.store.get(choice.version) };
  }

  /** Syntax problems everywhere; schema checks on IstioOperator documents only; in the engine's locale. */
  validate(file: ParsedFile, settings: EngineSettings = {}, cancelled: () => boolean = () => false): Diagnostic[] {
    return localizeDiagnostics(this.check(file, settings, cancelled), this.locale);
  }

  /** What validate finds, in English as it is built (the upgrade report and Fix all compare these). */
  private check(file: ParsedFile, settings: EngineSettings = {}, cancelled: () => boolean = () => false): Diagnostic[] {
    const out: Diagnostic[] = [];
    if (file.tooLarge) {
      out.push(makeDiagnostic(file.lines.range(0, 0), 'information', 'too-large',
        `This file is ${Math.round(file.tooLarge.size / 1024)} KB, over the ${Math.round(file.tooLarge.limit / 1024)} KB limit: it is not validated.`, ''));
      return out;
    }
    let operators = 0;
    for (const doc of file.documents) {
      const release = doc.isIstioOperator ? this.schemaFor(file, doc, settings) : undefined;
      for (const p of doc.problems) {
        if (p.code === 'duplicate-key' && release) {
          const minor = Number(release.schema.version.split('.')[1]);
          out.push(...duplicateKeyDiagnostics(p, doc.doc, minor, release.schema.version, file.lines));
          continue;
        }
        out.push(makeDiagnostic(file.lines.range(p.start, p.end), p.severity, p.code as never, p.message, ''));
      }
      if (!release || cancelled()) continue;
      const { choice, schema } = release;
      if (++operators > 1) out.push(this.secondOperator(file, doc, schema.version));
      if (choice.problem) out.push(makeDiagnostic(file.lines.range(choice.problem.start, choice.problem.end), 'warning', 'version-not-bundled', choice.problem.message, ''));
      out.push(...validateDocument(doc, schema, file.lines, this.limits, cancelled, settings));
    }
    return out;
  }

  /** istioctl 1.12+ reads one IstioOperator per file. */
  private secondOperator(file: ParsedFile, doc: YamlDoc, version: string): Diagnostic {
    const minor = Number(version.split('.')[1]);
    const kind = (doc.doc.contents as { items?: Array<{ key?: { value?: unknown; range?: number[] } }> } | null)?.items?.find((p) => p.key?.value === 'kind');
    const [start, end] = kind?.key?.range ?? [doc.start, doc.start];
    return makeDiagnostic(file.lines.range(start, end), minor >= 12 ? 'error' : 'warning', 'multiple-operators',
      minor >= 12
        ? 'This file contains more than one IstioOperator: istioctl accepts only one per file. Split it into separate files.'
        : 'This file contains more than one IstioOperator: istioctl merges them in order; one file per IstioOperator is clearer.', '');
  }

  /**
   * Keys, enum values, booleans and profile names at a position, with insert text that builds the
   * YAML structure. Only in IstioOperator documents (and at the root of a document with no `kind`).
   */
  complete(file: ParsedFile, position: Position, settings: EngineSettings = {}, opts: { lazyDocs?: boolean } = {}): CompletionList {
    // A file with no document yet still has a release whose root keys can be offered.
    const schemaFor = (doc: YamlDoc | undefined) => this.schemaFor(file, doc ?? emptyDocument(file), settings).schema;
    return complete(file, position, schemaFor, this.store.minors, this.istioctlDefaults, opts.lazyDocs, this.locale);
  }

  /** The docs of a key item that `complete(…, { lazyDocs: true })` left for later. */
  resolveCompletion(item: CompletionItem): CompletionItem {
    return resolveDocs(item, (v) => (this.store.has(v) ? this.store.get(v) : undefined), this.store.minors, this.istioctlDefaults, this.locale);
  }

  /**
   * The effective configuration of an IstioOperator document: its release's built-in profile with the
   * document merged over it, as istioctl merges them, and where each value comes from.
   */
  effective(file: ParsedFile, doc: YamlDoc, settings: EngineSettings = {}, opts: EffectiveOptions = {}): EffectiveResult {
    if (!doc.isIstioOperator) return { ok: false, message: 'This document is not an IstioOperator.' };
    const { schema } = this.schemaFor(file, doc, settings);
    let user: unknown;
    try {
      user = doc.doc.toJS({ maxAliasCount: this.limits.maxAliasExpansions });
    } catch (e) {
      return { ok: false, message: `The document cannot be read as data: ${e instanceof Error ? e.message : String(e)}` };
    }
    return effectiveConfiguration(user as Json, this.store.profiles(schema.version) as ProfileData, opts);
  }

  /** The effective configuration (or, with `profileOnly`, the profile alone) of the file's first IstioOperator, as YAML. */
  effectiveYaml(file: ParsedFile, settings: EngineSettings = {}, opts: { profileOnly?: boolean; origins?: boolean } & EffectiveOptions = {}):
    { ok: true; version: string; tag: string; profile: string; yaml: string } | { ok: false; message: string } {
    const doc = firstOperator(file);
    if (!doc) return NO_OPERATOR;
    const { schema } = this.schemaFor(file, doc, settings);
    const r = this.effective(file, doc, settings, opts);
    if (!r.ok) return r;
    const { profile, tree, origins } = r.config;
    // The profile alone is what a file naming only the profile gets: the same hub, tag and chart defaults.
    const alone = opts.profileOnly ? effectiveConfiguration(profileOnlyDocument(profile), this.store.profiles(schema.version) as ProfileData, opts) : undefined;
    const value = alone ? (alone.ok ? alone.config.tree : {}) : tree;
    return { ok: true, version: schema.version, tag: schema.tag, profile, yaml: effectiveYaml(value, { origins: opts.origins && !opts.profileOnly ? origins : undefined }) };
  }

  /**
   * The file's first IstioOperator read at a later release `to`: what moved, went or now fails, the
   * defaults that change under it, the commands that change, and the hops on the way.
   */
  upgradeReport(file: ParsedFile, to: string, settings: EngineSettings = {}): UpgradeResult {
    const doc = firstOperator(file);
    if (!doc) return NO_OPERATOR;
    const from = this.versionOf(file, doc, settings).version;
    // Only the IstioOperator is compared: diagnostics of other documents in the file are not the upgrade's.
    const own = (d: Diagnostic) => file.lines.offset(d.range.start) >= doc.start && file.lines.offset(d.range.start) <= doc.end;
    return upgradeReport({
      from, to, doc, text: file.text, lines: file.lines,
      releases: this.store.versions.map(({ version, tag }) => ({ version, tag })),
      diagnosticsAt: (release) => this.check(file, { ...settings, release }).filter(own),
      effectiveAt: (release) => this.effective(file, doc, { ...settings, release }),
    });
  }

  /** What each component of the file's first IstioOperator installs, for the components view. */
  components(file: ParsedFile, settings: EngineSettings = {}):
    { ok: true; version: string; profile: string; components: RangedComponent[] } | { ok: false; message: string } {
    const doc = firstOperator(file);
    if (!doc) return NO_OPERATOR;
    const r = this.effective(file, doc, settings);
    if (!r.ok) return r;
    return { ok: true, version: r.config.version, profile: r.config.profile, components: componentsView(file, doc, r.config) };
  }

  /** An edit that writes `value` at `path` (a setting the file does not have yet), keeping every other byte. */
  addSetting(file: ParsedFile, path: SettingPath, value: Json): { ok: true; edit: TextEdit } | { ok: false; message: string } {
    const doc = firstOperator(file);
    if (!doc) return NO_OPERATOR;
    const r = addSetting(file.text, doc.doc, path, value);
    if (!r.ok) return r;
    return { ok: true, edit: { range: file.lines.range(r.edit.start, r.edit.end), newText: r.edit.newText } };
  }

  /**
   * The file's first IstioOperator as istioctl --set flags (the whole document, or with `offset` the
   * setting under it and what it holds), read back as the file's release reads them.
   */
  setFlags(file: ParsedFile, settings: EngineSettings = {}, offset?: number): ({ ok: true; version: string } & ToFlagsResult) | { ok: false; message: string } {
    const doc = firstOperator(file);
    if (!doc) return NO_OPERATOR;
    const { version } = this.schemaFor(file, doc, settings).schema;
    const hit = offset === undefined ? undefined : nodeAt(doc.doc, offset);
    // Under the cursor: the key's setting; `spec` itself (or outside spec) is the whole document.
    const at = hit && hit.path[0] === 'spec' && hit.path.length > 1 ? hit.path : undefined;
    return { ok: true, version, ...documentToFlags(doc.doc, version, { at, maxAliasExpansions: this.limits.maxAliasExpansions }) };
  }

  /** Edits that merge a pasted istioctl command line's --set flags into the file's first IstioOperator, as its release merges them. */
  pasteFlags(file: ParsedFile, commandLine: string, settings: EngineSettings = {}): ({ ok: true; version: string } & MergeFlagsResult) | { ok: false; message: string } {
    const doc = firstOperator(file);
    if (!doc) return NO_OPERATOR;
    const { version } = this.schemaFor(file, doc, settings).schema;
    return { ok: true, version, ...mergeFlagsIntoDocument(file, doc, version, commandLine) };
  }

  /** A new custom-operator.yml (and the files its monitoring and tracing need) for one release. */
  newOperator(options: InitOptions): InitResult {
    return newOperatorFiles(this.store, options);
  }

  /** Quick fixes for the given diagnostics of this file, rewrites worked out on its current text. */
  codeActions(file: ParsedFile, uri: string, diagnostics: Diagnostic[], settings: EngineSettings = {}, opts: { fixAll?: boolean } = {}): CodeAction[] {
    const fixes = quickFixes(uri, diagnostics, (rewrite, d) => this.resolveAt(file, rewrite, d, settings));
    // Worked out only when asked for, or beside a move the user is looking at (the light bulb asks often).
    const all = opts.fixAll || diagnostics.some(isMove) ? this.fixAllMoves(file, settings) : undefined;
    if (!all) return fixes;
    return [...fixes, { title: t(this.locale, 'fix.allMoves', { count: all.count }), kind: FIX_ALL_MOVES, edit: { changes: { [uri]: [all.edit] } } }];
  }

  private resolveAt(file: ParsedFile, rewrite: Rewrite, d: Diagnostic, settings: EngineSettings): TextEdit[] | undefined {
    const offset = file.lines.offset(d.range.start);
    const doc = file.documents.find((x) => offset >= x.start && offset <= x.end);
    if (!doc || !doc.isIstioOperator) return undefined;
    return resolveRewrite(file, doc, rewrite, this.schemaFor(file, doc, settings).schema, this.limits);
  }

  /**
   * Every "Move to …" of the file as one edit: moved one at a time, each on the text the previous
   * left, so offsets never go stale. Undefined when there are fewer than two.
   */
  private fixAllMoves(file: ParsedFile, settings: EngineSettings): { edit: TextEdit; count: number } | undefined {
    let current = file;
    let count = 0;
    for (let i = 0; i < 50; i++) {
      const next = this.check(current, settings).find(isMove);
      if (!next) break;
      const edits = this.resolveAt(current, ((next.data as DiagnosticData).fix as { rewrite: Rewrite }).rewrite, next, settings);
      if (!edits?.length) break;
      let text = current.text;
      for (const e of [...edits].sort((a, b) => current.lines.offset(b.range.start) - current.lines.offset(a.range.start))) {
        text = text.slice(0, current.lines.offset(e.range.start)) + e.newText + text.slice(current.lines.offset(e.range.end));
      }
      current = this.parse(text);
      count++;
    }
    if (count < 2) return undefined;
    const span = changedSpan(file.text, current.text);
    return { edit: { range: file.lines.range(span.start, span.end), newText: span.newText }, count };
  }

  /** Markdown about the key or value under the position; over `kind`, the release and why it was chosen. */
  hover(file: ParsedFile, position: Position, settings: EngineSettings = {}): Hover | null {
    return hover(file, position, (doc) => this.schemaFor(file, doc, settings), this.store.minors, this.istioctlDefaults, this.locale);
  }

  /** The outline of each IstioOperator document (one symbol per document when the file has several). */
  symbols(file: ParsedFile): DocumentSymbol[] {
    return symbols(file, this.limits.maxDepth);
  }

  /** Maps, lists and block scalars of IstioOperator documents that span several lines. */
  folding(file: ParsedFile): FoldingRange[] {
    return folding(file, this.limits.maxDepth);
  }
}

function isMove(d: Diagnostic): boolean {
  const fix = (d.data as DiagnosticData | undefined)?.fix;
  return !!fix && 'rewrite' in fix && fix.rewrite.kind === 'move-path';
}

/** dist/server.js and dist/cli.js sit beside ../schemas; the sources sit three levels deeper. */
export function defaultSchemaDir(): string {
  const candidates = [path.resolve(__dirname, '../schemas'), path.resolve(__dirname, '../../../schemas')];
  return candidates.find((c) => existsSync(path.join(c, 'index.json'))) ?? candidates[0];
}

