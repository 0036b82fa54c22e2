import { num, str, type Entity } from '../model/entity';
import type { WorkspaceModel as Workspace } from '../model/queries';
import type { PlanTree } from '../plan/tree';
import { parsePeriod } from '../period/parse';
import { seriesOfKpi } from '../forecast/kpi';
import { assessmentsOf } from '../rules/people';
import { addMonths } from '../util/dates';
import { unitClassifier } from '../vocab/units';
import { assign, byString, lineOf } from './common';
import { flattenPlans } from './kpi';
import type { AssessmentRow, BenchRow, BurnRow, CompetitorRow, KpiTrend, MarketRegionRow, MarketSection, PeopleSection, TrendPoint } from './monitorTypes';

/**
 * A trend per KPI with a series (its own actuals or its contributors'), in plan order: the
 * points (with running sums for units that add up), the target and the forecast the plan tree
 * made, so the chart and `kpi/forecast-miss` never disagree.
 */
export function kpiTrends(ws: Workspace, tree: PlanTree): KpiTrend[] {
  const additive = unitClassifier(tree.additiveUnits);
  const out: KpiTrend[] = [];
  for (const { node: p } of flattenPlans(tree)) {
    const range = parsePeriod(p.period, tree.fiscalYearStart);
    const planEntity = ws.get('plan', p.id);
    if (!range) continue;
    for (const o of p.objectives) {
      for (const k of o.kpis) {
        const entity = k.forecast ? findKpi(ws, k.id, k.file, k.line) : undefined;
        if (!k.forecast || !entity) continue;
        const series = seriesOfKpi(entity, (kind, id) => ws.referencesTo(kind, id), additive, tree.fiscalYearStart);
        if (!series) continue;
        const add = additive(k.unit);
        let running = 0;
        const points = series.points
          .filter((x) => x.start >= range.start && x.end <= range.end)
          .map((x): TrendPoint => {
            running += x.value;
            const point: TrendPoint = { period: x.period, start: x.start, end: x.end, value: x.value };
            if (add) point.cumulative = running;
            return point;
          });
        const f = k.forecast;
        const trend: KpiTrend = {
          id: k.id,
          metric: k.metric,
          unit: k.unit,
          direction: k.direction,
          additive: add,
          plan: p.id,
          planTitle: p.title,
          period: p.period as string,
          start: range.start,
          end: range.end,
          contributors: k.contributors,
          source: series.source,
          points,
          forecast: { value: f.value, method: f.method, explanation: f.explanation },
          file: k.file,
          line: k.line,
        };
        assign(trend.forecast, 'ratio', f.ratio);
        assign(trend.forecast, 'trend', f.trend);
        assign(trend, 'region', p.region);
        const store = str(planEntity?.data['store']);
        assign(trend, 'store', store);
        if (store) assign(trend, 'storeName', ws.get('store', store)?.title);
        assign(trend, 'target', k.target);
        assign(trend, 'contributesTo', k.contributesTo);
        out.push(trend);
      }
    }
  }
  return out;
}

function findKpi(ws: Workspace, id: string, file: string, line: number): Entity | undefined {
  const all = ws.entities('kpi').filter((e) => e.id === id);
  return all.find((e) => e.file === file && lineOf(ws, e) === line) ?? all[0];
}

/** Budget burn per plan with a budget and a period, in plan order. */
export function burnRows(tree: PlanTree): BurnRow[] {
  return flattenPlans(tree).flatMap(({ node: p }) => {
    const b = p.burn;
    if (!b) return [];
    const row: BurnRow = {
      plan: p.id,
      title: p.title,
      budget: b.budget,
      spent: b.spent,
      expenses: b.expenses,
      spentShare: b.spentShare,
      expectedShare: b.expectedShare,
      method: b.method,
      aheadPoints: (b.spentShare - b.expectedShare) * 100,
      months: b.months.map((m) => ({ ...m })),
      file: p.file,
      line: p.line,
    };
    assign(row, 'region', p.region);
    assign(row, 'period', p.period);
    assign(row, 'currency', p.currency);
    return [row];
  });
}

