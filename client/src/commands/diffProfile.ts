// Istio: Diff Against Profile — what the file changes from its profile (spec.profile, else
// default), both sides as complete configurations so only the user's changes differ:
// - istioctl 1.5–1.23: `istioctl profile dump PROFILE` ↔ `istioctl profile dump -f FILE`;
// - istioctl 1.24+ (no `profile dump`) or no istioctl: the profile rebuilt from the bundled
//   profiles ↔ the same with the file merged over it, both from the language server's engine.
import * as vscode from 'vscode';
import type { EffectiveConfigurationRequest } from '../../../protocol/messages.ts';
import { buildPlan } from '../istioctl.ts';
import { baseName, begin, reportRun, runWithProgress, showWithOutput, type Services, type Session } from './shared.ts';

export async function diffProfile(s: Services, arg?: unknown): Promise<void> {
  const what = 'Diff against profile';
  const session = await begin(s, arg, what, { istioctl: 'optional', context: false });
  if (!session) return;
  const { target, settings, istioctl } = session;
  const profile = target.iop?.profile ?? 'default';
  if (istioctl) {
    const plan = buildPlan('diffProfile', { minor: istioctl.minor, file: target.file, settings, profile });
    if (plan.kind === 'run') {
      const run = await runWithProgress(s, session, what, { title: `Istio: dumping the ${profile} profile`, steps: plan.steps, echoStdout: () => false });
      if (run.result.kind !== 'succeeded') return reportRun(s, session, what, run, undefined);
      const [dump, merged] = run.steps.map((st) => st.result.processes[0].stdout);
      const who = `istioctl ${istioctl.version.version}`;
      const left = s.docs.create(`${profile} profile (${who}).yaml`, dump);
      const right = s.docs.create(`${baseName(target)} over ${profile} (${who}).yaml`, merged);
      await s.docs.diff(left, right, `Profile "${profile}" ↔ ${target.name} (${who})`);
      return;
    }
    if (plan.kind === 'bundled') s.output.line(`${what}: ${plan.reason}`);
  } else {
    s.output.line(`${what}: istioctl was not found or gave no version; using the profile defaults bundled with this extension.`);
  }
  return bundled(s, session);
}

async function bundled(s: Services, session: Session): Promise<void> {
  const { target } = session;
  // The language server computes both sides (the engine's effective configuration); it reads open documents.
  await vscode.workspace.openTextDocument(target.uri);
  const uri = target.uri.toString();
  const failed = (e: unknown): EffectiveConfigurationRequest.Result => ({ ok: false, message: e instanceof Error ? e.message : String(e) });
  const base = await s.effective(uri, { profileOnly: true }).catch(failed);
  const merged = await s.effective(uri, {}).catch(failed);
  if (!base.ok) return showWithOutput(s, 'warning', `Istio: Diff against profile: ${base.message}`);
  if (!merged.ok) return showWithOutput(s, 'warning', `Istio: Diff against profile: ${merged.message}`);
  const who = `bundled Istio ${base.tag}`;
  s.output.line(`Diff against profile: "${base.profile}" as bundled for Istio ${base.tag}, and the file merged over it as istioctl ${base.version} merges them (from 1.21 with the Helm charts' defaults under values, on both sides).`);
  const left = s.docs.create(`${base.profile} profile (${who}).yaml`, base.yaml);
  const right = s.docs.create(`${baseName(target)} over ${base.profile} (${who}).yaml`, merged.yaml);
  await s.docs.diff(left, right, `Profile "${base.profile}" ↔ ${target.name} (${who})`);
}
