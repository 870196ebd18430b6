// Generates schemas/istio-1.<minor>.json and the per-release data beside them.
//   npm run schemas                  reads ../shared/istio and ../shared/kubernetes ($ISTIO_DATA, $KUBERNETES_DATA)
//   npm run schemas -- --istio-repo DIR --api-repo DIR --kubernetes-openapi DIR [--minors 1.20,1.31]
//                                    reads git repositories of istio/istio and istio/api (clones or bare
//                                    mirrors) and Kubernetes OpenAPI documents (docs/adding-an-istio-release.md)
//   --prerelease                     a minor asked with no final tag yet is read at its newest alpha/beta/rc
//   --out DIR                        writes elsewhere, e.g. to compare with the committed files
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sharedInput } from './generatorInput.ts';
import { writeSchemas } from './writeSchemas.ts';
import { runImport } from './import/runImport.ts';

const USAGE = 'usage: npm run schemas -- [--istio-repo DIR --api-repo DIR --kubernetes-openapi DIR [--minors 1.20,1.31 [--prerelease]]] [--out DIR]';

async function main(): Promise<number> {
  const started = performance.now();
  let args;
  try {
    args = parseArgs({ options: {
      'istio-repo': { type: 'string' }, 'api-repo': { type: 'string' }, 'kubernetes-openapi': { type: 'string' },
      minors: { type: 'string' }, prerelease: { type: 'boolean' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    } }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) { console.log(USAGE); return 0; }
  const outDir = path.resolve(args.out ?? path.join(import.meta.dirname, '../../schemas'));
  const shown = path.relative(process.cwd(), outDir) || '.';
  const repoFlags = [args['istio-repo'], args['api-repo'], args['kubernetes-openapi']];
  if (repoFlags.some(Boolean) || args.minors || args.prerelease) {
    if (!repoFlags.every(Boolean)) {
      console.error(`--istio-repo, --api-repo and --kubernetes-openapi go together (--minors and --prerelease need them too)\n${USAGE}`);
      return 2;
    }
    return runImport({
      istioRepo: args['istio-repo']!, apiRepo: args['api-repo']!, kubernetesOpenApi: args['kubernetes-openapi']!,
      minors: args.minors?.split(',').map((s) => s.trim()).filter(Boolean),
      prerelease: args.prerelease,
    }, outDir, started);
  }
  const input = sharedInput();
  const written = await writeSchemas(input, outDir);
  console.log(`wrote ${written.filter((f) => f.startsWith('istio-')).length} schemas to ${shown} from ${input.origin} in ${Math.round(performance.now() - started)} ms`);
  return 0;
}

main().then((code) => { process.exitCode = code; }, (err) => {
  console.error(err instanceof Error ? (process.env.DEBUG ? err.stack : `error: ${err.message}`) : err);
  process.exitCode = 1;
});
