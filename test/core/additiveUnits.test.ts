import { strict as assert } from 'node:assert';
import { kpiSection } from '../../src/core/dashboard/kpi';
import { inferConfiguration, renderConfig, renderSummary } from '../../src/core/index';
import { buildPlanTree, kpiPace, type KpiNode, type PlanNode } from '../../src/core/plan/tree';
import { additiveUnitList, unitClassifier } from '../../src/core/vocab/units';
import { MemFs, openMem, opsPacks, TODAY } from './memfs';

type Files = Record<string, string>;

// A tea chain counts drinks in cups (杯) — a unit no pack can list in advance.
function plan(
  id: string,
  title: string,
  period: string,
  kpi: { id: string; unit: string; target: number; actual?: number; to?: string },
  parent?: string,
): string {
  return [
    `id: ${id}`,
    `title: ${title}`,
    ...(parent ? [`parent: ${parent}`] : []),
    `period: ${period}`,
    'owner: 陈静',
    'status: approved',
    'objectives:',
    `  - id: ${id}-目标`,
    '    title: 饮品销量',
    '    kpis:',
    `      - id: ${kpi.id}`,
    '        metric: 售出饮品',
    `        unit: ${kpi.unit}`,
    `        target: ${kpi.target}`,
    ...(kpi.actual !== undefined ? [`        actual: ${kpi.actual}`] : []),
    ...(kpi.to ? [`        contributes_to: ${kpi.to}`] : []),
    '',
  ].join('\n');
}

function cups(unit: string, config?: string): Files {
  const files: Files = {
    'org/people.yaml': 'people:\n  - id: 陈静\n    name: 陈静\n    role: 区域经理\n',
    // Q2 rolls up exactly (50,000 + 30,000 = 80,000); Q3 does not (40,000 + 30,000 ≠ 90,000).
    'plans/q2.yaml': plan('全国Q2', '全国第二季度', '2026-Q2', { id: 'Q2全国', unit, target: 80000 }),
    'plans/q2-sh.yaml': plan('上海Q2', '上海第二季度', '2026-Q2', { id: 'Q2上海', unit, target: 50000, actual: 52000, to: 'Q2全国' }, '全国Q2'),
    'plans/q2-hz.yaml': plan('杭州Q2', '杭州第二季度', '2026-Q2', { id: 'Q2杭州', unit, target: 30000, actual: 29000, to: 'Q2全国' }, '全国Q2'),
    'plans/q3.yaml': plan('全国Q3', '全国第三季度', '2026-Q3', { id: 'Q3全国', unit, target: 90000, actual: 30000 }),
    'plans/q3-sh.yaml': plan('上海Q3', '上海第三季度', '2026-Q3', { id: 'Q3上海', unit, target: 40000, actual: 15000, to: 'Q3全国' }, '全国Q3'),
    'plans/q3-hz.yaml': plan('杭州Q3', '杭州第三季度', '2026-Q3', { id: 'Q3杭州', unit, target: 30000, actual: 9000, to: 'Q3全国' }, '全国Q3'),
  };
  if (config !== undefined) files['opsbook.yaml'] = config;
  return files;
}

async function findings(files: Files, today = '2026-08-01'): Promise<string[]> {
  const { workspace, configProblems } = await openMem(files, { today });
  assert.deepEqual(configProblems, []);
  return workspace
    .diagnostics()
    .map((d) => `${d.file}:${d.range.start.line + 1} ${d.ruleId}`)
    .sort();
}

function kpi(roots: PlanNode[], id: string): KpiNode {
  const all = (n: PlanNode): PlanNode[] => [n, ...n.children.flatMap(all)];
  const found = roots
    .flatMap(all)
    .flatMap((p) => p.objectives.flatMap((o) => o.kpis))
    .find((k) => k.id === id);
  assert.ok(found, id);
  return found;
}

