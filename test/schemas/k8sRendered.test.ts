// scripts/schema/import/k8sRendered.ts: the k8s settings table of each era, read from a tiny git
// repository built here (rows copied in the form Istio writes them), and the committed
// schemas/k8s-rendered-fields.json against the istio/istio mirror when there is one.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { GitRepo } from '../../scripts/schema/import/gitRepo.ts';
import { renderedK8sFields, writeRenderedK8sFields, type RenderedTable } from '../../scripts/schema/import/k8sRendered.ts';
import { commitTree, initRepo } from './istioRepoFixture.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const committedFile = path.join(repoRoot, 'schemas/k8s-rendered-fields.json');

const YAML_1_6 = `apiMapping:
  Hub:
    outPath: "global.hub"
kubernetesMapping:
  "Components.{{.ComponentName}}.K8S.Affinity":
    outPath: "[{{.ResourceType}}:{{.ResourceName}}].spec.template.spec.affinity"
  "Components.{{.ComponentName}}.K8S.HpaSpec":
    outPath: "[HorizontalPodAutoscaler:{{.ResourceName}}].spec"
  "Components.{{.ComponentName}}.K8S.PriorityClassName":
    outPath: "[{{.ResourceType}}:{{.ResourceName}}].spec.template.spec.priorityClassName."
  "Components.{{.ComponentName}}.K8S.ServiceAnnotations":
    outPath: "[Service:{{.ResourceName}}].metadata.annotations"
globalNamespaces:
  Pilot:      "istioNamespace"
`;

const TRANSLATE_1_20 = `package translate

func NewTranslator() *Translator {
	t := &Translator{
		ComponentMaps: map[name.ComponentName]*ComponentMaps{
			name.PilotComponentName: {
				ResourceType:  "Deployment",
				ContainerName: "discovery",
			},
		},
		// nolint: lll
		KubernetesMapping: map[string]*Translation{
			"Components.{{.ComponentName}}.K8S.Env":                 {OutPath: "[{{.ResourceType}}:{{.ResourceName}}].spec.template.spec.containers.[name:{{.ContainerName}}].env"},
			"Components.{{.ComponentName}}.K8S.PodDisruptionBudget": {OutPath: "[PodDisruptionBudget:{{.ResourceName}}].spec"},
			// a comment with "quotes" and a { brace
			"Components.{{.ComponentName}}.K8S.ReplicaCount":        {OutPath: "[{{.ResourceType}}:{{.ResourceName}}].spec.replicas"},
		},
	}
	return t
}
`;

const POSTPROCESS_1_24 = `package render

func postProcess(comp component.Component, spec apis.GatewayComponentSpec) {
	rt := comp.ResourceType
	patches := map[string]Patch{
		"affinity": {Kind: rt, Name: rn, Patch: \`{"spec":{"template":{"spec":{"affinity":%s}}}}\`},
		"env": {
			Kind:  rt,
			Name:  rn,
			Patch: fmt.Sprintf(\`{"spec":{"template":{"spec":{"containers":[{"name":%q, "env": %%s}]}}}}\`, comp.ContainerName),
		},
		"podDisruptionBudget": {
			Kind:        "PodDisruptionBudget",
			Name:        rn,
			Patch:       \`{"spec":%s}\`,
			PostProcess: postProcessPodDisruptionBudget,
		},
		"serviceAnnotations": {Kind: "Service", Name: rn, Patch: \`{"metadata":{"annotations":%s}}\`},
	}
	for field, k := range patches {
	}
}
`;

let dir: string;
let istio: GitRepo;

const commitTag = (tag: string, files: Record<string, string>) => commitTree(dir, tag, files);

