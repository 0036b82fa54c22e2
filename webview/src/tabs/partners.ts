import type { ContractBucket, PartnerCount } from '../../../src/core/dashboard/types';
import { barChart, ganttChart, type Colour } from '../charts';
import { h } from '../dom';
import { label } from '../format';
import { chartRows, optionsOf, passes, pill, refOf, section, stats, table, type Ctx, type TabDef } from '../ui';

export const BUCKET: Record<ContractBucket, { colour: Colour; text: string; symbol: string }> = {
  expired: { colour: 'red', text: 'expired', symbol: '✖' },
  expiring: { colour: 'yellow', text: 'expiring', symbol: '⚠' },
  active: { colour: 'green', text: 'active', symbol: '✔' },
  'no-contract': { colour: 'blue', text: 'active, no end date', symbol: '○' },
  inactive: { colour: 'grey', text: 'not active', symbol: '–' },
};

function countChart(ctx: Ctx, id: string, title: string, counts: PartnerCount[], name: (k: string) => string): HTMLElement {
  const { fmt } = ctx;
  return section(ctx, {
    id,
    title,
    legend: [
      { colour: 'green', label: 'active' },
      { colour: 'yellow', label: 'expiring' },
      { colour: 'red', label: 'expired' },
      { colour: 'grey', label: 'not active' },
    ],
    chart: () =>
      barChart({
        title,
        desc: counts.map((c) => `${name(c.key)}: ${c.total} partners, ${c.active} active, ${c.expiring} expiring, ${c.expired} expired, ${c.inactive} not active`).join('; '),
        tick: (v) => fmt.number(v),
        rows: counts.map((c) => ({
          label: name(c.key),
          value: `${fmt.number(c.total)} (${fmt.number(c.expiring)} expiring)`,
          bars: [[{ value: c.active, colour: 'green' }, { value: c.expiring, colour: 'yellow' }, { value: c.expired, colour: 'red' }, { value: c.inactive, colour: 'grey' }]],
          ref: refOf(c),
        })),
        onOpen: ctx.open,
      }),
    table: () =>
      table(ctx, {
        caption: title,
        rows: counts,
        key: (c) => c.key,
        ref: refOf,
        columns: [
          { header: 'Group', cell: (c) => name(c.key) },
          { header: 'Partners', cell: (c) => fmt.number(c.total), numeric: true },
          { header: 'Active', cell: (c) => fmt.number(c.active), numeric: true },
          { header: 'Expiring', cell: (c) => fmt.number(c.expiring), numeric: true },
          { header: 'Expired', cell: (c) => fmt.number(c.expired), numeric: true },
          { header: 'Not active', cell: (c) => fmt.number(c.inactive), numeric: true },
        ],
      }),
  });
}

