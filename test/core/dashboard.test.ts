import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { buildDashboard } from '../../src/core/dashboard/model';
import type { DashboardData } from '../../src/core/dashboard/types';
import { openWorkspace } from '../../src/core/engine';
import type { WorkspaceFileSystem } from '../../src/core/host';
import type { OpsbookWorkspace as Workspace } from '../../src/core/index';
import { builtinPacks } from '../../src/node/host';

const REPO = path.resolve(__dirname, '../..');
const SAMPLE = path.join(REPO, 'samples/lumen-oak');
const TODAY = '2026-06-15';

/** The sample's files in memory, so a test can change one without touching the disk. */
function sampleFiles(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(SAMPLE, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(SAMPLE, r)).isDirectory()) walk(r);
      else out.set(r, readFileSync(path.join(SAMPLE, r), 'utf8'));
    }
  };
  walk('');
  return out;
}

async function open(files: Map<string, string> = sampleFiles()): Promise<Workspace> {
  const fs: WorkspaceFileSystem = {
    listFiles: async (exclude) => [...files.keys()].filter((p) => !exclude(p)),
    readFile: async (p) => files.get(p),
  };
  const { workspace, configProblems } = await openWorkspace({ fs, builtinPacks: builtinPacks(path.join(REPO, 'schemas')), clock: () => TODAY, today: TODAY });
  assert.deepEqual(configProblems, []);
  return workspace;
}

const kpi = (d: DashboardData, id: string) => d.kpi.rows.find((r) => r.id === id) ?? assert.fail(`no KPI ${id}`);
const near = (actual: number | undefined, expected: number, eps = 1e-9) =>
  assert.ok(actual !== undefined && Math.abs(actual - expected) < eps, `${actual} ≈ ${expected}`);

