// A small logging interface: the server logs through the LSP connection (the client's output),
// and falls back to stderr before a connection exists. Never stdout: with --stdio it is the protocol.
import type { Connection } from 'vscode-languageserver/node';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const stderrLogger: Logger = {
  info: (m) => process.stderr.write(`[info] ${m}\n`),
  warn: (m) => process.stderr.write(`[warn] ${m}\n`),
  error: (m) => process.stderr.write(`[error] ${m}\n`),
};

export function connectionLogger(connection: Connection): Logger {
  return {
    info: (m) => connection.console.info(m),
    warn: (m) => connection.console.warn(m),
    error: (m) => connection.console.error(m),
  };
}

/** An error as one readable string, with its stack when there is one. */
export function describeError(e: unknown): string {
  return e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
}