export const partnersTab: TabDef = {
  id: 'partners',
  label: 'Partners',
  filters: (d) => [
    { key: 'region', label: 'Region', options: optionsOf(d.partners.rows.flatMap((p) => p.regions), (v) => d.regions.find((x) => x.id === v)?.name ?? v) },
    { key: 'type', label: 'Type', options: optionsOf(d.partners.rows.map((p) => p.type), label) },
    { key: 'status', label: 'Contract', options: (['expired', 'expiring', 'active', 'no-contract', 'inactive'] as const).map((b) => ({ value: b, label: BUCKET[b].text })) },
  ],
  badge: (d) => d.partners.buckets.expiring + d.partners.buckets.expired,
  render(ctx) {
    const { fmt, filters, data } = ctx;
    const p = data.partners;
    const rows = p.rows.filter((r) => passes(filters, { region: r.regions, type: r.type, status: r.bucket }));
    const n = (b: ContractBucket) => rows.filter((r) => r.bucket === b).length;
    const count = (keys: (r: (typeof rows)[number]) => string[]): PartnerCount[] => {
      const m = new Map<string, PartnerCount>();
      for (const r of rows) {
        for (const key of new Set(keys(r))) {
          let c = m.get(key);
          if (!c) m.set(key, (c = { key, total: 0, active: 0, expiring: 0, expired: 0, inactive: 0 }));
          c.total++;
          if (c.file === undefined) Object.assign(c, { file: r.file, line: r.line });
          if (r.bucket === 'expiring' || r.bucket === 'expired' || r.bucket === 'inactive') c[r.bucket]++;
          else c.active++;
        }
      }
      return [...m.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
    };
    const dated = chartRows(rows.filter((r) => r.contractEnd && r.bucket !== 'inactive'), 'active contracts');
    const out: Node[] = [
      stats([
        { label: 'Partners', value: fmt.number(rows.length) },
        { label: 'Active', value: fmt.number(n('active') + n('no-contract')), colour: 'green' },
        { label: `Expiring within ${p.expiringDays} days`, value: fmt.number(n('expiring')), colour: 'yellow' },
        { label: 'Expired, still active', value: fmt.number(n('expired')), colour: 'red' },
        { label: 'Not active', value: fmt.number(n('inactive')) },
      ]),
    ];
    out.push(
      section(ctx, {
        id: 'partners-contracts',
        chartNote: dated.note,
        title: 'Contracts by end date',
        note: `Active partners' contracts from start to end. Expiring: ending within ${p.expiringDays} days of ${data.asOf} (rule partner/contract-expiring). The table lists every partner.`,
        legend: [
          { colour: 'green', label: 'active' },
          { colour: 'yellow', label: `expiring within ${p.expiringDays} days` },
          { colour: 'red', label: 'expired' },
        ],
        chart: () =>
          ganttChart({
            title: 'Partner contracts by end date',
            desc: dated.rows.map((r) => `${r.id} ends ${r.contractEnd}, ${BUCKET[r.bucket].text}`).join('; '),
            start: dated.rows.reduce((m, r) => (r.contractStart && r.contractStart < m ? r.contractStart : m), data.asOf),
            end: dated.rows.reduce((m, r) => (r.contractEnd && r.contractEnd > m ? r.contractEnd : m), data.asOf),
            today: data.asOf,
            todayLabel: `today ${data.asOf}`,
            month: (iso) => iso.slice(0, 7),
            rows: dated.rows.map((r) => ({
              label: r.id,
              ...(r.contractStart ? { start: r.contractStart } : {}),
              ...(r.contractEnd ? { end: r.contractEnd } : {}),
              colour: BUCKET[r.bucket].colour,
              milestones: [],
              tooltip: `${r.name}: ends ${r.contractEnd} (${fmt.days(r.daysLeft)})`,
              ref: refOf(r),
            })),
            onOpen: ctx.open,
          }),
        table: () =>
          table(ctx, {
            caption: 'Partner contracts',
            rows,
            key: (r) => r.id,
            ref: refOf,
            rowClass: (r) => (r.bucket === 'expired' || r.bucket === 'expiring' ? 'flagged' : undefined),
            columns: [
              { header: 'Partner', cell: (r) => h('span', {}, h('strong', {}, r.id), ` ${r.name}`) },
              { header: 'Type', cell: (r) => label(r.type) },
              { header: 'Regions', cell: (r) => r.regions.map((x) => ctx.region(x)).join(', ') },
              { header: 'Tier', cell: (r) => r.tier ?? '–' },
              { header: 'Status', cell: (r) => label(r.status) },
              { header: 'Contract end', cell: (r) => r.contractEnd ?? '–' },
              { header: 'Ends', cell: (r) => (r.contractEnd ? fmt.days(r.daysLeft) : '–') },
              { header: 'Value', cell: (r) => fmt.currency(r.value, r.currency), numeric: true },
              { header: 'Contract', cell: (r) => pill(BUCKET[r.bucket].text, BUCKET[r.bucket].colour, BUCKET[r.bucket].symbol) },
            ],
          }),
      }),
    );
    out.push(countChart(ctx, 'partners-type', 'Partners by type', count((r) => [r.type ?? '(none)']), label));
    out.push(countChart(ctx, 'partners-region', 'Partners by region', count((r) => (r.regions.length ? r.regions : ['(none)'])), (k) => ctx.region(k)));
    out.push(countChart(ctx, 'partners-tier', 'Partners by tier', count((r) => [r.tier ?? '(none)']), (k) => `tier ${k}`));
    return out;
  },
};
