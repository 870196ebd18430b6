// The import run: read the releases from git, check the reviewed tables still hold, write the
// schemas and the per-release data tables derived from Istio's tree.
import fs from 'node:fs';
import path from 'node:path';
import { build as buildOverlayKubernetes } from '../../overlays/importKubernetes.ts';
import { writeRenderedResources } from '../../overlays/importRendered.ts';
import { writeSchemas } from '../writeSchemas.ts';
import { importInput, type ImportOptions } from './importInput.ts';

export async function runImport(opts: ImportOptions, outDir: string, started: number): Promise<number> {
  const log = (line: string) => console.log(line);
  let input;
  try {
    log(`reading istio/istio ${opts.istioRepo}, istio/api ${opts.apiRepo}, Kubernetes OpenAPI ${opts.kubernetesOpenApi}`);
    input = importInput(opts, log);
  } catch (err) {
    console.error(`error: ${(err as Error).message}`);
    return 1;
  }
  try {
    const written = await writeSchemas(input, outDir);
    const versions = input.minors.map((m) => ({ version: m.version, istioTag: m.istioTag }));
    written.push(writeRenderedResources(input.istio.dir, versions, outDir));
    const overlay = buildOverlayKubernetes(input.kubeDir);
    fs.writeFileSync(path.join(outDir, 'overlay-kubernetes.json'), `${JSON.stringify(overlay, null, 1)}\n`);
    written.push('overlay-kubernetes.json');
    const shown = path.relative(process.cwd(), outDir) || '.';
    log(`wrote ${written.filter((f) => f.startsWith('istio-')).length} schemas and ${written.length - written.filter((f) => /^(istio|profiles)-/.test(f)).length} data files to ${shown} in ${Math.round(performance.now() - started)} ms`);
    return 0;
  } finally {
    input.cleanup();
  }
}
