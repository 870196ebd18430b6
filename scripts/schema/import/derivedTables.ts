// The per-release tables the import derives from Istio's tree besides the schemas, for the
// releases of this run. A partial run (--minors) merges its releases into the committed tables,
// release by release, so each table still covers every release in schemas/.
import fs from 'node:fs';
import path from 'node:path';
import { minorNumber } from '../sources.ts';
import { buildDeprecations, deprecationsFile, type DeprecationsFile, type Flagged } from './deprecationsImport.ts';
import type { GitRepo } from './gitRepo.ts';
import { renderedK8sTable, type RenderedTable } from './k8sRendered.ts';

type Versions = Array<{ version: string; istioTag: string }>;

const readJson = <T>(outDir: string, file: string): T | undefined => {
  const at = path.join(outDir, file);
  return fs.existsSync(at) ? JSON.parse(fs.readFileSync(at, 'utf8')) as T : undefined;
};

/** deprecations.json for this run: what each release's istioctl or chart flags. */
export function deprecationTable(istio: GitRepo, versions: Versions, outDir: string, partial: boolean): DeprecationsFile {
  const fresh = buildDeprecations(istio, versions);
  const committed = partial ? readJson<DeprecationsFile>(outDir, 'deprecations.json') : undefined;
  return committed ? mergeDeprecations(committed, fresh) : fresh;
}

/** k8s-rendered-fields.json for this run: the `k8s` settings each release renders. */
export function renderedFieldsTable(istio: GitRepo, versions: Versions, outDir: string, partial: boolean): RenderedTable {
  const fresh = renderedK8sTable(istio, versions);
  const committed = partial ? readJson<RenderedTable>(outDir, 'k8s-rendered-fields.json') : undefined;
  if (!committed) return fresh;
  return Object.fromEntries(Object.entries({ ...committed, ...fresh }).sort((a, b) => minorNumber(a[0]) - minorNumber(b[0])));
}

/** The committed file with the fresh file's releases replaced, rebuilt as buildDeprecations writes it. */
export function mergeDeprecations(committed: DeprecationsFile, fresh: DeprecationsFile): DeprecationsFile {
  const perMinor = new Map<string, { tag: string; flagged: Flagged[] }>();
  for (const file of [committed, fresh]) {
    for (const [v, tag] of Object.entries(file.tags)) perMinor.set(v, { tag, flagged: [] });
    for (const row of file.paths) {
      for (const severity of ['warning', 'error'] as const) {
        for (const r of row[severity] ?? []) {
          for (const [v, m] of perMinor) {
            if (file.tags[v] && minorNumber(v) >= minorNumber(r.from) && minorNumber(v) <= minorNumber(r.to)) m.flagged.push({ path: row.path, severity, replacement: r.replacement });
          }
        }
      }
    }
  }
  return deprecationsFile(perMinor);
}
