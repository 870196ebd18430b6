// Istio: Diff Against Profile — what the file changes from its profile (spec.profile, else
// default), both sides as complete configurations so only the user's changes differ:
// - istioctl 1.5–1.23: `istioctl profile dump PROFILE` ↔ `istioctl profile dump -f FILE`;
// - istioctl 1.24+ (no `profile dump`) or no istioctl: the profile rebuilt from the bundled
//   schema's defaults ↔ the same with the file merged over it.
import * as vscode from 'vscode';
import { buildPlan } from '../istioctl.ts';
import { bundledVersion, mergeOver, profileDefaults, readIndex, readSchema, toSortedYaml } from '../profileDefaults.ts';
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
  return bundled(s, session, profile);
}

async function bundled(s: Services, session: Session, profile: string): Promise<void> {
  const { target, istioctl } = session;
  let index;
  try {
    index = readIndex(s.schemasDir);
  } catch (e) {
    return showWithOutput(s, 'error', `Istio: the bundled schemas cannot be read: ${(e as Error).message}`);
  }
  const docVersion = s.documentVersion(target.uri);
  const minor = istioctl?.minor ?? (docVersion ? Number(docVersion.split('.')[1]) : Number.MAX_SAFE_INTEGER);
  const entry = bundledVersion(index, minor);
  if (!entry.profiles.includes(profile)) {
    return showWithOutput(s, 'warning', `Istio: "${profile}" is not a built-in profile of Istio ${entry.version} (built-in: ${entry.profiles.join(', ')}), so there are no bundled defaults to compare with.`);
  }
  const defaults = profileDefaults(readSchema(s.schemasDir, entry.file), profile);
  const merged = target.iop ? mergeOver(defaults, target.iop.document) : defaults;
  const who = `bundled Istio ${entry.tag}`;
  s.output.line(`Diff against profile: "${profile}" from the defaults bundled for Istio ${entry.tag} (only the values that differ by profile; the Helm charts' defaults are not included).`);
  const left = s.docs.create(`${profile} profile (${who}).yaml`, toSortedYaml(defaults));
  const right = s.docs.create(`${baseName(target)} over ${profile} (${who}).yaml`, toSortedYaml(merged));
  await s.docs.diff(left, right, `Profile "${profile}" ↔ ${target.name} (${who})`);
  if (!target.iop) void vscode.window.showWarningMessage(`Istio: ${target.name} could not be read as YAML, so only the profile is shown.`);
}
