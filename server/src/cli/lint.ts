// Lints one file's text with the engine: its diagnostics, sorted by position, and the Istio
// version its first IstioOperator document is checked against.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Engine, EngineSettings } from '../engine/engine.ts';

export type SeverityName = 'error' | 'warning' | 'information';

export interface FileResult {
  display: string;
  absolute: string;
  /** The minor used for the file's first IstioOperator document; null when it holds none. */
  istioVersion: string | null;
  diagnostics: Diagnostic[];
}

export function lintText(engine: Engine, text: string, settings: EngineSettings): { istioVersion: string | null; hasIstioOperator: boolean; diagnostics: Diagnostic[] } {
  // Editors drop a byte-order mark; so do we, so line 1's columns match theirs.
  const file = engine.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const first = file.documents.find((d) => d.isIstioOperator);
  const istioVersion = first ? engine.versionOf(file, first, settings).version : null;
  const diagnostics = engine.validate(file, settings).sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  return { istioVersion, hasIstioOperator: !!first, diagnostics };
}

export function severityName(d: Diagnostic): SeverityName {
  return d.severity === DiagnosticSeverity.Error ? 'error' : d.severity === DiagnosticSeverity.Warning ? 'warning' : 'information';
}

export function diagnosticPath(d: Diagnostic): string {
  const data = d.data as { path?: unknown } | undefined;
  return typeof data?.path === 'string' ? data.path : '';
}

export function counts(results: FileResult[]): { errors: number; warnings: number; information: number } {
  const c = { errors: 0, warnings: 0, information: 0 };
  for (const r of results) {
    for (const d of r.diagnostics) {
      const s = severityName(d);
      if (s === 'error') c.errors++;
      else if (s === 'warning') c.warnings++;
      else c.information++;
    }
  }
  return c;
}
