import { spanCompare, spanOf } from '../period/order';
import type { PeriodRange } from '../period/parse';
import type { FieldFilter, SearchDoc } from './types';

// Deeper structures are data dumps, not fields anyone searches; the cap also keeps
// hostile 100-level nesting from costing more than it is worth.
const MAX_DEPTH = 16;
const UNTIDY_SPACE = /^\s|\s$|\s\s|[^\S ]/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}(?:$|[T ])/;
/** Distinct values whose period spans a compiled filter remembers. */
const SPAN_MEMO = 4096;

/** A leaf of a document's fields, with its dotted path (`contract.end`). */
export interface FieldEntry {
  path: string;
  value: string;
}

/** Every string and number in `fields`, for the full-text index. */
export function fieldText(fields: Record<string, unknown>): string {
  const parts: string[] = [];
  visitLeaves(fields, '', 0, (_path, value) => {
    parts.push(value);
  });
  return parts.join('\n');
}

/** Leaves as `path: value` pairs, arrays of scalars joined with ", ", in document order. */
export function fieldEntries(fields: Record<string, unknown>): FieldEntry[] {
  const byPath = new Map<string, string[]>();
  visitLeaves(fields, '', 0, (path, value) => {
    const values = byPath.get(path);
    if (values) values.push(value);
    else byPath.set(path, [value]);
  });
  return [...byPath].map(([path, values]) => ({ path, value: values.join(', ') }));
}

/**
 * A predicate for `filter`, negation included. A missing field never matches a filter.
 * `fiscalYearStart` dates fiscal periods (`period:<FY2027`) in range comparisons.
 */
export function compileFilter(filter: FieldFilter, fiscalYearStart = 1): (doc: SearchDoc) => boolean {
  const want = normalise(filter.value);
  const { field, op, negate } = filter;
  let test: (value: unknown) => boolean;
  if (op !== ':') {
    const wantSpan = spanOf(want.toUpperCase(), fiscalYearStart);
    const spans = wantSpan ? spanReader(fiscalYearStart) : undefined;
    test = (v) => compares(v, op, want, wantSpan, spans);
  } else if (want.endsWith('*')) {
    // `id:PTN-*`; `status:*` means "has a non-empty status".
    const prefix = want.slice(0, -1);
    test = (v) => {
      const text = scalarText(v);
      return text !== undefined && text !== '' && normalise(text).startsWith(prefix);
    };
  } else {
    test = (v) => equals(v, want);
  }
  const lower = field.toLowerCase();
  if (lower === 'kind') return (doc) => test(doc.kind) !== negate;
  if (lower === 'id') return (doc) => test(doc.id) !== negate;
  if (BUILT_IN.has(lower) || field.includes('.')) {
    return (doc) => {
      const values = lookup(doc, field);
      return (values !== undefined && values.some(test)) !== negate;
    };
  }
  // A plain field name (the common case): test its value in place, without collecting values.
  return (doc) => {
    const value = ownValue(doc.fields, field);
    return (value !== undefined && anyLeaf(value, test, 0)) !== negate;
  };
}

const BUILT_IN = new Set(['kind', 'id', 'file', 'title']);

/**
 * The normalised text of every scalar under a top-level field (arrays flattened), as an
 * equality filter compares it; undefined when the document has no such field. Lets an
 * index answer `field:value` with the documents `compileFilter` would accept.
 */
export function valueKeys(fields: Record<string, unknown>, name: string): string[] | undefined {
  const value = ownValue(fields, name);
  if (value === undefined) return undefined;
  const keys: string[] = [];
  for (const leaf of flatten([value])) {
    const text = scalarText(leaf);
    if (text !== undefined) keys.push(normalise(text));
  }
  return keys;
}

/** Whether an equality filter on a plain field accepts exactly the documents `valueKeys` files under its value. */
export function indexableEquality(filter: FieldFilter): boolean {
  if (filter.negate || filter.op !== ':' || filter.field.includes('.') || BUILT_IN.has(filter.field.toLowerCase())) return false;
  const want = normalise(filter.value);
  // `price:1999.0` also matches the number 1999, which is filed under "1999".
  return !want.endsWith('*') && (!NUMBER.test(want) || String(Number(want)) === want);
}

/** Whether `test` holds for `value` or, for an array, any item at any depth (as `flatten` sees them). */
function anyLeaf(value: unknown, test: (value: unknown) => boolean, depth: number): boolean {
  if (!Array.isArray(value) || depth >= MAX_DEPTH) return test(value);
  for (const item of value) if (anyLeaf(item, test, depth + 1)) return true;
  return false;
}

/**
 * The values at a field path, arrays flattened (`regions` → each region,
 * `objectives.title` → each objective's title); undefined when the field is absent.
 */
