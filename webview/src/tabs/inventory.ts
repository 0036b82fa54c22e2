import * as l10n from '@vscode/l10n';
import type { InventoryRow } from '../../../src/core/dashboard/types';
import { barChart } from '../charts';
import { label } from '../format';
import { sumOf } from '../../../src/core/dashboard/aggregate';
import { titled } from '../../../src/core/format/words';
import { chartRows, named, optionsOf, passes, pill, refOf, section, stats, table, type Ctx, type TabDef } from '../ui';

const stockState = (r: InventoryRow) => (r.below ? 'below' : 'ok');

function stockChart(ctx: Ctx, rows: InventoryRow[], title: string) {
  const { fmt } = ctx;
  // Each SKU on its own scale (share of its max stock) so 2 sofas and 140 cushions both read.
  return barChart({
    title,
    desc: rows
      .map(
        (r) =>
          `${l10n.t('{0} in {1}: {2} on hand, reorder point {3}, max {4}', r.name || r.sku, ctx.region(r.region), fmt.number(r.onHand), fmt.number(r.reorderPoint), fmt.number(r.max))}${r.below ? `, ${l10n.t('below reorder point')}` : ''}`,
      )
      .join('; '),
    max: 1,
    tick: (v) => (v === 1 ? l10n.t('max') : fmt.percentWhole(v)),
    rows: rows.map((r) => {
      const scale = r.max && r.max > 0 ? r.max : Math.max(r.onHand ?? 0, r.reorderPoint ?? 0, 1);
      return {
        label: `${r.name || r.sku} · ${ctx.region(r.region)}`,
        value: l10n.t('{0} / reorder {1} / max {2}', fmt.number(r.onHand), fmt.number(r.reorderPoint), fmt.number(r.max)),
        bars: [[{ value: (r.onHand ?? 0) / scale, colour: r.below ? ('red' as const) : ('green' as const) }]],
        markers: r.reorderPoint !== undefined ? [{ value: r.reorderPoint / scale, label: l10n.t('reorder point {0}', fmt.number(r.reorderPoint)) }] : [],
        tooltip: l10n.t('{0}: {1} on hand', titled(r.sku, r.name), fmt.number(r.onHand)),
        ref: refOf(r),
      };
    }),
    onOpen: ctx.open,
  });
}

function stockTable(ctx: Ctx, rows: InventoryRow[], caption: string) {
  const { fmt } = ctx;
  return table(ctx, {
    caption,
    rows,
    key: (r) => `${r.inventory}/${r.sku}`,
    ref: refOf,
    rowClass: (r) => (r.below ? 'flagged' : undefined),
    columns: [
      { header: l10n.t('SKU'), cell: (r) => named(r.name, r.sku) },
      { header: l10n.t('Region'), cell: (r) => ctx.region(r.region) },
      { header: l10n.t('Category'), cell: (r) => label(r.category) },
      { header: l10n.t('On hand'), cell: (r) => fmt.number(r.onHand), numeric: true },
      { header: l10n.t('Reorder point'), cell: (r) => fmt.number(r.reorderPoint), numeric: true },
      { header: l10n.t('Max'), cell: (r) => fmt.number(r.max), numeric: true },
      { header: l10n.t('Short'), cell: (r) => (r.below ? fmt.number(r.shortfall) : ''), numeric: true },
      { header: l10n.t('To max'), cell: (r) => fmt.number(r.toMax), numeric: true },
      { header: l10n.t('Counted'), cell: (r) => r.asOf ?? '–' },
      { header: l10n.t('Stock'), cell: (r) => (r.below ? pill(l10n.t('below reorder'), 'red', '✖') : pill(l10n.t('ok'), 'green', '✔')) },
    ],
  });
}

