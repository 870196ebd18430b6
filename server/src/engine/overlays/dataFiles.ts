// The overlay data files (schemas/rendered-resources.json, schemas/overlay-kubernetes.json), read
// once from the bundled schemas folder: beside dist/ when bundled, four levels up from the sources.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const cache = new Map<string, unknown>();

export function readDataFile<T>(name: string): T {
  let data = cache.get(name);
  if (data === undefined) {
    const candidates = [path.resolve(__dirname, '../schemas'), path.resolve(__dirname, '../../../../schemas')];
    const dir = candidates.find((c) => existsSync(path.join(c, name)));
    if (!dir) throw new Error(`${name} not found in ${candidates.join(' or ')}`);
    data = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    cache.set(name, data);
  }
  return data as T;
}
