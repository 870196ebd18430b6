// Istio: New IstioOperator File… — pick the release (default: the istioctl found), a profile, the
// gateways, the registry, access logs, monitoring with kube-prometheus and tracing; the language
// server writes custom-operator.yml (valid at that release) and the files monitoring and tracing
// need, and they are saved in the workspace folder and opened. Runs no tool.
import * as vscode from 'vscode';
import type { NewOperatorRequest } from '../../../protocol/messages.ts';
import { readIndex } from '../bundledIndex.ts';
import { versionOf } from '../istioctlTracker.ts';
import { showWithOutput, type Services } from './shared.ts';
import { requestFailed } from '../requestFailed.ts';

interface Pick<T> extends vscode.QuickPickItem { value: T }

const step = (n: number, what: string) => vscode.l10n.t('New IstioOperator File ({n}/5): {what}', { n, what });

export async function newOperator(s: Services): Promise<void> {
  const folder = await chooseFolder();
  if (!folder) return;
  const versions = [...readIndex(s.schemasDir).versions].reverse();
  const found = versionOf(s.istioctl.current);
  const foundMinor = found ? /^v?(1\.\d+)/.exec(found)?.[1] : undefined;
  const byDefault = versions.find((v) => v.version === foundMinor) ?? versions[0];
  const release = await vscode.window.showQuickPick<Pick<string>>(
    [byDefault, ...versions.filter((v) => v !== byDefault)].map((v) => ({ value: v.version, label: v.version, description: v === byDefault && foundMinor === v.version ? vscode.l10n.t('Istio {tag} · your istioctl {version}', { tag: v.tag, version: found! }) : `Istio ${v.tag}` })),
    { title: step(1, vscode.l10n.t('Istio release')), placeHolder: vscode.l10n.t('The release istioctl installs') },
  );
  if (!release) return;
  const profiles = versions.find((v) => v.version === release.value)?.profiles ?? ['default'];
  const profile = await vscode.window.showQuickPick<Pick<string>>(
    ['default', ...profiles.filter((p) => p !== 'default')].map((p) => ({ value: p, label: p })),
    { title: step(2, vscode.l10n.t('profile')), placeHolder: vscode.l10n.t('The built-in profile the file starts from') },
  );
  if (!profile) return;
  const gateways = await vscode.window.showQuickPick<Pick<'ingress' | 'egress'>>(
    [{ value: 'ingress', label: vscode.l10n.t('Ingress gateway'), picked: true }, { value: 'egress', label: vscode.l10n.t('Egress gateway'), picked: false }],
    { title: step(3, vscode.l10n.t('gateways')), canPickMany: true, placeHolder: vscode.l10n.t('The gateways to install') },
  );
  if (!gateways) return;
  const hub = await vscode.window.showInputBox({ title: step(4, vscode.l10n.t('registry')), prompt: vscode.l10n.t('The registry the images come from (spec.hub); empty: istioctl\'s own (docker.io/istio)'), placeHolder: 'registry.example.com/istio' });
  if (hub === undefined) return;
  const extras = await vscode.window.showQuickPick<Pick<string>>([
    { value: 'accessLogs', label: vscode.l10n.t('Access logs on the proxies\' stdout'), picked: true },
    { value: 'kube-prometheus', label: vscode.l10n.t('Monitoring with kube-prometheus (Prometheus Operator)'), description: vscode.l10n.t('ServiceMonitor and PodMonitor in prometheus-operator.yaml') },
    { value: 'zipkin', label: vscode.l10n.t('Tracing: Zipkin / Jaeger') },
    { value: 'opentelemetry', label: vscode.l10n.t('Tracing: OpenTelemetry'), description: vscode.l10n.t('from 1.16') },
  ], { title: step(5, vscode.l10n.t('what else to set up')), canPickMany: true, placeHolder: vscode.l10n.t('Optional blocks') });
  if (!extras) return;
  const chosen = new Set(extras.map((e) => e.value));
  if (chosen.has('zipkin') && chosen.has('opentelemetry')) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Istio: choose one tracing system, Zipkin or OpenTelemetry.'));
    return;
  }
  const params: NewOperatorRequest.Params = {
    istioVersion: release.value, profile: profile.value,
    gateways: { ingress: gateways.some((g) => g.value === 'ingress'), egress: gateways.some((g) => g.value === 'egress') },
    hub: hub.trim() || undefined, accessLogs: chosen.has('accessLogs'),
    monitoring: chosen.has('kube-prometheus') ? 'kube-prometheus' : undefined,
    tracing: chosen.has('zipkin') ? 'zipkin' : chosen.has('opentelemetry') ? 'opentelemetry' : undefined,
  };
  const r = await s.newOperator(params).catch(requestFailed);
  if (!r.ok) return showWithOutput(s, 'warning', vscode.l10n.t('Istio: New IstioOperator File: {problem}', { problem: r.message }));
  const targets = r.files.map((f) => ({ ...f, uri: vscode.Uri.joinPath(folder, f.name) }));
  const existing = (await Promise.all(targets.map(async (t) => ((await exists(t.uri)) ? t.name : undefined)))).filter(Boolean);
  if (existing.length) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Replace {files} in {folder}?', { files: existing.join(', '), folder: folder.path.split('/').pop() ?? '' }), { modal: true, detail: vscode.l10n.t('The files there are overwritten.') }, replace);
    if (answer !== replace) return;
  }
  for (const t of targets) await vscode.workspace.fs.writeFile(t.uri, new TextEncoder().encode(t.text));
  s.output.line(vscode.l10n.t('New IstioOperator for Istio {tag}: {files}.', { tag: r.tag, files: targets.map((t) => `${t.name} (${t.description})`).join('; ') }));
  for (const n of r.notes) s.output.line(`  ${n}`);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(targets[0].uri), { preview: false });
}

async function chooseFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('The folder for custom-operator.yml') }))?.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t('Create Here') });
  return picked?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
