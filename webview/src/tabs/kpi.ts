import * as l10n from '@vscode/l10n';
import type { KpiRow, Pace } from '../../../src/core/dashboard/types';
import { meanAttainment, paceCounts, sumOf } from '../../../src/core/dashboard/aggregate';
import { PACE_SYMBOLS, paceText, titled, type PaceWord } from '../../../src/core/format/words';
import { barChart, type Colour } from '../charts';
import { chartRows, named, optionsOf, passes, periodChoices, pill, refOf, section, stats, table, type TabDef } from '../ui';
import { drillSection, multiplesSection } from './drill';
import { trendSection } from './trends';

const PACE_RANK: Record<Pace | 'no-data', number> = { 'off-track': 0, 'at-risk': 1, 'no-data': 2, 'on-track': 3 };

const PACE_COLOUR: Record<PaceWord, Colour> = { 'on-track': 'green', 'at-risk': 'yellow', 'off-track': 'red', 'no-data': 'grey' };

/** Pace in words (defined once in core), in the display language. */
const paceWord = (p: PaceWord): string => paceText(p, l10n);
const pacePill = (p: PaceWord) => pill(paceWord(p), PACE_COLOUR[p], PACE_SYMBOLS[p]);

const paceOf = (r: KpiRow) => r.pace ?? 'no-data';

