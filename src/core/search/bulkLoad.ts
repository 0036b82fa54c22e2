import type { Options } from 'minisearch';
import { RankedMiniSearch } from './ranked';

/**
 * A MiniSearch that can index many documents at once. `MiniSearch.add` walks its radix
 * tree once per token and fills posting maps in scattered order; here postings are
 * collected in flat arrays, grouped by term, and each term is inserted once, as
 * `MiniSearch.loadJS` does when deserialising. The result is the index `add` would build
 * (a test holds both to the same results) and stays fully incremental afterwards.
 *
 * Assumes `processTerm` returns its input: terms must leave `tokenize` final.
 */
export class BulkMiniSearch<T> extends RankedMiniSearch<T> {
  /** Indexes `documents` into a new, empty index. */
  static build<T>(documents: readonly T[], options: Options<T>): BulkMiniSearch<T> {
    const index = new BulkMiniSearch<T>(options);
    index.#load(documents);
    return index;
  }

  #load(documents: readonly T[]): void {
    const { fields, extractField, stringifyField, tokenize, idField } = this._options;
    const fieldCount = fields.length;
    const termIds = new Map<string, number>();
    const terms: string[] = [];
    // Frequency of each term in the field being read, and the terms it touched.
    let frequency = new Int32Array(1024);
    const touched: number[] = [];
    const postings = new Postings();
    const totalLength = new Array<number>(fieldCount).fill(0);

    documents.forEach((document, shortId) => {
      const id: unknown = extractField(document, idField);
      this._documentIds.set(shortId, id);
      this._idToShortId.set(id, shortId);
      this.entries[shortId] = document;
      const lengths: number[] = [];
      for (let fieldId = 0; fieldId < fieldCount; fieldId++) {
        const field = fields[fieldId]!;
        const value: unknown = extractField(document, field);
        if (value == null) continue;
        for (const term of tokenize(stringifyField(value, field), field)) {
          let termId = termIds.get(term);
          if (termId === undefined) {
            termId = terms.length;
            termIds.set(term, termId);
            terms.push(term);
            if (termId >= frequency.length) frequency = grow(frequency);
          }
          if (frequency[termId]++ === 0) touched.push(termId);
        }
        for (const termId of touched) {
          postings.push(termId, shortId * fieldCount + fieldId, frequency[termId]!);
          frequency[termId] = 0;
        }
        lengths[fieldId] = touched.length;
        totalLength[fieldId]! += touched.length;
        touched.length = 0;
      }
      this._fieldLength.set(shortId, lengths);
    });

    postings.forEachTerm(terms.length, (termId, slots, freqs) => {
      const data = new Map<number, Map<number, number>>();
      for (let i = 0; i < slots.length; i++) {
        const fieldId = slots[i]! % fieldCount;
        let docs = data.get(fieldId);
        if (docs === undefined) data.set(fieldId, (docs = new Map()));
        docs.set((slots[i]! - fieldId) / fieldCount, freqs[i]!);
      }
      this._index.set(terms[termId]!, data);
    });
    const count = documents.length;
    this._documentCount = count;
    this._nextId = count;
    this._avgFieldLength = totalLength.map((total) => (count > 0 ? total / count : 0));
  }
}

/** (term, document field, frequency) triples in flat arrays, read back grouped by term. */
class Postings {
  #term = new Int32Array(1 << 16);
  #slot = new Int32Array(1 << 16);
  #frequency = new Int32Array(1 << 16);
  #size = 0;

  push(termId: number, slot: number, frequency: number): void {
    if (this.#size === this.#term.length) {
      this.#term = grow(this.#term);
      this.#slot = grow(this.#slot);
      this.#frequency = grow(this.#frequency);
    }
    this.#term[this.#size] = termId;
    this.#slot[this.#size] = slot;
    this.#frequency[this.#size] = frequency;
    this.#size++;
  }

  /** Calls `visit` per term with its postings in insertion order (a stable counting sort). */
  forEachTerm(termCount: number, visit: (termId: number, slots: Int32Array, frequencies: Int32Array) => void): void {
    const start = new Int32Array(termCount + 1);
    for (let i = 0; i < this.#size; i++) start[this.#term[i]! + 1]!++;
    for (let t = 0; t < termCount; t++) start[t + 1]! += start[t]!;
    const next = start.slice(0, termCount);
    const slots = new Int32Array(this.#size);
    const frequencies = new Int32Array(this.#size);
    for (let i = 0; i < this.#size; i++) {
      const at = next[this.#term[i]!]!++;
      slots[at] = this.#slot[i]!;
      frequencies[at] = this.#frequency[i]!;
    }
    for (let t = 0; t < termCount; t++) visit(t, slots.subarray(start[t]!, start[t + 1]!), frequencies.subarray(start[t]!, start[t + 1]!));
  }
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
