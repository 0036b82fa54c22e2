import type { KpiRow, Pace } from '../../../src/core/dashboard/types';
import { barChart, type Colour } from '../charts';
import { h } from '../dom';
import { chartRows, optionsOf, passes, periodChoices, pill, refOf, section, stats, table, type TabDef } from '../ui';

const PACE_RANK: Record<Pace | 'no-data', number> = { 'off-track': 0, 'at-risk': 1, 'no-data': 2, 'on-track': 3 };

export const PACE: Record<Pace | 'no-data', { colour: Colour; symbol: string; text: string }> = {
  'on-track': { colour: 'green', symbol: '✔', text: 'on track' },
  'at-risk': { colour: 'yellow', symbol: '⚠', text: 'at risk' },
  'off-track': { colour: 'red', symbol: '✖', text: 'off track' },
  'no-data': { colour: 'grey', symbol: '–', text: 'no data' },
};

const paceOf = (r: KpiRow) => r.pace ?? 'no-data';

export const kpiTab: TabDef = {
  id: 'kpi',
  label: 'KPI',
  filters: (d) => [
    { key: 'region', label: 'Region', options: optionsOf(d.kpi.rows.map((r) => r.region), (v) => d.regions.find((x) => x.id === v)?.name ?? v) },
    { key: 'period', label: 'Period', options: periodChoices(d) },
    { key: 'status', label: 'Pace', options: (['on-track', 'at-risk', 'off-track', 'no-data'] as const).map((p) => ({ value: p, label: PACE[p].text })) },
  ],
  badge: (d) => d.kpi.rows.filter((r) => r.pace === 'at-risk' || r.pace === 'off-track').length,
  render(ctx) {
    const { fmt, filters } = ctx;
    const rows = ctx.data.kpi.rows.filter((r) => passes(filters, { region: r.region, period: r.period, status: paceOf(r) }, ctx.data.periods));
    const plans = ctx.data.kpi.plans.filter((p) => passes({ ...filters, status: undefined }, { region: p.region, period: p.period }, ctx.data.periods));
    const count = (p: Pace) => rows.filter((r) => r.pace === p).length;
    const withAtt = rows.filter((r) => r.attainment !== undefined);
    const mean = withAtt.length ? withAtt.reduce((s, r) => s + (r.attainment as number), 0) / withAtt.length : undefined;
    const out: Node[] = [
      stats([
        { label: 'KPIs', value: fmt.number(rows.length) },
        { label: 'Mean attainment', value: fmt.percent(mean) },
        { label: 'On track', value: fmt.number(count('on-track')), colour: 'green' },
        { label: 'At risk', value: fmt.number(count('at-risk')), colour: 'yellow' },
        { label: 'Off track', value: fmt.number(count('off-track')), colour: 'red' },
      ]),
    ];

    const planChart = chartRows(plans, 'plans', (a, b) => b.offTrack - a.offTrack || b.atRisk - a.atRisk);
    out.push(
      section(ctx, {
        id: 'kpi-plans',
        chartNote: planChart.note,
        title: 'Pace by plan (region and period)',
        legend: [
          { colour: 'green', label: 'on track' },
          { colour: 'yellow', label: 'at risk' },
          { colour: 'red', label: 'off track' },
          { colour: 'grey', label: 'no data' },
        ],
        chart: () =>
          barChart({
            title: 'KPI pace by plan',
            desc: planChart.rows.map((p) => `${p.plan}: ${p.onTrack} on track, ${p.atRisk} at risk, ${p.offTrack} off track, mean attainment ${fmt.percent(p.attainment)}`).join('; '),
            tick: (v) => fmt.number(v),
            rows: planChart.rows.map((p) => ({
              label: `${ctx.region(p.region)} ${p.period ?? ''}`.trim(),
              value: `${fmt.percent(p.attainment)} mean`,
              bars: [[{ value: p.onTrack, colour: 'green' }, { value: p.atRisk, colour: 'yellow' }, { value: p.offTrack, colour: 'red' }, { value: p.noData, colour: 'grey' }]],
              tooltip: `${p.plan} ${p.title}`,
              ref: refOf(p),
            })),
            onOpen: ctx.open,
          }),
        table: () =>
          table(ctx, {
            caption: 'KPI pace by plan',
            rows: plans,
            key: (p) => p.plan,
            ref: refOf,
            columns: [
              { header: 'Plan', cell: (p) => h('span', {}, h('strong', {}, p.plan), ` ${p.title}`) },
              { header: 'Region', cell: (p) => ctx.region(p.region) },
              { header: 'Period', cell: (p) => p.period ?? '–' },
              { header: 'KPIs', cell: (p) => fmt.number(p.kpis), numeric: true },
              { header: 'Mean attainment', cell: (p) => fmt.percent(p.attainment), numeric: true },
              { header: 'On track', cell: (p) => fmt.number(p.onTrack), numeric: true },
              { header: 'At risk', cell: (p) => fmt.number(p.atRisk), numeric: true },
              { header: 'Off track', cell: (p) => fmt.number(p.offTrack), numeric: true },
            ],
          }),
      }),
    );

    const kpiChart = chartRows(rows, 'KPIs', (a, b) => PACE_RANK[paceOf(a)] - PACE_RANK[paceOf(b)] || (a.attainment ?? 0) / (a.expected ?? 1) - (b.attainment ?? 0) / (b.expected ?? 1));
    out.push(
      section(ctx, {
        id: 'kpi-attainment',
        chartNote: kpiChart.note,
        title: 'Attainment against the elapsed share of the period',
        note: `Bars show attainment (actual vs target, in the KPI's direction); the tick marks what is expected by ${ctx.data.asOf}: the elapsed share of the period for cumulative KPIs (money, counts), 100 % for levels (%, scores, days). On track from 95 % of the expectation, at risk from 80 %.`,
        legend: [
          { colour: 'green', label: 'on track' },
          { colour: 'yellow', label: 'at risk' },
          { colour: 'red', label: 'off track' },
        ],
        chart: () =>
          barChart({
            title: 'KPI attainment against expected pace',
            desc: kpiChart.rows.map((r) => `${r.id}: ${fmt.percent(r.attainment)} attained, ${fmt.percent(r.expected)} expected, ${PACE[paceOf(r)].text}`).join('; '),
            max: 1.5,
            tick: (v) => fmt.percentShort(v),
            rows: kpiChart.rows.map((r) => ({
              label: r.id,
              value: `${fmt.percent(r.attainment)} · ${PACE[paceOf(r)].text}`,
              bars: [[{ value: r.attainment ?? 0, colour: PACE[paceOf(r)].colour }]],
              markers: r.expected !== undefined ? [{ value: r.expected, label: `expected by now: ${fmt.percent(r.expected)}` }] : [],
              tooltip: `${r.metric}: ${fmt.unit(r.actual, r.unit)} of ${fmt.unit(r.target, r.unit)}${r.direction === 'down' ? ' (lower is better)' : ''}`,
              ref: refOf(r),
            })),
            onOpen: ctx.open,
          }),
        table: () =>
          table(ctx, {
            caption: 'KPI attainment',
            rows,
            key: (r) => r.id,
            ref: refOf,
            columns: [
              { header: 'KPI', cell: (r) => h('span', {}, h('strong', {}, r.id), ` ${r.metric}`) },
              { header: 'Region', cell: (r) => ctx.region(r.region) },
              { header: 'Period', cell: (r) => r.period ?? '–' },
              { header: 'Target', cell: (r) => fmt.unit(r.target, r.unit), numeric: true },
              { header: 'Actual', cell: (r) => `${fmt.unit(r.actual, r.unit)}${r.actualRolledUp ? ' (rolled up)' : ''}`, numeric: true },
              { header: 'Attainment', cell: (r) => `${fmt.percent(r.attainment)}${r.direction === 'down' ? ' ↓' : ''}`, numeric: true },
              { header: 'Expected', cell: (r) => fmt.percent(r.expected), numeric: true },
              { header: 'Pace', cell: (r) => pill(PACE[paceOf(r)].text, PACE[paceOf(r)].colour, PACE[paceOf(r)].symbol) },
            ],
          }),
      }),
    );

    // Regional → company roll-up: company KPIs whose regional contributions add up.
    const byId = new Map(ctx.data.kpi.rows.map((r) => [r.id, r]));
    const rollups = ctx.data.kpi.rows.filter((r) => r.contributors.length > 0 && r.contributorsTarget !== undefined && passes({ period: filters.period }, { period: r.period }, ctx.data.periods));
    const palette: Colour[] = ['blue', 'purple', 'orange', 'green', 'yellow', 'red'];
    const contributorRows = rollups.flatMap((r) => r.contributors.map((c) => ({ parent: r, kpi: byId.get(c) })).filter((x): x is { parent: KpiRow; kpi: KpiRow } => x.kpi !== undefined && passes({ region: filters.region }, { region: x.kpi.region })));
    const regionsInRollup = [...new Set(contributorRows.map((x) => x.kpi.region ?? ''))].sort();
    const colourOf = (region: string | undefined) => palette[regionsInRollup.indexOf(region ?? '') % palette.length] as Colour;
    const rollupChart = chartRows(rollups, 'company KPIs');
    if (rollups.length > 0) {
      out.push(
        section(ctx, {
          id: 'kpi-rollup',
          chartNote: rollupChart.note,
          title: 'Roll-up: regional contributions to company KPIs',
          note: 'Each bar stacks the regions’ actuals; the tick marks the company target.',
          legend: regionsInRollup.map((r) => ({ colour: colourOf(r), label: ctx.region(r) })),
          chart: () =>
            barChart({
              title: 'Regional contributions to company KPIs',
              desc: rollupChart.rows.map((r) => `${r.id}: ${r.contributors.map((c) => `${c} ${fmt.unit(byId.get(c)?.actual, r.unit)}`).join(', ')}; target ${fmt.unit(r.target, r.unit)}`).join('; '),
              max: 1.2,
              tick: (v) => fmt.percentShort(v),
              rows: rollupChart.rows.map((r) => {
                const parts = contributorRows.filter((x) => x.parent === r);
                const scale = r.target && r.target > 0 ? r.target : 1;
                return {
                  label: r.id,
                  value: `${fmt.unit(parts.reduce((s, x) => s + (x.kpi.actual ?? 0), 0), r.unit, true)} of ${fmt.unit(r.target, r.unit, true)}`,
                  bars: [parts.map((x) => ({ value: (x.kpi.actual ?? 0) / scale, colour: colourOf(x.kpi.region) }))],
                  markers: [{ value: 1, label: `target ${fmt.unit(r.target, r.unit)}` }],
                  tooltip: `${r.metric}: ${parts.map((x) => `${ctx.region(x.kpi.region)} ${fmt.unit(x.kpi.actual, x.kpi.unit)}`).join(', ')}`,
                  ref: refOf(r),
                };
              }),
              onOpen: ctx.open,
            }),
          table: () =>
            table(ctx, {
              caption: 'Regional contributions to company KPIs',
              rows: contributorRows,
              key: (x) => `${x.parent.id}/${x.kpi.id}`,
              ref: (x) => refOf(x.kpi),
              columns: [
                { header: 'Company KPI', cell: (x) => x.parent.id },
                { header: 'Regional KPI', cell: (x) => x.kpi.id },
                { header: 'Region', cell: (x) => ctx.region(x.kpi.region) },
                { header: 'Target', cell: (x) => fmt.unit(x.kpi.target, x.kpi.unit), numeric: true },
                { header: 'Actual', cell: (x) => fmt.unit(x.kpi.actual, x.kpi.unit), numeric: true },
                { header: 'Attainment', cell: (x) => fmt.percent(x.kpi.attainment), numeric: true },
                { header: 'Share of company actual', cell: (x) => fmt.percent(x.parent.contributorsActual ? (x.kpi.actual ?? 0) / x.parent.contributorsActual : undefined), numeric: true },
              ],
            }),
        }),
      );
    }
    return out;
  },
};

