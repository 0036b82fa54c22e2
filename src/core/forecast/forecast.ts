import { daysBetween } from '../util/dates';
import { daysInMonth, type PeriodRange } from '../period/parse';
import { pointsWithin, type SeriesPoint } from './series';

/** How a forecast was made: run rate for units that add up, least-squares trend for levels. */
export type ForecastMethod = 'run-rate' | 'trend';

/** Which way a series is moving, per period: from the slope of its least-squares line. */
export type Trend = 'up' | 'down' | 'flat';

/** A KPI's value forecast for the end of its plan's period, with what it was made from. */
export interface Forecast {
  value: number;
  method: ForecastMethod;
  /** Points of the series inside the plan's period that the forecast used. */
  points: number;
  /** First and last period used, as written. */
  from: string;
  through: string;
  /** Run rate: the last day the series covers (today inside a period still running) and the days counted. */
  coveredThrough?: string;
  coveredDays?: number;
  remainingDays?: number;
  /** Run rate: value per day. Trend: change per month. */
  rate: number;
  /** The value before it was clamped to 0 (or to 100 for a percentage), when it was. */
  clampedFrom?: number;
  trend?: Trend;
}

/** Attainment of a KPI: how far `actual` is toward `target`, in the KPI's direction (1 = 100 %). */
export function attainment(target: number | undefined, actual: number | undefined, direction: 'up' | 'down'): number | undefined {
  if (target === undefined || actual === undefined) return undefined;
  if (direction === 'down') return actual <= 0 ? (target >= 0 ? 1 : undefined) : target / actual;
  return target === 0 ? undefined : actual / target;
}

/**
 * The value a series reaches at the end of `range` (the plan's period), from the points inside it.
 *
 * Units that add up (money, counts) use the **run rate**: the sum so far divided by the days
 * covered — from the period's first day to the end of the last period reported, or to `today`
 * while that period is still running (a month-to-date figure) — times the days of the whole
 * period. Levels (%, scores, days) use the **trend**: the least-squares line through the values
 * at their periods' midpoints, read at the midpoint of the period's last month (or quarter,
 * whatever the series is kept in). The forecast never goes below 0 and a percentage kept within
 * 0–100 stays there; `clampedFrom` keeps the value before the bound applied.
 */
export function forecastSeries(series: readonly SeriesPoint[], range: PeriodRange, today: string, additive: boolean, unit?: string): Forecast | undefined {
  const pts = pointsWithin(series, range);
  if (pts.length === 0) return undefined;
  const first = pts[0] as SeriesPoint;
  const last = pts[pts.length - 1] as SeriesPoint;
  const base = { points: pts.length, from: first.period, through: last.period };
  if (additive) {
    const sum = pts.reduce((s, p) => s + p.value, 0);
    const running = today >= last.start && today < last.end;
    const coveredThrough = running ? today : last.end;
    const coveredDays = daysBetween(range.start, coveredThrough) + 1;
    const remainingDays = Math.max(0, daysBetween(coveredThrough, range.end));
    const rate = sum / coveredDays;
    const f: Forecast = { ...base, method: 'run-rate', value: sum + rate * remainingDays, rate, coveredThrough, coveredDays, remainingDays };
    // A running period's month-to-date figure would drag the trend down: leave it out.
    assignTrend(f, running ? pts.slice(0, -1) : pts, range.start);
    return clamp(f, pts, unit);
  }
  const line = leastSquares(pts, range.start);
  const lastMonths = monthPos(range.start, dayAfter(last.end)) - monthPos(range.start, last.start);
  const endX = monthPos(range.start, dayAfter(range.end)) - lastMonths / 2;
  const f: Forecast = { ...base, method: 'trend', value: line ? line.intercept + line.slope * endX : last.value, rate: line?.slope ?? 0 };
  assignTrend(f, pts, range.start);
  return clamp(f, pts, unit);
}

function clamp(f: Forecast, pts: readonly SeriesPoint[], unit: string | undefined): Forecast {
  if (f.value < 0 && pts.every((p) => p.value >= 0)) {
    f.clampedFrom = f.value;
    f.value = 0;
  } else if (unit === '%' && f.value > 100 && pts.every((p) => p.value <= 100)) {
    f.clampedFrom = f.value;
    f.value = 100;
  }
  return f;
}

/** Up or down when the fitted line moves by at least 1 % of the series' mean per month; flat otherwise. */
function assignTrend(f: Forecast, pts: readonly SeriesPoint[], origin: string): void {
  const line = leastSquares(pts, origin);
  if (!line) return;
  const mean = Math.abs(pts.reduce((s, p) => s + p.value, 0) / pts.length);
  f.trend = Math.abs(line.slope) < 0.01 * mean || line.slope === 0 ? 'flat' : line.slope > 0 ? 'up' : 'down';
}

/** The least-squares line through the points, x in months from `origin` to each period's midpoint; undefined below two distinct x. */
export function leastSquares(pts: readonly SeriesPoint[], origin: string): { slope: number; intercept: number } | undefined {
  if (pts.length < 2) return undefined;
  const xs = pts.map((p) => (monthPos(origin, p.start) + monthPos(origin, dayAfter(p.end))) / 2);
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = pts.reduce((s, p) => s + p.value, 0) / pts.length;
  let sxy = 0;
  let sxx = 0;
  pts.forEach((p, i) => {
    const dx = (xs[i] as number) - mx;
    sxy += dx * (p.value - my);
    sxx += dx * dx;
  });
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/** Months from the first of `origin`'s month to `iso`, with the day as a fraction of its month. */
function monthPos(origin: string, iso: string): number {
  const [oy, om] = [Number(origin.slice(0, 4)), Number(origin.slice(5, 7))];
  const [y, m, d] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  return (y - oy) * 12 + (m - om) + (d - 1) / daysInMonth(y, m);
}

function dayAfter(iso: string): string {
  const [y, m, d] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  if (d < daysInMonth(y, m)) return `${iso.slice(0, 8)}${String(d + 1).padStart(2, '0')}`;
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${iso.slice(0, 5)}${String(m + 1).padStart(2, '0')}-01`;
}
