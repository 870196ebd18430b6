// Runs a plan (istioctl.ts) step by step through run.ts: resolves the tools and temp files, stops
// at the first failing step, and keeps each step's result. One deadline covers the whole plan.
// No vscode import: tests run plans against stand-in executables.
import path from 'node:path';
import { sliceFlagValue, type Plan, type Step, type Tool } from './istioctl.ts';
import { run, type OutputEvent, type RunResult } from './run.ts';
import { withPrivateTempDir, type PrivateTempDir } from './tempDir.ts';

export interface ExecOptions {
  /** The executables to run: a configured absolute path, or a name looked up on PATH. */
  tools: Record<Tool, string>;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** For the whole plan; 0 or absent: no limit. */
  timeoutMs?: number;
  signal?: AbortSignal;
  killGraceMs?: number;
  /** A step starts: its index, the step, and the argv of each child. */
  onStep?: (index: number, step: Step, argv: { cmd: string; args: string[] }[]) => void;
  onOutput?: (e: OutputEvent & { step: number }) => void;
}

export interface StepRun {
  step: Step;
  argv: { cmd: string; args: string[] }[];
  result: RunResult;
}

export interface PlanRun {
  /** The last step's result, or that of the step that did not succeed. */
  result: RunResult;
  steps: StepRun[];
}

export async function executeSteps(steps: Step[], opts: ExecOptions): Promise<PlanRun> {
  const needsTemp = steps.some((s) => s.captureAs);
  return needsTemp ? withPrivateTempDir((tmp) => runSteps(steps, opts, tmp)) : runSteps(steps, opts, undefined);
}

export function executePlan(plan: Plan & { kind: 'run' }, opts: ExecOptions): Promise<PlanRun> {
  return executeSteps(plan.steps, opts);
}

async function runSteps(steps: Step[], opts: ExecOptions, tmp: PrivateTempDir | undefined): Promise<PlanRun> {
  if (!steps.length) throw new Error('a plan with no steps');
  const deadline = opts.timeoutMs ? Date.now() + opts.timeoutMs : undefined;
  const temps = new Map<string, string>();
  const done: StepRun[] = [];
  for (const [index, step] of steps.entries()) {
    const resolveArgs = (args: Step['args']) => args.map((a) => {
      if (typeof a === 'string') return a;
      const file = temps.get(a.temp);
      if (!file) throw new Error(`step "${step.label}" reads ${a.temp}, which no earlier step wrote`);
      return sliceFlagValue(file);
    });
    const first = { cmd: opts.tools[step.tool], args: resolveArgs(step.args), okExitCodes: step.okExitCodes };
    const second = step.pipeTo && { cmd: opts.tools[step.pipeTo.tool], args: resolveArgs(step.pipeTo.args), okExitCodes: step.pipeTo.okExitCodes, start: step.pipeTo.start };
    const argv = second ? [first, second] : [first];
    opts.onStep?.(index, step, argv.map(({ cmd, args }) => ({ cmd, args })));
    const remaining = deadline === undefined ? undefined : Math.max(1, deadline - Date.now());
    const result = await run(first, {
      pipeTo: second,
      cwd: opts.cwd,
      env: step.kubectlOnPath ? withToolOnPath(opts.env ?? process.env, opts.tools.kubectl) : opts.env,
      timeoutMs: remaining,
      signal: opts.signal,
      killGraceMs: opts.killGraceMs,
      onOutput: opts.onOutput && ((e) => opts.onOutput!({ ...e, step: index })),
    });
    if (result.kind === 'timed-out') result.timeoutMs = opts.timeoutMs ?? result.timeoutMs;
    done.push({ step, argv: argv.map(({ cmd, args }) => ({ cmd, args })), result });
    if (result.kind !== 'succeeded') return { result, steps: done };
    if (step.captureAs) {
      if (!tmp) throw new Error('no temp dir');
      temps.set(step.captureAs, tmp.write(step.captureAs, result.processes[0].stdout));
    }
  }
  const last = done[done.length - 1];
  return { result: last.result, steps: done };
}

/** The environment with the folder of `tool` first on PATH (when it is a path, not a bare name). */
export function withToolOnPath(env: NodeJS.ProcessEnv, tool: string): NodeJS.ProcessEnv {
  if (!path.isAbsolute(tool)) return env;
  const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  return { ...env, [key]: [path.dirname(tool), env[key]].filter(Boolean).join(path.delimiter) };
}
