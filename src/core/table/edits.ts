import type { EditOp } from '../edit/ops';
import type { WorkspaceModel } from '../model/queries';
import { cellText, convertCell } from '../sheet/cells';
import type { JsonObject, JsonValue, NodePath } from '../types';
import type { BuiltTable, RowRecord } from './model';
import type { GridCell } from './protocol';

/** One edit of a file a table asks for: the host computes the text edit with `editFileText`. */
export interface GridWrite {
  file: string;
  format: 'yaml' | 'markdown';
  doc: number;
  op: EditOp;
}

export type GridEditResult = { ok: true; write: GridWrite } | { ok: false; message: string; conflict?: boolean };

const formatOf = (file: string): 'yaml' | 'markdown' => (/\.(md|markdown)$/i.test(file) ? 'markdown' : 'yaml');
const GONE: GridEditResult = { ok: false, message: 'This row is gone: the file changed. The table shows it as it is now.', conflict: true };

function write(r: RowRecord | { file: string; doc: number }, op: EditOp): GridEditResult {
  const file = 'entity' in r ? r.entity.file : r.file;
  const doc = 'entity' in r ? r.entity.doc : r.doc;
  return { ok: true, write: { file, format: formatOf(file), doc, op } };
}

/**
 * A cell edit: the typed text converted as an import converts a cell (numbers as people type
 * them, dates, yes/no, `; `-separated lists), emptied cells remove the field. Refused when the
 * cell no longer shows what the user started from (the file changed meanwhile: nothing is
 * overwritten silently), for the id column (rename it with Rename Symbol, which also updates
 * references) and for text that does not convert.
 */
export function cellEdit(built: BuiltTable, rowKey: string, column: number, text: string, was: GridCell): GridEditResult {
  const r = built.records.get(rowKey);
  const row = built.table.rows.find((x) => x.key === rowKey);
  const col = built.columns[column];
  if (!r || !row || !col) return GONE;
  const now = row.cells[column] ?? null;
  if (cellText(now) !== cellText(was)) {
    return { ok: false, message: `${row.id} ${col.header} changed in the file meanwhile (now "${cellText(now)}"); your edit was not applied.`, conflict: true };
  }
  if (col.id) return { ok: false, message: `Ids are renamed with Rename Symbol (F2) in the file, which also updates every reference to ${row.id}.` };
  if (text.trim() === '') return write(r, { op: 'delete', path: [...r.path, ...col.path] });
  const converted = convertCell(text, col);
  if (!converted.ok) return { ok: false, message: `${row.id} ${col.header}: ${converted.reason}` };
  return write(r, { op: 'set', path: [...r.path, ...col.path], value: converted.value });
}

/** Where new rows go: the list the last row is in (or the file's list when it has none), or the map of a map-layout kind. */
function target(ws: WorkspaceModel, built: BuiltTable): { file: string; doc: number; list?: NodePath; map: boolean } | { message: string } {
  const kc = ws.kindConfig(built.table.kind);
  if (!built.table.canAdd || !kc) return { message: built.table.addBlocked ?? `${built.table.kind} records cannot be added here` };
  const rows = built.table.rows;
  const last = rows.length > 0 ? built.records.get(rows[rows.length - 1]!.key) : undefined;
  const field = built.table.source.field;
  const map = !field && kc.layout === 'map';
  if (last)
    return map ? { file: last.entity.file, doc: last.entity.doc, map } : { file: last.entity.file, doc: last.entity.doc, list: last.path.slice(0, -1), map };
  const file = built.table.source.file;
  if (!file) return { message: `There is no ${built.table.kind} file yet: create one with New Document from Template, then add rows to it.` };
  if (field) {
    const owner = ws.entitiesIn(file).find((e) => e.kind === built.table.kind && !e.parent);
    if (!owner) return { message: `${file} holds no ${built.table.kind} record` };
    return { file, doc: owner.doc, list: [...owner.path, field], map: false };
  }
  return map ? { file, doc: 0, map } : { file, doc: 0, list: kc.listKey !== undefined ? [kc.listKey] : [], map };
}

function addRecord(ws: WorkspaceModel, built: BuiltTable, id: string | undefined, record: JsonObject): GridEditResult {
  const t = target(ws, built);
  if ('message' in t) return { ok: false, message: t.message };
  if (built.table.source.field) return write(t, { op: 'append', path: t.list ?? [], value: record });
  const kc = ws.kindConfig(built.table.kind)!;
  if (id === undefined) return { ok: false, message: `a new ${built.table.kind} needs an id` };
  if (ws.idsInUse(built.table.kind).includes(id)) return { ok: false, message: `${built.table.kind} ${id} already exists.` };
  if (t.map) return write(t, { op: 'set', path: [id], value: withoutKey(record, kc.id) });
  return write(t, { op: 'append', path: t.list ?? [], value: { [kc.id]: id, ...withoutKey(record, kc.id) } });
}

/** A new, empty row: a record with the id the user chose, or (items of a list) a mapping with the item's first required field. */
export function addRowEdit(ws: WorkspaceModel, built: BuiltTable, id: string | undefined): GridEditResult {
  const first = built.table.source.field ? built.columns[0] : undefined;
  return addRecord(ws, built, id, first && id !== undefined ? { [first.path.join('.')]: id } : {});
}

/** A copy of a row under a new id (a list item: a plain copy), in the same file. */
export function duplicateRowEdit(ws: WorkspaceModel, built: BuiltTable, rowKey: string, id: string | undefined): GridEditResult {
  const r = built.records.get(rowKey);
  if (!r) return GONE;
  return addRecord(ws, built, id, r.raw);
}

/** Removes a row's record (or list item) from its file. */
export function deleteRowEdit(built: BuiltTable, rowKey: string): GridEditResult {
  const r = built.records.get(rowKey);
  if (!r) return GONE;
  if (r.path.length === 0) return { ok: false, message: `${r.entity.id} is a whole file: delete the file instead.` };
  return write(r, { op: 'delete', path: r.path });
}

function withoutKey(record: JsonObject, key: string): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(record)) if (k !== key) out[k] = v as JsonValue;
  return out;
}
