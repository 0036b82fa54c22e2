import type { Position, Range } from '../types';

/** Maps string offsets to 1-based line/column. Built on demand: only files with findings need it. */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - (this.starts[lo] ?? 0) + 1 };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** The range of a whole line without its line break (1-based line). */
  lineRange(line: number): Range {
    const l = Math.max(1, Math.min(line, this.starts.length));
    const start = this.starts[l - 1] ?? 0;
    let end = l < this.starts.length ? (this.starts[l] ?? 0) - 1 : this.text.length;
    if (end > start && this.text[end - 1] === '\r') end--;
    return { start: { line: l, column: 1 }, end: { line: l, column: end - start + 1 } };
  }

  lineText(line: number): string {
    const r = this.lineRange(line);
    const start = this.starts[r.start.line - 1] ?? 0;
    return this.text.slice(start, start + r.end.column - 1);
  }

  offset(pos: Position): number {
    const start = this.starts[Math.max(0, Math.min(pos.line - 1, this.starts.length - 1))] ?? 0;
    return start + pos.column - 1;
  }
}

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: 'binary' | 'encoding'; text: string; line: number; message: string };

const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Decodes UTF-8 (BOM dropped); reports binary content and invalid byte sequences with their line. */
export function decodeText(bytes: Uint8Array | string): DecodeResult {
  if (typeof bytes === 'string') return { ok: true, text: bytes.charCodeAt(0) === 0xfeff ? bytes.slice(1) : bytes };
  const probe = bytes.subarray(0, 8192);
  if (probe.indexOf(0) !== -1) {
    return { ok: false, reason: 'binary', text: '', line: 1, message: 'binary content (NUL bytes): not a text file' };
  }
  try {
    return { ok: true, text: fatalDecoder.decode(bytes) };
  } catch {
    const text = lenientDecoder.decode(bytes);
    const bad = text.indexOf('\uFFFD');
    const line = bad === -1 ? 1 : countLines(text, bad);
    return { ok: false, reason: 'encoding', text, line, message: `invalid UTF-8 byte sequence on line ${line}; save the file as UTF-8` };
  }
}

export function countLines(text: string, endOffset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < endOffset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
