// What every Istio command does the same way: refuse in an untrusted workspace, find the file and
// offer to save it, find istioctl and the kube context, confirm, run with cancellable progress,
// write the output channel, and end with a notification. Only this layer shows UI.
import type { EffectiveSource, EffectiveView } from '../effectiveView.ts';
import type { NewOperatorRequest, PasteFlagsRequest, SetFlagsRequest, UpgradeReportRequest } from '../../../protocol/messages.ts';
import fs from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import type { CachedDefaults } from '../defaultsCache.ts';
import { describeContext, detectKubeContext, type IstioctlFound, type KubeContext } from '../detect.ts';
import { executeSteps, type PlanRun } from '../execute.ts';
import { buildPlan, displayCommand, syntaxMinor, type CommandId, type IstioctlVersion, type Plan, type Step, type Tool } from '../istioctl.ts';
import type { IstioctlTracker } from '../istioctlTracker.ts';
import { looksLikeIstioOperator, readIop, type IopInfo } from '../iopFile.ts';
import type { Output } from '../output.ts';
import { redactLine } from '../redact.ts';
import type { RunResult } from '../run.ts';
import { openSetting, PATH_SETTING, readSettings, SECTION, type CommandSettings } from '../settings.ts';
import type { StatusItem } from '../status.ts';
import type { VirtualDocuments } from '../virtualDocuments.ts';

/** The language server's upgrade report of an open document (istioOperator/upgradeReport). */
export type UpgradeSource = (uri: string, to: string) => Promise<UpgradeReportRequest.Result>;

export interface Services {
  output: Output;
  docs: VirtualDocuments;
  istioctl: IstioctlTracker;
  status: StatusItem;
  /** The bundled schemas/ folder. */
  schemasDir: string;
  /** context.globalStorageUri as a path. */
  storageDir: string;
  /** The Istio version the server chose for a document (from versionStatus), if known. */
  documentVersion(uri: vscode.Uri): string | undefined;
  /** Tell the language server about a refreshed defaults cache. */
  sendDefaults(cache: CachedDefaults): void;
  /** The language server's effective configuration of an open document (or its profile alone). */
  effective: EffectiveSource;
  effectiveView: EffectiveView;
  /** The language server's upgrade report of an open document, as Markdown. */
  upgradeReport: UpgradeSource;
  /** The language server's flags work: the document as --set flags, pasted flags merged into it, and new files. */
  setFlags: (uri: string, position?: { line: number; character: number }) => Promise<SetFlagsRequest.Result>;
  pasteFlags: (uri: string, commandLine: string) => Promise<PasteFlagsRequest.Result>;
  newOperator: (params: NewOperatorRequest.Params) => Promise<NewOperatorRequest.Result>;
}

export interface Target {
  uri: vscode.Uri;
  /** Absolute path on disk. */
  file: string;
  /** Base name, for messages. */
  name: string;
  /** The file as saved. */
  text: string;
  iop: IopInfo | undefined;
}

export interface Session {
  target: Target;
  settings: CommandSettings;
  istioctl: { version: IstioctlVersion; minor: number } | undefined;
  context: KubeContext | undefined;
}

/** What a run needs: a Session, or settings and istioctl alone for work on no file. */
export interface RunSession {
  target?: Target;
  settings: CommandSettings;
  istioctl: { version: IstioctlVersion; minor: number } | undefined;
  context: KubeContext | undefined;
}

// Button labels: the same localized string is shown and compared with the choice.
const showOutputLabel = () => vscode.l10n.t('Show Output');
const configurePathLabel = () => vscode.l10n.t('Configure Path');

/**
 * Everything a command needs before it runs anything, or undefined when the user was told why not.
 * `istioctl: 'optional'` lets a command go on without istioctl (Diff against profile).
 */
/** A cluster command's start: `begin` with istioctl required, then its command line for that istioctl. */
export async function beginPlan(
  s: Services, arg: unknown, what: string, command: CommandId,
): Promise<{ session: Session & { istioctl: NonNullable<Session['istioctl']> }; plan: Plan } | undefined> {
  const session = await begin(s, arg, what, { istioctl: 'required', context: true });
  if (!session?.istioctl) return undefined;
  const plan = buildPlan(command, { minor: session.istioctl.minor, file: session.target.file, settings: session.settings });
  return { session: session as Session & { istioctl: NonNullable<Session['istioctl']> }, plan };
}

