import { strict as assert } from 'node:assert';
import { childKinds, planChildRecord } from '../../src/core/create/child';
import { editFileText } from '../../src/core/edit/edit';
import { openMem } from './memfs';

// A tea chain's quarter: a national cups target, Hangzhou already contributing 30,000.
const NATIONAL = `id: 全国Q3
title: 全国第三季度
period: 2026-Q3
owner: E-1
status: approved
objectives:
  - id: 目标-1
    title: 饮品销量
    kpis:
      - id: 全国杯量
        metric: 全国售出饮品
        unit: 杯
        target: 90000
`;
const SHANGHAI = `# 上海区 三季度
id: 上海Q3
title: 上海第三季度
parent: 全国Q3
period: 2026-Q3
owner: E-1
status: draft
objectives:
  - id: 目标-SH
    title: 上海销量   # 门店+外卖
    kpis: []
`;
const FILES = {
  'opsbook.yaml': 'opsbook: 1\nvocabularies:\n  additive-units: { add: [杯] }\n',
  'org/people.yaml': 'people:\n  - id: E-1\n    name: 陈静\n    role: 区域经理\n',
  'plans/national.yaml': NATIONAL,
  'plans/shanghai.yaml': SHANGHAI,
  'plans/hangzhou.yaml': `id: 杭州Q3\ntitle: 杭州第三季度\nparent: 全国Q3\nperiod: 2026-Q3\nowner: E-1\nstatus: draft\nobjectives:\n  - id: 目标-HZ\n    title: 杭州销量\n    kpis:\n      - id: 杭州杯量\n        metric: 杭州售出饮品\n        unit: 杯\n        target: 30000\n        contributes_to: 全国杯量\n`,
};

describe("new records under a parent: the Plans view's Add commands", () => {
  it('knows what goes under what: objectives under a plan, KPIs and initiatives under an objective', async () => {
    const { workspace: ws } = await openMem(FILES);
    assert.deepEqual(childKinds(ws, ws.get('plan', '上海Q3')!), ['objective']);
    assert.deepEqual(childKinds(ws, ws.get('objective', '目标-SH')!).sort(), ['initiative', 'kpi']);
    assert.deepEqual(childKinds(ws, ws.get('kpi', '全国杯量')!), []);
  });

  it('a KPI contributing to the national one takes its unit and direction and what the other regions leave of its target; check finds no roll-up gap', async () => {
    const { workspace: ws } = await openMem(FILES);
    const plan = planChildRecord(ws, ws.get('objective', '目标-SH')!, 'kpi', '上海杯量', '上海售出饮品', ws.get('kpi', '全国杯量'));
    assert.equal(plan.type, 'append');
    if (plan.type !== 'append') return;
    assert.equal(plan.file, 'plans/shanghai.yaml');
    const out = editFileText(plan.format, SHANGHAI, plan.doc, plan.op);
    assert.ok(out.ok, out.ok ? '' : out.message);
    // `kpis: []` is a flow list: the write layer keeps the file's style.
    assert.equal(
      out.text,
      SHANGHAI.replace(
        '    kpis: []\n',
        '    kpis: [{ id: 上海杯量, metric: 上海售出饮品, unit: 杯, target: 60000, direction: up, contributes_to: 全国杯量 }]\n',
      ),
    );
    const after = await openMem({ ...FILES, 'plans/shanghai.yaml': out.text });
    assert.deepEqual(
      after.workspace.diagnostics().map((d) => `${d.file}:${d.range.start.line} ${d.ruleId}`),
      [],
    );
  });

  it('an initiative starts with the first status of its vocabulary; an objective gets its id and title; ids in use are refused', async () => {
    const { workspace: ws } = await openMem(FILES);
    const ini = planChildRecord(ws, ws.get('objective', '目标-SH')!, 'initiative', 'XD-1', '夏季新品');
    assert.ok(ini.type === 'append' && ini.op.op === 'append');
    if (ini.type === 'append' && ini.op.op === 'append') {
      assert.deepEqual(ini.op.path, ['objectives', 0, 'initiatives']);
      assert.deepEqual(ini.op.value, { id: 'XD-1', title: '夏季新品', status: 'planned' });
    }
    const obj = planChildRecord(ws, ws.get('plan', '上海Q3')!, 'objective', '目标-SH2', '会员增长');
    assert.ok(obj.type === 'append' && obj.op.op === 'append' && JSON.stringify(obj.op.path) === '["objectives"]');
    assert.deepEqual(planChildRecord(ws, ws.get('objective', '目标-SH')!, 'kpi', '杭州杯量', 'x'), { type: 'refused', message: 'kpi 杭州杯量 already exists' });
  });
});
