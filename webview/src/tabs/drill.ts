import * as l10n from '@vscode/l10n';
import { contributorTrends, trendGroups, trendsById, type ContributorTrend } from '../../../src/core/dashboard/aggregate';
import type { KpiRow, KpiTrend } from '../../../src/core/dashboard/types';
import { sharedMax, smallMultiples, type LinePanel } from '../charts';
import { h } from '../dom';
import { named, passes, refOf, section, table, type Ctx } from '../ui';
import { trendDesc, trendLegend, trendPanel, trendTitle } from './trendPanel';

const drillKey = (id: string) => `drill-${id}`;

/** To date: the running total for units that add up, the last value for levels. */
const toDate = (t: KpiTrend) => t.points[t.points.length - 1]?.cumulative ?? t.points[t.points.length - 1]?.value;

/** `春熙路店 · 西南区` for a store's KPI, `西南区 · 西南区营业额` for a region's. */
function placeTitle(ctx: Ctx, t: KpiTrend): string {
  return t.store !== undefined ? `${t.storeName ?? t.store} · ${ctx.region(t.region)}` : `${ctx.region(t.region)} · ${t.metric}`;
}

// Trends by id, built once per dashboard data (every chart asks for its contributors).
const byData = new WeakMap<readonly KpiTrend[], ReadonlyMap<string, KpiTrend>>();
function indexed(trends: readonly KpiTrend[]): ReadonlyMap<string, KpiTrend> {
  let m = byData.get(trends);
  if (!m) byData.set(trends, (m = trendsById(trends)));
  return m;
}

/** The contributors of `t` that pass the tab's filters (region and period), with or without a series. */
function contributorsShown(ctx: Ctx, t: KpiTrend, rows: Map<string, KpiRow>): ContributorTrend[] {
  const f = { ...ctx.filters, status: undefined };
  return contributorTrends(indexed(ctx.data.trends), t).filter((c) => {
    const where = c.trend ?? rows.get(c.id);
    return passes(f, { region: where?.region, period: where?.period }, ctx.data.periods);
  });
}

/** Opens the drill-down of KPI `id` and brings it into view (the section may be showing its table). */
function openDrill(ctx: Ctx, id: string): void {
  ctx.setOpen(drillKey(id), true);
  const details = [...document.querySelectorAll<HTMLDetailsElement>('details[data-drill]')].find((d) => d.getAttribute('data-drill') === id);
  if (details) {
    details.open = true;
    details.scrollIntoView({ block: 'start' });
    details.querySelector('summary')?.focus();
  } else document.querySelector('[data-section="kpi-drill"]')?.scrollIntoView({ block: 'start' });
}

/** A trend panel with a `N contributors ▾` link when the KPI has contributors with a series. */
export function withDrill(ctx: Ctx, t: KpiTrend, panel: LinePanel): LinePanel {
  const n = contributorTrends(indexed(ctx.data.trends), t).filter((c) => c.trend).length;
  if (n > 0) panel.action = { label: n === 1 ? l10n.t('1 contributor ▾') : l10n.t('{0} contributors ▾', n), run: () => openDrill(ctx, t.id) };
  return panel;
}

/** The contributors' charts of one KPI, on one scale; those without figures by period named below. */
function drillBody(ctx: Ctx, t: KpiTrend, items: ContributorTrend[], rows: Map<string, KpiRow>): HTMLElement {
  const { fmt } = ctx;
  const drawn = items.flatMap((c) => (c.trend ? [c.trend] : []));
  const panels = drawn.map((c) => withDrill(ctx, c, trendPanel(ctx, c, { title: placeTitle(ctx, c) })));
  const body = h('div', { class: 'drill-body' });
  if (panels.length > 0)
    body.appendChild(
      smallMultiples({
        title: l10n.t('Contributors of {0}', t.metric),
        desc: drawn.map((c) => trendDesc(ctx, placeTitle(ctx, c), c)).join('; '),
        tick: (v) => fmt.compact(v),
        panels,
        yMax: sharedMax(panels),
        onOpen: ctx.open,
      }),
    );
  const missing = items.filter((c) => !c.trend).map((c) => rows.get(c.id)?.metric ?? c.id);
  if (missing.length > 0) body.appendChild(h('p', { class: 'note' }, l10n.t('No figures by period: {0}', missing.join(', '))));
  return body;
}

