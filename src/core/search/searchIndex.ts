import MiniSearch, { type Options, type Query, type SearchResult } from 'minisearch';
import { BulkMiniSearch } from './bulkLoad';
import { compileFilter, fieldText } from './fields';
import { IndexedDoc, type Section } from './indexedDoc';
import { locate } from './locate';
import { phraseForm } from './phrase';
import { smallest } from './rank';
import { parseQuery } from './query';
import { indexTokens, queryTokens } from './tokenize';
import type { FieldFilter, SearchDoc, SearchHit, SearchOptions, SearchResponse } from './types';

const DEFAULT_LIMIT = 20;
/** Pending documents from which a full rebuild beats adding them one by one. */
const BULK_MIN = 256;
/** Words beyond this are ignored: each costs a fuzzy walk of the term tree. */
const MAX_WORDS = 32;

// Title and id outrank field values, which outrank the body.
const BOOST = { title: 3, ident: 3, fields: 1.5, body: 1 };
const PHRASE_BONUS: Record<Section, number> = { title: 3, fields: 1.5, body: 1 };
const INDEXED_FIELDS = Object.keys(BOOST);

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;

interface Candidate {
  entry: IndexedDoc;
  score: number;
  match: SearchResult['match'] | undefined;
}

/**
 * Full-text and field search over workspace documents (SPEC §4). Updates are incremental,
 * so the editor can replace one file's documents on every keystroke. Documents are indexed
 * on the next search: adding a whole workspace and then searching builds the index in bulk.
 */
