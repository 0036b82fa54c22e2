import { strict as assert } from 'node:assert';
import { buildDashboard } from '../../src/core/dashboard/model';
import { WorkspaceSearch } from '../../src/core/model/search';
import type { OpsbookWorkspace as Workspace } from '../../src/core/index';
import { buildPlanTree, type PlanNode } from '../../src/core/plan/tree';
import { SearchIndex } from '../../src/core/search/searchIndex';
import type { SearchDoc } from '../../src/core/search/types';
import { brief, briefRange, rangeAt } from './fixture';
import { openMem } from './memfs';

type Files = Record<string, string>;

// A tea chain's workspace, written the way it writes: Chinese names and titles, its own staff
// numbers, a monthly store plan. (Ids keep the plan family's prefixes the pack's id patterns
// ask for today; the point here is periods.)
const ORG: Files = {
  'org/regions.yaml': `regions:
  - id: RGN-HQ
    name: 总部
  - id: RGN-SH
    name: 上海区
    parent: RGN-HQ
`,
  'org/people.yaml': `people:
  - id: PER-0001
    name: 李娜
    role: director
    region: RGN-HQ
  - id: PER-0012
    name: 王芳
    role: store-manager
    region: RGN-SH
`,
};

const MONTHLY = `id: PLN-SH-202606
title: 上海六月门店计划
region: RGN-SH
period: 2026-06
owner: PER-0012
status: approved
budget: { amount: 80000, currency: CNY }
objectives:
  - id: OBJ-SH-0601
    title: 提升夏季饮品销量
    kpis:
      - id: KPI-SH-0601
        metric: 门店营业额
        unit: CNY
        target: 300000
        actual: 100000
    initiatives:
      - id: INI-SH-0601
        title: 杨枝甘露新品上市
        status: in-progress
        due: 2026-06-30
      - id: INI-SH-0602
        title: 会员日活动
        status: planned
        due: 2026-07-02
`;

// A retailer whose fiscal year starts in April: FY2026-Q1 is April to June 2026.
const FISCAL = `id: PLN-FY26-Q1
title: FY2026 first-quarter plan
region: RGN-SH
period: FY2026-Q1
owner: PER-0012
status: draft
objectives:
  - id: OBJ-FY26-Q1
    title: Open the summer line
    kpis:
      - id: KPI-FY26-Q1-SALES
        metric: Net sales
        unit: CNY
        target: 910000
        actual: 310000
    initiatives:
      - id: INI-FY26-LAUNCH
        title: Launch in all stores
        status: in-progress
        due: 2026-06-30
      - id: INI-FY26-LATE
        title: Window refresh
        status: planned
        due: 2026-07-01
      - id: INI-FY26-EARLY
        title: Supplier briefing
        status: done
        due: 2026-03-31
`;

async function open(files: Files, today = '2026-06-15'): Promise<Workspace> {
  const { workspace, configProblems } = await openMem(files, { today });
  assert.deepEqual(configProblems, []);
  return workspace;
}

const outside = (ws: Workspace) => ws.diagnostics().filter((d) => d.ruleId === 'plan/due-outside-period');

