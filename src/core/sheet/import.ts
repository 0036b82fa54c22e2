import { createWorkspace } from '../engine';
import type { OpsbookWorkspace } from '../front/api';
import type { WorkspaceDiff } from '../diff/types';
import { parseFile, formatOf, type ParsedFile } from '../parse/file';
import type { SchemaCache } from '../schema/compiled';
import type { JsonObject, JsonValue, NodePath } from '../types';
import { stringify } from 'yaml';
import type { InputCell } from './cells';
import { readRows, type Rejection, type RowChange, type UnknownColumn } from './rows';
import { editRecords, type RecordAppend, type RecordEdit } from '../edit/records';

/** A kind the sheet cannot be imported into at all (a usage problem, not a row's). */
export class SheetImportError extends Error {}

export interface ImportOptions {
  /** File for new records (workspace-relative); default: the kind's one file. */
  into?: string;
  /** Compiled schemas to reuse for the validation of the result. */
  schemas?: SchemaCache;
}

/** One file the import writes: its text before (undefined: a new file) and after. */
export interface FileWrite {
  path: string;
  before: string | undefined;
  after: string;
}

/**
 * What importing a sheet would do. `writes` is empty while `rejections` has any row: the
 * import is all or nothing.
 */
export interface ImportPlan {
  kind: string;
  writes: FileWrite[];
  rejections: Rejection[];
  unknownColumns: UnknownColumn[];
  /** Entity-level changes of the result (as `opsbook diff` phrases them), with the problems it introduces. */
  diff?: WorkspaceDiff;
  /** Rows equal to their records. */
  unchanged: number;
  added: number;
  modified: number;
}

/**
 * Plans the import of a sheet (row 1 = the header) into a kind's files: rows upserted by id —
 * existing records edited in place (only the changed fields), new ones appended to `into` or
 * the kind's one file (list and map layouts) — then the result checked like `check` does: an
 * error the import introduces rejects the row of its record. Markdown-layout and nested kinds
 * cannot be imported ({@link SheetImportError}).
 */
export function planImport(ws: OpsbookWorkspace, kind: string, rows: InputCell[][], options: ImportOptions = {}): ImportPlan {
  const kc = ws.kindConfig(kind);
  if (!kc) throw new SheetImportError(`unknown kind "${kind}"; kinds: ${[...ws.config.kinds.keys()].sort().join(', ')}`);
  if (kc.files.length === 0) throw new SheetImportError(`${kind} records live inside other records (nested kind): import their parent kind's file instead`);
  if (kc.layout === 'markdown' || kc.layout === 'none')
    throw new SheetImportError(
      `${kind} records are ${kc.layout === 'none' ? 'not records' : 'Markdown documents'}: import works on YAML registers (list, map or single layout)`,
    );
  const read = readRows(ws, kind, rows);
  const plan: ImportPlan = {
    kind,
    writes: [],
    rejections: read.rejections,
    unknownColumns: read.unknownColumns,
    unchanged: read.unchanged,
    added: 0,
    modified: 0,
  };
  const edits = new Map<string, { edits: RecordEdit[]; appends: RecordAppend[]; rows: number[] }>();
  const forFile = (f: string) => edits.get(f) ?? edits.set(f, { edits: [], appends: [], rows: [] }).get(f)!;
  const target = newRecordsFile(ws, kind, options.into);
  for (const c of read.changes) {
    if (c.exists) {
      const e = ws.get(kind, c.id)!;
      if (formatOf(e.file) !== 'yaml') {
        plan.rejections.push({ row: c.row, id: c.id, reason: `${kind} ${c.id} is in a Markdown file (${e.file}): edit its front matter there` });
        continue;
      }
      const f = forFile(e.file);
      f.edits.push({ doc: e.doc, path: e.path, set: c.set, remove: c.remove });
      f.rows.push(c.row);
      plan.modified++;
      continue;
    }
    if (kc.layout === 'single' || kc.layout === undefined) {
      plan.rejections.push({
        row: c.row,
        id: c.id,
        reason: `${kind} ${c.id} is new, and each ${kind} is a file of its own: create it first (opsbook new ${kind} --id ${c.id})`,
      });
      continue;
    }
    if (typeof target === 'string') {
      plan.rejections.push({ row: c.row, id: c.id, reason: `${kind} ${c.id} is new, and ${target}` });
      continue;
    }
    const f = forFile(target.path);
    f.appends.push(appendOf(target, c, kc.layout, kc.id));
    f.rows.push(c.row);
    plan.added++;
  }
  if (plan.rejections.length > 0) return plan;
  for (const [path, e] of edits) {
    const parsed = ws.parsedFile(path);
    const before = parsed?.text;
    try {
      const docs = parsed && parsed.problems.length === 0 ? parsed.docs : undefined;
      const after = before === undefined ? newFileText(kc.layout, kc.listKey, e.appends) : editRecords(before, e.edits, e.appends, docs);
      if (after !== before) plan.writes.push({ path, before, after });
    } catch (err) {
      plan.rejections.push({ row: e.rows[0], reason: `${path} cannot be edited: ${err instanceof Error ? err.message : String(err)}`, file: path });
    }
  }
  if (plan.rejections.length === 0 && plan.writes.length > 0) validate(ws, plan, read.changes, options.schemas);
  if (plan.rejections.length > 0) plan.writes = [];
  return plan;
}

