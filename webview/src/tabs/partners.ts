import * as l10n from '@vscode/l10n';
import type { ContractBucket, PartnerCount } from '../../../src/core/dashboard/types';
import { barChart, ganttChart, type Colour } from '../charts';
import { label } from '../format';
import { contractBuckets, partnerCounts } from '../../../src/core/dashboard/aggregate';
import { titled } from '../../../src/core/format/words';
import { chartRows, named, optionsOf, passes, pill, refOf, section, stats, table, type Ctx, type TabDef } from '../ui';

const BUCKET_STYLE: Record<ContractBucket, { colour: Colour; symbol: string }> = {
  expired: { colour: 'red', symbol: '✖' },
  expiring: { colour: 'yellow', symbol: '⚠' },
  active: { colour: 'green', symbol: '✔' },
  'no-contract': { colour: 'blue', symbol: '○' },
  inactive: { colour: 'grey', symbol: '–' },
};

/** A contract bucket in words, in the display language. */
function bucketText(b: ContractBucket): string {
  switch (b) {
    case 'expired':
      return l10n.t('expired');
    case 'expiring':
      return l10n.t('expiring');
    case 'active':
      return l10n.t('active');
    case 'no-contract':
      return l10n.t('active, no end date');
    case 'inactive':
      return l10n.t('not active');
  }
}

