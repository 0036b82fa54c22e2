import type { JsonValue } from '../types';
import type { CellType, SheetColumn } from './columns';

/** A cell as written: text, a number, a boolean, or empty. Date columns hold `YYYY-MM-DD` text (xlsx writes a date cell). */
export type SheetCell = string | number | boolean | null;

/** A cell as read from a CSV (always text) or an xlsx sheet (typed; a date cell is a `Date`). */
export type InputCell = string | number | boolean | Date | null | undefined;

/** Lists in one cell: `flagship; online`. */
export const LIST_SEPARATOR = '; ';

/** The cell of a value: lists joined with `; `, anything else that is not plain shown compactly. */
export function cellOf(v: JsonValue | undefined, column: SheetColumn): SheetCell {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.map((x) => (x !== null && typeof x === 'object' ? JSON.stringify(x) : String(x))).join(LIST_SEPARATOR);
  if (typeof v === 'object') return JSON.stringify(v);
  if (column.type === 'string' || column.type === 'date') return typeof v === 'string' ? v : String(v);
  return v;
}

/** A cell in one comparable form: what it shows as text (dates as `YYYY-MM-DD`, numbers plainly, empty as ''). */
export function cellText(c: InputCell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return isoDate(c);
  if (typeof c === 'string') return c.trim();
  return String(c);
}

/** The `YYYY-MM-DD` of a date cell: spreadsheet dates carry no zone, readers give them as UTC midnight. */
export function isoDate(d: Date): string {
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export type Converted = { ok: true; value: JsonValue } | { ok: false; reason: string };

/** Converts a non-empty cell to the column's type; the reason says what was expected. */
export function convertCell(c: InputCell, column: SheetColumn): Converted {
  if (column.list && !(c instanceof Date)) {
    const parts = cellText(c)
      .split(/[;；]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const out: JsonValue[] = [];
    for (const p of parts) {
      const r = convertScalar(p, column.type);
      if (!r.ok) return { ok: false, reason: `"${p}": ${r.reason}` };
      out.push(r.value);
    }
    return { ok: true, value: out };
  }
  const r = convertScalar(c, column.type);
  return r.ok && column.list ? { ok: true, value: [r.value] } : r;
}

function convertScalar(c: InputCell, type: CellType): Converted {
  switch (type) {
    case 'number':
    case 'integer': {
      const n = typeof c === 'number' ? c : parseNumber(cellText(c));
      if (n === undefined || !Number.isFinite(n)) return { ok: false, reason: `"${cellText(c)}" is not a number` };
      if (type === 'integer' && !Number.isInteger(n)) return { ok: false, reason: `${n} is not a whole number` };
      return { ok: true, value: n };
    }
    case 'boolean': {
      if (typeof c === 'boolean') return { ok: true, value: c };
      const b = BOOLEANS[cellText(c).toLowerCase()];
      return b === undefined ? { ok: false, reason: `"${cellText(c)}" is not yes/no (true, false, yes, no, 是, 否)` } : { ok: true, value: b };
    }
    case 'date': {
      if (c instanceof Date) return { ok: true, value: isoDate(c) };
      const d = parseDate(cellText(c));
      return d ? { ok: true, value: d } : { ok: false, reason: `"${cellText(c)}" is not a date (YYYY-MM-DD, or a date cell)` };
    }
    case 'string':
      return { ok: true, value: cellText(c) };
  }
}

const BOOLEANS: Record<string, boolean> = { true: true, false: false, yes: true, no: false, y: true, n: false, '1': true, '0': false, 是: true, 否: false };

/**
 * A number as people type it in a sheet: full-width digits, thousands separators in groups of
 * three (`1,280`), one currency sign before or after (`¥1,280`, `1280元`), a leading minus.
 * The sign is not checked against the record's `currency`. Decimal commas (`1.280,50`) are not
 * numbers: too easily misread.
 */
export function parseNumber(text: string): number | undefined {
  let s = text.normalize('NFKC').trim().replace(/\s+/g, '');
  s = s.replace(/^([-−]?)(?:[¥$€£]|RMB|CNY)/i, '$1').replace(/(?:元|[¥$€£])$/, '');
  s = s.replace(/^−/, '-');
  if (!/^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^-?\.\d+$/.test(s)) return undefined;
  return Number(s.replace(/,/g, ''));
}

/** `YYYY-MM-DD`, also `YYYY/M/D`, `YYYY.M.D` and `YYYY年M月D日`; day-first and month-first forms are refused as ambiguous. */
export function parseDate(text: string): string | undefined {
  const s = text.normalize('NFKC').trim();
  const m = /^(\d{4})(?:-(\d{1,2})-(\d{1,2})|\/(\d{1,2})\/(\d{1,2})|\.(\d{1,2})\.(\d{1,2})|年(\d{1,2})月(\d{1,2})日?)(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(
    s,
  );
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2] ?? m[4] ?? m[6] ?? m[8]);
  const d = Number(m[3] ?? m[5] ?? m[7] ?? m[9]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return isoDate(date);
}
