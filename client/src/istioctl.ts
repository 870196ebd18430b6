// What to run for each command, per istioctl release: a table keyed by istioctl minor (from
// ../shared/istio/ISTIOCTL-CLI.md), turned into plans of argv steps; and the parsing of
// `istioctl version`. No vscode import and no process here: the plans are data that
// execute.ts runs and that tests compare.
import * as l10n from '@vscode/l10n';
import { NEWEST_BUNDLED_MINOR } from './bundledReleases.ts';

/** The commands the extension offers (and the queries it makes). */
export type CommandId = 'apply' | 'diffCluster' | 'diffProfile' | 'uninstall' | 'upgrade' | 'generate' | 'verify' | 'refreshDefaults';

export type Tool = 'istioctl' | 'kubectl';

/** An argument that is a private temporary file written by an earlier step (see Step.captureAs). */
export interface TempRef {
  temp: string;
}
export type Arg = string | TempRef;

export interface Invocation {
  tool: Tool;
  args: Arg[];
  /** Exit codes that count as success (default [0]). */
  okExitCodes?: number[];
}

export interface Step extends Invocation {
  /** For people: "Render the manifest", shown in progress and output. */
  label: string;
  /** Pipe this step's stdout into a second child (no shell). */
  pipeTo?: Invocation & { start: 'stream' | 'after-success' };
  /** Keep this step's stdout (of the first child, also when piped) as a private temp file of this name. */
  captureAs?: string;
  /**
   * istioctl 1.5 runs the `kubectl` it finds on PATH (manifest apply, upgrade): put the configured
   * kubectl's folder first on the child's PATH.
   */
  kubectlOnPath?: boolean;
}

export interface ToolSettings {
  /** `istioOperator.kubeconfig`; empty: kubectl's own default. */
  kubeconfig: string;
  /** `istioOperator.context`; empty: the kubeconfig's current context. */
  context: string;
}

export type Plan =
  | { kind: 'run'; command: CommandId; minor: number; steps: Step[] }
  /** diffProfile on 1.24+: istioctl has no `profile dump`; the extension's bundled data is used. */
  | { kind: 'bundled'; command: CommandId; minor: number; reason: string }
  /** The command does not exist in this release; `reason` says so for people. */
  | { kind: 'unsupported'; command: CommandId; minor: number; reason: string };

export interface PlanInput {
  minor: number;
  /** The IstioOperator file, as an absolute path. */
  file: string;
  settings: ToolSettings;
  /** diffProfile: the profile to compare with (spec.profile, else "default"). */
  profile?: string;
}

/** The oldest and newest releases the table holds for (the newest bundled one). Newer istioctl gets the newest syntax. */
export const OLDEST_MINOR = 5;
export const NEWEST_MINOR = NEWEST_BUNDLED_MINOR;
const ANY = 1000;

// ---------------------------------------------------------------------------------------------
// The table. Tokens are whole template elements, so nothing in a file name is ever substituted:
//   $FILE   the IstioOperator file, for a single-string flag (`uninstall -f`)
//   $FILES  the file, for a pflag StringSlice flag (`install -f` and most others): CSV-encoded
//   $PROFILE the profile name; $TMP:<name> a temp file written by an earlier step (a slice flag).
// `kube: false` marks client-only queries that get no --kubeconfig/--context.

interface StepTemplate {
  label: string;
  tool: Tool;
  args: string[];
  okExitCodes?: number[];
  pipeTo?: { tool: Tool; args: string[]; okExitCodes?: number[]; start: 'stream' | 'after-success' };
  captureAs?: string;
  kubectlOnPath?: boolean;
  kube?: false;
}

type Row =
  | { from: number; to: number; steps: StepTemplate[] }
  | { from: number; to: number; bundled: string }
  | { from: number; to: number; unsupported: string };

const RENDER: StepTemplate = { label: l10n.t('Render the manifest'), tool: 'istioctl', args: ['manifest', 'generate', '-f', '$FILES'] };
const upgradeStep = (kubectlOnPath?: boolean): StepTemplate => ({ label: l10n.t({ message: 'Upgrade', comment: ['A step of Istio: Upgrade, shown in the progress notification'] }), tool: 'istioctl', args: ['upgrade', '-f', '$FILES', '-y'], ...(kubectlOnPath ? { kubectlOnPath } : {}) });

