import type { Options } from 'minisearch';
import { BulkMiniSearch } from './bulkLoad';
import { CompactMiniSearch, packTerms } from './compact';
import { packDocs, unpackDocs } from './packedDocs';
import type { SectionReader, SectionWriter } from './sections';
import { fieldText } from './fields';
import { FilterIndex } from './filterIndex';
import { IndexedDoc, type Section } from './indexedDoc';
import { locate } from './locate';
import { phraseForm } from './phrase';
import { smallest } from './rank';
import { RankedMiniSearch, type Clause } from './ranked';
import { parseQuery } from './query';
import { indexTokens, queryTokens } from './tokenize';
import type { FieldFilter, SearchDoc, SearchHit, SearchOptions, SearchResponse } from './types';

const DEFAULT_LIMIT = 20;
/** Dead short ids tolerated beyond the live documents before the index is rebuilt. */
const COMPACT_SLACK = 4096;
/** Pending documents from which a full rebuild beats adding them one by one. */
const BULK_MIN = 256;
/** Words beyond this are ignored: each costs a fuzzy walk of the term tree. */
const MAX_WORDS = 32;

// Title and id outrank field values, which outrank the body.
const BOOST = { title: 3, ident: 3, fields: 1.5, body: 1 };
const PHRASE_BONUS: Record<Section, number> = { title: 3, fields: 1.5, body: 1 };
const INDEXED_FIELDS = Object.keys(BOOST);
/** Fields whose matched terms snippets point at. */
const SNIPPET_FIELDS = ['fields', 'body'];
// Prefix and typo matches count for less than the word itself.
const WEIGHTS = { prefix: 0.5, fuzzy: 0.3 };

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;

/** Matching documents as parallel arrays: a common word matches tens of thousands. */
interface Matches {
  entries: IndexedDoc[];
  scores: number[];
  /** Short ids in the index; -1 for documents not found through it. */
  shortIds: number[];
}

/**
 * Full-text and field search over workspace documents (SPEC §4). Updates are incremental,
 * so the editor can replace one file's documents on every keystroke. Documents are indexed
 * on the next search: adding a whole workspace and then searching builds the index in bulk.
 * Words match by prefix and with typos, quoted phrases exactly, and `field:value` filters
 * compare (`status:approved -kind:brand`, `value:>100`). Pure TypeScript: the same engine
 * serves the CLI's `opsbook search` and the editor's quick pick.
 *
 * ```ts
 * const index = new SearchIndex();
 * for (const doc of docs) index.add(doc);
 * index.search('greeting status:approved -kind:brand', { limit: 10 });
 * ```
 */
export class SearchIndex {
  readonly #docs = new Map<string, IndexedDoc>();
  /** Added since the last search; indexed on the next one, in bulk when there are many. */
  readonly #pending = new Map<string, IndexedDoc>();
  #mini: RankedMiniSearch<IndexedDoc> = new RankedMiniSearch(MINISEARCH_OPTIONS);
  readonly #filters = new FilterIndex(() => this.#docs.values());

  /** Number of documents in the index. */
  get size(): number {
    return this.#docs.size;
  }

  /** Adds a document; one with the same key is replaced. The index keeps `doc`: do not mutate it afterwards. */
  add(doc: SearchDoc): void {
    this.remove(doc.key);
    const entry = new IndexedDoc(doc);
    this.#docs.set(doc.key, entry);
    this.#pending.set(doc.key, entry);
    this.#filters.add(entry);
  }

