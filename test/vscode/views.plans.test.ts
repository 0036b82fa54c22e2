import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildPlansView, planEntityAt } from '../../src/vscode/views/planView';
import { findNode, type ViewNode } from '../../src/vscode/views/viewNode';
import { SAMPLE_KEY, SAMPLE_ROOT, inlineFolder, sampleFolder, sampleWorkspace } from './views.fixture';

async function plans(): Promise<ViewNode[]> {
  return buildPlansView([await sampleFolder()]);
}

async function row(id: string): Promise<ViewNode> {
  const node = findNode(await plans(), (n) => n.entity?.id === id);
  assert.ok(node, `no row for ${id}`);
  return node;
}

function allIds(nodes: readonly ViewNode[]): string[] {
  return nodes.flatMap((n) => [n.id, ...allIds(n.children)]);
}

const ONE_PLAN = `id: PLN-X
title: Extra plan
period: "2026"
status: draft
budget: { amount: 1000000, currency: EUR }
objectives:
  - id: OBJ-X
    title: Objective X
    kpis:
      - { id: KPI-X, metric: Sales X, unit: EUR, target: 500000, actual: 100000, direction: up }
      - { id: KPI-X, metric: Sales X again, unit: EUR, target: 1, actual: 1, direction: up }
    initiatives: []
`;

