/**
 * A register as a table: the records of one list- or map-layout file, or of one kind across
 * files, with columns from the kind's schema (nested objects flattened one level:
 * `contract.value`), each record's problems per cell, and totals of the number columns (money
 * per currency). Columns carry the widgets of the record form, so cells edit the same way.
 */
import type { Entity } from '../model/entity';
import type { WorkspaceModel } from '../model/queries';
import { schemaAt } from '../model/schemaRefs';
import { proposeNextId } from '../ids/next';
import { valuesInUse } from '../vocab/inUse';
import type { JsonObject, JsonValue } from '../types';
import { candidatesOf } from './build';
import { buildField, stepsMatch, unitFor, type FieldContext } from './fields';
import { problemPlacer } from './place';
import type { Candidate, FieldProblem, FormField } from './types';

export type RegisterScope = { file: string } | { kind: string };

export interface RegisterCell {
  value?: JsonValue;
  /** Number columns: the unit or currency of this row's value. */
  unit?: string;
  problems?: FieldProblem[];
}

export interface RegisterRow {
  kind: string;
  id: string;
  title: string;
  file: string;
  doc: number;
  entityPath: (string | number)[];
  format: 'yaml' | 'markdown';
  /** In column order. */
  cells: RegisterCell[];
  /** Problems of the record not in a shown column. */
  problems: FieldProblem[];
}

export interface ColumnTotal {
  /** Column index. */
  column: number;
  count: number;
  /** Sum and average per unit (one entry without `unit` when the column has none). */
  byUnit: { unit?: string; sum: number; average: number; count: number }[];
}

export interface RegisterTable {
  kind: string;
  scope: RegisterScope;
  /** Column templates: `path` is from the record, `key` the dotted path shown. */
  columns: FormField[];
  rows: RegisterRow[];
  totals: ColumnTotal[];
  candidates: Record<string, Candidate[]>;
  /** Where a new record goes (file scope, list or map layout), with a proposed id. */
  add?: { file: string; doc: number; listPath: (string | number)[]; map: boolean; nextId?: string };
}

function get(data: JsonObject, path: readonly (string | number)[]): JsonValue | undefined {
  let v: JsonValue | undefined = data;
  for (const seg of path) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, JsonValue>)[seg as string];
  }
  return v;
}

/** The records of a scope: a file's top-level records, or every record of a kind. */
function recordsOf(ws: WorkspaceModel, scope: RegisterScope): Entity[] {
  if ('file' in scope) return ws.entitiesIn(scope.file).filter((e) => !e.parent);
  return ws.entities(scope.kind);
}

function rootOf(e: Entity): Entity {
  let r = e;
  while (r.parent) r = r.parent;
  return r;
}

export function buildRegisterTable(ws: WorkspaceModel, scope: RegisterScope): RegisterTable {
  const records = recordsOf(ws, scope);
  const kind = 'kind' in scope ? scope.kind : mostCommon(records.map((e) => e.kind));
  const rows = records.filter((e) => e.kind === kind);
  const sample = rows[0];
  const root = sample ? rootOf(sample) : undefined;
  const rootSchema = root ? ws.kindConfig(root.kind)?.schema?.json : ws.kindConfig(kind)?.schema?.json;
  const below = sample && root ? sample.path.slice(root.path.length).map((s) => (typeof s === 'number' ? 0 : s)) : [];
  const bindings = ws.vocabularyBindings(kind);
  const used = new Map<string, Map<string, number> | undefined>();
  const ctx: FieldContext = {
    schemaAt: (path) => (rootSchema ? schemaAt(rootSchema, [...below, ...path]) : undefined),
    vocabularyAt: (path, keys = false) => bindings.find((b) => stepsMatch(b.steps, path, keys))?.vocabulary,
    inUse: (name) => {
      if (!used.has(name)) used.set(name, valuesInUse(ws.config, ws.entities(), name).get(name));
      return used.get(name);
    },
    nestedAt: () => undefined,
  };
  const columns = columnsOf(ctx, rows);
  const placers = new Map<string, ReturnType<typeof problemPlacer>>();
  const tableRows = rows.map((e): RegisterRow => {
    let place = placers.get(e.file);
    if (!place) placers.set(e.file, (place = problemPlacer(ws, e.file)));
    const cells = columns.map((c): RegisterCell => {
      const value = get(e.data, c.path);
      const cell: RegisterCell = {};
      if (value !== undefined) cell.value = value;
      if (c.widget === 'number') {
        const parentPath = c.path.slice(0, -1);
        const siblings = get(e.data, parentPath);
        const unit = unitFor(
          c.key.split('.').pop() as string,
          siblings && typeof siblings === 'object' && !Array.isArray(siblings) ? siblings : undefined,
          parentPath.length ? [e.data] : [],
        );
        if (unit) cell.unit = unit;
      }
      return cell;
    });
    const row: RegisterRow = {
      kind: e.kind,
      id: e.id,
      title: e.title,
      file: e.file,
      doc: e.doc,
      entityPath: [...e.path],
      format: ws.parsedFile(e.file)?.format === 'markdown' ? 'markdown' : 'yaml',
      cells,
      problems: [],
    };
    const written = columns.filter((_, i) => cells[i]?.value !== undefined).map((c) => c.path);
    for (const { path, problem } of place(e, written)) {
      const at = columns.findIndex((c) => path.length >= c.path.length && c.path.every((s, i) => s === path[i]));
      const cell = at === -1 ? undefined : cells[at];
      if (cell) (cell.problems ??= []).push(problem);
      else row.problems.push(problem);
    }
    return row;
  });
  const table: RegisterTable = { kind, scope, columns, rows: tableRows, totals: totalsOf(columns, tableRows), candidates: {} };
  for (const c of columns) if (c.ref && !table.candidates[c.ref]) table.candidates[c.ref] = candidatesOf(ws, c.ref);
  const add = addTarget(ws, scope, rows, kind);
  if (add) table.add = add;
  return table;
}

