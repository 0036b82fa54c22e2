/**
 * The record form as data: what the webview draws and the host edits. Plain JSON (it crosses
 * postMessage); the engine computes it, the webview only renders it.
 */
import type { JsonValue, Severity } from '../types';

export type Widget =
  /** One-line text. */
  | 'text'
  /** Free text over several lines. */
  | 'textarea'
  /** A number, with `unit` (a currency or a unit) beside it. */
  | 'number'
  /** `YYYY-MM-DD`. */
  | 'date'
  /** A checked vocabulary or an enum: only `options`. */
  | 'select'
  /** An open vocabulary: any text, `options` (the values in use) offered. */
  | 'combo'
  /** An id of `ref.kind`, picked from the form's `candidates`. */
  | 'ref'
  | 'toggle'
  /** A nested mapping: `fields`. */
  | 'group'
  /** A list of mappings: `columns` and `rows`. */
  | 'table'
  /** A list of scalars (tags, region ids): `item` is the widget of each. */
  | 'list';

/** A problem shown under its field. */
export interface FieldProblem {
  severity: Severity;
  message: string;
  ruleId: string;
  /** 1-based line in the file. */
  line: number;
}

export interface Option {
  value: string;
  /** How often the workspace already uses it (open vocabularies). */
  count?: number;
}

export interface FormField {
  /** The key (or the index, as text, for list items). */
  key: string;
  /** Path from the record (entity) root. */
  path: (string | number)[];
  /** The schema's title, else the key. */
  label: string;
  description?: string;
  required: boolean;
  widget: Widget;
  /** The value in the file; absent when the field is not written. */
  value?: JsonValue;
  /** `number`: the unit or currency shown beside it (from a sibling or an enclosing `unit` / `currency`). */
  unit?: string;
  minimum?: number;
  maximum?: number;
  integer?: boolean;
  /** `select` / `combo`: the values to offer. */
  options?: Option[];
  /** `ref`: the kind referred to. */
  ref?: string;
  /** `group`: its fields. `list`: absent. */
  fields?: FormField[];
  /** `group` whose keys are free (channel prices): the keys the vocabulary offers for a new entry. */
  openKeys?: Option[] | true;
  /** `list`: the widget of each item (path and value of the first item, or a template). */
  item?: FormField;
  /** `table`: the column templates (path relative to the row). */
  columns?: FormField[];
  /** `table`: one entry per list item, cells in column order (paths from the record). */
  rows?: TableRow[];
  /** Problems at this field (not those of fields inside it). */
  problems: FieldProblem[];
  /** Written in the file but not described by the schema. */
  extra?: boolean;
}

export interface TableRow {
  cells: FormField[];
  /** The row is a nested record of its own (an objective, a KPI): its form can be opened. */
  entity?: { kind: string; id: string };
  /** Columns not shown in the table, summarized (`kpis: 3 items`). */
  more?: string[];
}

/** A record a reference may name: its title first, as a person reads it. */
export interface Candidate {
  id: string;
  title: string;
}

export interface RecordForm {
  kind: string;
  id: string;
  title: string;
  /** Workspace-relative path. */
  file: string;
  doc: number;
  /** Path of the record in its document (where the write layer edits). */
  entityPath: (string | number)[];
  format: 'yaml' | 'markdown';
  fields: FormField[];
  /** Problems of the record not placed under a field. */
  problems: FieldProblem[];
  /** Candidates of every kind a `ref` field of this form refers to. */
  candidates: Record<string, Candidate[]>;
  /** The parent record, for nested records (a KPI's objective). */
  parent?: { kind: string; id: string; title: string };
}
