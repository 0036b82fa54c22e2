import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openWorkspace, planTreeFromCache, type EngineInit } from '../../src/core/engine';
import { buildPlanTree } from '../../src/core/plan/tree';
import { NodeWarmCache } from '../../src/node/cache';
import { NodeWorkspaceFs } from '../../src/node/fs';
import { builtinPacks } from '../../src/node/host';

const TODAY = '2026-06-15';

/** A tea chain's plans, written the way its own team writes them (its ids, Chinese titles). */
const FILES: Record<string, string> = {
  'opsbook.yaml': 'locale: zh-CN\n',
  'plans/2026/总部.yaml':
    'kind: plan\nid: CH-2026\ntitle: 2026 年度计划\nperiod: FY2026\ncurrency: CNY\nbudget: 900000\nobjectives:\n  - id: CH-O1\n    title: 门店扩张\n    kpis:\n      - id: CH-K1\n        metric: 新开门店\n        target: 12\n        actual: 5\n',
};

function age(dir: string): void {
  const past = new Date(Date.now() - 3600_000);
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, name);
    if (statSync(p).isFile()) utimesSync(p, past, past);
  }
}

describe('the plan tree from the warm-start cache', function () {
  this.timeout(30_000);
  let root: string;
  let cacheDir: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'opsbook-tree-'));
    cacheDir = mkdtempSync(path.join(tmpdir(), 'opsbook-tree-cache-'));
    for (const [name, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    age(root);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });
  const init = (today = TODAY): EngineInit => ({
    fs: new NodeWorkspaceFs(root),
    builtinPacks: builtinPacks(),
    clock: () => today,
    today,
    cache: new NodeWarmCache(root, 'test', cacheDir),
  });

  it('is the tree the model builds, once a check wrote the cache of an unchanged folder', async () => {
    const r = await openWorkspace(init());
    const expected = buildPlanTree(r.workspace);
    assert.equal(expected.roots[0]?.id, 'CH-2026');
    assert.equal(await planTreeFromCache(init()), undefined, 'nothing before the cache is written');
    await r.saveCache();
    assert.equal(JSON.stringify(await planTreeFromCache(init())), JSON.stringify(expected));
  });

  it('is not used for another date, or once a file changed', async () => {
    await (await openWorkspace(init())).saveCache();
    assert.equal(await planTreeFromCache(init('2026-07-01')), undefined);
    writeFileSync(path.join(root, 'plans/2026/总部.yaml'), FILES['plans/2026/总部.yaml']!.replace('actual: 5', 'actual: 7'));
    assert.equal(await planTreeFromCache(init()), undefined);
  });

  it('is kept after changes to files the tree does not read, and not after changes to files it reads or could read', async () => {
    const add = (name: string, text: string): void => {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    };
    add('projects/旗舰店.md', '---\nid: XM-01\ntitle: 旗舰店开业\nplan: CH-I1\nbudget: 50000\n---\n筹备中。\n');
    add('partners/茶园.yaml', 'partners:\n  - id: HZ-001\n    name: 龙井茶园\n    type: supplier\n    status: active\n');
    add(
      'plans/2026/总部.yaml',
      FILES['plans/2026/总部.yaml']! + '    initiatives:\n      - id: CH-I1\n        title: 旗舰店\n        status: in-progress\n        budget: 80000\n',
    );
    age(root);
    await (await openWorkspace(init())).saveCache();
    const cold = async (): Promise<string> => JSON.stringify(buildPlanTree((await openWorkspace({ ...init(), cache: undefined })).workspace));
    const partner = path.join(root, 'partners/茶园.yaml');
    // A partner's status changed: the tree cannot depend on it, and comes from the cache.
    writeFileSync(partner, readFileSync(partner, 'utf8').replace('active', 'ended'));
    const kept = await planTreeFromCache(init());
    assert.ok(kept, 'the cached tree, after a change it does not read');
    assert.equal(JSON.stringify(kept), await cold());
    // A new file with a plan in it: the tree may change, so it is built from the model.
    add('plans/2026/杭州.yaml', 'kind: plan\nid: HZ-2026\ntitle: 杭州计划\nparent: CH-2026\nperiod: FY2026\n');
    assert.equal(await planTreeFromCache(init()), undefined);
    rmSync(path.join(root, 'plans/2026/杭州.yaml'));
    assert.ok(await planTreeFromCache(init()), 'the plan gone again: the cache holds');
    // The project that spends on an initiative (a file the tree read) changed.
    const project = path.join(root, 'projects/旗舰店.md');
    writeFileSync(project, readFileSync(project, 'utf8').replace('budget: 50000', 'budget: 60000'));
    assert.equal(await planTreeFromCache(init()), undefined);
    // A new expense booked on that project: a file the tree would read.
    writeFileSync(project, readFileSync(project, 'utf8').replace('budget: 60000', 'budget: 50000'));
    assert.ok(await planTreeFromCache(init()), 'the project as it was: the cache holds');
    add(
      'finance/2026-06.yaml',
      'expenses:\n  - id: FY-0601\n    date: 2026-06-01\n    amount: 1200\n    currency: CNY\n    description: 装修押金\n    project: XM-01\n',
    );
    assert.equal(await planTreeFromCache(init()), undefined);
    rmSync(path.join(root, 'finance/2026-06.yaml'));
    // The same expense, booked on no project: it cannot change the tree.
    add('finance/2026-06.yaml', 'expenses:\n  - id: FY-0601\n    date: 2026-06-01\n    amount: 1200\n    currency: CNY\n    description: 装修押金\n');
    assert.ok(await planTreeFromCache(init()));
    assert.equal(JSON.stringify(await planTreeFromCache(init())), await cold());
    assert.ok(JSON.parse(await cold()).roots[0].objectives[0].initiatives[0].spent === 0, 'the project spends nothing yet');
  });
});
