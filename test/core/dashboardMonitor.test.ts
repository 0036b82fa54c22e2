import { strict as assert } from 'node:assert';
import { buildDashboard } from '../../src/core/dashboard/model';
import { openMem } from './memfs';
import { TEA } from './teaChain';

async function teaDashboard() {
  const { workspace } = await openMem(TEA, { today: '2026-08-20' });
  return buildDashboard(workspace);
}

describe('dashboard model: monitoring (a tea chain, fiscal years from April, as of 2026-08-20)', function () {
  this.timeout(20000);

  it('trends: one per KPI with a series, cumulative for cups and money, as they are for a level, with the tree’s forecast', async () => {
    const d = await teaDashboard();
    assert.deepEqual(
      d.trends.map((t) => [t.id, t.source, t.additive, t.points.length]),
      [
        ['K-CUPS', 'contributors', true, 4],
        ['K-REV', 'own', true, 4],
        ['HD-CUPS', 'own', true, 4],
        ['HD-CSAT', 'own', false, 4],
        ['HN-CUPS', 'own', true, 5],
        ['HN-KS', 'own', true, 4],
      ],
    );
    const cups = d.trends[0]!;
    assert.deepEqual([cups.period, cups.start, cups.end, cups.target], ['FY2026', '2026-04-01', '2027-03-31', 1_000_000]);
    // HD 50,000 + HN 20,000 / 22,000 / 25,000 / 23,000 a month; August is left out until HD reports it.
    assert.deepEqual(
      cups.points.map((p) => [p.period, p.value, p.cumulative]),
      [
        ['FY2026-M01', 70_000, 70_000],
        ['FY2026-M02', 72_000, 142_000],
        ['FY2026-M03', 75_000, 217_000],
        ['FY2026-M04', 73_000, 290_000],
      ],
    );
    assert.deepEqual(cups.contributors, ['HD-CUPS', 'HN-CUPS']);
    assert.equal(Math.round(cups.forecast.value * 100) / 100, 867_622.95);
    assert.equal(cups.forecast.method, 'run-rate');
    const csat = d.trends.find((t) => t.id === 'HD-CSAT')!;
    assert.deepEqual(
      csat.points.map((p) => [p.value, p.cumulative]),
      [
        [86, undefined],
        [87, undefined],
        [88, undefined],
        [89, undefined],
      ],
    );
    assert.deepEqual([csat.forecast.value, csat.forecast.method, csat.forecast.trend], [97, 'trend', 'up']);
    assert.equal(d.trends.find((t) => t.id === 'HN-CUPS')?.region, 'R-HN');
  });

  it('burn: spent and expected month by month per plan, and how far ahead', async () => {
    const d = await teaDashboard();
    assert.deepEqual(
      d.burn.map((b) => [b.plan, b.method, b.spent, Math.round(b.aheadPoints * 10) / 10]),
      [
        ['PL-FY26', 'phasing', 510_000, 3.7],
        ['PL-HD', 'phasing', 290_000, 1.7],
        ['PL-HN', 'elapsed', 220_000, 16.1],
      ],
    );
    const hd = d.burn[1]!;
    // Phasing 30/30/20/20 by fiscal quarter, each quarter's share spread over its days: end of
    // April 180,000 × 30/91, end of June 180,000, end of July 180,000 + 180,000 × 31/92.
    assert.deepEqual(
      hd.months.slice(0, 5).map((m) => [m.month, m.spent, m.cumulative, Math.round(m.expected)]),
      [
        ['2026-04', 150_000, 150_000, Math.round((180_000 * 30) / 91)],
        ['2026-05', 0, 150_000, Math.round((180_000 * 61) / 91)],
        ['2026-06', 100_000, 250_000, 180_000],
        ['2026-07', 40_000, 290_000, Math.round(180_000 + (180_000 * 31) / 92)],
        ['2026-08', 0, 290_000, Math.round(180_000 + (180_000 * 62) / 92)],
      ],
    );
  });

  it('people: the latest assessment and its due date per person (6 months here), and bench strength by role', async () => {
    const d = await teaDashboard();
    assert.equal(d.people.assessed, true);
    assert.equal(d.people.assessmentMonths, 6);
    assert.deepEqual(
      d.people.assessments.map((a) => [a.person, a.lastPeriod, a.lastEnd, a.due, a.overdue]),
      [
        ['E01', 'FY2025-H2', '2026-03-31', '2026-09-30', false],
        ['E02', 'FY2025-H2', '2026-03-31', '2026-09-30', false],
        ['E03', 'FY2025-H2', '2026-03-31', '2026-09-30', false],
        ['E04', '2026-Q1', '2026-03-31', '2026-09-30', false],
        ['E05', 'FY2025-H1', '2025-09-30', '2026-03-30', true],
        ['E06', 'FY2025-H2', '2026-03-31', '2026-09-30', false],
      ],
    );
    // Key roles first (succession/gap roles: 区域经理, 店长); 可接任 is an alias of ready.
    assert.deepEqual(
      d.people.bench.map((b) => [b.role, b.key, b.holders, b.withReady, b.withLater, b.withNone]),
      [
        ['区域经理', true, 2, 1, 1, 0],
        ['店长', true, 2, 1, 0, 1],
        ['总经理', false, 1, 0, 0, 1],
        ['茶饮师', false, 1, 0, 0, 1],
      ],
    );
  });

  it('market: competitors with price position and stores, beside own open and planned stores per region', async () => {
    const d = await teaDashboard();
    assert.deepEqual(
      d.market.competitors.map((c) => [c.id, c.name, c.pricePosition, c.stores, c.watch]),
      [['JP-01', '喜茶', 'above', { 'R-HD': 40, 'R-HN': 25 }, ['商场新店', '降价']]],
    );
    assert.deepEqual(d.market.regions, [
      { region: 'R-HD', ownOpen: 1, ownPlanned: 1, byChannel: { flagship: 1 }, competitors: { 'JP-01': 40 } },
      { region: 'R-HN', ownOpen: 1, ownPlanned: 0, byChannel: { 'mall-counter': 1 }, competitors: { 'JP-01': 25 } },
    ]);
  });

  it('a workspace without assessments has none overdue, and without series or budgets no trends or burn', async () => {
    const { workspace } = await openMem({
      'org/people.yaml': 'people:\n  - { id: P1, name: 甲, role: 店长 }\n',
      'plans/p.yaml':
        'id: PL\ntitle: 计划\nperiod: "2026"\nowner: P1\nstatus: draft\nobjectives:\n  - id: O\n    title: 目标\n    kpis:\n      - { id: K, metric: 销量, unit: 杯, target: 10, actual: 4 }\n',
    });
    const d = buildDashboard(workspace);
    assert.deepEqual([d.trends, d.burn, d.people.assessed, d.people.assessments[0]?.overdue], [[], [], false, false]);
  });
});
