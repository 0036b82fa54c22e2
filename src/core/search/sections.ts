import type { SearchPart, SearchPartChunks } from '../host';

/**
 * A flat binary layout of named sections (typed arrays and string columns) behind a JSON
 * header, for the search part of the warm-start cache, in two payloads: the eager one is read
 * whole, its sections are views on the bytes read (8-byte aligned, not copied); the lazy one
 * (documents' text and fields) stays on disk and each string is read when a query needs it,
 * so a 50,000-file index costs little memory beyond what a query touches.
 */

type Kind = 'i32' | 'f64' | 'u8' | 'lazy';
interface Header {
  meta: unknown;
  sections: Record<string, [Kind, number, number]>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
// A string with a lone surrogate would not survive UTF-8: such an index is not stored.
const LONE_SURROGATE = /\p{Cs}/u;

/** UTF-8 of many strings, one after the other, with each one's end. */
function utf8(strings: readonly string[], ends: Int32Array, unit: 'byte' | 'char'): Uint8Array | undefined {
  let buf = new Uint8Array(1 << 16);
  let at = 0;
  let chars = 0;
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i]!;
    if (LONE_SURROGATE.test(s)) return undefined;
    if (buf.length - at < s.length * 3) {
      const grown = new Uint8Array(Math.max(buf.length * 2, at + s.length * 3));
      grown.set(buf.subarray(0, at));
      buf = grown;
    }
    at += encoder.encodeInto(s, buf.subarray(at)).written;
    chars += s.length;
    ends[i] = unit === 'byte' ? at : chars;
  }
  return buf.subarray(0, at);
}

export class SectionWriter {
  readonly #parts: [string, Kind, Uint8Array][] = [];
  readonly #lazy: Uint8Array[] = [];

  u8(name: string, values: Uint8Array): void {
    this.#parts.push([name, 'u8', values]);
  }

  i32(name: string, values: Int32Array): void {
    this.#parts.push([name, 'i32', new Uint8Array(values.buffer, values.byteOffset, values.byteLength)]);
  }

  f64(name: string, values: Float64Array): void {
    this.#parts.push([name, 'f64', new Uint8Array(values.buffer, values.byteOffset, values.byteLength)]);
  }

  /**
   * A column of strings: `eager` columns are decoded whole on load, the others one string at
   * a time when asked for. False when a string cannot be stored exactly.
   */
  strings(name: string, values: readonly string[], eager: boolean): boolean {
    const ends = new Int32Array(values.length);
    const bytes = utf8(values, ends, eager ? 'char' : 'byte');
    if (!bytes) return false;
    if (eager) this.#parts.push([name, 'u8', bytes]);
    else {
      // Only its place is in the header; the bytes go to the lazy payload.
      this.#parts.push([name, 'lazy', new Uint8Array(0)]);
      this.#lazy.push(bytes);
    }
    this.i32(`${name}#ends`, ends);
    return true;
  }

  /** The whole layout, as the chunks to write one after the other. */
  finish(meta: unknown): SearchPartChunks {
    const header: Header = { meta, sections: {} };
    let at = 0;
    let lazyAt = 0;
    let lazyIndex = 0;
    for (const [name, kind, bytes] of this.#parts) {
      if (kind === 'lazy') {
        const length = this.#lazy[lazyIndex++]!.length;
        header.sections[name] = [kind, lazyAt, length];
        lazyAt += length;
        continue;
      }
      header.sections[name] = [kind, at, bytes.length];
      at += pad8(bytes.length);
    }
    const json = encoder.encode(JSON.stringify(header));
    const head = new Uint8Array(pad8(4 + json.length));
    new DataView(head.buffer).setUint32(0, json.length, true);
    head.set(json, 4);
    const chunks: Uint8Array[] = [head];
    for (const [, kind, bytes] of this.#parts) {
      if (kind === 'lazy') continue;
      chunks.push(bytes);
      if (pad8(bytes.length) > bytes.length) chunks.push(new Uint8Array(pad8(bytes.length) - bytes.length));
    }
    return { eager: chunks, lazy: this.#lazy };
  }
}

/** Reads what `SectionWriter` wrote; throws on anything malformed (the caller falls back). */
export class SectionReader {
  readonly meta: unknown;
  readonly #lazy: SearchPart;
  readonly #sections: Header['sections'];
  readonly #base: number;

  readonly #read: (at: number, length: number) => Uint8Array;

  constructor(part: SearchPart) {
    const bytes = part.eager;
    this.#lazy = part;
    this.#read = part.eagerAt ? part.eagerAt.bind(part) : (at, n) => bytes.subarray(at, at + n);
    const first = this.#read(0, 4);
    const length = new DataView(first.buffer, first.byteOffset, first.byteLength).getUint32(0, true);
    const head = this.#read(4, length);
    if (head.length !== length) throw new Error('truncated search index');
    const header = JSON.parse(decoder.decode(head)) as Header;
    this.meta = header.meta;
    this.#sections = header.sections;
    this.#base = pad8(4 + length);
  }

  #raw(name: string, kind: Kind): Uint8Array {
    const section = this.#sections[name];
    if (!section || section[0] !== kind) throw new Error(`search index: no section ${name}`);
    const [, at, length] = section;
    const raw = this.#read(this.#base + at, length);
    if (raw.length !== length) throw new Error('truncated search index');
    return raw;
  }

  u8(name: string): Uint8Array {
    return this.#raw(name, 'u8');
  }

  i32(name: string): Int32Array {
    const raw = this.#raw(name, 'i32');
    return raw.byteOffset % 4 === 0 ? new Int32Array(raw.buffer, raw.byteOffset, raw.length / 4) : new Int32Array(raw.slice().buffer);
  }

  f64(name: string): Float64Array {
    const raw = this.#raw(name, 'f64');
    return raw.byteOffset % 8 === 0 ? new Float64Array(raw.buffer, raw.byteOffset, raw.length / 8) : new Float64Array(raw.slice().buffer);
  }

  /** An eager column, whole. */
  strings(name: string): string[] {
    const column = this.column(name);
    return Array.from({ length: column.length }, (_, i) => column.at(i));
  }

  /** An eager column, decoded at once and cut into strings when asked for. */
  column(name: string): { length: number; at(i: number): string } {
    const text = decoder.decode(this.#raw(name, 'u8'));
    const ends = this.i32(`${name}#ends`);
    let from = 0;
    for (let i = 0; i < ends.length; i++) {
      if (ends[i]! < from) throw new Error(`search index: column ${name} does not add up`);
      from = ends[i]!;
    }
    if (from !== text.length) throw new Error(`search index: column ${name} does not add up`);
    return { length: ends.length, at: (i) => text.slice(i === 0 ? 0 : ends[i - 1], ends[i]) };
  }

  /** A lazy column: its length and each string on demand, read from the lazy payload. */
  lazyStrings(name: string): { length: number; at(i: number): string } {
    const section = this.#sections[name];
    if (!section || section[0] !== 'lazy') throw new Error(`search index: no section ${name}`);
    const [, base, length] = section;
    const ends = this.i32(`${name}#ends`);
    if (ends.length > 0 && ends[ends.length - 1] !== length) throw new Error(`search index: column ${name} does not add up`);
    if (base + length > this.#lazy.lazyLength) throw new Error('truncated search index');
    const part = this.#lazy;
    return {
      length: ends.length,
      at: (i) => {
        const from = i === 0 ? 0 : ends[i - 1]!;
        return decoder.decode(part.readLazy(base + from, ends[i]! - from));
      },
    };
  }
}

function pad8(n: number): number {
  return (n + 7) & ~7;
}