export const TABLE: Record<CommandId, Row[]> = {
  apply: [
    { from: 5, to: 5, steps: [{ label: l10n.t('Install'), tool: 'istioctl', args: ['manifest', 'apply', '-f', '$FILES', '--skip-confirmation'], kubectlOnPath: true }] },
    { from: 6, to: ANY, steps: [{ label: l10n.t('Install'), tool: 'istioctl', args: ['install', '-f', '$FILES', '-y'] }] },
  ],
  diffCluster: [
    {
      from: 5, to: ANY, steps: [
        { ...RENDER, label: l10n.t('Render and diff against the cluster'), captureAs: 'manifest.yaml', pipeTo: { tool: 'kubectl', args: ['diff', '-f', '-'], okExitCodes: [0, 1], start: 'stream' } },
        // The live objects for the left side of the diff editor; exit 1 when some kinds are unknown.
        { label: l10n.t('Read the live objects'), tool: 'kubectl', args: ['get', '-f', '$TMP:manifest.yaml', '-o', 'yaml', '--ignore-not-found'], okExitCodes: [0, 1] },
      ],
    },
  ],
  diffProfile: [
    {
      from: 5, to: 23, steps: [
        { label: l10n.t('Dump the profile'), tool: 'istioctl', args: ['profile', 'dump', '$PROFILE'], kube: false },
        { label: l10n.t('Dump the profile with the file'), tool: 'istioctl', args: ['profile', 'dump', '-f', '$FILES'], kube: false },
      ],
    },
    { from: 24, to: ANY, bundled: l10n.t('istioctl 1.24 removed `istioctl profile dump`, so the profile defaults bundled with this extension are used.') },
  ],
  uninstall: [
    {
      from: 5, to: 6, steps: [{
        ...RENDER, label: l10n.t('Render and delete'),
        // Held until istioctl succeeded: kubectl never deletes from a half-rendered manifest.
        pipeTo: { tool: 'kubectl', args: ['delete', '-f', '-'], start: 'after-success' },
      }],
    },
    { from: 7, to: 14, steps: [{ label: l10n.t({ message: 'Uninstall', comment: ['A step of Istio: Uninstall, shown in the progress notification'] }), tool: 'istioctl', args: ['x', 'uninstall', '-f', '$FILE', '-y'] }] },
    { from: 15, to: ANY, steps: [{ label: l10n.t({ message: 'Uninstall', comment: ['A step of Istio: Uninstall, shown in the progress notification'] }), tool: 'istioctl', args: ['uninstall', '-f', '$FILE', '-y'] }] },
  ],
  upgrade: [
    { from: 5, to: 5, steps: [upgradeStep(true)] },
    { from: 6, to: 20, steps: [{ label: l10n.t('Precheck'), tool: 'istioctl', args: ['x', 'precheck', '-f', '$FILES'] }, upgradeStep()] },
    // From 1.21 precheck's -f means --from-version, not a file.
    { from: 21, to: ANY, steps: [{ label: l10n.t('Precheck'), tool: 'istioctl', args: ['x', 'precheck'] }, upgradeStep()] },
  ],
  generate: [{ from: 5, to: ANY, steps: [RENDER] }],
  verify: [
    // 1.5's verify-install reads a rendered manifest, not an IstioOperator.
    { from: 5, to: 5, steps: [{ ...RENDER, captureAs: 'manifest.yaml' }, { label: l10n.t('Verify the installation'), tool: 'istioctl', args: ['verify-install', '-f', '$TMP:manifest.yaml'] }] },
    { from: 6, to: 23, steps: [{ label: l10n.t('Verify the installation'), tool: 'istioctl', args: ['verify-install', '-f', '$FILES'] }] },
    { from: 24, to: ANY, unsupported: l10n.t('istioctl 1.24 removed `istioctl verify-install`. Check the installation with `istioctl x precheck` or `kubectl get pods -n istio-system` instead.') },
  ],
  refreshDefaults: [
    { from: 5, to: 23, steps: [{ label: l10n.t('List the profiles'), tool: 'istioctl', args: ['profile', 'list'], kube: false }] },
    { from: 24, to: ANY, unsupported: l10n.t('istioctl 1.24 removed `istioctl profile`, so there are no defaults to read from it; the defaults bundled with this extension are used.') },
  ],
};