function countChart(ctx: Ctx, id: string, title: string, counts: PartnerCount[], name: (k: string) => string): HTMLElement {
  const { fmt } = ctx;
  return section(ctx, {
    id,
    title,
    legend: [
      { colour: 'green', label: l10n.t('active') },
      { colour: 'yellow', label: l10n.t('expiring') },
      { colour: 'red', label: l10n.t('expired') },
      { colour: 'grey', label: l10n.t('not active') },
    ],
    chart: () =>
      barChart({
        title,
        desc: counts
          .map((c) =>
            l10n.t(
              '{0}: {1} partners, {2} active, {3} expiring, {4} expired, {5} not active',
              name(c.key),
              c.total,
              c.active,
              c.expiring,
              c.expired,
              c.inactive,
            ),
          )
          .join('; '),
        tick: (v) => fmt.number(v),
        rows: counts.map((c) => ({
          label: name(c.key),
          value: l10n.t('{0} ({1} expiring)', fmt.number(c.total), fmt.number(c.expiring)),
          bars: [
            [
              { value: c.active, colour: 'green' },
              { value: c.expiring, colour: 'yellow' },
              { value: c.expired, colour: 'red' },
              { value: c.inactive, colour: 'grey' },
            ],
          ],
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
          { header: l10n.t('Group'), cell: (c) => name(c.key) },
          { header: l10n.t('Partners'), cell: (c) => fmt.number(c.total), numeric: true },
          { header: l10n.t('Active'), cell: (c) => fmt.number(c.active), numeric: true },
          { header: l10n.t('Expiring'), cell: (c) => fmt.number(c.expiring), numeric: true },
          { header: l10n.t('Expired'), cell: (c) => fmt.number(c.expired), numeric: true },
          { header: l10n.t('Not active'), cell: (c) => fmt.number(c.inactive), numeric: true },
        ],
      }),
  });
}

export const partnersTab: TabDef = {
  id: 'partners',
  get label() {
    return l10n.t('Partners');
  },
  filters: (d) => [
    {
      key: 'region',
      label: l10n.t('Region'),
      options: optionsOf(
        d.partners.rows.flatMap((p) => p.regions),
        (v) => d.regions.find((x) => x.id === v)?.name ?? v,
      ),
    },
    {
      key: 'type',
      label: l10n.t('Type'),
      options: optionsOf(
        d.partners.rows.map((p) => p.type),
        label,
      ),
    },
    {
      key: 'status',
      label: l10n.t('Contract'),
      options: (['expired', 'expiring', 'active', 'no-contract', 'inactive'] as const).map((b) => ({ value: b, label: bucketText(b) })),
    },
  ],
  badge: (d) => d.partners.buckets.expiring + d.partners.buckets.expired,
  render(ctx) {
    const { fmt, filters, data } = ctx;
    const p = data.partners;
    const rows = p.rows.filter((r) => passes(filters, { region: r.regions, type: r.type, status: r.bucket }));
    const buckets = contractBuckets(rows);
    const n = (b: ContractBucket) => buckets[b];
    const count = (keys: (r: (typeof rows)[number]) => string[]): PartnerCount[] => partnerCounts(rows, keys);
    const dated = chartRows(
      rows.filter((r) => r.contractEnd && r.bucket !== 'inactive'),
      l10n.t('active contracts'),
    );
    const out: Node[] = [
      stats([
        { label: l10n.t('Partners'), value: fmt.number(rows.length) },
        { label: l10n.t('Active'), value: fmt.number(n('active') + n('no-contract')), colour: 'green' },
        { label: l10n.t('Expiring within {0} days', p.expiringDays), value: fmt.number(n('expiring')), colour: 'yellow' },
        { label: l10n.t('Expired, still active'), value: fmt.number(n('expired')), colour: 'red' },
        { label: l10n.t('Not active'), value: fmt.number(n('inactive')) },
      ]),
    ];
    out.push(
      section(ctx, {
        id: 'partners-contracts',
        chartNote: dated.note,
        title: l10n.t('Contracts by end date'),
        note: l10n.t(
          "Active partners' contracts from start to end. Expiring: ending within {0} days of {1} (rule partner/contract-expiring). The table lists every partner.",
          p.expiringDays,
          fmt.longDate(data.asOf),
        ),
        legend: [
          { colour: 'green', label: l10n.t('active') },
          { colour: 'yellow', label: l10n.t('expiring within {0} days', p.expiringDays) },
          { colour: 'red', label: l10n.t('expired') },
        ],
        chart: () =>
          ganttChart({
            title: l10n.t('Partner contracts by end date'),
            desc: dated.rows.map((r) => l10n.t('{0} ends {1}, {2}', r.name || r.id, r.contractEnd ?? '?', bucketText(r.bucket))).join('; '),
            start: dated.rows.reduce((m, r) => (r.contractStart && r.contractStart < m ? r.contractStart : m), data.asOf),
            end: dated.rows.reduce((m, r) => (r.contractEnd && r.contractEnd > m ? r.contractEnd : m), data.asOf),
            today: data.asOf,
            todayLabel: l10n.t('today {0}', fmt.longDate(data.asOf)),
            month: (iso) => fmt.month(iso),
            rows: dated.rows.map((r) => ({
              label: r.name || r.id,
              ...(r.contractStart ? { start: r.contractStart } : {}),
              ...(r.contractEnd ? { end: r.contractEnd } : {}),
              colour: BUCKET_STYLE[r.bucket].colour,
              milestones: [],
              tooltip: l10n.t('{0}: ends {1} ({2})', titled(r.id, r.name), r.contractEnd ?? '?', fmt.days(r.daysLeft)),
              ref: refOf(r),
            })),
            onOpen: ctx.open,
          }),
        table: () =>
          table(ctx, {
            caption: l10n.t('Partner contracts'),
            rows,
            key: (r) => r.id,
            ref: refOf,
            rowClass: (r) => (r.bucket === 'expired' || r.bucket === 'expiring' ? 'flagged' : undefined),
            columns: [
              { header: l10n.t('Partner'), cell: (r) => named(r.name, r.id) },
              { header: l10n.t('Type'), cell: (r) => label(r.type) },
              { header: l10n.t('Regions'), cell: (r) => r.regions.map((x) => ctx.region(x)).join(', ') },
              { header: l10n.t('Tier'), cell: (r) => r.tier ?? '–' },
              { header: l10n.t('Status'), cell: (r) => label(r.status) },
              { header: l10n.t('Contract end'), cell: (r) => r.contractEnd ?? '–' },
              { header: l10n.t('Ends'), cell: (r) => (r.contractEnd ? fmt.days(r.daysLeft) : '–') },
              { header: l10n.t('Value'), cell: (r) => fmt.currency(r.value, r.currency), numeric: true },
              { header: l10n.t('Contract'), cell: (r) => pill(bucketText(r.bucket), BUCKET_STYLE[r.bucket].colour, BUCKET_STYLE[r.bucket].symbol) },
            ],
          }),
      }),
    );
    out.push(
      countChart(
        ctx,
        'partners-type',
        l10n.t('Partners by type'),
        count((r) => [r.type ?? '(none)']),
        label,
      ),
    );
    out.push(
      countChart(
        ctx,
        'partners-region',
        l10n.t('Partners by region'),
        count((r) => (r.regions.length ? r.regions : ['(none)'])),
        (k) => ctx.region(k),
      ),
    );
    out.push(
      countChart(
        ctx,
        'partners-tier',
        l10n.t('Partners by tier'),
        count((r) => [r.tier ?? '(none)']),
        (k) => l10n.t('tier {0}', k),
      ),
    );
    return out;
  },
};
