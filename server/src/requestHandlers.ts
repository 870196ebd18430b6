// The LSP requests, each adapted to one engine feature: find the open document's parse (once per
// version), read its settings, honour cancellation, and answer. Unknown or closed documents and
// positions past the end get empty answers; an engine failure is logged and answered empty too,
// so one bad request never takes the server down.
import {
  LSPErrorCodes, ResponseError,
  type CancellationToken, type CompletionItem, type CompletionList, type CompletionParams, type DocumentSymbol, type DocumentSymbolParams,
  type CodeAction, type CodeActionParams, type FoldingRange, type FoldingRangeParams, type Hover, type HoverParams, type Position,
} from 'vscode-languageserver/node';
import type { AddSettingRequest, ComponentsRequest, EffectiveConfigurationRequest, NewOperatorRequest, PasteFlagsRequest, SetFlagsRequest, UpgradeReportRequest } from '../../protocol/messages.ts';
import { withItemDefaults, type ItemDefault } from './completionDefaults.ts';
import type { Documents, OpenDocument } from './documents.ts';
import { FIX_ALL_MOVES, type Engine } from './engine/engine.ts';
import { upgradeMarkdown } from './engine/upgrade/markdown.ts';
import { describeError, type Logger } from './logger.ts';
import type { Settings } from './settings.ts';

const EMPTY_COMPLETION: CompletionList = { isIncomplete: false, items: [] };

export class RequestHandlers {
  /** Item defaults the client takes (set from `initialize`): shared item fields go once per list. */
  itemDefaults: ReadonlySet<ItemDefault> = new Set();

  constructor(
    private readonly documents: Documents,
    private readonly settings: Settings,
    private readonly engine: Engine,
    private readonly log: Logger,
  ) {}

  async completion(params: CompletionParams, token: CancellationToken): Promise<CompletionList> {
    const doc = this.documents.get(params.textDocument.uri);
    if (!doc || !inside(doc, params.position)) return EMPTY_COMPLETION;
    const settings = await this.settings.forDocument(doc.uri);
    throwIfCancelled(token);
    return this.guard('completion', doc, EMPTY_COMPLETION, () => withItemDefaults(this.engine.complete(doc.file, params.position, settings, { lazyDocs: true }), this.itemDefaults));
  }

  /** The docs of the item the editor shows (they are left out of the list to keep it fast). */
  completionResolve(item: CompletionItem): CompletionItem {
    try {
      return this.engine.resolveCompletion(item);
    } catch (e) {
      this.log.error(`completion resolve failed: ${describeError(e)}`);
      return item;
    }
  }

  async hover(params: HoverParams, token: CancellationToken): Promise<Hover | null> {
    const doc = this.documents.get(params.textDocument.uri);
    if (!doc || !inside(doc, params.position)) return null;
    const settings = await this.settings.forDocument(doc.uri);
    throwIfCancelled(token);
    return this.guard('hover', doc, null, () => this.engine.hover(doc.file, params.position, settings));
  }

  documentSymbol(params: DocumentSymbolParams, token: CancellationToken): DocumentSymbol[] {
    const doc = this.documents.get(params.textDocument.uri);
    if (!doc) return [];
    throwIfCancelled(token);
    return this.guard('documentSymbol', doc, [], () => this.engine.symbols(doc.file));
  }

  foldingRange(params: FoldingRangeParams, token: CancellationToken): FoldingRange[] {
    const doc = this.documents.get(params.textDocument.uri);
    if (!doc) return [];
    throwIfCancelled(token);
    return this.guard('foldingRange', doc, [], () => this.engine.folding(doc.file));
  }

  /** The effective configuration of an open document (istioOperator/effectiveConfiguration). */
  async effectiveConfiguration(params: EffectiveConfigurationRequest.Params): Promise<EffectiveConfigurationRequest.Result> {
    const doc = params && typeof params.uri === 'string' ? this.documents.get(params.uri) : undefined;
    if (!doc) return { ok: false, message: 'The document is not open.' };
    const settings = await this.settings.forDocument(doc.uri);
    return this.guard('effectiveConfiguration', doc, { ok: false, message: 'The effective configuration could not be computed; see the server log.' },
      () => this.engine.effectiveYaml(doc.file, settings, { profileOnly: !!params.profileOnly, origins: !!params.origins }));
  }

  /** The upgrade report of an open document (istioOperator/upgradeReport), as Markdown. */
  async upgradeReport(params: UpgradeReportRequest.Params): Promise<UpgradeReportRequest.Result> {
    const doc = params && typeof params.uri === 'string' ? this.documents.get(params.uri) : undefined;
    if (!doc) return { ok: false, message: 'The document is not open.' };
    if (typeof params.to !== 'string' || !this.engine.store.has(params.to)) return { ok: false, message: `Istio ${String(params.to)} is not bundled.` };
    const settings = await this.settings.forDocument(doc.uri);
    return this.guard('upgradeReport', doc, { ok: false, message: 'The upgrade report could not be made; see the server log.' }, (): UpgradeReportRequest.Result => {
      const r = this.engine.upgradeReport(doc.file, params.to, settings);
      if (!r.ok) return r;
      const { report } = r;
      return { ok: true, from: report.from.version, to: report.to.version, markdown: upgradeMarkdown(report, fileName(doc.uri)),
        findings: report.findings.length, errors: report.settings.filter((s) => s.severity === 'error').length };
    });
  }

