// An IstioOperator document (or one subtree of it) as istioctl --set flags: one `path=value` per
// leaf, in document order, each checked by reading it back as that release's istioctl reads it
// (valueTyping.ts, flagTree.ts). A value no flag can reproduce (an empty map or list, null, a
// string istioctl would read as a number, a key with `[` or `=`, …) is reported with the reason,
// never written as a flag that means something else. The flags together are checked once more by
// rebuilding the tree from them.
import type { Document } from 'yaml';
import type { Step } from '../parse/yamlNodes.ts';
import { DataLimitError, documentData } from './documentData.ts';
import { applySetFlags } from './flagTree.ts';
import { at, clone, cutAt, differences, get, isObject, sameData, setAt, type Json } from './jsonTree.ts';
import { expectedElements, formatSetPath } from './setPath.ts';
import { describeValue, readFlag, setFlagEra, stringifiedByIstioctl, valueAsYamlMap, type SetFlagEra } from './valueTyping.ts';

export interface SetFlag {
  /** The path below spec, as written in the flag (`components.ingressGateways[0].name`). */
  path: string;
  /** The value's text. */
  value: string;
  /** `path=value`: the flag's argument. */
  arg: string;
  /** Document steps from the root (`['spec', 'components', …]`). */
  at: Step[];
}

export interface FlagProblem { at: Step[]; path: string; reason: string }

export interface ToFlagsResult {
  flags: SetFlag[];
  /** What no flag can write (the CLI exits 3 when there are any). */
  problems: FlagProblem[];
  /** What the user should know about flags that were written. */
  notes: string[];
  /** "1.24+": the istioctl releases whose reading was used. */
  releases: string;
}

const METADATA = 'not settable by --set: istioctl writes every --set path under spec (manifest-common.go@1.5.10:94 AddSpecRoot, shared.go@1.20.8:510 "spec."+p, map.go@1.24.6:181-188 SetSpecPaths), and it reads the IstioOperator\'s name and namespace from here (install.go@1.20.8:281-290 savedIOPName, install.go@1.24.6:166)';

/** The flags of a parsed document; `opts.at` limits them to one subtree (document steps from the root). */
export function documentToFlags(doc: Document, version: string, opts: { at?: Step[]; maxAliasExpansions?: number; maxDepth?: number } = {}): ToFlagsResult {
  let data: Json;
  try {
    data = documentData(doc, doc.contents, { aliases: opts.maxAliasExpansions ?? 1000, depth: opts.maxDepth ?? 200 });
  } catch (e) {
    if (!(e instanceof DataLimitError)) throw e;
    return { flags: [], problems: [{ at: [], path: '', reason: `the document cannot be read as data: ${e.message}` }], notes: [], releases: setFlagEra(version).releases };
  }
  return dataToFlags(data, version, opts);
}

export function dataToFlags(root: Json, version: string, opts: { at?: Step[] } = {}): ToFlagsResult {
  const era = setFlagEra(version);
  const result: ToFlagsResult = { flags: [], problems: [], notes: [], releases: era.releases };
  const start = opts.at ?? [];
  const top = at(root, start);
  if (top === undefined) {
    result.problems.push({ at: start, path: displayPath(start), reason: 'nothing is set at this path' });
    return result;
  }
  const walker = new Walker(era, result);
  if (!start.length) {
    if (!isObject(root)) {
      result.problems.push({ at: [], path: '', reason: 'the document is not a map' });
      return result;
    }
    for (const [k, v] of Object.entries(root)) {
      if (k === 'apiVersion' || k === 'kind') continue;
      if (k === 'spec') {
        if (isObject(v)) walker.walk(v, ['spec']);
        else if (v !== null) result.problems.push({ at: ['spec'], path: 'spec', reason: 'spec is not a map: --set paths are keys below it' });
        continue;
      }
      walker.outside(v, [k], k === 'metadata' ? METADATA : 'outside spec: not settable by --set, whose paths are all under spec');
    }
  } else if (start[0] !== 'spec') walker.outside(top, start, start[0] === 'metadata' ? METADATA : 'outside spec: not settable by --set');
  else walker.walk(top, start);
  if (start.some((s) => typeof s === 'number') && era.overFiles === 'written-into') {
    result.notes.push('These flags name list entries by position: they set those entries of the list an -f file gives; with no such file, istioctl puts each new entry at the end of the list.');
  }
  recheck(era, root, start, result);
  return result;
}

