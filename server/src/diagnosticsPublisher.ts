// Pushes diagnostics for open documents (textDocument/publishDiagnostics, with the document
// version) and tells the client which Istio version each document is checked against.
//
// Stale results are dropped, never published: every change to a document supersedes the check in
// flight for it (each check carries a generation number), a check only publishes for the version that is still
// current, and a version older than one already published is never published again.
// When to check follows the cost: a document whose last check was cheap is checked at once after
// each edit; one whose checks take tens of ms waits a little, so a burst of keystrokes is checked
// once. An explicit `diagnosticsDelay` replaces that with a fixed wait. The first version of a
// document is checked at once.
import type { Connection } from 'vscode-languageserver/node';
import { VersionStatusNotification } from '../../protocol/messages.ts';
import type { Documents } from './documents.ts';
import type { Engine, EngineSettings } from './engine/engine.ts';
import type { ParsedFile } from './engine/parse/parse.ts';
import { translatePhrase } from './engine/l10n/localize.ts';
import { describeError, type Logger } from './logger.ts';
import type { Settings } from './settings.ts';

interface DocumentState {
  generation: number;
  /** How long the last few checks of this document took (ms), newest last, for the next wait. */
  costs: number[];
  /** Cancels the scheduled check (a timer, or an immediate when there is no delay). */
  cancel?: () => void;
  publishedVersion?: number;
  /** The last version status sent, as a comparable key. */
  status?: string;
}

/** A check this cheap (ms) runs at once after an edit: sooner than any wait would save. */
export const CHEAP_CHECK_MS = 15;
/** The longest an edit waits for its check when checks are expensive (ms). */
export const MAX_ADAPTIVE_DELAY_MS = 150;

/** How many recent checks the wait is based on: one slow check (a GC pause) does not make a document slow. */
const COST_WINDOW = 5;

/** The typical cost of a document's checks: the median of the recent ones; undefined before the first. */
export function typicalCost(costs: readonly number[]): number | undefined {
  if (!costs.length) return undefined;
  const sorted = [...costs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The wait before checking a document whose checks take `cost` ms: none when cheap, else twice the cost (capped). */
export function adaptiveDelay(cost: number | undefined): number {
  if (cost === undefined || cost <= CHEAP_CHECK_MS) return 0;
  return Math.min(MAX_ADAPTIVE_DELAY_MS, Math.round(cost * 2));
}

export class DiagnosticsPublisher {
  private readonly states = new Map<string, DocumentState>();
  /** Shared by every document, so a check from before a close never matches one after a reopen. */
  private generations = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: Documents,
    private readonly settings: Settings,
    private readonly engine: Engine,
    private readonly log: Logger,
    /** A fixed wait after each edit (the diagnosticsDelay option); undefined: follow the cost. */
    private delay?: number,
  ) {}

  setDelay(ms: number): void {
    this.delay = Math.max(0, ms);
  }

  /** The document was opened or edited. */
  changed(uri: string): void {
    const state = this.states.get(uri);
    this.schedule(uri, !state ? 0 : this.delay ?? adaptiveDelay(typicalCost(state.costs)));
  }

  /** Settings or the istioctl version changed: check every open document again. */
  recheckAll(): void {
    for (const uri of this.documents.uris()) this.schedule(uri, 0);
  }

  /** The document was closed: stop its check, forget it, and clear what it showed. */
  closed(uri: string): void {
    const state = this.states.get(uri);
    state?.cancel?.();
    this.states.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch((e: unknown) => this.log.warn(`Could not clear diagnostics for ${uri}: ${describeError(e)}`));
  }

  dispose(): void {
    for (const s of this.states.values()) s.cancel?.();
    this.states.clear();
  }

  private schedule(uri: string, delay: number): void {
    let state = this.states.get(uri);
    if (!state) {
      state = { generation: 0, costs: [] };
      this.states.set(uri, state);
    }
    const generation = ++this.generations;
    state.generation = generation;
    state.cancel?.();
    const run = () => {
      state.cancel = undefined;
      this.check(uri, generation).catch((e: unknown) => this.log.error(`Checking ${uri} failed: ${describeError(e)}`));
    };
    // With no delay, an immediate runs right after the pending I/O, sooner than setTimeout(…, 0).
    if (delay === 0) {
      const immediate = setImmediate(run);
      state.cancel = () => clearImmediate(immediate);
    } else {
      const timer = setTimeout(run, delay);
      state.cancel = () => clearTimeout(timer);
    }
  }

  private async check(uri: string, generation: number): Promise<void> {
    const version = this.documents.versionOf(uri);
    if (version === undefined) return;
    const current = () => this.states.get(uri)?.generation === generation && this.documents.versionOf(uri) === version;
    const settings = await this.settings.forDocument(uri);
    if (!current()) return; // superseded while the settings were read
    const doc = this.documents.get(uri);
    if (!doc || doc.version !== version) return;
    const started = performance.now();
    const diagnostics = this.engine.validate(doc.file, settings, () => !current());
    const state = this.states.get(uri);
    if (!state || !current()) return;
    state.costs.push(performance.now() - started);
    if (state.costs.length > COST_WINDOW) state.costs.shift();
    if (state.publishedVersion !== undefined && state.publishedVersion > version) return;
    state.publishedVersion = version;
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
    this.sendVersionStatus(uri, state, doc.file, settings);
  }

  private sendVersionStatus(uri: string, state: DocumentState, file: ParsedFile, settings: EngineSettings): void {
    const first = file.documents.find((d) => d.isIstioOperator);
    const choice = first ? this.engine.versionOf(file, first, settings) : undefined;
    const reason = choice ? translatePhrase('reason', choice.reason, this.engine.locale) : null;
    const params: VersionStatusNotification.Params = { uri, version: choice?.version ?? null, source: choice?.source ?? null, reason };
    const key = `${params.version}\u0000${params.source}\u0000${params.reason}`;
    if (state.status === key) return;
    state.status = key;
    this.connection.sendNotification(VersionStatusNotification.method, params).catch((e: unknown) => this.log.warn(`Could not send the version status for ${uri}: ${describeError(e)}`));
  }
}
