// Istio: Uninstall — remove the control plane the file installed
// (1.15+ `istioctl uninstall -f FILE -y`; 1.7–1.14 `istioctl x uninstall -f FILE -y`;
// 1.5–1.6 `istioctl manifest generate -f FILE` piped into `kubectl delete -f -`).
import { beginPlan, confirm, contextPhrase, describeSteps, reportRun, runWithProgress, showWithOutput, type Services } from './shared.ts';

export async function uninstall(s: Services, arg?: unknown): Promise<void> {
  const what = 'Uninstall';
  const started = await beginPlan(s, arg, what, 'uninstall');
  if (!started) return;
  const { session, plan } = started;
  const { target } = session;
  if (plan.kind !== 'run') return showWithOutput(s, 'error', `Istio: ${what}: ${plan.reason}`);
  const revision = target.iop?.revision ?? 'default';
  const ok = await confirm(
    `Uninstall Istio revision "${revision}" from ${contextPhrase(session.context)}?`,
    `This deletes what ${target.name} installed (revision "${revision}"): istiod, the gateways and their resources. ` +
      `Workloads in the mesh lose their control plane. It cannot be undone.\n\n${describeSteps(session, plan.steps)}`,
    'Uninstall',
  );
  if (!ok) return;
  const run = await runWithProgress(s, session, what, {
    title: `Istio: uninstalling revision "${revision}" from ${contextPhrase(session.context)}`,
    steps: plan.steps,
    // 1.5–1.6: the rendered manifest is kubectl's input, not something to read in the channel.
    echoStdout: (_step, proc) => !(plan.steps[0].pipeTo && proc === 0),
  });
  await reportRun(s, session, what, run, `Istio: uninstalled revision "${revision}" from ${contextPhrase(session.context)}.`);
}
