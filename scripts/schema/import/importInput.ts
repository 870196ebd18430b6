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
import { pickReleases, type Release } from './releases.ts';
import { stageRelease } from './stageIstio.ts';

export interface ImportOptions { istioRepo: string; apiRepo: string; kubernetesOpenApi: string; minors?: string[] }

export interface ImportedInput extends GeneratorInput { releases: Release[]; istio: GitRepo; api: GitRepo; cleanup(): void }

export function importInput(opts: ImportOptions, log: (line: string) => void = () => {}): ImportedInput {
  const istio = new GitRepo(path.resolve(opts.istioRepo), 'istio/istio');
  const api = new GitRepo(path.resolve(opts.apiRepo), 'istio/api');
  const openApi = path.resolve(opts.kubernetesOpenApi);
  if (!fs.existsSync(openApi)) throw new Error(`--kubernetes-openapi: no such folder ${openApi}`);
  const releases = pickReleases(istio, api, opts.minors);
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
    for (const r of releases) {
      const s = stageRelease(istio, api, r, dir);
      input.minors.push(s.minor);
      if (s.goSpec) input.goSpecs.set(r.version, s.goSpec);
      if (s.chartNames) input.chartNames.set(r.version, s.chartNames);
      log(`  ${r.version}: istio ${r.istioTag}, istio/api ${r.apiTag}${s.goSpec ? `, Kubernetes ${r.kubernetes} (k8s.io/api ${r.k8sApi})` : ''}`);
    }
    stageKubernetes(openApi, releases, new Set(input.goSpecs.keys()), kubeDir);
    input.vendored = JSON.parse(fs.readFileSync(path.join(kubeDir, 'istio-vendored.json'), 'utf8'));
    return input;
  } catch (err) {
    fs.rmSync(staged, { recursive: true, force: true });
    throw err;
  }
}
