import * as assert from 'node:assert/strict';
import { buildDocumentsView } from '../../src/vscode/views/documentView';
import { buildPlansView } from '../../src/vscode/views/planView';
import { buildRegistersView } from '../../src/vscode/views/registerView';
import { findNode, type ViewNode } from '../../src/vscode/views/viewNode';
import { inlineFolder } from './views.fixture';

/** A tea chain's workspace in Simplified Chinese: its own ids, titles and `locale: zh-CN`. */
const TEA = {
  'opsbook.yaml': 'locale: zh-CN\n',
  'plans/2026/huadong.yaml': `id: 计划-2026-华东
title: 华东区 2026 年经营计划
period: "2026"
status: approved
budget: { amount: 1280000, currency: CNY }
objectives:
  - id: 目标-1
    title: 提升门店营业额
    kpis:
      - { id: 指标-营业额, metric: 华东门店营业额, unit: CNY, target: 160000000, actual: 74300000, direction: up }
    initiatives:
      - { id: 举措-1, title: 新开两家茶饮门店, status: in-progress, due: 2026-08-31, budget: 1280 }
`,
  'catalog/products.yaml': `- id: T-0001
  name: 桂花乌龙（大杯）
  category: 茶饮
  list_price: 1280
  currency: CNY
`,
  'standards/service.md': `---
id: 规范-001
title: 门店服务规范
status: approved
version: 1.0.0
effective: 2026-01-01
---
# 门店服务规范
`,
};

async function node(build: (f: never[]) => ViewNode[], id: string): Promise<ViewNode> {
  const roots = build([(await inlineFolder(TEA)) as never]);
  const n = findNode(roots, (x) => x.entity?.id === id);
  assert.ok(n, `no row for ${id}`);
  return n;
}

describe('views in the workspace locale, titles first', () => {
  it('should label a plan with its Chinese title, its id and ¥ money in the description', async () => {
    const plan = await node(buildPlansView, '计划-2026-华东');
    assert.equal(plan.label, '华东区 2026 年经营计划');
    assert.equal(plan.description, '计划-2026-华东 · 46.4% · ¥128万 budget · 1280 allocated');
    assert.equal(plan.tooltip?.title, '华东区 2026 年经营计划 (计划-2026-华东)');
    assert.deepEqual(
      plan.tooltip?.rows.find(([k]) => k === 'Budget'),
      ['Budget', '¥1,280,000'],
    );
  });

  it('should shorten KPI figures in Chinese units and keep the id in the tooltip', async () => {
    const kpi = await node(buildPlansView, '指标-营业额');
    assert.equal(kpi.label, '华东门店营业额');
    assert.equal(kpi.description, '¥7430万 / ¥1.6亿 · 46.4% · on track');
    assert.deepEqual(kpi.tooltip?.rows[0], ['Id', '指标-营业额']);
    assert.deepEqual(
      kpi.tooltip?.rows.find(([k]) => k === 'Target'),
      ['Target', '¥160,000,000'],
    );
  });

  it('should write initiative and product money as ¥1,280', async () => {
    const ini = await node(buildPlansView, '举措-1');
    assert.equal(ini.label, '新开两家茶饮门店');
    assert.deepEqual(
      ini.tooltip?.rows.find(([k]) => k === 'Budget'),
      ['Budget', '¥1,280'],
    );
    const product = await node(buildRegistersView, 'T-0001');
    assert.equal(product.label, '桂花乌龙（大杯）');
    assert.equal(product.description, 'T-0001 · ¥1,280');
  });

  it('should put a document’s title first and its id in the description', async () => {
    const doc = await node(buildDocumentsView, '规范-001');
    assert.equal(doc.label, '门店服务规范');
    assert.equal(doc.description, '规范-001 · v1.0.0 · effective 2026-01-01');
    assert.equal(doc.tooltip?.title, '门店服务规范 (规范-001)');
  });

  it('should fall back to the id for an entity without a title', async () => {
    const roots = buildPlansView([await inlineFolder({ 'plans/p.yaml': 'id: P-1\nperiod: "2026"\nobjectives: []\n' })]);
    assert.equal(roots[0]?.label, 'P-1');
    assert.equal(roots[0]?.tooltip?.title, 'P-1');
  });
});
