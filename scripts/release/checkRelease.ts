// The acceptance checks for a release the import added, read from istio/istio at its final tag:
//   npm run check-release -- --istio-repo DIR 1.31 [--schemas DIR]
// 1. every built-in profile (manifests/profiles/*.yaml) validates with no error at that release;
// 2. Istio's own `profile dump` goldens (operator/cmd/mesh/testdata/profile-dump): every value an
//    input sets comes out of our effective configuration as istioctl printed it;
// 3. the bundled examples, checked at that release: their errors are listed (a new release may
//    rightly refuse an old example; read them).
// Exit 0 when 1 and 2 hold, 1 otherwise, 2 on bad arguments.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Engine } from '../../server/src/engine/engine.ts';
import { GitRepo } from '../schema/import/gitRepo.ts';
import { finalTagsByMinor } from '../schema/import/releases.ts';
import { GOLDEN_PATHS, compareProfileDump } from './profileDumpGolden.ts';

const USAGE = 'usage: npm run check-release -- --istio-repo DIR MINOR [--schemas DIR]';
const ROOT = path.resolve(import.meta.dirname, '../..');
const GOLDENS = 'operator/cmd/mesh/testdata/profile-dump';

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { 'istio-repo': { type: 'string' }, schemas: { type: 'string' } } });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const version = positionals[0];
  if (!values['istio-repo'] || !version || !/^1\.\d+$/.test(version)) { console.error(USAGE); return 2; }
  const istio = new GitRepo(path.resolve(values['istio-repo']), 'istio/istio');
  const tag = finalTag(istio, version);
  const engine = new Engine({ schemaDir: path.resolve(values.schemas ?? path.join(ROOT, 'schemas')) });
  if (!engine.store.minors.includes(version)) {
    console.error(`error: the schemas have no Istio ${version}: run npm run schemas -- --istio-repo … first (docs/adding-an-istio-release.md)`);
    return 1;
  }
  console.log(`Istio ${version} (${tag})`);
  let failed = false;

  const profiles = istio.under(tag, 'manifests/profiles').filter((f) => f.endsWith('.yaml'));
  istio.prefetch(tag, profiles);
  for (const f of profiles) {
    const errors = errorsAt(engine, istio.read(tag, f), version);
    failed ||= errors.length > 0;
    console.log(`  profile ${path.basename(f, '.yaml')}: ${errors.length ? `${errors.length} errors\n${errors.map((e) => `      ${e}`).join('\n')}` : 'valid'}`);
  }

  for (const [name, configPath] of Object.entries(GOLDEN_PATHS)) {
    const input = `${GOLDENS}/input/${name}.yaml`;
    const output = `${GOLDENS}/output/${name}.yaml`;
    if (!istio.has(tag, input) || !istio.has(tag, output)) { console.log(`  golden ${name}: not at ${tag}`); continue; }
    const r = compareProfileDump(engine, version, istio.read(tag, input), istio.read(tag, output), configPath);
    failed ||= r.wrongOnInput.length > 0;
    const rest = r.differences.length ? `${r.differences.length} differences from the test's chart snapshot (${r.differences.slice(0, 3).join(', ')}${r.differences.length > 3 ? ', …' : ''})` : 'identical';
    console.log(`  golden ${name}: ${r.wrongOnInput.length ? `WRONG on values the input sets: ${r.wrongOnInput.join(', ')}` : rest}`);
  }

  for (const dir of ['examples/1.2x', 'examples/1.5']) {
    for (const f of fs.readdirSync(path.join(ROOT, dir)).filter((x) => /\.ya?ml$/.test(x)).sort()) {
      const errors = errorsAt(engine, fs.readFileSync(path.join(ROOT, dir, f), 'utf8'), version);
      console.log(`  example ${dir}/${f}: ${errors.length ? `${errors.length} errors (${errors.slice(0, 2).join('; ')})` : 'no error'}`);
    }
  }
  console.log(failed ? 'FAILED: read the lines above' : 'ok');
  return failed ? 1 : 0;
}

function errorsAt(engine: Engine, text: string, version: string): string[] {
  return engine.validate(engine.parse(text), { release: version }).filter((d) => d.severity === 1).map((d) => `${d.range.start.line + 1}: ${d.message}`);
}

/** The minor's final patch tag, as the import picks it. */
function finalTag(istio: GitRepo, version: string): string {
  const tag = finalTagsByMinor(istio.tagList().filter((t) => !t.startsWith('v'))).get(Number(version.split('.')[1]));
  if (!tag) throw new Error(`istio/istio has no final tag of Istio ${version}`);
  return tag;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(`error: ${(err as Error).message}`);
  process.exitCode = 1;
}
