// The bundled releases (schemas/index.json): which minors, their patch tags and profile names.
// No vscode import. Profiles and merges are the language server's (istioOperator/effectiveConfiguration).
import fs from 'node:fs';
import path from 'node:path';

export interface BundledIndex {
  versions: { version: string; tag: string; profiles: string[]; file: string }[];
}

export function readIndex(schemasDir: string): BundledIndex {
  return JSON.parse(fs.readFileSync(path.join(schemasDir, 'index.json'), 'utf8')) as BundledIndex;
}

/** The bundled minor to use for `minor`: itself, else the nearest bundled one. */
export function bundledVersion(index: BundledIndex, minor: number): BundledIndex['versions'][number] {
  const n = (v: string) => Number(v.split('.')[1]);
  return index.versions.reduce((best, v) => (Math.abs(n(v.version) - minor) < Math.abs(n(best.version) - minor) ? v : best));
}
