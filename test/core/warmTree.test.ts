import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
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
});
