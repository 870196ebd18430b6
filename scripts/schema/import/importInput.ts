// `npm run schemas -- --istio-repo DIR --api-repo DIR --kubernetes-openapi DIR`: the generator's
// input read from git repositories of istio/istio and istio/api (clones or bare mirrors, read with
// `git ls-tree`/`git cat-file`, no checkout) and a folder of Kubernetes OpenAPI documents. The
// files are staged in a temporary folder for the run and removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GeneratorInput } from '../generatorInput.ts';
import { GitRepo } from './gitRepo.ts';
import { stageKubernetes } from './kubernetesOpenApi.ts';
import { finalTagsByMinor, pickReleases, type Release } from './releases.ts';
import { stageRelease } from './stageIstio.ts';
import { GO_SPEC_FILE, definesGoSpec } from './goSpec.ts';

export interface ImportOptions { istioRepo: string; apiRepo: string; kubernetesOpenApi: string; minors?: string[]; prerelease?: boolean }

export interface ImportedInput extends GeneratorInput {
  releases: Release[];
  /** With --minors: the minors to write (others built here only lend their docs). */
  only?: Set<string>;
  istio: GitRepo;
  api: GitRepo;
  cleanup(): void;
}

/** The newest release whose spec is still istio/api's operator.proto. */
function lastProtoEra(istio: GitRepo, api: GitRepo): Release | undefined {
  const finals = [...finalTagsByMinor(istio.tagList().filter((t) => !t.startsWith('v')))].sort((a, b) => b[0] - a[0]);
  const found = finals.find(([, tag]) => !definesGoSpec(istio.readIfExists(tag, GO_SPEC_FILE)));
  return found ? pickReleases(istio, api, [`1.${found[0]}`])[0] : undefined;
}

export function importInput(opts: ImportOptions, log: (line: string) => void = () => {}): ImportedInput {
  const istio = new GitRepo(path.resolve(opts.istioRepo), 'istio/istio');
  const api = new GitRepo(path.resolve(opts.apiRepo), 'istio/api');
  const openApi = path.resolve(opts.kubernetesOpenApi);
  if (!fs.existsSync(openApi)) throw new Error(`--kubernetes-openapi: no such folder ${openApi}`);
  const releases = pickReleases(istio, api, opts.minors, opts.prerelease);
  const staged = fs.mkdtempSync(path.join(os.tmpdir(), 'iop-import-'));
  try {
    const dir = path.join(staged, 'istio');
    const kubeDir = path.join(staged, 'kubernetes');
    const input: ImportedInput = {
      origin: `${istio.dir} + ${api.dir} + ${openApi}`,
      dir, kubeDir, minors: [], goSpecs: new Map(), chartNames: new Map(), vendored: {},
      releases, istio, api,
      cleanup: () => fs.rmSync(staged, { recursive: true, force: true }),
    };
    const stage = (r: Release, note = '') => {
      const s = stageRelease(istio, api, r, dir);
      input.minors.push(s.minor);
      if (s.goSpec) input.goSpecs.set(r.version, s.goSpec);
      if (s.chartNames) input.chartNames.set(r.version, s.chartNames);
      log(`  ${r.version}: istio ${r.istioTag}, istio/api ${r.apiTag}${s.goSpec ? `, Kubernetes ${r.kubernetes} (k8s.io/api ${r.k8sApi})` : ''}${note}`);
    };
    for (const r of releases) stage(r);
    if (opts.minors?.length) {
      input.only = new Set(releases.map((r) => r.version));
      // The 1.24+ spec fields take their docs from the last proto-defined release (specTree.ts).
      const docs = input.goSpecs.size ? lastProtoEra(istio, api) : undefined;
      if (docs && !input.only.has(docs.version)) stage(docs, ' (read for the 1.24+ field docs, not written)');
      input.minors.sort((a, b) => Number(a.version.split('.')[1]) - Number(b.version.split('.')[1]));
    }
    stageKubernetes(openApi, releases, new Set(input.goSpecs.keys()), kubeDir);
    input.vendored = JSON.parse(fs.readFileSync(path.join(kubeDir, 'istio-vendored.json'), 'utf8'));
    return input;
  } catch (err) {
    fs.rmSync(staged, { recursive: true, force: true });
    throw err;
  }
}