class Walker {
  constructor(private readonly era: SetFlagEra, private readonly out: ToFlagsResult) {}

  private problem(steps: Step[], reason: string): void {
    this.out.problems.push({ at: steps, path: displayPath(steps), reason });
  }

  /** Everything under `steps` is out of reach: one problem per leaf. */
  outside(value: Json, steps: Step[], reason: string): void {
    if (isObject(value) && Object.keys(value).length) for (const [k, v] of Object.entries(value)) this.outside(v, [...steps, k], reason);
    else if (Array.isArray(value) && value.length) value.forEach((v, i) => this.outside(v, [...steps, i], reason));
    else this.problem(steps, reason);
  }

  /** Writes the flags of `value`; returns how many. */
  walk(value: Json, steps: Step[]): number {
    if (isObject(value)) {
      const keys = Object.keys(value);
      if (!keys.length) { this.problem(steps, 'an empty map: a --set flag sets one value, and no value makes an empty map'); return 0; }
      return keys.reduce((n, k) => n + this.walk(value[k], [...steps, k]), 0);
    }
    if (Array.isArray(value)) {
      if (!value.length) { this.problem(steps, 'an empty list: a --set flag sets one value, and no value makes an empty list'); return 0; }
      // istioctl places a new entry at the end whatever its index, so an entry no flag writes shifts the ones after it.
      let placed = 0;
      let count = 0;
      value.forEach((entry, i) => {
        if (i !== placed) { this.outside(entry, [...steps, i], `an entry before it cannot be written, so istioctl would put this one at [${placed}]`); return; }
        const n = this.walk(entry, [...steps, i]);
        if (n > 0) placed++;
        count += n;
      });
      return count;
    }
    const flag = this.leaf(value, steps);
    if (!flag) return 0;
    this.out.flags.push(flag);
    return 1;
  }

  private leaf(value: Json, steps: Step[]): SetFlag | undefined {
    const fail = (reason: string) => { this.problem(steps, reason); return undefined; };
    const below = steps.slice(1);
    const path = formatSetPath(below);
    if (value === null) return fail('null: --set cannot write null (istioctl reads `null` as the string "null")');
    const keyProblem = this.keyProblem(below);
    if (keyProblem) return fail(keyProblem);
    if (typeof value === 'string' && /[\r\n]/.test(value)) return fail('a multi-line string: a flag on one command line cannot hold its line breaks');
    const expected = ['spec', ...expectedElements(below)];
    let last = '';
    for (const text of candidates(value)) {
      if (text.includes('=')) return fail(`holds \`=\`: istioctl splits a flag at every \`=\`, so ${this.era.extraEquals === 'rejected' ? `istioctl ${this.era.releases} rejects the flag` : 'the whole flag would become the path'}`);
      const arg = `${path}=${text}`;
      const r = readFlag(this.era, arg);
      if ('message' in r) return fail(r.message);
      if (!sameElements(r.elements, expected)) return fail(`istioctl reads the path \`${path}\` as ${r.elements.slice(1).map((e) => `\`${e}\``).join(' › ') || 'nothing'}`);
      if (valueAsYamlMap(this.era, r.value)) return fail(`istioctl ${this.era.releases} reads ${JSON.stringify(text)} as YAML (a map) and puts it in place of the key`);
      const got = this.stringified(steps, r.value);
      if (got.dropped) return fail(got.dropped);
      if (sameData(got.value, value)) return { path, value: text, arg, at: steps };
      last = `istioctl ${this.era.releases} reads \`${text}\` as ${describeValue(got.value)}${describeTypedReason(this.era, r.path, value)}`;
    }
    return fail(last);
  }

  /** Keys no path can name, with a reason people can act on. */
  private keyProblem(below: Step[]): string | undefined {
    for (const s of below) {
      if (typeof s === 'number') {
        if (s > this.era.index.max) return `list index ${s} is over the largest istioctl ${this.era.releases} reads (${this.era.index.max})`;
        continue;
      }
      if (s === '') return 'an empty key: a --set path has no way to name it';
      if (s.includes('=')) return `the key \`${s}\` holds \`=\`, where istioctl splits the flag`;
      if (s.includes('[')) return `the key \`${s}\` holds \`[\`, which starts a list selector in a --set path`;
    }
    return undefined;
  }

  /** 1.18–1.23 turn a proxyMetadata map's values into strings after the merge (shared.go@1.20.8:528-591). */
  private stringified(steps: Step[], value: Json): { value: Json; dropped?: string } {
    const map = this.era.stringifyMap;
    if (!map || steps.length <= map.at.length || !map.at.every((s, i) => steps[i] === s)) return { value };
    if (steps.length > map.at.length + 1) return { value, dropped: `istioctl ${this.era.releases} drops what is not a plain value under ${formatSetPath(map.at.slice(1))} when a flag sets it` };
    return { value: stringifiedByIstioctl(value) ?? value };
  }
}

