// Reads a git repository (a clone or a bare mirror) at any tag without a checkout: `git ls-tree`
// lists a tag's files once, `git cat-file --batch` reads many in one process (thousands of
// `git show`s would be slow). Arguments go to git as an array, never through a shell.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export class GitRepo {
  private readonly trees = new Map<string, string[]>();
  private readonly treeSets = new Map<string, Set<string>>();
  /** `tag:path` → the file's bytes, or null when git said it is missing. */
  private readonly blobs = new Map<string, Buffer | null>();

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

  private tagCache?: string[];

  /** Every tag name. */
  tags(): string[] {
    return this.git('tag', '--list').split('\n').filter(Boolean);
  }

  /** Every tag name, listed once per run. */
  tagList(): string[] {
    this.tagCache ??= this.tags();
    return this.tagCache;
  }

  /** The commit a tag or revision names. */
  commit(rev: string): string {
    const sha = this.commits([rev]).get(rev);
    if (!sha) throw new Error(`${this.name}: no revision ${rev}`);
    return sha;
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
    let set = this.treeSets.get(tag);
    if (!set) { set = new Set(this.files(tag)); this.treeSets.set(tag, set); }
    return set.has(file);
  }

  /** Files directly or indirectly under a folder at a tag. */
  under(tag: string, dir: string): string[] {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    return this.files(tag).filter((f) => f.startsWith(prefix));
  }

  /** Reads the given files of a tag into the cache in one git process. */
  prefetch(tag: string, paths: string[]): void {
    this.prefetchAcross(paths.map((p) => [tag, p]));
  }

  /** Reads `[tag, path]` pairs (any tags) into the cache in one git process; a missing one is remembered as missing. */
  prefetchAcross(pairs: Array<[string, string]>): void {
    const todo = [...new Set(pairs.map(([t, p]) => `${t}:${p}`))].filter((k) => !this.blobs.has(k));
    if (!todo.length) return;
    const out = execFileSync('git', ['-C', this.dir, 'cat-file', '--batch'], { input: `${todo.join('\n')}\n`, maxBuffer: 1024 * 1024 * 1024 });
    let at = 0;
    for (const key of todo) {
      const nl = out.indexOf(10, at);
      const header = out.subarray(at, nl).toString('utf8');
      if (header.endsWith(' missing')) { this.blobs.set(key, null); at = nl + 1; continue; }
      if (!/ blob \d+$/.test(header)) throw new Error(`${this.name}: ${key} is not a file (${header})`);
      const size = Number(header.split(' ')[2]);
      this.blobs.set(key, out.subarray(nl + 1, nl + 1 + size));
      at = nl + 1 + size + 1;
    }
  }

  /** The commits revisions name, in one git process; undefined for a revision the repository lacks. */
  commits(revs: string[]): Map<string, string | undefined> {
    const list = [...new Set(revs)];
    const out = new Map<string, string | undefined>();
    if (!list.length) return out;
    const lines = execFileSync('git', ['-C', this.dir, 'cat-file', '--batch-check'], { input: `${list.map((r) => `${r}^{commit}`).join('\n')}\n`, encoding: 'utf8' }).split('\n');
    list.forEach((rev, i) => out.set(rev, /^([0-9a-f]{40}) commit /.exec(lines[i])?.[1]));
    return out;
  }

  bytes(tag: string, file: string): Buffer {
    const key = `${tag}:${file}`;
    if (!this.blobs.has(key)) this.prefetch(tag, [file]);
    const bytes = this.blobs.get(key);
    if (!bytes) throw new Error(`${this.name}: no file ${file} at ${tag}`);
    return bytes;
  }

  read(tag: string, file: string): string {
    return this.bytes(tag, file).toString('utf8');
  }

  /** The file's text, or undefined when the tag has no such file. */
  readIfExists(tag: string, file: string): string | undefined {
    return this.has(tag, file) ? this.read(tag, file) : undefined;
  }
}
