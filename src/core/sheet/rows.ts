import type { WorkspaceModel } from '../model/queries';
import { compareEntities } from '../model/entity';
import { closest } from '../rules/identity';
import type { JsonObject, JsonValue } from '../types';
import { cellOf, cellText, convertCell, type InputCell, type SheetCell } from './cells';
import { rawRecord, sheetColumns, valueAt, type SheetColumn } from './columns';

/** A kind's entities as a flat sheet: the columns and one row of typed cells per entity, in source order. */
export interface Sheet {
  kind: string;
  columns: SheetColumn[];
  rows: SheetCell[][];
}

/** A row the import refuses (nothing is written while there is one). `row` as the spreadsheet shows it: the header is row 1. */
export interface Rejection {
  row?: number;
  id?: string;
  column?: string;
  reason: string;
  /** The check rule when the row passed conversion but the result does not validate. */
  ruleId?: string;
  /** For findings outside the imported rows: where. */
  file?: string;
  line?: number;
}

/** A header cell that names no column of the kind; ignored (with the closest column, when one is close). */
export interface UnknownColumn {
  column: string;
  didYouMean?: string;
}

/** One sheet row read against the kind: the fields it sets and the fields it clears (existing records only). */
export interface RowChange {
  row: number;
  id: string;
  /** Set when the id exists in the workspace. */
  exists: boolean;
  set: { path: string[]; value: JsonValue }[];
  remove: string[][];
}

export function exportSheet(ws: WorkspaceModel, kind: string): Sheet {
  const columns = sheetColumns(ws, kind);
  const rows = ws
    .entities(kind)
    .sort(compareEntities)
    .map((e) => {
      const raw = rawRecord(ws, e);
      return columns.map((c) => (c.id ? e.id : cellOf(valueAt(raw, c.path), c)));
    });
  return { kind, columns, rows };
}

export interface ReadRows {
  changes: RowChange[];
  rejections: Rejection[];
  unknownColumns: UnknownColumn[];
  /** Rows whose every cell equals the record: nothing to do. */
  unchanged: number;
}

/**
 * Reads a sheet's rows (row 1 = the header, matched to the kind's columns by field path, case
 * and surrounding spaces ignored) into field changes: a cell equal to the record's value (as
 * export writes it) is no change and is not checked again; an emptied cell clears the field;
 * other cells are converted to the column's type and checked against its vocabulary, enum and
 * reference target. Columns the sheet leaves out are left alone.
 */