  /** Removes the document with this key; unknown keys are ignored. */
  remove(key: string): void {
    const entry = this.#docs.get(key);
    if (entry === undefined) return;
    this.#docs.delete(key);
    if (!this.#pending.delete(key)) this.#mini.discard(key);
    this.#filters.remove(entry);
  }

  /** Replaces the document with the same key, or adds it. */
  replace(doc: SearchDoc): void {
    this.add(doc);
  }

  /** Short ids given out by the index (live or discarded); kept within about twice the documents. */
  get idSpan(): number {
    return this.#mini.idSpan + this.#pending.size;
  }

  #flush(): void {
    if (this.#pending.size === 0) return;
    const bulk = this.#pending.size >= BULK_MIN && this.#pending.size >= this.#mini.documentCount;
    // Every edit gives the file's documents new short ids and the executor sizes its arrays by
    // the highest: rebuilding once most ids are dead keeps memory flat over a long session.
    const sparse = this.idSpan > 2 * this.#docs.size + COMPACT_SLACK;
    if (bulk || sparse) {
      this.#mini = BulkMiniSearch.build([...this.#docs.values()], MINISEARCH_OPTIONS);
    } else {
      for (const entry of this.#pending.values()) this.#mini.add(entry);
    }
    this.#pending.clear();
  }

  /** The documents, in the order they were added. */
  *documents(): IterableIterator<SearchDoc> {
    for (const entry of this.#docs.values()) yield entry.doc;
  }

  /** Writes the index into `out` (the warm-start cache's search part); false when it cannot be stored exactly. */
  pack(out: SectionWriter): boolean {
    this.#flush();
    return packDocs(
      packTerms(this.#mini, out).map((entry) => entry.doc),
      out,
    );
  }

  /** The index `pack` wrote, ready for queries and updates without re-indexing; throws when malformed. */
  static unpack(data: SectionReader): SearchIndex {
    const index = new SearchIndex();
    const entries = unpackDocs(data).map((doc) => new IndexedDoc(doc));
    for (const entry of entries) {
      if (index.#docs.has(entry.doc.key)) throw new Error('search index: a key twice');
      index.#docs.set(entry.doc.key, entry);
    }
    index.#mini = CompactMiniSearch.load(entries, data, MINISEARCH_OPTIONS);
    return index;
  }

  /** Runs a query; never throws on malformed input (see `parseQuery`). */
  search(query: string, options: SearchOptions = {}): SearchResponse {
    this.#flush();
    const parsed = parseQuery(query);
    const filters: FieldFilter[] = [...parsed.filters];
    if (options.kind) filters.push({ field: 'kind', op: ':', value: options.kind, negate: false });
    const words = [...new Set(parsed.terms.flatMap(queryTokens))].slice(0, MAX_WORDS);
    const phrases = parsed.phrases.map(phraseForm);
    const excludedPhrases = parsed.excludedPhrases.map(phraseForm);
    const excluded = this.#excludedKeys(parsed.excludedTerms);
    const plan = this.#filters.plan(filters, options.fiscalYearStart);
    if (words.length + phrases.length + filters.length + excludedPhrases.length + parsed.excludedTerms.length === 0) {
      return { query, total: 0, results: [] };
    }

    const matches: Matches = { entries: [], scores: [], shortIds: [] };
    const consider = (entry: IndexedDoc | undefined, score: number, shortId: number): void => {
      if (entry === undefined || excluded.has(entry.doc.key)) return;
      if (!plan.passes(entry)) return;
      for (const p of excludedPhrases) if (entry.phraseSection(p) !== undefined) return;
      let total = score;
      for (const phrase of phrases) {
        const section = entry.phraseSection(phrase);
        if (section === undefined) return;
        total += PHRASE_BONUS[section];
      }
      matches.entries.push(entry);
      matches.scores.push(total);
      matches.shortIds.push(shortId);
    };
    // Documents that can match: by the words, else by the phrases' words, else by the filters.
    let matchedTerms: ((shortId: number, fields: readonly string[]) => Map<string, string[]>) | undefined;
    const phraseClauses = phrases.flatMap(phraseClausesOf);
    if (words.length > 0 || phraseClauses.length > 0) {
      const scored = words.length > 0;
      const found = scored ? this.#mini.matchAll(words.map(wordClause), BOOST, WEIGHTS) : this.#mini.matchAll(phraseClauses, BOOST, WEIGHTS, false);
      if (scored) matchedTerms = found.matchedTerms;
      for (let i = 0; i < found.count; i++) consider(this.#mini.documentAt(found.ids[i]!), found.scores[i]!, found.ids[i]!);
    } else {
      for (const entry of plan.pool ?? this.#docs.values()) consider(entry, 0, -1);
    }

    const limit = options.limit === undefined || !(options.limit >= 0) ? DEFAULT_LIMIT : Math.floor(options.limit);
    const positiveFilters = filters.filter((f) => !f.negate);
    const results = smallest(matches.entries.length, limit, byRank(matches)).map((i): SearchHit => {
      const entry = matches.entries[i]!;
      const { line, snippet } = locate(entry, { ...termsByField(matchedTerms?.(matches.shortIds[i]!, SNIPPET_FIELDS)), phrases, filters: positiveFilters });
      const { id, kind, title, file } = entry.doc;
      return { id, kind, title, file, line, score: Math.round(matches.scores[i]! * 1000) / 1000, snippet };
    });
    return { query, total: matches.entries.length, results };
  }

  /** Keys of documents containing any `-word` exactly (no prefix, no typo tolerance). */
  #excludedKeys(excludedWords: string[]): Set<string> {
    const keys = new Set<string>();
    for (const word of excludedWords) {
      const tokens = queryTokens(word);
      if (tokens.length === 0) continue;
      const found = this.#mini.matchAll(
        tokens.map((term) => [{ term, prefix: false, fuzzy: 0 }]),
        BOOST,
        WEIGHTS,
        false,
      );
      for (const id of found.ids) {
        const entry = this.#mini.documentAt(id);
        if (entry) keys.add(entry.doc.key);
      }
    }
    return keys;
  }
}

const MINISEARCH_OPTIONS: Options<IndexedDoc> = {
  idField: 'key',
  fields: INDEXED_FIELDS,
  storeFields: [],
  extractField: (entry, field) => extract(entry.doc, field),
  // Terms leave the tokenizer final; bulk loading relies on processTerm doing nothing.
  tokenize: indexTokens,
  processTerm: (term) => term,
  // Queries arrive as single, already processed terms.
  searchOptions: { tokenize: (term) => [term], processTerm: (term) => term },
};

function extract(doc: SearchDoc, field: string): string {
  switch (field) {
    case 'key':
      return doc.key;
    case 'title':
      return doc.title;
    case 'ident':
      return doc.id;
    case 'fields':
      return fieldText(doc.fields);
    case 'body':
      return doc.text;
    default:
      return '';
  }
}

/**
 * A query word. Words of one or two characters would, as prefixes, expand to a large part
 * of the vocabulary for little value: they match whole words everywhere, and word starts
 * only in titles and ids (where "st" usefully finds "Store opening checklist").
 */
function wordClause(term: string): Clause {
  const fuzzy = typoTolerance(term);
  if (term.length >= 3 || CJK.test(term)) return [{ term, prefix: true, fuzzy }];
  return [
    { term, prefix: false, fuzzy },
    { term, prefix: true, fuzzy, fields: ['title', 'ident'] },
  ];
}

/** No typo tolerance below 4 characters, 1 edit up to 7, 2 from 8. */
function typoTolerance(term: string): number {
  const length = [...term].length;
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/**
 * Index terms every document containing the phrase has: its inner words exactly, its last
 * word as a prefix. The first word may be the tail of a longer word, so it is not used;
 * none when nothing usable is left (the phrase is then checked by scanning).
 */
function phraseClausesOf(phrase: string): Clause[] {
  if (CJK.test(phrase)) return []; // bigrams do not line up with phrase boundaries
  const tokens = indexTokens(phrase);
  const startsInWord = WORD_CHAR.test(phrase[0] ?? '');
  const endsInWord = WORD_CHAR.test(phrase[phrase.length - 1] ?? '');
  const clauses: Clause[] = [];
  tokens.forEach((token, i) => {
    if (i === 0 && startsInWord) return;
    clauses.push([{ term: token, prefix: i === tokens.length - 1 && endsInWord, fuzzy: 0 }]);
  });
  return clauses;
}

function termsByField(byField: Map<string, string[]> | undefined): { bodyTerms: Set<string>; fieldTerms: Set<string> } {
  return { bodyTerms: new Set(byField?.get('body')), fieldTerms: new Set(byField?.get('fields')) };
}

/** Best score first; ties (and filter-only listings) by kind, then id, then place. */
function byRank({ entries, scores }: Matches): (a: number, b: number) => number {
  return (a, b) => {
    if (scores[a] !== scores[b]) return scores[b]! - scores[a]!;
    const x = entries[a]!.doc;
    const y = entries[b]!.doc;
    return compare(x.kind, y.kind) || compare(x.id, y.id) || compare(x.file, y.file) || x.line - y.line;
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
