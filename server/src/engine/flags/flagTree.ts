// Writes --set flags into an IstioOperator tree the way each era's istioctl does: 1.5–1.23 with
// tpath (operator/pkg/tpath/tree.go@1.20.8:146-422; tpath.go@1.5.10:77-380), 1.24+ with
// values.Map.SetPath (operator/pkg/values/map.go@1.24.6:308-369). Where istioctl would fail,
// crash, or do something no file could say, the flag is reported instead of written.
import { goSprintFloat } from './goStrconv.ts';
import { indexOf, isBracketed, selectorOf, splitEscaped } from './setPath.ts';
import { clone, get, has, isObject, put, type Json, type JsonObject } from './jsonTree.ts';
import { readFlag, stringifiedByIstioctl, valueAsYamlMap, type ReadFlag, type SetFlagEra } from './valueTyping.ts';

export interface FlagError { flag: string; message: string }

/**
 * The IstioOperator tree (`{spec: …}`) istioctl makes of the -f file's data `file` (undefined:
 * none) and `flags`, in order. Flags istioctl would reject are listed in `errors` and skipped.
 */
export function applySetFlags(era: SetFlagEra, file: Json | undefined, flags: readonly string[]): { root: JsonObject; errors: FlagError[] } {
  const fileRoot: JsonObject = isObject(file) ? clone(file) : {};
  // MergeInputs@1.24.6 deletes a null spec so the base's `spec: {}` stays (render/manifest.go@1.24.6:284-287).
  if (era.writer === 'values-map' && (get(fileRoot, 'spec') ?? null) === null) put(fileRoot, 'spec', {});
  const target: JsonObject = era.overFiles === 'merge-patch' ? {} : fileRoot;
  const errors: FlagError[] = [];
  const read: ReadFlag[] = [];
  for (const flag of flags) {
    const r = readFlag(era, flag);
    if ('message' in r) { errors.push({ flag, message: r.message }); continue; }
    if (r.elements[0] === 'spec' && r.elements[1] === 'spec') {
      errors.push({ flag, message: `istioctl ${era.releases} reads it as spec.spec.…: a --set path starts below spec (write \`${r.path.replace(/^spec\./, '')}\`)` });
      continue;
    }
    const asMap = valueAsYamlMap(era, r.value);
    if (asMap) {
      errors.push({ flag, message: `istioctl ${era.releases} reads the value as YAML (a map with key \`${Object.keys(asMap)[0]}\`) and puts it in place of the key; write it in a file instead` });
      continue;
    }
    if (r.path.includes('=')) {
      errors.push({ flag, message: `istioctl ${era.releases} takes the whole flag as the path (a key \`${r.elements[r.elements.length - 1]}\` set to ""): a --set flag holds exactly one \`=\`` });
      continue;
    }
    // istioctl stops at a flag it cannot write; here the flag is skipped, so what it began to build is undone.
    const w = new Writes();
    const problem = era.writer === 'tpath' ? tpathWrite(era, w, target, r.elements, r.value) : mapWrite(w, target, r.elements, r.value);
    if (problem) { w.undo(); errors.push({ flag, message: problem }); } else read.push(r);
  }
  if (era.stringifyMap && read.some((r) => r.path.includes(era.stringifyMap!.trigger))) {
    const problem = stringifyValues(target, era.stringifyMap.at);
    if (problem) errors.push({ flag: era.stringifyMap.trigger, message: problem });
  }
  const root = era.overFiles === 'merge-patch' ? mergePatch(fileRoot, target) as JsonObject : target;
  return { root, errors };
}

/** The changes one flag makes, kept so they can be undone when the flag turns out to be one istioctl cannot write. */
class Writes {
  private readonly log: Array<() => void> = [];
  set(o: JsonObject, k: string, v: Json): void {
    const had = has(o, k);
    const old = o[k];
    this.log.push(() => { if (had) put(o, k, old); else delete o[k]; });
    put(o, k, v);
  }
  push(list: Json[], v: Json): void {
    const n = list.length;
    this.log.push(() => { list.length = n; });
    list.push(v);
  }
  setIndex(list: Json[], i: number, v: Json): void {
    const old = list[i];
    this.log.push(() => { list[i] = old; });
    list[i] = v;
  }
  undo(): void {
    for (let i = this.log.length - 1; i >= 0; i--) this.log[i]();
  }
}

