// Reviewed facts about the 1.24+ Go spec (operator/pkg/apis/types.go) that its struct types do
// not say; checked against 1.24.6–1.30.3 (reviewedTables.ts watches types.go for a new release).

/**
 * Fields whose Go type is not their shape: the RawMessage fields are decoded later by their own
 * decoders — `values` as the Values proto (jsonpb, unknown fields refused: value_types_json.go@1.24.6:81-88),
 * `meshConfig` as MeshConfig (protomarshal.ApplyYAML, pkg/util/protomarshal@1.24.6:174-184);
 * `unvalidatedValues` is `any` but merged into the Helm values, which must be a map (render/manifest.go@1.24.6).
 */
export const GO_DECODED_AS: Record<string, string> = {
  'IstioOperatorSpec.meshConfig': 'istio.mesh.v1alpha1.MeshConfig',
  'IstioOperatorSpec.values': 'istio.operator.v1alpha1.Values',
  'IstioOperatorSpec.unvalidatedValues': 'object',
};

/**
 * Short descriptions for the Go-only fields: used where istio/api 1.23's operator.proto has no
 * doc for the field (specTree.ts takes the proto's doc first).
 */
export const GO_FIELD_NOTES: Record<string, string> = {
  'IstioOperator.apiVersion': 'install.istio.io/v1alpha1',
  'IstioOperator.kind': 'IstioOperator',
  'IstioOperatorSpec.profile': 'built-in profile name or a path to a profile file; unset means "default"',
  'IstioOperatorSpec.installPackagePath': 'path to a local install package (charts and profiles)',
  'IstioOperatorSpec.hub': 'root of the container image paths, e.g. docker.io/istio',
  'IstioOperatorSpec.tag': 'image tag, e.g. 1.24.6; numbers are accepted for historical reasons',
  'IstioOperatorSpec.namespace': 'namespace for control plane resources; defaults to the CR\'s namespace',
  'IstioOperatorSpec.revision': 'control plane revision name (experimental)',
  'IstioOperatorSpec.compatibilityVersion': '"major.minor", e.g. "1.23": behave like an older release (experimental)',
  'IstioOperatorSpec.values': 'pass-through to the Helm charts\' values, validated',
  'IstioOperatorSpec.unvalidatedValues': 'pass-through to the Helm charts\' values, not validated',
  'IstioComponentSpec.istiodRemote': 'remote cluster that uses an external control plane',
  'ComponentSpec.hub': 'overrides spec.hub for this component',
  'ComponentSpec.tag': 'overrides spec.tag for this component',
  'GatewayComponentSpec.name': 'gateway name, e.g. istio-ingressgateway',
  'GatewayComponentSpec.label': 'labels for the gateway',
  'KubernetesResources.imagePullPolicy': 'Always | IfNotPresent | Never',
  'KubernetesOverlay.name': 'the resource\'s namespace is always the component\'s',
  'Patch.path': 'a.[key:value].b.[:value] selectors; intermediate nodes must exist',
  'Patch.value': 'add/replace value; unset means delete',
};
