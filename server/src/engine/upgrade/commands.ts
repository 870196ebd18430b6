// The istioctl commands an operator runs on an IstioOperator file, and the form each takes per
// release (from ISTIOCTL-CLI.md, checked against operator/cmd/mesh/*.go at the tags): the upgrade
// report names the ones that change between two releases.
import { LATEST } from '../releases.ts';

/** A form of a task's command over a range of minors (inclusive; `to: LATEST` = still so at the newest release); `command: undefined` = none. */
interface CommandForm { from: number; to: number; command?: string; note?: string }

interface CommandTask { task: string; forms: CommandForm[] }

export const COMMAND_TASKS: CommandTask[] = [
  {
    task: 'install',
    forms: [
      { from: 5, to: 5, command: 'istioctl manifest apply -f FILE', note: '1.5 has only `manifest apply` (operator/cmd/mesh/manifest-apply.go@1.5.10)' },
      { from: 6, to: 6, command: 'istioctl install -f FILE', note: '`manifest apply` still works in 1.6 and is gone in 1.7' },
      { from: 7, to: LATEST, command: 'istioctl install -f FILE' },
    ],
  },
  {
    task: 'uninstall',
    forms: [
      { from: 5, to: 6, command: 'istioctl manifest generate -f FILE | kubectl delete -f -', note: 'no uninstall command before 1.7' },
      { from: 7, to: 14, command: 'istioctl x uninstall -f FILE' },
      { from: 15, to: 18, command: 'istioctl uninstall -f FILE', note: '`x uninstall` still works, with a warning, and is gone in 1.19' },
      { from: 19, to: LATEST, command: 'istioctl uninstall -f FILE' },
    ],
  },
  {
    task: 'upgrade',
    forms: [
      { from: 5, to: 6, command: 'istioctl upgrade -f FILE', note: 'checks the cluster\'s version against the range the target supports' },
      { from: 7, to: 12, command: 'istioctl upgrade -f FILE', note: 'refuses clusters below 1.6; skipping a minor only warns ("not officially tested or recommended")' },
      { from: 13, to: LATEST, command: 'istioctl upgrade -f FILE', note: 'an alias of `install`, with no version-skew check' },
    ],
  },
  {
    task: 'effective configuration',
    forms: [
      { from: 5, to: 23, command: 'istioctl profile dump -f FILE' },
      { from: 24, to: LATEST, note: '`profile` was removed in 1.24; `iop-lint effective FILE` prints the same offline' },
    ],
  },
  {
    task: 'verify the install',
    forms: [
      { from: 5, to: 23, command: 'istioctl verify-install -f FILE' },
      { from: 24, to: LATEST, note: '`verify-install` was removed in 1.24' },
    ],
  },
  {
    task: 'compare manifests',
    forms: [
      { from: 5, to: 23, command: 'istioctl manifest diff A B' },
      { from: 24, to: LATEST, note: '`manifest diff` was removed in 1.24; diff two `manifest generate` outputs instead' },
    ],
  },
  {
    task: 'pre-upgrade check',
    forms: [
      { from: 5, to: 5, note: 'no precheck in 1.5' },
      { from: 6, to: 20, command: 'istioctl x precheck -f FILE' },
      { from: 21, to: LATEST, command: 'istioctl x precheck', note: 'from 1.21 `-f` means `--from-version`, not a file' },
    ],
  },
];

export interface CommandChange {
  task: string;
  /** The first minor with the new form. */
  release: number;
  before: CommandForm;
  after: CommandForm;
}

const formAt = (t: CommandTask, minor: number) => t.forms.find((f) => minor >= f.from && minor <= f.to);

/** Each change of a task's command (or of what to know about it) on the way from `from` to `to`, with the minor that brings it. */
export function commandChanges(from: number, to: number): CommandChange[] {
  const out: CommandChange[] = [];
  for (const t of COMMAND_TASKS) {
    let before = formAt(t, from);
    for (let m = from + 1; m <= to && before; m++) {
      const after = formAt(t, m);
      if (!after || after === before) continue;
      // Same words (install 1.6 → 1.7) and nothing new to know: not a change for the user.
      if (before.command !== after.command || after.note) out.push({ task: t.task, release: m, before, after });
      before = after;
    }
  }
  return out.sort((a, b) => a.release - b.release);
}

/** In-place upgrades go one minor at a time: every minor after `from`, up to `to`. */
export function upgradeHops(from: number, to: number): number[] {
  const hops: number[] = [];
  for (let m = from + 1; m <= to; m++) hops.push(m);
  return hops;
}
