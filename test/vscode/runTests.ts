// `npm run test:vscode`: the VS Code API suite (test/vscode/suite) in a VS Code that
// @vscode/test-electron downloads, once in a trusted workspace and once in restricted mode.
//
// Needs the internet (to download VS Code into .vscode-test/) and a display: on a headless Linux
// machine run it under Xvfb, `xvfb-run -a npm run test:vscode`. It is not part of CI here: CI has no
// internet and runs the same checks in code-server instead (test/e2e, scripts/e2e/ci.sh).
//   VSCODE_VERSION=1.91.0 npm run test:vscode     # default: stable
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');
const SUITE = path.join(REPO, 'out/vscode-suite/index.js');

async function main(): Promise<number> {
  // The suite runs inside the extension host, which loads JavaScript: bundle it, `vscode` left to the
  // host. It sits inside the extension's folder so that its `vscode` is the extension's API object.
  await esbuild.build({
    entryPoints: [path.join(REPO, 'test/vscode/suite/index.ts')],
    outfile: SUITE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });

  let failed = 0;
  for (const mode of ['trusted', 'restricted'] as const) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), `iop-vscode-${mode}-`));
    const workspace = path.join(root, 'workspace');
    const userData = path.join(root, 'user-data');
    fs.cpSync(path.join(REPO, 'test/e2e/workspace'), workspace, { recursive: true });
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.startupPrompt': 'never', // restricted mode without the modal prompt
      'extensions.ignoreRecommendations': true,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
    }, null, 2));
    console.log(`== ${mode} workspace`);
    try {
      await runTests({
        version: process.env.VSCODE_VERSION ?? 'stable',
        extensionDevelopmentPath: REPO,
        extensionTestsPath: SUITE,
        launchArgs: [
          workspace,
          '--user-data-dir', userData,
          '--extensions-dir', path.join(root, 'extensions'),
          '--disable-extensions', // every other installed extension; not the one under test
          '--skip-welcome', '--skip-release-notes', '--disable-telemetry',
          ...(mode === 'trusted' ? ['--disable-workspace-trust'] : []),
        ],
        extensionTestsEnv: {
          ISTIO_VSCODE_MODE: mode,
          // The extension host runs istioctl and kubectl from its PATH: the recording stand-ins first.
          PATH: `${path.join(REPO, 'test/e2e/bin')}${path.delimiter}${process.env.PATH ?? ''}`,
        // As the `code` CLI does: this environment is the user's, so VS Code does not replace PATH
        // with a login shell's (which would lose the stand-ins).
        VSCODE_CLI: '1',
          ISTIO_E2E_CALLS: path.join(root, 'calls.jsonl'),
        },
      });
    } catch (e) {
      failed++;
      console.error(`${mode}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  process.exit(1);
});
