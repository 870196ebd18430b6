// The display language's bundle (l10n/bundle.l10n.<locale>.json) for the modules that also run
// without VS Code and so translate with @vscode/l10n instead of vscode.l10n (istioctl.ts,
// detect.ts, statusText.ts, liveObjects.ts). extension.ts imports this first, so it runs before
// any of them is evaluated: istioctl.ts labels its steps when it loads.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
