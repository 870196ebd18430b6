// Where the end-to-end tests find what scripts/e2e/setup.sh and `npm run package` made.
import fs from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../../..');
const CACHE = process.env.E2E_CACHE ?? path.join(REPO, '.e2e-cache');

export const CODE_SERVER = path.join(CACHE, 'code-server/node_modules/.bin/code-server');
export const CHROMIUM = '/usr/bin/chromium';
export const VSIX = path.join(REPO, 'dist/istio-operator-tools.vsix');
export const MANIFEST = path.join(REPO, 'package.json');
export const WORKSPACE_FIXTURE = path.join(REPO, 'test/e2e/workspace');
export const STAND_INS = path.join(REPO, 'test/e2e/bin');
export const RESULTS = path.join(REPO, 'test-results/e2e');

/** Fails early, naming the step that makes the missing piece. */
export function checkPrerequisites(): void {
  const missing: string[] = [];
  if (!fs.existsSync(CODE_SERVER)) missing.push(`code-server (${CODE_SERVER}): run scripts/e2e/setup.sh`);
  if (!fs.existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM}): run scripts/e2e/setup.sh`);
  if (!fs.existsSync(VSIX)) missing.push(`the extension package (${VSIX}): run npm run package`);
  if (missing.length) throw new Error(`The end-to-end tests cannot start without:\n  ${missing.join('\n  ')}`);
}
