import * as l10n from '@vscode/l10n';
import type { BurnRow } from '../../../src/core/dashboard/types';
import { TREND_ARROWS } from '../../../src/core/format/words';
import { smallMultiples, type LinePanel } from '../charts';
import { chartRows, named, passes, refOf, section, table, type Ctx } from '../ui';
import { withDrill } from './drill';
import { trendDesc, trendLegend, trendPanel } from './trendPanel';

/** KPI trends: actuals by period, the forecast to the period end (dashed) and the expected path. */
export function trendSection(ctx: Ctx): HTMLElement {
  const { fmt, filters, data } = ctx;
  const all = data.trends.filter((t) => passes({ ...filters, status: undefined }, { region: t.region, period: t.period }, data.periods));
  const shown = chartRows(all, l10n.t('KPIs'), (a, b) => (a.forecast.ratio ?? 1) - (b.forecast.ratio ?? 1));
  return section(ctx, {
    id: 'kpi-trends',
    title: l10n.t('KPI trends and forecasts'),
    note: l10n.t(
      'Forecast at the period end: run rate (total so far over the days covered, times the days of the period) for units that add up, drawn as running totals against the straight path to target; least-squares trend through the values for levels (%, scores, days), against the target line. Hover a chart for its arithmetic.',
    ),
    chartNote: shown.note,
    legend: trendLegend(),
    chart:
      all.length === 0
        ? undefined
        : () =>
            smallMultiples({
              title: l10n.t('KPI trends and forecasts'),
              desc: shown.rows.map((t) => trendDesc(ctx, t.metric, t)).join('; '),
              tick: (v) => fmt.compact(v),
              panels: shown.rows.map((t) => withDrill(ctx, t, trendPanel(ctx, t))),
              onOpen: ctx.open,
            }),
    table: () =>
      table(ctx, {
        caption: l10n.t('KPI forecasts'),
        rows: all,
        key: (t) => t.id,
        ref: refOf,
        empty: l10n.t('No KPI has actuals by period (actuals: {month: value}).'),
        rowClass: (t) => ((t.forecast.ratio ?? 1) < 0.9 ? 'flagged' : undefined),
        columns: [
          { header: l10n.t('KPI'), cell: (t) => named(t.metric, t.id) },
          { header: l10n.t('Region'), cell: (t) => ctx.region(t.region) },
          { header: l10n.t('Period'), cell: (t) => t.period },
          {
            header: l10n.t('To date'),
            cell: (t) => fmt.unit(t.points[t.points.length - 1]?.cumulative ?? t.points[t.points.length - 1]?.value, t.unit),
            numeric: true,
          },
          { header: l10n.t('Target'), cell: (t) => fmt.unit(t.target, t.unit), numeric: true },
          { header: l10n.t('Forecast'), cell: (t) => fmt.unit(t.forecast.value, t.unit), numeric: true },
          { header: l10n.t('Of target'), cell: (t) => fmt.percent(t.forecast.ratio), numeric: true },
          { header: l10n.t('Trend'), cell: (t) => (t.forecast.trend ? TREND_ARROWS[t.forecast.trend] : '–') },
          { header: l10n.t('How'), cell: (t) => t.forecast.explanation },
        ],
      }),
  });
}

