// Debian's Chromium, driven by playwright-core (which never downloads a browser of its own).
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from './paths.ts';

// Flags that work as root on these machines (../shared/E2E-IN-REAL-VSCODE.md).
const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true, timeout: 30_000 });
}