export async function begin(s: Services, arg: unknown, what: string, opts: { istioctl: 'required' | 'optional'; context: boolean }): Promise<Session | undefined> {
  if (!(await checkTrusted(what))) return undefined;
  const target = await resolveTarget(arg, what);
  if (!target) return undefined;
  let settings = readSettings();
  const istioctl = await findIstioctl(s, what, opts.istioctl);
  if (istioctl === false) return undefined;
  let context: KubeContext | undefined;
  if (opts.context) {
    context = await detectKubeContext(settings.tools.kubectl, settings);
    s.status.setContext(context);
    // Pin the context the user is shown (and confirms): a `kubectl config use-context` in a
    // terminal meanwhile must not send the command to another cluster.
    if (context.kind === 'current') settings = { ...settings, context: context.name };
  }
  return { target, settings, istioctl, context };
}

/** No Istio command runs in an untrusted workspace: say so, with a way to change it. */
export async function checkTrusted(what: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Istio: {what} is not available in Restricted Mode. Istio commands run istioctl and kubectl against your cluster, so they only run in a trusted workspace. Validation, completion and hover still work.', { what }),
    manage,
  );
  if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
  return false;
}

/**
 * istioctl's version and the command syntax to use. `false`: required and missing (the user was
 * told, with a "Configure Path" action); undefined: optional and missing.
 */
export async function findIstioctl(s: Services, what: string, need: 'required' | 'optional'): Promise<Session['istioctl'] | false> {
  const found = await s.istioctl.detect();
  if (found?.kind === 'found') {
    const m = syntaxMinor(found.version);
    if (m.note) s.output.line(vscode.l10n.t('Note: {note}', { note: m.note }));
    if (m.minor !== undefined) return { version: found.version, minor: m.minor };
    if (need === 'optional') return undefined;
    void offerToolFix('istioctl', vscode.l10n.t('Istio: {note}', { note: m.note }), s);
    return false;
  }
  if (need === 'optional') return undefined;
  void reportIstioctlProblem(s, found, what);
  return false;
}

async function resolveTarget(arg: unknown, what: string): Promise<Target | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Istio: {what} works on an IstioOperator file. Open one first.', { what }));
    return undefined;
  }
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Istio: {what} needs the file saved on disk (istioctl reads it from there). Save it first.', { what }));
    return undefined;
  }
  const name = path.basename(uri.fsPath);
  if (doc?.isDirty) {
    const save = vscode.l10n.t('Save and Continue');
    const saved = vscode.l10n.t('Use Saved Version');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{name} has unsaved changes.', { name }),
      { modal: true, detail: vscode.l10n.t('Istio commands work on the file as saved on disk. Save your changes first, or run {what} on the saved version?', { what }) },
      save, saved,
    );
    if (!choice) return undefined;
    if (choice === save && !(await doc.save())) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Istio: {name} could not be saved; {what} did not run.', { name, what }));
      return undefined;
    }
  }
  let text: string;
  try {
    text = await fs.readFile(uri.fsPath, 'utf8');
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Istio: cannot read {file}: {error}', { file: uri.fsPath, error: (e as Error).message }));
    return undefined;
  }
  if (!looksLikeIstioOperator(text)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Istio: {name} (as saved) has no `kind: IstioOperator` document, so {what} has nothing to work on.', { name, what }));
    return undefined;
  }
  return { uri, file: path.resolve(uri.fsPath), name, text, iop: readIop(text) };
}

/** For messages: `context "kind-prod"`. */
export function contextPhrase(c: KubeContext | undefined): string {
  if (!c) return vscode.l10n.t('the current context');
  if (c.kind === 'setting' || c.kind === 'current') return vscode.l10n.t('context "{name}"', { name: c.name });
  return vscode.l10n.t('the current context ({context})', { context: describeContext(c) });
}

/** A modal confirmation; true only when the user pressed `button`. */
export async function confirm(message: string, detail: string, button: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, button)) === button;
}

