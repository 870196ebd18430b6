// The components view's data for one document: the summary of its effective configuration, each
// fact with the range of its setting in the file when the file sets it (a click reveals it there).
import type { Range } from 'vscode-languageserver-types';
import type { EffectiveConfiguration } from '../effective/effective.ts';
import { nodeAtPath } from '../parse/nodePath.ts';
import type { ParsedFile, YamlDoc } from '../parse/parse.ts';
import { isMap, isSeq, keyName } from '../parse/yamlNodes.ts';
import { componentsSummary, type ComponentEntry, type ComponentFact, type SettingPath } from './componentsSummary.ts';

export type RangedFact = ComponentFact & { range?: Range };
export type RangedComponent = Omit<ComponentEntry, 'facts'> & { range?: Range; facts: RangedFact[] };

export function componentsView(file: ParsedFile, doc: YamlDoc, config: EffectiveConfiguration): RangedComponent[] {
  const fileGateways: Record<string, string[]> = {};
  for (const list of ['ingressGateways', 'egressGateways']) {
    const seq = nodeAtPath(doc.doc, ['spec', 'components', list]);
    if (isSeq(seq)) fileGateways[list] = seq.items.map((item) => { const n = isMap(item) ? item.get('name') : undefined; return typeof n === 'string' ? n : ''; });
  }
  const rangeOf = (path: SettingPath) => settingRange(file, doc, path);
  return componentsSummary(config, fileGateways).map((c) => ({ ...c, range: rangeOf(c.path), facts: c.facts.map((f) => ({ ...f, range: rangeOf(f.path) })) }));
}

/** The key of a map entry, or the whole list item, at `path` in the file; undefined when the file does not set it. */
function settingRange(file: ParsedFile, doc: YamlDoc, path: SettingPath): Range | undefined {
  const parent = nodeAtPath(doc.doc, path.slice(0, -1));
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const item = isSeq(parent) ? (parent.items[last] as { range?: number[] } | undefined) : undefined;
    return item?.range ? file.lines.range(item.range[0], item.range[1]) : undefined;
  }
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => keyName(p) === last);
  const key = pair?.key as { range?: number[] } | undefined;
  return key?.range ? file.lines.range(key.range[0], key.range[1]) : undefined;
}