function burnPanel(ctx: Ctx, b: BurnRow): LinePanel {
  const { fmt } = ctx;
  const xMax = b.months.length;
  const spent = b.months.filter((m) => m.cumulative !== undefined);
  const panel: LinePanel = {
    title: `${b.title || b.plan} · ${ctx.region(b.region)}`,
    caption: l10n.t('spent {0} of budget, {1} expected', fmt.percent(b.spentShare), fmt.percent(b.expectedShare)),
    tooltip: l10n.t('{0} of {1} spent ({2} expenses)', fmt.currency(b.spent, b.currency), fmt.currency(b.budget, b.currency), b.expenses),
    xMax,
    xTicks: b.months.flatMap((m, i) => (i % 3 === 0 ? [{ x: i, label: m.month }] : [])),
    series: [
      {
        label: b.method === 'phasing' ? l10n.t('Expected by phasing') : l10n.t('Expected by time elapsed'),
        colour: 'grey',
        dashed: true,
        points: [{ x: 0, y: 0 }, ...b.months.map((m, i) => ({ x: i + 1, y: m.expected }))],
      },
      {
        label: l10n.t('Spent'),
        colour: b.aheadPoints > 15 ? 'red' : 'blue',
        dots: true,
        points: [{ x: 0, y: 0 }, ...spent.map((m, i) => ({ x: i + 1, y: m.cumulative ?? 0 }))],
      },
      {
        label: l10n.t('Budget'),
        colour: 'orange',
        dashed: true,
        points: [
          { x: 0, y: b.budget },
          { x: xMax, y: b.budget },
        ],
      },
    ],
  };
  const ref = refOf(b);
  if (ref) panel.ref = ref;
  return panel;
}

/** Budget burn: cumulative spend by month against the phasing (or elapsed time) and the budget. */
export function burnSection(ctx: Ctx): HTMLElement {
  const { fmt, filters, data } = ctx;
  const all = data.burn.filter((b) => passes({ ...filters, status: undefined, type: undefined }, { region: b.region, period: b.period }, data.periods));
  const shown = chartRows(all, l10n.t('plans'), (a, b) => b.aheadPoints - a.aheadPoints);
  return section(ctx, {
    id: 'budget-burn',
    title: l10n.t('Budget burn'),
    note: l10n.t(
      "Expenses dated up to {0}, booked to each plan's initiatives, their projects and its sub-plans, summed by month, against what the budget's phasing (or, without phasing, the time elapsed) expects.",
      fmt.longDate(data.asOf),
    ),
    chartNote: shown.note,
    legend: [
      { colour: 'blue', label: l10n.t('Spent') },
      { colour: 'red', label: l10n.t('Spent, more than 15 points ahead') },
      { colour: 'grey', label: l10n.t('Expected') },
      { colour: 'orange', label: l10n.t('Budget') },
    ],
    chart:
      all.length === 0
        ? undefined
        : () =>
            smallMultiples({
              title: l10n.t('Budget burn by plan'),
              desc: shown.rows
                .map((b) => l10n.t('{0}: spent {1} of budget, {2} expected', b.title || b.plan, fmt.percent(b.spentShare), fmt.percent(b.expectedShare)))
                .join('; '),
              tick: (v) => fmt.compact(v),
              panels: shown.rows.map((b) => burnPanel(ctx, b)),
              onOpen: ctx.open,
            }),
    table: () =>
      table(ctx, {
        caption: l10n.t('Budget burn by plan'),
        rows: all,
        key: (b) => b.plan,
        ref: refOf,
        empty: l10n.t('No plan has a budget and a period.'),
        rowClass: (b) => (b.aheadPoints > 15 ? 'flagged' : undefined),
        columns: [
          { header: l10n.t('Plan'), cell: (b) => named(b.title, b.plan) },
          { header: l10n.t('Region'), cell: (b) => ctx.region(b.region) },
          { header: l10n.t('Budget'), cell: (b) => fmt.currency(b.budget, b.currency), numeric: true },
          { header: l10n.t('Spent'), cell: (b) => fmt.currency(b.spent, b.currency), numeric: true },
          { header: l10n.t('Spent share'), cell: (b) => fmt.percent(b.spentShare), numeric: true },
          { header: l10n.t('Expected share'), cell: (b) => fmt.percent(b.expectedShare), numeric: true },
          { header: l10n.t('Expected by'), cell: (b) => (b.method === 'phasing' ? l10n.t('phasing') : l10n.t('time elapsed')) },
        ],
      }),
  });
}
