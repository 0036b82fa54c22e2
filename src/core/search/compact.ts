import type { Options } from 'minisearch';
import { RankedMiniSearch, type Clause, type Matches } from './ranked';
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
  let postDoc = new Int32Array(1 << 16);
  let postFreq = new Int32Array(1 << 16);
  let size = 0;
  for (const [term, data] of index) {
    terms.push(term);
    for (let f = 0; f < fieldCount; f++) {
      for (const [doc, freq] of data.get(f) ?? []) {
        const live = renumber[doc] ?? -1;
        if (live < 0) continue;
        if (size === postDoc.length) {
          postDoc = grow(postDoc);
          postFreq = grow(postFreq);
        }
        postDoc[size] = live;
        postFreq[size++] = freq;
      }
      starts.push(size);
    }
  }
  const sorted = Int32Array.from(terms.keys()).sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
  out.strings('terms', terms, true);
  out.i32('sorted', sorted);
  out.i32('starts', Int32Array.from(starts));
  out.i32('postDoc', postDoc.subarray(0, size));
  out.i32('postFreq', postFreq.subarray(0, size));
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
    documents.forEach((doc, shortId) => {
      const id: unknown = mini._options.extractField(doc, mini._options.idField);
      mini._documentIds.set(shortId, id);
      mini._idToShortId.set(id, shortId);
      mini.entries[shortId] = doc;
      mini._fieldLength.set(shortId, Array.from(lengths.subarray(shortId * fieldCount, (shortId + 1) * fieldCount)));
    });
    mini._documentCount = documents.length;
    mini._nextId = documents.length;
    (mini as unknown as { _index: unknown })._index = new CompactTermMap(data, fieldCount, documents.length);
    mini.#settle();
    return mini;
  }

  override add(document: T): void {
    super.add(document);
    this.#settled = false;
  }

  override discard(id: unknown): void {
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
    for (const lengths of this._fieldLength.values()) lengths.forEach((n, f) => (totals[f]! += n ?? 0));
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
  readonly #docs: Int32Array;
  readonly #freqs: Int32Array;
  readonly #fieldCount: number;
  /** Postings made into maps (and changed by `add` since), and terms new since loading. */
  readonly #data = new Map<string, TermData>();
  readonly #added: string[] = [];

  constructor(data: SectionReader, fieldCount: number, docCount: number) {
    this.#terms = data.strings('terms');
    this.#sorted = data.i32('sorted');
    this.#starts = data.i32('starts');
    this.#docs = data.i32('postDoc');
    this.#freqs = data.i32('postFreq');
    this.#fieldCount = fieldCount;
    const n = this.#terms.length;
    if (this.#sorted.length !== n || this.#starts.length !== n * fieldCount + 1 || this.#starts[n * fieldCount] !== this.#docs.length)
      throw new Error('search index: term arrays do not match');
    if (this.#freqs.length !== this.#docs.length) throw new Error('search index: postings do not match');
    for (const doc of this.#docs) if (doc < 0 || doc >= docCount) throw new Error('search index: posting of an unknown document');
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
    return at < 0 ? undefined : this.#materialize(at);
  }

  /** MiniSearch's `addTerm` goes through here: the term's map, created when new. */
  fetch(term: string, create: () => TermData): TermData {
    const known = this.get(term);
    if (known) return known;
    const made = create();
    this.#data.set(term, made);
    this.#added.push(term);
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
    for (const term of this.#added) if (term.startsWith(prefix)) out.push([term, this.#data.get(term)!]);
    return out;
  }

  /** Terms within `maxDistance` edits of `term` (Levenshtein, by UTF-16 unit, as MiniSearch's `fuzzyGet`). */
  fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]> {
    const out = new Map<string, [TermData, number]>();
    const terms = this.#terms;
    const row = new Int32Array(term.length + 1);
    for (let t = 0; t < terms.length; t++) {
      const distance = editDistance(term, terms[t]!, maxDistance, row);
      if (distance <= maxDistance) out.set(terms[t]!, [this.#materialize(t), distance]);
    }
    for (const added of this.#added) {
      const distance = editDistance(term, added, maxDistance, row);
      if (distance <= maxDistance) out.set(added, [this.#data.get(added)!, distance]);
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
      for (let i = from; i < to; i++) docs.set(this.#docs[i]!, this.#freqs[i]!);
      data.set(f, docs);
    }
    this.#data.set(term, data);
    return data;
  }
}

/** Levenshtein distance of `a` and `b`, or `max + 1` once it must exceed `max`. */
function editDistance(a: string, b: string, max: number, row: Int32Array): number {
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

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
