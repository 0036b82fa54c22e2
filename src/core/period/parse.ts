/**
 * Periods (SPEC §3.3): calendar `2026`, `2026-H1`, `2026-Q3`, `2026-06`, and fiscal `FY2026`,
 * `FY2026-H2`, `FY2026-Q1`, `FY2026-M01`, counted from the workspace's `fiscalYearStart` month.
 * FY2026 is the fiscal year that starts in calendar 2026: with `fiscalYearStart: 4` it runs
 * 2026-04-01 … 2027-03-31. A period is kept as the company wrote it; only its dates are derived.
 */

export type PeriodUnit = 'year' | 'half' | 'quarter' | 'month';

export interface PeriodRange {
  /** First day, ISO `YYYY-MM-DD`. */
  start: string;
  /** Last day (inclusive), ISO `YYYY-MM-DD`. */
  end: string;
}

export interface Period extends PeriodRange {
  /** The period as written. */
  text: string;
  fiscal: boolean;
  unit: PeriodUnit;
  /** The calendar year, or for a fiscal period the calendar year its fiscal year starts in. */
  year: number;
  /** 1-based position inside the year (H2 → 2, Q3 → 3, M07 / `-07` → 7); 1 for a whole year. */
  index: number;
}

/**
 * Every period form, as a JSON Schema `pattern`: it accepts exactly what `isPeriod` does (the
 * plan schema carries the same text; a test holds them together).
 */
export const PERIOD_PATTERN = '^(\\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?|FY\\d{4}(-(H[12]|Q[1-4]|M(0[1-9]|1[0-2])))?)$';

/** What to write instead of a malformed period, for diagnostics. */
export const PERIOD_FORMS = 'write a year 2026, a half 2026-H1, a quarter 2026-Q3, a month 2026-06, or a fiscal FY2026, FY2026-H1, FY2026-Q1, FY2026-M01';

const SYNTAX = /^(FY)?(\d{4})(?:-(?:([HQ])(\d)|M(\d{2})|(\d{2})))?$/;
const MONTHS_PER: Record<PeriodUnit, number> = { year: 12, half: 6, quarter: 3, month: 1 };

/** A usable fiscal start month: an integer 1–12, else January (the configuration reports bad values). */
export function fiscalStartMonth(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 12 ? value : 1;
}

/**
 * The period `text` names, with its first and last day; undefined when `text` is not a period
 * (`2026-13`, `FY26`, `2026-Q5`, `FY2026-M13`, `2026-M01`, `FY2026-06`, lower case, spaces).
 */
export function parsePeriod(text: unknown, fiscalYearStart = 1): Period | undefined {
  if (typeof text !== 'string') return undefined;
  const m = SYNTAX.exec(text);
  if (!m) return undefined;
  const fiscal = m[1] !== undefined;
  const year = Number(m[2]);
  let unit: PeriodUnit = 'year';
  let index = 1;
  if (m[3] !== undefined) {
    unit = m[3] === 'H' ? 'half' : 'quarter';
    index = Number(m[4]);
    if (index < 1 || index > (unit === 'half' ? 2 : 4)) return undefined;
  } else if (m[5] !== undefined || m[6] !== undefined) {
    // A fiscal month is `M01`; a calendar month is `-01`. Mixing the two is not a period.
    if ((m[5] !== undefined) !== fiscal) return undefined;
    unit = 'month';
    index = Number(m[5] ?? m[6]);
    if (index < 1 || index > 12) return undefined;
  }
  const firstMonth = fiscal ? fiscalStartMonth(fiscalYearStart) : 1;
  // Months counted from January of `year`, 0-based.
  const from = firstMonth - 1 + (index - 1) * MONTHS_PER[unit];
  const to = from + MONTHS_PER[unit] - 1;
  const endYear = year + Math.floor(to / 12);
  if (endYear > 9999) return undefined;
  return { text, fiscal, unit, year, index, start: monthStart(year, from), end: monthEnd(year, to) };
}

/** First and last day of a period; undefined when `text` is not a period. */
export function periodRange(text: unknown, fiscalYearStart = 1): PeriodRange | undefined {
  const p = parsePeriod(text, fiscalYearStart);
  return p ? { start: p.start, end: p.end } : undefined;
}

/** Whether `text` is a period in one of the forms above. */
export function isPeriod(text: unknown): text is string {
  return parsePeriod(text) !== undefined;
}

/**
 * How a period reads where its dates are not obvious: as written, followed by its first and
 * last day for fiscal periods (`FY2026-Q1 (2026-04-01 – 2026-06-30)`). Calendar periods and
 * text that is not a period read as written.
 */
export function periodLabel(text: string, fiscalYearStart = 1): string {
  const p = parsePeriod(text, fiscalYearStart);
  return p?.fiscal ? `${text} (${p.start} – ${p.end})` : text;
}

function monthStart(year: number, month0: number): string {
  const y = year + Math.floor(month0 / 12);
  return `${pad(y, 4)}-${pad((month0 % 12) + 1, 2)}-01`;
}

function monthEnd(year: number, month0: number): string {
  const y = year + Math.floor(month0 / 12);
  const m = (month0 % 12) + 1;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(daysInMonth(y, m), 2)}`;
}

/** Days in month `m` (1–12) of year `y`, Gregorian leap years. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
