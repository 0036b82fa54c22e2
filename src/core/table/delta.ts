import type { GridColumn, GridDelta, GridRow, GridTable } from './protocol';

/**
 * What to send a webview that shows `before` so that it shows `after`: the rows changed, added
 * and removed by key (with the new columns' details and candidates when they changed), or
 * `undefined` when the whole table must go — its columns changed (a field appeared, a type
 * changed), what it shows changed, rows moved relative to each other, or most rows changed
 * (a row deleted near the top of a list: the keys of the rows below it move).
 */
export function gridDelta(before: GridTable, after: GridTable): GridDelta | undefined {
  if (!sameShape(before, after)) return undefined;
  const old = new Map(before.rows.map((r) => [r.key, r]));
  const kept = new Set(after.rows.map((r) => r.key));
  const removed = before.rows.filter((r) => !kept.has(r.key)).map((r) => r.key);
  const survivors = before.rows.filter((r) => kept.has(r.key));
  const added: GridDelta['added'] = [];
  const changed: GridRow[] = [];
  let next = 0;
  for (let i = 0; i < after.rows.length; i++) {
    const row = after.rows[i]!;
    const was = old.get(row.key);
    if (!was) {
      added.push({ index: i, row });
      continue;
    }
    if (survivors[next++] !== was) return undefined;
    if (!sameRow(was, row)) changed.push(row);
  }
  const touched = removed.length + added.length + changed.length;
  if (touched > 16 && touched * 2 > after.rows.length) return undefined;
  const delta: GridDelta = { removed, added, changed };
  if (after.columns.some((c, i) => !sameDetails(c, before.columns[i]!))) delta.columns = after.columns;
  for (const [kind, list] of Object.entries(after.candidates)) {
    if (sameCandidates(before.candidates[kind], list)) continue;
    (delta.candidates ??= {})[kind] = list;
  }
  return delta;
}

/** Whether a delta carries nothing (the webview need not hear of it but for a new view). */
export function emptyDelta(d: GridDelta): boolean {
  return d.removed.length === 0 && d.added.length === 0 && d.changed.length === 0 && !d.columns && !d.candidates;
}

function sameShape(a: GridTable, b: GridTable): boolean {
  if (a.kind !== b.kind || a.title !== b.title || a.canAdd !== b.canAdd || a.addBlocked !== b.addBlocked || a.locale !== b.locale) return false;
  if (a.source.kind !== b.source.kind || a.source.file !== b.source.file || a.source.field !== b.source.field) return false;
  if (a.columns.length !== b.columns.length) return false;
  return a.columns.every((c, i) => {
    const d = b.columns[i]!;
    return c.key === d.key && c.type === d.type && c.list === d.list && c.ref === d.ref && !!c.id === !!d.id && !!c.title === !!d.title;
  });
}

function sameDetails(a: GridColumn, b: GridColumn): boolean {
  return a.visible === b.visible && sameList(a.options, b.options) && sameList(a.suggestions, b.suggestions);
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameCandidates(a: readonly [string, string][] | undefined, b: readonly [string, string][]): boolean {
  return a !== undefined && a.length === b.length && a.every(([id, title], i) => id === b[i]![0] && title === b[i]![1]);
}

function sameRow(a: GridRow, b: GridRow): boolean {
  if (a.id !== b.id || a.file !== b.file || a.cells.length !== b.cells.length) return false;
  if (!a.cells.every((c, i) => c === b.cells[i])) return false;
  return sameRecord(a.units, b.units) && sameRecord(a.problems, b.problems);
}

function sameRecord(a: Record<number, unknown>, b: Record<number, unknown>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.length === 0 || JSON.stringify(a) === JSON.stringify(b);
}
