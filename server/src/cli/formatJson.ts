// The json format: `{"files":[{"path","istioVersion","diagnostics":[{severity, code, message,
// path, range}]}]}`, with 0-based LSP ranges. Every checked file is listed, clean ones too.
import { diagnosticPath, severityName, type FileResult } from './lint.ts';

export function formatJson(results: FileResult[]): string {
  const files = results.map((r) => ({
    path: r.display,
    istioVersion: r.istioVersion,
    diagnostics: r.diagnostics.map((d) => ({
      severity: severityName(d),
      code: d.code ?? null,
      message: d.message,
      path: diagnosticPath(d),
      range: { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } },
    })),
  }));
  return `${JSON.stringify({ files }, null, 2)}\n`;
}