/** Commands that change the cluster: they ask for a modal confirmation first. */
export const CHANGES_CLUSTER: Record<CommandId, boolean> = {
  apply: true, uninstall: true, upgrade: true,
  diffCluster: false, diffProfile: false, generate: false, verify: false, refreshDefaults: false,
};

export function buildPlan(command: CommandId, input: PlanInput): Plan {
  const { minor } = input;
  const row = TABLE[command].find((r) => minor >= r.from && minor <= r.to);
  if (!row) {
    return { kind: 'unsupported', command, minor, reason: l10n.t('istioctl 1.{minor} is older than the oldest supported release (1.{oldest}).', { minor, oldest: OLDEST_MINOR }) };
  }
  if ('bundled' in row) return { kind: 'bundled', command, minor, reason: row.bundled };
  if ('unsupported' in row) return { kind: 'unsupported', command, minor, reason: row.unsupported };
  return { kind: 'run', command, minor, steps: row.steps.map((t) => fillStep(t, input)) };
}

/** `istioctl profile dump NAME` (1.5–1.23), one per profile, for Refresh defaults. */
export function profileDumpStep(profile: string): Step {
  return fillStep({ label: l10n.t('Dump the {profile} profile', { profile }), tool: 'istioctl', args: ['profile', 'dump', '$PROFILE'], kube: false }, { minor: 0, file: '', settings: { kubeconfig: '', context: '' }, profile });
}

function fillStep(t: StepTemplate, input: PlanInput): Step {
  const kube = t.kube === false ? [] : kubeFlags(input.settings);
  const step: Step = { label: t.label, tool: t.tool, args: [...fill(t.args, input), ...kube] };
  if (t.okExitCodes) step.okExitCodes = t.okExitCodes;
  if (t.captureAs) step.captureAs = t.captureAs;
  if (t.kubectlOnPath) step.kubectlOnPath = true;
  if (t.pipeTo) {
    step.pipeTo = { tool: t.pipeTo.tool, args: [...fill(t.pipeTo.args, input), ...kubeFlags(input.settings)], start: t.pipeTo.start };
    if (t.pipeTo.okExitCodes) step.pipeTo.okExitCodes = t.pipeTo.okExitCodes;
  }
  return step;
}

function fill(args: string[], input: PlanInput): Arg[] {
  return args.map((a): Arg => {
    if (a === '$FILE') return input.file;
    if (a === '$FILES') return sliceFlagValue(input.file);
    if (a === '$PROFILE') return input.profile ?? 'default';
    if (a.startsWith('$TMP:')) return { temp: a.slice(5) };
    return a;
  });
}

/** `--kubeconfig K --context C`, long forms (some short forms are rejected by some releases). */
export function kubeFlags(s: ToolSettings): string[] {
  const out: string[] = [];
  if (s.kubeconfig) out.push('--kubeconfig', s.kubeconfig);
  if (s.context) out.push('--context', s.context);
  return out;
}

/**
 * istioctl reads `-f` of install, manifest generate, upgrade, profile dump, verify-install and
 * precheck (and kubectl its `-f`) as a pflag StringSlice, which parses its value as one CSV
 * record: a comma splits it, a double quote is syntax, a newline ends the record. A value with
 * any of those is written as a quoted CSV field (quotes doubled), which decodes to exactly the
 * file name; any other value is passed unchanged.
 */