export function lookup(doc: SearchDoc, field: string): unknown[] | undefined {
  switch (field.toLowerCase()) {
    case 'kind':
      return [doc.kind];
    case 'id':
      return [doc.id];
    case 'file':
      return [doc.file];
    case 'title':
      return [ownValue(doc.fields, field) ?? doc.title];
  }
  const whole = ownValue(doc.fields, field);
  if (whole !== undefined) return flatten([whole]);
  if (!field.includes('.')) return undefined;
  let current: unknown[] = [doc.fields];
  for (const segment of field.split('.')) {
    const next: unknown[] = [];
    for (const value of flatten(current)) {
      const child = isRecord(value) ? ownValue(value, segment) : undefined;
      if (child !== undefined) next.push(child);
    }
    if (next.length === 0) return undefined;
    current = next;
  }
  return flatten(current);
}

function equals(actual: unknown, want: string): boolean {
  const text = scalarText(actual);
  if (text === undefined) return false;
  if (normalise(text) === want) return true;
  // `price:1999.0` and `price:1999` mean the same number.
  return typeof actual === 'number' && NUMBER.test(want) && Number(want) === actual;
}

/**
 * The days a field value covers, for range filters against a period or date: an ISO date (or
 * the date of a date-time) is one day, a period its days; undefined for other text. Periods are
 * remembered: a filter meets the same few thousands of times.
 */
function spanReader(fiscalYearStart: number): (text: string) => PeriodRange | undefined {
  const seen = new Map<string, PeriodRange | null>();
  return (text) => {
    const day = dayOf(text);
    if (day !== undefined) return { start: day, end: day };
    let span = seen.get(text);
    if (span === undefined) {
      span = spanOf(text.trim().toUpperCase(), fiscalYearStart) ?? null;
      if (seen.size < SPAN_MEMO) seen.set(text, span);
    }
    return span ?? undefined;
  };
}

/** The `YYYY-MM-DD` a value starts with when it is a date or a date-time. */
function dayOf(text: string): string | undefined {
  return ISO_DAY.test(text) ? text.slice(0, 10) : undefined;
}

function compares(
  actual: unknown,
  op: Exclude<FieldFilter['op'], ':'>,
  want: string,
  wantSpan: PeriodRange | undefined,
  spans: ((text: string) => PeriodRange | undefined) | undefined,
): boolean {
  const text = scalarText(actual);
  if (text === undefined || typeof actual === 'boolean') return false;
  let order: number;
  if (NUMBER.test(want) && (typeof actual === 'number' || NUMBER.test(text.trim()))) {
    order = Number(text) - Number(want);
  } else if (wantSpan !== undefined && spans !== undefined) {
    // Periods and dates compare by the days they cover (see `spanCompare`): `period:>2026-Q1`,
    // `period:<FY2027`, `due:<=2026-Q2`; a value that is neither never matches.
    const day = wantSpan.start === want ? dayOf(text) : undefined;
    if (day === undefined) {
      const have = spans(text);
      return have !== undefined && spanCompare(have, op, wantSpan);
    }
    order = day < want ? -1 : day > want ? 1 : 0; // a date against a date, without allocating
  } else {
    const have = normalise(text);
    order = have < want ? -1 : have > want ? 1 : 0;
  }
  switch (op) {
    case '>':
      return order > 0;
    case '<':
      return order < 0;
    case '>=':
      return order >= 0;
    case '<=':
      return order <= 0;
    default:
      return order === 0;
  }
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return undefined;
}

function visitLeaves(value: unknown, path: string, depth: number, visit: (path: string, value: string) => void): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) visitLeaves(item, path, depth + 1, visit);
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) visitLeaves(value[key], path ? `${path}.${key}` : key, depth + 1, visit);
  } else if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) {
    const text = scalarText(value);
    if (text) visit(path, text);
  }
}

function flatten(values: unknown[]): unknown[] {
  const out: unknown[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (Array.isArray(value) && depth < MAX_DEPTH) for (const item of value) walk(item, depth + 1);
    else out.push(value);
  };
  for (const value of values) walk(value, 0);
  return out;
}

/** An own property, exact name first, then ignoring case; never the prototype chain. */
function ownValue(record: Record<string, unknown>, key: string): unknown {
  if (Object.prototype.hasOwnProperty.call(record, key)) return record[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(record)) if (k.length === key.length && k.toLowerCase() === lower) return record[k];
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Case-insensitive, whitespace-collapsed form used for every comparison. */
export function normalise(text: string): string {
  const lower = text.toLowerCase();
  // Most values are single-spaced already; skip the replace for them (filters run per document).
  return UNTIDY_SPACE.test(lower) ? lower.replace(/\s+/g, ' ').trim() : lower;
}
