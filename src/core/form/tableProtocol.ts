/**
 * The message protocol between the register table webview and its host. Like the form's, it
 * imports only data types.
 */
import type { JsonValue, NodePath } from '../types';
import type { RegisterTable } from './register';

export interface TableInit {
  type: 'init';
  l10n?: Record<string, string>;
}

/** The table as the documents read now; `versions`: each file's document version (-1: as on disk). */
export interface TableUpdate {
  type: 'table';
  table: RegisterTable;
  versions: Record<string, number>;
  notice?: { severity: 'info' | 'warning' | 'error'; message: string };
}

/** The host applied a change to `file`: its document is now at `version`. */
export interface TableVersion {
  type: 'version';
  file: string;
  version: number;
}

/** The rows a filter query keeps (`kind\u0000id` keys), or all rows (`null`), and what the query could not read. */
export interface TableFiltered {
  type: 'filtered';
  query: string;
  keys: string[] | null;
  errors: string[];
}

export type ToTable = TableInit | TableUpdate | TableVersion | TableFiltered;

export interface TableReady {
  type: 'ready';
}

/**
 * A change of one record (`path` from the record at `entityPath`), or of the list or map that
 * holds the records (adding one: `entityPath` is the list's path and `path` is empty or the new key).
 */
export interface TableChange {
  type: 'change';
  file: string;
  version: number;
  entityPath: NodePath;
  change: { op: 'set'; path: NodePath; value: JsonValue } | { op: 'delete'; path: NodePath } | { op: 'append'; path: NodePath; value: JsonValue };
}

/** Copy a record (all its fields) as a new one after the last, with the next id. */
export interface TableDuplicate {
  type: 'duplicate';
  file: string;
  version: number;
  entityPath: NodePath;
}

export interface TableFilter {
  type: 'filter';
  query: string;
}

export interface TableOpenRecord {
  type: 'openRecord';
  kind: string;
  id: string;
}

export interface TableError {
  type: 'error';
  message: string;
}

export type FromTable = TableReady | TableChange | TableDuplicate | TableFilter | TableOpenRecord | TableError;

const isObj = (m: unknown): m is Record<string, unknown> => !!m && typeof m === 'object' && !Array.isArray(m);
const isPath = (p: unknown): p is NodePath =>
  Array.isArray(p) && p.every((s) => typeof s === 'string' || (typeof s === 'number' && Number.isInteger(s) && s >= 0));

export function isFromTable(m: unknown): m is FromTable {
  if (!isObj(m)) return false;
  switch (m['type']) {
    case 'ready':
      return true;
    case 'change': {
      const c = m['change'];
      if (typeof m['file'] !== 'string' || typeof m['version'] !== 'number' || !isPath(m['entityPath']) || !isObj(c) || !isPath(c['path'])) return false;
      return c['op'] === 'delete' || ((c['op'] === 'set' || c['op'] === 'append') && c['value'] !== undefined);
    }
    case 'duplicate':
      return typeof m['file'] === 'string' && typeof m['version'] === 'number' && isPath(m['entityPath']);
    case 'filter':
      return typeof m['query'] === 'string';
    case 'openRecord':
      return typeof m['kind'] === 'string' && typeof m['id'] === 'string';
    case 'error':
      return typeof m['message'] === 'string';
    default:
      return false;
  }
}

export function isToTable(m: unknown): m is ToTable {
  if (!isObj(m)) return false;
  return (
    m['type'] === 'init' ||
    (m['type'] === 'table' && isObj(m['table']) && isObj(m['versions'])) ||
    (m['type'] === 'version' && typeof m['file'] === 'string' && typeof m['version'] === 'number') ||
    (m['type'] === 'filtered' && typeof m['query'] === 'string' && Array.isArray(m['errors']))
  );
}

/** The key a filter result names a row by. */
export function rowKey(kind: string, id: string): string {
  return `${kind}\u0000${id}`;
}
