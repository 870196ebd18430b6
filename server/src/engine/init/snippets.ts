// Completion snippets of the blocks `iop-lint init` writes, offered where they go (keys of
// `spec.meshConfig`, keys of `spec.values`) in the releases they are right for. The bodies are YAML
// relative to that map, indented by two spaces per level, with LSP snippet placeholders; the
// collector defaults come from the same tables as the generator (eras.ts).
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { CursorContext } from '../complete/cursor.ts';
import { mapKeys, nodeAtPath } from '../parse/nodePath.ts';
import { LATEST } from '../releases.ts';
import { OPENTELEMETRY, PROVIDER_NAMES, TRACING_CAVEAT, ZIPKIN, rangeText, type Minors } from './eras.ts';

export type SnippetPlace = 'spec.meshConfig' | 'spec.values';

export interface InitSnippet {
  label: string;
  /** The map whose keys the snippet is offered among. */
  at: SnippetPlace;
  minors: Minors;
  /** The keys it writes into that map: not offered when the map already has one of them. */
  keys: string[];
  /** YAML below `at`, two spaces per level, with `${n:default}` placeholders. */
  body: string;
  documentation: string;
}

const TRACE = `*${TRACING_CAVEAT}*`;

function otelSnippets(): InitSnippet[] {
  return OPENTELEMETRY.filter((r) => !r.unsupported).map((r) => ({
    label: 'OpenTelemetry tracing provider',
    at: 'spec.meshConfig',
    minors: r.minors,
    keys: ['extensionProviders'],
    body: `extensionProviders:\n  - name: \${1:${PROVIDER_NAMES.opentelemetry}}\n    opentelemetry:\n      service: \${2:${r.service}}\n      port: \${3:${r.port}}`,
    documentation: `An OpenTelemetry collector (OTLP/gRPC) as an extension provider, as Istio's sample for ${rangeText(r.minors)} deploys it (${r.source}). A Telemetry resource naming the provider turns tracing on (\`iop-lint init --tracing opentelemetry\` writes it to telemetry.yaml). ${TRACE}`,
  }));
}

export const SNIPPETS: readonly InitSnippet[] = [
  {
    label: 'kube-prometheus: merged Prometheus metrics', at: 'spec.meshConfig', minors: [6, LATEST], keys: ['enablePrometheusMerge'],
    body: 'enablePrometheusMerge: true',
    documentation: 'Pods get `prometheus.io` annotations pointing at the Istio agent (port 15020, `/stats/prometheus`), which serves Envoy\'s, its own and the application\'s metrics; Istio\'s PodMonitor for the Prometheus Operator (1.8+) selects pods by them.',
  },
  {
    label: 'Access logs on stdout', at: 'spec.meshConfig', minors: [6, LATEST], keys: ['accessLogFile'],
    body: 'accessLogFile: /dev/stdout',
    documentation: 'Envoy access logs on each proxy\'s container log (`kubectl logs POD -c istio-proxy`).',
  },
  {
    label: 'Zipkin/Jaeger tracing in the proxy config', at: 'spec.meshConfig', minors: [5, 5], keys: ['enableTracing', 'defaultConfig'],
    body: `enableTracing: true\ndefaultConfig:\n  tracing:\n    zipkin:\n      address: \${1:${ZIPKIN[0].service}:${ZIPKIN[0].port}}`,
    documentation: `Every proxy sends Zipkin spans to the address (Istio's Jaeger and Zipkin samples serve \`zipkin.istio-system:9411\`). Istio 1.5 takes the sampling rate from \`values.pilot.traceSampling\`. ${TRACE}`,
  },
  {
    label: 'Zipkin/Jaeger tracing in the proxy config', at: 'spec.meshConfig', minors: [6, 21], keys: ['enableTracing', 'defaultConfig'],
    body: `enableTracing: true\ndefaultConfig:\n  tracing:\n    sampling: \${1:1.0}\n    zipkin:\n      address: \${2:${ZIPKIN[1].service}:${ZIPKIN[1].port}}`,
    documentation: `Every proxy sends Zipkin spans to the address (Istio's Jaeger and Zipkin samples serve \`zipkin.istio-system:9411\`); \`sampling\` is the percent of requests traced (default 1). ${TRACE}`,
  },
  {
    label: 'Zipkin tracing provider', at: 'spec.meshConfig', minors: [11, LATEST], keys: ['extensionProviders'],
    body: `extensionProviders:\n  - name: \${1:${PROVIDER_NAMES.zipkin}}\n    zipkin:\n      service: \${2:${ZIPKIN[2].service}}\n      port: \${3:${ZIPKIN[2].port}}`,
    documentation: `A Zipkin (or Jaeger) collector as an extension provider for the Telemetry API — Istio's way from 1.22, when the default Zipkin tracing went away. A Telemetry resource naming the provider turns tracing on (\`iop-lint init --tracing zipkin\` writes it to telemetry.yaml). ${TRACE}`,
  },
  ...otelSnippets(),
  {
    label: 'kube-prometheus: no bundled Prometheus', at: 'spec.values', minors: [5, 6], keys: ['prometheus'],
    body: 'prometheus:\n  enabled: false',
    documentation: 'istioctl does not install its own Prometheus (the default profile of 1.5–1.6 does); kube-prometheus\'s Prometheus scrapes the mesh through ServiceMonitors instead.',
  },
  {
    label: 'Istio standard metrics (telemetry v2)', at: 'spec.values', minors: [5, LATEST], keys: ['telemetry'],
    body: 'telemetry:\n  enabled: true\n  v2:\n    enabled: true\n    prometheus:\n      enabled: true',
    documentation: 'The proxies make Istio\'s standard metrics (`istio_requests_total`, …) and serve them to Prometheus on `/stats/prometheus` (the default, written out).',
  },
  {
    label: 'Trace sampling (PILOT_TRACE_SAMPLING)', at: 'spec.values', minors: [5, LATEST], keys: ['pilot'],
    body: 'pilot:\n  traceSampling: ${1:1.0}',
    documentation: 'istiod\'s `PILOT_TRACE_SAMPLING`: the percent of requests traced (0.0–100.0). From 1.6 `meshConfig.defaultConfig.tracing.sampling`, and a Telemetry resource\'s `randomSamplingPercentage`, win over it.',
  },
  {
    label: 'Access logs on stdout', at: 'spec.values', minors: [5, 5], keys: ['global'],
    body: 'global:\n  proxy:\n    accessLogFile: /dev/stdout',
    documentation: 'Envoy access logs on each proxy\'s container log (Istio 1.5 takes them from values; from 1.6 use `meshConfig.accessLogFile`).',
  },
];