describe('renderedK8sFields reads each era\'s table', () => {
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-rendered-'));
    initRepo(dir);
    // 1.6: the YAML table; translate.go is there too, without a mapping literal.
    commitTag('1.6.0', { 'operator/data/translateConfig/translateConfig-1.6.yaml': YAML_1_6, 'operator/data/translateConfig/translateConfig-1.5.yaml': 'kubernetesMapping: {}\n', 'operator/pkg/translate/translate.go': 'package translate\n' });
    commitTag('1.20.0', { 'operator/pkg/translate/translate.go': TRANSLATE_1_20 });
    commitTag('1.24.0', { 'operator/pkg/render/postprocess.go': POSTPROCESS_1_24 });
    // Broken ones: the table gone, a row in a form the importer does not read, no file at all.
    commitTag('1.25.0', { 'operator/pkg/render/postprocess.go': 'package render\n\nfunc postProcess() {}\n' });
    commitTag('1.21.0', { 'operator/pkg/translate/translate.go': TRANSLATE_1_20.replace('{OutPath: "[PodDisruptionBudget:{{.ResourceName}}].spec"}', 'mapping("PodDisruptionBudget")') });
    commitTag('1.31.0', { 'README.md': 'nothing here\n' });
    istio = new GitRepo(dir, 'test');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('1.5–1.6: translateConfig-1.X.yaml kubernetesMapping', () => {
    assert.deepEqual(renderedK8sFields(istio, '1.6.0'), [
      { field: 'affinity', target: '{ResourceType} spec.template.spec.affinity' },
      { field: 'hpaSpec', target: 'HorizontalPodAutoscaler spec' },
      { field: 'priorityClassName', target: '{ResourceType} spec.template.spec.priorityClassName' },
      { field: 'serviceAnnotations', target: 'Service metadata.annotations' },
    ]);
  });

  test('1.7–1.23: translate.go KubernetesMapping', () => {
    assert.deepEqual(renderedK8sFields(istio, '1.20.0'), [
      { field: 'env', target: '{ResourceType} spec.template.spec.containers.[name:{ContainerName}].env' },
      { field: 'podDisruptionBudget', target: 'PodDisruptionBudget spec' },
      { field: 'replicaCount', target: '{ResourceType} spec.replicas' },
    ]);
  });

  test('1.24+: postprocess.go patches, one-line and several-line rows, in the same notation', () => {
    assert.deepEqual(renderedK8sFields(istio, '1.24.0'), [
      { field: 'affinity', target: '{ResourceType} spec.template.spec.affinity' },
      { field: 'env', target: '{ResourceType} spec.template.spec.containers.[name:{ContainerName}].env' },
      { field: 'podDisruptionBudget', target: 'PodDisruptionBudget spec' },
      { field: 'serviceAnnotations', target: 'Service metadata.annotations' },
    ]);
  });

  test('a table that is missing or unreadable throws, naming the tag and the file', () => {
    assert.throws(() => renderedK8sFields(istio, '1.25.0'), /^Error: 1\.25\.0: operator\/pkg\/render\/postprocess\.go: no patches := map\[string\]Patch\{…\} literal$/);
    assert.throws(() => renderedK8sFields(istio, '1.21.0'), /^Error: 1\.21\.0: operator\/pkg\/translate\/translate\.go: unexpected KubernetesMapping row .*PodDisruptionBudget/);
    assert.throws(() => renderedK8sFields(istio, '1.31.0'), /^Error: 1\.31\.0: no k8s settings table/);
  });

  test('writeRenderedK8sFields: sorted by minor and field, 1-space JSON and a newline; nothing written when a tag fails', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-rendered-out-'));
    try {
      writeRenderedK8sFields(istio, [{ version: '1.24', istioTag: '1.24.0' }, { version: '1.6', istioTag: '1.6.0' }, { version: '1.20', istioTag: '1.20.0' }], out);
      const text = fs.readFileSync(path.join(out, 'k8s-rendered-fields.json'), 'utf8');
      const table = JSON.parse(text) as RenderedTable;
      assert.equal(text, `${JSON.stringify(table, null, 1)}\n`);
      assert.deepEqual(Object.keys(table), ['1.6', '1.20', '1.24']);
      assert.deepEqual(table['1.20'], { tag: '1.20.0', source: 'operator/pkg/translate/translate.go', fields: { env: '{ResourceType} spec.template.spec.containers.[name:{ContainerName}].env', podDisruptionBudget: 'PodDisruptionBudget spec', replicaCount: '{ResourceType} spec.replicas' } });
      assert.equal(table['1.6'].source, 'operator/data/translateConfig/translateConfig-1.6.yaml');
      fs.rmSync(path.join(out, 'k8s-rendered-fields.json'));
      assert.throws(() => writeRenderedK8sFields(istio, [{ version: '1.24', istioTag: '1.24.0' }, { version: '1.25', istioTag: '1.25.0' }], out), /1\.25\.0/);
      assert.equal(fs.existsSync(path.join(out, 'k8s-rendered-fields.json')), false);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the committed schemas/k8s-rendered-fields.json', () => {
  const committed = JSON.parse(fs.readFileSync(committedFile, 'utf8')) as RenderedTable;

  test('has every bundled release, at the tag its schema was made from', () => {
    const index = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas/index.json'), 'utf8')) as { versions: Array<{ version: string; tag: string }> };
    assert.deepEqual(Object.entries(committed).map(([v, r]) => [v, r.tag]), index.versions.map((v) => [v.version, v.tag]));
  });

  // The importer reads Istio's source from a git mirror of istio/istio, which CI does not have.
  const mirror = process.env.ISTIO_MIRROR ?? '/work/.mirror/istio+istio/repo';
  const hasMirror = fs.existsSync(path.join(mirror, 'HEAD')) || fs.existsSync(path.join(mirror, '.git'));
  test('is what k8sRendered.ts reads from the istio/istio mirror at every tag', { skip: hasMirror ? false : `no istio/istio git mirror at ${mirror} ($ISTIO_MIRROR)` }, () => {
    const repo = new GitRepo(mirror, 'istio/istio');
    for (const [version, r] of Object.entries(committed)) {
      assert.deepEqual(Object.fromEntries(renderedK8sFields(repo, r.tag).map((f) => [f.field, f.target])), r.fields, `${version} (${r.tag})`);
    }
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-rendered-mirror-'));
    try {
      writeRenderedK8sFields(repo, Object.entries(committed).map(([version, r]) => ({ version, istioTag: r.tag })), out);
      assert.equal(fs.readFileSync(path.join(out, 'k8s-rendered-fields.json'), 'utf8'), fs.readFileSync(committedFile, 'utf8'));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