describe('Plans view', () => {
  it('should show the company plan as the root with the regional plans below it, titles first and ids in the description', async () => {
    const roots = await plans();
    assert.deepEqual(
      roots.map((r) => r.label),
      ['Lumen & Oak company plan 2026'],
    );
    const subPlans = (roots[0] as ViewNode).children.filter((c) => c.entity?.kind === 'plan');
    assert.deepEqual(
      subPlans.map((p) => [p.label, p.description]),
      [
        ['East China plan 2026', 'PLN-2026-EAST · 77.7% · CN¥7.5M budget · 4.5M allocated'],
        ['North China plan 2026', 'PLN-2026-NORTH · 50.9% · CN¥4.5M budget · 2.6M allocated'],
        ['South China plan 2026', 'PLN-2026-SOUTH · 79.7% · CN¥6M budget · 4.6M allocated'],
      ],
    );
  });

  it('should list a plan’s objectives before its sub-plans, and KPIs before initiatives', async () => {
    const company = (await plans())[0] as ViewNode;
    assert.deepEqual(
      company.children.map((c) => c.entity?.kind),
      ['objective', 'objective', 'objective', 'plan', 'plan', 'plan'],
    );
    const growth = await row('OBJ-EAST-REVENUE');
    assert.deepEqual(
      growth.children.map((c) => c.entity?.kind),
      ['kpi', 'kpi', 'kpi', 'initiative', 'initiative', 'initiative'],
    );
  });

  it('should describe a KPI as actual / target, attainment, forecast and pace', async () => {
    const kpi = await row('KPI-EAST-REVENUE');
    assert.equal(kpi.label, 'Retail net revenue, East China');
    // Monthly actuals January–May: 74.3M in 151 days, × 365 = 179.6M, 112 % of the target.
    assert.equal(kpi.description, 'CN¥74.3M / CN¥160M · 46.4% · forecast 112% ↗ · on track');
    assert.deepEqual(kpi.icon, { id: 'pass', color: 'testing.iconPassed' });
  });

  it('should write percentage KPIs with the % sign on the number', async () => {
    assert.equal((await row('KPI-EAST-RETURN-RATE')).description, '3% / 3.2% · 106.7% · on track');
  });

  it('should mark at-risk KPIs yellow and off-track KPIs red', async () => {
    const atRisk = await row('KPI-NORTH-REVENUE');
    assert.equal(atRisk.description, 'CN¥31.5M / CN¥80M · 39.4% · forecast 95% ↗ · at risk');
    assert.deepEqual(atRisk.icon, { id: 'warning', color: 'charts.yellow' });
    const offTrack = await row('KPI-NORTH-NEW-STORES');
    assert.equal(offTrack.description, '0 / 2 · 0.0% · off track');
    assert.deepEqual(offTrack.icon, { id: 'error', color: 'errorForeground' });
  });

  it('should tint an objective and its plan by their weakest KPI', async () => {
    const objective = await row('OBJ-NORTH-REVENUE');
    assert.equal(objective.description, '19.7% · 2 KPIs · 4 initiatives');
    assert.deepEqual(objective.icon, { id: 'target', color: 'errorForeground' });
    assert.deepEqual((await row('PLN-2026-NORTH')).icon, { id: 'project', color: 'errorForeground' });
    assert.deepEqual((await row('PLN-2026-EAST')).icon, { id: 'project' });
  });

  it('should describe an initiative with status, due date and budget', async () => {
    const ini = await row('INI-EAST-HUAIHAI-RENO');
    assert.equal(ini.label, 'Renovate the Shanghai Huaihai Road flagship');
    assert.equal(ini.description, 'in-progress · due 2026-08-31 · CN¥2.6M');
    assert.deepEqual(ini.icon, { id: 'play-circle' });
  });

  it('should mark an overdue initiative with a warning icon and the date it was due', async () => {
    const ini = await row('INI-NORTH-SANLITUN-WINDOWS');
    assert.equal(ini.description, 'in-progress · overdue since 2026-05-31 · CN¥400K');
    assert.deepEqual(ini.icon, { id: 'warning', color: 'list.warningForeground' });
  });

  it('should mark done initiatives with a check and blocked ones in red', async () => {
    assert.deepEqual((await row('INI-SOUTH-QIANHAI-OPEN')).icon, { id: 'check', color: 'charts.green' });
    assert.deepEqual((await row('INI-NORTH-TIANJIN-OPEN')).icon, { id: 'circle-slash', color: 'errorForeground' });
  });

  it('should flag an initiative that spent more than its budget', async () => {
    const ini = await row('INI-SOUTH-COBRAND');
    assert.equal(ini.description, 'in-progress · due 2026-07-31 · CN¥650K · over budget');
    assert.deepEqual(
      ini.tooltip?.rows.find(([k]) => k === 'Spent'),
      ['Spent', 'CN¥720,000 (over budget)'],
    );
  });

  it('should give a plan tooltip with the full figures', async () => {
    assert.deepEqual((await row('PLN-2026-EAST')).tooltip, {
      title: 'East China plan 2026 (PLN-2026-EAST)',
      rows: [
        ['Id', 'PLN-2026-EAST'],
        ['Region', 'RGN-EAST'],
        ['Period', '2026'],
        ['Status', 'approved'],
        ['Owner', 'PER-WANG-LEI'],
        ['Attainment', '77.7% (mean of objectives)'],
        ['Budget', 'CN¥7,500,000'],
        ['Allocated to initiatives', 'CN¥4,480,000'],
        ['Spent', 'CN¥2,290,000'],
        ['Burn', 'spent 28.7% of budget, 45.5% expected by time elapsed'],
        ['File', 'plans/2026/east.yaml:2'],
      ],
    });
  });

  it('should roll sub-plans’ money into the parent’s tooltip', async () => {
    const company = (await plans())[0] as ViewNode;
    assert.deepEqual(
      company.tooltip?.rows.find(([k]) => k === 'With sub-plans'),
      ['With sub-plans', 'allocated CN¥16,720,000, spent CN¥8,401,200'],
    );
  });

  it('should open every row at the line of its id', async () => {
    const ini = await row('INI-EAST-618');
    assert.deepEqual(ini.location, { folder: SAMPLE_KEY, file: 'plans/2026/east.yaml', line: 55 });
    const lines = readFileSync(path.join(SAMPLE_ROOT, 'plans/2026/east.yaml'), 'utf8').split('\n');
    assert.equal(lines[54]?.trim(), '- id: INI-EAST-618');
  });

  it('should keep row ids stable across rebuilds so expansion survives a refresh', async () => {
    assert.deepEqual(allIds(await plans()), allIds(await plans()));
    assert.equal((await row('KPI-EAST-NPS')).id, `${SAMPLE_KEY}#kpi:KPI-EAST-NPS`);
  });

  it('should expand top-level plans only', async () => {
    const company = (await plans())[0] as ViewNode;
    assert.equal(company.expanded, true);
    assert.equal(
      company.children.some((c) => c.expanded),
      false,
    );
  });

  it('should link rows to their parents for reveal', async () => {
    const kpi = await row('KPI-EAST-NPS');
    const chain: string[] = [];
    for (let n: ViewNode | undefined = kpi.parent; n; n = n.parent) chain.push(n.entity?.id ?? n.label);
    assert.deepEqual(chain, ['OBJ-EAST-SERVICE', 'PLN-2026-EAST', 'PLN-2026-COMPANY']);
  });

  it('should give duplicate ids distinct row ids and show a draft plan’s status', async () => {
    const roots = buildPlansView([await inlineFolder({ 'plans/x.yaml': ONE_PLAN })]);
    const ids = allIds(roots);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(
      ids.filter((i) => i.includes('#kpi:')),
      ['file:///work/inline#kpi:KPI-X', 'file:///work/inline#kpi:KPI-X~2'],
    );
    assert.equal(roots[0]?.description, 'PLN-X · draft · 60.0% · €1M budget');
  });

  it('should show one root per folder when several folders have plans', async () => {
    const roots = buildPlansView([await sampleFolder(), await inlineFolder({ 'plans/x.yaml': ONE_PLAN })]);
    assert.deepEqual(
      roots.map((r) => [r.label, r.description, r.id]),
      [
        ['lumen-oak', '4 plans', `${SAMPLE_KEY}#folder`],
        ['inline', '1 plan', 'file:///work/inline#folder'],
      ],
    );
    assert.equal(roots[1]?.children[0]?.label, 'Extra plan');
  });

  it('should not add a folder root when only one folder has plans', async () => {
    const roots = buildPlansView([await sampleFolder(), await inlineFolder({ 'org/courses.yaml': 'courses:\n  - { id: CRS-1, title: One }\n' })]);
    assert.deepEqual(
      roots.map((r) => r.entity?.id),
      ['PLN-2026-COMPANY'],
    );
  });

  it('should be empty when there are no plans, so the welcome text shows', async () => {
    assert.deepEqual(buildPlansView([await inlineFolder({ 'org/courses.yaml': 'courses: []\n' })]), []);
  });

  it('should find the plan entry under the cursor for reveal', async () => {
    const ws = await sampleWorkspace();
    assert.equal(planEntityAt(ws, 'plans/2026/east.yaml', 1), undefined);
    assert.equal(planEntityAt(ws, 'plans/2026/east.yaml', 10)?.id, 'PLN-2026-EAST');
    assert.equal(planEntityAt(ws, 'plans/2026/east.yaml', 14)?.id, 'OBJ-EAST-REVENUE');
    assert.equal(planEntityAt(ws, 'plans/2026/east.yaml', 57)?.id, 'INI-EAST-618');
    assert.equal(planEntityAt(ws, 'org/people.yaml', 10), undefined);
  });
});

