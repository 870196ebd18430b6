// Input classes for fuzzing: mutations of valid IstioOperator files and hostile constructions.
import type { Random } from './random.ts';

export type Mutator = (seed: string, r: Random) => string;

const ODD = ['\u200b', '\u202e', '\ufeff', '\u0000', '\ud800', '\udfff', '😀', 'ǅ', '\u2028', '\u00a0', '\t', '\r'];

export const MUTATORS: Record<string, Mutator> = {
  byteFlip: (s, r) => {
    const chars = [...s];
    for (let i = 0, n = 1 + r.int(8); i < n && chars.length; i++) chars[r.int(chars.length)] = String.fromCharCode(r.int(128));
    return chars.join('');
  },
  truncate: (s, r) => {
    // Cut at a position of a chosen class: after a colon, inside a key, inside indentation, inside quotes, anywhere.
    const classes = [/:/g, /[a-zA-Z]/g, /^ +/gm, /["']/g, /-/g, /\n/g];
    const re = r.pick(classes);
    const spots = [...s.matchAll(re)].map((m) => m.index! + r.int(Math.max(1, m[0].length)));
    return s.slice(0, spots.length ? r.pick(spots) : r.int(s.length + 1));
  },
  indentShift: (s, r) => s.split('\n').map((l) => (r.next() < 0.2 ? ' '.repeat(r.int(5)) + l : r.next() < 0.1 ? l.replace(/^ {1,3}/, '') : l)).join('\n'),
  tabs: (s, r) => s.replace(/^( +)/gm, (m) => (r.next() < 0.3 ? '\t'.repeat(Math.ceil(m.length / 2)) : m)),
  crlf: (s) => s.replace(/\n/g, '\r\n'),
  bom: (s) => `\ufeff${s}`,
  unicode: (s, r) => {
    const chars = [...s];
    for (let i = 0, n = 1 + r.int(10); i < n; i++) chars.splice(r.int(chars.length + 1), 0, r.pick(ODD));
    return chars.join('');
  },
  deepNesting: (_s, r) => {
    const depth = 500 + r.int(5000);
    return r.next() < 0.5
      ? `kind: IstioOperator\napiVersion: install.istio.io/v1alpha1\nspec:\n  values: ${'['.repeat(depth)}${']'.repeat(depth)}\n`
      : `kind: IstioOperator\nspec:\n${Array.from({ length: Math.min(depth, 2000) }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n')} 1\n`;
  },
  wideMap: (_s, r) => {
    const n = 10000;
    const keys = Array.from({ length: n }, (_, i) => `    key${i}: ${r.int(1000)}`).join('\n');
    return `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n${keys}\n  unvalidatedValues:\n${keys}\n`;
  },
  hugeScalar: (s, r) => s.replace(/hub: .*/, `hub: ${'a'.repeat(1024 * 1024)}`).replace(/^(spec:)$/m, `$1\n  tag: "${'x'.repeat(r.int(1024 * 1024))}"`),
  aliases: (s) => s.replace(/^(spec:)$/m, '$1\n  x-anchor: &a {enabled: true}\n  components:\n    pilot: *a\n    cni: *a').replace(/  components:\n(?=[\s\S]*  components:)/, '  components2:\n'),
  aliasBomb: () => {
    const lines = ['apiVersion: install.istio.io/v1alpha1', 'kind: IstioOperator', 'spec:', '  values:', '    a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) lines.push(`    a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
    lines.push('  components:', '    pilot:', '      k8s: *a11');
    return `${lines.join('\n')}\n`;
  },
  manyDocuments: (s, r) => Array.from({ length: 1000 + r.int(3000) }, (_, i) => (i % 50 === 0 ? s : `kind: ConfigMap\nmetadata:\n  name: c${i}\n`)).join('\n---\n'),
  binaryGarbage: (_s, r) => String.fromCharCode(...Array.from({ length: 1 + r.int(4096) }, () => r.int(256))),
};
