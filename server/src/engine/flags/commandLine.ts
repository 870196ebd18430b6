// A pasted istioctl command line → its --set flags. Words are split the way a POSIX shell splits
// them (single and double quotes, `$'…'`, backslash escapes, backslash-newline continuations,
// `#` comments); then the flags are picked out as cobra/pflag reads them: `--set a=b`, `--set=a=b`,
// `-s a=b`, `-s=a=b`, `-sa=b`. Other words are skipped; `-f` files are named so they can be
// mentioned, and --revision / --manifests, which istioctl adds as --set revision= /
// installPackagePath= (applyFlagAliases), too.

export interface CommandLineFlags {
  /** The --set arguments, in order. */
  flags: string[];
  /** Files given with -f/--filename (not read). */
  files: string[];
  /** Other flags istioctl turns into settings, not read: "--revision canary". */
  aliases: string[];
  /** Tokenizing trouble: "an unclosed ' quote". */
  problems: string[];
  /** Set when the text had no --set flag and its bare `path=value` words were taken as flags. */
  bare?: boolean;
}

/** Shell words of `text`. */
export function shellWords(text: string): { words: string[]; problems: string[] } {
  const words: string[] = [];
  const problems: string[] = [];
  let word: string | undefined;
  const add = (s: string) => { word = (word ?? '') + s; };
  const end = () => { if (word !== undefined) words.push(word); word = undefined; };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '\n') i += 2; // a continuation
      else if (next === '\r' && text[i + 2] === '\n') i += 3;
      else if (next === undefined) i++;
      else { add(next); i += 2; }
      continue;
    }
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) { problems.push("an unclosed ' quote: read to the end"); add(text.slice(i + 1)); i = text.length; continue; }
      add(text.slice(i + 1, close));
      i = close + 1;
      continue;
    }
    if (c === '"') {
      i = doubleQuoted(text, i + 1, add, problems);
      continue;
    }
    if (c === '$' && text[i + 1] === "'") {
      i = ansiQuoted(text, i + 2, add, problems);
      continue;
    }
    if (c === '#' && word === undefined) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
      continue;
    }
    if (/\s/.test(c) || c === ';' || c === '|' || c === '&') { end(); i++; continue; }
    // PowerShell's ` and cmd's ^ at a line's end continue it, as \ does.
    if ((c === '`' || c === '^') && /^[ \t]*\r?\n/.test(text.slice(i + 1)) && word === undefined) { i = text.indexOf('\n', i) + 1; continue; }
    add(c);
    i++;
  }
  end();
  return { words, problems };
}

const DOUBLE_ESCAPES = new Set(['$', '`', '"', '\\']);

function doubleQuoted(text: string, from: number, add: (s: string) => void, problems: string[]): number {
  let i = from;
  let out = '';
  while (i < text.length && text[i] !== '"') {
    if (text[i] === '\\' && text[i + 1] === '\n') { i += 2; continue; }
    if (text[i] === '\\' && DOUBLE_ESCAPES.has(text[i + 1])) { out += text[i + 1]; i += 2; continue; }
    out += text[i++];
  }
  if (i >= text.length) problems.push('an unclosed " quote: read to the end');
  add(out);
  return i + 1;
}

const ANSI: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v' };

function ansiQuoted(text: string, from: number, add: (s: string) => void, problems: string[]): number {
  let i = from;
  let out = '';
  while (i < text.length && text[i] !== "'") {
    if (text[i] === '\\' && i + 1 < text.length) {
      const e = text[i + 1];
      out += ANSI[e] ?? `\\${e}`;
      i += 2;
      continue;
    }
    out += text[i++];
  }
  if (i >= text.length) problems.push("an unclosed $' quote: read to the end");
  add(out);
  return i + 1;
}

/** Flags that take the next word as their value: `--set` / `-s`, `--filename` / `-f`, and the setting aliases. */
const VALUE_FLAGS: Record<string, 'set' | 'file' | 'alias'> = {
  '--set': 'set', '-s': 'set', '--filename': 'file', '-f': 'file',
  '--revision': 'alias', '-r': 'alias', '--manifests': 'alias', '-d': 'alias', '--charts': 'alias',
};

/** The --set flags of a command line (and what else it names that istioctl would read). */
export function commandLineFlags(text: string): CommandLineFlags {
  const { words, problems } = shellWords(text);
  const out: CommandLineFlags = { flags: [], files: [], aliases: [], problems };
  const take = (kind: 'set' | 'file' | 'alias', name: string, value: string) => {
    if (kind === 'set') out.flags.push(value);
    else if (kind === 'file') out.files.push(value);
    else out.aliases.push(`${name} ${value}`);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const eq = w.indexOf('=');
    const long = w.startsWith('--') && eq > 0 ? VALUE_FLAGS[w.slice(0, eq)] : undefined;
    if (long) { take(long, w.slice(0, eq), w.slice(eq + 1)); continue; }
    const kind = VALUE_FLAGS[w];
    if (kind) {
      if (i + 1 < words.length) take(kind, w, words[++i]);
      else problems.push(`\`${w}\` at the end has no value`);
      continue;
    }
    // Shorthand with its value attached: -sa=b, -s=a=b (pflag drops the `=`).
    const short = /^-([sfrd])(=?)(.+)$/.exec(w);
    if (short && !w.startsWith('--')) take(VALUE_FLAGS[`-${short[1]}`], `-${short[1]}`, short[3]);
  }
  if (!out.flags.length) {
    // A list of bare `path=value` lines (no --set at all): taken as the flags.
    const bare = words.filter((w) => /^[^-=\s][^=]*=/.test(w) && !/^[A-Z_][A-Z0-9_]*=/.test(w)); // not VAR=x environment words
    if (bare.length) { out.flags = bare; out.bare = true; }
  }
  return out;
}

/** A flag argument as a shell word: quoted when the shell would change it (globs, spaces, `\`, quotes). */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_.,/:=@%+-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}