/** Drill-down: for each KPI with contributors, their series as small charts on one scale; the first open until the user closes it. */
export function drillSection(ctx: Ctx): HTMLElement | undefined {
  const { fmt, filters, data } = ctx;
  const rows = new Map(data.kpi.rows.map((r) => [r.id, r]));
  const withContributors = data.trends.filter((t) => contributorTrends(indexed(data.trends), t).some((c) => c.trend));
  if (withContributors.length === 0) return undefined;
  const parents = withContributors
    .filter((t) => passes({ period: filters.period }, { period: t.period }, data.periods))
    .map((t) => ({ t, items: contributorsShown(ctx, t, rows) }))
    .filter((x) => x.items.length > 0);
  const pairs = parents.flatMap(({ t, items }) => items.map((c) => ({ parent: t, c, row: rows.get(c.id) })));
  return section(ctx, {
    id: 'kpi-drill',
    title: l10n.t('Contributors’ series'),
    note: l10n.t(
      'A KPI with contributing KPIs (contributes_to) sums their series month by month. Open one to see each contributor’s actuals and forecast, all on one scale; click a chart to open its KPI.',
    ),
    legend: trendLegend(),
    chart:
      parents.length === 0
        ? undefined
        : () =>
            h(
              'div',
              { class: 'drill-list' },
              ...parents.map(({ t, items }, i) => {
                const n = items.length;
                const summary = h(
                  'summary',
                  {},
                  h('span', { class: 'drill-title' }, trendTitle(ctx, t)),
                  ' ',
                  h(
                    'span',
                    { class: 'muted' },
                    `${n === 1 ? l10n.t('1 contributing KPI') : l10n.t('{0} contributing KPIs', n)} · ${l10n.t('forecast {0}', `${fmt.unit(t.forecast.value, t.unit, { compact: true })} (${fmt.percent(t.forecast.ratio)})`)}`,
                  ),
                );
                const details = h(
                  'details',
                  { class: 'drill', 'data-drill': t.id, open: ctx.isOpen(drillKey(t.id)) ?? i === 0 },
                  summary,
                ) as HTMLDetailsElement;
                const fill = () => {
                  if (details.open && !details.querySelector('.drill-body')) details.appendChild(drillBody(ctx, t, items, rows));
                };
                details.addEventListener('toggle', () => {
                  // Opened by default (the first) fires a toggle too: keep only what the user changed.
                  if (details.open !== (ctx.isOpen(drillKey(t.id)) ?? i === 0)) ctx.setOpen(drillKey(t.id), details.open);
                  fill();
                });
                fill();
                return details;
              }),
            ),
    table: () =>
      table(ctx, {
        caption: l10n.t('Contributors’ series'),
        rows: pairs,
        key: (x) => `${x.parent.id}/${x.c.id}`,
        ref: (x) => (x.c.trend ? refOf(x.c.trend) : x.row && refOf(x.row)),
        empty: l10n.t('Nothing matches the filters.'),
        columns: [
          { header: l10n.t('KPI'), cell: (x) => named(x.parent.metric, x.parent.id) },
          { header: l10n.t('Contributing KPI'), cell: (x) => named(x.c.trend?.metric ?? x.row?.metric, x.c.id) },
          { header: l10n.t('Region'), cell: (x) => ctx.region(x.c.trend?.region ?? x.row?.region) },
          { header: l10n.t('Store'), cell: (x) => (x.c.trend?.store !== undefined ? (x.c.trend.storeName ?? x.c.trend.store) : '–') },
          { header: l10n.t('To date'), cell: (x) => (x.c.trend ? fmt.unit(toDate(x.c.trend), x.c.trend.unit) : l10n.t('no figures by period')), numeric: true },
          { header: l10n.t('Target'), cell: (x) => fmt.unit(x.c.trend?.target ?? x.row?.target, x.c.trend?.unit ?? x.row?.unit ?? ''), numeric: true },
          { header: l10n.t('Forecast'), cell: (x) => (x.c.trend ? fmt.unit(x.c.trend.forecast.value, x.c.trend.unit) : '–'), numeric: true },
          { header: l10n.t('Of target'), cell: (x) => fmt.percent(x.c.trend?.forecast.ratio), numeric: true },
        ],
      }),
  });
}

