// Reads a git repository (a clone or a bare mirror) at any tag without a checkout: `git ls-tree`
// lists a tag's files once, `git cat-file --batch` reads many in one process (thousands of
// `git show`s would be slow). Arguments go to git as an array, never through a shell.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export class GitRepo {
  private readonly trees = new Map<string, string[]>();
  private readonly blobs = new Map<string, Buffer>();

  constructor(readonly dir: string, readonly name: string) {
    if (!fs.existsSync(dir)) throw new Error(`${name}: no such folder ${dir}`);
    try {
      this.git('rev-parse', '--git-dir');
    } catch {
      throw new Error(`${name}: ${dir} is not a git repository (give a clone or a bare mirror of ${name})`);
    }
  }

  git(...args: string[]): string {
    return execFileSync('git', ['-C', this.dir, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Every tag name. */
  tags(): string[] {
    return this.git('tag', '--list').split('\n').filter(Boolean);
  }

  /** The commit a tag or revision names. */
  commit(rev: string): string {
    return this.git('rev-parse', `${rev}^{commit}`).trim();
  }

  /** Every file path at a tag (cached per tag). */
  files(tag: string): string[] {
    let list = this.trees.get(tag);
    if (!list) {
      list = this.git('ls-tree', '-r', '--name-only', tag).split('\n').filter(Boolean);
      this.trees.set(tag, list);
    }
    return list;
  }

  has(tag: string, file: string): boolean {
    return this.files(tag).includes(file);
  }

  /** Files directly or indirectly under a folder at a tag. */
  under(tag: string, dir: string): string[] {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    return this.files(tag).filter((f) => f.startsWith(prefix));
  }

  /** Reads the given files of a tag into the cache in one git process. */
  prefetch(tag: string, paths: string[]): void {
    const todo = [...new Set(paths)].filter((p) => !this.blobs.has(`${tag}:${p}`));
    if (!todo.length) return;
    const out = execFileSync('git', ['-C', this.dir, 'cat-file', '--batch'], {
      input: `${todo.map((p) => `${tag}:${p}`).join('\n')}\n`, maxBuffer: 1024 * 1024 * 1024,
    });
    let at = 0;
    for (const p of todo) {
      const nl = out.indexOf(10, at);
      const header = out.subarray(at, nl).toString('utf8');
      if (!/ blob \d+$/.test(header)) throw new Error(`${this.name}: no file ${p} at ${tag} (${header})`);
      const size = Number(header.split(' ')[2]);
      this.blobs.set(`${tag}:${p}`, out.subarray(nl + 1, nl + 1 + size));
      at = nl + 1 + size + 1;
    }
  }

  bytes(tag: string, file: string): Buffer {
    const key = `${tag}:${file}`;
    if (!this.blobs.has(key)) this.prefetch(tag, [file]);
    return this.blobs.get(key)!;
  }

  read(tag: string, file: string): string {
    return this.bytes(tag, file).toString('utf8');
  }

  /** The file's text, or undefined when the tag has no such file. */
  readIfExists(tag: string, file: string): string | undefined {
    return this.has(tag, file) ? this.read(tag, file) : undefined;
  }
}
