// Private temporary files: a folder only this user can read (0700) holding files only this user
// can read (0600), removed when the work is done — also when it failed or was cancelled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PrivateTempDir {
  readonly dir: string;
  /** Writes a new file (never overwrites one) with mode 0600 and returns its absolute path. */
  write(name: string, content: string): string;
}

const PREFIX = 'istio-operator-';

export async function withPrivateTempDir<T>(work: (tmp: PrivateTempDir) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), PREFIX));
  // mkdtemp creates the folder 0700, files below are created 0600: a umask can only narrow both.
  const tmp: PrivateTempDir = {
    dir,
    write(name, content) {
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) throw new Error(`not a plain temp file name: ${name}`);
      const file = path.join(dir, name);
      fs.writeFileSync(file, content, { mode: 0o600, flag: 'wx' });
      return file;
    },
  };
  try {
    return await work(tmp);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
