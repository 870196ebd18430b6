// Starts the bundled language server over node IPC and connects it to YAML files on disk and
// untitled YAML (not to the extension's own read-only views, which are tool output).
// `istioOperator.trace.server` is read by vscode-languageclient itself (the client id is `istioOperator`).
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../protocol/settings.ts';

/** `init` is asked at every (re)start, so a restarted server learns the istioctl found meanwhile. */
export function createLanguageClient(context: vscode.ExtensionContext, init: () => InitializationOptions): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: { configurationSection: 'istioOperator' },
    initializationOptions: init,
    outputChannelName: 'Istio Operator Language Server',
  };
  return new LanguageClient('istioOperator', 'Istio Operator Language Server', serverOptions, clientOptions);
}
