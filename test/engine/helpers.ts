// Fixtures with the cursor marked in the text: `|` (or another marker) is removed and its place
// returned as an LSP position, so every test reads as the file a person would be editing.
import type { CompletionItem, CompletionList, Diagnostic, Hover, MarkupContent, Position, TextEdit } from 'vscode-languageserver-types';
import type { Engine, EngineSettings } from '../../server/src/engine/engine.ts';

export interface Marked { text: string; position: Position; offset: number }

/** Strips the single cursor marker and returns the text and where the marker was. */
export function marked(source: string, marker = '|'): Marked {
  const offset = source.indexOf(marker);
  if (offset < 0 || source.indexOf(marker, offset + marker.length) >= 0) throw new Error(`the fixture needs exactly one ${JSON.stringify(marker)} cursor marker`);
  const text = source.slice(0, offset) + source.slice(offset + marker.length);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { text, offset, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

/** The IstioOperator header most fixtures start with, pinned to a release by the version comment. */
export function operator(version: string, body: string): string {
  return `# istio-version: ${version}\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\n${body}`;
}

export function completeAt(engine: Engine, source: string, settings?: EngineSettings, marker?: string): CompletionList {
  const m = marked(source, marker);
  return engine.complete(engine.parse(m.text), m.position, settings);
}

export function hoverAt(engine: Engine, source: string, settings?: EngineSettings, marker?: string): Hover | null {
  const m = marked(source, marker);
  return engine.hover(engine.parse(m.text), m.position, settings);
}

export function labels(list: CompletionList): string[] {
  return list.items.map((i) => i.label);
}

export function item(list: CompletionList, label: string): CompletionItem {
  const found = list.items.find((i) => i.label === label);
  if (!found) throw new Error(`no completion ${JSON.stringify(label)} among ${labels(list).join(', ')}`);
  return found;
}

export function edit(i: CompletionItem): TextEdit {
  if (!i.textEdit || !('range' in i.textEdit)) throw new Error(`completion ${i.label} has no plain textEdit`);
  return i.textEdit;
}

export function docs(i: CompletionItem): string {
  const d = i.documentation as MarkupContent | undefined;
  if (!d || d.kind !== 'markdown') throw new Error(`completion ${i.label} has no markdown documentation`);
  return d.value;
}

export function hoverText(h: Hover | null): string {
  if (!h) throw new Error('expected a hover');
  return (h.contents as MarkupContent).value;
}

/** A deterministic pseudo-random generator for the robustness tests. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A large IstioOperator (many gateways with k8s settings and long values): about `lines` lines. */
export function largeOperator(version: string, lines: number): string {
  const head = [
    `# istio-version: ${version}`,
    'apiVersion: install.istio.io/v1alpha1',
    'kind: IstioOperator',
    'metadata:',
    '  name: large',
    'spec:',
    '  profile: default',
    '  meshConfig:',
    '    accessLogFile: /dev/stdout',
    '  components:',
    '    pilot:',
    '      k8s:',
    '        resources:',
    '          requests:',
    '            cpu: 500m',
    '    ingressGateways:',
  ];
  const out = [...head];
  for (let i = 0; out.length < lines - 8; i++) {
    const long = `${'x'.repeat(120)}-${i}`;
    out.push(
      `      - name: gateway-${i}`,
      '        enabled: true',
      '        label:',
      `          app: gateway-${i}`,
      `          description: "${long}"`,
      '        k8s:',
      '          hpaSpec:',
      '            maxReplicas: 5',
      '          resources:',
      '            requests:',
      '              cpu: 100m',
      '              memory: 128Mi',
      '          podAnnotations:',
      `            note: ${long}`,
      '          service:',
      '            ports:',
      '              - port: 80',
      '                targetPort: 8080',
      `                name: http-${i}`,
    );
  }
  out.push('  values:', '    global:', '      hub: docker.io/istio', '      logging:', '        level: "default:info"', '    pilot:', '      traceSampling: 1.0', '');
  return out.join('\n');
}

/** Applies the first quick fix the engine offers for `d`, as a client would; returns the new text. */
export function applyFirstFix(engine: Engine, text: string, d: Diagnostic): string {
  const uri = 'file:///fixture.yaml';
  const file = engine.parse(text);
  const action = engine.codeActions(file, uri, [d]).find((a) => a.diagnostics?.includes(d));
  if (!action) throw new Error(`no fix for ${String(d.code)}: ${String(d.message)}`);
  const edits = [...action.edit!.changes![uri]].sort((a, b) => file.lines.offset(b.range.start) - file.lines.offset(a.range.start));
  let out = text;
  for (const e of edits) out = out.slice(0, file.lines.offset(e.range.start)) + e.newText + out.slice(file.lines.offset(e.range.end));
  return out;
}
