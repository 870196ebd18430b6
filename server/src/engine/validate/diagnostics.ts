// The diagnostics the engine reports: LSP-shaped, with a stable code and the document path.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Rewrite } from '../k8s/forms.ts';

export const SOURCE = 'istio-operator';

/** Stable codes: documented in the README; never renamed. */
export type DiagnosticCode =
  | 'yaml-syntax' | 'duplicate-key' | 'api-version' | 'unknown-field' | 'unknown-field-ignored'
  | 'field-not-in-version' | 'field-moved' | 'deprecated' | 'removed' | 'type' | 'enum'
  | 'invalid-duration' | 'invalid-quantity' | 'pattern' | 'minimum' | 'oneof'
  | 'version-not-bundled' | 'too-large' | 'alias-limit' | 'depth-limit' | 'non-string-key'
  // istioctl's checks beyond the schema (rules/)
  | 'invalid-hub' | 'invalid-tag' | 'invalid-revision' | 'invalid-gateway-name' | 'privileged-port'
  | 'invalid-ip-ranges' | 'invalid-inbound-ports' | 'replica-count-with-autoscale' | 'multiple-operators'
  // Kubernetes settings as each release reads them (k8s/)
  | 'k8s-form' | 'k8s-required' | 'k8s-enum' | 'ignored-setting' | 'broken-setting' | 'misplaced-field' | 'duplicate-key-ignored' | 'invalid-profile'
  | 'install-package-url' | 'unsupported-setting' | 'invalid-mesh-config' | 'invalid-addon-name' | 'feature-conflict'
  // k8s.overlays as istioctl applies them (overlays/)
  | 'overlay-target' | 'overlay-path' | 'overlay-field' | 'overlay-value';

/**
 * A fix the user applies: a replacement for the diagnostic's range (`newText`), or a rewrite the
 * engine works out from the current text when the fix is asked for (so it never goes stale).
 */
export type QuickFix =
  | { title: string; newText: string }
  | { title: string; rewrite: Rewrite };

export interface DiagnosticData { path: string; fix?: QuickFix }

export function makeDiagnostic(
  range: Diagnostic['range'],
  severity: 'error' | 'warning' | 'information',
  code: DiagnosticCode,
  message: string,
  path: string,
  extra?: Partial<Diagnostic>,
): Diagnostic {
  const sev = severity === 'error' ? DiagnosticSeverity.Error : severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
  const d: Diagnostic = { range, severity: sev, code, source: SOURCE, message, data: { path } satisfies DiagnosticData, ...extra };
  return d;
}
