import { strict as assert } from 'node:assert';
import { contributorTrends, trendGroups, type KpiLink } from '../../src/core/dashboard/aggregate';
import { buildDashboard } from '../../src/core/dashboard/model';
import type { KpiTrend } from '../../src/core/dashboard/types';
import { openMem } from './memfs';
import { NOODLE } from './noodleStores';
import { TEA } from './teaChain';

async function dashboardOf(files: Record<string, string>, today: string) {
  const { workspace } = await openMem(files, { today });
  return buildDashboard(workspace);
}

const round = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 100) / 100);

describe('dashboard model: drill-down and small multiples (a noodle chain, three stores, fiscal years from April, as of 2026-07-15)', function () {
  this.timeout(20000);

  it('a store KPI carries its store and the store’s name; a regional KPI sums its stores month by month', async () => {
    const d = await dashboardOf(NOODLE, '2026-07-15');
    const byId = new Map(d.trends.map((t) => [t.id, t]));
    const md2 = byId.get('MD02-YYE') as KpiTrend;
    assert.deepEqual([md2.region, md2.store, md2.storeName, md2.source], ['QY-XN', 'MD-02', '太古里专柜', 'own']);
    // Fiscal keys FY2026-M01 … M03 are April … June.
    assert.deepEqual(
      md2.points.map((p) => [p.start, p.end, p.value, p.cumulative]),
      [
        ['2026-04-01', '2026-04-30', 80_000, 80_000],
        ['2026-05-01', '2026-05-31', 90_000, 170_000],
        ['2026-06-01', '2026-06-30', 70_000, 240_000],
      ],
    );
    const xn = byId.get('XN-YYE') as KpiTrend;
    assert.equal(xn.store, undefined);
    assert.equal(xn.storeName, undefined);
    // 春熙路店 100,000 / 110,000 / 120,000 + 太古里专柜 80,000 / 90,000 / 70,000.
    assert.deepEqual(
      xn.points.map((p) => [p.period, p.value, p.cumulative]),
      [
        ['2026-04', 180_000, 180_000],
        ['2026-05', 200_000, 380_000],
        ['2026-06', 190_000, 570_000],
      ],
    );
    // 570,000 in the 91 days April–June, over the 365 days of FY2026 = 2,286,263.74; of 2,400,000 = 95.26 %.
    assert.deepEqual([round(xn.forecast.value), round((xn.forecast.ratio ?? 0) * 100), xn.forecast.method], [2_286_263.74, 95.26, 'run-rate']);
  });

  it('drill-down: the company KPI’s contributors are the two regions, each with its own series; a region’s are its stores', async () => {
    const d = await dashboardOf(NOODLE, '2026-07-15');
    const byId = new Map(d.trends.map((t) => [t.id, t]));
    const company = byId.get('ZB-YYE') as KpiTrend;
    // 270,000 / 295,000 / 295,000 a month across the three stores.
    assert.deepEqual(
      company.points.map((p) => p.cumulative),
      [270_000, 565_000, 860_000],
    );
    const drill = contributorTrends(d.trends, company);
    assert.deepEqual(
      drill.map((c) => [c.id, c.trend?.region, c.trend?.points.map((p) => p.cumulative)]),
      [
        ['HB-YYE', 'QY-HB', [90_000, 185_000, 290_000]],
        ['XN-YYE', 'QY-XN', [180_000, 380_000, 570_000]],
      ],
    );
    // The contributors' last cumulative values add up to the company's.
    assert.equal(
      drill.reduce((s, c) => s + (c.trend?.points.at(-1)?.cumulative ?? 0), 0),
      860_000,
    );
    assert.deepEqual(
      contributorTrends(d.trends, byId.get('XN-YYE') as KpiTrend).map((c) => [c.id, c.trend?.storeName, round(c.trend?.forecast.value)]),
      [
        // 330,000 × 365 / 91 and 240,000 × 365 / 91.
        ['MD01-YYE', '春熙路店', 1_323_626.37],
        ['MD02-YYE', '太古里专柜', 962_637.36],
      ],
    );
  });

  it('a contributor without figures by period is listed without a series', () => {
    const t = { id: 'A', contributors: [] } as unknown as KpiTrend;
    assert.deepEqual(contributorTrends([t], { contributors: ['A', 'B'] }), [{ id: 'A', trend: t }, { id: 'B' }]);
  });

  it('small multiples: revenue by region and by store under the company KPI (through two levels of contributes_to); the unlinked repeat rate by its shared metric', async () => {
    const d = await dashboardOf(NOODLE, '2026-07-15');
    const groups = trendGroups(d.trends, d.kpi.rows);
    assert.deepEqual(
      groups.map((g) => [g.key, g.root, g.metric, g.unit, g.regions.map((t) => t.id), g.stores.map((t) => t.id)]),
      [
        ['ZB-YYE', 'ZB-YYE', '营业额', 'CNY', ['HB-YYE', 'XN-YYE'], ['MD03-YYE', 'MD01-YYE', 'MD02-YYE']],
        ['复购率 · %', undefined, '复购率', '%', [], ['MD03-FG', 'MD01-FG', 'MD02-FG']],
      ],
    );
    // Same metric, the stores as they are (levels, not summed): 40/41/39, 30/32/34, 28/27/29.
    assert.deepEqual(
      groups[1]?.stores.map((t) => [t.storeName, t.additive, t.points.map((p) => p.value)]),
      [
        ['三里屯店', false, [40, 41, 39]],
        ['春熙路店', false, [30, 32, 34]],
        ['太古里专柜', false, [28, 27, 29]],
      ],
    );
  });

  it('on the tea chain: cups by region under the company KPI; single KPIs (satisfaction, complaints) make no group', async () => {
    const d = await dashboardOf(TEA, '2026-08-20');
    assert.deepEqual(
      trendGroups(d.trends, d.kpi.rows).map((g) => [g.key, g.metric, g.regions.map((t) => [t.id, t.region, t.points.at(-1)?.cumulative]), g.stores.length]),
      [
        [
          'K-CUPS',
          '售出杯数',
          [
            ['HD-CUPS', 'R-HD', 200_000],
            ['HN-CUPS', 'R-HN', 99_000],
          ],
          0,
        ],
      ],
    );
  });

  it('a contributes_to cycle ends at the KPI where it closes, without hanging', () => {
    const trend = (id: string, contributesTo: string) =>
      ({ id, metric: id, unit: 'CNY', region: `R-${id}`, contributesTo, contributors: [] }) as unknown as KpiTrend;
    const links: KpiLink[] = [
      { id: 'A', metric: 'a', level: 'region', contributesTo: 'B' },
      { id: 'B', metric: 'b', level: 'region', contributesTo: 'A' },
    ];
    assert.deepEqual(
      trendGroups([trend('A', 'B'), trend('B', 'A')], links).map((g) => [g.key, g.regions.map((t) => t.id)]),
      [],
    );
    const groups = trendGroups([trend('A', 'B'), trend('B', 'A'), trend('C', 'A')], [...links, { id: 'C', metric: 'c', level: 'region', contributesTo: 'A' }]);
    // C → A → B, and B → A closes the loop: C and A end at B, B (ending at A) stands alone.
    assert.deepEqual(
      groups.map((g) => [g.key, g.regions.map((t) => t.id)]),
      [['B', ['A', 'C']]],
    );
  });
});
