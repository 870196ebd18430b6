// iop-language-server: the Istio Operator language server. Talks LSP over stdio (`--stdio`), node
// IPC (`--node-ipc`, as the VS Code extension starts it), a socket or a pipe.
import { Console } from 'node:console';
import { createConnection, ProposedFeatures, type Connection, type MessageReader } from 'vscode-languageserver/node';
import { serve, SERVER_NAME } from './connection.ts';
import { FrameWriter } from './frameWriter.ts';
import { connectionLogger, describeError, stderrLogger, type Logger } from './logger.ts';

const USAGE = `Usage: ${SERVER_NAME} --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The Istio Operator language server: validation, completion, hover, outline and folding for
IstioOperator YAML, for every bundled Istio release from 1.5 on. Start it from an editor's LSP client, e.g.
  ${SERVER_NAME} --stdio
`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || /^--(socket|pipe)(=|$)/.test(a))) {
  process.stderr.write(`${SERVER_NAME}: choose how to talk to the editor.\n\n${USAGE}`);
  process.exit(2);
}

let log: Logger = stderrLogger;
// An error nobody caught is logged where the client shows it (stderr if that fails too); the
// server keeps serving.
const report = (what: string, e: unknown) => {
  const message = `${what}: ${describeError(e)}`;
  try { log.error(message); } catch { stderrLogger.error(message); }
};
process.on('uncaughtException', (e) => report('Uncaught exception', e));
process.on('unhandledRejection', (e) => report('Unhandled promise rejection', e));
process.on('exit', (code) => {
  if (code !== 0) process.stderr.write(`${SERVER_NAME}: exiting with code ${code}\n`);
});

/**
 * Over stdio, messages go out through FrameWriter (one write per message). stdin is passed as a
 * stream, not a reader, because vscode-languageserver then ends the process when the editor closes
 * it (the typings only name stream+stream and reader+writer; the library takes either on each side).
 * stdout carries the protocol, so console output goes to stderr.
 */
function connect(): Connection {
  if (!args.includes('--stdio')) return createConnection(ProposedFeatures.all);
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
  return createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, new FrameWriter(process.stdout));
}

try {
  const connection = connect();
  log = connectionLogger(connection);
  serve(connection);
} catch (e) {
  process.stderr.write(`${SERVER_NAME}: could not start: ${describeError(e)}\n`);
  process.exit(1);
}