describe('Plans view: forecasts and burn', () => {
  const SERIES_PLAN = `id: 计划-26
title: 2026 财年计划
period: FY2026
status: approved
budget: { amount: 400000, currency: CNY }
objectives:
  - id: 目标-1
    title: 杯量
    kpis:
      - id: 杯量-华南
        metric: 售出杯数
        unit: 杯
        target: 400000
        actuals: { 2026-04: 20000, 2026-05: 22000, 2026-06: 15000 }
`;
  const files = {
    'opsbook.yaml': 'fiscalYearStart: 4\nvocabularies:\n  additive-units: { add: [杯] }\n',
    'plans/fy26.yaml': SERIES_PLAN,
  };

  it('should show a KPI’s forecast ratio and trend arrow next to its attainment, and the method in the tooltip', async () => {
    const roots = buildPlansView([await inlineFolder(files)]);
    const kpi = findNode(roots, (n) => n.entity?.id === '杯量-华南');
    assert.ok(kpi);
    // On 2026-06-15 (the fixture's date), June is month-to-date: 57,000 in the 76 days since April 1, × 365.
    assert.equal(kpi.description, '57K 杯 / 400K 杯 · 14.3% · forecast 68% ↗ · off track');
    const rows = new Map(kpi.tooltip?.rows);
    assert.equal(rows.get('Forecast'), 'forecast 273,750 杯 (68.4%) ↗ by run rate');
    assert.equal(rows.get('How'), 'run rate: 57,000 杯 in 76 days to 2026-06-15 (3 periods, 2026-04 … 2026-06) = 750 a day, over 365 days = 273,750');
  });

  it('should put a plan’s burn in its tooltip', async () => {
    const roots = buildPlansView([await inlineFolder(files)]);
    const rows = new Map(roots[0]?.tooltip?.rows);
    assert.equal(rows.get('Burn'), 'spent 0.0% of budget, 20.8% expected by time elapsed');
  });
});