describe('periods in a workspace: a monthly plan', () => {
  const files = { ...ORG, 'plans/上海/2026-06.yaml': MONTHLY };

  it('should validate period 2026-06 and report only the initiative due 2026-07-02', async () => {
    const ws = await open(files);
    const text = files['plans/上海/2026-06.yaml'];
    assert.deepEqual(ws.diagnostics().map(brief), [
      briefRange('plans/上海/2026-06.yaml', rangeAt(text, 'due: 2026-07-02', '2026-07-02'), 'plan/due-outside-period'),
    ]);
    const [d] = outside(ws);
    assert.equal(d?.severity, 'warning');
    assert.equal(d?.entity, 'INI-SH-0602');
    assert.match(d?.message ?? '', /period 2026-06 \(2026-06-01 – 2026-06-30\)/);
  });

  it('should pace the month by its own days: a third of June gone, a third of the target is on track', async () => {
    const ws = await open(files, '2026-06-10');
    const tree = buildPlanTree(ws);
    const plan = tree.roots[0] as PlanNode;
    assert.equal(plan.period, '2026-06');
    const kpi = plan.objectives[0]?.kpis[0];
    assert.equal(kpi?.pace, 'on-track');
    const row = buildDashboard(ws).kpi.rows.find((r) => r.id === 'KPI-SH-0601');
    assert.equal(row?.elapsed, 10 / 30);
    assert.equal(row?.expected, 10 / 30);
    assert.equal(row?.pace, 'on-track');
  });

  it('should fall behind pace once the month is over and the target is not reached', async () => {
    const ws = await open(files, '2026-07-01');
    assert.equal(buildPlanTree(ws).roots[0]?.objectives[0]?.kpis[0]?.pace, 'off-track');
  });

  it('should report a month that does not exist at the period value', async () => {
    const bad = { ...files, 'plans/上海/2026-06.yaml': MONTHLY.replace('period: 2026-06', 'period: 2026-13') };
    const ws = await open(bad);
    const text = bad['plans/上海/2026-06.yaml'];
    assert.deepEqual(ws.diagnostics().map(brief), [briefRange('plans/上海/2026-06.yaml', rangeAt(text, 'period: 2026-13', '2026-13'), 'schema/pattern')]);
    assert.equal(
      ws.diagnostics()[0]?.message,
      'PLN-SH-202606: "period" is "2026-13", not a period; write a year 2026, a half 2026-H1, a quarter 2026-Q3, a month 2026-06, or a fiscal FY2026, FY2026-H1, FY2026-Q1, FY2026-M01',
    );
  });
});

describe('periods in a workspace: fiscal periods', () => {
  const fiscal = { ...ORG, 'opsbook.yaml': 'opsbook: 1\nfiscalYearStart: 4\n', 'plans/fy2026/q1.yaml': FISCAL };

  it('should validate FY2026-Q1 and date it April to June with fiscalYearStart 4', async () => {
    const ws = await open(fiscal);
    const text = FISCAL;
    assert.deepEqual(
      ws.diagnostics().map(brief),
      [rangeAt(text, 'due: 2026-07-01', '2026-07-01'), rangeAt(text, 'due: 2026-03-31', '2026-03-31')].map((r) =>
        briefRange('plans/fy2026/q1.yaml', r, 'plan/due-outside-period'),
      ),
    );
    assert.deepEqual(
      outside(ws).map((d) => d.entity),
      ['INI-FY26-LATE', 'INI-FY26-EARLY'],
    );
    assert.match(outside(ws)[0]?.message ?? '', /period FY2026-Q1 \(2026-04-01 – 2026-06-30\)/);
  });

  it('should date the same plan January to March without fiscalYearStart', async () => {
    const ws = await open({ ...ORG, 'plans/fy2026/q1.yaml': FISCAL });
    assert.deepEqual(
      outside(ws).map((d) => d.entity),
      ['INI-FY26-LAUNCH', 'INI-FY26-LATE'],
    );
    assert.match(outside(ws)[0]?.message ?? '', /period FY2026-Q1 \(2026-01-01 – 2026-03-31\)/);
  });

  it('should accept every fiscal form and refuse FY26 and FY2026-M13', async () => {
    for (const period of ['FY2026', 'FY2026-H1', 'FY2026-H2', 'FY2026-Q4', 'FY2026-M01', 'FY2026-M12']) {
      const ws = await open({ ...fiscal, 'plans/fy2026/q1.yaml': FISCAL.replace('period: FY2026-Q1', `period: ${period}`) });
      assert.deepEqual(
        ws
          .diagnostics()
          .filter((d) => d.ruleId.startsWith('schema/'))
          .map(brief),
        [],
        period,
      );
    }
    for (const period of ['FY26', 'FY2026-M13', '2026-Q5']) {
      const text = FISCAL.replace('period: FY2026-Q1', `period: ${period}`);
      const ws = await open({ ...fiscal, 'plans/fy2026/q1.yaml': text });
      assert.deepEqual(ws.diagnostics().map(brief), [briefRange('plans/fy2026/q1.yaml', rangeAt(text, `period: ${period}`, period), 'schema/pattern')], period);
    }
  });

  it('should report a fiscalYearStart outside 1–12 at its line in opsbook.yaml', async () => {
    const { configProblems } = await openMem({ ...fiscal, 'opsbook.yaml': 'opsbook: 1\nfiscalYearStart: 13\n' });
    assert.deepEqual(
      configProblems.map((p) => `${p.file}:${p.line} ${p.message}`),
      ['opsbook.yaml:2 fiscalYearStart: must be <= 12'],
    );
  });

  it('should pace a fiscal quarter by its real days (31 of 91 days gone on 1 May)', async () => {
    const ws = await open(fiscal, '2026-05-01');
    const row = buildDashboard(ws).kpi.rows.find((r) => r.id === 'KPI-FY26-Q1-SALES');
    assert.equal(row?.elapsed, 31 / 91);
    assert.equal(row?.pace, 'on-track');
  });
});

