// Istio: New IstioOperator File… — pick the release (default: the istioctl found), a profile, the
// gateways, the registry, access logs, monitoring with kube-prometheus and tracing; the language
// server writes custom-operator.yml (valid at that release) and the files monitoring and tracing
// need, and they are saved in the workspace folder and opened. Runs no tool.
import * as vscode from 'vscode';
import type { NewOperatorRequest } from '../../../protocol/messages.ts';
import { readIndex } from '../bundledIndex.ts';
import { versionOf } from '../istioctlTracker.ts';
import { showWithOutput, type Services } from './shared.ts';

interface Pick<T> extends vscode.QuickPickItem { value: T }

const TITLE = 'New IstioOperator File';

export async function newOperator(s: Services): Promise<void> {
  const folder = await chooseFolder();
  if (!folder) return;
  const versions = [...readIndex(s.schemasDir).versions].reverse();
  const found = versionOf(s.istioctl.current);
  const foundMinor = found ? /^v?(1\.\d+)/.exec(found)?.[1] : undefined;
  const byDefault = versions.find((v) => v.version === foundMinor) ?? versions[0];
  const release = await vscode.window.showQuickPick<Pick<string>>(
    [byDefault, ...versions.filter((v) => v !== byDefault)].map((v) => ({ value: v.version, label: v.version, description: `Istio ${v.tag}${v === byDefault && foundMinor === v.version ? ` · your istioctl ${found}` : ''}` })),
    { title: `${TITLE} (1/5): Istio release`, placeHolder: 'The release istioctl installs' },
  );
  if (!release) return;
  const profiles = versions.find((v) => v.version === release.value)?.profiles ?? ['default'];
  const profile = await vscode.window.showQuickPick<Pick<string>>(
    ['default', ...profiles.filter((p) => p !== 'default')].map((p) => ({ value: p, label: p })),
    { title: `${TITLE} (2/5): profile`, placeHolder: 'The built-in profile the file starts from' },
  );
  if (!profile) return;
  const gateways = await vscode.window.showQuickPick<Pick<'ingress' | 'egress'>>(
    [{ value: 'ingress', label: 'Ingress gateway', picked: true }, { value: 'egress', label: 'Egress gateway', picked: false }],
    { title: `${TITLE} (3/5): gateways`, canPickMany: true, placeHolder: 'The gateways to install' },
  );
  if (!gateways) return;
  const hub = await vscode.window.showInputBox({ title: `${TITLE} (4/5): registry`, prompt: 'The registry the images come from (spec.hub); empty: istioctl\'s own (docker.io/istio)', placeHolder: 'registry.example.com/istio' });
  if (hub === undefined) return;
  const extras = await vscode.window.showQuickPick<Pick<string>>([
    { value: 'accessLogs', label: 'Access logs on the proxies\' stdout', picked: true },
    { value: 'kube-prometheus', label: 'Monitoring with kube-prometheus (Prometheus Operator)', description: 'ServiceMonitor and PodMonitor in prometheus-operator.yaml' },
    { value: 'zipkin', label: 'Tracing: Zipkin / Jaeger' },
    { value: 'opentelemetry', label: 'Tracing: OpenTelemetry', description: 'from 1.16' },
  ], { title: `${TITLE} (5/5): what else to set up`, canPickMany: true, placeHolder: 'Optional blocks' });
  if (!extras) return;
  const chosen = new Set(extras.map((e) => e.value));
  if (chosen.has('zipkin') && chosen.has('opentelemetry')) {
    void vscode.window.showWarningMessage('Istio: choose one tracing system, Zipkin or OpenTelemetry.');
    return;
  }
  const params: NewOperatorRequest.Params = {
    istioVersion: release.value, profile: profile.value,
    gateways: { ingress: gateways.some((g) => g.value === 'ingress'), egress: gateways.some((g) => g.value === 'egress') },
    hub: hub.trim() || undefined, accessLogs: chosen.has('accessLogs'),
    monitoring: chosen.has('kube-prometheus') ? 'kube-prometheus' : undefined,
    tracing: chosen.has('zipkin') ? 'zipkin' : chosen.has('opentelemetry') ? 'opentelemetry' : undefined,
  };
  const r = await s.newOperator(params).catch((e: unknown): NewOperatorRequest.Result => ({ ok: false, message: e instanceof Error ? e.message : String(e) }));
  if (!r.ok) return showWithOutput(s, 'warning', `Istio: New IstioOperator File: ${r.message}`);
  const targets = r.files.map((f) => ({ ...f, uri: vscode.Uri.joinPath(folder, f.name) }));
  const existing = (await Promise.all(targets.map(async (t) => ((await exists(t.uri)) ? t.name : undefined)))).filter(Boolean);
  if (existing.length) {
    const answer = await vscode.window.showWarningMessage(`Replace ${existing.join(', ')} in ${folder.path.split('/').pop()}?`, { modal: true, detail: 'The files there are overwritten.' }, 'Replace');
    if (answer !== 'Replace') return;
  }
  for (const t of targets) await vscode.workspace.fs.writeFile(t.uri, new TextEncoder().encode(t.text));
  s.output.line(`New IstioOperator for Istio ${r.tag}: ${targets.map((t) => `${t.name} (${t.description})`).join('; ')}.`);
  for (const n of r.notes) s.output.line(`  ${n}`);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(targets[0].uri), { preview: false });
}

async function chooseFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'The folder for custom-operator.yml' }))?.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Create Here' });
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
