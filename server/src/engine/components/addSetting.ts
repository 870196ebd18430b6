// Writes a setting the file does not have yet (from the components view: "set it in the file"),
// with the value it has now, as one edit: under the deepest map of its path the file has, creating
// the maps on the way, after that map's last entry. Every other byte stays as it was.
import YAML, { type Document, type Pair, type YAMLMap } from 'yaml';
import type { Json } from '../effective/merge.ts';
import { nodeAtPath } from '../parse/nodePath.ts';
import { isMap } from '../parse/yamlNodes.ts';
import { changedSpan, column, keyStart, pairLines, type OffsetEdit } from '../k8s/textEdits.ts';
import type { SettingPath } from './componentsSummary.ts';

export type AddSettingResult = { ok: true; edit: OffsetEdit } | { ok: false; message: string };

export function addSetting(text: string, doc: Document, path: SettingPath, value: Json): AddSettingResult {
  const shown = path.filter((p, i) => !(i === 0 && p === 'spec')).map(String).join('.');
  if (nodeAtPath(doc, path) !== undefined) return { ok: false, message: `\`${shown}\` is already set in the file.` };
  let depth = path.length - 1;
  let owner: unknown;
  for (; depth >= 1; depth--) {
    owner = nodeAtPath(doc, path.slice(0, depth));
    if (owner !== undefined) break;
  }
  const missing = path.slice(depth);
  if (missing.some((p) => typeof p === 'number')) {
    return { ok: false, message: `\`${shown}\` belongs to a list entry the file does not have: add the entry first.` };
  }
  const pairs = isMap(owner) ? ((owner as YAMLMap).items as Pair[]) : [];
  if (!isMap(owner) || (owner as YAMLMap).flow || !pairs.length) {
    return { ok: false, message: `\`${shown}\` cannot be added here: its parent in the file is not a block map with entries.` };
  }
  const col = column(text, keyStart(pairs[0]));
  const keys = missing.map(String);
  let insertion = keys.slice(0, -1).map((k, i) => `${' '.repeat(col + 2 * i)}${k}:\n`).join('');
  const indent = col + 2 * (keys.length - 1);
  const last = keys[keys.length - 1];
  const isCollection = value !== null && typeof value === 'object' && Object.keys(value).length > 0;
  if (isCollection) {
    const body = YAML.stringify(value, { lineWidth: 0 }).replace(/\n$/, '').split('\n').map((l) => `${' '.repeat(indent + 2)}${l}`).join('\n');
    insertion += `${' '.repeat(indent)}${last}:\n${body}\n`;
  } else {
    insertion += `${' '.repeat(indent)}${last}: ${YAML.stringify(value, { lineWidth: 0 }).trim()}\n`;
  }
  let insertAt = pairLines(text, pairs[pairs.length - 1])[1];
  // A file that ends without a line break: the new lines start on a line of their own.
  if (insertAt === text.length && !text.endsWith('\n')) insertion = `\n${insertion}`;
  insertAt = Math.min(insertAt, text.length);
  const after = text.slice(0, insertAt) + insertion + text.slice(insertAt);
  return { ok: true, edit: changedSpan(text, after) };
}
