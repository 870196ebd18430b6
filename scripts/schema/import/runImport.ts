// The import run: read the releases from git, check the reviewed tables still hold, write the
// schemas and the per-release data tables derived from Istio's tree.
import fs from 'node:fs';
import path from 'node:path';
import { build as buildOverlayKubernetes } from '../../overlays/importKubernetes.ts';
import { writeRenderedResources } from '../../overlays/importRendered.ts';
import { committedTrees, readIndex } from '../committedContext.ts';
import { deprecationsFrom } from '../deprecations.ts';
import { writeSchemas } from '../writeSchemas.ts';
import { deprecationTable, renderedFieldsTable } from './derivedTables.ts';
import { checkReviewedTables, formatTableProblems } from './reviewedTables.ts';
import { importInput, type ImportOptions } from './importInput.ts';

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

export async function runImport(opts: ImportOptions, outDir: string, started: number): Promise<number> {
  const log = (line: string) => console.log(line);
  let input;
  try {
    log(`reading istio/istio ${opts.istioRepo}, istio/api ${opts.apiRepo}, Kubernetes OpenAPI ${opts.kubernetesOpenApi}`);
    input = importInput(opts, log);
    log(`read ${input.minors.length} releases in ${seconds(started)}`);
  } catch (err) {
    console.error(`error: ${(err as Error).message}`);
    return 1;
  }
  try {
    const only = input.only;
    // A table whose Istio sources changed since its review stops the run before anything is written.
    const problems = checkReviewedTables({ istio: input.istio, api: input.api }, input.releases);
    if (problems.length) {
      console.error(formatTableProblems(problems));
      return 1;
    }
    const committed = new Set(readIndex(outDir).map((e) => e.version));
    const context = only ? committedTrees(outDir, new Set(input.minors.map((m) => m.version))) : undefined;
    let step = performance.now();
    const versions = input.releases.map((r) => ({ version: r.version, istioTag: r.istioTag }));
    const deprecationsFile = deprecationTable(input.istio, versions, outDir, !!only);
    const renderedFields = renderedFieldsTable(input.istio, versions, outDir, !!only);
    const deprecations = deprecationsFrom(deprecationsFile);
    log(`read the deprecations and the rendered k8s settings in ${seconds(step)}`);
    step = performance.now();
    const written = await writeSchemas(input, outDir, { only, context, deprecations });
    for (const [file, data] of [['deprecations.json', deprecationsFile], ['k8s-rendered-fields.json', renderedFields]] as const) {
      fs.writeFileSync(path.join(outDir, file), `${JSON.stringify(data, null, 1)}\n`);
      written.push(file);
    }
    log(`built the schemas in ${seconds(step)}`);
    const shown = path.relative(process.cwd(), outDir) || '.';
    if (only) {
      const added = [...only].filter((v) => !committed.has(v));
      log(`partial run (--minors): wrote ${[...only].join(', ')}; the other schemas in ${shown} were read, not rewritten, and so were the tables shared across releases (rendered-resources.json, overlay-kubernetes.json); deprecations.json and k8s-rendered-fields.json took this run's releases.`);
      if (added.length) log(`note: ${added.join(', ')} ${added.length > 1 ? 'are' : 'is'} new in ${shown}: the other schemas' version annotations (x-istio-versions) do not name ${added.length > 1 ? 'them' : 'it'} yet. Run without --minors to regenerate every release.`);
    } else {
      step = performance.now();
      written.push(writeRenderedResources(input.istio.dir, versions, outDir));
      log(`read the charts' rendered resources in ${seconds(step)}`);
      const overlay = buildOverlayKubernetes(input.kubeDir);
      fs.writeFileSync(path.join(outDir, 'overlay-kubernetes.json'), `${JSON.stringify(overlay, null, 1)}\n`);
      written.push('overlay-kubernetes.json');
    }
    const schemas = written.filter((f) => f.startsWith('istio-')).length;
    const data = written.length - written.filter((f) => /^(istio|profiles)-/.test(f)).length;
    log(`wrote ${schemas} schema${schemas === 1 ? '' : 's'} and ${data} data files to ${shown} in ${seconds(started)}`);
    return 0;
  } finally {
    input.cleanup();
  }
}