export const kpiTab: TabDef = {
  id: 'kpi',
  get label() {
    return l10n.t('KPI');
  },
  filters: (d) => [
    {
      key: 'region',
      label: l10n.t('Region'),
      options: optionsOf(
        d.kpi.rows.map((r) => r.region),
        (v) => d.regions.find((x) => x.id === v)?.name ?? v,
      ),
    },
    { key: 'period', label: l10n.t('Period'), options: periodChoices(d) },
    {
      key: 'status',
      label: l10n.t('Pace'),
      options: (['on-track', 'at-risk', 'off-track', 'no-data'] as const).map((p) => ({ value: p, label: paceWord(p) })),
    },
  ],
  badge: (d) => d.kpi.rows.filter((r) => r.pace === 'at-risk' || r.pace === 'off-track').length,
  render(ctx) {
    const { fmt, filters } = ctx;
    const rows = ctx.data.kpi.rows.filter((r) => passes(filters, { region: r.region, period: r.period, status: paceOf(r) }, ctx.data.periods));
    const plans = ctx.data.kpi.plans.filter((p) => passes({ ...filters, status: undefined }, { region: p.region, period: p.period }, ctx.data.periods));
    // The filtered rows, counted by the functions core counts the sections with.
    const counts = paceCounts(rows);
    const mean = meanAttainment(rows);
    const out: Node[] = [
      stats([
        { label: l10n.t('KPIs'), value: fmt.number(rows.length) },
        { label: l10n.t('Mean attainment'), value: fmt.percent(mean) },
        { label: l10n.t('On track'), value: fmt.number(counts.onTrack), colour: 'green' },
        { label: l10n.t('At risk'), value: fmt.number(counts.atRisk), colour: 'yellow' },
        { label: l10n.t('Off track'), value: fmt.number(counts.offTrack), colour: 'red' },
      ]),
    ];

    const planChart = chartRows(plans, l10n.t('plans'), (a, b) => b.offTrack - a.offTrack || b.atRisk - a.atRisk);
    out.push(
      section(ctx, {
        id: 'kpi-plans',
        chartNote: planChart.note,
        title: l10n.t('Pace by plan (region and period)'),
        legend: [...(['on-track', 'at-risk', 'off-track', 'no-data'] as const).map((p) => ({ colour: PACE_COLOUR[p], label: paceWord(p) }))],
        chart: () =>
          barChart({
            title: l10n.t('KPI pace by plan'),
            desc: planChart.rows
              .map((p) =>
                l10n.t(
                  '{0}: {1} on track, {2} at risk, {3} off track, mean attainment {4}',
                  p.title || p.plan,
                  p.onTrack,
                  p.atRisk,
                  p.offTrack,
                  fmt.percent(p.attainment),
                ),
              )
              .join('; '),
            tick: (v) => fmt.number(v),
            rows: planChart.rows.map((p) => ({
              label: p.title || `${ctx.region(p.region)} ${p.period ?? ''}`.trim(),
              value: l10n.t('{0} mean', fmt.percent(p.attainment)),
              bars: [
                [
                  { value: p.onTrack, colour: 'green' },
                  { value: p.atRisk, colour: 'yellow' },
                  { value: p.offTrack, colour: 'red' },
                  { value: p.noData, colour: 'grey' },
                ],
              ],
              tooltip: `${titled(p.plan, p.title)} · ${ctx.region(p.region)} ${p.period ?? ''}`.trim(),
              ref: refOf(p),
            })),
            onOpen: ctx.open,
          }),
        table: () =>
          table(ctx, {
            caption: l10n.t('KPI pace by plan'),
            rows: plans,
            key: (p) => p.plan,
            ref: refOf,
            columns: [
              { header: l10n.t('Plan'), cell: (p) => named(p.title, p.plan) },
              { header: l10n.t('Region'), cell: (p) => ctx.region(p.region) },
              { header: l10n.t('Period'), cell: (p) => p.period ?? '–' },
              { header: l10n.t('KPIs'), cell: (p) => fmt.number(p.kpis), numeric: true },
              { header: l10n.t('Mean attainment'), cell: (p) => fmt.percent(p.attainment), numeric: true },
              { header: l10n.t('On track'), cell: (p) => fmt.number(p.onTrack), numeric: true },
              { header: l10n.t('At risk'), cell: (p) => fmt.number(p.atRisk), numeric: true },
              { header: l10n.t('Off track'), cell: (p) => fmt.number(p.offTrack), numeric: true },
            ],
          }),
      }),
    );

    const kpiChart = chartRows(
      rows,
      l10n.t('KPIs'),
      (a, b) => PACE_RANK[paceOf(a)] - PACE_RANK[paceOf(b)] || (a.attainment ?? 0) / (a.expected ?? 1) - (b.attainment ?? 0) / (b.expected ?? 1),
    );
    out.push(
      section(ctx, {
        id: 'kpi-attainment',
        chartNote: kpiChart.note,
        title: l10n.t('Attainment against the elapsed share of the period'),
        note: l10n.t(
          "Bars show attainment (actual vs target, in the KPI's direction); the tick marks what is expected by {0}: the elapsed share of the period for cumulative KPIs (money, counts), 100 % for levels (%, scores, days). On track from 95 % of the expectation, at risk from 80 %.",
          fmt.longDate(ctx.data.asOf),
        ),
        legend: [...(['on-track', 'at-risk', 'off-track'] as const).map((p) => ({ colour: PACE_COLOUR[p], label: paceWord(p) }))],
        chart: () =>
          barChart({
            title: l10n.t('KPI attainment against expected pace'),
            desc: kpiChart.rows
              .map((r) =>
                l10n.t('{0}: {1} attained, {2} expected, {3}', r.metric || r.id, fmt.percent(r.attainment), fmt.percent(r.expected), paceWord(paceOf(r))),
              )
              .join('; '),
            max: 1.5,
            tick: (v) => fmt.percentWhole(v),
            rows: kpiChart.rows.map((r) => ({
              label: r.metric || r.id,
              value: `${fmt.percent(r.attainment)} · ${paceWord(paceOf(r))}`,
              bars: [[{ value: r.attainment ?? 0, colour: PACE_COLOUR[paceOf(r)] }]],
              markers: r.expected !== undefined ? [{ value: r.expected, label: l10n.t('expected by now: {0}', fmt.percent(r.expected)) }] : [],
              tooltip: `${titled(r.id, r.metric)}: ${l10n.t('{0} of {1}', fmt.unit(r.actual, r.unit), fmt.unit(r.target, r.unit))}${r.direction === 'down' ? ` (${l10n.t('lower is better')})` : ''}`,
              ref: refOf(r),
            })),
            onOpen: ctx.open,
          }),
        table: () =>
          table(ctx, {
            caption: l10n.t('KPI attainment'),
            rows,
            key: (r) => r.id,
            ref: refOf,
            columns: [
              { header: l10n.t('KPI'), cell: (r) => named(r.metric, r.id) },
              { header: l10n.t('Region'), cell: (r) => ctx.region(r.region) },
              { header: l10n.t('Period'), cell: (r) => r.period ?? '–' },
              { header: l10n.t('Target'), cell: (r) => fmt.unit(r.target, r.unit), numeric: true },
              { header: l10n.t('Actual'), cell: (r) => `${fmt.unit(r.actual, r.unit)}${r.actualRolledUp ? ` (${l10n.t('rolled up')})` : ''}`, numeric: true },
              { header: l10n.t('Attainment'), cell: (r) => `${fmt.percent(r.attainment)}${r.direction === 'down' ? ' ↓' : ''}`, numeric: true },
              { header: l10n.t('Expected'), cell: (r) => fmt.percent(r.expected), numeric: true },
              { header: l10n.t('Pace'), cell: (r) => pacePill(paceOf(r)) },
            ],
          }),
      }),
    );

    // Regional → company roll-up: company KPIs whose regional contributions add up.
    const byId = new Map(ctx.data.kpi.rows.map((r) => [r.id, r]));
    const rollups = ctx.data.kpi.rows.filter(
      (r) => r.contributors.length > 0 && r.contributorsTarget !== undefined && passes({ period: filters.period }, { period: r.period }, ctx.data.periods),
    );
    const palette: Colour[] = ['blue', 'purple', 'orange', 'green', 'yellow', 'red'];
    const contributorRows = rollups.flatMap((r) =>
      r.contributors
        .map((c) => ({ parent: r, kpi: byId.get(c) }))
        .filter((x): x is { parent: KpiRow; kpi: KpiRow } => x.kpi !== undefined && passes({ region: filters.region }, { region: x.kpi.region })),
    );
    const regionsInRollup = [...new Set(contributorRows.map((x) => x.kpi.region ?? ''))].sort();
    const colourOf = (region: string | undefined) => palette[regionsInRollup.indexOf(region ?? '') % palette.length] as Colour;
    const rollupChart = chartRows(rollups, l10n.t('company KPIs'));
    if (rollups.length > 0) {
      out.push(
        section(ctx, {
          id: 'kpi-rollup',
          chartNote: rollupChart.note,
          title: l10n.t('Roll-up: regional contributions to company KPIs'),
          note: l10n.t('Each bar stacks the regions’ actuals; the tick marks the company target.'),
          legend: regionsInRollup.map((r) => ({ colour: colourOf(r), label: ctx.region(r) })),
          chart: () =>
            barChart({
              title: l10n.t('Regional contributions to company KPIs'),
              desc: rollupChart.rows
                .map((r) =>
                  l10n.t(
                    '{0}: {1}; target {2}',
                    r.metric || r.id,
                    r.contributors.map((c) => `${byId.get(c)?.metric || c} ${fmt.unit(byId.get(c)?.actual, r.unit)}`).join(', '),
                    fmt.unit(r.target, r.unit),
                  ),
                )
                .join('; '),
              max: 1.2,
              tick: (v) => fmt.percentWhole(v),
              rows: rollupChart.rows.map((r) => {
                const parts = contributorRows.filter((x) => x.parent === r);
                const scale = r.target && r.target > 0 ? r.target : 1;
                return {
                  label: r.metric || r.id,
                  value: l10n.t(
                    '{0} of {1}',
                    fmt.unit(
                      sumOf(parts, (x) => x.kpi.actual),
                      r.unit,
                      { compact: true },
                    ),
                    fmt.unit(r.target, r.unit, { compact: true }),
                  ),
                  bars: [parts.map((x) => ({ value: (x.kpi.actual ?? 0) / scale, colour: colourOf(x.kpi.region) }))],
                  markers: [{ value: 1, label: l10n.t('target {0}', fmt.unit(r.target, r.unit)) }],
                  tooltip: `${titled(r.id, r.metric)}: ${parts.map((x) => `${ctx.region(x.kpi.region)} ${fmt.unit(x.kpi.actual, x.kpi.unit)}`).join(', ')}`,
                  ref: refOf(r),
                };
              }),
              onOpen: ctx.open,
            }),
          table: () =>
            table(ctx, {
              caption: l10n.t('Regional contributions to company KPIs'),
              rows: contributorRows,
              key: (x) => `${x.parent.id}/${x.kpi.id}`,
              ref: (x) => refOf(x.kpi),
              columns: [
                { header: l10n.t('Company KPI'), cell: (x) => named(x.parent.metric, x.parent.id) },
                { header: l10n.t('Regional KPI'), cell: (x) => named(x.kpi.metric, x.kpi.id) },
                { header: l10n.t('Region'), cell: (x) => ctx.region(x.kpi.region) },
                { header: l10n.t('Target'), cell: (x) => fmt.unit(x.kpi.target, x.kpi.unit), numeric: true },
                { header: l10n.t('Actual'), cell: (x) => fmt.unit(x.kpi.actual, x.kpi.unit), numeric: true },
                { header: l10n.t('Attainment'), cell: (x) => fmt.percent(x.kpi.attainment), numeric: true },
                {
                  header: l10n.t('Share of company actual'),
                  cell: (x) => fmt.percent(x.parent.contributorsActual ? (x.kpi.actual ?? 0) / x.parent.contributorsActual : undefined),
                  numeric: true,
                },
              ],
            }),
        }),
      );
    }
    out.push(trendSection(ctx));
    for (const extra of [drillSection(ctx), multiplesSection(ctx)]) if (extra) out.push(extra);
    return out;
  },
};
