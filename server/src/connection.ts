// Binds the LSP connection to the server's parts: one line per request or notification.
import {
  CodeActionKind, DidChangeConfigurationNotification, TextDocuments, TextDocumentSyncKind,
  type Connection, type InitializeParams, type InitializeResult, type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  AddSettingRequest, ComponentsRequest, EffectiveConfigurationRequest, IstioctlDefaultsNotification, IstioctlVersionNotification, NewOperatorRequest, PasteFlagsRequest,
  SetFlagsRequest, UpgradeReportRequest,
} from '../../protocol/messages.ts';
import type { InitializationOptions } from '../../protocol/settings.ts';
import { supportedItemDefaults } from './completionDefaults.ts';
import { DiagnosticsPublisher } from './diagnosticsPublisher.ts';
import { Documents } from './documents.ts';
import { Engine, FIX_ALL_MOVES } from './engine/engine.ts';
import { toLocale } from './engine/l10n/locale.ts';
import { version } from '../../package.json';
import { connectionLogger, describeError } from './logger.ts';
import { RequestHandlers } from './requestHandlers.ts';
import { Settings } from './settings.ts';

export const SERVER_NAME = 'iop-language-server';

export const capabilities: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  // ':' and ' ' after a key (its values: enums, booleans, profiles), ' ' after `- ` (the item's keys).
  // Not '-': alone it starts nothing to complete, and inside names (istio-ingressgateway) it would
  // only open empty lists. Letters trigger completion on their own in every editor.
  completionProvider: { triggerCharacters: [':', ' '], resolveProvider: true },
  hoverProvider: true,
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_MOVES] },
};

export function serve(connection: Connection): void {
  const log = connectionLogger(connection);
  const engine = new Engine();
  const synced = new TextDocuments(TextDocument);
  const documents = new Documents(synced, engine);
  const settings = new Settings(connection, log);
  // No fixed wait unless the client asks for one: the publisher follows each document's check cost.
  const diagnostics = new DiagnosticsPublisher(connection, documents, settings, engine, log);
  const requests = new RequestHandlers(documents, settings, engine, log);
  let registerConfiguration = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    // VS Code's display language (`zh-cn`): diagnostics, hover labels and quick-fix titles follow it.
    engine.setLocale(toLocale(params.locale));
    settings.configure({
      pullConfiguration: !!params.capabilities.workspace?.configuration,
      istioctlVersion: options.istioctlVersion,
      workspaceFolders: params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []),
    });
    if (typeof options.diagnosticsDelay === 'number' && Number.isFinite(options.diagnosticsDelay)) diagnostics.setDelay(options.diagnosticsDelay);
    if (typeof options.maxFileSizeKb === 'number' && options.maxFileSizeKb > 0) engine.setLimits({ maxFileSize: options.maxFileSizeKb * 1024 });
    requests.itemDefaults = supportedItemDefaults(params.capabilities.textDocument?.completion?.completionList?.itemDefaults);
    registerConfiguration = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    return { capabilities, serverInfo: { name: SERVER_NAME, version } };
  });
  connection.onInitialized(() => {
    if (registerConfiguration) {
      connection.client.register(DidChangeConfigurationNotification.type, undefined).catch((e: unknown) => log.warn(`Could not register for configuration changes: ${describeError(e)}`));
    }
  });

  connection.onCompletion((p, token) => requests.completion(p, token));
  connection.onCompletionResolve((item) => requests.completionResolve(item));
  connection.onHover((p, token) => requests.hover(p, token));
  connection.onDocumentSymbol((p, token) => requests.documentSymbol(p, token));
  connection.onFoldingRanges((p, token) => requests.foldingRange(p, token));
  connection.onCodeAction((p, token) => requests.codeActions(p, token));
  connection.onRequest(EffectiveConfigurationRequest.method, (p: EffectiveConfigurationRequest.Params) => requests.effectiveConfiguration(p));
  connection.onRequest(UpgradeReportRequest.method, (p: UpgradeReportRequest.Params) => requests.upgradeReport(p));
  connection.onRequest(ComponentsRequest.method, (p: ComponentsRequest.Params) => requests.components(p));
  connection.onRequest(AddSettingRequest.method, (p: AddSettingRequest.Params) => requests.addSetting(p));
  connection.onRequest(SetFlagsRequest.method, (p: SetFlagsRequest.Params) => requests.setFlags(p));
  connection.onRequest(PasteFlagsRequest.method, (p: PasteFlagsRequest.Params) => requests.pasteFlags(p));
  connection.onRequest(NewOperatorRequest.method, async (p: NewOperatorRequest.Params) => requests.newOperator(p));

  synced.onDidChangeContent((e) => diagnostics.changed(e.document.uri));
  synced.onDidClose((e) => { documents.evict(e.document.uri); settings.forget(e.document.uri); diagnostics.closed(e.document.uri); });
  connection.onDidChangeConfiguration((p) => { settings.changed(p.settings); diagnostics.recheckAll(); });
  connection.onNotification(IstioctlVersionNotification.method, (p: IstioctlVersionNotification.Params) => { if (settings.setIstioctlVersion(p?.version)) diagnostics.recheckAll(); });
  connection.onNotification(IstioctlDefaultsNotification.method, (p: IstioctlDefaultsNotification.Params) => {
    if (p && typeof p.minor === 'string' && p.profiles && typeof p.profiles === 'object') engine.useIstioctlDefaults(String(p.istioctlVersion), p.minor, p.profiles);
  });
  connection.onShutdown(() => diagnostics.dispose());

  synced.listen(connection);
  connection.listen();
}
