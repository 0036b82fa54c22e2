import type { Options } from 'minisearch';
import { RankedMiniSearch, type Clause, type Matches } from './ranked';
import { editDistance, FieldLengths, Varints, zigzag } from './compactParts';
import type { SectionReader, SectionWriter } from './sections';

/** One term's postings as MiniSearch keeps them: field id → short id → frequency. */
type TermData = Map<number, Map<number, number>>;

/**
 * Writes a MiniSearch index as flat arrays: the terms in the order its radix tree lists them
 * (so prefix and typo expansions come out in the same order, and scores add up to the same
 * bits), each term's postings per field, and every live document's field lengths, documents
 * renumbered 0… in short-id order. Returns the documents in that order.
 */
export function packTerms<T>(mini: RankedMiniSearch<T>, out: SectionWriter): T[] {
  const { index, fieldLength, nextId, entries, fields } = mini.internals;
  const fieldCount = fields.length;
  const renumber = new Int32Array(nextId).fill(-1);
  const docs: T[] = [];
  const lengths: number[] = [];
  for (let id = 0; id < nextId; id++) {
    const entry = entries[id];
    if (entry === undefined) continue;
    renumber[id] = docs.length;
    docs.push(entry);
    const own = fieldLength.get(id) ?? [];
    for (let f = 0; f < fieldCount; f++) lengths.push(own[f] ?? 0);
  }
  const terms: string[] = [];
  const starts: number[] = [0];
  const postings = new Varints();
  for (const [term, data] of index) {
    terms.push(term);
    for (let f = 0; f < fieldCount; f++) {
      let previous = 0;
      for (const [doc, freq] of data.get(f) ?? []) {
        const live = renumber[doc] ?? -1;
        if (live < 0) continue;
        // Short ids mostly ascend: a small signed step, then the frequency.
        postings.push(zigzag(live - previous));
        postings.push(freq);
        previous = live;
      }
      starts.push(postings.size);
    }
  }
  const sorted = Int32Array.from(terms.keys()).sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
  out.strings('terms', terms, true);
  out.i32('sorted', sorted);
  out.i32('starts', Int32Array.from(starts));
  out.u8('postings', postings.bytes());
  out.i32('fieldLength', Int32Array.from(lengths));
  return docs;
}

/**
 * A RankedMiniSearch over an index read back from `packTerms`: the term arrays stay as read,
 * a term's postings become MiniSearch's maps only when a query reaches it, and documents can
 * still be discarded and added (a changed file). Average field lengths are recomputed from the
 * live documents before a query, as a fresh bulk build computes them, so scores are the same.
 */
export class CompactMiniSearch<T> extends RankedMiniSearch<T> {
  #settled = true;

  static load<T>(documents: readonly T[], data: SectionReader, options: Options<T>): CompactMiniSearch<T> {
    const mini = new CompactMiniSearch<T>({ ...options, autoVacuum: false });
    const fieldCount = options.fields.length;
    const lengths = data.i32('fieldLength');
    if (lengths.length !== documents.length * fieldCount) throw new Error('search index: field lengths do not match the documents');
    documents.forEach((doc, shortId) => (mini.entries[shortId] = doc));
    mini.#loaded = documents.length;
    (mini as unknown as { _fieldLength: unknown })._fieldLength = new FieldLengths(lengths, fieldCount);
    mini._documentCount = documents.length;
    mini._nextId = documents.length;
    (mini as unknown as { _index: unknown })._index = new CompactTermMap(data, fieldCount, documents.length);
    mini.#settle();
    return mini;
  }

  /**
   * Documents loaded from the packed arrays. MiniSearch's id maps hold only documents added
   * since (and, for a moment, one being discarded): 50,000 entries would be made for nothing.
   */
  #loaded = 0;

  /** The loaded document with this id, put into the id maps; false when there is none. */
  #known(id: unknown): boolean {
    if (this._idToShortId.has(id)) return true;
    const { extractField, idField } = this._options;
    for (let shortId = 0; shortId < this.#loaded; shortId++) {
      const doc = this.entries[shortId];
      if (doc === undefined || extractField(doc, idField) !== id) continue;
      this._idToShortId.set(id, shortId);
      this._documentIds.set(shortId, id);
      return true;
    }
    return false;
  }

  override has(id: unknown): boolean {
    return this.#known(id);
  }

  override add(document: T): void {
    this.#known(this._options.extractField(document, this._options.idField));
    super.add(document);
    this.#settled = false;
  }

  override discard(id: unknown): void {
    this.#known(id);
    super.discard(id);
    this.#settled = false;
  }

  override matchAll(clauses: readonly Clause[], boost: Readonly<Record<string, number>>, weights: { prefix: number; fuzzy: number }, scored = true): Matches {
    if (!this.#settled) this.#settle();
    return super.matchAll(clauses, boost, weights, scored);
  }

  /** Average field lengths as `total / count` over the live documents (exact: the totals are integers). */
  #settle(): void {
    const totals = new Array<number>(this._options.fields.length).fill(0);
    for (const lengths of this._fieldLength.values()) for (let f = 0; f < totals.length; f++) totals[f]! += lengths[f] ?? 0;
    const count = this._documentCount;
    this._avgFieldLength = totals.map((total) => (count > 0 ? total / count : 0));
    this.#settled = true;
  }
}