export const inventoryTab: TabDef = {
  id: 'inventory',
  get label() {
    return l10n.t('Inventory');
  },
  filters: (d) => [
    {
      key: 'region',
      label: l10n.t('Region'),
      options: optionsOf(
        d.inventory.rows.map((r) => r.region),
        (v) => d.regions.find((x) => x.id === v)?.name ?? v,
      ),
    },
    {
      key: 'type',
      label: l10n.t('Category'),
      options: optionsOf(
        d.inventory.rows.map((r) => r.category),
        label,
      ),
    },
    {
      key: 'status',
      label: l10n.t('Stock'),
      options: [
        { value: 'below', label: l10n.t('below reorder point') },
        { value: 'ok', label: l10n.t('at or above reorder point') },
      ],
    },
  ],
  badge: (d) => d.inventory.rows.filter((r) => r.below).length,
  render(ctx) {
    const { fmt, filters } = ctx;
    const all = ctx.data.inventory.rows.filter((r) => passes(filters, { region: r.region, type: r.category, status: stockState(r) }));
    const below = all.filter((r) => r.below).sort((a, b) => b.shortfall - a.shortfall);
    const byRegion = new Map<string, { region: string; skus: number; below: number; short: number; file: string; line: number }>();
    // A region's row opens its most urgent line (the rows come sorted below-first).
    for (const r of [...below, ...all.filter((x) => !x.below)]) {
      const k = r.region ?? '(none)';
      const x = byRegion.get(k) ?? { region: k, skus: 0, below: 0, short: 0, file: r.file, line: r.line };
      x.skus++;
      if (r.below) x.below++;
      x.short += r.shortfall;
      byRegion.set(k, x);
    }
    const regions = [...byRegion.values()].sort((a, b) => (a.region < b.region ? -1 : 1));
    const out: Node[] = [
      stats([
        { label: l10n.t('SKU × region lines'), value: fmt.number(all.length) },
        { label: l10n.t('Below reorder point'), value: fmt.number(below.length), colour: below.length ? 'red' : 'green' },
        { label: l10n.t('Units short of reorder points'), value: fmt.number(sumOf(below, (r) => r.shortfall)) },
      ]),
    ];
    const fill = (r: InventoryRow) => (r.max ? (r.onHand ?? 0) / r.max : 1);
    const belowChart = chartRows(below, l10n.t('SKUs below reorder point'));
    const allChart = chartRows(all, l10n.t('stock lines'), (a, b) => Number(b.below) - Number(a.below) || fill(a) - fill(b));
    out.push(
      section(ctx, {
        id: 'inventory-below',
        chartNote: belowChart.note,
        title: l10n.t('Below reorder point'),
        note: l10n.t('Each bar is on hand as a share of the SKU’s max stock; the tick is its reorder point.'),
        chart: below.length ? () => stockChart(ctx, belowChart.rows, l10n.t('SKUs below their reorder point')) : undefined,
        table: () => stockTable(ctx, below, l10n.t('SKUs below their reorder point')),
      }),
    );
    out.push(
      section(ctx, {
        id: 'inventory-regions',
        title: l10n.t('By region'),
        legend: [
          { colour: 'red', label: l10n.t('below reorder point') },
          { colour: 'green', label: l10n.t('ok') },
        ],
        chart: () =>
          barChart({
            title: l10n.t('SKUs below reorder point by region'),
            desc: regions.map((r) => l10n.t('{0}: {1} of {2} below reorder point', ctx.region(r.region), r.below, r.skus)).join('; '),
            tick: (v) => fmt.number(v),
            rows: regions.map((r) => ({
              label: ctx.region(r.region),
              value: l10n.t('{0} of {1} below', fmt.number(r.below), fmt.number(r.skus)),
              bars: [
                [
                  { value: r.below, colour: 'red' },
                  { value: r.skus - r.below, colour: 'green' },
                ],
              ],
              ref: refOf(r),
            })),
            onOpen: ctx.open,
          }),
        table: () =>
          table(ctx, {
            caption: l10n.t('Stock by region'),
            rows: regions,
            key: (r) => r.region,
            ref: refOf,
            columns: [
              { header: l10n.t('Region'), cell: (r) => ctx.region(r.region) },
              { header: l10n.t('SKUs'), cell: (r) => fmt.number(r.skus), numeric: true },
              { header: l10n.t('Below reorder point'), cell: (r) => fmt.number(r.below), numeric: true },
              { header: l10n.t('Units short'), cell: (r) => fmt.number(r.short), numeric: true },
            ],
          }),
      }),
    );
    out.push(
      section(ctx, {
        id: 'inventory-all',
        chartNote: allChart.note,
        title: l10n.t('All stock: on hand vs reorder point vs max'),
        legend: [
          { colour: 'red', label: l10n.t('below reorder point') },
          { colour: 'green', label: l10n.t('ok') },
        ],
        chart: () => stockChart(ctx, allChart.rows, l10n.t('Stock on hand against reorder point and max')),
        table: () => stockTable(ctx, all, l10n.t('All stock')),
      }),
    );
    return out;
  },
};
