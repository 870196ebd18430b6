// What one generator run reads: a folder in the layout of ../shared/istio (per minor: proto/,
// profiles/, charts/), the Kubernetes definitions, and per minor the facts that layout does not
// hold as files (the Go-defined spec of 1.24+, the 1.24+ chart names).
import fs from 'node:fs';
import path from 'node:path';
import type { ChartNames } from './chartNames.ts';
import { readChartNames } from './chartNames.ts';
import { dataDir, kubernetesDir, minorNumber, readMinors, type MinorInfo } from './sources.ts';
import { goSpecFile, readGoSpec, type GoTree } from './specTree.ts';

export interface GeneratorInput {
  /** Where the inputs came from, for the log. */
  origin: string;
  dir: string;
  kubeDir: string;
  minors: MinorInfo[];
  goSpecs: Map<string, GoTree>;
  chartNames: Map<string, ChartNames>;
  /** The Kubernetes release each Go-era minor vendors (istio-vendored.json of kubeDir). */
  vendored: Record<string, unknown>;
}

/** ../shared/istio and ../shared/kubernetes (or $ISTIO_DATA / $KUBERNETES_DATA). */
export function sharedInput(): GeneratorInput {
  const dir = dataDir();
  const kubeDir = kubernetesDir();
  if (!fs.existsSync(path.join(dir, 'versions.json'))) throw new Error(`no Istio data at ${dir} (versions.json): give --istio-repo, --api-repo and --kubernetes-openapi, or set ISTIO_DATA`);
  const minors = readMinors(dir);
  // The data folder describes the 1.24+ Go spec once, in operator-spec-1.24.yaml.
  const goEra = minors.filter((m) => minorNumber(m.version) >= 24);
  const goSpec = goEra.length ? readGoSpec(goSpecFile(dir)) : undefined;
  const vendoredFile = path.join(kubeDir, 'istio-vendored.json');
  return {
    origin: `${path.relative(process.cwd(), dir) || dir} + ${path.relative(process.cwd(), kubeDir) || kubeDir}`,
    dir,
    kubeDir,
    minors,
    goSpecs: new Map(goEra.map((m) => [m.version, goSpec!])),
    chartNames: readChartNames(dir),
    vendored: fs.existsSync(vendoredFile) ? JSON.parse(fs.readFileSync(vendoredFile, 'utf8')) : {},
  };
}