function mostCommon(kinds: string[]): string {
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/** Scalar fields of the schema and nested objects' scalar fields, then keys the rows use that the schema does not list. */
function columnsOf(ctx: FieldContext, rows: Entity[]): FormField[] {
  const top = ctx.schemaAt([]);
  const required = new Set(Array.isArray(top?.['required']) ? (top['required'] as string[]) : []);
  const keys = top?.['properties'] && typeof top['properties'] === 'object' ? Object.keys(top['properties'] as object) : [];
  const seen = new Set(keys);
  for (const e of rows)
    for (const k of Object.keys(e.data)) {
      if (seen.has(k)) continue;
      seen.add(k);
      keys.push(k);
    }
  const out: FormField[] = [];
  for (const key of keys) {
    if (key === 'kind') continue;
    // A kind without a schema: the first value written says what the column holds.
    const sample = rows.map((e) => e.data[key]).find((v) => v !== undefined && v !== null);
    const f = buildField({ key, path: [key], value: sample, required: required.has(key), ancestors: [] }, ctx);
    delete f.value;
    for (const inner of f.fields ?? []) delete inner.value;
    if (f.widget === 'group') {
      const inner = [...(f.fields ?? [])];
      if (f.openKeys) {
        // Free keys (channel prices by channel): a column per key the rows use.
        const subKeys = new Set<string>();
        for (const e of rows) {
          const v = e.data[key];
          if (v && typeof v === 'object' && !Array.isArray(v)) for (const k of Object.keys(v)) subKeys.add(k);
        }
        for (const k of subKeys)
          if (!inner.some((x) => x.key === k))
            inner.push({ ...buildField({ key: k, path: [key, k], value: undefined, required: false, ancestors: [] }, ctx), label: k });
      }
      for (const x of inner) if (isCellWidget(x)) out.push({ ...x, key: `${key}.${x.key}`, label: `${f.label} · ${x.label}` });
    } else if (isCellWidget(f)) out.push(f);
  }
  return out;
}

function isCellWidget(f: FormField): boolean {
  return f.widget !== 'group' && f.widget !== 'table';
}

function totalsOf(columns: FormField[], rows: RegisterRow[]): ColumnTotal[] {
  const out: ColumnTotal[] = [];
  columns.forEach((c, i) => {
    if (c.widget !== 'number') return;
    const byUnit = new Map<string, { sum: number; count: number }>();
    let count = 0;
    for (const r of rows) {
      const cell = r.cells[i];
      if (typeof cell?.value !== 'number') continue;
      count++;
      const u = cell.unit ?? '';
      const t = byUnit.get(u) ?? { sum: 0, count: 0 };
      t.sum += cell.value;
      t.count++;
      byUnit.set(u, t);
    }
    out.push({
      column: i,
      count,
      byUnit: [...byUnit].map(([unit, t]) => ({ ...(unit ? { unit } : {}), sum: t.sum, average: t.count ? t.sum / t.count : 0, count: t.count })),
    });
  });
  return out;
}

/** A file-scoped table of a list or map adds to that list or map; the next id follows the kind's style. */
function addTarget(ws: WorkspaceModel, scope: RegisterScope, rows: Entity[], kind: string): RegisterTable['add'] {
  if (!('file' in scope)) return undefined;
  const last = rows[rows.length - 1];
  if (!last || last.path.length === 0) return undefined;
  const tail = last.path[last.path.length - 1];
  const next = proposeNextId(ws.idsInUse(kind), { idPattern: ws.kindConfig(kind)?.idPattern });
  return { file: scope.file, doc: last.doc, listPath: last.path.slice(0, -1), map: typeof tail === 'string', ...(next ? { nextId: next } : {}) };
}