/** The commands a plan will run, for a confirmation's detail. */
export function describeSteps(session: Session, steps: Step[]): string {
  return steps.map((st) => {
    const one = (tool: Tool, args: Step['args']) => displayCommand(tool === 'istioctl' ? 'istioctl' : 'kubectl', args.map((a) => (typeof a === 'string' ? a : `<${a.temp}>`)));
    return st.pipeTo ? `${one(st.tool, st.args)} | ${one(st.pipeTo.tool, st.pipeTo.args)}` : one(st.tool, st.args);
  }).join('\n');
}

export interface ProgressRun {
  title: string;
  steps: Step[];
  /** Whether a child's stdout goes to the output channel (not for manifests shown in an editor). */
  echoStdout?: (step: number, proc: 0 | 1) => boolean;
}

/** Runs steps under a cancellable progress notification, writing everything to the output channel. */
export async function runWithProgress(s: Services, session: RunSession, what: string, r: ProgressRun): Promise<PlanRun> {
  const { output } = s;
  const { settings, target } = session;
  output.line('');
  output.line(`──── ${what} · ${new Date().toLocaleString()}`);
  if (target) output.line(vscode.l10n.t('File:     {file}', { file: target.file }));
  if (session.istioctl) output.line(vscode.l10n.t('istioctl: {version} ({path}; command syntax of 1.{minor})', { version: session.istioctl.version.version, path: settings.tools.istioctl, minor: session.istioctl.minor }));
  if (session.context) {
    const context = describeContext(session.context);
    output.line(settings.kubeconfig ? vscode.l10n.t('Context:  {context} (kubeconfig {kubeconfig})', { context, kubeconfig: settings.kubeconfig }) : vscode.l10n.t('Context:  {context}', { context }));
  }
  const writer = output.writer();
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: r.title, cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    let lastReport = 0;
    let label = '';
    try {
      const result = await executeSteps(r.steps, {
        tools: settings.tools,
        cwd: target ? path.dirname(target.file) : s.storageDir,
        timeoutMs: settings.timeoutMs,
        signal: abort.signal,
        onStep: (i, step, argv) => {
          writer.flush();
          label = step.label;
          output.line(`$ ${argv.map((a) => displayCommand(a.cmd, a.args)).join(' | ')}`);
          progress.report({ message: step.label });
        },
        onOutput: (e) => {
          if (e.stream === 'stderr' || (r.echoStdout?.(e.step, e.proc) ?? true)) writer.write(e);
          const now = Date.now();
          if (now - lastReport > 300) {
            lastReport = now;
            const line = lastLineOf(e.text);
            if (line) progress.report({ message: `${label}: ${redactLine(line).slice(0, 120)}` });
          }
        },
      });
      writer.flush();
      for (const st of result.steps) output.line(`[${summary(st.result)}]`);
      return result;
    } finally {
      sub.dispose();
    }
  });
}

function lastLineOf(text: string): string {
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean);
  return lines[lines.length - 1] ?? '';
}

function summary(r: RunResult): string {
  const secs = vscode.l10n.t('{seconds} s', { seconds: (r.durationMs / 1000).toFixed(1) });
  const codes = r.processes.filter((p) => p.started).map((p) => (p.code ?? p.signal ?? '?')).join(' | ');
  switch (r.kind) {
    case 'succeeded': return vscode.l10n.t('exit {codes}, {time}', { codes, time: secs });
    case 'failed': return vscode.l10n.t('failed: exit {codes}, {time}', { codes, time: secs });
    case 'bin-not-found': return vscode.l10n.t('not found: {cmd}', { cmd: r.cmd });
    case 'cancelled': return vscode.l10n.t('cancelled after {time}; the process tree was stopped', { time: secs });
    case 'timed-out': return vscode.l10n.t('timed out after {seconds} s; the process tree was stopped', { seconds: Math.round(r.timeoutMs / 1000) });
    case 'errored': return vscode.l10n.t('could not start {cmd}: {error}', { cmd: r.cmd, error: r.message });
  }
}

/**
 * The closing notification of a run. Success shows `success` (or nothing when it is undefined);
 * anything else says what happened and what was last reported, with "Show Output".
 */
