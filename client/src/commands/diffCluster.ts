// Istio: Diff Against Cluster — `istioctl manifest generate -f FILE` piped into `kubectl diff -f -`
// (exit 1 means differences, above 1 failure; its unified diff goes to the output channel), then
// the live objects (`kubectl get -f <rendered> -o yaml`) left and the rendered objects right in
// VS Code's diff editor.
import * as vscode from 'vscode';
import { diffSides } from '../liveObjects.ts';
import { baseName, beginPlan, contextPhrase, reportRun, runWithProgress, showWithOutput, type Services } from './shared.ts';

export async function diffCluster(s: Services, arg?: unknown): Promise<void> {
  const what = 'Diff against cluster';
  const started = await beginPlan(s, arg, what, 'diffCluster');
  if (!started) return;
  const { session, plan } = started;
  const { target, istioctl } = session;
  if (plan.kind !== 'run') return showWithOutput(s, 'error', `Istio: ${what}: ${plan.reason}`);
  const run = await runWithProgress(s, session, what, {
    title: `Istio: comparing ${target.name} with ${contextPhrase(session.context)}`,
    steps: plan.steps,
    // Only kubectl diff's own output is worth reading in the channel.
    echoStdout: (step, proc) => step === 0 && proc === 1,
  });
  if (run.result.kind !== 'succeeded') return reportRun(s, session, what, run, undefined);
  const [render, get] = run.steps;
  const rendered = render.result.processes[0].stdout;
  const diffExit = render.result.processes[1]?.code;
  const sides = diffSides(rendered, get.result.processes[0].stdout);
  const ctx = contextPhrase(session.context);
  const left = s.docs.create(`${baseName(target)} (live, ${ctx}).yaml`, sides.live);
  const right = s.docs.create(`${baseName(target)} (rendered, istioctl ${istioctl.version.version}).yaml`, sides.rendered);
  await s.docs.diff(left, right, `${target.name}: live in ${ctx} ↔ rendered`);
  const missing = sides.missing.length ? ` ${sides.missing.length} rendered object(s) are not in the cluster.` : '';
  const message = diffExit === 0
    ? `Istio: no differences — ${ctx} matches what ${target.name} renders.`
    : `Istio: ${target.name} differs from ${ctx}.${missing} kubectl diff's output is in the Istio output.`;
  void vscode.window.showInformationMessage(message);
}
