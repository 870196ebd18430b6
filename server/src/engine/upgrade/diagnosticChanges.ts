// The engine's own diagnostics for one file at every release from 1.X to 1.Y, compared: what is new
// at 1.Y, the release each first appeared at, and how it got there (deprecated first, then gone).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { formatPath } from '../effective/effective.ts';
import type { DiagnosticData } from '../validate/diagnostics.ts';

export type SettingKind = 'moved' | 'removed' | 'deprecated' | 'new-error' | 'new-warning';

/** One step of a setting's history: the release where its diagnostic changed, and what it said. */
export interface HistoryStep { release: string; severity: 'error' | 'warning'; message: string }

export interface SettingChange {
  kind: SettingKind;
  /** Below the document root, as the diagnostics name it: `spec.values.prometheus`. */
  path: string;
  /** 1-based. */
  line: number;
  severity: 'error' | 'warning';
  /** The message at the target release. */
  message: string;
  /** The first release (after 1.X) where the file's setting has a diagnostic. */
  release: string;
  /** Where a "Move to …" fix would put it. */
  replacement?: string;
  history: HistoryStep[];
}

const GONE = new Set(['field-not-in-version', 'unknown-field', 'unknown-field-ignored', 'removed']);
const DEPRECATED = new Set(['deprecated', 'field-moved']);

const severityOf = (d: Diagnostic): 'error' | 'warning' | undefined =>
  d.severity === DiagnosticSeverity.Error ? 'error' : d.severity === DiagnosticSeverity.Warning ? 'warning' : undefined;

const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

const pathOf = (d: Diagnostic) => (d.data as DiagnosticData | undefined)?.path ?? '';

/** The same setting: one path, or one below the other (`values.prometheus.enabled` deprecated, then `values.prometheus` gone). */
const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`) || a.startsWith(`${b}[`) || b.startsWith(`${a}[`);

/** A diagnostic's identity across releases: its messages name the release, so code, severity and place. */
const identity = (d: Diagnostic) => `${d.code}|${severityOf(d)}|${pathOf(d) || `${d.range.start.line}:${d.range.start.character}`}`;

/**
 * `byRelease`: the diagnostics at each release in order, from 1.X (first) to 1.Y (last). Returns the
 * errors and warnings at 1.Y the file does not have at 1.X, grouped by setting, in line order.
 */
export function settingChanges(byRelease: Array<{ release: string; diagnostics: Diagnostic[] }>): SettingChange[] {
  const first = byRelease[0];
  const last = byRelease[byRelease.length - 1];
  const before = new Set(first.diagnostics.map(identity));
  const out: SettingChange[] = [];
  const seen = new Set<string>();
  for (const d of last.diagnostics) {
    const severity = severityOf(d);
    if (!severity || before.has(identity(d)) || seen.has(identity(d))) continue;
    seen.add(identity(d));
    const path = pathOf(d);
    const history = historyOf(byRelease, d, path);
    out.push({
      kind: kindOf(d, severity),
      path,
      line: d.range.start.line + 1,
      severity,
      message: messageOf(d),
      release: history[0]?.release ?? last.release,
      replacement: moveTarget(d),
      history,
    });
  }
  return out.sort((a, b) => a.line - b.line || a.path.localeCompare(b.path));
}

function kindOf(d: Diagnostic, severity: 'error' | 'warning'): SettingKind {
  const code = String(d.code);
  // Moved: to another setting (a "Move to" fix, or a message naming the path); else removed, whatever replaces it.
  if (GONE.has(code)) return moveTarget(d) || /use `(meshConfig|values|components)\./.test(messageOf(d)) ? 'moved' : 'removed';
  if (DEPRECATED.has(code)) return moveTarget(d) ? 'moved' : 'deprecated';
  return severity === 'error' ? 'new-error' : 'new-warning';
}

function moveTarget(d: Diagnostic): string | undefined {
  const fix = (d.data as DiagnosticData | undefined)?.fix;
  if (!fix || !('rewrite' in fix) || fix.rewrite.kind !== 'move-path') return undefined;
  const to = fix.rewrite.to[0] === 'spec' ? fix.rewrite.to.slice(1) : fix.rewrite.to;
  return formatPath(to);
}

/** Each release after 1.X where the setting's diagnostics (errors and warnings) differ from the release before. */
function historyOf(byRelease: Array<{ release: string; diagnostics: Diagnostic[] }>, target: Diagnostic, path: string): HistoryStep[] {
  const mineAt = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => severityOf(d) && (path ? related(pathOf(d), path) : identity(d) === identity(target)));
  const state = (mine: Diagnostic[]) => mine.map((d) => `${d.code}|${severityOf(d)}`).sort().join(',');
  const steps: HistoryStep[] = [];
  let previous = state(mineAt(byRelease[0].diagnostics));
  for (const { release, diagnostics } of byRelease.slice(1)) {
    const mine = mineAt(diagnostics);
    const now = state(mine);
    if (now !== previous && mine.length) {
      const worst = mine.find((d) => severityOf(d) === 'error') ?? mine[0];
      steps.push({ release, severity: severityOf(worst)!, message: messageOf(worst) });
    }
    previous = now;
  }
  return steps;
}
