import { strict as assert } from 'node:assert';
import { buildPlanTree, type KpiNode, type PlanNode } from '../../src/core/plan/tree';
import { openMem } from './memfs';
import { TEA } from './teaChain';

/** The 1-based line of the only line of `file` that contains `text`. */
function lineOf(file: string, text: string): number {
  const lines = (TEA[file] as string).split('\n');
  const found = lines.flatMap((l, i) => (l.includes(text) ? [i + 1] : []));
  assert.equal(found.length, 1, `${text} once in ${file}`);
  return found[0] as number;
}

describe('monitoring on a tea chain with fiscal years from April', function () {
  this.timeout(20000);
  it('reports every seeded finding at its line and nothing else', async () => {
    const { workspace, configProblems } = await openMem(TEA, { today: '2026-08-20' });
    assert.deepEqual(configProblems, []);
    const got = workspace.diagnostics().map((d) => `${d.file}:${d.range.start.line} ${d.severity} ${d.ruleId}`);
    assert.deepEqual(
      got.sort(),
      [
        `org/people.yaml:${lineOf('org/people.yaml', 'id: E05') + 2} info succession/gap`,
        `org/people.yaml:${lineOf('org/people.yaml', '- { person: E05, readiness: 一到两年 }') - 1} info succession/gap`,
        `org/people.yaml:${lineOf('org/people.yaml', 'id: E05')} warning assessment/overdue`,
        `plans/fy2026/company.yaml:${lineOf('plans/fy2026/company.yaml', 'target: 1000000')} warning kpi/forecast-miss`,
        `plans/fy2026/hn.yaml:${lineOf('plans/fy2026/hn.yaml', 'actual: 38')} warning kpi/actual-mismatch`,
        `plans/fy2026/hn.yaml:${lineOf('plans/fy2026/hn.yaml', 'amount: 400000')} warning plan/burn-ahead`,
        `plans/fy2026/hn.yaml:${lineOf('plans/fy2026/hn.yaml', 'target: 400000')} warning kpi/forecast-miss`,
      ].sort(),
    );
  });

  it('says the numbers and the method: run rate over the fiscal year, contributors summed through the last month all reported', async () => {
    const { workspace } = await openMem(TEA, { today: '2026-08-20' });
    const msg = (rule: string, file: string) => workspace.diagnostics(file).find((d) => d.ruleId === rule)?.message;
    assert.equal(
      msg('kpi/forecast-miss', 'plans/fy2026/company.yaml'),
      'KPI K-CUPS (售出杯数) is forecast at 867,622.95 杯 by the end of FY2026 (2026-04-01 – 2027-03-31), 86.8 % of its target 1,000,000, below the 90 % threshold. ' +
        'run rate: 290,000 杯 in 122 days to 2026-07-31 (4 periods, FY2026-M01 … FY2026-M04 summed from contributing KPIs HD-CUPS, HN-CUPS) = 2,377.05 a day, over 365 days = 867,622.95',
    );
    assert.match(
      msg('kpi/forecast-miss', 'plans/fy2026/hn.yaml') ?? '',
      /forecast at 254,471.83 杯 .* 63.6 % of its target 400,000.*99,000 杯 in 142 days to 2026-08-20 \(5 periods, 2026-04 … 2026-08\)/,
    );
    assert.match(
      msg('plan/burn-ahead', 'plans/fy2026/hn.yaml') ?? '',
      /spent 55 % of its budget \(220,000 of 400,000 CNY, 2 expenses .*16.1 points ahead of the 38.9 % of its period FY2026 elapsed by 2026-08-20 \(no phasing\)/,
    );
    assert.match(msg('kpi/actual-mismatch', 'plans/fy2026/hn.yaml') ?? '', /HN-KS actual 38 次 ≠ 36, the sum of its 4 actuals/);
  });

  it('a quarterly phasing that keeps pace is no finding: 290,000 spent (48.3 %) against 30 % + 30 % × 51/92 days = 46.6 %', async () => {
    const { workspace } = await openMem(TEA, { today: '2026-08-20' });
    assert.deepEqual(workspace.diagnostics('plans/fy2026/hd.yaml'), []);
    const faster = { ...TEA, 'finance/fy2026.yaml': (TEA['finance/fy2026.yaml'] as string).replace('amount: 40000', 'amount: 130000') };
    const ws2 = (await openMem(faster, { today: '2026-08-20' })).workspace;
    // 380,000 / 600,000 = 63.3 %, 16.7 points ahead of 46.6 %: at the phasing.
    assert.deepEqual(
      ws2.diagnostics('plans/fy2026/hd.yaml').map((d) => `${d.range.start.line} ${d.ruleId}`),
      [`${lineOf('plans/fy2026/hd.yaml', 'phasing:')} plan/burn-ahead`],
    );
  });
});

describe('plan tree on the tea chain: forecasts per KPI, burn per plan', function () {
  this.timeout(20000);
  const kpis = (p: PlanNode): KpiNode[] => [...p.objectives.flatMap((o) => o.kpis), ...p.children.flatMap(kpis)];
  const plans = (p: PlanNode): PlanNode[] => [p, ...p.children.flatMap(plans)];

  it('carries each forecast with its ratio to target, method, source and trend', async () => {
    const { workspace } = await openMem(TEA, { today: '2026-08-20' });
    const tree = buildPlanTree(workspace);
    const byId = new Map(tree.roots.flatMap(kpis).map((k) => [k.id, k]));
    const brief = (id: string) => {
      const f = byId.get(id)?.forecast;
      return f && [Math.round(f.value * 100) / 100, Math.round((f.ratio ?? 0) * 1000) / 1000, f.method, f.source, f.trend, f.from, f.through];
    };
    assert.deepEqual(brief('K-CUPS'), [867622.95, 0.868, 'run-rate', 'contributors', 'up', 'FY2026-M01', 'FY2026-M04']);
    assert.deepEqual(brief('K-REV'), [11967213.11, 0.997, 'run-rate', 'own', 'flat', 'FY2026-M01', 'FY2026-M04']);
    assert.deepEqual(brief('HD-CSAT'), [97, 1.078, 'trend', 'own', 'up', 'FY2026-M01', 'FY2026-M04']);
    assert.deepEqual(brief('HN-CUPS'), [254471.83, 0.636, 'run-rate', 'own', 'up', '2026-04', '2026-08']);
    // Down: 120 allowed, 107.7 forecast → 120 / 107.7; complaints rising 0.4 a month (8, 9, 10, 9).
    assert.deepEqual(brief('HN-KS'), [107.7, 1.114, 'run-rate', 'own', 'up', 'FY2026-M01', 'FY2026-M04']);
    assert.match(
      byId.get('HD-CSAT')?.forecast?.explanation ?? '',
      /^trend: least-squares line through 4 values \(FY2026-M01 … FY2026-M04\), \+1 a month, read at the period's end = 97$/,
    );
  });

  it('derives a missing actual from the series (sum, or the latest level) and rolls contributors up from theirs', async () => {
    const { workspace } = await openMem(TEA, { today: '2026-08-20' });
    const byId = new Map(
      buildPlanTree(workspace)
        .roots.flatMap(kpis)
        .map((k) => [k.id, k]),
    );
    assert.deepEqual(
      ['K-REV', 'HD-CUPS', 'HN-CUPS', 'K-CUPS', 'HD-CSAT'].map((id) => [
        id,
        byId.get(id)?.actual,
        byId.get(id)?.actualFromSeries ?? false,
        byId.get(id)?.actualRolledUp,
      ]),
      [
        ['K-REV', 4_000_000, true, false],
        ['HD-CUPS', 200_000, true, false],
        ['HN-CUPS', 99_000, true, false],
        ['K-CUPS', 299_000, false, true],
        ['HD-CSAT', 89, false, false],
      ],
    );
  });

  it('carries burn per plan: spent to date vs expected by phasing or time elapsed, month by month', async () => {
    const { workspace } = await openMem(TEA, { today: '2026-08-20' });
    const all = buildPlanTree(workspace).roots.flatMap(plans);
    const burn = (id: string) => {
      const b = all.find((p) => p.id === id)?.burn;
      return b && [b.spent, b.expenses, Math.round(b.spentShare * 1000) / 1000, Math.round(b.expectedShare * 1000) / 1000, b.method];
    };
    assert.deepEqual(burn('PL-FY26'), [510_000, 5, 0.425, 0.388, 'phasing']);
    assert.deepEqual(burn('PL-HD'), [290_000, 3, 0.483, 0.466, 'phasing']);
    assert.deepEqual(burn('PL-HN'), [220_000, 2, 0.55, 0.389, 'elapsed'], 'the expense dated 2026-09-01 is not spent yet');
    const hn = all.find((p) => p.id === 'PL-HN')?.burn;
    assert.deepEqual(
      hn?.months.map((m) => `${m.month} ${m.spent} ${m.cumulative ?? '-'} ${Math.round(m.expected)}`),
      [
        '2026-04 0 0 32877',
        '2026-05 120000 120000 66849',
        '2026-06 0 120000 99726',
        '2026-07 100000 220000 133699',
        '2026-08 0 220000 167671',
        '2026-09 0 - 200548',
        '2026-10 0 - 234521',
        '2026-11 0 - 267397',
        '2026-12 0 - 301370',
        '2027-01 0 - 335342',
        '2027-02 0 - 366027',
        '2027-03 0 - 400000',
      ],
    );
  });
});

describe('monitoring rules after an edit (incremental)', function () {
  this.timeout(20000);

  it('an expense edited in finance/ re-checks the plan it is booked to; an actual added re-checks the company KPI', async () => {
    const { workspace } = await openMem(TEA, { today: '2026-08-20' });
    const at = (file: string) => workspace.diagnostics(file).map((d) => `${d.range.start.line} ${d.ruleId}`);
    assert.deepEqual(at('plans/fy2026/hd.yaml'), []);
    workspace.setFile('finance/fy2026.yaml', (TEA['finance/fy2026.yaml'] as string).replace('amount: 40000', 'amount: 130000'));
    assert.deepEqual(at('plans/fy2026/hd.yaml'), [`${lineOf('plans/fy2026/hd.yaml', 'phasing:')} plan/burn-ahead`]);
    // HN corrects July upwards; the company's summed series still stops at July (HD has not reported August).
    const hn = (TEA['plans/fy2026/hn.yaml'] as string).replace('2026-07: 23000, 2026-08: 9000', '2026-07: 60000, 2026-08: 9000');
    workspace.setFile('plans/fy2026/hn.yaml', hn);
    // Company: 70 + 72 + 75 + 110 = 327,000 in 122 days → 978,319 of 1,000,000 (97.8 %): no longer a miss.
    assert.deepEqual(at('plans/fy2026/company.yaml'), []);
  });
});