/**
 * The part of MiniSearch's SearchableMap that indexing and `RankedMiniSearch` use, over the
 * packed arrays. Terms added after loading (a changed file's new words) come after the packed
 * ones in prefix and typo expansions.
 */
class CompactTermMap {
  readonly #terms: string[];
  readonly #sorted: Int32Array;
  readonly #starts: Int32Array;
  readonly #postings: Uint8Array;
  readonly #fieldCount: number;
  readonly #docCount: number;
  /** Packed terms' postings made into maps (a query reached them; `add` changes them since). */
  readonly #data = new Map<string, TermData>();
  /**
   * Postings `add` made for terms not made into maps (merged in when a query reaches them: a
   * changed file does not turn every common word's postings into maps), and new terms' postings.
   */
  readonly #overlay = new Map<string, TermData>();
  readonly #added: string[] = [];

  constructor(data: SectionReader, fieldCount: number, docCount: number) {
    this.#terms = data.strings('terms');
    this.#sorted = data.i32('sorted');
    this.#starts = data.i32('starts');
    this.#postings = data.u8('postings');
    this.#fieldCount = fieldCount;
    this.#docCount = docCount;
    const n = this.#terms.length;
    if (this.#sorted.length !== n || this.#starts.length !== n * fieldCount + 1 || this.#starts[n * fieldCount] !== this.#postings.length)
      throw new Error('search index: term arrays do not match');
  }

  get size(): number {
    return this.#terms.length + this.#added.length;
  }

  has(term: string): boolean {
    return this.get(term) !== undefined;
  }

  get(term: string): TermData | undefined {
    const known = this.#data.get(term);
    if (known) return known;
    const at = this.#find(term);
    return at < 0 ? this.#overlay.get(term) : this.#materialize(at);
  }

  /** MiniSearch's `addTerm` goes through here: where to put the term's new postings. */
  fetch(term: string, create: () => TermData): TermData {
    const known = this.#data.get(term) ?? this.#overlay.get(term);
    if (known) return known;
    const made = create();
    this.#overlay.set(term, made);
    if (this.#find(term) < 0) this.#added.push(term);
    return made;
  }

  /** Terms starting with `prefix` (itself included), in the packed order, then the new ones. */
  atPrefix(prefix: string): [string, TermData][] {
    const terms = this.#terms;
    const sorted = this.#sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let i = lo; i < sorted.length && terms[sorted[i]!]!.startsWith(prefix); i++) found.push(sorted[i]!);
    found.sort((a, b) => a - b);
    const out: [string, TermData][] = found.map((t) => [terms[t]!, this.#materialize(t)]);
    for (const term of this.#added) if (term.startsWith(prefix)) out.push([term, this.#overlay.get(term)!]);
    return out;
  }

  /** Terms within `maxDistance` edits of `term` (Levenshtein, by UTF-16 unit, as MiniSearch's `fuzzyGet`). */
  fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]> {
    const out = new Map<string, [TermData, number]>();
    const terms = this.#terms;
    const row = new Int32Array(term.length + 1);
    // The radix tree lists terms (the packed order) with each node's children last first; its
    // typo search walks them first first: the packed order backwards.
    for (let t = terms.length - 1; t >= 0; t--) {
      const distance = editDistance(term, terms[t]!, maxDistance, row);
      if (distance <= maxDistance) out.set(terms[t]!, [this.#materialize(t), distance]);
    }
    for (const added of this.#added) {
      const distance = editDistance(term, added, maxDistance, row);
      if (distance <= maxDistance) out.set(added, [this.#overlay.get(added)!, distance]);
    }
    return out;
  }

  #find(term: string): number {
    const terms = this.#terms;
    const sorted = this.#sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = terms[sorted[mid]!]!;
      if (t === term) return sorted[mid]!;
      if (t < term) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  #materialize(t: number): TermData {
    const term = this.#terms[t]!;
    const known = this.#data.get(term);
    if (known) return known;
    const data: TermData = new Map();
    for (let f = 0; f < this.#fieldCount; f++) {
      const from = this.#starts[t * this.#fieldCount + f]!;
      const to = this.#starts[t * this.#fieldCount + f + 1]!;
      if (from === to) continue;
      const docs = new Map<number, number>();
      const bytes = this.#postings;
      let i = from;
      let doc = 0;
      const next = (): number => {
        let value = 0;
        let shift = 1;
        for (;;) {
          if (i >= to) throw new Error('search index: postings cut short');
          const b = bytes[i++]!;
          value += (b & 0x7f) * shift;
          if (b < 0x80) return value;
          shift *= 128;
        }
      };
      while (i < to) {
        const step = next();
        doc += step % 2 === 0 ? step / 2 : -(step + 1) / 2;
        if (doc < 0 || doc >= this.#docCount) throw new Error('search index: posting of an unknown document');
        docs.set(doc, next());
      }
      data.set(f, docs);
    }
    // Documents added since loading come after the packed ones, as `add` would have put them.
    for (const [f, docs] of this.#overlay.get(term) ?? []) {
      const into = data.get(f);
      if (into) for (const [doc, freq] of docs) into.set(doc, freq);
      else data.set(f, docs);
    }
    this.#overlay.delete(term);
    this.#data.set(term, data);
    return data;
  }
}
