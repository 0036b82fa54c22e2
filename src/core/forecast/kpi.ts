import { compareEntities, num, str, type Entity } from '../model/entity';
import { parsePeriod } from '../period/parse';
import type { UnitClassifier } from '../vocab/units';
import type { Referrers } from './burn';
import { attainment, forecastSeries, type Forecast } from './forecast';
import { kpiSeries, sumSeries, type SeriesPoint } from './series';

/** A KPI's series: its own `actuals`, or (additive units) its contributors' summed by period. */
export interface KpiSeries {
  points: SeriesPoint[];
  source: 'own' | 'contributors';
  /** Contributing KPIs whose series were summed (source `contributors`). */
  contributors: string[];
}

/** The KPIs that name `k` in `contributes_to`, in source order. */
export function contributorsOf(k: Entity, referrers: Referrers): Entity[] {
  return referrers('kpi', k.id)
    .filter((r) => r.field === 'contributes_to' && r.from.kind === 'kpi')
    .map((r) => r.from)
    .sort(compareEntities);
}

/**
 * The series of a KPI: its own `actuals` when it has any; else, for a unit that adds up, the
 * series of the contributing KPIs in the same unit (each its own or its contributors', down the
 * tree) summed by period, through the last period all of them reported. Undefined when there is
 * none, or when a contributor has none (a partial sum would understate the KPI).
 */
export function seriesOfKpi(
  k: Entity,
  referrers: Referrers,
  additive: UnitClassifier,
  fiscalYearStart: number,
  seen = new Set<Entity>(),
): KpiSeries | undefined {
  seen.add(k);
  const own = kpiSeries(k.data['actuals'], fiscalYearStart);
  if (own.length > 0) return { points: own, source: 'own', contributors: [] };
  const unit = k.data['unit'];
  if (!additive(unit)) return undefined;
  const parts: SeriesPoint[][] = [];
  const ids: string[] = [];
  for (const c of contributorsOf(k, referrers)) {
    if (seen.has(c) || c.data['unit'] !== unit) continue;
    const s = seriesOfKpi(c, referrers, additive, fiscalYearStart, seen);
    // A contributor without figures by period would make the sum look short: no series then.
    if (!s) return undefined;
    parts.push(s.points);
    ids.push(c.id);
  }
  if (parts.length === 0) return undefined;
  // Sum only through the last period every contributor has reported: a region that has not sent
  // its July figures yet must not read as a July with half the sales.
  const through = parts.map((p) => (p[p.length - 1] as SeriesPoint).end).sort()[0] as string;
  return { points: sumSeries(parts).filter((p) => p.end <= through), source: 'contributors', contributors: ids };
}

/** The plan a nested entity sits in. */
export function planOf(e: Entity): Entity | undefined {
  let p = e.parent;
  while (p && p.kind !== 'plan') p = p.parent;
  return p;
}

/** A KPI's forecast for its plan's period end, with its ratio to target in the KPI's direction. */
export interface KpiForecast extends Forecast {
  source: KpiSeries['source'];
  contributors: string[];
  /** attainment(target, forecast): 1 = the target is reached. Absent without a target. */
  ratio?: number;
}

/** The forecast of KPI `k` (undefined without a series or a plan period). */
export function kpiForecast(k: Entity, referrers: Referrers, additive: UnitClassifier, fiscalYearStart: number, today: string): KpiForecast | undefined {
  const plan = planOf(k);
  const range = plan ? parsePeriod(plan.data['period'], fiscalYearStart) : undefined;
  if (!range) return undefined;
  const series = seriesOfKpi(k, referrers, additive, fiscalYearStart);
  if (!series) return undefined;
  const f = forecastSeries(series.points, range, today, additive(k.data['unit']), str(k.data['unit']));
  if (!f) return undefined;
  const out: KpiForecast = { ...f, source: series.source, contributors: series.contributors };
  const ratio = attainment(num(k.data['target']), f.value, k.data['direction'] === 'down' ? 'down' : 'up');
  if (ratio !== undefined) out.ratio = ratio;
  return out;
}
