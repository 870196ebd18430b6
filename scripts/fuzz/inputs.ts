// The fuzzers' inputs: the seed files (the examples and test fixtures) and the mutated texts made
// from them, and the report each target fills in. Shared by run.ts and serverTarget.ts.
import fs from 'node:fs';
import path from 'node:path';
import { MUTATORS } from './mutators.ts';
import type { Random } from './random.ts';

const root = path.resolve(import.meta.dirname, '../..');

export function seedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name)) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(root, 'examples'));
  walk(path.join(root, 'test', 'fixtures'));
  if (!out.length) out.push('apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: default\n  hub: docker.io/istio\n');
  return out;
}

/** One input per step, round-robin over the classes, mutating a seed file chosen by the PRNG. */
export function* inputs(r: Random, seeds: string[], n: number): Generator<{ kind: string; text: string }> {
  const kinds = Object.keys(MUTATORS);
  for (let i = 0; i < n; i++) {
    const kind = kinds[i % kinds.length];
    yield { kind, text: MUTATORS[kind](r.pick(seeds), r) };
  }
}

export interface Report { perClass: Record<string, number>; slowest: { kind: string; ms: number; size: number }; failures: string[]; peakRssMb: number; ran: number }