export async function reportRun(s: Services, session: RunSession, what: string, run: PlanRun, success: string | undefined): Promise<void> {
  const r = run.result;
  const last = r.lastLine ? vscode.l10n.t(' Last reported: "{line}"', { line: redactLine(r.lastLine).slice(0, 300) }) : vscode.l10n.t(' Nothing was reported.');
  const step = run.steps[run.steps.length - 1]?.step;
  switch (r.kind) {
    case 'succeeded':
      if (success) void vscode.window.showInformationMessage(success);
      return;
    case 'bin-not-found': {
      const tool = toolOf(session.settings, r.cmd);
      return offerToolFix(tool, vscode.l10n.t('Istio: {what} failed: {tool} was not found ({cmd}). Install it, or set {setting} to its full path.', { what, tool, cmd: r.cmd, setting: PATH_SETTING[tool] }), s);
    }
    case 'errored': {
      const tool = toolOf(session.settings, r.cmd);
      return offerToolFix(tool, vscode.l10n.t('Istio: {what} failed: {tool} could not be started ({cmd}): {error}', { what, tool, cmd: r.cmd, error: r.message }), s);
    }
    case 'cancelled':
      return showWithOutput(s, 'warning', vscode.l10n.t('Istio: {what} was cancelled; istioctl/kubectl and their child processes were stopped.{last}', { what, last }));
    case 'timed-out': {
      const open = vscode.l10n.t('Change Timeout');
      const showOutput = showOutputLabel();
      const choice = await vscode.window.showErrorMessage(
        vscode.l10n.t('Istio: {what} stopped after {seconds} s (istioOperator.commandTimeoutSeconds) at "{step}".{last}', { what, seconds: Math.round(r.timeoutMs / 1000), step: step?.label ?? '', last }),
        showOutput, open,
      );
      if (choice === showOutput) s.output.show();
      if (choice === open) void openSetting(`${SECTION}.commandTimeoutSeconds`);
      return;
    }
    case 'failed': {
      const proc = r.processes[r.failed];
      const tool = proc ? toolOf(session.settings, proc.cmd) : 'istioctl';
      const at = step?.label ?? '';
      return showWithOutput(s, 'error', r.code !== null
        ? vscode.l10n.t('Istio: {what} failed at "{step}": {tool} exited with code {code}.{last}', { what, step: at, tool, code: r.code, last })
        : vscode.l10n.t('Istio: {what} failed at "{step}": {tool} was ended by {signal}.{last}', { what, step: at, tool, signal: String(r.signal), last }));
    }
  }
}

export async function showWithOutput(s: Services, level: 'error' | 'warning' | 'info', message: string): Promise<void> {
  const show = level === 'error' ? vscode.window.showErrorMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const showOutput = showOutputLabel();
  if ((await show(message, showOutput)) === showOutput) s.output.show();
}

function toolOf(settings: CommandSettings, cmd: string): Tool {
  return cmd === settings.tools.kubectl ? 'kubectl' : 'istioctl';
}

export async function offerToolFix(tool: Tool, message: string, s: Services): Promise<void> {
  s.output.line(message);
  const configured = readSettings().tools[tool];
  if (!path.isAbsolute(configured)) s.output.line(vscode.l10n.t('({tool} was looked for on the PATH of VS Code\'s extension host: {path})', { tool: configured, path: process.env.PATH ?? vscode.l10n.t('(no PATH)') }));
  const configurePath = configurePathLabel();
  const showOutput = showOutputLabel();
  const choice = await vscode.window.showErrorMessage(message, configurePath, showOutput);
  if (choice === configurePath) void openSetting(PATH_SETTING[tool]);
  if (choice === showOutput) s.output.show();
}

async function reportIstioctlProblem(s: Services, found: IstioctlFound | undefined, what: string): Promise<void> {
  const settings = readSettings();
  if (!found || found.kind === 'bin-not-found') {
    return offerToolFix('istioctl', vscode.l10n.t('Istio: {what} needs istioctl, which was not found ({cmd}). Install it, or set {setting} to its full path.', { what, cmd: settings.tools.istioctl, setting: PATH_SETTING.istioctl }), s);
  }
  if (found.kind === 'failed') {
    const out = found.last.processes[0];
    if (out?.stderr) s.output.line(out.stderr.trimEnd());
    return offerToolFix('istioctl', vscode.l10n.t('Istio: {what} needs istioctl\'s version, but {problem}', { what, problem: found.message }), s);
  }
}

/** The base name without extension, for virtual document names. */
export function baseName(t: Target): string {
  return t.name.replace(/\.(ya?ml)$/i, '');
}
