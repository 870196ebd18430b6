// Istio: Diff Against Cluster — `istioctl manifest generate -f FILE` piped into `kubectl diff -f -`
// (exit 1 means differences, above 1 failure; its unified diff goes to the output channel), then
// the live objects (`kubectl get -f <rendered> -o yaml`) left and the rendered objects right in
// VS Code's diff editor.
import * as vscode from 'vscode';
import { diffSides } from '../liveObjects.ts';
import { baseName, beginPlan, contextPhrase, reportRun, runWithProgress, showWithOutput, type Services } from './shared.ts';

export async function diffCluster(s: Services, arg?: unknown): Promise<void> {
  const what = vscode.l10n.t('Diff against cluster');
  const started = await beginPlan(s, arg, what, 'diffCluster');
  if (!started) return;
  const { session, plan } = started;
  const { target, istioctl } = session;
  if (plan.kind !== 'run') return showWithOutput(s, 'error', vscode.l10n.t('Istio: {what}: {reason}', { what, reason: plan.reason }));
  const run = await runWithProgress(s, session, what, {
    title: vscode.l10n.t('Istio: comparing {file} with {context}', { file: target.name, context: contextPhrase(session.context) }),
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
  const left = s.docs.create(vscode.l10n.t('{name} (live, {context}).yaml', { name: baseName(target), context: ctx }), sides.live);
  const right = s.docs.create(vscode.l10n.t('{name} (rendered, istioctl {version}).yaml', { name: baseName(target), version: istioctl.version.version }), sides.rendered);
  await s.docs.diff(left, right, vscode.l10n.t('{file}: live in {context} ↔ rendered', { file: target.name, context: ctx }));
  const missing = sides.missing.length ? vscode.l10n.t(' {count} rendered object(s) are not in the cluster.', { count: sides.missing.length }) : '';
  const message = diffExit === 0
    ? vscode.l10n.t('Istio: no differences — {context} matches what {file} renders.', { context: ctx, file: target.name })
    : vscode.l10n.t('Istio: {file} differs from {context}.{missing} kubectl diff\'s output is in the Istio output.', { file: target.name, context: ctx, missing });
  void vscode.window.showInformationMessage(message);
}
