import { compareEntities, type Entity } from '../model/entity';
import type { WorkspaceModel } from '../model/queries';
import { cellOf } from '../sheet/cells';
import { rawRecord, sheetColumns, valueAt, type SheetColumn } from '../sheet/columns';
import type { JsonObject, NodePath } from '../types';
import { valuesInUse } from '../vocab/inUse';
import { unitAt } from '../form/unit';
import { itemColumns, itemsOf } from './items';
import { placeDiagnostics } from '../form/place';
import type { GridColumn, GridRow, GridTable } from './protocol';

/**
 * What a register table shows: the records of a kind in one file or in every file; or, with
 * `field`, the items of a list in one record (an inventory's stock lines).
 */
export interface GridSource {
  kind: string;
  file?: string;
  field?: string;
}

/** What a row is in its file: the record it belongs to, its node path, and its data as written. */
export interface RowRecord {
  entity: Entity;
  path: NodePath;
  raw: JsonObject;
}

/** A table with the columns' sheet definitions and the rows' records, kept by the host for edits. */
export interface BuiltTable {
  table: GridTable;
  columns: SheetColumn[];
  records: Map<string, RowRecord>;
}

/** How many columns an empty table shows at first; otherwise the columns at least half the rows fill (the rest are in the column chooser). */
const FIRST_COLUMNS = 8;

/**
 * The register table of a source: one row per record (nested records of other kinds are not
 * rows) or per item of a record's list, the kind's flat-sheet columns (the same as `opsbook
 * export`: id, title, fields of plain values, dotted paths for nested objects, lists joined with
 * `; `), the cells as written in the file (a company's own words, not the meanings aliases map
 * them to), and the workspace's problems placed in the cells they are about.
 */
export function buildGridTable(ws: WorkspaceModel, source: GridSource, visible?: readonly string[]): BuiltTable {
  const kc = ws.kindConfig(source.kind);
  const { rows: found, sheet, canAdd, addBlocked } = source.field ? itemRows(ws, source) : recordRows(ws, source);
  const records = found.map((r) => r.raw);
  let inUse: Map<string, Map<string, number>> | undefined;
  const filled = sheet.map((c) => records.filter((r) => c.id || notEmpty(valueAt(r, c.path))).length);
  const columns: GridColumn[] = sheet.map((c, i) => {
    const col: GridColumn = { key: c.header, type: c.type, list: c.list, visible: true };
    if (c.id) col.id = true;
    if (!source.field && kc?.title !== undefined && c.header === kc.title) col.title = true;
    if (c.ref) col.ref = c.ref;
    const checked = c.vocabulary?.values ? [...c.vocabulary.values, ...Object.keys(c.vocabulary.aliases)] : c.enum;
    if (checked) col.options = [...checked];
    else if (c.vocabulary) col.suggestions = [...((inUse ??= valuesInUse(ws.config, ws.entities())).get(c.vocabulary.name)?.keys() ?? [])];
    col.visible = visible
      ? visible.includes(c.header) || !!c.id
      : !!c.id || !!col.title || (records.length === 0 ? i < FIRST_COLUMNS : (filled[i] ?? 0) * 2 >= records.length);
    return col;
  });
  const byKey = new Map<string, RowRecord>();
  const rows: GridRow[] = found.map((r) => {
    const key = pathKey(r.entity.file, r.entity.doc, r.path);
    byKey.set(key, r);
    const row: GridRow = {
      key,
      id: source.field ? rowLabel(r, sheet) : r.entity.id,
      // No line: resolving every record's source range would parse each file again with
      // positions (seconds for thousands of rows); `open` asks for the one it needs.
      file: r.entity.file,
      cells: sheet.map((c) => (c.id ? r.entity.id : cellOf(valueAt(r.raw, c.path), c))),
      problems: {},
      units: {},
    };
    sheet.forEach((c, j) => {
      if (c.type !== 'number' && c.type !== 'integer') return;
      const unit = unitAt(r.raw, c.path);
      if (unit !== undefined) row.units[j] = unit;
    });
    return row;
  });
  placeProblems(ws, found, rows, sheet);
  const candidates: Record<string, [string, string][]> = {};
  for (const c of columns) {
    if (!c.ref || candidates[c.ref]) continue;
    candidates[c.ref] = ws
      .entities(c.ref)
      .sort(compareEntities)
      .map((e): [string, string] => [e.id, e.title]);
  }
  const title = source.field ? `${source.file ?? source.kind} · ${source.field}` : (source.file ?? source.kind);
  const table: GridTable = { kind: source.kind, source: { ...source }, title, columns, rows, canAdd, candidates };
  if (addBlocked) table.addBlocked = addBlocked;
  const locale = ws.config.locale;
  if (locale) table.locale = locale;
  return { table, columns: sheet, records: byKey };
}