/** RFC 7386, as 1.5 merges the --set tree over the files (profile-common.go@1.5.10:136-215): maps merge, the rest replaces. */
export function mergePatch(base: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return clone(patch);
  const out: JsonObject = {};
  if (isObject(base)) for (const [k, v] of Object.entries(base)) put(out, k, v);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else put(out, k, mergePatch(get(out, k), v));
  }
  return out;
}

/** fmt.Sprint of a tree value: file numbers are float64 after the JSON round trip. */
function sprint(v: Json | undefined): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'number') return goSprintFloat(v);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function noList(el: string, at: string, missing: boolean): string {
  return missing
    ? `\`${el}\` selects an entry of the list \`${at}\`, and there is none: istioctl selects among the entries the -f file gives`
    : `\`${el}\` selects a list entry, but \`${at}\` is not a list (a list inside a list cannot be set)`;
}

/** Go's regexp.MatchString (RE2 never backtracks; JavaScript's can, so long inputs are not tried). */
function matchesRegex(pattern: string, v: Json): boolean {
  const text = sprint(v);
  if (pattern.length > 200 || text.length > 2000) return pattern === text;
  try { return new RegExp(pattern).test(text); } catch { return false; } // a bad regex matches nothing
}

const tpathIndex = (era: SetFlagEra, el: string) => {
  const n = indexOf(el);
  return n !== undefined && n >= era.index.min && n <= era.index.max ? n : undefined;
};

/** IsKVPathElement/PathKV (util/path.go@1.20.8:107-118): `[key:value]`, the key a plain name. */
function tpathKV(el: string): { key: string; value: string } | undefined {
  if (!isBracketed(el)) return undefined;
  const kv = splitEscaped(el.slice(1, -1), ':');
  if (kv.length !== 2 || !kv[0] || !kv[1] || !/^[a-zA-Z0-9_-]*$/.test(kv[0])) return undefined;
  return { key: kv[0], value: kv[1] };
}

/** PathV: `[:v]` → v, `[v]` → v. */
function tpathV(el: string): string | undefined {
  if (!isBracketed(el)) return undefined;
  const inner = el.slice(1, -1);
  if (inner.length > 1 && inner[0] === ':') return inner.slice(1);
  return inner || undefined;
}

/** getPathContext + WritePathContext with createMissing (tree.go@1.20.8:146-422). */
function tpathWrite(era: SetFlagEra, w: Writes, root: JsonObject, elements: string[], value: Json): string | undefined {
  if (!elements.length) return 'the path is empty';
  let node: Json = root;
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i];
    const last = i === elements.length - 1;
    const at = elements.slice(0, i + 1).join('.');
    if (Array.isArray(node)) {
      const n = tpathIndex(era, el);
      if (n !== undefined) {
        if (n < 0 && era.index.negative === 'crashes') return `istioctl ${era.releases} crashes on \`${el}\` (index out of range); -1 appends from 1.7`;
        if (n < 0 || n >= node.length) {
          // Past the end: a new entry at the end (setValueContext grows the list by one).
          const entry: Json = last ? value : {};
          w.push(node, entry);
          node = entry;
        } else if (last) w.setIndex(node, n, value);
        else node = node[n];
        if (!last && !isObject(node) && !Array.isArray(node)) return `\`${at}\` holds ${sprint(node)}, not a map`;
        continue;
      }
      let found = -1;
      for (let j = 0; j < node.length && found < 0; j++) {
        const entry = node[j];
        if (isObject(entry)) {
          const kv = tpathKV(el);
          if (!kv) return `\`${el}\` is not a valid key:value path element`;
          if (sprint(get(entry, kv.key)) === kv.value) found = j;
        } else {
          const v = tpathV(el);
          if (v === undefined) return `\`${el}\` is not a valid value path element`;
          if (matchesRegex(v, entry)) found = j;
        }
      }
      if (found < 0) return `element \`${el}\` not found in \`${elements.slice(0, i).join('.')}\``;
      if (last) { w.setIndex(node, found, value); continue; } // the whole matched entry is replaced
      node = node[found];
      continue;
    }
    if (!isObject(node)) return `\`${elements.slice(0, i).join('.')}\` holds ${sprint(node)}, not a map`;
    if (isBracketed(el)) return noList(el, elements.slice(0, i).join('.'), !Object.keys(node).length);
    if (last) {
      const existing = get(node, el);
      // A scalar set on a list appends to it (setValueContext, tree.go@1.20.8:372-395).
      if (Array.isArray(existing) && !isObject(value) && !Array.isArray(value)) w.push(existing, value);
      else w.set(node, el, value);
      continue;
    }
    const next = elements[i + 1];
    const listNext = tpathIndex(era, next) !== undefined;
    if (!has(node, el)) w.set(node, el, listNext ? [] : {});
    else if (node[el] === null) w.set(node, el, listNext || tpathKV(next) ? [] : {}); // tree.go@1.20.8:153-162
    node = node[el];
  }
  return undefined;
}

