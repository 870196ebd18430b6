// The sarif format: SARIF 2.1.0 for code-scanning upload. One run; a rule per diagnostic code;
// locations relative to the working directory (%SRCROOT%), regions 1-based with an exclusive
// end column, in UTF-16 code units as in LSP (SARIF's default column kind).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DiagnosticCode } from '../engine/validate/diagnostics.ts';
import type { ReadProblem } from './files.ts';
import { diagnosticPath, severityName, type FileResult, type SeverityName } from './lint.ts';

const SRCROOT = '%SRCROOT%';

/** What each code means, for the rules table (every code the engine can report). */
const RULES: Record<DiagnosticCode, string> = {
  'yaml-syntax': 'The file is not valid YAML.',
  'duplicate-key': 'A key appears twice in one map; istioctl rejects the file.',
  'api-version': 'An IstioOperator must have apiVersion install.istio.io/v1alpha1.',
  'unknown-field': 'A field the Istio release does not have; istioctl rejects it.',
  'unknown-field-ignored': 'A field the Istio release does not have and silently ignores: the setting has no effect.',
  'field-not-in-version': 'A field that exists in other Istio releases, but not in this one.',
  'field-moved': 'A field that moved elsewhere in this Istio release.',
  'deprecated': 'A deprecated field; the message names the replacement when there is one.',
  'removed': 'A deprecated field that this release of istioctl rejects.',
  'type': 'A value of the wrong type (a quoted boolean or number, a list for a map, …).',
  'enum': 'A value that is not one of the allowed values.',
  'invalid-duration': 'A duration that is not in Go form (10s, 1.5s, 100ms, 30m, 1h).',
  'invalid-quantity': 'A Kubernetes quantity that is not well formed (100m, 512Mi, 1.5Gi).',
  'pattern': 'A string that does not have the form the field requires.',
  'minimum': 'A number below the field\'s minimum.',
  'oneof': 'More than one member of a group of which only one may be set.',
  'version-not-bundled': 'The requested Istio version is not bundled; a nearby one was used.',
  'too-large': 'The file is over the size limit and was not checked.',
  'alias-limit': 'Too many YAML alias expansions; the rest of the document was not checked.',
  'depth-limit': 'Nesting too deep; the deeper levels were not checked.',
  'non-string-key': 'A map key that is not a plain string.',
  'invalid-hub': 'spec.hub is not a valid image registry path.',
  'invalid-tag': 'spec.tag is not a valid image tag.',
  'invalid-revision': 'spec.revision is not a DNS label.',
  'invalid-gateway-name': 'A gateway name istioctl rejects.',
  'privileged-port': 'A gateway port that needs root (below 1024) without runAsRoot.',
  'invalid-ip-ranges': 'An IP range list that is not "*", "" or comma-separated CIDRs.',
  'invalid-inbound-ports': 'A port list that is not "*", "" or comma-separated ports.',
  'replica-count-with-autoscale': 'A replicaCount that the autoscaler overrides.',
  'multiple-operators': 'More than one IstioOperator in a file; istioctl reads one per file.',
  'k8s-form': 'A Kubernetes setting in the other era\'s form (protobuf up to 1.23, Kubernetes\' own from 1.24).',
  'k8s-required': 'A field Kubernetes requires, missing from an object istioctl renders as written.',
  'k8s-enum': 'A value Kubernetes refuses although istioctl accepts it.',
  'ignored-setting': 'A setting istioctl accepts and then never applies.',
  'broken-setting': 'A setting istioctl accepts that renders an object Kubernetes refuses, or that no form can express.',
  'misplaced-field': 'A field written one level away from where istioctl reads it.',
  'invalid-profile': 'spec.profile names no built-in profile of the release (or a file where the release reads none).',
  'install-package-url': 'spec.installPackagePath as a URL, which istioctl no longer downloads (1.17+; 1.16 warns).',
  'unsupported-setting': 'A setting the release\'s charts fail on.',
  'invalid-mesh-config': 'A mesh config value istioctl\'s ValidateMeshConfig refuses (from 1.24 only istiod does).',
  'invalid-addon-name': 'An addon component name istioctl 1.6–1.8 expects to start lower-case.',
  'feature-conflict': 'Two settings istioctl warns about together (auto mTLS without control plane security, 1.5–1.6).',
  'duplicate-key-ignored': 'A key written twice in one map: this release of istioctl silently uses the last value.',
  'overlay-target': 'A k8s.overlays entry whose kind and name the component does not render (istioctl 1.5–1.23 fails, 1.24+ does nothing), or that is never applied.',
  'overlay-path': 'A k8s.overlays patch path istioctl cannot walk (a malformed or unmatched list selector, an unknown container) or that does nothing.',
  'overlay-field': 'A k8s.overlays patch path through a field the Kubernetes object does not have; istioctl writes it, the API server drops or refuses it.',
  'overlay-value': 'A k8s.overlays patch value of the wrong shape for its field, or one that replaces more than it names.',
};

const LEVEL: Record<SeverityName, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note' };

export function formatSarif(results: FileResult[], problems: ReadProblem[], cwd: string, toolVersion: string): string {
  const used = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => String(d.code ?? 'unknown'))))].sort();
  const ruleIndex = new Map(used.map((id, i) => [id, i]));
  const rules = used.map((id) => ({
    id,
    name: id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: RULES[id as DiagnosticCode] ?? id },
  }));
  const sarifResults = results.flatMap((r) => r.diagnostics.map((d) => {
    const start = d.range.start;
    const end = d.range.end;
    const logical = diagnosticPath(d);
    return {
      ruleId: String(d.code ?? 'unknown'),
      ruleIndex: ruleIndex.get(String(d.code ?? 'unknown'))!,
      level: LEVEL[severityName(d)],
      message: { text: d.message },
      locations: [{
        physicalLocation: {
          artifactLocation: artifactLocation(r.absolute, cwd),
          region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
        },
        ...(logical ? { logicalLocations: [{ fullyQualifiedName: logical, kind: 'member' }] } : {}),
      }],
    };
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'iop-lint', fullName: 'Istio Operator Tools: iop-lint', version: toolVersion, semanticVersion: toolVersion, rules } },
      originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
      invocations: [{
        executionSuccessful: problems.length === 0,
        toolExecutionNotifications: problems.map((p) => ({ level: 'error', message: { text: `cannot read ${p.display}: ${p.message}` } })),
      }],
      results: sarifResults,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A path inside the working directory as a relative URI reference (%SRCROOT%), else a file URI. */
function artifactLocation(absolute: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(cwd, absolute);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(absolute).href };
}
