import * as l10n from '@vscode/l10n';
import { barChart, type Colour } from '../charts';
import { label } from '../format';
import { named, optionsOf, passes, refOf, section, stats, table, type TabDef } from '../ui';

const POSITION_COLOUR: Record<'below' | 'par' | 'above', Colour> = { below: 'orange', par: 'blue', above: 'purple' };
const positionText = (p: 'below' | 'par' | 'above' | undefined): string =>
  p === 'below' ? l10n.t('prices below ours') : p === 'par' ? l10n.t('prices at par') : p === 'above' ? l10n.t('prices above ours') : '–';

/** Market: competitors by region and price position, beside our own stores. */
export const marketTab: TabDef = {
  id: 'market',
  get label() {
    return l10n.t('Market');
  },
  filters: (d) => [
    {
      key: 'region',
      label: l10n.t('Region'),
      options: optionsOf(
        d.market.regions.map((r) => r.region),
        (v) => d.regions.find((x) => x.id === v)?.name ?? v,
      ),
    },
    {
      key: 'type',
      label: l10n.t('Segment'),
      options: optionsOf(
        d.market.competitors.map((c) => c.segment),
        label,
      ),
    },
  ],
  badge: () => 0,
  render(ctx) {
    const { fmt, filters, data } = ctx;
    const competitors = data.market.competitors.filter((c) => passes({ type: filters.type, region: filters.region }, { region: c.regions, type: c.segment }));
    const ids = new Set(competitors.map((c) => c.id));
    const regions = data.market.regions.filter((r) => filters.region === undefined || r.region === filters.region);
    const own = regions.reduce((n, r) => n + r.ownOpen, 0);
    const theirs = regions.reduce((n, r) => n + Object.entries(r.competitors).reduce((m, [id, k]) => m + (ids.has(id) ? k : 0), 0), 0);
    const out: Node[] = [
      stats([
        { label: l10n.t('Competitors'), value: fmt.number(competitors.length) },
        { label: l10n.t('Our open stores'), value: fmt.number(own) },
        { label: l10n.t('Competitors’ stores'), value: fmt.number(theirs) },
      ]),
    ];
    out.push(
      section(ctx, {
        id: 'market-regions',
        title: l10n.t('Stores by region: ours and competitors’'),
        legend: [
          { colour: 'green', label: l10n.t('our open stores') },
          ...(['below', 'par', 'above'] as const).map((p) => ({ colour: POSITION_COLOUR[p], label: positionText(p) })),
        ],
        chart: () =>
          barChart({
            title: l10n.t('Stores by region: ours and competitors’'),
            desc: regions.map((r) => l10n.t('{0}: {1} of ours open, {2} planned', ctx.region(r.region), r.ownOpen, r.ownPlanned)).join('; '),
            tick: (v) => fmt.number(v),
            rows: regions.map((r) => ({
              label: ctx.region(r.region),
              value: l10n.t('{0} ours, {1} theirs', fmt.number(r.ownOpen), fmt.number(competitors.reduce((n, c) => n + (r.competitors[c.id] ?? 0), 0))),
              bars: [
                [{ value: r.ownOpen, colour: 'green' as Colour }],
                competitors.map((c) => ({ value: r.competitors[c.id] ?? 0, colour: c.pricePosition ? POSITION_COLOUR[c.pricePosition] : ('grey' as Colour) })),
              ],
            })),
          }),
        table: () =>
          table(ctx, {
            caption: l10n.t('Stores by region'),
            rows: regions,
            key: (r) => r.region,
            ref: () => undefined,
            columns: [
              { header: l10n.t('Region'), cell: (r) => ctx.region(r.region) },
              { header: l10n.t('Our open stores'), cell: (r) => fmt.number(r.ownOpen), numeric: true },
              { header: l10n.t('Planned'), cell: (r) => fmt.number(r.ownPlanned), numeric: true },
              {
                header: l10n.t('By channel'),
                cell: (r) =>
                  Object.entries(r.byChannel)
                    .map(([c, n]) => `${label(c)} ${fmt.number(n)}`)
                    .join(', ') || '–',
              },
              {
                header: l10n.t('Competitors’ stores'),
                cell: (r) =>
                  competitors
                    .map((c) => (r.competitors[c.id] ? `${c.name} ${fmt.number(r.competitors[c.id])}` : ''))
                    .filter(Boolean)
                    .join(', ') || '–',
              },
            ],
          }),
      }),
    );
    out.push(
      section(ctx, {
        id: 'market-competitors',
        title: l10n.t('Competitors'),
        table: () =>
          table(ctx, {
            caption: l10n.t('Competitors'),
            rows: competitors,
            key: (c) => c.id,
            ref: refOf,
            empty: l10n.t('No competitors are recorded (market/competitors/).'),
            columns: [
              { header: l10n.t('Competitor'), cell: (c) => named(c.name, c.id) },
              { header: l10n.t('Segment'), cell: (c) => label(c.segment) },
              { header: l10n.t('Price position'), cell: (c) => positionText(c.pricePosition) },
              { header: l10n.t('Regions'), cell: (c) => c.regions.map((r) => ctx.region(r)).join(', ') || '–' },
              { header: l10n.t('Stores'), cell: (c) => fmt.number(Object.values(c.stores).reduce((n, k) => n + k, 0)), numeric: true },
              { header: l10n.t('Watch'), cell: (c) => c.watch.join('; ') || '–' },
            ],
          }),
      }),
    );
    return out;
  },
};
