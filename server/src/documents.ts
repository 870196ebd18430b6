// The open documents and their parse: each (uri, version) is parsed once, on first use, and the
// result is shared by diagnostics, completion, hover, symbols and folding. Features read the
// ParsedFile and never write to it. An entry is dropped when its document closes.
// A new version is parsed from the last one: only the edited block is parsed again when that is
// safe (engine/incremental.ts finds the edited span by comparing the texts, so a full-text change
// from any client benefits too), else the whole text.
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine } from './engine/engine.ts';
import type { ParsedFile } from './engine/parse/parse.ts';

export interface OpenDocument {
  readonly uri: string;
  readonly version: number;
  readonly file: ParsedFile;
}

export class Documents {
  private readonly parsed = new Map<string, OpenDocument>();

  constructor(private readonly synced: TextDocuments<TextDocument>, private readonly engine: Engine) {}

  /** The document's current version, parsed; undefined when the document is not open. */
  get(uri: string): OpenDocument | undefined {
    const document = this.synced.get(uri);
    if (!document) return undefined;
    const cached = this.parsed.get(uri);
    if (cached && cached.version === document.version) return cached;
    const text = document.getText();
    const file = cached ? this.engine.reparse(cached.file, text) : this.engine.parse(text);
    const entry: OpenDocument = Object.freeze({ uri, version: document.version, file: Object.freeze(file) });
    this.parsed.set(uri, entry);
    return entry;
  }

  /** The version the client last sent, without parsing; undefined when not open. */
  versionOf(uri: string): number | undefined {
    return this.synced.get(uri)?.version;
  }

  uris(): string[] {
    return this.synced.keys();
  }

  evict(uri: string): void {
    this.parsed.delete(uri);
  }
}
