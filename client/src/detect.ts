// What is installed and where it points: istioctl's own version (asked in the forms every release
// understands, most robust first) and the kube context. No vscode import.
import * as l10n from '@vscode/l10n';
import { kubeFlags, parseIstioctlVersion, VERSION_QUERIES, type IstioctlVersion, type ToolSettings } from './istioctl.ts';
import { run, type RunResult } from './run.ts';

export type IstioctlFound =
  | { kind: 'found'; version: IstioctlVersion; args: readonly string[] }
  | { kind: 'bin-not-found'; cmd: string }
  /** istioctl ran but no query gave a version; `last` is the last attempt's result. */
  | { kind: 'failed'; last: RunResult; message: string };

/** Asks istioctl for its client version: `-o json`, then `--short`, then the plain text form. */
export async function detectIstioctl(istioctl: string, opts: { timeoutMs?: number; signal?: AbortSignal; env?: NodeJS.ProcessEnv } = {}): Promise<IstioctlFound> {
  let last: RunResult | undefined;
  for (const args of VERSION_QUERIES) {
    const r = await run({ cmd: istioctl, args }, { timeoutMs: opts.timeoutMs ?? 15000, signal: opts.signal, env: opts.env, killGraceMs: 1000 });
    if (r.kind === 'bin-not-found') return { kind: 'bin-not-found', cmd: istioctl };
    if (r.kind === 'cancelled') return { kind: 'failed', last: r, message: l10n.t('cancelled') };
    last = r;
    if (r.kind !== 'succeeded') continue;
    const v = parseIstioctlVersion(r.processes[0].stdout);
    if (v) return { kind: 'found', version: v, args };
  }
  const why = last!.kind === 'succeeded' ? l10n.t('its output held no version') : last!.kind === 'failed' ? l10n.t('it exited with code {code}: {line}', { code: String(last!.code), line: last!.lastLine }) : last!.kind;
  return { kind: 'failed', last: last!, message: l10n.t('`{cmd} version --remote=false` did not report a version ({why}).', { cmd: istioctl, why }) };
}

export type KubeContext =
  | { kind: 'setting'; name: string }
  | { kind: 'current'; name: string }
  | { kind: 'none'; message: string }
  | { kind: 'bin-not-found'; cmd: string };

/** The context commands will use: the setting, else `kubectl config current-context`. */
export async function detectKubeContext(kubectl: string, settings: ToolSettings, opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<KubeContext> {
  if (settings.context) return { kind: 'setting', name: settings.context };
  const r = await run({ cmd: kubectl, args: ['config', 'current-context', ...kubeFlags({ kubeconfig: settings.kubeconfig, context: '' })] }, { timeoutMs: opts.timeoutMs ?? 10000, env: opts.env, killGraceMs: 1000 });
  if (r.kind === 'bin-not-found') return { kind: 'bin-not-found', cmd: kubectl };
  const name = r.kind === 'succeeded' ? r.processes[0].stdout.trim().split(/\r?\n/)[0]?.trim() : '';
  if (name) return { kind: 'current', name };
  // e.g. `error: current-context is not set`
  return { kind: 'none', message: r.lastLine || l10n.t('kubectl reports no current context') };
}

/** For people: "kind-prod", "kind-prod (setting)", ... */
export function describeContext(c: KubeContext): string {
  switch (c.kind) {
    case 'setting': return c.name;
    case 'current': return c.name;
    case 'none': return l10n.t('no current context');
    case 'bin-not-found': return l10n.t('unknown (kubectl not found)');
  }
}
