// The profile dumps of the user's own istioctl (Refresh defaults from istioctl), cached per istioctl
// version under the extension's global storage:
//   <storage>/istioctl-defaults/<version>/<profile>.yaml  and  .../index.json
// Written to a private temp folder first and renamed into place, so a cancelled refresh never
// leaves half a cache. No vscode import.
import fs from 'node:fs';
import path from 'node:path';

export interface DefaultsCacheIndex {
  istioctlVersion: string;
  minor: string;
  profiles: string[];
  createdAt: string;
}

export interface CachedDefaults extends DefaultsCacheIndex {
  /** Profile name → `istioctl profile dump NAME` output. */
  dumps: Record<string, string>;
  dir: string;
}

const SAFE = /[^A-Za-z0-9._+-]/g;

export function cacheDir(storageDir: string, istioctlVersion: string): string {
  return path.join(storageDir, 'istioctl-defaults', istioctlVersion.replace(SAFE, '_') || 'unknown');
}

export function writeDefaultsCache(storageDir: string, istioctlVersion: string, minor: string, dumps: Record<string, string>): CachedDefaults {
  const dir = cacheDir(storageDir, istioctlVersion);
  fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o700 });
  const staging = fs.mkdtempSync(`${dir}.tmp-`);
  const profiles = Object.keys(dumps).sort();
  try {
    for (const p of profiles) fs.writeFileSync(path.join(staging, `${p.replace(SAFE, '_')}.yaml`), dumps[p], { mode: 0o600 });
    const index: DefaultsCacheIndex = { istioctlVersion, minor, profiles, createdAt: new Date().toISOString() };
    fs.writeFileSync(path.join(staging, 'index.json'), JSON.stringify(index, null, 2) + '\n', { mode: 0o600 });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
    return { ...index, dumps, dir };
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}

export function readDefaultsCache(storageDir: string, istioctlVersion: string): CachedDefaults | undefined {
  const dir = cacheDir(storageDir, istioctlVersion);
  try {
    const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as DefaultsCacheIndex;
    const dumps: Record<string, string> = {};
    for (const p of index.profiles) dumps[p] = fs.readFileSync(path.join(dir, `${p.replace(SAFE, '_')}.yaml`), 'utf8');
    return { ...index, dumps, dir };
  } catch {
    return undefined;
  }
}
