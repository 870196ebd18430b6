// The settings commands use, read once per command. The tool paths are machine-scoped and read
// only from the user (global/machine) value: a workspace can never choose what gets executed.
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { Tool, ToolSettings } from './istioctl.ts';

export const SECTION = 'istioOperator';

export interface CommandSettings extends ToolSettings {
  tools: Record<Tool, string>;
  /** 0: no limit. */
  timeoutMs: number;
}

export const PATH_SETTING: Record<Tool, string> = { istioctl: `${SECTION}.istioctlPath`, kubectl: `${SECTION}.kubectlPath` };

export function readSettings(): CommandSettings {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const seconds = cfg.get<number>('commandTimeoutSeconds', 600);
  return {
    tools: { istioctl: toolPath(cfg, 'istioctlPath', 'istioctl'), kubectl: toolPath(cfg, 'kubectlPath', 'kubectl') },
    kubeconfig: expandHome(str(cfg.get('kubeconfig'))),
    context: str(cfg.get('context')),
    timeoutMs: Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0,
  };
}

function toolPath(cfg: vscode.WorkspaceConfiguration, key: string, fallback: string): string {
  const user = str(cfg.inspect<string>(key)?.globalValue);
  return user ? expandHome(user) : fallback;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

function expandHome(p: string): string {
  return p === '~' ? os.homedir() : p.startsWith('~/') || p.startsWith('~\\') ? path.join(os.homedir(), p.slice(2)) : p;
}

export function openSetting(id: string): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', id);
}
