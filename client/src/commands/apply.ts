// Istio: Apply — install or change Istio in the cluster from the file
// (1.5 `istioctl manifest apply -f FILE --skip-confirmation`; 1.6+ `istioctl install -f FILE -y`).
import { buildPlan } from '../istioctl.ts';
import { begin, confirm, contextPhrase, describeSteps, reportRun, runWithProgress, showWithOutput, type Services } from './shared.ts';

export async function apply(s: Services, arg?: unknown): Promise<void> {
  const what = 'Apply';
  const session = await begin(s, arg, what, { istioctl: 'required', context: true });
  if (!session?.istioctl) return;
  const { target, settings, istioctl } = session;
  const plan = buildPlan('apply', { minor: istioctl.minor, file: target.file, settings });
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
