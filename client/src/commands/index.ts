// Registers every Istio command; each lives in its own file.
import * as vscode from 'vscode';
import { apply } from './apply.ts';
import { checkUpgrade } from './checkUpgrade.ts';
import { copyFlags } from './copyFlags.ts';
import { newOperator } from './newOperator.ts';
import { pasteFlags } from './pasteFlags.ts';
import { diffCluster } from './diffCluster.ts';
import { diffProfile } from './diffProfile.ts';
import { generateManifest } from './generateManifest.ts';
import { refreshDefaults } from './refreshDefaults.ts';
import { selectVersion } from './selectVersion.ts';
import { showEffective } from './showEffective.ts';
import type { Services } from './shared.ts';
import { uninstall } from './uninstall.ts';
import { upgrade } from './upgrade.ts';
import { verifyInstall } from './verifyInstall.ts';

export const COMMANDS: Record<string, (s: Services, arg?: unknown) => Promise<void>> = {
  'istioOperator.apply': apply,
  'istioOperator.diffCluster': diffCluster,
  'istioOperator.diffProfile': diffProfile,
  'istioOperator.uninstall': uninstall,
  'istioOperator.upgrade': upgrade,
  'istioOperator.generateManifest': generateManifest,
  'istioOperator.verifyInstall': verifyInstall,
  'istioOperator.refreshDefaults': (s) => refreshDefaults(s),
  'istioOperator.selectVersion': (s) => selectVersion(s),
  'istioOperator.showEffective': showEffective,
  'istioOperator.checkUpgrade': checkUpgrade,
  'istioOperator.copyFlags': (s) => copyFlags(s),
  'istioOperator.pasteFlags': (s) => pasteFlags(s),
  'istioOperator.newOperator': (s) => newOperator(s),
};

export function registerCommands(services: Services): vscode.Disposable[] {
  return [
    ...Object.entries(COMMANDS).map(([id, fn]) => vscode.commands.registerCommand(id, (arg?: unknown) => fn(services, arg).catch((e: unknown) => {
      services.output.line(vscode.l10n.t('{command} failed unexpectedly: {error}', { command: id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }));
      const showOutput = vscode.l10n.t('Show Output');
      void vscode.window.showErrorMessage(vscode.l10n.t('Istio: unexpected error: {error}', { error: e instanceof Error ? e.message : String(e) }), showOutput).then((c) => c === showOutput && services.output.show());
    }))),
    vscode.commands.registerCommand('istioOperator.showOutput', () => services.output.show()),
  ];
}
