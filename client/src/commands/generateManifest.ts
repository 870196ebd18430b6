// Istio: Generate Manifest — `istioctl manifest generate -f FILE` into a read-only YAML editor.
import { baseName, beginPlan, reportRun, runWithProgress, showWithOutput, type Services } from './shared.ts';

export async function generateManifest(s: Services, arg?: unknown): Promise<void> {
  const what = 'Generate manifest';
  const started = await beginPlan(s, arg, what, 'generate');
  if (!started) return;
  const { session, plan } = started;
  const { target, istioctl } = session;
  if (plan.kind !== 'run') return showWithOutput(s, 'error', `Istio: ${what}: ${plan.reason}`);
  const run = await runWithProgress(s, session, what, { title: `Istio: rendering ${target.name}`, steps: plan.steps, echoStdout: () => false });
  if (run.result.kind !== 'succeeded') return reportRun(s, session, what, run, undefined);
  const manifest = run.result.processes[0].stdout;
  s.output.line(`(${manifest.split('\n').length} lines of manifest, opened in an editor)`);
  await s.docs.show(s.docs.create(`${baseName(target)} (manifest, istioctl ${istioctl.version.version}).yaml`, manifest));
}
