// Istio: Diff Against Profile — what the file changes from its profile (spec.profile, else
// default), both sides as complete configurations so only the user's changes differ:
// - istioctl 1.5–1.23: `istioctl profile dump PROFILE` ↔ `istioctl profile dump -f FILE`;
// - istioctl 1.24+ (no `profile dump`) or no istioctl: the profile rebuilt from the bundled
//   profiles ↔ the same with the file merged over it, both from the language server's engine.
import * as vscode from 'vscode';
import { buildPlan } from '../istioctl.ts';
import { baseName, begin, reportRun, runWithProgress, showWithOutput, type Services, type Session } from './shared.ts';
import { requestFailed } from '../requestFailed.ts';

export async function diffProfile(s: Services, arg?: unknown): Promise<void> {
  const what = vscode.l10n.t('Diff against profile');
  const session = await begin(s, arg, what, { istioctl: 'optional', context: false });
  if (!session) return;
  const { target, settings, istioctl } = session;
  const profile = target.iop?.profile ?? 'default';
  if (istioctl) {
    const plan = buildPlan('diffProfile', { minor: istioctl.minor, file: target.file, settings, profile });
    if (plan.kind === 'run') {
      const run = await runWithProgress(s, session, what, { title: vscode.l10n.t('Istio: dumping the {profile} profile', { profile }), steps: plan.steps, echoStdout: () => false });
      if (run.result.kind !== 'succeeded') return reportRun(s, session, what, run, undefined);
      const [dump, merged] = run.steps.map((st) => st.result.processes[0].stdout);
      const who = `istioctl ${istioctl.version.version}`;
      const left = s.docs.create(vscode.l10n.t('{profile} profile ({who}).yaml', { profile, who }), dump);
      const right = s.docs.create(vscode.l10n.t('{name} over {profile} ({who}).yaml', { name: baseName(target), profile, who }), merged);
      await s.docs.diff(left, right, vscode.l10n.t('Profile "{profile}" ↔ {file} ({who})', { profile, file: target.name, who }));
      return;
    }
    if (plan.kind === 'bundled') s.output.line(vscode.l10n.t('{what}: {reason}', { what, reason: plan.reason }));
  } else {
    s.output.line(vscode.l10n.t('{what}: istioctl was not found or gave no version; using the profile defaults bundled with this extension.', { what }));
  }
  return bundled(s, session);
}

async function bundled(s: Services, session: Session): Promise<void> {
  const { target } = session;
  // The language server computes both sides (the engine's effective configuration); it reads open documents.
  await vscode.workspace.openTextDocument(target.uri);
  const uri = target.uri.toString();
  const base = await s.effective(uri, { profileOnly: true }).catch(requestFailed);
  const merged = await s.effective(uri, {}).catch(requestFailed);
  if (!base.ok) return showWithOutput(s, 'warning', vscode.l10n.t('Istio: Diff against profile: {problem}', { problem: base.message }));
  if (!merged.ok) return showWithOutput(s, 'warning', vscode.l10n.t('Istio: Diff against profile: {problem}', { problem: merged.message }));
  const who = vscode.l10n.t('bundled Istio {tag}', { tag: base.tag });
  s.output.line(vscode.l10n.t('Diff against profile: "{profile}" as bundled for Istio {tag}, and the file merged over it as istioctl {version} merges them (from 1.21 with the Helm charts\' defaults under values, on both sides).', { profile: base.profile, tag: base.tag, version: base.version }));
  const left = s.docs.create(vscode.l10n.t('{profile} profile ({who}).yaml', { profile: base.profile, who }), base.yaml);
  const right = s.docs.create(vscode.l10n.t('{name} over {profile} ({who}).yaml', { name: baseName(target), profile: base.profile, who }), merged.yaml);
  await s.docs.diff(left, right, vscode.l10n.t('Profile "{profile}" ↔ {file} ({who})', { profile: base.profile, file: target.name, who }));
}