/** Assessments due (as `assessment/overdue` judges them) and bench strength by role. */
export function peopleSection(ws: Workspace): PeopleSection {
  const months = num(ws.config.rules.get('assessment/overdue')?.options['months']) ?? 12;
  const keyRoles = ws.config.rules.get('succession/gap')?.options['roles'];
  const key = new Set(Array.isArray(keyRoles) ? keyRoles.map(String) : []);
  const assessed = ws.entities('assessment').length > 0;
  const ctx = { referrers: (kind: string, id: string) => ws.referencesTo(kind, id), fiscalYearStart: ws.config.fiscalYearStart };
  const assessments: AssessmentRow[] = [];
  const bench = new Map<string, BenchRow>();
  for (const e of ws.entities('person').sort(byString((p) => p.id))) {
    const role = str(e.data['role']);
    const row: AssessmentRow = { person: e.id, name: e.title, overdue: false, file: e.file, line: lineOf(ws, e) };
    assign(row, 'role', role);
    assign(row, 'region', str(e.data['region']));
    const [latest] = assessmentsOf(e, ctx);
    if (latest) {
      row.lastPeriod = String(latest.assessment.data['period']);
      row.lastEnd = latest.end;
      row.due = addMonths(latest.end, months);
      row.overdue = row.due < ws.todayDate;
      assign(row, 'rating', str(latest.assessment.data['rating']));
      assign(row, 'score', num(latest.assessment.data['score']));
    } else row.overdue = assessed;
    assessments.push(row);
    if (!role) continue;
    let b = bench.get(role);
    if (!b) bench.set(role, (b = { role, holders: 0, withReady: 0, withLater: 0, withNone: 0, key: key.has(role) }));
    b.holders++;
    const readiness = (Array.isArray(e.data['successors']) ? (e.data['successors'] as unknown[]) : []).map((s) =>
      s && typeof s === 'object' && !Array.isArray(s) ? (s as Record<string, unknown>)['readiness'] : undefined,
    );
    if (readiness.includes('ready')) b.withReady++;
    else if (readiness.length > 0) b.withLater++;
    else b.withNone++;
  }
  return {
    assessed,
    assessmentMonths: months,
    assessments,
    bench: [...bench.values()].sort((a, b) => Number(b.key) - Number(a.key) || a.role.localeCompare(b.role)),
  };
}

/** Competitors and, per region, own stores beside the competitors' store counts. */
export function marketSection(ws: Workspace): MarketSection {
  const competitors: CompetitorRow[] = ws
    .entities('competitor')
    .sort(byString((c) => c.id))
    .map((c) => {
      const stores: Record<string, number> = {};
      const raw = c.data['stores'];
      if (raw && typeof raw === 'object' && !Array.isArray(raw))
        for (const [region, n] of Object.entries(raw)) if (num(n) !== undefined) stores[region] = num(n) as number;
      const regions = Array.isArray(c.data['regions']) ? c.data['regions'].map(String) : [];
      const watch = c.data['watch'];
      const row: CompetitorRow = {
        id: c.id,
        name: c.title,
        regions,
        stores,
        watch: Array.isArray(watch) ? watch.map(String) : typeof watch === 'string' ? [watch] : [],
        file: c.file,
        line: lineOf(ws, c),
      };
      assign(row, 'segment', str(c.data['segment']));
      const pos = c.data['price_position'];
      if (pos === 'below' || pos === 'par' || pos === 'above') row.pricePosition = pos;
      return row;
    });
  const regions = new Map<string, MarketRegionRow>();
  const region = (id: string): MarketRegionRow => {
    let r = regions.get(id);
    if (!r) regions.set(id, (r = { region: id, ownOpen: 0, ownPlanned: 0, byChannel: {}, competitors: {} }));
    return r;
  };
  for (const s of ws.entities('store')) {
    const id = str(s.data['region']);
    if (!id) continue;
    const status = s.data['status'];
    if (status === 'closed') continue;
    const r = region(id);
    if (status === 'planned') r.ownPlanned++;
    else {
      r.ownOpen++;
      const channel = str(s.data['channel']) ?? '';
      r.byChannel[channel] = (r.byChannel[channel] ?? 0) + 1;
    }
  }
  for (const c of competitors) for (const [id, n] of Object.entries(c.stores)) region(id).competitors[c.id] = n;
  return { competitors, regions: [...regions.values()].sort((a, b) => a.region.localeCompare(b.region)) };
}
