import * as l10n from '@vscode/l10n';
import { parseQuery, type SearchHit, type SearchOptions, type SearchResponse } from '../../core';
import type { NodeLocation } from '../views/viewNode';

/** One folder's search engine, as the quick pick sees it. */
export interface SearchTarget {
  /** The folder's URI string. */
  key: string;
  name: string;
  search: { search(query: string, options?: SearchOptions): SearchResponse };
}

/** A quick pick row as plain data: a hit (with a location) or a note (query problem, no results, more results). */
export interface ResultRow {
  label: string;
  description?: string;
  detail?: string;
  icon: string;
  location?: NodeLocation;
}

export const DEFAULT_LIMIT = 50;

const KIND_ICONS: Record<string, string> = {
  plan: 'project',
  objective: 'target',
  kpi: 'graph',
  initiative: 'play-circle',
  milestone: 'milestone',
  partner: 'organization',
  product: 'package',
  person: 'person',
  course: 'mortar-board',
  region: 'globe',
  standard: 'law',
  brand: 'book',
  project: 'briefcase',
  inventory: 'archive',
  expense: 'credit-card',
  document: 'file-text',
};

export function kindIcon(kind: string): string {
  return KIND_ICONS[kind] ?? 'symbol-field';
}

/** Document text must not turn into icons: `$(x)` in a title is shown as written. */
export function escapeIcons(s: string): string {
  return s.replace(/\$\((?=[a-z0-9-]+(?:~[a-z0-9-]*)?\))/gi, '\\$(');
}

/**
 * Runs a query over every folder and merges the hits by score, best first. Query syntax notes
 * come first, then hits, then a "no results" or "more results" note.
 */
export function searchRows(targets: readonly SearchTarget[], query: string, limit = DEFAULT_LIMIT): ResultRow[] {
  const q = query.trim();
  if (!q) return [];
  const notes: ResultRow[] = parseQuery(q).errors.map((e) => ({ label: e, description: l10n.t('query syntax'), icon: 'warning' }));
  const hits: { hit: SearchHit; target: SearchTarget }[] = [];
  let total = 0;
  for (const target of targets) {
    try {
      const res = target.search.search(q, { limit });
      total += res.total;
      for (const hit of res.results) hits.push({ hit, target });
    } catch (err) {
      notes.push({ label: l10n.t('Search failed in {0}: {1}', target.name, err instanceof Error ? err.message : String(err)), icon: 'error' });
    }
  }
  // Stable sort: equal scores keep each folder's own order.
  hits.sort((a, b) => b.hit.score - a.hit.score);
  const shown = hits.slice(0, limit);
  const multi = targets.length > 1;
  const rows = [...notes, ...shown.map(({ hit, target }) => hitRow(hit, target, multi))];
  if (shown.length === 0)
    rows.push({
      label: l10n.t('No results for {0}', q),
      detail: l10n.t('Try fewer or shorter words, or check field names (status:approved, kind:standard).'),
      icon: 'info',
    });
  else if (total > shown.length)
    rows.push({
      label: l10n.t('Showing {0} of {1} results', shown.length, total),
      detail: l10n.t('Add words or field filters to narrow the search.'),
      icon: 'info',
    });
  return rows;
}

/** `STD-SVC-001  Customer service standard` · `standard · standards/STD-SVC-001-customer-service.md:24` · snippet. */
export function hitRow(hit: SearchHit, target: SearchTarget, showFolder: boolean): ResultRow {
  const label = hit.id ? `${hit.id}  ${hit.title}` : hit.title || hit.file;
  const file = showFolder ? `${target.name}/${hit.file}` : hit.file;
  const row: ResultRow = {
    label: escapeIcons(label),
    description: escapeIcons(`${hit.kind} · ${file}:${hit.line}`),
    icon: kindIcon(hit.kind),
    location: { folder: target.key, file: hit.file, line: hit.line },
  };
  if (hit.snippet) row.detail = escapeIcons(hit.snippet);
  return row;
}