describe('additive units: the KPI units that add up are a vocabulary the company extends', () => {
  it('the pack lists counts and common Chinese counting words; money always adds up; levels do not', async () => {
    const { workspace } = await openMem({});
    const add = unitClassifier(additiveUnitList(workspace.config));
    for (const u of ['count', 'Orders', 'CNY', 'EUR', '单', '人次', '平方米']) assert.equal(add(u), true, u);
    for (const u of ['%', 'score', 'days', '杯', 'cups', 'cny', '', undefined, 3]) assert.equal(add(u), false, String(u));
  });

  it('without a declaration, a roll-up in 杯 is not compared (a unit might be a level)', async () => {
    assert.deepEqual(await findings(cups('杯')), []);
  });

  it('with `add: [杯]`, the roll-up that does not sum is plan/rollup-mismatch at the parent target', async () => {
    const files = cups('杯', 'opsbook: 1\nvocabularies:\n  additive-units: { add: [杯] }\n');
    assert.deepEqual(await findings(files), ['plans/q3.yaml:14 plan/rollup-mismatch']);
    const { workspace } = await openMem(files, { today: '2026-08-01' });
    const d = workspace.diagnostics().find((x) => x.ruleId === 'plan/rollup-mismatch');
    assert.match(d?.message ?? '', /target 90,000 杯 ≠ 70,000/);
  });

  it('a pack default word (单) rolls up without any declaration; replacing the list with values: drops it', async () => {
    assert.deepEqual(await findings(cups('单')), ['plans/q3.yaml:14 plan/rollup-mismatch']);
    assert.deepEqual(await findings(cups('单', 'opsbook: 1\nvocabularies:\n  additive-units: { values: [cups] }\n')), []);
    assert.deepEqual(await findings(cups('cups', 'opsbook: 1\nvocabularies:\n  additive-units: { values: [cups] }\n')), [
      'plans/q3.yaml:14 plan/rollup-mismatch',
    ]);
  });

  it('the plan tree sums contributors and weighs pace by the elapsed share only for additive units', async () => {
    // 2026-08-01: 32 of Q3's 92 days elapsed, today included (0.348). 杭州 has 9,000 of 30,000 (30 %): 86 % of
    // the expected share, at risk; as a level it would be 30 % of the full target, off track.
    const declared = await openMem(cups('杯', 'opsbook: 1\nvocabularies:\n  additive-units: { add: [杯] }\n'), { today: '2026-08-01' });
    const tree = buildPlanTree(declared.workspace);
    assert.equal(kpi(tree.roots, 'Q3杭州').pace, 'at-risk');
    assert.equal(kpi(tree.roots, 'Q2全国').actual, 81000, 'the Q2 total is rolled up from its contributors');
    assert.equal(kpi(tree.roots, 'Q2全国').actualRolledUp, true);
    assert.ok(tree.additiveUnits.includes('杯'));
    const row = kpiSection(tree, '2026-08-01').rows.find((r) => r.id === 'Q3杭州');
    assert.ok(row?.expected !== undefined && Math.abs(row.expected - 32 / 92) < 1e-9, String(row?.expected));

    const open = buildPlanTree((await openMem(cups('杯'), { today: '2026-08-01' })).workspace);
    assert.equal(kpi(open.roots, 'Q3杭州').pace, 'off-track');
    assert.equal(kpi(open.roots, 'Q2全国').actual, undefined, 'a level is never summed');
    assert.equal(kpiSection(open, '2026-08-01').rows.find((r) => r.id === 'Q3杭州')?.expected, 1);
  });

  it('kpiPace: additive weighs the target by the elapsed share, a level compares with the full target', () => {
    assert.equal(kpiPace(100, 50, 'up', true, 0.5), 'on-track');
    assert.equal(kpiPace(100, 50, 'up', false, 0.5), 'off-track');
    assert.equal(kpiPace(100, 60, 'down', true, 0.5), 'at-risk', 'a down-KPI using more than its share is behind');
  });

  it('init --infer adds a unit whose contributors sum to the parent (the evidence), so check then finds the roll-up that does not', async () => {
    const files = cups('杯');
    const inf = await inferConfiguration({ fs: new MemFs(files), builtinPacks: opsPacks(), clock: () => TODAY });
    const units = inf.vocabularies.find((v) => v.name === 'additive-units');
    assert.deepEqual(units?.add, ['杯']);
    assert.deepEqual(units?.files, ['plans/q2-hz.yaml', 'plans/q2-sh.yaml', 'plans/q2.yaml']);
    const text = renderConfig(inf);
    assert.match(
      text,
      /^ {2}additive-units: \{ add: \[杯\] \} {2}# a unit whose contributing KPIs' targets sum to the parent KPI's target \(one roll-up\) in 3 files$/m,
    );
    assert.deepEqual(await findings({ ...files, 'opsbook.yaml': text }), ['plans/q3.yaml:14 plan/rollup-mismatch']);
  });

  it('init --infer adds nothing when no roll-up sums (the unit may be a level, or every roll-up may be wrong)', async () => {
    const files = cups('杯');
    files['plans/q2.yaml'] = plan('全国Q2', '全国第二季度', '2026-Q2', { id: 'Q2全国', unit: '杯', target: 85000 });
    const inf = await inferConfiguration({ fs: new MemFs(files), builtinPacks: opsPacks(), clock: () => TODAY });
    assert.equal(
      inf.vocabularies.find((v) => v.name === 'additive-units'),
      undefined,
    );
    // …but every roll-up that does not sum is put to the user, at the parent KPI's target.
    const asked = inf.suspects.filter((s) => s.kind === 'unsure');
    assert.deepEqual(
      asked.map((s) => `${s.anchor.file}:${s.line}`),
      ['plans/q2.yaml:13', 'plans/q3.yaml:13'],
    );
    assert.match(
      asked[0]!.message,
      /^KPI Q2全国 \(unit "杯"\): its 2 contributing KPIs' targets add up to 80,000, not 85,000\. If "杯" counts things, declare it/,
    );
    const summary = renderSummary(inf, 'opsbook.yaml');
    assert.match(summary, /\nNot declared, for you to decide:\n {2}plans\/q2\.yaml:13 {2}KPI Q2全国/);
  });
});