export function sliceFlagValue(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

// ---------------------------------------------------------------------------------------------
// istioctl version

/**
 * How to ask istioctl for its own version, in order: JSON works in every release 1.5–1.30; the
 * text forms are the fallbacks. `--remote=false` with `=` (a separate `false` leaves remote on).
 */
export const VERSION_QUERIES: readonly (readonly string[])[] = [
  ['version', '--remote=false', '-o', 'json'],
  ['version', '--remote=false', '--short'],
  ['version', '--remote=false'],
];

export interface IstioctlVersion {
  /** As istioctl prints it: "1.20.3", "1.22.0-beta.1", or "unknown" for a dev build. */
  version: string;
  /** 20 for 1.20.3; undefined when the version is not a release (dev builds). */
  minor: number | undefined;
}

const RELEASE = /^v?1\.(\d+)(?:\.\d+)?(?:[-+][0-9A-Za-z.+-]*)?$/;

/** Reads any form `istioctl version --remote=false [...]` prints; undefined if none fits. */
export function parseIstioctlVersion(output: string): IstioctlVersion | undefined {
  const text = output.replace(/^\uFEFF/, '');
  const fromJson = jsonVersion(text);
  if (fromJson) return fromJson;
  // `client version: 1.24.6` (1.23+), also with a BuildInfo after it.
  const client = /client version:\s*(?:version\.BuildInfo\{[^}]*?Version:"([^"]+)"|(\S+))/i.exec(text);
  if (client) return versionOf(client[1] ?? client[2]);
  // `version.BuildInfo{Version:"1.20.3", ...}` (--short=false).
  const buildInfo = /BuildInfo\{[^}]*?Version:"([^"]+)"/.exec(text);
  if (buildInfo) return versionOf(buildInfo[1]);
  // A line that is only a version: `1.20.3` (1.5–1.22 --short). Log lines around it are skipped.
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (RELEASE.test(t) || t === 'unknown') return versionOf(t);
  }
  return undefined;
}

function jsonVersion(text: string): IstioctlVersion | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  try {
    const v = (JSON.parse(text.slice(start, end + 1)) as { clientVersion?: { version?: unknown } }).clientVersion?.version;
    return typeof v === 'string' && v.trim() ? versionOf(v.trim()) : undefined;
  } catch {
    return undefined;
  }
}

function versionOf(raw: string): IstioctlVersion {
  const m = RELEASE.exec(raw);
  return { version: raw, minor: m ? Number(m[1]) : undefined };
}

/**
 * The minor whose syntax to use: a bundled release (1.5 to the newest) as is; newer ones and dev builds get the
 * newest syntax (with a note for people); older ones none.
 */
export function syntaxMinor(v: IstioctlVersion): { minor: number; note?: string } | { minor: undefined; note: string } {
  if (v.minor === undefined) return { minor: NEWEST_MINOR, note: l10n.t('istioctl reports version "{version}", not a release; using the 1.{newest} command syntax.', { version: v.version, newest: NEWEST_MINOR }) };
  if (v.minor < OLDEST_MINOR) return { minor: undefined, note: l10n.t('istioctl {version} is older than the oldest supported release (1.{oldest}). Configure a newer istioctl.', { version: v.version, oldest: OLDEST_MINOR }) };
  if (v.minor > NEWEST_MINOR) return { minor: v.minor, note: l10n.t('istioctl {version} is newer than the newest release this extension knows (1.{newest}); using the 1.{newest} command syntax.', { version: v.version, newest: NEWEST_MINOR }) };
  return { minor: v.minor };
}

/** `istioctl profile list`: "Istio configuration profiles:" then one indented name per line. */
export function parseProfileList(output: string): string[] {
  const names: string[] = [];
  let inList = false;
  for (const line of output.split(/\r?\n/)) {
    if (/configuration profiles:/i.test(line)) {
      inList = true;
      continue;
    }
    const m = /^\s+([A-Za-z0-9][A-Za-z0-9._-]*)\s*$/.exec(line);
    if (inList && m) names.push(m[1]);
  }
  return names;
}

/** For people and logs only (never executed): an argv as one line, quoted where needed. */
export function displayCommand(cmd: string, args: readonly string[]): string {
  const q = (s: string) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`).replace(/\n/g, '\\n')}'`);
  return [cmd, ...args].map(q).join(' ');
}
