import { daysBetween } from '../util/dates';
import { daysInMonth, parsePeriod, type PeriodRange } from './parse';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Periods in time order: by first day, then the longer first (`2026`, `2026-H1`, `2026-Q1`,
 * `2026-01`), then as written (`2026` before `FY2026` when both cover the same days). Text that
 * is not a period comes after every period, in plain string order.
 */
export function comparePeriods(a: string, b: string, fiscalYearStart = 1): number {
  const pa = parsePeriod(a, fiscalYearStart);
  const pb = parsePeriod(b, fiscalYearStart);
  if (pa && pb) {
    if (pa.start !== pb.start) return pa.start < pb.start ? -1 : 1;
    if (pa.end !== pb.end) return pa.end > pb.end ? -1 : 1;
  } else if (pa || pb) {
    return pa ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether every day of period `inner` lies in period `outer` (a monthly plan in its quarter, a
 * regional plan's `FY2026-Q1` in the company's `FY2026`). A period lies within itself; false
 * when either is not a period.
 */
export function periodWithin(inner: unknown, outer: unknown, fiscalYearStart = 1): boolean {
  const i = parsePeriod(inner, fiscalYearStart);
  const o = parsePeriod(outer, fiscalYearStart);
  return i !== undefined && o !== undefined && i.start >= o.start && i.end <= o.end;
}

/** Share of a period elapsed at the end of `today`, clamped to 0..1; undefined when not a period. */
export function elapsedShare(period: unknown, today: string, fiscalYearStart = 1): number | undefined {
  const r = parsePeriod(period, fiscalYearStart);
  if (!r) return undefined;
  const total = daysBetween(r.start, r.end) + 1;
  const done = daysBetween(r.start, today) + 1;
  return Math.max(0, Math.min(1, done / total));
}

/** The days a period or an ISO date covers (a date is a one-day span); undefined for other text. */
export function spanOf(text: unknown, fiscalYearStart = 1): PeriodRange | undefined {
  if (typeof text !== 'string') return undefined;
  const d = ISO_DATE.exec(text);
  if (d) {
    const m = Number(d[2]);
    const day = Number(d[3]);
    return m >= 1 && m <= 12 && day >= 1 && day <= daysInMonth(Number(d[1]), m) ? { start: text, end: text } : undefined;
  }
  const p = parsePeriod(text, fiscalYearStart);
  return p ? { start: p.start, end: p.end } : undefined;
}

/**
 * A range comparison between spans of days, as search's `field:>value` reads it for periods and
 * dates: `>` starts after `want` ends, `<` ends before `want` starts, `>=` starts on or after
 * `want`'s first day, `<=` ends on or before `want`'s last day. So `period:>2026-Q1` is what
 * comes after the first quarter (not `2026-02`, which is inside it), and
 * `period:>=2026-Q1 period:<=2026-Q2` is everything inside the first half. Between two dates
 * these are the usual date comparisons.
 */
export function spanCompare(have: PeriodRange, op: '>' | '<' | '>=' | '<=', want: PeriodRange): boolean {
  switch (op) {
    case '>':
      return have.start > want.end;
    case '<':
      return have.end < want.start;
    case '>=':
      return have.start >= want.start;
    case '<=':
      return have.end <= want.end;
  }
}
