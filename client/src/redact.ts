// Secrets that must never reach the output channel or a log: kubeconfig credentials (tokens,
// client keys and certificates, passwords) and anything shaped like a bearer token or a PEM block.
// Applied line by line to everything written to the "Istio" channel. No vscode import.

const KEY_VALUE = /\b(token|id-token|refresh-token|access-token|client-key-data|client-certificate-data|certificate-authority-data|password|client-secret|auth-provider|exec-credential)(["']?\s*[:=]\s*)("[^"]*"|'[^']*'|\S+)/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g;
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;
const PEM_LINE = /-----BEGIN ([A-Z ]*)-----.*$/;

export function redactLine(line: string): string {
  return line
    .replace(KEY_VALUE, (_m, key: string, sep: string) => `${key}${sep}<redacted>`)
    .replace(BEARER, (_m, scheme: string) => `${scheme} <redacted>`)
    .replace(JWT, '<redacted token>');
}

/**
 * Redacts a block of text; PEM blocks (which span lines) are dropped whole. `state` carries an open
 * PEM block across calls when text arrives line by line.
 */
export function redact(text: string, state: { inPem: boolean } = { inPem: false }): string {
  return redactLines(text, state).join('\n');
}

/** The lines of `text` that remain, redacted (the lines of a PEM block are left out). */
function redactLines(text: string, state: { inPem: boolean }): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (state.inPem) {
      if (/-----END [A-Z ]*-----/.test(line)) state.inPem = false;
      continue;
    }
    const pem = PEM_LINE.exec(line);
    if (pem) {
      out.push(line.slice(0, pem.index) + `<redacted ${pem[1].toLowerCase() || 'PEM'} block>`);
      if (!/-----END [A-Z ]*-----/.test(line.slice(pem.index + 11))) state.inPem = true;
      continue;
    }
    out.push(redactLine(line));
  }
  return out;
}

/**
 * Line-buffers streamed output per stream key and hands each complete block of lines, redacted,
 * to `emit`: a secret split across two chunks is still caught. flush() emits what is left.
 */
export function lineRedactor(emit: (text: string) => void): { write(key: string, text: string): void; flush(): void } {
  const partial = new Map<string, string>();
  const pem = new Map<string, { inPem: boolean }>();
  const out = (key: string, text: string) => {
    let state = pem.get(key);
    if (!state) pem.set(key, (state = { inPem: false }));
    const lines = redactLines(text, state);
    if (lines.length) emit(lines.join('\n'));
  };
  return {
    write(key, text) {
      const all = (partial.get(key) ?? '') + text.replace(/\r\n?/g, '\n');
      const cut = all.lastIndexOf('\n');
      if (cut < 0) {
        partial.set(key, all);
        return;
      }
      partial.set(key, all.slice(cut + 1));
      out(key, all.slice(0, cut));
    },
    flush() {
      for (const [key, rest] of partial) if (rest) out(key, rest);
      partial.clear();
    },
  };
}
