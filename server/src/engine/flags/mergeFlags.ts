// "Paste --set Flags as YAML": a pasted command line's --set flags merged into one IstioOperator
// document the way the release's istioctl merges them with that file given by -f (1.6+: written
// into the file's tree, so `[N]` and `[key:value]` select the file's own list entries; 1.5: a tree
// of the flags merged over the file, lists replaced), as text edits that keep every comment and
// every line the flags do not change.
import YAML from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { ParsedFile, YamlDoc } from '../parse/parse.ts';
import { PARSE_OPTIONS } from '../parse/parse.ts';
import { commandLineFlags } from './commandLine.ts';
import { DataLimitError, documentData } from './documentData.ts';
import { applySetFlags, type FlagError } from './flagTree.ts';
import { notesOf } from './fromFlags.ts';
import { get, isObject, put, sameData, type Json } from './jsonTree.ts';
import { setFlagEra } from './valueTyping.ts';
import { editsToReach } from './yamlEdits.ts';

export interface MergeFlagsResult {
  edits: TextEdit[];
  /** Flags left out, with why (istioctl would reject them, or they cannot be written here). */
  errors: FlagError[];
  notes: string[];
  /** How many --set flags the text held. */
  flags: number;
  releases: string;
}

export function mergeFlagsIntoDocument(file: ParsedFile, doc: YamlDoc, version: string, commandLine: string): MergeFlagsResult {
  const era = setFlagEra(version);
  const line = commandLineFlags(commandLine);
  const result: MergeFlagsResult = { edits: [], errors: [], notes: notesOf(line, version), flags: line.flags.length, releases: era.releases };
  if (doc.problems.some((p) => p.code === 'yaml-syntax')) {
    result.errors.push({ flag: '', message: 'the document has YAML syntax errors: fix them first' });
    return result;
  }
  let before: Json;
  try {
    before = documentData(doc.doc);
  } catch (e) {
    if (!(e instanceof DataLimitError)) throw e;
    result.errors.push({ flag: '', message: `the document cannot be read as data: ${e.message}` });
    return result;
  }
  const applied = applySetFlags(era, before, line.flags);
  result.errors.push(...applied.errors);
  // 1.24+ read a null spec as `{}`; with nothing set in it, the file keeps its own.
  if (isObject(before) && get(before, 'spec') === null && sameData(get(applied.root, 'spec'), {})) put(applied.root, 'spec', null);
  const offsets = editsToReach(file.text, doc.doc, before, applied.root);
  if ('message' in offsets) {
    result.errors.push({ flag: '', message: `the flags cannot be written into this document as text: ${offsets.message}` });
    return result;
  }
  // The edited text must read back as the merged tree; otherwise nothing is changed.
  let text = file.text;
  for (const e of [...offsets].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  const reread = YAML.parseAllDocuments(text, PARSE_OPTIONS);
  const again = Array.isArray(reread) ? reread[doc.index] : undefined;
  let after: Json | undefined;
  try { after = again && !again.errors.length ? documentData(again) : undefined; } catch { after = undefined; }
  if (!sameData(after, applied.root)) {
    result.errors.push({ flag: '', message: 'the flags cannot be written into this document as text without changing something else; nothing was changed' });
    return result;
  }
  result.edits = offsets.map((e) => ({ range: file.lines.range(e.start, e.end), newText: e.newText }));
  return result;
}
