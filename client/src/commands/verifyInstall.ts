// Istio: Verify Install — `istioctl verify-install -f FILE` (1.6–1.23; 1.5 checks a rendered
// manifest, so the file is rendered to a private temp file first). istioctl 1.24 removed it.
import * as vscode from 'vscode';
import { beginPlan, contextPhrase, reportRun, runWithProgress, showWithOutput, type Services } from './shared.ts';

export async function verifyInstall(s: Services, arg?: unknown): Promise<void> {
  const what = vscode.l10n.t('Verify install');
  const started = await beginPlan(s, arg, what, 'verify');
  if (!started) return;
  const { session, plan } = started;
  const { target, istioctl } = session;
  if (plan.kind !== 'run') {
    s.output.line(vscode.l10n.t('{what} with istioctl {version}: {reason}', { what, version: istioctl.version.version, reason: plan.reason }));
    return showWithOutput(s, 'warning', vscode.l10n.t('Istio: Verify install is not available with istioctl {version}. {reason}', { version: istioctl.version.version, reason: plan.reason }));
  }
  const run = await runWithProgress(s, session, what, {
    title: vscode.l10n.t('Istio: verifying the installation of {file} in {context}', { file: target.name, context: contextPhrase(session.context) }),
    steps: plan.steps,
    echoStdout: (step) => !(plan.steps.length > 1 && step === 0), // 1.5: not the rendered manifest
  });
  const last = run.result.lastLine ? ` ${run.result.lastLine}` : '';
  await reportRun(s, session, what, run, vscode.l10n.t('Istio: verified {file} in {context}.{last}', { file: target.name, context: contextPhrase(session.context), last }));
}