type Target = { path: string; container: NodePath; doc: number } | string;

/** Where new records go: `into`, the kind's one literal file, or the one file holding its records; else why not (a string). */
function newRecordsFile(ws: OpsbookWorkspace, kind: string, into: string | undefined): Target {
  const kc = ws.kindConfig(kind)!;
  let path = into;
  if (path === undefined) {
    const literal = kc.files.find((f) => !/[*?[\]{}]/.test(f));
    const holding = [...new Set(ws.entities(kind).map((e) => e.file))].filter((f) => formatOf(f) === 'yaml');
    if (literal) path = literal;
    else if (holding.length === 1) path = holding[0];
    else
      return holding.length === 0
        ? `no file holds ${kind} records yet: name one with --into FILE`
        : `${kind} records live in ${holding.length} files: name the one for new records with --into FILE`;
  }
  if (formatOf(path!) !== 'yaml') return `new records go to a YAML file, not ${path}`;
  const parsed = ws.parsedFile(path!);
  if (parsed?.skipped) return `${path} was not read (${parsed.skipped}): new records cannot be added to it`;
  if (parsed && ws.fileKind(path!) !== kind) return `${path} holds ${ws.fileKind(path!) ?? 'no'} records, not ${kind}`;
  if (!parsed && ws.kindForPath(path!) !== kind)
    return `${path} is not a${/^[aeiou]/i.test(kind) ? 'n' : ''} ${kind} file (kinds.${kind}.files: ${kc.files.join(', ')})`;
  const doc = parsed?.docs[0];
  let container: NodePath = [];
  if (kc.layout === 'list' && doc && !Array.isArray(doc) && typeof doc === 'object') {
    const key = kc.listKey ?? Object.keys(doc).find((k) => Array.isArray(doc[k]));
    if (key === undefined) return `${path} has no list of ${kind} records`;
    container = [key];
  }
  return { path: path!, container, doc: 0 };
}

function appendOf(target: Exclude<Target, string>, c: RowChange, layout: string, idField: string): RecordAppend {
  const record: JsonObject = layout === 'map' ? {} : { [idField]: c.id };
  for (const s of c.set) setPath(record, s.path, s.value);
  return layout === 'map' ? { doc: target.doc, container: target.container, key: c.id, record } : { doc: target.doc, container: target.container, record };
}

function setPath(obj: JsonObject, path: string[], value: JsonValue): void {
  let o = obj;
  path.slice(0, -1).forEach((k) => {
    const next = o[k];
    o = next && typeof next === 'object' && !Array.isArray(next) ? next : (o[k] = {});
  });
  o[path[path.length - 1]!] = value;
}

function newFileText(layout: string | undefined, listKey: string | undefined, appends: RecordAppend[]): string {
  if (layout === 'map') return stringify(Object.fromEntries(appends.map((a) => [a.key!, a.record])), { lineWidth: 0 });
  const records = appends.map((a) => a.record);
  return stringify(listKey ? { [listKey]: records } : records, { lineWidth: 0 });
}

/** The result checked with the workspace's rules: errors it introduces reject the rows of their records. */
function validate(ws: OpsbookWorkspace, plan: ImportPlan, changes: RowChange[], schemas: SchemaCache | undefined): void {
  const replaced = new Map<string, ParsedFile>(plan.writes.map((w) => [w.path, parseFile(w.path, w.after)]));
  const files = ws.filePaths().map((p) => replaced.get(p) ?? ws.parsedFile(p)!);
  for (const [p, f] of replaced) if (!ws.parsedFile(p)) files.push(f);
  // Files the import does not touch are the same parsed objects: their analyses and ranges are reused.
  const after = createWorkspace(ws.config, ws.todayDate, { files, rangesFrom: ws, ...(schemas ? { schemas } : {}) });
  const diff = after.diffFrom(ws);
  plan.diff = diff;
  const rowOf = new Map(changes.map((c) => [c.id, c.row]));
  for (const d of diff.introduced) {
    if (d.severity !== 'error') continue;
    const row = d.entity !== undefined ? rowOf.get(d.entity) : undefined;
    const r: Rejection = { reason: d.message, ruleId: d.ruleId, file: d.file, line: d.range.start.line };
    if (row !== undefined) {
      r.row = row;
      r.id = d.entity!;
    }
    plan.rejections.push(r);
  }
}
