/** Pieces of the packed search index (compact.ts): field lengths, varints, edit distance. */

/**
 * MiniSearch's field lengths by short id (`_fieldLength`) over the packed array: the loaded
 * documents' rows as views, documents added since in a map, discarded ones forgotten.
 */
export class FieldLengths {
  readonly #packed: Int32Array;
  readonly #fieldCount: number;
  readonly #gone = new Set<number>();
  readonly #added = new Map<number, number[]>();

  constructor(packed: Int32Array, fieldCount: number) {
    this.#packed = packed;
    this.#fieldCount = fieldCount;
  }

  get #loaded(): number {
    return this.#packed.length / this.#fieldCount;
  }

  get(shortId: number): (ArrayLike<number> & { forEach(fn: (n: number, i: number) => void): void }) | undefined {
    if (shortId >= this.#loaded) return this.#added.get(shortId);
    if (shortId < 0 || this.#gone.has(shortId)) return undefined;
    return this.#packed.subarray(shortId * this.#fieldCount, (shortId + 1) * this.#fieldCount);
  }

  set(shortId: number, lengths: number[]): this {
    if (shortId < this.#loaded) throw new Error('a loaded document is never indexed again');
    this.#added.set(shortId, lengths);
    return this;
  }

  delete(shortId: number): boolean {
    if (shortId >= this.#loaded) return this.#added.delete(shortId);
    if (this.#gone.has(shortId)) return false;
    this.#gone.add(shortId);
    return true;
  }

  *values(): IterableIterator<ArrayLike<number>> {
    for (let id = 0; id < this.#loaded; id++) if (!this.#gone.has(id)) yield this.#packed.subarray(id * this.#fieldCount, (id + 1) * this.#fieldCount);
    yield* this.#added.values();
  }
}

/** Levenshtein distance of `a` and `b`, or `max + 1` once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number, row: Int32Array): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  for (let j = 0; j <= n; j++) row[j] = j;
  for (let i = 1; i <= b.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    let best = i;
    const c = b.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const above = row[j]!;
      const value = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a.charCodeAt(j - 1) === c ? 0 : 1));
      diagonal = above;
      row[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
  }
  return row[n]!;
}

export function zigzag(n: number): number {
  return n >= 0 ? 2 * n : -2 * n - 1;
}

/** Non-negative integers as LEB128 varints, in a growing byte array. */
export class Varints {
  #bytes = new Uint8Array(1 << 16);
  size = 0;

  push(value: number): void {
    if (this.#bytes.length - this.size < 8) {
      const grown = new Uint8Array(this.#bytes.length * 2);
      grown.set(this.#bytes);
      this.#bytes = grown;
    }
    while (value >= 0x80) {
      this.#bytes[this.size++] = (value % 128) | 0x80;
      value = Math.floor(value / 128);
    }
    this.#bytes[this.size++] = value;
  }

  bytes(): Uint8Array {
    return this.#bytes.subarray(0, this.size);
  }
}
