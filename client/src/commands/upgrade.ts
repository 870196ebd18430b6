// Istio: Upgrade — `istioctl x precheck` (1.6+; no -f from 1.21, where -f means --from-version),
// then `istioctl upgrade -f FILE -y`. The timeout setting bounds it; when it stops, the message
// says what istioctl last reported (the user's 1.5.0 → 1.5.2 upgrade hung without a word).
import { beginPlan, confirm, contextPhrase, describeSteps, reportRun, runWithProgress, showWithOutput, type Services } from './shared.ts';

export async function upgrade(s: Services, arg?: unknown): Promise<void> {
  const what = 'Upgrade';
  const started = await beginPlan(s, arg, what, 'upgrade');
  if (!started) return;
  const { session, plan } = started;
  const { target, settings, istioctl } = session;
  if (plan.kind !== 'run') return showWithOutput(s, 'error', `Istio: ${what}: ${plan.reason}`);
  const limit = settings.timeoutMs ? `It stops after ${Math.round(settings.timeoutMs / 1000)} s (istioOperator.commandTimeoutSeconds).` : 'It has no time limit (istioOperator.commandTimeoutSeconds is 0).';
  const precheck = plan.steps.length > 1 ? 'The precheck runs first; the upgrade only runs if it passes. ' : '';
  const ok = await confirm(
    `Upgrade Istio in ${contextPhrase(session.context)} to istioctl ${istioctl.version.version} with ${target.name}?`,
    `${precheck}${limit}\n\n${describeSteps(session, plan.steps)}`,
    'Upgrade',
  );
  if (!ok) return;
  const run = await runWithProgress(s, session, what, { title: `Istio: upgrading ${contextPhrase(session.context)} to ${istioctl.version.version}`, steps: plan.steps });
  const failedAtPrecheck = run.result.kind === 'failed' && run.steps.length === 1 && plan.steps.length > 1;
  if (failedAtPrecheck) {
    const last = run.result.lastLine ? ` Last reported: "${run.result.lastLine}"` : '';
    return showWithOutput(s, 'error', `Istio: Upgrade did not start: \`istioctl x precheck\` found issues in ${contextPhrase(session.context)}.${last}`);
  }
  await reportRun(s, session, what, run, `Istio: upgraded ${contextPhrase(session.context)} with ${target.name} (istioctl ${istioctl.version.version}).`);
}
