// Feeds one input to every engine feature and checks the invariants.
import type { Position, Range } from 'vscode-languageserver-types';
import type { Engine } from '../../server/src/engine/engine.ts';
import type { Random } from './random.ts';

export interface Outcome { ms: number; diagnostics: number }

export function runEngine(engine: Engine, text: string, r: Random): Outcome {
  const t0 = performance.now();
  const file = engine.parse(text);
  const diags = engine.validate(file);
  const lineCount = file.lines.lineCount;
  const inside = (range: Range, what: string) => {
    for (const p of [range.start, range.end]) {
      if (p.line < 0 || p.line >= lineCount || p.character < 0 || p.character > file.lines.lineText(p.line).length) {
        throw new Error(`${what} range ${JSON.stringify(range)} is outside the document (${lineCount} lines)`);
      }
    }
  };
  for (const d of diags) inside(d.range, `diagnostic ${d.code}`);
  const features = engine as unknown as {
    complete?: (f: unknown, p: Position) => unknown;
    hover?: (f: unknown, p: Position) => { range?: Range } | null;
    symbols?: (f: unknown) => unknown;
    folding?: (f: unknown) => unknown;
  };
  for (let i = 0; i < 3; i++) {
    const pos = { line: r.int(lineCount + 2), character: r.int(120) };
    features.complete?.call(engine, file, pos);
    const h = features.hover?.call(engine, file, pos);
    if (h?.range) inside(h.range, 'hover');
  }
  features.symbols?.call(engine, file);
  features.folding?.call(engine, file);
  return { ms: performance.now() - t0, diagnostics: diags.length };
}
