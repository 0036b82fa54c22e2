import * as assert from 'node:assert/strict';
import { buildDashboard } from '../../src/core/dashboard/model';
import { isToWebview } from '../../src/core/dashboard/protocol';
import { openWorkspace } from '../../src/core/engine';
import type { OpsbookWorkspace as Workspace } from '../../src/core/index';
import { builtinPacks } from '../../src/node/host';

async function open(files: Record<string, string>): Promise<Workspace> {
  const fs = {
    listFiles: async (exclude: (p: string) => boolean) =>
      Object.keys(files)
        .filter((p) => !exclude(p))
        .sort(),
    readFile: async (p: string) => files[p],
  };
  const r = await openWorkspace({ fs, builtinPacks: builtinPacks(), clock: () => '2026-06-15', today: '2026-06-15' });
  return r.workspace;
}

/** A bakery chain's plan and project, written in Chinese with its own ids. */
const BAKERY = {
  'plans/2026.yaml': `id: 2026-总部
title: 麦香坊 2026 年度计划
period: "2026"
budget: { amount: 500000, currency: CNY }
objectives:
  - id: O1
    title: 门店营收增长
    kpis:
      - { id: K1, metric: 月均单店营业额, unit: CNY, target: 300000, actual: 120000, direction: up }
    initiatives:
      - { id: I1, title: 中秋月饼礼盒, status: planned, due: 2026-09-10, budget: 80000, project: 项目-中秋 }
`,
  'projects/mid-autumn.md': `---
id: 项目-中秋
title: 中秋月饼礼盒推广
type: campaign
status: approved
start: 2026-07-01
due: 2026-09-10
budget: 80000
currency: CNY
---
# 中秋月饼礼盒推广
`,
};

describe('dashboard model: titles and locale for the webview', () => {
  it('should carry titles of plans, KPIs, objectives and projects next to their ids', async () => {
    const d = buildDashboard(await open(BAKERY));
    const k = d.kpi.rows[0];
    assert.deepEqual(
      [k?.id, k?.metric, k?.plan, k?.planTitle, k?.objective, k?.objectiveTitle],
      ['K1', '月均单店营业额', '2026-总部', '麦香坊 2026 年度计划', 'O1', '门店营收增长'],
    );
    assert.deepEqual(
      d.kpi.plans.map((p) => [p.plan, p.title]),
      [['2026-总部', '麦香坊 2026 年度计划']],
    );
    assert.deepEqual(
      d.budget.plans.map((p) => [p.plan, p.title]),
      [['2026-总部', '麦香坊 2026 年度计划']],
    );
    assert.deepEqual(
      d.budget.projects.map((p) => [p.project, p.title]),
      [['项目-中秋', '中秋月饼礼盒推广']],
    );
    assert.deepEqual(
      d.timeline.projects.map((p) => [p.id, p.title]),
      [['项目-中秋', '中秋月饼礼盒推广']],
    );
  });

  it('should pass locale: from opsbook.yaml to the webview, and leave it out when none is set', async () => {
    assert.equal(buildDashboard(await open({ ...BAKERY, 'opsbook.yaml': 'locale: zh-CN\n' })).locale, 'zh-CN');
    assert.equal('locale' in buildDashboard(await open(BAKERY)), false);
  });
});

describe('dashboard protocol: the init message', () => {
  it('should accept an init message with or without a string bundle, and refuse other bundles', () => {
    assert.ok(isToWebview({ type: 'init' }));
    assert.ok(isToWebview({ type: 'init', l10n: { Training: '培训' } }));
    assert.equal(isToWebview({ type: 'init', l10n: { Training: 1 } }), false);
    assert.equal(isToWebview({ type: 'init', l10n: ['培训'] }), false);
  });
});
