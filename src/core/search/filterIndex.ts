import { compileFilter, indexableEquality, normalise, valueKeys } from './fields';
import type { IndexedDoc } from './indexedDoc';
import type { FieldFilter, SearchDoc } from './types';

/** Fields indexed for filters; the least recently built is dropped beyond this. */
const MAX_FIELDS = 32;
/** Filters on these narrow nothing: every document has them. */
const EVERYWHERE = new Set(['id', 'file', 'title']);

interface FieldIndex {
  /** Documents having the field. */
  present: Set<IndexedDoc>;
  /** Documents by the normalised text of each scalar in the field. */
  byValue: Map<string, Set<IndexedDoc>>;
}

/** How to apply a query's filters: the documents to look at and the check each must pass. */
export interface FilterPlan {
  /** A set every matching document is in; undefined when no filter narrows the search. */
  pool: Set<IndexedDoc> | undefined;
  passes(entry: IndexedDoc): boolean;
}

/**
 * Indexes for field filters, so a filter-only query over 175,000 entities looks at the few
 * thousand it can match instead of testing every one: documents by kind, and, built the first
 * time a field is filtered on and kept up to date after that, documents by field and value.
 * `kind:x` and `field:value` are answered exactly from these sets; other filters (ranges,
 * prefixes, paths) are tested per document, over the smallest set that contains the answer.
 */
export class FilterIndex {
  /** Documents by kind, built on the first filter (an index loaded from the cache may never need it). */
  #byKindMap: Map<string, Set<IndexedDoc>> | undefined;
  readonly #fields = new Map<string, FieldIndex>();
  #all: () => Iterable<IndexedDoc>;

  constructor(all: () => Iterable<IndexedDoc>) {
    this.#all = all;
  }

  get #byKind(): Map<string, Set<IndexedDoc>> {
    if (this.#byKindMap === undefined) {
      this.#byKindMap = new Map();
      for (const entry of this.#all()) addTo(this.#byKindMap, normalise(entry.doc.kind), entry);
    }
    return this.#byKindMap;
  }

  add(entry: IndexedDoc): void {
    if (this.#byKindMap) addTo(this.#byKindMap, normalise(entry.doc.kind), entry);
    for (const [name, index] of this.#fields) fileUnder(index, entry, name);
  }

  remove(entry: IndexedDoc): void {
    if (this.#byKindMap) removeFrom(this.#byKindMap, normalise(entry.doc.kind), entry);
    for (const [name, index] of this.#fields) {
      if (!index.present.delete(entry)) continue;
      for (const key of valueKeys(entry.doc.fields, name) ?? []) removeFrom(index.byValue, key, entry);
    }
  }

  /** `fiscalYearStart` dates fiscal periods in range filters (`period:<FY2027`). */
  plan(filters: readonly FieldFilter[], fiscalYearStart = 1): FilterPlan {
    const exact: Set<IndexedDoc>[] = [];
    const tests: ((doc: SearchDoc) => boolean)[] = [];
    let pool: Set<IndexedDoc> | undefined;
    const narrow = (set: Set<IndexedDoc>): void => {
      if (pool === undefined || set.size < pool.size) pool = set;
    };
    for (const filter of filters) {
      const field = filter.field.toLowerCase();
      const want = normalise(filter.value);
      if (!filter.negate && field === 'kind' && filter.op === ':' && !want.endsWith('*')) {
        const set = this.#byKind.get(want) ?? new Set<IndexedDoc>();
        exact.push(set);
        narrow(set);
      } else if (indexableEquality(filter)) {
        const set = this.#field(field).byValue.get(want) ?? new Set<IndexedDoc>();
        exact.push(set);
        narrow(set);
      } else {
        tests.push(compileFilter(filter, fiscalYearStart));
        if (filter.negate || field === 'kind' || EVERYWHERE.has(field)) continue;
        // A dotted path is found under its first segment (or, rarely, a key holding the whole path).
        const dot = field.indexOf('.');
        if (dot < 0) narrow(this.#field(field).present);
        else if (this.#field(field).present.size === 0) narrow(this.#field(field.slice(0, dot)).present);
      }
    }
    return {
      pool,
      passes: (entry) => {
        for (const set of exact) if (!set.has(entry)) return false;
        for (const test of tests) if (!test(entry.doc)) return false;
        return true;
      },
    };
  }

  /** The index of a (lower-case) top-level field, built on first use. */
  #field(name: string): FieldIndex {
    let index = this.#fields.get(name);
    if (index === undefined) {
      index = { present: new Set(), byValue: new Map() };
      for (const entry of this.#all()) fileUnder(index, entry, name);
      if (this.#fields.size >= MAX_FIELDS) this.#fields.delete(this.#fields.keys().next().value!);
    } else {
      this.#fields.delete(name); // re-inserted below: most recently used last
    }
    this.#fields.set(name, index);
    return index;
  }
}

function fileUnder(index: FieldIndex, entry: IndexedDoc, name: string): void {
  const keys = valueKeys(entry.doc.fields, name);
  if (keys === undefined) return;
  index.present.add(entry);
  for (const key of keys) addTo(index.byValue, key, entry);
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set === undefined) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