export class SearchIndex {
  readonly #docs = new Map<string, IndexedDoc>();
  /** Added since the last search; indexed on the next one, in bulk when there are many. */
  readonly #pending = new Map<string, IndexedDoc>();
  #mini = new MiniSearch<IndexedDoc>(MINISEARCH_OPTIONS);

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
  }

  /** Removes the document with this key; unknown keys are ignored. */
  remove(key: string): void {
    if (!this.#docs.delete(key)) return;
    if (!this.#pending.delete(key)) this.#mini.discard(key);
  }

  /** Replaces the document with the same key, or adds it. */
  replace(doc: SearchDoc): void {
    this.add(doc);
  }

  #flush(): void {
    if (this.#pending.size === 0) return;
    if (this.#pending.size >= BULK_MIN && this.#pending.size >= this.#mini.documentCount) {
      this.#mini = BulkMiniSearch.build([...this.#docs.values()], MINISEARCH_OPTIONS);
    } else {
      for (const entry of this.#pending.values()) this.#mini.add(entry);
    }
    this.#pending.clear();
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
    const tests = filters.map(compileFilter);
    if (words.length + phrases.length + filters.length + excludedPhrases.length + parsed.excludedTerms.length === 0) {
      return { query, total: 0, results: [] };
    }

    const matches: Candidate[] = [];
    for (const candidate of this.#candidates(words, phrases)) {
      const { entry } = candidate;
      if (excluded.has(entry.doc.key)) continue;
      if (!tests.every((test) => test(entry.doc))) continue;
      if (excludedPhrases.some((p) => entry.phraseSection(p) !== undefined)) continue;
      let phrasesFound = true;
      for (const phrase of phrases) {
        const section = entry.phraseSection(phrase);
        if (section === undefined) {
          phrasesFound = false;
          break;
        }
        candidate.score += PHRASE_BONUS[section];
      }
      if (phrasesFound) matches.push(candidate);
    }

    const limit = options.limit === undefined || !(options.limit >= 0) ? DEFAULT_LIMIT : Math.floor(options.limit);
    const positiveFilters = filters.filter((f) => !f.negate);
    const results = smallest(matches, limit, byRank).map((c): SearchHit => {
      const { line, snippet } = locate(c.entry, { ...termsByField(c.match), phrases, filters: positiveFilters });
      const { id, kind, title, file } = c.entry.doc;
      return { id, kind, title, file, line, score: Math.round(c.score * 1000) / 1000, snippet };
    });
    return { query, total: matches.length, results };
  }

  /** Documents that can match: by the words, else by the phrases' words, else all. */
  #candidates(words: string[], phrases: string[]): Candidate[] {
    let results: SearchResult[];
    if (words.length > 0) {
      results = this.#mini.search({ combineWith: 'AND', queries: words.map(wordQuery) }, {
        prefix: true,
        fuzzy: typoTolerance,
        boost: BOOST,
        weights: { prefix: 0.5, fuzzy: 0.3 },
      });
    } else {
      const phraseQueries = phrases.map(phraseQuery).filter((q): q is Query => q !== undefined);
      if (phraseQueries.length === 0) return [...this.#docs.values()].map((entry) => ({ entry, score: 0, match: undefined }));
      results = this.#mini.search({ combineWith: 'AND', queries: phraseQueries });
    }
    const candidates: Candidate[] = [];
    for (const r of results) {
      const entry = this.#docs.get(r.id as string);
      // Phrase-only candidates are unranked until their phrases are located.
      if (entry) candidates.push({ entry, score: words.length > 0 ? r.score : 0, match: words.length > 0 ? r.match : undefined });
    }
    return candidates;
  }

  /** Keys of documents containing any `-word` exactly (no prefix, no typo tolerance). */
  #excludedKeys(excludedWords: string[]): Set<string> {
    const keys = new Set<string>();
    for (const word of excludedWords) {
      const tokens = queryTokens(word);
      if (tokens.length === 0) continue;
      for (const r of this.#mini.search({ combineWith: 'AND', queries: tokens }, { prefix: false, fuzzy: false })) {
        keys.add(r.id as string);
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
function wordQuery(term: string): Query {
  if (term.length >= 3 || CJK.test(term)) return term;
  return {
    combineWith: 'OR',
    queries: [
      { queries: [term], prefix: false },
      { queries: [term], prefix: true, fields: ['title', 'ident'] },
    ],
  };
}

/** No typo tolerance below 4 characters, 1 edit up to 7, 2 from 8. */
function typoTolerance(term: string): number | false {
  const length = [...term].length;
  return length >= 8 ? 2 : length >= 4 ? 1 : false;
}

/**
 * An index query every document containing the phrase satisfies: its inner words exactly,
 * its last word as a prefix. The first word may be the tail of a longer word, so it is
 * not used; undefined when nothing usable is left (the phrase is then checked by scanning).
 */
function phraseQuery(phrase: string): Query | undefined {
  if (CJK.test(phrase)) return undefined; // bigrams do not line up with phrase boundaries
  const tokens = indexTokens(phrase);
  const startsInWord = WORD_CHAR.test(phrase[0] ?? '');
  const endsInWord = WORD_CHAR.test(phrase[phrase.length - 1] ?? '');
  const queries: Query[] = [];
  tokens.forEach((token, i) => {
    if (i === 0 && startsInWord) return;
    const prefix = i === tokens.length - 1 && endsInWord;
    queries.push({ queries: [token], prefix, fuzzy: false });
  });
  return queries.length > 0 ? { combineWith: 'AND', queries } : undefined;
}

function termsByField(match: SearchResult['match'] | undefined): { bodyTerms: Set<string>; fieldTerms: Set<string> } {
  const bodyTerms = new Set<string>();
  const fieldTerms = new Set<string>();
  for (const [term, fields] of Object.entries(match ?? {})) {
    if (fields.includes('body')) bodyTerms.add(term);
    if (fields.includes('fields')) fieldTerms.add(term);
  }
  return { bodyTerms, fieldTerms };
}

/** Best score first; ties (and filter-only listings) by kind, then id, then place. */
function byRank(a: Candidate, b: Candidate): number {
  if (a.score !== b.score) return b.score - a.score;
  const x = a.entry.doc;
  const y = b.entry.doc;
  return compare(x.kind, y.kind) || compare(x.id, y.id) || compare(x.file, y.file) || x.line - y.line;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
