/**
 * Search over the workspace (SPEC §4): an inverted index with prefix and typo-tolerant
 * words, exact phrases, and field filters with comparisons. Pure TypeScript; the same
 * engine serves the CLI's `opsbook search` and the editor's quick pick.
 *
 * ```ts
 * const index = new SearchIndex();
 * for (const doc of docs) index.add(doc);
 * index.search('greeting status:approved -kind:brand', { limit: 10 });
 * ```
 */
export { SearchIndex } from './searchIndex';
export { parseQuery } from './query';
export type { FieldFilter, FilterOp, ParsedQuery, SearchDoc, SearchHit, SearchOptions, SearchResponse } from './types';
