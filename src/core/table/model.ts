import { compareEntities, type Entity } from '../model/entity';
import type { WorkspaceModel } from '../model/queries';
import { cellOf } from '../sheet/cells';
import { rawRecord, sheetColumns, valueAt, type SheetColumn } from '../sheet/columns';
import type { JsonObject } from '../types';
import { valuesInUse } from '../vocab/inUse';
import { placeProblems } from './problems';
import type { GridColumn, GridRow, GridTable } from './protocol';

/** What a register table shows: the records of a kind in one file, or in every file. */
export interface GridSource {
  kind: string;
  file?: string;
}

/** A table with the columns' sheet definitions and the rows' records, kept by the host for edits. */
export interface BuiltTable {
  table: GridTable;
  columns: SheetColumn[];
  entities: Map<string, Entity>;
}

/** How many columns an empty table shows at first; otherwise the columns at least half the rows fill (the rest are in the column chooser). */
const FIRST_COLUMNS = 8;

/**
 * The register table of a source: one row per record (nested records of other kinds are not
 * rows), the kind's flat-sheet columns (the same as `opsbook export`: id, title, fields of plain
 * values, dotted paths for nested objects, lists joined with `; `), the cells as written in the
 * file (a company's own words, not the meanings aliases map them to), and the workspace's
 * problems placed in the cells they are about.
 */
export function buildGridTable(ws: WorkspaceModel, source: GridSource, visible?: readonly string[]): BuiltTable {
  const kc = ws.kindConfig(source.kind);
  const sheet = sheetColumns(ws, source.kind);
  const entities = (source.file ? ws.entitiesIn(source.file).filter((e) => e.kind === source.kind) : ws.entities(source.kind)).sort(compareEntities);
  const records = entities.map((e) => rawRecord(ws, e));
  let inUse: Map<string, Map<string, number>> | undefined;
  const filled = sheet.map((c) => records.filter((r) => c.id || notEmpty(valueAt(r, c.path))).length);
  const columns: GridColumn[] = sheet.map((c, i) => {
    const col: GridColumn = { key: c.header, type: c.type, list: c.list, visible: true };
    if (c.id) col.id = true;
    if (kc?.title !== undefined && c.header === kc.title) col.title = true;
    if (c.ref) col.ref = c.ref;
    const checked = c.vocabulary?.values ? [...c.vocabulary.values, ...Object.keys(c.vocabulary.aliases)] : c.enum;
    if (checked) col.options = [...checked];
    else if (c.vocabulary) col.suggestions = [...((inUse ??= valuesInUse(ws.config, ws.entities())).get(c.vocabulary.name)?.keys() ?? [])];
    col.visible = visible
      ? visible.includes(c.header) || !!c.id
      : !!c.id || !!col.title || (records.length === 0 ? i < FIRST_COLUMNS : (filled[i] ?? 0) * 2 >= records.length);
    return col;
  });
  const byKey = new Map<string, Entity>();
  const rows: GridRow[] = entities.map((e, i) => {
    const raw = records[i]!;
    const key = rowKey(e);
    byKey.set(key, e);
    const row: GridRow = {
      key,
      id: e.id,
      // No line: resolving every record's source range would parse each file again with
      // positions (seconds for thousands of rows); `open` asks for the one it needs.
      file: e.file,
      cells: sheet.map((c) => (c.id ? e.id : cellOf(valueAt(raw, c.path), c))),
      problems: {},
      units: {},
    };
    sheet.forEach((c, j) => {
      if (c.type !== 'number' && c.type !== 'integer') return;
      const unit = unitOf(raw, c.path);
      if (unit !== undefined) row.units[j] = unit;
    });
    return row;
  });
  placeProblems(ws, entities, rows, sheet);
  const candidates: Record<string, [string, string][]> = {};
  for (const c of columns) {
    if (!c.ref || candidates[c.ref]) continue;
    candidates[c.ref] = ws
      .entities(c.ref)
      .sort(compareEntities)
      .map((e): [string, string] => [e.id, e.title]);
  }
  const layout = kc?.layout;
  const canAdd = layout === 'list' || layout === 'map';
  const table: GridTable = {
    kind: source.kind,
    source: source.file ? { kind: source.kind, file: source.file } : { kind: source.kind },
    title: source.file ?? source.kind,
    columns,
    rows,
    canAdd,
    candidates,
  };
  if (!canAdd)
    table.addBlocked = `${source.kind} records are ${layout === 'markdown' ? 'Markdown documents' : 'one per file'}: create one with New Document from Template`;
  const locale = ws.config.locale;
  if (locale) table.locale = locale;
  return { table, columns: sheet, entities: byKey };
}

/** The key of a record's row: stable while the record stays where it is in its file. */
export function rowKey(e: Entity): string {
  return `${e.file}\0${e.doc}\0${e.path.join('\0')}`;
}

/** The unit of a number: a `currency` or `unit` beside it, else the nearest one in the mappings around it (as the record form shows it). */
function unitOf(raw: JsonObject, path: readonly string[]): string | undefined {
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const around = path.slice(0, depth);
    for (const key of ['currency', 'unit']) {
      const v = valueAt(raw, [...around, key]);
      if (typeof v === 'string' && v !== '' && key !== path[path.length - 1]) return v;
    }
  }
  return undefined;
}

function notEmpty(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
}
