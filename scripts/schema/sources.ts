// Where the Istio install-API data lives, and what versions.json says about each minor.
import fs from 'node:fs';
import path from 'node:path';

export interface MinorInfo {
  version: string; // "1.20"
  istioTag: string;
  apiTag: string;
  profiles: string[];
  charts: string[];
  protoRoots: string[];
}

/** The data folder: $ISTIO_DATA, else ../shared/istio beside the repository. */
export function dataDir(): string {
  const fromEnv = process.env.ISTIO_DATA;
  if (fromEnv) return path.resolve(fromEnv);
  return path.resolve(import.meta.dirname, '../../../shared/istio');
}

/** The Kubernetes definitions: $KUBERNETES_DATA, else ../shared/kubernetes beside the repository. */
export function kubernetesDir(): string {
  const fromEnv = process.env.KUBERNETES_DATA;
  if (fromEnv) return path.resolve(fromEnv);
  return path.resolve(import.meta.dirname, '../../../shared/kubernetes');
}

export function readMinors(dir: string): MinorInfo[] {
  const list = JSON.parse(fs.readFileSync(path.join(dir, 'versions.json'), 'utf8')) as MinorInfo[];
  return list.sort((a, b) => minorNumber(a.version) - minorNumber(b.version));
}

/** "1.20" → 20; the generator only handles Istio 1.x. */
export function minorNumber(version: string): number {
  const m = /^1\.(\d+)$/.exec(version);
  if (!m) throw new Error(`unexpected Istio version ${version}`);
  return Number(m[1]);
}
