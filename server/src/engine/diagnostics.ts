// The diagnostics the engine reports: LSP-shaped, with a stable code and the document path.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';

export const SOURCE = 'istio-operator';

/** Stable codes: documented in the README; never renamed. */
export type DiagnosticCode =
  | 'yaml-syntax' | 'duplicate-key' | 'api-version' | 'unknown-field' | 'unknown-field-ignored'
  | 'field-not-in-version' | 'field-moved' | 'deprecated' | 'removed' | 'type' | 'enum'
  | 'invalid-duration' | 'invalid-quantity' | 'pattern' | 'minimum' | 'oneof'
  | 'version-not-bundled' | 'too-large' | 'alias-limit' | 'depth-limit' | 'non-string-key'
  // istioctl's checks beyond the schema (rules/)
  | 'invalid-hub' | 'invalid-tag' | 'invalid-revision' | 'invalid-gateway-name' | 'privileged-port'
  | 'invalid-ip-ranges' | 'invalid-inbound-ports' | 'replica-count-with-autoscale' | 'multiple-operators';

/** A replacement for the diagnostic's range that fixes it; offered as a quick fix the user applies. */
export interface QuickFix { title: string; newText: string }

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
