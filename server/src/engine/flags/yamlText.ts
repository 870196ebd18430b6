// YAML text of values the flags build, safe for both readers: the engine's (YAML 1.1) and
// istioctl's (Go yaml.v2, which also reads `0o17`, `1_000` and `0x1F` as numbers). Strings that
// either could take for something else are double-quoted.
import YAML, { isScalar, visit, type Document } from 'yaml';
import type { Json } from './jsonTree.ts';

// What yaml.v2's resolve (gopkg.in/yaml.v2 resolve.go) reads as other than a string, besides what
// the YAML 1.1 schema the `yaml` library quotes by itself: base-0 integers (0o17, 0b1, 0x1F) and
// floats after dropping every `_`, y/n, and dates.
const GO_WORDS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const GO_INT = /^[-+]?(?:0b[01]+|0o[0-7]+|0x[\da-f]+|\d+)$/i;
const GO_FLOAT = /^[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:e[-+]?\d+)?$/i;
const GO_DATE = /^\d{4}-\d\d?-\d\d?(?:$|[Tt ])/;

/** A string a YAML reader could take for a number, a boolean, null or a timestamp when plain. */
export function needsQuotes(s: string): boolean {
  if (s === '' || s !== s.trim() || GO_WORDS.test(s) || GO_DATE.test(s)) return true;
  const plain = s.replaceAll('_', '');
  return GO_INT.test(plain) || GO_FLOAT.test(plain);
}

type Quote = 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';

function document(value: Json, flow: boolean, quote?: Quote): Document {
  const doc = new YAML.Document(value, { version: '1.1' });
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'string') return;
      if (quote) node.type = quote;
      else if (needsQuotes(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  if (flow && doc.contents && !isScalar(doc.contents)) (doc.contents as { flow?: boolean }).flow = true;
  return doc;
}

/** Block YAML, without the final line break. */
export function blockText(value: Json): string {
  return document(value, false).toString({ indent: 2, lineWidth: 0 }).replace(/\n$/, '');
}

/** One line: a scalar (in the quotes the value it replaces had), or a flow collection (`{ a: 1, b: [ x ] }`). */
export function inlineText(value: Json, quote?: string): string {
  const q = quote === 'QUOTE_DOUBLE' || quote === 'QUOTE_SINGLE' ? quote : undefined;
  return document(value, true, q).toString({ indent: 2, lineWidth: 0 }).replace(/\n$/, '');
}

export const isCollection = (v: Json | undefined) => typeof v === 'object' && v !== null;
