// The text format: `file:line:col: severity code message`, 1-based, one line per diagnostic.
import { severityName, type FileResult } from './lint.ts';

export function formatText(results: FileResult[]): string {
  let out = '';
  for (const r of results) {
    for (const d of r.diagnostics) {
      out += `${r.display}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severityName(d)} ${d.code ?? 'unknown'} ${d.message}\n`;
    }
  }
  return out;
}
