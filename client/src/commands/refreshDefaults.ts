// Istio: Refresh Defaults from istioctl — `istioctl profile list`, then `istioctl profile dump NAME`
// for each profile (1.5–1.23), cached per istioctl version in global storage and sent to the
// language server so hovers can show the user's own istioctl's defaults.
import fs from 'node:fs';
import * as vscode from 'vscode';
import { writeDefaultsCache } from '../defaultsCache.ts';
import { buildPlan, parseProfileList, profileDumpStep } from '../istioctl.ts';
import { bundledVersion, readIndex } from '../bundledIndex.ts';
import { readSettings } from '../settings.ts';
import { checkTrusted, findIstioctl, reportRun, runWithProgress, showWithOutput, type RunSession, type Services } from './shared.ts';

export async function refreshDefaults(s: Services): Promise<void> {
  const what = vscode.l10n.t('Refresh defaults from istioctl');
  if (!(await checkTrusted(what))) return;
  const istioctl = await findIstioctl(s, what, 'required');
  if (!istioctl) return;
  const settings = readSettings();
  const session: RunSession = { settings, istioctl, context: undefined };
  const version = istioctl.version.version;
  const plan = buildPlan('refreshDefaults', { minor: istioctl.minor, file: '', settings });
  if (plan.kind !== 'run') return showWithOutput(s, 'info', vscode.l10n.t('Istio: istioctl {version}: {reason}', { version, reason: plan.reason }));
  fs.mkdirSync(s.storageDir, { recursive: true });

  const list = await runWithProgress(s, session, what, { title: vscode.l10n.t('Istio: reading the profiles of istioctl {version}', { version }), steps: plan.steps });
  if (list.result.kind !== 'succeeded') return reportRun(s, session, what, list, undefined);
  // The list is on stdout up to 1.8 and on stderr from 1.9.
  let profiles = parseProfileList(`${list.result.processes[0].stdout}\n${list.result.processes[0].stderr}`);
  if (!profiles.length) {
    try {
      profiles = bundledVersion(readIndex(s.schemasDir), istioctl.minor).profiles;
      s.output.line(vscode.l10n.t('istioctl printed no profile list; using the bundled list: {profiles}', { profiles: profiles.join(', ') }));
    } catch {
      return showWithOutput(s, 'error', vscode.l10n.t('Istio: istioctl {version} listed no profiles.', { version }));
    }
  }
  const dump = await runWithProgress(s, session, what, {
    title: vscode.l10n.t('Istio: dumping {count} profiles of istioctl {version}', { count: profiles.length, version }),
    steps: profiles.map(profileDumpStep),
    echoStdout: () => false,
  });
  if (dump.result.kind !== 'succeeded') return reportRun(s, session, what, dump, undefined);
  const dumps = Object.fromEntries(dump.steps.map((st, i) => [profiles[i], st.result.processes[0].stdout]));
  let cache;
  try {
    cache = writeDefaultsCache(s.storageDir, version, `1.${istioctl.minor}`, dumps);
  } catch (e) {
    return showWithOutput(s, 'error', vscode.l10n.t('Istio: the defaults could not be cached in {dir}: {error}', { dir: s.storageDir, error: (e as Error).message }));
  }
  s.output.line(vscode.l10n.t('Cached {count} profile dumps of istioctl {version} in {dir}', { count: profiles.length, version, dir: cache.dir }));
  s.sendDefaults(cache);
  void vscode.window.showInformationMessage(vscode.l10n.t('Istio: cached the defaults of {count} profiles ({profiles}) from istioctl {version}.', { count: profiles.length, profiles: profiles.join(', '), version }));
}
