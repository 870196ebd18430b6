// Istio: Generate Manifest — `istioctl manifest generate -f FILE` into a read-only YAML editor.
import { buildPlan } from '../istioctl.ts';
import { baseName, begin, reportRun, runWithProgress, showWithOutput, type Services } from './shared.ts';

export async function generateManifest(s: Services, arg?: unknown): Promise<void> {
  const what = 'Generate manifest';
  const session = await begin(s, arg, what, { istioctl: 'required', context: true });
  if (!session?.istioctl) return;
  const { target, settings, istioctl } = session;
  const plan = buildPlan('generate', { minor: istioctl.minor, file: target.file, settings });
  if (plan.kind !== 'run') return showWithOutput(s, 'error', `Istio: ${what}: ${plan.reason}`);
  const run = await runWithProgress(s, session, what, { title: `Istio: rendering ${target.name}`, steps: plan.steps, echoStdout: () => false });
  if (run.result.kind !== 'succeeded') return reportRun(s, session, what, run, undefined);
  const manifest = run.result.processes[0].stdout;
  s.output.line(`(${manifest.split('\n').length} lines of manifest, opened in an editor)`);
  await s.docs.show(s.docs.create(`${baseName(target)} (manifest, istioctl ${istioctl.version.version}).yaml`, manifest));
}
