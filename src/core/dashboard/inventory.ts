import { num, str } from '../model/entity';
import type { WorkspaceModel as Workspace } from '../model/queries';
import { assign, byString, lineOf, refFirst, tally } from './common';
import type { InventoryRegionRow, InventoryRow, InventorySection } from './types';

/** Stock per SKU and region: on hand vs reorder point vs max; below-reorder as the rule sees it. */
export function inventorySection(ws: Workspace): InventorySection {
  const rows: InventoryRow[] = [];
  for (const e of ws.entities('inventory').sort(byString((x) => x.id))) {
    const items = e.data['items'];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) return;
      const sku = str(item['sku']);
      if (!sku) return;
      const onHand = num(item['on_hand']);
      const reorder = num(item['reorder_point']);
      const max = num(item['max']);
      const below = onHand !== undefined && reorder !== undefined && onHand < reorder;
      const row: InventoryRow = {
        inventory: e.id,
        sku,
        below,
        shortfall: below ? (reorder as number) - (onHand as number) : 0,
        file: e.file,
        line: lineOf(ws, e, ['items', i]),
      };
      assign(row, 'region', str(e.data['region']));
      assign(row, 'asOf', str(e.data['as_of']));
      const product = ws.get('product', sku);
      assign(row, 'name', product?.title);
      assign(row, 'category', product ? str(product.data['category']) : undefined);
      assign(row, 'onHand', onHand);
      assign(row, 'reorderPoint', reorder);
      assign(row, 'max', max);
      if (max !== undefined && onHand !== undefined) row.toMax = Math.max(0, max - onHand);
      rows.push(row);
    });
  }
  const regions = new Map<string, InventoryRegionRow>();
  for (const r of rows) {
    const region = r.region ?? '(none)';
    tally(
      regions,
      region,
      (): InventoryRegionRow => ({ region, skus: 0, below: 0, onHand: 0 }),
      (x) => {
        x.skus++;
        refFirst(x, r);
        if (r.below) x.below++;
        x.onHand += r.onHand ?? 0;
      },
    );
  }
  return { regions: [...regions.values()].sort(byString((x) => x.region)), rows };
}
