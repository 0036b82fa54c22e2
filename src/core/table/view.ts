import { compileFilter, normalise } from '../search/fields';
import { parseQuery } from '../search/query';
import type { SearchDoc } from '../search/types';
import type { BuiltTable } from './model';
import type { GridCell, GridSort, GridTotal, GridView } from './protocol';

/**
 * The rows a query and a sort show, and the totals of the shown rows. The query is the search
 * syntax (SPEC §4): field filters (`tier:gold`, `contract.end:<2026-09-30`, `-status:ended`) are
 * tested on the record as search tests it; free words and `"phrases"` must occur in the row's
 * cells (a table filters what it shows, so any part of a cell counts, as a spreadsheet filter
 * does).
 */
export function gridView(built: BuiltTable, query: string, sort: GridSort | undefined, fiscalYearStart = 1): GridView {
  const { table } = built;
  const parsed = parseQuery(query);
  const filters = parsed.filters.map((f) => compileFilter(f, fiscalYearStart));
  const words = [...parsed.terms, ...parsed.phrases].map(normalise).filter((w) => w !== '');
  const excluded = [...parsed.excludedTerms, ...parsed.excludedPhrases].map(normalise).filter((w) => w !== '');
  const order: number[] = [];
  table.rows.forEach((row, i) => {
    if (words.length > 0 || excluded.length > 0) {
      const text = normalise(row.cells.map(cellText).join('\u0001'));
      if (!words.every((w) => text.includes(w)) || excluded.some((w) => text.includes(w))) return;
    }
    if (filters.length > 0) {
      const r = built.records.get(row.key);
      if (!r) return;
      // A list item is filtered on its own fields; a record on its data as search reads it (aliases applied).
      const e = r.entity;
      const fields = built.table.source.field ? r.raw : e.data;
      const doc: SearchDoc = {
        key: row.key,
        kind: e.kind,
        id: e.id,
        title: e.title,
        file: e.file,
        line: 1,
        fields,
        text: '',
        textLine: 1,
      };
      if (!filters.every((f) => f(doc))) return;
    }
    order.push(i);
  });
  if (sort && sort.column >= 0 && sort.column < table.columns.length) {
    const c = sort.column;
    const sign = sort.descending ? -1 : 1;
    // Text sorts in the workspace's language (zh-CN: by pinyin), numbers inside text by value.
    const collator = new Intl.Collator(table.locale, { numeric: true, sensitivity: 'base' });
    // Empty cells last in either direction; ties keep file order (the sort is stable).
    order.sort((a, b) => {
      const x = table.rows[a]!.cells[c] ?? null;
      const y = table.rows[b]!.cells[c] ?? null;
      if (x === null || x === '') return y === null || y === '' ? 0 : 1;
      if (y === null || y === '') return -1;
      return sign * compareCells(x, y, collator);
    });
  }
  return { order, totals: totals(built, order), queryErrors: parsed.errors };
}

/** Sum, average and count of each numeric column over the shown rows, one entry per unit (a row's `currency` or `unit`). */
function totals(built: BuiltTable, order: readonly number[]): Record<number, GridTotal[]> {
  const out: Record<number, GridTotal[]> = {};
  built.table.columns.forEach((col, c) => {
    if ((col.type !== 'number' && col.type !== 'integer') || col.list) return;
    const byUnit = new Map<string | undefined, { sum: number; count: number }>();
    for (const i of order) {
      const row = built.table.rows[i]!;
      const v = row.cells[c];
      if (typeof v !== 'number') continue;
      const unit = row.units[c];
      const t = byUnit.get(unit) ?? { sum: 0, count: 0 };
      t.sum += v;
      t.count++;
      byUnit.set(unit, t);
    }
    if (byUnit.size === 0) return;
    out[c] = [...byUnit]
      .sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''))
      .map(([unit, t]) => {
        const total: GridTotal = { sum: t.sum, average: t.sum / t.count, count: t.count };
        if (unit !== undefined) total.unit = unit;
        return total;
      });
  });
  return out;
}

function cellText(c: GridCell | undefined): string {
  return c === null || c === undefined ? '' : String(c);
}

function compareCells(x: GridCell, y: GridCell, collator: Intl.Collator): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'boolean' && typeof y === 'boolean') return Number(x) - Number(y);
  return collator.compare(String(x), String(y));
}
