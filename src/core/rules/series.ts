import { entityAnchor, num, str } from '../model/entity';
import { explainForecast } from '../forecast/explain';
import { kpiForecast, planOf } from '../forecast/kpi';
import { kpiSeries, seriesActual } from '../forecast/series';
import { periodLabel } from '../period/parse';
import { fmt } from './ops';
import type { Rule } from './rule';

/** `kpi/actual-mismatch`: `actual` disagrees with what its `actuals` series adds up to (or ends at, for a level). */
export const actualMismatch: Rule = {
  id: 'kpi/actual-mismatch',
  kinds: ['kpi'],
  check(e, ctx) {
    const actual = num(e.data['actual']);
    const points = kpiSeries(e.data['actuals'], ctx.fiscalYearStart);
    if (actual === undefined || points.length === 0) return;
    const additive = ctx.isAdditive(e.data['unit']);
    const derived = seriesActual(points, additive) as number;
    if (Math.abs(derived - actual) <= Math.max(1e-6, Math.abs(derived) * 1e-9)) return;
    const unit = str(e.data['unit']) ?? '';
    const last = points[points.length - 1]!;
    const how = additive
      ? `the sum of its ${points.length} actuals (${points[0]!.period} … ${last.period}; ${unit} adds up)`
      : `its latest actual (${last.period}; ${unit} is a level, not a sum)`;
    ctx.report({
      anchor: entityAnchor(e, ['actual'], 'value'),
      ruleId: 'kpi/actual-mismatch',
      entity: e.id,
      message: `KPI ${e.id} actual ${fmt(actual)} ${unit} ≠ ${fmt(derived)}, ${how}; correct actual or leave it out (it is derived from actuals)`,
      related: [{ anchor: entityAnchor(e, ['actuals', last.period], 'value'), message: `${e.id} ${last.period}` }],
    });
  },
};

/** `kpi/forecast-miss`: the forecast for the plan's period end reaches less than `threshold` of target. */
export const forecastMiss: Rule = {
  id: 'kpi/forecast-miss',
  kinds: ['kpi'],
  check(e, ctx) {
    const target = num(e.data['target']);
    if (target === undefined) return;
    const threshold = num(ctx.options('kpi/forecast-miss')['threshold']) ?? 0.9;
    const f = kpiForecast(e, ctx.referrers, ctx.isAdditive, ctx.fiscalYearStart, ctx.today);
    if (!f || f.ratio === undefined || f.ratio >= threshold) return;
    const unit = str(e.data['unit']) ?? '';
    const plan = planOf(e);
    const down = e.data['direction'] === 'down';
    const pct = (x: number) => `${fmt(Math.round(x * 1000) / 10)} %`;
    ctx.report({
      anchor: entityAnchor(e, ['target'], 'value'),
      ruleId: 'kpi/forecast-miss',
      entity: e.id,
      message:
        `KPI ${e.id} (${str(e.data['metric']) ?? e.title}) is forecast at ${fmt(round(f.value))} ${unit} by the end of ${periodLabel(String(plan?.data['period']), ctx.fiscalYearStart)}, ` +
        `${pct(f.ratio)} of its target ${fmt(target)}${down ? ' (lower is better)' : ''}, below the ${pct(threshold)} threshold. ` +
        `${explainForecast(f, unit, (x) => fmt(round(x)))}`,
    });
  },
};

/** Two decimals at most, so messages stay readable (`27,814.57`). */
function round(x: number): number {
  return Math.round(x * 100) / 100;
}
