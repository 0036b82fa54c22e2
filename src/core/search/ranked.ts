import MiniSearch, { type Options } from 'minisearch';

/** One way a query word can match: the term itself, words it starts, words within `fuzzy` edits. */
export interface TermSpec {
  term: string;
  prefix: boolean;
  /** Maximum edit distance; 0 for none. */
  fuzzy: number;
  /** Only these fields; all indexed fields when absent. */
  fields?: readonly string[];
}

/** A document matches a clause when it matches any of its specs; a query is an AND of clauses. */
export type Clause = readonly TermSpec[];

/** Documents matching every clause, by short id, with their scores (parallel arrays). */
export interface Matches {
  count: number;
  ids: Int32Array;
  scores: Float64Array;
  /** The indexed terms through which a matching document matched, by field (of `fields`). */
  matchedTerms(shortId: number, fields: readonly string[]): Map<string, string[]>;
}

interface Expansion {
  term: string;
  data: Map<number, Map<number, number>>;
  fieldIds: readonly number[];
  weight: number;
}

const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/**
 * MiniSearch with a query executor for large result sets. `MiniSearch.search` keeps a Map
 * entry with a `match` object per matching document and term and sorts every result; a
 * common word in a 50,000-file workspace matches tens of thousands of entities, so that
 * costs hundreds of milliseconds when only a page is shown. Here scores accumulate in typed
 * arrays indexed by short id, AND-ed clauses only visit documents still in the running, and
 * which terms matched is worked out afterwards for the few documents shown.
 *
 * Scores are MiniSearch's own: BM25+ with its default parameters, the same weights for
 * prefix (`prefix · len / (len + 0.3 · extra)`) and fuzzy (`fuzzy · len / (len + distance)`)
 * expansions, field boosts, the sum over clauses multiplied by the number of clauses, and
 * the same order of additions (a test compares the two executors document by document).
 * One difference: documents discarded but not yet vacuumed are left out of the document
 * frequency up front, where MiniSearch leaves each out only once its loop has passed it
 * (so documents early in a posting list scored differently from later ones).
 * MiniSearch still owns the index: incremental add, discard, vacuum and its radix tree.
 */
export class RankedMiniSearch<T> extends MiniSearch<T> {
  /** Indexed documents by short id (the position MiniSearch gave them). */
  protected entries: (T | undefined)[] = [];
  #score = new Float64Array(0);
  #clause = new Float64Array(0);
  #spec = new Float64Array(0);
  /** For each document, the number of leading clauses it matched in the current query. */
  #round = new Int32Array(0);
  /** Field lengths by field id and short id: MiniSearch's `_fieldLength` as typed arrays. */
  #lengths: Int32Array[] = [];
  #lengthsKnown = 0;

  constructor(options: Options<T>) {
    super(options);
  }

  override add(document: T): void {
    super.add(document);
    this.entries[this._nextId - 1] = document;
  }

  override discard(id: unknown): void {
    const shortId = this._idToShortId.get(id);
    super.discard(id);
    if (shortId !== undefined) this.entries[shortId] = undefined;
  }

  /** One more than the highest short id given out: what the executor's arrays are sized by. */
  get idSpan(): number {
    return this._nextId;
  }

  /** MiniSearch's index and field lengths, read by `packTerms` (the warm-start cache). */
  get internals(): {
    index: Iterable<[string, Map<number, Map<number, number>>]>;
    fieldLength: ReadonlyMap<number, readonly number[]>;
    nextId: number;
    entries: readonly (T | undefined)[];
    fields: readonly string[];
  } {
    return { index: this._index, fieldLength: this._fieldLength, nextId: this._nextId, entries: this.entries, fields: this._options.fields };
  }

  /** The document with this short id, unless it was discarded. */
  documentAt(shortId: number): T | undefined {
    return this.entries[shortId];
  }

