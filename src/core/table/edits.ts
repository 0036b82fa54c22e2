import type { EditOp } from '../edit/ops';
import type { Entity } from '../model/entity';
import type { WorkspaceModel } from '../model/queries';
import { cellText, convertCell } from '../sheet/cells';
import { rawRecord } from '../sheet/columns';
import type { JsonObject, JsonValue } from '../types';
import type { BuiltTable } from './model';
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

/**
 * A cell edit: the typed text converted as an import converts a cell (numbers as people type
 * them, dates, yes/no, `; `-separated lists), emptied cells remove the field. Refused when the
 * cell no longer shows what the user started from (the file changed meanwhile: nothing is
 * overwritten silently), for the id column (rename it with Rename Symbol, which also updates
 * references) and for text that does not convert.
 */
export function cellEdit(built: BuiltTable, rowKey: string, column: number, text: string, was: GridCell): GridEditResult {
  const e = built.entities.get(rowKey);
  const row = built.table.rows.find((r) => r.key === rowKey);
  const col = built.columns[column];
  if (!e || !row || !col) return { ok: false, message: 'This row is gone: the file changed. The table shows it as it is now.', conflict: true };
  const now = row.cells[column] ?? null;
  if (cellText(now) !== cellText(was)) {
    return { ok: false, message: `${e.id} ${col.header} changed in the file meanwhile (now "${cellText(now)}"); your edit was not applied.`, conflict: true };
  }
  if (col.id) return { ok: false, message: `Ids are renamed with Rename Symbol (F2) in the file, which also updates every reference to ${e.id}.` };
  const write = (op: EditOp): GridEditResult => ({ ok: true, write: { file: e.file, format: formatOf(e.file), doc: e.doc, op } });
  if (text.trim() === '') return write({ op: 'delete', path: [...e.path, ...col.path] });
  const converted = convertCell(text, col);
  if (!converted.ok) return { ok: false, message: `${e.id} ${col.header}: ${converted.reason}` };
  return write({ op: 'set', path: [...e.path, ...col.path], value: converted.value });
}

/** Where new rows of a table go: after its last record (or into its file's list when it has none). */
function target(
  ws: WorkspaceModel,
  built: BuiltTable,
): { file: string; doc: number; list: (string | number)[] | undefined; map: boolean } | { message: string } {
  const kc = ws.kindConfig(built.table.kind);
  if (!built.table.canAdd || !kc) return { message: built.table.addBlocked ?? `${built.table.kind} records cannot be added here` };
  const rows = built.table.rows;
  const last = rows.length > 0 ? built.entities.get(rows[rows.length - 1]!.key) : undefined;
  const map = kc.layout === 'map';
  if (last) return { file: last.file, doc: last.doc, list: map ? undefined : last.path.slice(0, -1), map };
  const file = built.table.source.file;
  if (!file) return { message: `There is no ${built.table.kind} file yet: create one with New Document from Template, then add rows to it.` };
  return { file, doc: 0, list: map ? undefined : kc.listKey !== undefined ? [kc.listKey] : [], map };
}

function addRecord(ws: WorkspaceModel, built: BuiltTable, id: string, record: JsonObject): GridEditResult {
  const t = target(ws, built);
  if ('message' in t) return { ok: false, message: t.message };
  const kc = ws.kindConfig(built.table.kind)!;
  if (ws.idsInUse(built.table.kind).includes(id)) return { ok: false, message: `${built.table.kind} ${id} already exists.` };
  const write = (op: EditOp): GridEditResult => ({ ok: true, write: { file: t.file, format: formatOf(t.file), doc: t.doc, op } });
  if (t.map) {
    const rest: JsonObject = {};
    for (const [k, v] of Object.entries(record)) if (k !== kc.id) rest[k] = v;
    return write({ op: 'set', path: [id], value: rest });
  }
  return write({ op: 'append', path: t.list ?? [], value: { [kc.id]: id, ...withoutKey(record, kc.id) } });
}

/** A new, empty row with the id the user chose. */
export function addRowEdit(ws: WorkspaceModel, built: BuiltTable, id: string): GridEditResult {
  return addRecord(ws, built, id, {});
}

/** A copy of a row under a new id, in the same file. */
export function duplicateRowEdit(ws: WorkspaceModel, built: BuiltTable, rowKey: string, id: string): GridEditResult {
  const e = built.entities.get(rowKey);
  if (!e) return { ok: false, message: 'This row is gone: the file changed.', conflict: true };
  return addRecord(ws, built, id, rawRecord(ws, e));
}

/** Removes a row's record from its file. */
export function deleteRowEdit(built: BuiltTable, rowKey: string): GridEditResult {
  const e: Entity | undefined = built.entities.get(rowKey);
  if (!e) return { ok: false, message: 'This row is gone: the file changed.', conflict: true };
  if (e.path.length === 0) return { ok: false, message: `${e.id} is a whole file: delete the file instead.` };
  return { ok: true, write: { file: e.file, format: formatOf(e.file), doc: e.doc, op: { op: 'delete', path: e.path } } };
}

function withoutKey(record: JsonObject, key: string): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(record)) if (k !== key) out[k] = v as JsonValue;
  return out;
}