/** Small multiples: a KPI measured in several regions or stores, one chart each, on one scale per set. */
export function multiplesSection(ctx: Ctx): HTMLElement | undefined {
  const { fmt, filters, data } = ctx;
  const groups = trendGroups(data.trends, data.kpi.rows);
  if (groups.length === 0) return undefined;
  const f = { ...filters, status: undefined };
  const keep = (t: KpiTrend) => passes(f, { region: t.region, period: t.period }, data.periods);
  const shown = groups
    .map((g) => ({
      g,
      sets: [
        { by: 'region' as const, members: g.regions.filter(keep) },
        { by: 'store' as const, members: g.stores.filter(keep) },
      ],
    }))
    .filter((x) => x.sets.some((s) => s.members.length > 0));
  const rows = shown.flatMap(({ g, sets }) => sets.flatMap((s) => s.members.map((t) => ({ g, by: s.by, t }))));
  return section(ctx, {
    id: 'kpi-multiples',
    title: l10n.t('KPIs by region and by store'),
    note: l10n.t(
      'KPIs rolling up to the same KPI, or sharing a metric and unit, side by side: one chart per region or store, on one scale per set so heights compare. Forecasts as in the trends above: run rate for units that add up, least-squares trend for levels.',
    ),
    legend: trendLegend(),
    chart:
      rows.length === 0
        ? undefined
        : () =>
            h(
              'div',
              { class: 'multiples' },
              ...shown.flatMap(({ g, sets }) => [
                h('h3', { class: 'multiples-title' }, `${g.metric} (${g.unit})`),
                ...sets
                  .filter((s) => s.members.length > 0)
                  .flatMap((s) => {
                    const label = s.by === 'region' ? l10n.t('By region') : l10n.t('By store');
                    const panels = s.members.map((t) => trendPanel(ctx, t, { title: placeTitle(ctx, t), short: true }));
                    return [
                      h('h4', { class: 'multiples-by' }, label),
                      smallMultiples({
                        title: `${g.metric} · ${label}`,
                        desc: s.members.map((t) => trendDesc(ctx, placeTitle(ctx, t), t)).join('; '),
                        tick: (v) => fmt.compact(v),
                        panels,
                        cols: 3,
                        yMax: sharedMax(panels),
                        onOpen: ctx.open,
                      }),
                    ];
                  }),
              ]),
            ),
    table: () =>
      table(ctx, {
        caption: l10n.t('KPIs by region and by store'),
        rows,
        key: (x) => `${x.g.key}/${x.t.id}`,
        ref: (x) => refOf(x.t),
        empty: l10n.t('Nothing matches the filters.'),
        columns: [
          { header: l10n.t('Measure'), cell: (x) => `${x.g.metric} (${x.g.unit})` },
          { header: l10n.t('By'), cell: (x) => (x.by === 'region' ? l10n.t('region') : l10n.t('store')) },
          { header: l10n.t('Region'), cell: (x) => ctx.region(x.t.region) },
          { header: l10n.t('Store'), cell: (x) => (x.t.store !== undefined ? (x.t.storeName ?? x.t.store) : '–') },
          { header: l10n.t('KPI'), cell: (x) => named(x.t.metric, x.t.id) },
          { header: l10n.t('To date'), cell: (x) => fmt.unit(toDate(x.t), x.t.unit), numeric: true },
          { header: l10n.t('Target'), cell: (x) => fmt.unit(x.t.target, x.t.unit), numeric: true },
          { header: l10n.t('Forecast'), cell: (x) => fmt.unit(x.t.forecast.value, x.t.unit), numeric: true },
          { header: l10n.t('Of target'), cell: (x) => fmt.percent(x.t.forecast.ratio), numeric: true },
        ],
      }),
  });
}
