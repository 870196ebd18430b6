// The layout the project holds itself to, checked on the sources: no import cycles (static or
// dynamic), an engine free of VS Code and of the LSP runtime, a client with no Istio logic, and
// engine files of a readable size.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from './support/lspClient.ts';

const SOURCE_DIRS = ['server/src', 'client/src', 'protocol', 'scripts'];

function sources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) out.push(p);
    }
  };
  for (const d of SOURCE_DIRS) walk(path.join(repoRoot, d));
  return out;
}

/** Relative imports of a file (`import … from './x.ts'`, `export … from`, `await import('./x.ts')`), type-only ones included. */
function importsOf(file: string): { relative: string[]; packages: Array<{ name: string; typeOnly: boolean }> } {
  const text = fs.readFileSync(file, 'utf8');
  const relative: string[] = [];
  const packages: Array<{ name: string; typeOnly: boolean }> = [];
  const re = /^\s*(import|export)(\s+type)?\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of text.matchAll(re)) {
    const spec = m[3] ?? m[4];
    if (spec.startsWith('.')) relative.push(path.resolve(path.dirname(file), spec));
    else packages.push({ name: spec, typeOnly: !!m[2] });
  }
  return { relative, packages };
}

describe('architecture', () => {
  const files = sources();
  const graph = new Map(files.map((f) => [f, importsOf(f)]));

  it('no import cycles', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, stack: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') { cycles.push([...stack.slice(stack.indexOf(f)), f].map((x) => path.relative(repoRoot, x)).join(' → ')); return; }
      state.set(f, 'open');
      for (const dep of graph.get(f)?.relative ?? []) if (graph.has(dep)) visit(dep, [...stack, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    assert.deepEqual(cycles, []);
  });

  it('the engine imports no VS Code and no LSP runtime (LSP data types only)', () => {
    const bad = files.filter((f) => f.includes(`${path.sep}engine${path.sep}`)).flatMap((f) =>
      graph.get(f)!.packages.filter((p) => p.name === 'vscode' || p.name.startsWith('vscode-languageserver/') || p.name === 'vscode-languageserver' || p.name === 'vscode-languageclient')
        .map((p) => `${path.relative(repoRoot, f)}: ${p.name}`));
    assert.deepEqual(bad, []);
  });

  it('the client holds no Istio logic: it never imports the engine', () => {
    const bad = files.filter((f) => f.startsWith(path.join(repoRoot, 'client'))).flatMap((f) =>
      graph.get(f)!.relative.filter((d) => d.startsWith(path.join(repoRoot, 'server'))).map((d) => `${path.relative(repoRoot, f)} → ${path.relative(repoRoot, d)}`));
    assert.deepEqual(bad, []);
  });

  it('engine files stay under 500 lines', () => {
    const long = files.filter((f) => f.includes(`${path.sep}engine${path.sep}`))
      .map((f) => ({ f: path.relative(repoRoot, f), lines: fs.readFileSync(f, 'utf8').split('\n').length }))
      .filter((x) => x.lines >= 500);
    assert.deepEqual(long, []);
  });
});
