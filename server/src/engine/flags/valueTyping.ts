// How each istioctl era reads one `--set path=value`: where the flag splits, whether the path keeps
// a leading `spec.`, and the type the value gets. A table keyed by Istio minor (read at each
// minor's last patch tag; rows whose code is the same share a row), and the functions that read a
// flag by a row. Every --set flag is a StringArray (no comma splitting) in every release:
// manifest-apply.go@1.5.10:61, install.go@1.20.8:96, install.go@1.24.6:86.
import YAML from 'yaml';
import type { Step } from '../parse/yamlNodes.ts';
import { LATEST, releaseRange } from '../releases.ts';
import type { Json } from './jsonTree.ts';
import { goAtoi, goParseBool, goParseFloat, goSprintFloat, goTrimSpace } from './goStrconv.ts';
import { splitSetPath } from './setPath.ts';

export type { Json };


export interface SetFlagEra {
  from: number;
  to: number;
  /** "1.7–1.17", "1.24+": for messages. */
  releases: string;
  /** Where the row was read, for messages and tests. */
  source: string;
  /** A flag with no `=` or more than one: istioctl rejects it, or (1.24+) takes the whole flag as the path. */
  extraEquals: 'rejected' | 'whole-flag-is-path';
  /** getPV trims the path and the value (strings.TrimSpace). */
  trimSpace: boolean;
  /**
   * How the path gets under `spec`: 1.5 makes a tree of the flags and puts it under spec (so
   * `spec.x` is spec.spec.x); 1.6–1.23 strip one leading `spec.` and prepend it; 1.24+ prepend
   * `spec.` to the whole flag (spec.x is spec.spec.x again).
   */
  specRoot: 'tree-under-spec' | 'stripped-then-prepended' | 'prepended';
  /** Prefixes of `spec.<path>` whose values are never typed, nor `\\,`-unescaped (map.go@1.24.6:417-434, 155-168). */
  alwaysString: string[];
  /** After the merge, the values of this map become strings whenever a flag path contains `trigger`. */
  stringifyMap?: { trigger: string; at: Step[] };
  /** A one-line value holding `: ` that reads as a YAML map replaces the key with that map (1.7+: unless it is a JSON object). */
  yamlMapValues: 'no' | 'yaml' | 'yaml-not-json';
  /** How the tree is written: tpath (tree.go) in 1.5–1.23, values.Map.SetPath in 1.24+. */
  writer: 'tpath' | 'values-map';
  /** `[N]` istioctl takes as an index; -1 (1.5–1.23) or any negative (1.24+) appends, or crashes istioctl. */
  index: { min: number; max: number; negative: 'appends' | 'crashes' };
  /** A `key:` with no value on the way: tpath creates the map (1.5 never meets one: its flags' tree is built alone); 1.24+ loses the write. */
  nullOnPath: 'created' | 'write-lost';
  /** The flags' tree over the -f files: built alone and merge-patched over them (lists replaced), or written into them. */
  overFiles: 'merge-patch' | 'written-into';
}

const TPATH_INDEX = { min: -1, max: 65535 } as const; // util/path.go@1.20.8:131-139 IsNPathElement, MaxIndex

export const SET_FLAG_ERAS: readonly SetFlagEra[] = [
  {
    from: 5, to: 5, releases: '1.5',
    source: 'operator/cmd/mesh/manifest-common.go@1.5.10:65-95 makeTreeFromSetList; util/util.go@1.5.10:119-131 ParseValue; tpath/tpath.go@1.5.10:77-210',
    extraEquals: 'rejected', trimSpace: false, specRoot: 'tree-under-spec', alwaysString: [], yamlMapValues: 'no',
    writer: 'tpath', index: { ...TPATH_INDEX, negative: 'crashes' }, nullOnPath: 'created', overFiles: 'merge-patch',
  },
  {
    from: 6, to: 6, releases: '1.6',
    source: 'operator/cmd/mesh/profile-common.go@1.6.14:325-389 validateSetFlags, overlaySetFlagValues, getPV; tpath/tree.go@1.6.14:148-318, 540-559',
    extraEquals: 'rejected', trimSpace: true, specRoot: 'stripped-then-prepended', alwaysString: [], yamlMapValues: 'yaml',
    writer: 'tpath', index: { ...TPATH_INDEX, negative: 'crashes' }, nullOnPath: 'created', overFiles: 'written-into',
  },
  {
    from: 7, to: 17, releases: '1.7–1.17',
    source: 'operator/pkg/manifest/shared.go@1.17.8:489-518 overlaySetFlagValues; util/util.go@1.20.8:90-102 ParseValue; tpath/tree.go@1.20.8:146-317, 543-566',
    extraEquals: 'rejected', trimSpace: true, specRoot: 'stripped-then-prepended', alwaysString: [], yamlMapValues: 'yaml-not-json',
    writer: 'tpath', index: { ...TPATH_INDEX, negative: 'appends' }, nullOnPath: 'created', overFiles: 'written-into',
  },
  {
    from: 18, to: 23, releases: '1.18–1.23',
    source: 'operator/pkg/manifest/shared.go@1.20.8:357-365 validateSetFlags, 497-526 overlaySetFlagValues, 528-591 convertIOPMapValues, 621-628 getPV',
    extraEquals: 'rejected', trimSpace: true, specRoot: 'stripped-then-prepended', alwaysString: [], yamlMapValues: 'yaml-not-json',
    stringifyMap: { trigger: 'meshConfig.defaultConfig.proxyMetadata', at: ['spec', 'meshConfig', 'defaultConfig', 'proxyMetadata'] },
    writer: 'tpath', index: { ...TPATH_INDEX, negative: 'appends' }, nullOnPath: 'created', overFiles: 'written-into',
  },
  {
    from: 24, to: LATEST, releases: releaseRange(24, LATEST),
    source: 'operator/pkg/values/map.go@1.24.6:155-188 SetPaths/SetSpecPaths, 308-369 setPathRecurse, 417-448 alwaysString/parseValue, 512-519 getPV (the same at 1.30.3)',
    extraEquals: 'whole-flag-is-path', trimSpace: true, specRoot: 'prepended',
    alwaysString: ['spec.values.compatibilityVersion', 'spec.tag', 'spec.values.global.tag', 'spec.meshConfig.defaultConfig.proxyMetadata.', 'spec.values.meshConfig.defaultConfig.proxyMetadata.', 'spec.compatibilityVersion'],
    yamlMapValues: 'no', writer: 'values-map', index: { min: -Infinity, max: Infinity, negative: 'appends' }, nullOnPath: 'write-lost', overFiles: 'written-into',
  },
];

