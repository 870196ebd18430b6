// Which files iop-lint reads: each PATH that is a file, and the *.yaml / *.yml files under each
// PATH that is a directory (recursively, sorted, skipping node_modules, .git and symlinked
// directories). Files from a directory are only reported when they hold an IstioOperator; a
// file named on the command line is always checked.
import fs from 'node:fs';
import path from 'node:path';

export interface Target {
  absolute: string;
  /** As people read it: relative to the working directory when inside it. */
  display: string;
  /** Named on the command line (always reported) rather than found in a directory. */
  explicit: boolean;
}

export interface ReadProblem {
  display: string;
  message: string;
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const YAML_FILE = /\.ya?ml$/i;

export function collectTargets(paths: string[], cwd: string): { targets: Target[]; problems: ReadProblem[] } {
  const targets: Target[] = [];
  const problems: ReadProblem[] = [];
  const seen = new Set<string>();
  const add = (absolute: string, explicit: boolean) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    targets.push({ absolute, display: displayPath(absolute, cwd), explicit });
  };
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (e) {
      problems.push({ display: given, message: readError(e) });
      continue;
    }
    if (stat.isDirectory()) walk(absolute, (file) => add(file, false), (dir, e) => problems.push({ display: displayPath(dir, cwd), message: readError(e) }));
    else add(absolute, true);
  }
  return { targets, problems };
}

function walk(dir: string, onFile: (file: string) => void, onError: (dir: string, e: unknown) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    onError(dir, e);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full, onFile, onError);
    } else if (YAML_FILE.test(entry.name) && (entry.isFile() || isFileLink(full))) {
      onFile(full);
    }
  }
}

function isFileLink(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

export function displayPath(absolute: string, cwd: string): string {
  const rel = path.relative(cwd, absolute);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
}

/** "no such file or directory" rather than "ENOENT: no such file or directory, stat '…'". */
export function readError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ELOOP': return 'too many levels of symbolic links';
    default: return err.message ?? String(e);
  }
}
