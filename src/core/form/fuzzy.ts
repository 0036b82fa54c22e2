/**
 * The reference picker's search: fuzzy matching over one kind's titles and ids with fuse.js
 * (a few thousand candidates at most — the small-set case it fits). An exact id or an id
 * prefix comes first, so typing a known id never loses to a fuzzy title match.
 */
import Fuse from 'fuse.js';
import type { Candidate } from './types';

export type CandidateSearch = (query: string, limit?: number) => Candidate[];

export function candidateSearch(candidates: readonly Candidate[]): CandidateSearch {
  const fuse = new Fuse(candidates as Candidate[], {
    keys: [
      { name: 'title', weight: 0.6 },
      { name: 'id', weight: 0.4 },
    ],
    threshold: 0.4,
    ignoreLocation: true,
  });
  return (query, limit = 50) => {
    const q = query.trim();
    if (q === '') return candidates.slice(0, limit);
    const lower = q.toLowerCase();
    const exact = candidates.filter((c) => c.id.toLowerCase() === lower);
    const prefix = candidates.filter((c) => c.id.toLowerCase() !== lower && c.id.toLowerCase().startsWith(lower));
    const seen = new Set([...exact, ...prefix].map((c) => c.id));
    const fuzzy = fuse
      .search(q, { limit: limit + seen.size })
      .map((r) => r.item)
      .filter((c) => !seen.has(c.id));
    return [...exact, ...prefix, ...fuzzy].slice(0, limit);
  };
}