describe('dashboard data model (samples/lumen-oak as of 2026-06-15)', () => {
  let ws: Workspace;
  let d: DashboardData;
  before(async () => {
    ws = await open();
    d = buildDashboard(ws, { title: 'lumen-oak', generatedAt: '2026-06-15T08:00:00.000Z' });
  });

  it('is versioned plain JSON evaluated at the workspace date', () => {
    assert.equal(d.version, 1);
    assert.equal(d.asOf, TODAY);
    assert.equal(d.currency, 'CNY');
    assert.deepEqual(JSON.parse(JSON.stringify(d)), d);
    assert.deepEqual(buildDashboard(ws, { title: 'lumen-oak', generatedAt: '2026-06-15T08:00:00.000Z' }), d);
    assert.deepEqual(
      d.regions.map((r) => r.id),
      ['RGN-EAST', 'RGN-HQ', 'RGN-NORTH', 'RGN-SOUTH'],
    );
  });

  it('computes KPI attainment and pace against the elapsed share of the year', () => {
    const rev = kpi(d, 'KPI-CO-REVENUE');
    assert.equal(rev.target, 360_000_000);
    assert.equal(rev.actual, 167_000_000);
    near(rev.attainment, 167 / 360);
    near(rev.elapsed, 166 / 365); // 1 Jan – 15 Jun inclusive
    near(rev.expected, 166 / 365);
    assert.equal(rev.pace, 'on-track');
    assert.equal(rev.currency, 'CNY');
    assert.equal(rev.level, 'company');
    assert.equal(kpi(d, 'KPI-NORTH-REVENUE').pace, 'at-risk'); // 39.4 % against 45.5 % expected
    assert.equal(kpi(d, 'KPI-NORTH-NEW-STORES').pace, 'off-track');
    assert.equal(kpi(d, 'KPI-NORTH-NEW-STORES').attainment, 0);
    assert.equal(kpi(d, 'KPI-CO-TRAINING').pace, 'at-risk'); // a level KPI: 90 of 95 % expected in full
    assert.equal(kpi(d, 'KPI-CO-TRAINING').expected, 1);
    const ret = kpi(d, 'KPI-CO-RETURN-RATE'); // lower is better
    assert.equal(ret.direction, 'down');
    near(ret.attainment, 3.5 / 3.6);
    assert.equal(ret.pace, 'on-track');
  });

  it('rolls regional KPIs up into the company KPI', () => {
    const rev = kpi(d, 'KPI-CO-REVENUE');
    assert.deepEqual(rev.contributors, ['KPI-EAST-REVENUE', 'KPI-NORTH-REVENUE', 'KPI-SOUTH-REVENUE']);
    assert.equal(rev.contributorsTarget, 360_000_000);
    assert.equal(rev.contributorsActual, 167_000_000);
    const stores = kpi(d, 'KPI-CO-NEW-STORES');
    assert.equal(stores.contributorsTarget, 9);
    assert.equal(stores.contributorsActual, 4);
    assert.equal(kpi(d, 'KPI-EAST-REVENUE').contributesTo, 'KPI-CO-REVENUE');
    assert.equal(kpi(d, 'KPI-EAST-REVENUE').level, 'region');
    assert.equal(kpi(d, 'KPI-CO-RETURN-RATE').contributorsTarget, undefined); // % does not add up
  });

  it('summarises KPI pace per plan (region and period)', () => {
    assert.deepEqual(d.kpi.periods, ['2026']);
    const north = d.kpi.plans.find((p) => p.plan === 'PLN-2026-NORTH');
    assert.deepEqual(
      { kpis: north?.kpis, onTrack: north?.onTrack, atRisk: north?.atRisk, offTrack: north?.offTrack, region: north?.region },
      { kpis: 4, onTrack: 0, atRisk: 3, offTrack: 1, region: 'RGN-NORTH' },
    );
    const east = d.kpi.plans.find((p) => p.plan === 'PLN-2026-EAST');
    assert.equal(east?.onTrack, 5);
    assert.equal(d.kpi.rows.length, 20);
  });

  it('compares plan budget, allocation and spend, with sub-plan roll-ups', () => {
    const east = d.budget.plans.find((p) => p.plan === 'PLN-2026-EAST');
    assert.deepEqual([east?.budget, east?.allocated, east?.spent, east?.parent], [7_500_000, 4_480_000, 2_290_000, 'PLN-2026-COMPANY']);
    const co = d.budget.plans.find((p) => p.plan === 'PLN-2026-COMPANY');
    assert.deepEqual([co?.budget, co?.allocated, co?.spent], [24_000_000, 5_050_000, 1_725_000]);
    assert.equal(co?.rollupAllocated, 5_050_000 + 4_480_000 + 2_570_000 + 4_620_000);
    assert.equal(co?.rollupSpent, 1_725_000 + 2_290_000 + 377_700 + 4_008_500);
    assert.ok(d.budget.plans.every((p) => !p.overAllocated && !p.overSpent));
    const north = d.budget.regions.find((r) => r.region === 'RGN-NORTH');
    assert.deepEqual([north?.budget, north?.allocated, north?.spent, north?.expenses, north?.currency], [4_500_000, 2_570_000, 377_700, 342_700, 'CNY']);
  });

  it('flags PRJ-SOUTH-COBRAND-POPUP as the one project over budget', () => {
    const over = d.budget.projects.filter((p) => p.overBudget);
    assert.deepEqual(
      over.map((p) => p.project),
      ['PRJ-SOUTH-COBRAND-POPUP'],
    );
    assert.deepEqual(
      [over[0]?.budget, over[0]?.spent, over[0]?.spentSource, over[0]?.expenseCount, over[0]?.plan, over[0]?.initiative],
      [650_000, 720_000, 'declared', 3, 'PLN-2026-SOUTH', 'INI-SOUTH-COBRAND'],
    );
  });

  it('puts projects and milestones on a timeline with overdue flags', () => {
    assert.deepEqual([d.timeline.start, d.timeline.end], ['2025-11-01', '2026-12-15']);
    assert.equal(d.timeline.projects.length, 12);
    const overdue = d.timeline.projects.filter((p) => p.overdue);
    assert.deepEqual(
      overdue.map((p) => p.id),
      ['PRJ-NORTH-SANLITUN-WINDOWS'],
    );
    assert.equal(overdue[0]?.daysToDue, -15);
    assert.deepEqual(
      overdue[0]?.milestones.map((m) => [m.id, m.done, m.overdue]),
      [
        ['MS-SANLITUN-CONCEPT', true, false],
        ['MS-SANLITUN-WINDOWS', true, false],
        ['MS-SANLITUN-ROOMSETS', false, true],
      ],
    );
    const qianhai = d.timeline.projects.find((p) => p.id === 'PRJ-SOUTH-QIANHAI-FLAGSHIP');
    assert.deepEqual([qianhai?.done, qianhai?.overdue, qianhai?.milestonesDone], [true, false, 4]);
  });

  it('buckets partner contracts: PTN-MED-PETAL expires within 60 days', () => {
    assert.equal(d.partners.expiringDays, 60);
    assert.deepEqual(d.partners.buckets, { expired: 0, expiring: 1, active: 22, 'no-contract': 0, inactive: 5 });
    const petal = d.partners.rows.find((r) => r.id === 'PTN-MED-PETAL');
    assert.deepEqual([petal?.bucket, petal?.contractEnd, petal?.daysLeft, petal?.tier], ['expiring', '2026-07-31', 46, 'A']);
    assert.deepEqual(
      d.partners.byType.find((c) => c.key === 'media'),
      { key: 'media', total: 4, active: 1, expiring: 1, expired: 0, inactive: 2, file: 'partners/media.yaml', line: 36 },
    );
    assert.deepEqual(
      d.partners.byTier.map((c) => [c.key, c.total]),
      [
        ['A', 12],
        ['B', 13],
        ['C', 3],
      ],
    );
    assert.equal(d.partners.byRegion.find((c) => c.key === 'RGN-EAST')?.expiring, 1);
  });

  it('takes the expiry window from the partner/contract-expiring rule option', async () => {
    const files = sampleFiles();
    files.set('opsbook.yaml', `${files.get('opsbook.yaml')}\nrules:\n  partner/contract-expiring: { severity: info, days: 30 }\n`);
    const short = buildDashboard(await open(files));
    assert.equal(short.partners.expiringDays, 30);
    assert.equal(short.partners.rows.find((r) => r.id === 'PTN-MED-PETAL')?.bucket, 'active');
    assert.equal(short.partners.buckets.expiring, 0);
  });

  it('lists SKU-1003, SKU-2009 and SKU-3002 below their reorder points', () => {
    const below = d.inventory.rows.filter((r) => r.below);
    assert.deepEqual(
      below.map((r) => [r.sku, r.region, r.onHand, r.reorderPoint, r.max, r.shortfall]),
      [
        ['SKU-1003', 'RGN-EAST', 2, 4, 10, 2],
        ['SKU-2009', 'RGN-NORTH', 9, 12, 60, 3],
        ['SKU-3002', 'RGN-SOUTH', 5, 8, 30, 3],
      ],
    );
    assert.deepEqual([below[0]?.file, below[0]?.line, below[0]?.name], ['inventory/east.yaml', 9, 'Dune modular sofa, boucle, 4 modules']);
    assert.deepEqual(
      d.inventory.regions.map((r) => [r.region, r.skus, r.below]),
      [
        ['RGN-EAST', 15, 1],
        ['RGN-NORTH', 13, 1],
        ['RGN-SOUTH', 14, 1],
      ],
    );
  });

  it('finds the training gaps of PER-SONG-JIA and PER-FENG-RUI, per region and role', () => {
    assert.deepEqual(
      d.training.gaps.map((g) => [g.person, g.course, g.reason, g.lastCompleted]),
      [
        ['PER-FENG-RUI', 'CRS-SAFE-110', 'below-pass', '2026-02-25'],
        ['PER-SONG-JIA', 'CRS-PROD-201', 'expired', '2025-04-20'],
      ],
    );
    assert.deepEqual(d.training.total, { people: 22, compliant: 20, rate: 20 / 22 });
    const cell = d.training.cells.find((c) => c.region === 'RGN-NORTH' && c.role === 'store-manager');
    assert.deepEqual([cell?.people, cell?.compliant, cell?.required, cell?.valid, cell?.rate], [2, 1, 10, 9, 0.5]);
    assert.equal(cell?.line, d.training.people.find((p) => p.person === 'PER-SONG-JIA')?.line); // the cell opens the person with the gap
  });

  it('agrees with the training/missing-required rule, at the same lines', () => {
    const diags = ws.diagnostics().filter((x) => x.ruleId === 'training/missing-required');
    assert.deepEqual(
      d.training.gaps.map((g) => `${g.file}:${g.line} ${g.person} ${g.course}`).sort(),
      diags.map((x) => `${x.file}:${x.range.start.line} ${x.entity} ${/required course (\S+)/.exec(x.message)?.[1]}`).sort(),
    );
  });

  it('reports workspace health: diagnostics by rule and kind, documents by status and due', () => {
    assert.deepEqual(d.health.summary, { errors: 0, warnings: 7, infos: 1 });
    assert.equal(d.health.diagnosticsTotal, 8);
    assert.deepEqual(
      d.health.byRule.map((r) => [r.ruleId, r.count]),
      [
        ['inventory/below-reorder', 3],
        ['training/missing-required', 2],
        ['project/over-budget', 1],
        ['project/overdue', 1],
        ['partner/contract-expiring', 1],
      ],
    );
    assert.deepEqual([d.health.byRule[0]?.file, d.health.byRule[0]?.line], ['inventory/east.yaml', 9]); // a group opens its first member
    assert.deepEqual(
      d.health.byKind.map((k) => [k.kind, k.warnings + k.infos]),
      [
        ['inventory', 3],
        ['partner', 1],
        ['person', 2],
        ['project', 2],
      ],
    );
    assert.equal(d.health.documentsByStatus.find((x) => x.kind === 'standard' && x.status === 'approved')?.count, 5);
    assert.equal(d.health.documentsByStatus.find((x) => x.kind === 'brand' && x.status === 'draft')?.count, 1);
    assert.deepEqual(
      d.health.documents.filter((x) => x.flags.length).map((x) => [x.id, x.flags]),
      [
        ['STD-INV-005', ['effective-unapproved']],
        ['BRD-VOICE', ['effective-unapproved']],
      ],
    );
  });

  it('never flags a retired document as review-overdue (as the Documents view)', async () => {
    const files = sampleFiles();
    const retire = (file: string) => (files.get(file) ?? assert.fail(`no ${file}`)).replace(/^review_due: .*$/m, 'review_due: 2026-01-01');
    files.set(
      'standards/STD-MALL-006-mall-counter-rules.md',
      retire('standards/STD-MALL-006-mall-counter-rules.md').replace(/^status: approved$/m, 'status: retired'),
    );
    files.set('standards/STD-SVC-001-customer-service.md', retire('standards/STD-SVC-001-customer-service.md'));
    const docs = buildDashboard(await open(files)).health.documents;
    assert.equal(docs.find((x) => x.id === 'STD-MALL-006')?.status, 'retired');
    assert.deepEqual(docs.find((x) => x.id === 'STD-MALL-006')?.flags, []);
    assert.deepEqual(docs.find((x) => x.id === 'STD-SVC-001')?.flags, ['review-overdue']);
  });

  it('points every row at the line that holds its id', () => {
    const lines = new Map<string, string[]>();
    const lineOf = (file: string, line: number) => {
      if (!lines.has(file)) lines.set(file, readFileSync(path.join(SAMPLE, file), 'utf8').split('\n'));
      return lines.get(file)?.[line - 1] ?? '';
    };
    const rows: [string, { file: string; line: number }][] = [
      ...d.kpi.rows.map((r) => [r.id, r] as [string, typeof r]),
      ...d.budget.plans.map((r) => [r.plan, r] as [string, typeof r]),
      ...d.timeline.projects.map((r) => [r.id, r] as [string, typeof r]),
      ...d.timeline.projects.flatMap((p) => p.milestones.map((m) => [m.id, m] as [string, typeof m])),
      ...d.partners.rows.map((r) => [r.id, r] as [string, typeof r]),
      ...d.inventory.rows.map((r) => [r.sku, r] as [string, typeof r]),
      ...d.health.documents.map((r) => [r.id, r] as [string, typeof r]),
    ];
    assert.ok(rows.length > 150);
    for (const [id, ref] of rows) assert.ok(lineOf(ref.file, ref.line).includes(id), `${id} at ${ref.file}:${ref.line}: "${lineOf(ref.file, ref.line)}"`);
  });

  it('follows an edit of a KPI actual', () => {
    const files = sampleFiles();
    ws.setFile('plans/2026/north.yaml', (files.get('plans/2026/north.yaml') ?? '').replace('actual: 31500000', 'actual: 40000000'));
    const after = buildDashboard(ws);
    assert.equal(kpi(after, 'KPI-NORTH-REVENUE').actual, 40_000_000);
    assert.equal(kpi(after, 'KPI-NORTH-REVENUE').pace, 'on-track');
    assert.equal(kpi(after, 'KPI-CO-REVENUE').contributorsActual, 175_500_000);
    ws.setFile('plans/2026/north.yaml', files.get('plans/2026/north.yaml') ?? '');
  });
});