/** The row for "1.X" (clamped to the table's ends). */
export function setFlagEra(version: string): SetFlagEra {
  const minor = Number(version.split('.')[1]);
  return SET_FLAG_ERAS.find((e) => minor >= e.from && minor <= e.to) ?? (minor < 5 ? SET_FLAG_ERAS[0] : SET_FLAG_ERAS[SET_FLAG_ERAS.length - 1]);
}

/** One flag as the era reads it: the path's elements from the root (`spec` first) and the typed value. */
export interface ReadFlag {
  /** The path as getPV leaves it (trimmed where the era trims), for messages and the proxyMetadata trigger. */
  path: string;
  elements: string[];
  /** The value's text after getPV, and the value istioctl makes of it. */
  raw: string;
  value: Json;
}

/** Reads `path=value` as the era does; a message when istioctl rejects the flag. */
export function readFlag(era: SetFlagEra, flag: string): ReadFlag | { message: string } {
  const prepended = era.specRoot === 'prepended';
  const text = prepended ? `spec.${flag}` : flag; // SetSpecPaths, map.go@1.24.6:181-188
  const parts = text.split('=');
  let p: string;
  let v: string;
  if (parts.length !== 2) {
    if (era.extraEquals === 'rejected') return { message: `istioctl ${era.releases} rejects it: a --set flag holds exactly one \`=\` (path=value)` };
    [p, v] = [text, '']; // getPV@1.24.6: the whole flag is the path, set to ""
  } else {
    [p, v] = era.trimSpace ? [goTrimSpace(parts[0]), goTrimSpace(parts[1])] : [parts[0], parts[1]];
  }
  const full = prepended ? p : `spec.${p}`;
  const value = era.alwaysString.some((prefix) => full.startsWith(prefix)) ? v : goParseValue(v);
  if (prepended) return { path: p.slice(5), elements: splitSetPath(p), raw: v, value };
  if (era.specRoot === 'tree-under-spec') return { path: p, elements: ['spec', ...splitSetPath(p)], raw: v, value };
  return { path: p, elements: splitSetPath(`spec.${p.startsWith('spec.') ? p.slice(5) : p}`), raw: v, value };
}

/** ParseValue (util.go@1.20.8:90-102, map.go@1.24.6:436-448): int, then float, then bool, else a string with `\,` → `,`. */
export function goParseValue(raw: string): Json {
  const int = goAtoi(raw);
  if (int !== undefined) return int;
  const float = goParseFloat(raw);
  if (float !== undefined) return float;
  const bool = goParseBool(raw);
  if (bool !== undefined) return bool;
  return raw.replaceAll('\\,', ',');
}

/** The map istioctl makes of a string value (tryToUnmarshalStringToYAML, tree.go@1.20.8:543-566), if it does. */
export function valueAsYamlMap(era: SetFlagEra, value: Json): Record<string, Json> | undefined {
  if (era.yamlMapValues === 'no' || typeof value !== 'string') return undefined;
  const lines = value.split('\n');
  if (!(lines.length === 1 ? value.includes(': ') : value.includes(':'))) return undefined;
  if (era.yamlMapValues === 'yaml-not-json') {
    try {
      const j = JSON.parse(value);
      if (j && typeof j === 'object' && !Array.isArray(j)) return undefined; // "treat JSON as string"
    } catch { /* not JSON */ }
  }
  try {
    const doc = YAML.parseDocument(value, { version: '1.1' });
    const v = doc.errors.length ? undefined : doc.toJS();
    return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The string convertIOPMapValues (shared.go@1.20.8:538-591) makes of a value, after a JSON round trip (numbers are float64). */
export function stringifiedByIstioctl(value: Json): string | undefined {
  if (typeof value === 'number') return goSprintFloat(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  return undefined; // maps, lists and null are dropped (or crash istioctl)
}

/** "the number 1.2", "the boolean true": how a typed value reads in a message. */
export function describeValue(v: Json): string {
  if (typeof v === 'number') return `the number ${goSprintFloat(v)}`;
  if (typeof v === 'boolean') return `the boolean ${v}`;
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  if (v === null) return 'null';
  return Array.isArray(v) ? 'a list' : 'a map';
}