  /** The components view's data for an open document (istioOperator/components). */
  async components(params: ComponentsRequest.Params): Promise<ComponentsRequest.Result> {
    const doc = params && typeof params.uri === 'string' ? this.documents.get(params.uri) : undefined;
    if (!doc) return { ok: false, message: 'The document is not open.' };
    const settings = await this.settings.forDocument(doc.uri);
    return this.guard('components', doc, { ok: false, message: 'The components could not be read; see the server log.' }, () => this.engine.components(doc.file, settings));
  }

  /** The edit that writes a setting the open document does not have yet (istioOperator/addSetting). */
  async addSetting(params: AddSettingRequest.Params): Promise<AddSettingRequest.Result> {
    const doc = params && typeof params.uri === 'string' ? this.documents.get(params.uri) : undefined;
    if (!doc) return { ok: false, message: 'The document is not open.' };
    const path = Array.isArray(params.path) && params.path.every((p) => typeof p === 'string' || (Number.isInteger(p) && p >= 0)) ? params.path : undefined;
    if (!path || path.length < 2) return { ok: false, message: 'The setting\'s path is not a document path.' };
    return this.guard('addSetting', doc, { ok: false, message: 'The setting could not be added; see the server log.' }, () => this.engine.addSetting(doc.file, path, params.value as never));
  }

  /** The open document as --set flags (istioOperator/setFlags). */
  async setFlags(params: SetFlagsRequest.Params): Promise<SetFlagsRequest.Result> {
    const doc = params && typeof params.uri === 'string' ? this.documents.get(params.uri) : undefined;
    if (!doc) return { ok: false, message: 'The document is not open.' };
    const settings = await this.settings.forDocument(doc.uri);
    const p = params.position;
    const offset = p && Number.isInteger(p.line) && Number.isInteger(p.character) ? doc.file.lines.offset(p) : undefined;
    return this.guard('setFlags', doc, { ok: false, message: 'The flags could not be made; see the server log.' }, (): SetFlagsRequest.Result => {
      const r = this.engine.setFlags(doc.file, settings, offset);
      if (!r.ok) return r;
      return { ok: true, version: r.version, releases: r.releases, flags: r.flags.map((f) => ({ path: f.path, arg: f.arg })), problems: r.problems.map((x) => ({ path: x.path, reason: x.reason })), notes: r.notes };
    });
  }

  /** Edits that merge pasted --set flags into the open document (istioOperator/pasteFlags). */
  async pasteFlags(params: PasteFlagsRequest.Params): Promise<PasteFlagsRequest.Result> {
    const doc = params && typeof params.uri === 'string' ? this.documents.get(params.uri) : undefined;
    if (!doc) return { ok: false, message: 'The document is not open.' };
    if (typeof params.commandLine !== 'string') return { ok: false, message: 'No command line was given.' };
    const settings = await this.settings.forDocument(doc.uri);
    return this.guard('pasteFlags', doc, { ok: false, message: 'The flags could not be merged; see the server log.' }, (): PasteFlagsRequest.Result => {
      const r = this.engine.pasteFlags(doc.file, params.commandLine, settings);
      if (!r.ok) return r;
      return { ok: true, version: r.version, flags: r.flags, edits: r.edits, errors: r.errors, notes: r.notes };
    });
  }

  /** The files of a new IstioOperator (istioOperator/newOperator). */
  newOperator(params: NewOperatorRequest.Params): NewOperatorRequest.Result {
    if (!params || typeof params.istioVersion !== 'string') return { ok: false, message: 'No Istio release was chosen.' };
    try {
      return this.engine.newOperator({ ...params, madeBy: 'the VS Code command "Istio: New IstioOperator File…"' });
    } catch (e) {
      this.log.error(`newOperator failed: ${describeError(e)}`);
      return { ok: false, message: 'The file could not be made; see the server log.' };
    }
  }

  /** Quick fixes for the diagnostics the editor shows; rewrites are worked out on the current text. */
  async codeActions(params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
    const doc = this.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const settings = await this.settings.forDocument(doc.uri);
    throwIfCancelled(token);
    const fixAll = !!params.context.only?.some((k) => FIX_ALL_MOVES === k || FIX_ALL_MOVES.startsWith(`${k}.`));
    return this.guard('codeAction', doc, [], () => this.engine.codeActions(doc.file, doc.uri, params.context.diagnostics, settings, { fixAll }));
  }

  private guard<T>(feature: string, doc: OpenDocument, empty: T, run: () => T): T {
    try {
      return run() ?? empty;
    } catch (e) {
      this.log.error(`${feature} failed on ${doc.uri} (version ${doc.version}): ${describeError(e)}`);
      return empty;
    }
  }
}

/** A position on a line of the document (a character past the end of a line is clamped, as LSP says). */
function inside(doc: OpenDocument, pos: Position): boolean {
  return Number.isInteger(pos.line) && Number.isInteger(pos.character) && pos.line >= 0 && pos.character >= 0 && pos.line < doc.file.lines.lineCount;
}

function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/** `file:///work/custom-operator.yml` → `custom-operator.yml`, for the report's title. */
function fileName(uri: string): string {
  const last = uri.split(/[\\/]/).pop() ?? uri;
  try { return decodeURIComponent(last); } catch { return last; }
}
