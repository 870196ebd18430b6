// The 1.24+ Kubernetes types in the generated schemas: Kubernetes' own JSON shape, of the vendored
// release, strict, with its required fields; and the generator's reading of OpenAPI enums.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { enumFromDescription } from '../../scripts/schema/kubernetesTypes.ts';
import { availableMinors, loadSchema, resolvePath } from './helpers.ts';

const K8S = 'spec.components.pilot.k8s';

describe('Kubernetes types from the OpenAPI definitions (1.24+)', () => {
  for (const v of availableMinors(['1.24', '1.28', '1.29', '1.30'])) {
    test(`${v}: inline structs are flattened and the protobuf wrappers are gone`, () => {
      const s = loadSchema(v);
      const volume = resolvePath(s, `${K8S}.volumes.[]`)!;
      assert.ok(volume.properties.configMap && !volume.properties.volumeSource, 'Volume: configMap inline, no volumeSource');
      assert.ok(resolvePath(s, `${K8S}.volumes.[].configMap.name`), 'ConfigMapVolumeSource: name inline');
      assert.ok(resolvePath(s, `${K8S}.env.[].valueFrom.secretKeyRef.name`));
      const probe = resolvePath(s, `${K8S}.readinessProbe`)!;
      assert.ok(probe.properties.httpGet && probe.properties.grpc && !probe.properties.handler);
      assert.equal(probe.additionalProperties, false);
      assert.deepEqual(resolvePath(s, `${K8S}.env.[]`)!['x-kubernetes-required'], ['name']);
      assert.equal(resolvePath(s, `${K8S}.resources.requests.*`)!['x-istio-type'], 'Quantity');
      assert.equal(resolvePath(s, `${K8S}.readinessProbe.httpGet.port`)!['x-istio-type'], 'IntOrString');
      assert.ok(resolvePath(s, `${K8S}.hpaSpec.metrics.[].resource.target.averageUtilization`), 'autoscaling/v2');
      assert.equal(resolvePath(s, `${K8S}.hpaSpec.metrics.[].resource.targetAverageUtilization`), undefined);
      assert.match(String(resolvePath(s, K8S + '.readinessProbe')!['x-kubernetes-version']), /^1\.3\d$/);
    });
  }

  test('the Kubernetes release follows istio-vendored.json: matchLabelKeys in a pod affinity term from Kubernetes 1.29 (Istio 1.24 vendors 1.31)', () => {
    assert.ok(resolvePath(loadSchema('1.24'), `${K8S}.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution.[].matchLabelKeys`));
    assert.equal(resolvePath(loadSchema('1.24'), `${K8S}.readinessProbe`)!['x-kubernetes-version'], '1.31');
    assert.equal(resolvePath(loadSchema('1.30'), `${K8S}.readinessProbe`)!['x-kubernetes-version'], '1.35');
  });

  test('up to 1.23 the same fields keep the protobuf shape', () => {
    const s = loadSchema('1.23');
    assert.ok(resolvePath(s, `${K8S}.volumes.[].volumeSource.configMap.localObjectReference.name`));
    assert.equal(resolvePath(s, `${K8S}.readinessProbe.grpc`), undefined);
  });

  test('enums written as "Possible enum values" in a description are read (the form swagger.json uses)', () => {
    const d = 'Image pull policy. One of Always, Never, IfNotPresent.\n\nPossible enum values:\n - `"Always"` means that kubelet always attempts to pull\n - `"IfNotPresent"` means pull if not present\n - `"Never"` means never pull';
    assert.deepEqual(enumFromDescription(d), ['Always', 'IfNotPresent', 'Never']);
    assert.equal(enumFromDescription('One of Always, Never.'), undefined);
  });
});