export function readRows(ws: WorkspaceModel, kind: string, rows: InputCell[][]): ReadRows {
  const columns = sheetColumns(ws, kind);
  const out: ReadRows = { changes: [], rejections: [], unknownColumns: [], unchanged: 0 };
  const byHeader = new Map(columns.map((c) => [c.header.toLowerCase(), c]));
  const mapped: (SheetColumn | undefined)[] = [];
  const seenHeaders = new Map<string, number>();
  (rows[0] ?? []).forEach((h, i) => {
    const text = cellText(h);
    const c = byHeader.get(text.toLowerCase());
    if (text === '') mapped.push(undefined);
    else if (!c) {
      const near = closest(
        text,
        [...byHeader.values()].map((x) => x.header),
        1,
      )[0];
      out.unknownColumns.push(near ? { column: text, didYouMean: near } : { column: text });
      mapped.push(undefined);
    } else if (seenHeaders.has(c.header)) {
      out.rejections.push({ row: 1, column: text, reason: `column "${c.header}" appears twice (columns ${seenHeaders.get(c.header)! + 1} and ${i + 1})` });
      mapped.push(undefined);
    } else {
      seenHeaders.set(c.header, i);
      mapped.push(c);
    }
  });
  const idAt = mapped.findIndex((c) => c?.id);
  const idField = columns[0]?.header ?? 'id';
  if (idAt < 0) {
    out.rejections.push({ row: 1, column: idField, reason: `the header has no "${idField}" column: rows are matched to records by ${idField}` });
    return out;
  }
  const idRows = new Map<string, number>();
  const pending: { row: number; id: string; column: SheetColumn; value: string }[] = [];
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const rowNo = r + 1;
    if (cells.every((c) => cellText(c) === '')) continue;
    const id = cellText(cells[idAt]);
    if (id === '') {
      out.rejections.push({ row: rowNo, column: idField, reason: `${idField} is empty` });
      continue;
    }
    if (/\s/.test(id)) {
      out.rejections.push({ row: rowNo, id, column: idField, reason: `${idField} "${id}" contains spaces` });
      continue;
    }
    const earlier = idRows.get(id);
    if (earlier !== undefined) {
      out.rejections.push({ row: rowNo, id, column: idField, reason: `${idField} ${id} is also on row ${earlier}` });
      continue;
    }
    idRows.set(id, rowNo);
    const existing = ws.get(kind, id);
    const raw: JsonObject | undefined = existing && rawRecord(ws, existing);
    const change: RowChange = { row: rowNo, id, exists: !!existing, set: [], remove: [] };
    let rejected = false;
    mapped.forEach((col, i) => {
      if (!col || col.id) return;
      const cell = cells[i];
      const text = cellText(cell);
      const current = raw ? valueAt(raw, col.path) : undefined;
      if (text === cellText(cellOf(current, col))) return;
      if (text === '') {
        if (current !== undefined) change.remove.push(col.path);
        return;
      }
      const converted = convertCell(cell, col);
      if (!converted.ok) {
        out.rejections.push({ row: rowNo, id, column: col.header, reason: converted.reason });
        rejected = true;
        return;
      }
      if (JSON.stringify(converted.value) === JSON.stringify(current)) return;
      const problem = checkValue(col, converted.value);
      if (col.ref) for (const v of refValues(converted.value)) if (!ws.get(col.ref, v)) pending.push({ row: rowNo, id, column: col, value: v });
      if (problem) {
        out.rejections.push({ row: rowNo, id, column: col.header, reason: problem });
        rejected = true;
        return;
      }
      change.set.push({ path: col.path, value: converted.value });
    });
    if (rejected) continue;
    if (change.exists && change.set.length === 0 && change.remove.length === 0) out.unchanged++;
    else out.changes.push(change);
  }
  // A reference to a record of this kind that another row adds is fine: checked once every id is known.
  const refused = new Set<number>();
  for (const p of pending) {
    if (p.column.ref === kind && idRows.has(p.value)) continue;
    const near = closest(p.value, ws.idsInUse(p.column.ref!), 1)[0];
    out.rejections.push({
      row: p.row,
      id: p.id,
      column: p.column.header,
      reason: `no ${p.column.ref} with id "${p.value}"${near ? `; did you mean "${near}"?` : ''}`,
    });
    refused.add(p.row);
  }
  if (refused.size > 0) out.changes = out.changes.filter((c) => !refused.has(c.row));
  out.rejections.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return out;
}

function refValues(value: JsonValue): string[] {
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

/** Why a converted value is refused: outside its checked vocabulary or its enum. */
function checkValue(col: SheetColumn, value: JsonValue): string | undefined {
  for (const v of refValues(value)) {
    const voc = col.vocabulary;
    if (voc?.values && voc.strict) {
      if (!voc.values.includes(v) && !Object.prototype.hasOwnProperty.call(voc.aliases, v)) {
        const near = closest(v, [...voc.values, ...Object.keys(voc.aliases)], 1)[0];
        return `"${v}" is not in vocabulary ${voc.name} (${voc.values.join(', ')})${near ? `; did you mean "${near}"?` : ''}`;
      }
    } else if (col.enum && !col.enum.includes(v)) {
      return `"${v}" is not one of ${col.enum.join(', ')}`;
    }
  }
  return undefined;
}
