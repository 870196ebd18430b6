// Istio: Uninstall — remove the control plane the file installed
// (1.15+ `istioctl uninstall -f FILE -y`; 1.7–1.14 `istioctl x uninstall -f FILE -y`;
// 1.5–1.6 `istioctl manifest generate -f FILE` piped into `kubectl delete -f -`).
import * as vscode from 'vscode';
import { beginPlan, confirm, contextPhrase, describeSteps, reportRun, runWithProgress, showWithOutput, type Services } from './shared.ts';

export async function uninstall(s: Services, arg?: unknown): Promise<void> {
  const what = vscode.l10n.t('Uninstall');
  const started = await beginPlan(s, arg, what, 'uninstall');
  if (!started) return;
  const { session, plan } = started;
  const { target } = session;
  if (plan.kind !== 'run') return showWithOutput(s, 'error', vscode.l10n.t('Istio: {what}: {reason}', { what, reason: plan.reason }));
  const revision = target.iop?.revision ?? 'default';
  const context = contextPhrase(session.context);
  const ok = await confirm(
    vscode.l10n.t('Uninstall Istio revision "{revision}" from {context}?', { revision, context }),
    vscode.l10n.t('This deletes what {file} installed (revision "{revision}"): istiod, the gateways and their resources. Workloads in the mesh lose their control plane. It cannot be undone.\n\n{steps}', { file: target.name, revision, steps: describeSteps(session, plan.steps) }),
    vscode.l10n.t({ message: 'Uninstall', comment: ['The confirmation button of Istio: Uninstall'] }),
  );
  if (!ok) return;
  const run = await runWithProgress(s, session, what, {
    title: vscode.l10n.t('Istio: uninstalling revision "{revision}" from {context}', { revision, context }),
    steps: plan.steps,
    // 1.5–1.6: the rendered manifest is kubectl's input, not something to read in the channel.
    echoStdout: (_step, proc) => !(plan.steps[0].pipeTo && proc === 0),
  });
  await reportRun(s, session, what, run, vscode.l10n.t('Istio: uninstalled revision "{revision}" from {context}.', { revision, context }));
}
