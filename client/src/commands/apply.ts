// Istio: Apply — install or change Istio in the cluster from the file
// (1.5 `istioctl manifest apply -f FILE --skip-confirmation`; 1.6+ `istioctl install -f FILE -y`).
import * as vscode from 'vscode';
import { beginPlan, confirm, contextPhrase, describeSteps, reportRun, runWithProgress, showWithOutput, type Services } from './shared.ts';

export async function apply(s: Services, arg?: unknown): Promise<void> {
  const what = vscode.l10n.t('Apply');
  const started = await beginPlan(s, arg, what, 'apply');
  if (!started) return;
  const { session, plan } = started;
  const { target, istioctl } = session;
  if (plan.kind !== 'run') return showWithOutput(s, 'error', vscode.l10n.t('Istio: {what}: {reason}', { what, reason: plan.reason }));
  const context = contextPhrase(session.context);
  const steps = describeSteps(session, plan.steps);
  const ok = await confirm(
    vscode.l10n.t('Apply {file} to {context}?', { file: target.name, context }),
    target.iop?.revision
      ? vscode.l10n.t('istioctl {version} installs or changes Istio in that cluster as the file describes (revision "{revision}"):\n\n{steps}', { version: istioctl.version.version, revision: target.iop.revision, steps })
      : vscode.l10n.t('istioctl {version} installs or changes Istio in that cluster as the file describes:\n\n{steps}', { version: istioctl.version.version, steps }),
    vscode.l10n.t({ message: 'Apply', comment: ['The confirmation button of Istio: Apply to Cluster'] }),
  );
  if (!ok) return;
  const run = await runWithProgress(s, session, what, { title: vscode.l10n.t('Istio: applying {file} to {context}', { file: target.name, context }), steps: plan.steps });
  await reportRun(s, session, what, run, vscode.l10n.t('Istio: applied {file} to {context}.', { file: target.name, context }));
}
