// Istio: Upgrade — `istioctl x precheck` (1.6+; no -f from 1.21, where -f means --from-version),
// then `istioctl upgrade -f FILE -y`. The timeout setting bounds it; when it stops, the message
// says what istioctl last reported (the user's 1.5.0 → 1.5.2 upgrade hung without a word).
import * as vscode from 'vscode';
import { beginPlan, confirm, contextPhrase, describeSteps, reportRun, runWithProgress, showWithOutput, type Services } from './shared.ts';

export async function upgrade(s: Services, arg?: unknown): Promise<void> {
  const what = vscode.l10n.t('Upgrade');
  const started = await beginPlan(s, arg, what, 'upgrade');
  if (!started) return;
  const { session, plan } = started;
  const { target, settings, istioctl } = session;
  if (plan.kind !== 'run') return showWithOutput(s, 'error', vscode.l10n.t('Istio: {what}: {reason}', { what, reason: plan.reason }));
  const limit = settings.timeoutMs ? vscode.l10n.t('It stops after {seconds} s (istioOperator.commandTimeoutSeconds).', { seconds: Math.round(settings.timeoutMs / 1000) }) : vscode.l10n.t('It has no time limit (istioOperator.commandTimeoutSeconds is 0).');
  const precheck = plan.steps.length > 1 ? vscode.l10n.t('The precheck runs first; the upgrade only runs if it passes. ') : '';
  const context = contextPhrase(session.context);
  const ok = await confirm(
    vscode.l10n.t('Upgrade Istio in {context} to istioctl {version} with {file}?', { context, version: istioctl.version.version, file: target.name }),
    `${precheck}${limit}\n\n${describeSteps(session, plan.steps)}`,
    vscode.l10n.t({ message: 'Upgrade', comment: ['The confirmation button of Istio: Upgrade'] }),
  );
  if (!ok) return;
  const run = await runWithProgress(s, session, what, { title: vscode.l10n.t('Istio: upgrading {context} to {version}', { context, version: istioctl.version.version }), steps: plan.steps });
  const failedAtPrecheck = run.result.kind === 'failed' && run.steps.length === 1 && plan.steps.length > 1;
  if (failedAtPrecheck) {
    const last = run.result.lastLine ? vscode.l10n.t(' Last reported: "{line}"', { line: run.result.lastLine }) : '';
    return showWithOutput(s, 'error', vscode.l10n.t('Istio: Upgrade did not start: `istioctl x precheck` found issues in {context}.{last}', { context, last }));
  }
  await reportRun(s, session, what, run, vscode.l10n.t('Istio: upgraded {context} with {file} (istioctl {version}).', { context, file: target.name, version: istioctl.version.version }));
}
