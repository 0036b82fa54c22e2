import type { InventoryRow } from '../../../src/core/dashboard/types';
import { barChart } from '../charts';
import { h } from '../dom';
import { label } from '../format';
import { chartRows, optionsOf, passes, pill, refOf, section, stats, table, type Ctx, type TabDef } from '../ui';

const stockState = (r: InventoryRow) => (r.below ? 'below' : 'ok');

function stockChart(ctx: Ctx, rows: InventoryRow[], title: string) {
  const { fmt } = ctx;
  // Each SKU on its own scale (share of its max stock) so 2 sofas and 140 cushions both read.
  return barChart({
    title,
    desc: rows.map((r) => `${r.sku} in ${ctx.region(r.region)}: ${fmt.number(r.onHand)} on hand, reorder point ${fmt.number(r.reorderPoint)}, max ${fmt.number(r.max)}${r.below ? ', below reorder point' : ''}`).join('; '),
    max: 1,
    tick: (v) => (v === 1 ? 'max' : fmt.percentShort(v)),
    rows: rows.map((r) => {
      const scale = r.max && r.max > 0 ? r.max : Math.max(r.onHand ?? 0, r.reorderPoint ?? 0, 1);
      return {
        label: `${r.sku} · ${ctx.region(r.region)}`,
        value: `${fmt.number(r.onHand)} / reorder ${fmt.number(r.reorderPoint)} / max ${fmt.number(r.max)}`,
        bars: [[{ value: (r.onHand ?? 0) / scale, colour: r.below ? ('red' as const) : ('green' as const) }]],
        markers: r.reorderPoint !== undefined ? [{ value: r.reorderPoint / scale, label: `reorder point ${r.reorderPoint}` }] : [],
        tooltip: `${r.name ?? r.sku}: ${fmt.number(r.onHand)} on hand`,
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
      { header: 'SKU', cell: (r) => h('span', {}, h('strong', {}, r.sku), ` ${r.name ?? ''}`) },
      { header: 'Region', cell: (r) => ctx.region(r.region) },
      { header: 'Category', cell: (r) => label(r.category) },
      { header: 'On hand', cell: (r) => fmt.number(r.onHand), numeric: true },
      { header: 'Reorder point', cell: (r) => fmt.number(r.reorderPoint), numeric: true },
      { header: 'Max', cell: (r) => fmt.number(r.max), numeric: true },
      { header: 'Short', cell: (r) => (r.below ? fmt.number(r.shortfall) : ''), numeric: true },
      { header: 'To max', cell: (r) => fmt.number(r.toMax), numeric: true },
      { header: 'Counted', cell: (r) => r.asOf ?? '–' },
      { header: 'Stock', cell: (r) => (r.below ? pill('below reorder', 'red', '✖') : pill('ok', 'green', '✔')) },
    ],
  });
}

export const inventoryTab: TabDef = {
  id: 'inventory',
  label: 'Inventory',
  filters: (d) => [
    { key: 'region', label: 'Region', options: optionsOf(d.inventory.rows.map((r) => r.region), (v) => d.regions.find((x) => x.id === v)?.name ?? v) },
    { key: 'type', label: 'Category', options: optionsOf(d.inventory.rows.map((r) => r.category), label) },
    { key: 'status', label: 'Stock', options: [{ value: 'below', label: 'below reorder point' }, { value: 'ok', label: 'at or above reorder point' }] },
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
        { label: 'SKU × region lines', value: fmt.number(all.length) },
        { label: 'Below reorder point', value: fmt.number(below.length), colour: below.length ? 'red' : 'green' },
        { label: 'Units short of reorder points', value: fmt.number(below.reduce((s, r) => s + r.shortfall, 0)) },
      ]),
    ];
    const fill = (r: InventoryRow) => (r.max ? (r.onHand ?? 0) / r.max : 1);
    const belowChart = chartRows(below, 'SKUs below reorder point');
    const allChart = chartRows(all, 'stock lines', (a, b) => Number(b.below) - Number(a.below) || fill(a) - fill(b));
    out.push(
      section(ctx, {
        id: 'inventory-below',
        chartNote: belowChart.note,
        title: 'Below reorder point',
        note: 'Each bar is on hand as a share of the SKU’s max stock; the tick is its reorder point.',
        chart: below.length ? () => stockChart(ctx, belowChart.rows, 'SKUs below their reorder point') : undefined,
        table: () => stockTable(ctx, below, 'SKUs below their reorder point'),
      }),
    );
    out.push(
      section(ctx, {
        id: 'inventory-regions',
        title: 'By region',
        legend: [
          { colour: 'red', label: 'below reorder point' },
          { colour: 'green', label: 'ok' },
        ],
        chart: () =>
          barChart({
            title: 'SKUs below reorder point by region',
            desc: regions.map((r) => `${ctx.region(r.region)}: ${r.below} of ${r.skus} below reorder point`).join('; '),
            tick: (v) => fmt.number(v),
            rows: regions.map((r) => ({ label: ctx.region(r.region), value: `${fmt.number(r.below)} of ${fmt.number(r.skus)} below`, bars: [[{ value: r.below, colour: 'red' }, { value: r.skus - r.below, colour: 'green' }]], ref: refOf(r) })),
            onOpen: ctx.open,
          }),
        table: () =>
          table(ctx, {
            caption: 'Stock by region',
            rows: regions,
            key: (r) => r.region,
            ref: refOf,
            columns: [
              { header: 'Region', cell: (r) => ctx.region(r.region) },
              { header: 'SKUs', cell: (r) => fmt.number(r.skus), numeric: true },
              { header: 'Below reorder point', cell: (r) => fmt.number(r.below), numeric: true },
              { header: 'Units short', cell: (r) => fmt.number(r.short), numeric: true },
            ],
          }),
      }),
    );
    out.push(
      section(ctx, {
        id: 'inventory-all',
        chartNote: allChart.note,
        title: 'All stock: on hand vs reorder point vs max',
        legend: [
          { colour: 'red', label: 'below reorder point' },
          { colour: 'green', label: 'ok' },
        ],
        chart: () => stockChart(ctx, allChart.rows, 'Stock on hand against reorder point and max'),
        table: () => stockTable(ctx, all, 'All stock'),
      }),
    );
    return out;
  },
};
