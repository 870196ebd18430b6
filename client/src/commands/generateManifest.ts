// Istio: Generate Manifest — `istioctl manifest generate -f FILE` into a read-only YAML editor.
import * as vscode from 'vscode';
import { baseName, beginPlan, reportRun, runWithProgress, showWithOutput, type Services } from './shared.ts';

export async function generateManifest(s: Services, arg?: unknown): Promise<void> {
  const what = vscode.l10n.t('Generate manifest');
  const started = await beginPlan(s, arg, what, 'generate');
  if (!started) return;
  const { session, plan } = started;
  const { target, istioctl } = session;
  if (plan.kind !== 'run') return showWithOutput(s, 'error', vscode.l10n.t('Istio: {what}: {reason}', { what, reason: plan.reason }));
  const run = await runWithProgress(s, session, what, { title: vscode.l10n.t('Istio: rendering {file}', { file: target.name }), steps: plan.steps, echoStdout: () => false });
  if (run.result.kind !== 'succeeded') return reportRun(s, session, what, run, undefined);
  const manifest = run.result.processes[0].stdout;
  s.output.line(vscode.l10n.t('({lines} lines of manifest, opened in an editor)', { lines: manifest.split('\n').length }));
  await s.docs.show(s.docs.create(vscode.l10n.t('{name} (manifest, istioctl {version}).yaml', { name: baseName(target), version: istioctl.version.version }), manifest));
}
