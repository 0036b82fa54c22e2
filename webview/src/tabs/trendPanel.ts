import * as l10n from '@vscode/l10n';
import type { KpiTrend } from '../../../src/core/dashboard/types';
import { TREND_ARROWS, forecastMethodText } from '../../../src/core/format/words';
import { daysBetween } from '../../../src/core/util/dates';
import type { LinePanel, LineSeries } from '../charts';
import { refOf, type Ctx } from '../ui';

/** Days from `start` to `iso` (both ISO dates). */
const monthTicks = (start: string, end: string, every = 3): { x: number; label: string }[] => {
  const out: { x: number; label: string }[] = [];
  const span = daysBetween(start, end);
  for (let d = new Date(`${start}T00:00:00Z`), k = 0; d.toISOString().slice(0, 10) <= end; d.setUTCMonth(d.getUTCMonth() + 1), k++)
    if (k % every === 0) out.push({ x: Math.min(span, daysBetween(start, d.toISOString().slice(0, 10))), label: d.toISOString().slice(0, 7) });
  return out;
};

/** A trend's default title: `营业额 · 华北区 FY2026`. */
export function trendTitle(ctx: Ctx, t: KpiTrend): string {
  return `${t.metric} · ${t.region !== undefined ? `${ctx.region(t.region)} ` : ''}${t.period}`;
}

/** The legend of every trend chart. */
export function trendLegend(): { colour: 'blue' | 'purple' | 'grey'; label: string }[] {
  return [
    { colour: 'blue', label: l10n.t('Actuals') },
    { colour: 'purple', label: l10n.t('Forecast') },
    { colour: 'grey', label: l10n.t('Target or expected path') },
  ];
}

/** A trend in a chart's description: `华北区: forecast ¥344.9万, 95.8% of target`. */
export function trendDesc(ctx: Ctx, label: string, t: KpiTrend): string {
  return l10n.t('{0}: forecast {1}, {2} of target', label, ctx.fmt.unit(t.forecast.value, t.unit), ctx.fmt.percent(t.forecast.ratio));
}

/**
 * A KPI's trend as one small chart. `title` replaces the default `metric · region period` (small
 * multiples name the region or store first); `short` leaves the method out of the caption (narrow
 * panels; the section's note and the tooltip state it).
 */
export function trendPanel(ctx: Ctx, t: KpiTrend, opts: { title?: string; short?: boolean } = {}): LinePanel {
  const { fmt } = ctx;
  const xMax = daysBetween(t.start, t.end) + 1;
  const measured: LineSeries = {
    label: l10n.t('Actuals'),
    colour: 'blue',
    dots: true,
    points: t.additive
      ? [{ x: 0, y: 0 }, ...t.points.map((p) => ({ x: daysBetween(t.start, p.end) + 1, y: p.cumulative ?? 0 }))]
      : t.points.map((p) => ({ x: (daysBetween(t.start, p.start) + daysBetween(t.start, p.end) + 1) / 2, y: p.value })),
  };
  const last = measured.points[measured.points.length - 1] ?? { x: 0, y: 0 };
  const series: LineSeries[] = [measured, { label: l10n.t('Forecast'), colour: 'purple', dashed: true, points: [last, { x: xMax, y: t.forecast.value }] }];
  if (t.target !== undefined)
    series.push({
      label: t.additive ? l10n.t('Expected path to target') : l10n.t('Target'),
      colour: 'grey',
      dashed: true,
      points: t.additive
        ? [
            { x: 0, y: 0 },
            { x: xMax, y: t.target },
          ]
        : [
            { x: 0, y: t.target },
            { x: xMax, y: t.target },
          ],
    });
  const arrow = t.forecast.trend ? ` ${TREND_ARROWS[t.forecast.trend]}` : '';
  const panel: LinePanel = {
    title: opts.title ?? trendTitle(ctx, t),
    caption: opts.short
      ? l10n.t('forecast {0}', `${fmt.unit(t.forecast.value, t.unit, { compact: true })} (${fmt.percent(t.forecast.ratio)})${arrow}`)
      : l10n.t(
          'forecast {0} ({1}){2} by {3}',
          fmt.unit(t.forecast.value, t.unit, { compact: true }),
          fmt.percent(t.forecast.ratio),
          arrow,
          forecastMethodText(t.forecast.method, l10n),
        ),
    tooltip: t.forecast.explanation,
    xMax,
    xTicks: monthTicks(t.start, t.end, opts.short ? 6 : 3),
    series,
  };
  const ref = refOf(t);
  if (ref) panel.ref = ref;
  return panel;
}
