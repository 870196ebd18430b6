// Istio: Apply — install or change Istio in the cluster from the file
// (1.5 `istioctl manifest apply -f FILE --skip-confirmation`; 1.6+ `istioctl install -f FILE -y`).
import { beginPlan, confirm, contextPhrase, describeSteps, reportRun, runWithProgress, showWithOutput, type Services } from './shared.ts';

export async function apply(s: Services, arg?: unknown): Promise<void> {
  const what = 'Apply';
  const started = await beginPlan(s, arg, what, 'apply');
  if (!started) return;
  const { session, plan } = started;
  const { target, istioctl } = session;
  if (plan.kind !== 'run') return showWithOutput(s, 'error', `Istio: ${what}: ${plan.reason}`);
  const ok = await confirm(
    `Apply ${target.name} to ${contextPhrase(session.context)}?`,
    `istioctl ${istioctl.version.version} installs or changes Istio in that cluster as the file describes${target.iop?.revision ? ` (revision "${target.iop.revision}")` : ''}:\n\n${describeSteps(session, plan.steps)}`,
    'Apply',
  );
  if (!ok) return;
  const run = await runWithProgress(s, session, what, { title: `Istio: applying ${target.name} to ${contextPhrase(session.context)}`, steps: plan.steps });
  await reportRun(s, session, what, run, `Istio: applied ${target.name} to ${contextPhrase(session.context)}.`);
}