describe('periods in a workspace: dashboards and search', () => {
  const company = `id: PLN-HQ-FY2026
title: 年度经营计划
region: RGN-HQ
period: FY2026
owner: PER-0001
status: approved
`;
  const annual = `id: PLN-HQ-2026
title: 2026 自然年预算
region: RGN-HQ
period: "2026"
owner: PER-0001
status: approved
`;
  const files: Files = {
    ...ORG,
    'opsbook.yaml': 'opsbook: 1\nfiscalYearStart: 4\n',
    'plans/hq-fy.yaml': company,
    'plans/hq-2026.yaml': annual,
    'plans/上海/2026-06.yaml': MONTHLY.replace('status: approved', 'parent: PLN-HQ-FY2026\nstatus: approved'),
    'plans/fy2026/q1.yaml': FISCAL.replace('status: draft', 'parent: PLN-HQ-FY2026\nstatus: draft'),
  };

  it('should list period filter choices in time order, fiscal ones dated, each covering the periods inside it', async () => {
    const ws = await open(files);
    const d = buildDashboard(ws);
    assert.deepEqual(d.kpi.periods, ['2026', 'FY2026', 'FY2026-Q1', '2026-06']);
    assert.deepEqual(
      d.periods.map((o) => [o.value, o.label, o.covers.join(' ')]),
      [
        ['2026', '2026', '2026 FY2026-Q1 2026-06'],
        ['FY2026', 'FY2026 (2026-04-01 – 2027-03-31)', 'FY2026 FY2026-Q1 2026-06'],
        ['FY2026-Q1', 'FY2026-Q1 (2026-04-01 – 2026-06-30)', 'FY2026-Q1 2026-06'],
        ['2026-06', '2026-06', '2026-06'],
      ],
    );
    assert.deepEqual(d.periods[1] && [d.periods[1].start, d.periods[1].end], ['2026-04-01', '2027-03-31']);
    // Plans keep their period as the company wrote it.
    assert.deepEqual(d.budget.plans.map((p) => p.period).sort(), ['2026', '2026-06', 'FY2026', 'FY2026-Q1']);
  });

  it('should compare periods in search by their days, fiscal ones from fiscalYearStart', async () => {
    const ws = await open(files);
    const search = new WorkspaceSearch(ws);
    const ids = (q: string) =>
      search
        .search(q, { limit: 50 })
        .results.map((h) => h.id)
        .sort();
    assert.deepEqual(ids('kind:plan period:>=2026-04'), ['PLN-FY26-Q1', 'PLN-HQ-FY2026', 'PLN-SH-202606']);
    assert.deepEqual(ids('kind:plan period:>=FY2026-Q1 period:<=FY2026-Q1'), ['PLN-FY26-Q1', 'PLN-SH-202606']);
    assert.deepEqual(ids('kind:plan period:>2026-Q1'), ['PLN-FY26-Q1', 'PLN-HQ-FY2026', 'PLN-SH-202606']);
    assert.deepEqual(ids('kind:plan period:<FY2027'), ['PLN-FY26-Q1', 'PLN-HQ-2026', 'PLN-HQ-FY2026', 'PLN-SH-202606']);
    assert.deepEqual(ids('kind:plan period:<FY2026-Q2'), ['PLN-FY26-Q1', 'PLN-SH-202606']);
    assert.deepEqual(ids('kind:plan period:<2026-06'), []);
    assert.deepEqual(ids('kind:plan period:<=2026-06'), ['PLN-FY26-Q1', 'PLN-SH-202606']);
    assert.deepEqual(ids('kind:initiative due:>FY2026-Q1'), ['INI-FY26-LATE', 'INI-SH-0602']);
    assert.deepEqual(ids('period:2026-06'), ['PLN-SH-202606']);
  });

  it('should read FY periods from January in search when the workspace sets no fiscalYearStart', async () => {
    const ws = await open({ ...files, 'opsbook.yaml': 'opsbook: 1\n' });
    const search = new WorkspaceSearch(ws);
    const ids = (q: string) =>
      search
        .search(q, { limit: 50 })
        .results.map((h) => h.id)
        .sort();
    assert.deepEqual(ids('kind:plan period:>=2026-04'), ['PLN-SH-202606']);
  });
});

