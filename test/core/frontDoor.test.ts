import * as assert from 'node:assert/strict';
import { createWorkspace, openWorkspace, type OpsbookWorkspace } from '../../src/core/index';
import { MemFs, opsPacks, TODAY } from './memfs';

// The workspace every host gets from src/core/index.ts: queries, edits, diagnostics and the
// computed views (plan tree, dashboard, diff, search) on one object. A tea shop's folder in
// Chinese, with its own ids and its own mistakes.
const shop = (): Record<string, string> => ({
  'opsbook.yaml': 'opsbook: 1\npacks: [ops]\nlocale: zh-CN\n',
  'org/regions.yaml': 'regions:\n  - { id: QY-杭州, name: 杭州 }\n',
  'org/people.yaml': 'people:\n  - { id: RY-王芳, name: 王芳, role: 店长, region: QY-杭州 }\n',
  'plans/2026/茶馆.yaml': `id: JH-2026
title: 二〇二六年茶馆计划
region: QY-杭州
period: "2026"
owner: RY-王芳
status: approved
objectives:
  - id: MB-客流
    title: 提升客流
    kpis:
      - id: ZB-日客流
        metric: 日均客流
        unit: 人
        target: 400
        actual: 300
`,
  'partners/供应商.yaml': `partners:
  - id: GYS-龙井
    name: 龙井茶园
    type: supplier
    status: active
    owner: RY-李雷
`,
});

async function open(files: Record<string, string>): Promise<OpsbookWorkspace> {
  const { workspace, configProblems } = await openWorkspace({ fs: new MemFs(files), builtinPacks: opsPacks(), clock: () => TODAY, today: TODAY });
  assert.deepEqual(configProblems, []);
  return workspace;
}

describe('the front door (OpsbookWorkspace)', () => {
  it('reports the missing owner of a partner at its line, and the plan tree carries the KPI with its attainment', async () => {
    const ws = await open(shop());
    assert.deepEqual(
      ws.diagnostics().map((d) => [d.file, d.ruleId, d.range.start.line]),
      [['partners/供应商.yaml', 'ref/missing', 6]],
    );
    const tree = ws.planTree();
    const plan = tree.roots.find((p) => p.id === 'JH-2026');
    assert.ok(plan, 'the plan is a root');
    const kpi = plan.objectives[0]?.kpis[0];
    assert.equal(kpi?.id, 'ZB-日客流');
    assert.equal(kpi?.attainment, 0.75);
  });

  it('the dashboard model is built from the same workspace, in its locale', async () => {
    const ws = await open(shop());
    const data = ws.dashboard({ title: '茶馆' });
    assert.equal(data.title, '茶馆');
    assert.equal(data.locale, 'zh-CN');
    assert.equal(data.asOf, TODAY);
    assert.deepEqual(
      data.kpi.rows.map((r) => r.id),
      ['ZB-日客流'],
    );
  });

  it('search finds a partner by its Chinese name and keeps up with an edit without being rebuilt by the host', async () => {
    const ws = await open(shop());
    assert.deepEqual(
      ws.search('龙井').results.map((h) => [h.id, h.line]),
      [['GYS-龙井', 2]],
    );
    ws.setFile('partners/供应商.yaml', shop()['partners/供应商.yaml']!.replace('龙井茶园', '碧螺春茶园').replace('GYS-龙井', 'GYS-碧螺春'));
    assert.deepEqual(
      ws.search('龙井').results.map((h) => h.id),
      [],
    );
    assert.deepEqual(
      ws.search('碧螺春').results.map((h) => h.id),
      ['GYS-碧螺春'],
    );
  });

  it("diffFrom names the plan whose KPI's actual changed between two versions of the folder", async () => {
    const base = await open(shop());
    const head = await open({ ...shop(), 'plans/2026/茶馆.yaml': shop()['plans/2026/茶馆.yaml']!.replace('actual: 300', 'actual: 360') });
    const diff = head.diffFrom(base);
    assert.deepEqual(
      diff.changes.map((c) => [c.kind, c.id, c.change, c.line]),
      [['plan', 'JH-2026', 'modified', 1]],
    );
  });

  it('createWorkspace reads files with a configuration already resolved, with or without the built-in rules', async () => {
    const live = await open(shop());
    const files = live.filePaths().map((p) => live.parsedFile(p)!);
    const checked = createWorkspace(live.config, live.todayDate, { files });
    assert.deepEqual(
      checked.diagnostics().map((d) => d.ruleId),
      ['ref/missing'],
    );
    const scratch = createWorkspace(live.config, live.todayDate, { files, rules: 'none' });
    assert.deepEqual(scratch.diagnostics(), []);
    assert.equal(scratch.get('partner', 'GYS-龙井')?.data['name'], '龙井茶园');
  });

  it('save() without a cache is a no-op that resolves', async () => {
    const ws = await open(shop());
    await ws.save();
    await ws.snapshot({ summary: false })([]);
  });
});
