// Offsets ↔ LSP positions (0-based line, UTF-16 character), built once per text.
import type { Position, Range } from 'vscode-languageserver-types';

export class LineIndex {
  private readonly starts: number[];
  /** `starts` is for LineIndex.edited only: the line starts of `text`, already known. */
  constructor(readonly text: string, starts?: number[]) {
    if (starts) { this.starts = starts; return; }
    this.starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /**
   * The index of `text`, which is `previous.text` with [start, oldEnd) replaced by [start, newEnd):
   * line starts before the edit are kept, those after it shifted, only the edited span is scanned.
   */
  static edited(previous: LineIndex, text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const old = previous.starts;
    const delta = newEnd - oldEnd;
    const starts = [0];
    // A line start s depends on text[s - 1] and text[s] (a \r followed by \n is one break).
    let k = 1;
    for (; k < old.length && old[k] < start; k++) starts.push(old[k]);
    for (let s = Math.max(start, 1); s <= newEnd + 1 && s <= text.length; s++) {
      const c = text.charCodeAt(s - 1);
      if (c === 10 || (c === 13 && text.charCodeAt(s) !== 10)) starts.push(s);
    }
    for (; k < old.length && old[k] <= oldEnd + 1; k++);
    for (; k < old.length; k++) starts.push(old[k] + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number { return this.starts.length; }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid; else hi = mid - 1;
    }
    // An offset inside a line break (the \n of \r\n) belongs to the end of the line.
    let character = o - this.starts[lo];
    if (character > 0 && this.text.charCodeAt(o - 1) === 13 && this.text.charCodeAt(o) === 10) character--;
    return { line: lo, character };
  }

  /** Positions past the end of a line or of the text are clamped, as LSP asks. */
  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line];
    const end = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.text.length;
    let lineEnd = end;
    while (lineEnd > start && (this.text.charCodeAt(lineEnd - 1) === 10 || this.text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
    return Math.min(start + Math.max(0, pos.character), lineEnd);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  lineText(line: number): string {
    if (line < 0 || line >= this.starts.length) return '';
    const end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return this.text.slice(this.starts[line], end).replace(/\r?\n$|\r$/, '');
  }

  lineStart(line: number): number { return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]; }
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