/** The snippets for a map at a release. */
export function snippetsAt(at: string, version: string): InitSnippet[] {
  const minor = Number(version.split('.')[1]);
  return SNIPPETS.filter((s) => s.at === at && minor >= s.minors[0] && minor <= s.minors[1]);
}

/** A snippet's text with each placeholder replaced by its default: what the user gets on Tab, Tab, … */
export function expandSnippet(body: string): string {
  return body.replace(/\$\{\d+:([^}]*)\}/g, '$1');
}

/**
 * Completion items for the snippets where the cursor writes a key of `spec.meshConfig` or
 * `spec.values` (on its own line, or right after `meshConfig:`), in block style only.
 */
export function snippetCompletions(ctx: CursorContext, version: string, range: Range): CompletionItem[] {
  if (ctx.flow || !ctx.doc?.isIstioOperator) return [];
  const at = ctx.path.join('.');
  if (at !== 'spec.meshConfig' && at !== 'spec.values') return [];
  let column: number;
  let lead: string;
  let present: Set<string>;
  if (ctx.kind === 'key' && !ctx.hasColon && !ctx.afterDash) {
    column = ctx.column;
    lead = '';
    present = ctx.present;
  } else if (ctx.kind === 'value' && ctx.prefix === '') {
    column = ctx.column + ctx.indentUnit;
    lead = `\n${' '.repeat(column)}`;
    present = mapKeys(ctx.doc.doc, nodeAtPath(ctx.doc.doc, ctx.path));
  } else {
    return [];
  }
  return snippetsAt(at, version).filter((s) => !s.keys.some((k) => present.has(k))).map((s, i) => ({
    label: s.label,
    kind: CompletionItemKind.Snippet,
    detail: `snippet · Istio ${rangeText(s.minors)}`,
    filterText: `${s.keys[0]} ${s.label}`,
    sortText: `z${String(i).padStart(4, '0')}`,
    documentation: { kind: MarkupKind.Markdown, value: `${s.documentation}\n\n\`\`\`yaml\n${expandSnippet(s.body)}\n\`\`\`` },
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range, newText: lead + indent(s.body, column, ctx.indentUnit) },
  }));
}

/**
 * Re-indents a two-space body to the document's step (a list item's keys stay two columns right of
 * its `- `) and puts every line after the first at `column`.
 */
function indent(body: string, column: number, unit: number): string {
  const stack: Array<[number, number]> = [[0, 0]];
  return body.split('\n').map((line, i) => {
    const text = line.trimStart();
    const orig = line.length - text.length;
    while (stack.length > 1 && stack[stack.length - 1][0] > orig) stack.pop();
    const top = stack[stack.length - 1];
    const col = top[0] === orig ? top[1] : top[1] + unit;
    if (top[0] !== orig) stack.push([orig, col]);
    if (text.startsWith('- ')) stack.push([orig + 2, col + 2]);
    const own = ' '.repeat(col) + text;
    return i === 0 ? own.trimStart() : ' '.repeat(column) + own;
  }).join('\n');
}