  /**
   * Documents matching every clause, scored. `boost` weighs fields; `weights` scale prefix
   * and fuzzy expansions. With `scored` false only membership is computed (scores are 0).
   */
  matchAll(clauses: readonly Clause[], boost: Readonly<Record<string, number>>, weights: { prefix: number; fuzzy: number }, scored = true): Matches {
    this.#ensureCapacity();
    const score = this.#score;
    const clauseScore = this.#clause;
    const specScore = this.#spec;
    const round = this.#round;
    const expansionsByClause: Expansion[][] = [];
    // Documents still in the running: all of them before the first clause, then those that
    // matched every clause so far (round[doc] === clause index).
    let alive: number[] = [];
    for (let c = 0; c < clauses.length; c++) {
      const clauseTouched: number[] = [];
      const expansions: Expansion[] = [];
      for (const spec of clauses[c]!) {
        const specTouched: number[] = [];
        for (const expansion of this.#expand(spec, weights)) {
          expansions.push(expansion);
          for (const fieldId of expansion.fieldIds) {
            const docs = expansion.data.get(fieldId);
            if (docs === undefined) continue;
            this.#accumulate(docs, fieldId, expansion.weight * (boost[this.#fieldName(fieldId)] ?? 1), c, scored, specTouched);
          }
        }
        // OR within the clause: MiniSearch adds each spec's total to the clause's.
        for (const doc of specTouched) {
          if (clauseScore[doc] === 0) clauseTouched.push(doc);
          clauseScore[doc] += specScore[doc]!;
          specScore[doc] = 0;
        }
        specTouched.length = 0;
      }
      expansionsByClause.push(expansions);
      // AND across clauses: only documents that matched this one stay.
      const next: number[] = [];
      for (const doc of clauseTouched) {
        score[doc] = c === 0 ? clauseScore[doc]! : score[doc]! + clauseScore[doc]!;
        clauseScore[doc] = 0;
        round[doc] = c + 1;
        next.push(doc);
      }
      // Documents that dropped out: clean their slots for the next query.
      for (const doc of alive) {
        if (round[doc] !== c) continue;
        score[doc] = 0;
        round[doc] = 0;
      }
      alive = next;
    }
    const count = alive.length;
    const ids = new Int32Array(count);
    const scores = new Float64Array(count);
    const quality = clauses.length;
    for (let i = 0; i < count; i++) {
      const doc = alive[i]!;
      ids[i] = doc;
      scores[i] = scored ? score[doc]! * quality : 0;
      score[doc] = 0;
      round[doc] = 0;
    }
    return {
      count,
      ids,
      scores,
      matchedTerms: (shortId, fields) => {
        const byField = new Map<string, string[]>();
        const wanted = new Set(fields.map((f) => this._fieldIds[f]));
        for (const expansions of expansionsByClause) {
          for (const { term, data, fieldIds } of expansions) {
            for (const fieldId of fieldIds) {
              if (!wanted.has(fieldId) || !data.get(fieldId)?.has(shortId)) continue;
              const field = this.#fieldName(fieldId);
              const terms = byField.get(field);
              if (terms) terms.push(term);
              else byField.set(field, [term]);
            }
          }
        }
        return byField;
      },
    };
  }

  /**
   * Adds one term's postings in one field to the current spec's scores, for documents still
   * in the running. The hot loop of a search: typed arrays only, the IDF computed once.
   */
  #accumulate(docs: Map<number, number>, fieldId: number, weight: number, clause: number, scored: boolean, touched: number[]): void {
    const { entries } = this;
    const round = this.#round;
    const specScore = this.#spec;
    const lengths = this.#lengths[fieldId]!;
    const avgLength = this._avgFieldLength[fieldId]!;
    const total = this._documentCount;
    // Postings of discarded documents stay until MiniSearch vacuums; they do not count.
    let matching = docs.size;
    if (this._dirtCount > 0) for (const doc of docs.keys()) if (entries[doc] === undefined) matching -= 1;
    const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
    for (const [doc, frequency] of docs) {
      if (round[doc] !== clause || entries[doc] === undefined) continue;
      // Scores are positive, so 0 means "not touched yet".
      if (specScore[doc] === 0) touched.push(doc);
      if (!scored) {
        specScore[doc] = 1;
        continue;
      }
      const length = lengths[doc]!;
      // The expression and its order of operations are MiniSearch's, so scores are equal to the bit.
      const raw = idf * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + (BM25.b * length) / avgLength)));
      specScore[doc] += weight * raw;
    }
  }

  /** The indexed terms a spec reaches, with MiniSearch's weights, exact term first. */
  *#expand(spec: TermSpec, weights: { prefix: number; fuzzy: number }): Generator<Expansion> {
    const fieldIds = (spec.fields ?? this._options.fields).map((f) => this._fieldIds[f]).filter((id): id is number => id !== undefined);
    const exact = this._index.get(spec.term);
    if (exact) yield { term: spec.term, data: exact, fieldIds, weight: 1 };
    const fuzzy = spec.fuzzy > 0 ? this._index.fuzzyGet(spec.term, spec.fuzzy) : undefined;
    if (spec.prefix) {
      for (const [term, data] of this._index.atPrefix(spec.term)) {
        const extra = term.length - spec.term.length;
        if (!extra) continue;
        fuzzy?.delete(term); // scored as a prefix match only
        yield { term, data, fieldIds, weight: (weights.prefix * term.length) / (term.length + 0.3 * extra) };
      }
    }
    if (fuzzy) {
      for (const [term, [data, distance]] of fuzzy) {
        if (!distance) continue;
        yield { term, data, fieldIds, weight: (weights.fuzzy * term.length) / (term.length + distance) };
      }
    }
  }

  #fieldName(fieldId: number): string {
    return this._options.fields[fieldId]!;
  }

  /** Sizes the scratch arrays for every short id, and copies field lengths not copied yet. */
  #ensureCapacity(): void {
    const size = this._nextId;
    if (this.#round.length < size) {
      const capacity = Math.max(size, Math.ceil(this.#round.length * 1.5), 1024);
      this.#score = new Float64Array(capacity);
      this.#clause = new Float64Array(capacity);
      this.#spec = new Float64Array(capacity);
      this.#round = new Int32Array(capacity);
      this.#lengths = this._options.fields.map((_, fieldId) => {
        const lengths = new Int32Array(capacity);
        lengths.set(this.#lengths[fieldId]?.subarray(0, this.#lengthsKnown) ?? []);
        return lengths;
      });
    }
    // A short id's field lengths never change (a replaced document gets a new short id).
    for (let doc = this.#lengthsKnown; doc < size; doc++) {
      const lengths = this._fieldLength.get(doc);
      if (lengths === undefined) continue;
      for (let fieldId = 0; fieldId < lengths.length; fieldId++) this.#lengths[fieldId]![doc] = lengths[fieldId] ?? 0;
    }
    this.#lengthsKnown = size;
  }
}
