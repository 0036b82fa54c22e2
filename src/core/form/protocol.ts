/**
 * The one message protocol between the record form webview and its host. Imports only data
 * types, so it bundles for the browser and the extension alike.
 */
import type { EditOp } from '../edit/ops';
import type { JsonValue, NodePath } from '../types';
import type { RecordForm } from './types';

// ---- host → webview -------------------------------------------------------------------------

export interface FormInit {
  type: 'init';
  /** The webview's UI strings in the display language (an `@vscode/l10n` bundle); absent for English. */
  l10n?: Record<string, string>;
}

/** The form as the document reads now; `version` is the document version it was built from. */
export interface FormUpdate {
  type: 'form';
  form: RecordForm;
  version: number;
  /** Why the form was redrawn, shown once (an edit refused, a change made elsewhere). */
  notice?: { severity: 'info' | 'warning' | 'error'; message: string };
}

/** The record is gone (deleted, renamed, the file closed and removed). */
export interface FormGone {
  type: 'gone';
  message: string;
}

/** The host applied the form's change: the document is now at `version` (the form already shows the value). */
export interface FormVersion {
  type: 'version';
  version: number;
}

export type ToForm = FormInit | FormUpdate | FormGone | FormVersion;

// ---- webview → host -------------------------------------------------------------------------

export interface FormReady {
  type: 'ready';
}

/**
 * A change in the form. `path` is from the record; `version` is the document version the
 * form showed when the user changed the value, so a change made meanwhile is not overwritten.
 */
export interface FormChange {
  type: 'change';
  version: number;
  change: { op: 'set'; path: NodePath; value: JsonValue } | { op: 'delete'; path: NodePath } | { op: 'append'; path: NodePath; value: JsonValue };
}

/** Open another record's form (a row of a sub-table, a referenced record). */
export interface FormOpenRecord {
  type: 'openRecord';
  kind: string;
  id: string;
}

/** Show the record's text (at the field's line when given). */
export interface FormOpenText {
  type: 'openText';
  line?: number;
}

export interface FormError {
  type: 'error';
  message: string;
}

export type FromForm = FormReady | FormChange | FormOpenRecord | FormOpenText | FormError;

const isObj = (m: unknown): m is Record<string, unknown> => !!m && typeof m === 'object' && !Array.isArray(m);
const isPath = (p: unknown): p is NodePath =>
  Array.isArray(p) && p.every((s) => typeof s === 'string' || (typeof s === 'number' && Number.isInteger(s) && s >= 0));

export function isFromForm(m: unknown): m is FromForm {
  if (!isObj(m)) return false;
  switch (m['type']) {
    case 'ready':
      return true;
    case 'change': {
      const c = m['change'];
      if (typeof m['version'] !== 'number' || !isObj(c) || !isPath(c['path'])) return false;
      return c['op'] === 'delete' || ((c['op'] === 'set' || c['op'] === 'append') && c['value'] !== undefined);
    }
    case 'openRecord':
      return typeof m['kind'] === 'string' && typeof m['id'] === 'string';
    case 'openText':
      return m['line'] === undefined || typeof m['line'] === 'number';
    case 'error':
      return typeof m['message'] === 'string';
    default:
      return false;
  }
}

export function isToForm(m: unknown): m is ToForm {
  if (!isObj(m)) return false;
  return (
    m['type'] === 'init' ||
    (m['type'] === 'form' && isObj(m['form']) && typeof m['version'] === 'number') ||
    (m['type'] === 'gone' && typeof m['message'] === 'string') ||
    (m['type'] === 'version' && typeof m['version'] === 'number')
  );
}

/** The write layer's operation for a form change on the record at `entityPath`. */
export function formChangeOp(entityPath: NodePath, change: FormChange['change']): EditOp {
  const path = [...entityPath, ...change.path];
  return change.op === 'delete' ? { op: 'delete', path } : { op: change.op, path, value: change.value };
}