interface Found {
  rows: RowRecord[];
  sheet: SheetColumn[];
  canAdd: boolean;
  addBlocked?: string;
}

function recordRows(ws: WorkspaceModel, source: GridSource): Found {
  const layout = ws.kindConfig(source.kind)?.layout;
  const entities = (source.file ? ws.entitiesIn(source.file).filter((e) => e.kind === source.kind) : ws.entities(source.kind)).sort(compareEntities);
  const rows = entities.map((entity) => ({ entity, path: entity.path, raw: rawRecord(ws, entity) }));
  const canAdd = layout === 'list' || layout === 'map';
  const found: Found = { rows, sheet: sheetColumns(ws, source.kind), canAdd };
  if (!canAdd)
    found.addBlocked = `${source.kind} records are ${layout === 'markdown' ? 'Markdown documents' : 'one per file'}: create one with New Document from Template`;
  return found;
}

function itemRows(ws: WorkspaceModel, source: GridSource): Found {
  const field = source.field as string;
  const entity = source.file ? ws.entitiesIn(source.file).find((e) => e.kind === source.kind && !e.parent) : undefined;
  if (!entity) return { rows: [], sheet: [], canAdd: false, addBlocked: `${source.file ?? source.kind} holds no ${source.kind} record` };
  const rows = itemsOf(ws, entity, field).map(({ index, item }) => ({ entity, path: [...entity.path, field, index], raw: item }));
  return {
    rows,
    sheet: itemColumns(
      ws,
      source.kind,
      field,
      rows.map((r) => r.raw),
    ),
    canAdd: true,
  };
}

/** A row's name in messages: its first cell with a value (an item's `sku`), else its position. */
function rowLabel(r: RowRecord, sheet: readonly SheetColumn[]): string {
  for (const c of sheet) {
    const v = valueAt(r.raw, c.path);
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  return `#${Number(r.path[r.path.length - 1]) + 1}`;
}

/** The key of a row: its record's file, YAML document and node path (stable while it stays where it is). */
export function pathKey(file: string, doc: number, path: NodePath): string {
  return `${file}\0${doc}\0${path.join('\0')}`;
}

/** The key of a record's row. */
export function rowKey(e: Entity): string {
  return pathKey(e.file, e.doc, e.path);
}

/** Each diagnostic of the rows' files in the cell it is about (the form's placement); a problem of the record as a whole under -1. */
function placeProblems(ws: WorkspaceModel, found: readonly RowRecord[], rows: GridRow[], sheet: readonly SheetColumn[]): void {
  const byFile = new Map<string, number[]>();
  found.forEach((r, i) => {
    const list = byFile.get(r.entity.file);
    if (list) list.push(i);
    else byFile.set(r.entity.file, [i]);
  });
  const fields = sheet.map((c) => c.path);
  for (const [file, indexes] of byFile) {
    const targets = indexes.map((i) => ({ doc: found[i]!.entity.doc, path: found[i]!.path, fields }));
    for (const { target, field, diagnostic: d } of placeDiagnostics(ws, file, targets)) {
      (rows[indexes[target]!]!.problems[field] ??= []).push({ severity: d.severity, message: d.message, ruleId: d.ruleId, line: d.range.start.line });
    }
  }
}

function notEmpty(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
}
