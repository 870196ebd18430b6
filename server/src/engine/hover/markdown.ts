// Small markdown pieces for hover and completion documentation.
import YAML from 'yaml';

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  const s = String(text);
  const runs = s.match(/`+/g);
  const fence = '`'.repeat(runs ? Math.max(...runs.map((r) => r.length)) + 1 : 1);
  return fence.length > 1 || s.startsWith(' ') || s.endsWith(' ') ? `${fence} ${s} ${fence}` : `${fence}${s}${fence}`;
}

/** A value as people write it in YAML: inline when short, else a fenced block (cut after `maxLines`). */
export function formatValue(value: unknown, maxLines = 15): string {
  if (value === null || value === undefined) return 'unset';
  if (typeof value !== 'object') return code(typeof value === 'string' ? value : JSON.stringify(value));
  const flow = JSON.stringify(value);
  if (flow.length <= 60) return code(flow);
  const lines = YAML.stringify(value, { lineWidth: 0 }).trimEnd().split('\n');
  const shown = lines.length > maxLines ? [...lines.slice(0, maxLines), '# …'] : lines;
  return `\n\n\`\`\`yaml\n${shown.join('\n')}\n\`\`\`\n`;
}

/** Proto doc comments are markdown already; only trim them. */
export function description(text: unknown): string {
  return typeof text === 'string' ? text.trim() : '';
}