describe('periods in the search index', () => {
  const doc = (id: string, fields: Record<string, unknown>): SearchDoc => ({
    key: id,
    kind: 'plan',
    id,
    title: id,
    file: `plans/${id}.yaml`,
    line: 1,
    fields,
    text: '',
    textLine: 1,
  });
  const index = new SearchIndex();
  for (const d of [
    doc('A', { period: '2026-06', due: '2026-06-30' }),
    doc('B', { period: 'FY2026-Q4', due: new Date('2027-02-01T00:00:00Z') }),
    doc('C', { period: 2026 }),
    doc('D', { period: '上半年' }),
    doc('E', { period: '2026-H2', due: '2026-02-30' }),
  ])
    index.add(d);
  const ids = (q: string, fiscalYearStart?: number) =>
    index
      .search(q, fiscalYearStart === undefined ? { limit: 50 } : { limit: 50, fiscalYearStart })
      .results.map((h) => h.id)
      .sort();

  it('should read the query case-insensitively and date FY periods from the option', () => {
    assert.deepEqual(ids('period:>2026', 4), ['B'], 'FY2026-Q4 from April is January to March 2027');
    assert.deepEqual(ids('period:>2026'), [], 'FY2026-Q4 from January is October to December 2026');
    assert.deepEqual(ids('period:>=fy2026-q4', 4), ['B']);
    assert.deepEqual(ids('period:<fy2026-q4', 4), ['A', 'C', 'E']);
    assert.deepEqual(ids('period:<fy2026-q4', 1), ['A']);
  });

  it('should compare dates with periods and a number-valued year as that year', () => {
    assert.deepEqual(ids('due:<=2026-Q2'), ['A', 'E'], 'a date-shaped value is its day, even one the schema reports (2026-02-30)');
    assert.deepEqual(ids('due:>2026', 4), ['B']);
    assert.deepEqual(ids('period:<=2026-12', 4), ['A', 'C', 'E']);
  });

  it('should never match text that is neither a period nor a date against one', () => {
    assert.deepEqual(ids('period:>2026-12', 4), ['B'], '上半年 is no period');
    assert.deepEqual(ids('period:<2026-12', 4), ['A']);
    assert.deepEqual(ids('period:<上半年'), ['A', 'B', 'C', 'E'], 'text against text still compares as text');
    assert.deepEqual(ids('period:>=上半年'), ['D']);
    assert.deepEqual(ids('due:<2026-03-01'), ['E']);
  });
});
