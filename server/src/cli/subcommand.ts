// What every `iop-lint SUBCOMMAND` says when it cannot run: a usage error (with the way to its
// --help) or a read or parse error, both on stderr with exit status 2.
export interface Io { cwd: string; out: (s: string) => void; err: (s: string) => void }

export function subcommandErrors(name: string): { usage: (io: Io, message: string) => number; fail: (io: Io, message: string) => number } {
  return {
    usage: (io, message) => {
      io.err(`iop-lint ${name}: ${message}\nRun \`iop-lint ${name} --help\` for usage.\n`);
      return 2;
    },
    fail: (io, message) => {
      io.err(`iop-lint ${name}: ${message}\n`);
      return 2;
    },
  };
}
