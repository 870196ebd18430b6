// One test file's session: code-server with the extension, Chromium, and the workbench page.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { findCommand, positionIn } from './fixtures.ts';
import { startCodeServer, type CodeServer, type CodeServerOptions } from './codeServer.ts';
import { MANIFEST, WORKSPACE_FIXTURE } from './paths.ts';
import { Workbench } from './workbench.ts';

/** A bound on one test file (start, every check, stop), so a wedged browser cannot hang CI. */
export const FILE_TIMEOUT_MS = 5 * 60_000;

export interface Session {
  server: CodeServer;
  workbench: Workbench;
  stop(): Promise<void>;
}

export async function startSession(options: CodeServerOptions): Promise<Session> {
  const server = await startCodeServer(options);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const workbench = await Workbench.open(browser, server);
    return {
      server,
      workbench,
      async stop() {
        await browser?.close();
        await server.stop();
      },
    };
  } catch (e) {
    await browser?.close();
    await server.stop();
    throw e;
  }
}

/** `positionIn` of a file of test/e2e/workspace. */
export function positionOf(file: string, needle: string, offset = 0): { line: number; column: number } {
  return positionIn(fs.readFileSync(path.join(WORKSPACE_FIXTURE, file), 'utf8'), needle, offset);
}

/** The palette label ("Istio: Apply") of the contributed command `*.${name}`; see findCommand. */
export function commandLabel(name: string): string {
  return findCommand(JSON.parse(fs.readFileSync(MANIFEST, 'utf8')), name, JSON.parse(fs.readFileSync(MANIFEST.replace(/package\.json$/, 'package.nls.json'), 'utf8'))).label;
}