/** values.Map: a missing or null key becomes a map; a non-map on the way crashes istioctl. */
function castMap(v: Json | undefined): JsonObject | undefined | 'null' {
  if (isObject(v)) return v;
  return v === null || v === undefined ? 'null' : undefined;
}

/** setPathRecurse (map.go@1.24.6:308-369). */
function mapWrite(w: Writes, root: JsonObject, elements: string[], value: Json): string | undefined {
  const crash = (what: string) => `istioctl 1.24+ crashes (panic): ${what}`;
  const rec = (base: JsonObject, paths: string[], at: string): string | undefined => {
    const seg = paths[0];
    const here = at ? `${at}.${seg}` : seg;
    if (isBracketed(seg)) return `\`${seg}\` selects a list entry, but \`${at}\` is not a list here (a list inside a list cannot be set; istioctl 1.24+ would write a key named \`${seg}\`)`;
    if (paths.length >= 2 && paths[1].startsWith('[')) {
      const last = paths.length === 2;
      if (!has(base, seg)) w.set(base, seg, []);
      const list = base[seg];
      if (!Array.isArray(list)) return crash(`\`${here}\` is not a list`);
      const kv = selectorOf(paths[1]);
      let index: number;
      if (kv) {
        index = -1;
        for (let j = 0; j < list.length && index < 0; j++) {
          const m = castMap(list[j]);
          if (m === undefined) return crash(`entry ${j} of \`${here}\` is not a map`);
          if (m !== 'null' && get(m, kv.key) === kv.value) index = j; // Go ==: only a string equals the selector's value
        }
        if (index < 0) return list.length ? `element \`${paths[1]}\` not found in \`${here}\`` : noList(paths[1], here, true);
      } else {
        const n = indexOf(paths[1]);
        if (n === undefined) return `unknown segment \`${paths[1]}\``;
        index = n;
      }
      if (index < 0 || index >= list.length) {
        if (last) { w.push(list, value); return undefined; }
        const entry: JsonObject = {};
        const problem = rec(entry, paths.slice(2), `${here}${paths[1]}`);
        if (!problem) w.push(list, entry);
        return problem;
      }
      const m = castMap(list[index]);
      if (m === undefined) return crash(`entry ${index} of \`${here}\` is not a map`);
      if (last) return crash(`\`${here}${paths[1]}\` is already set (setPathRecurse runs out of path)`);
      const entry = m === 'null' ? {} : m;
      w.setIndex(list, index, entry);
      return rec(entry, paths.slice(2), `${here}${paths[1]}`);
    }
    if (!has(base, seg)) w.set(base, seg, {});
    if (paths.length === 1) { w.set(base, seg, value); return undefined; }
    const child = castMap(base[seg]);
    if (child === undefined) return crash(`\`${here}\` holds ${sprint(base[seg])}, not a map`);
    if (child === 'null') return `istioctl 1.24+ drops this flag: \`${here}\` is null in the file (MustCastAsMap gives a map that is never stored)`;
    return rec(child, paths.slice(1), here);
  };
  return elements.length ? rec(root, elements, '') : 'the path is empty';
}

/** convertIOPMapValues (shared.go@1.20.8:538-591): every value of the map at `at` as a string. */
function stringifyValues(root: JsonObject, at: readonly (string | number)[]): string | undefined {
  let node: Json | undefined = root;
  for (const step of at) node = isObject(node) ? get(node, String(step)) : undefined;
  if (!isObject(node)) return undefined; // the profile's (empty) map is converted instead
  for (const [k, v] of Object.entries(node)) {
    if (v === null) return `istioctl crashes converting \`${at.join('.')}.${k}\` (null) to a string`;
    const s = stringifiedByIstioctl(v);
    if (s === undefined) delete node[k]; // maps and lists are dropped
    else put(node, k, s);
  }
  return undefined;
}