/** The texts that may write a value: as it is, and (for a string holding `\,`) with the backslash doubled. */
function candidates(value: Json): string[] {
  if (typeof value === 'boolean') return [String(value)];
  if (typeof value === 'number') return [Number.isNaN(value) ? 'NaN' : String(value)];
  const s = String(value);
  return s.includes('\\,') ? [s, s.replaceAll('\\,', '\\\\,')] : [s];
}

function describeTypedReason(era: SetFlagEra, path: string, fileValue: Json): string {
  const kept = era.alwaysString.some((p) => `spec.${path}`.startsWith(p));
  if (kept) return `, which it keeps as a string here (map.go@1.24.6:417-434 alwaysString), but the file has ${describeValue(fileValue)}`;
  return `, but the file has ${describeValue(fileValue)}`;
}

/** Paths below spec as in flags; metadata and other keys from the root. */
const displayPath = (steps: Step[]) => formatSetPath(steps[0] === 'spec' ? steps.slice(1) : steps);

const sameElements = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The flags, applied over the rest of the document as istioctl would apply them with the file
 * given by -f, must rebuild the subtree minus what was reported. Anything else is reported too.
 */
function recheck(era: SetFlagEra, root: Json, start: Step[], result: ToFlagsResult): void {
  if (!result.flags.length || start[0] === 'metadata') return;
  const base = start.length > 1 ? cutAt(root, start) : isObject(root) ? { ...root, spec: {} } : {};
  let expected: Json = clone(base ?? {});
  for (const f of result.flags) expected = setAt(expected, f.at, at(root, f.at)!);
  const rebuilt = applySetFlags(era, base, result.flags.map((f) => f.arg));
  const got = rebuilt.root;
  const wrong = differences(get(got, 'spec'), isObject(expected) ? get(expected, 'spec') : undefined, ['spec']);
  if (!wrong.length && !rebuilt.errors.length) return;
  const bad = (f: SetFlag) => wrong.some((w) => w.every((s, i) => f.at[i] === s) || f.at.every((s, i) => w[i] === s));
  const why = era.overFiles === 'merge-patch' && start.some((s) => typeof s === 'number')
    ? `istioctl ${era.releases} builds a tree of the flags alone and puts its lists in place of the file's, so flags cannot set one entry of a list`
    : `the flags together do not rebuild this value as istioctl ${era.releases} reads them`;
  for (const f of result.flags.filter(bad)) result.problems.push({ at: f.at, path: f.path, reason: why });
  for (const e of rebuilt.errors) result.problems.push({ at: [], path: e.flag, reason: e.message });
  result.flags = result.flags.filter((f) => !bad(f));
}
