// Activation: start the language client, the status bar item, the commands and the istioctl
// detection; every disposable goes into context.subscriptions. Nothing here runs a tool in an
// untrusted workspace (the tracker and the commands check).
import './l10nSetup.ts';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import {
  AddSettingRequest, ComponentsRequest, EffectiveConfigurationRequest, IstioctlDefaultsNotification, IstioctlVersionNotification, NewOperatorRequest, PasteFlagsRequest,
  SetFlagsRequest, UpgradeReportRequest, VersionStatusNotification,
} from '../../protocol/messages.ts';
import { ComponentsView } from './componentsView.ts';
import type { UpgradeSource } from './commands/shared.ts';
import { ActiveIopTracker } from './activeFile.ts';
import { registerCommands } from './commands/index.ts';
import type { Services } from './commands/shared.ts';
import { readDefaultsCache, type CachedDefaults } from './defaultsCache.ts';
import { detectKubeContext } from './detect.ts';
import { EffectiveView, type EffectiveSource } from './effectiveView.ts';
import { IstioctlTracker, versionOf } from './istioctlTracker.ts';
import { createLanguageClient } from './languageClient.ts';
import { Output } from './output.ts';
import { readSettings, SECTION } from './settings.ts';
import { StatusItem } from './status.ts';
import { VirtualDocuments } from './virtualDocuments.ts';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = new Output();
  const docs = new VirtualDocuments();
  const status = new StatusItem();
  const istioctl = new IstioctlTracker();
  const active = new ActiveIopTracker();
  const documentVersions = new Map<string, string>();
  context.subscriptions.push(output, docs, status, istioctl, active);

  client = createLanguageClient(context, () => ({
    istioctlVersion: versionOf(istioctl.current),
    maxFileSizeKb: vscode.workspace.getConfiguration('istioOperator').get<number>('maxFileSizeKb'),
  }));
  context.subscriptions.push({ dispose: () => void client?.stop() });
  const lc = client;
  const sendDefaults = (cache: CachedDefaults) => {
    const params: IstioctlDefaultsNotification.Params = { istioctlVersion: cache.istioctlVersion, minor: cache.minor, profiles: cache.dumps };
    void lc.sendNotification(IstioctlDefaultsNotification.method, params).catch(() => undefined);
  };
  const effective: EffectiveSource = (uri, opts) => lc.sendRequest(EffectiveConfigurationRequest.method, { uri, ...opts } satisfies EffectiveConfigurationRequest.Params) as Promise<EffectiveConfigurationRequest.Result>;
  const upgradeReport: UpgradeSource = (uri, to) => lc.sendRequest(UpgradeReportRequest.method, { uri, to } satisfies UpgradeReportRequest.Params) as Promise<UpgradeReportRequest.Result>;
  const effectiveView = new EffectiveView(effective);
  const componentsView = new ComponentsView(
    (uri) => lc.sendRequest(ComponentsRequest.method, { uri } satisfies ComponentsRequest.Params) as Promise<ComponentsRequest.Result>,
    (uri, path, value) => lc.sendRequest(AddSettingRequest.method, { uri, path, value } satisfies AddSettingRequest.Params) as Promise<AddSettingRequest.Result>,
  );
  context.subscriptions.push(componentsView);
  context.subscriptions.push(effectiveView);
  const services: Services = {
    effective, effectiveView, upgradeReport,
    setFlags: (uri, position) => lc.sendRequest(SetFlagsRequest.method, { uri, position } satisfies SetFlagsRequest.Params) as Promise<SetFlagsRequest.Result>,
    pasteFlags: (uri, commandLine) => lc.sendRequest(PasteFlagsRequest.method, { uri, commandLine } satisfies PasteFlagsRequest.Params) as Promise<PasteFlagsRequest.Result>,
    newOperator: (params) => lc.sendRequest(NewOperatorRequest.method, params) as Promise<NewOperatorRequest.Result>,
    output, docs, istioctl, status,
    schemasDir: context.asAbsolutePath('schemas'),
    storageDir: context.globalStorageUri.fsPath,
    documentVersion: (uri) => documentVersions.get(uri.toString()),
    sendDefaults,
  };
  context.subscriptions.push(...registerCommands(services));

  // Server → client: the version chosen for each document, for the status bar.
  context.subscriptions.push(lc.onNotification(VersionStatusNotification.method, (p: VersionStatusNotification.Params) => {
    if (p.version) documentVersions.set(p.uri, p.version);
    else documentVersions.delete(p.uri);
    status.setVersionStatus(p);
  }));
  // Client → server: the istioctl found (and its cached defaults, if refreshed before); again
  // after the server restarted (its version also comes in the initialization options).
  const sendCachedDefaults = (version: string | null) => {
    const cache = version ? readDefaultsCache(services.storageDir, version) : undefined;
    if (cache) sendDefaults(cache);
  };
  context.subscriptions.push(istioctl.onDidChange((found) => {
    const version = versionOf(found);
    status.setIstioctl(version ?? undefined);
    const params: IstioctlVersionNotification.Params = { version };
    void lc.sendNotification(IstioctlVersionNotification.method, params).catch(() => undefined);
    sendCachedDefaults(version);
  }));
  context.subscriptions.push(lc.onDidChangeState((e) => {
    if (e.newState === State.Running) sendCachedDefaults(versionOf(istioctl.current));
  }));

  // The kube context in the status bar: read when an IstioOperator file is shown (at most every 30 s).
  let contextReadAt = 0;
  const refreshContext = async (force: boolean) => {
    if (!vscode.workspace.isTrusted) return status.setContext('restricted');
    if (!force && Date.now() - contextReadAt < 30_000) return;
    contextReadAt = Date.now();
    const settings = readSettings();
    status.setContext(await detectKubeContext(settings.tools.kubectl, settings));
  };
  context.subscriptions.push(active.onDidChange((isIop) => {
    status.setVisible(isIop);
    if (isIop) void refreshContext(false);
  }));
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`${SECTION}.istioctlPath`)) void istioctl.detect();
    if (['kubectlPath', 'kubeconfig', 'context'].some((k) => e.affectsConfiguration(`${SECTION}.${k}`))) void refreshContext(true);
  }));
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => {
    void istioctl.detect();
    void refreshContext(true);
  }));

  try {
    await lc.start();
  } catch (e) {
    // The commands and the status bar still work; the client has shown its own error.
    output.line(vscode.l10n.t('The Istio Operator language server did not start: {error}', { error: e instanceof Error ? e.message : String(e) }));
  }
  status.setVisible(active.isIstioOperator);
  if (active.isIstioOperator) void refreshContext(true);
  void istioctl.detect(); // in the background: activation does not wait for istioctl
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
