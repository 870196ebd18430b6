// Turns a proto doc comment into clean markdown, and reads the facts hidden in it.

export interface DocFacts {
  markdown: string;
  hidden: boolean; // `$hide_from_docs`: the field works but Istio does not document it
  deprecation?: string; // the sentence that says it is deprecated, when the text says so
}

const DIRECTIVE = /^\s*\$[a-z_]+(:.*)?$/; // $hide_from_docs, $title: …, $weight: …
const GO_TAG = /^\s*\+[a-z0-9:=./-]+/i; // +kubetype-gen, +k8s:deepcopy-gen=true

export function readDoc(comment: string | null | undefined): DocFacts {
  if (!comment) return { markdown: '', hidden: false };
  const hidden = /\$hide_from_docs/.test(comment);
  let text = comment.replace(/<!--[\s\S]*?-->/g, '');
  const lines = text.split('\n').filter((l) => !DIRECTIVE.test(l) && !GO_TAG.test(l));
  text = lines.map((l) => l.replace(/\s+$/, '')).join('\n');
  // Istio's proto cross-references, [text][istio.pkg.Type.field], read as plain `text`.
  text = text.replace(/\[([^\]\n]+)\]\[[\w.]+\]/g, '`$1`').replace(/``([^`]+)``/g, '`$1`');
  text = text.replace(/\n{3,}/g, '\n\n').trim();
  return { markdown: text, hidden, deprecation: deprecationSentence(text) };
}

// Phrases that say the field itself is deprecated (not that it replaces something deprecated).
const DEPRECATION = [
  /^\s*\**deprecated\b/i,
  /(^|[\s(])deprecated:/i,
  /\bthis (field|option|setting|flag|value|parameter|api|message|config(uration)?) (is|has been|was) (now )?deprecated\b/i,
  /\bis deprecated (and|in favor|in favour|,|\.|;|since|as of)/i,
  /^\s*\$?deprecated\b/im,
];

// Sentences that deprecate a behaviour, not the field: the k8s Volume's `volumeSource` says "If not
// specified, the Volume is implied to be an EmptyDir. This implied behavior is deprecated…", and
// `volumeSource` is the only form istioctl 1.10–1.23 reads.
const NOT_THE_FIELD = /\bbehaviou?r is deprecated\b/i;

function deprecationSentence(raw: string): string | undefined {
  const sentences = raw.replace(/\n/g, ' ').split(/(?<=[.!?])\s+/).filter((s) => !NOT_THE_FIELD.test(s));
  const text = sentences.join(' ');
  if (!DEPRECATION.some((re) => re.test(text))) return undefined;
  const hit = sentences.find((s) => /deprecat/i.test(s));
  // Keep the following sentence when it names what to use instead.
  if (!hit) return undefined;
  // Keep what follows when it names what to use instead, or when the hit says no more than "Deprecated."
  const i = sentences.indexOf(hit);
  const following = sentences.slice(i + 1, i + 3);
  const hint = /\b(use|replaced|instead|prefer|refer)\b/i;
  const kept = hit.length < 24 ? following.filter((s, j) => j === 0 || hint.test(s)) : following.slice(0, 1).filter((s) => hint.test(s));
  return [hit, ...kept].join(' ').trim().slice(0, 400);
}
