/**
 * The register table's messages between the extension and its webview, and the table as sent.
 * Types, the guard and `applyGridDelta` (pure): the webview imports this file (and nothing else of core).
 */

export type GridCellType = 'string' | 'number' | 'integer' | 'boolean' | 'date';
export type GridCell = string | number | boolean | null;

export interface GridColumn {
  /** The field path as written in a spreadsheet header (`contract.end`), unique per table. */
  key: string;
  type: GridCellType;
  /** A list of plain values, shown joined with `; `. */
  list: boolean;
  /** Values to choose from: a checked vocabulary or an `enum` (a dropdown). */
  options?: string[];
  /** Values to suggest: an open vocabulary's values in use (a combobox, free entry). */
  suggestions?: string[];
  /** Target kind of a reference: the cell offers that kind's records. */
  ref?: string;
  /** The id column: read-only (rename it with the editor's Rename Symbol). */
  id?: boolean;
  /** The record's title field. */
  title?: boolean;
  /** Shown unless the user hid it (columns beyond the first few that are mostly empty start hidden). */
  visible: boolean;
}

export interface GridProblem {
  severity: 'error' | 'warning' | 'info';
  message: string;
  ruleId: string;
  /** 1-based line in the row's file. */
  line: number;
}

export interface GridRow {
  /** Stable key of the record: `file\0doc\0path`. */
  key: string;
  id: string;
  file: string;
  cells: GridCell[];
  /** Units of the row's numeric cells by column (a sibling `currency` or `unit`, else the record's), for totals per currency. */
  units: Record<number, string>;
  /** Problems by column index; problems of the record as a whole under -1. */
  problems: Record<number, GridProblem[]>;
}

export interface GridTotal {
  /** `undefined` unit: numbers without a currency or unit. */
  unit?: string;
  sum: number;
  average: number;
  count: number;
}

export interface GridTable {
  kind: string;
  /** What the table shows: a file (`partners/list.yaml`) or all records of a kind. */
  source: { kind: string; file?: string; field?: string };
  title: string;
  columns: GridColumn[];
  rows: GridRow[];
  /** Rows can be added (the kind keeps its records in a list or a map). */
  canAdd: boolean;
  /** Why rows cannot be added, when they cannot. */
  addBlocked?: string;
  /** Reference candidates by target kind: `[id, title]`. */
  candidates: Record<string, [string, string][]>;
  locale?: string;
}

/** Rows shown after the filter and sort, as indexes into `rows`, and their totals by column. */
export interface GridView {
  order: number[];
  /** Totals of numeric columns over the shown rows, by column index (one entry per unit). */
  totals: Record<number, GridTotal[]>;
  /** Problems the query has (`-` with no word…), as the search box reports them. */
  queryErrors: string[];
}

/**
 * What changed between two tables with the same columns (the host's `gridDelta`): rows by key,
 * and the column details and reference candidates when they changed. Applied to the table it
 * was computed from, it gives the new one (`applyGridDelta`).
 */
export interface GridDelta {
  /** Keys of rows no longer in the table. */
  removed: string[];
  /** New rows with their index in the new table, ascending. */
  added: { index: number; row: GridRow }[];
  /** Rows whose cells, units or problems changed, by key. */
  changed: GridRow[];
  /** The columns, when their options, suggestions or visibility changed (same keys and types). */
  columns?: GridColumn[];
  /** Reference candidates of the kinds whose records changed. */
  candidates?: Record<string, [string, string][]>;
}

/**
 * The whole table (`version` counts what was sent), or only what changed since the table of
 * version `base`; a webview that does not hold that version asks for the whole table (`ready`).
 */
export type ToGrid =
  | { type: 'table'; version: number; table: GridTable; view: GridView; query: string; sort?: GridSort; l10n?: Record<string, string> }
  | { type: 'rows'; base: number; version: number; delta: GridDelta; view: GridView; query: string; sort?: GridSort }
  | { type: 'view'; view: GridView; query: string; sort?: GridSort }
  | { type: 'notice'; severity: 'info' | 'warning' | 'error'; message: string };

export interface GridSort {
  column: number;
  descending: boolean;
}

export type FromGrid =
  | { type: 'ready' }
  | { type: 'query'; query: string; sort?: GridSort }
  | { type: 'edit'; row: string; column: number; value: string; was: GridCell }
  | { type: 'add' }
  | { type: 'duplicate'; row: string }
  | { type: 'delete'; row: string }
  | { type: 'open'; row: string }
  | { type: 'columns'; visible: string[] };

const FROM = new Set(['ready', 'query', 'edit', 'add', 'duplicate', 'delete', 'open', 'columns']);

/** Whether a message from the webview has a known type (its fields are checked where used). */
export function isFromGrid(m: unknown): m is FromGrid {
  return typeof m === 'object' && m !== null && FROM.has(String((m as { type?: unknown }).type));
}

/** The table a delta was computed to (`table` is the one it was computed from; neither is changed). */
export function applyGridDelta(table: GridTable, delta: GridDelta): GridTable {
  const removed = new Set(delta.removed);
  const changed = new Map(delta.changed.map((r) => [r.key, r]));
  const rows = table.rows.filter((r) => !removed.has(r.key)).map((r) => changed.get(r.key) ?? r);
  for (const { index, row } of delta.added) rows.splice(index, 0, row);
  const out: GridTable = { ...table, rows };
  if (delta.columns) out.columns = delta.columns;
  if (delta.candidates) out.candidates = { ...table.candidates, ...delta.candidates };
  return out;
}
