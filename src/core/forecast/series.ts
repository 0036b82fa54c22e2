import { parsePeriod, type PeriodRange } from '../period/parse';

/** One value of a KPI series: the period as written, its days, and the value measured in it. */
export interface SeriesPoint extends PeriodRange {
  period: string;
  value: number;
}

/**
 * A KPI's `actuals` (`{ 2026-01: 820000, FY2026-M02: 760000 }`) as points in time order. Keys
 * that are not periods and values that are not numbers are left out (the schema reports them).
 */
export function kpiSeries(actuals: unknown, fiscalYearStart: number): SeriesPoint[] {
  if (!actuals || typeof actuals !== 'object' || Array.isArray(actuals)) return [];
  const out: SeriesPoint[] = [];
  for (const [key, value] of Object.entries(actuals as Record<string, unknown>)) {
    const p = parsePeriod(key, fiscalYearStart);
    if (!p || typeof value !== 'number' || !Number.isFinite(value)) continue;
    out.push({ period: key, start: p.start, end: p.end, value });
  }
  return out.sort(compareSpans);
}

function compareSpans(a: PeriodRange, b: PeriodRange): number {
  return a.start !== b.start ? (a.start < b.start ? -1 : 1) : a.end !== b.end ? (a.end < b.end ? -1 : 1) : 0;
}

/**
 * The `actual` a series stands for: the sum of its values for a unit that adds up (money,
 * counts), the latest value for a level (%, scores, days). Undefined for an empty series.
 */
export function seriesActual(points: readonly SeriesPoint[], additive: boolean): number | undefined {
  if (points.length === 0) return undefined;
  return additive ? points.reduce((s, p) => s + p.value, 0) : (points[points.length - 1] as SeriesPoint).value;
}

/**
 * Several series summed by period: a company KPI's series from its contributors'. Periods are
 * matched by their days, so one contributor's `2026-04` and another's `FY2026-M01` (fiscal year
 * from April) are the same month; the first spelling met names the sum.
 */
export function sumSeries(all: readonly (readonly SeriesPoint[])[]): SeriesPoint[] {
  const byDays = new Map<string, SeriesPoint>();
  for (const series of all) {
    for (const p of series) {
      const key = `${p.start}/${p.end}`;
      const have = byDays.get(key);
      if (have) have.value += p.value;
      else byDays.set(key, { ...p });
    }
  }
  return [...byDays.values()].sort(compareSpans);
}

/** The points whose days lie inside `range` (a plan's period). */
export function pointsWithin(points: readonly SeriesPoint[], range: PeriodRange): SeriesPoint[] {
  return points.filter((p) => p.start >= range.start && p.end <= range.end);
}
