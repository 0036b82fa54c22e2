import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openWorkspace, type EngineInit } from '../../src/core/engine';
import { buildDashboard } from '../../src/core/dashboard/model';
import { rangesOf, type RangeJob } from '../../src/core/parse/positions';
import { buildPlanTree, type PlanTree } from '../../src/core/plan/tree';
import { NodeWarmCache } from '../../src/node/cache';
import { NodeWorkspaceFs } from '../../src/node/fs';
import { builtinPacks } from '../../src/node/host';

// A CLI load that will write the warm-start cache has its workers work out the line of every
// entity the plan tree shows while it checks the entities: those lines must be exactly what the
// lazily built positions give, or a plan tree recorded in the cache would point at other lines.
/** How many entities a plan tree shows (plans, objectives, KPIs, initiatives). */
function shownIn(tree: PlanTree): number {
  const count = (nodes: PlanTree['roots']): number =>
    nodes.reduce((n, p) => n + 1 + p.objectives.reduce((m, o) => m + 1 + o.kpis.length + o.initiatives.length, 0) + count(p.children), 0);
  return count(tree.roots);
}

describe('plan entity ranges worked out on the workers', () => {
  let cacheDir = '';
  beforeEach(() => (cacheDir = mkdtempSync(path.join(tmpdir(), 'opsbook-plan-ranges-'))));
  afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

  for (const sample of ['lumen-oak', 'broken', 'maitian-bakery']) {
    it(`give ${sample} the same plan tree, dashboard and diagnostics as positions worked out on demand`, async () => {
      const root = path.join(__dirname, '..', '..', 'samples', sample);
      const entityAnchors: string[] = [];
      const init = (ranger: boolean): EngineInit => ({
        fs: new NodeWorkspaceFs(root),
        builtinPacks: builtinPacks(),
        clock: () => '2026-06-15',
        today: '2026-06-15',
        ...(ranger
          ? {
              cache: new NodeWarmCache(root, 'test', cacheDir),
              rangeMany: async (jobs: RangeJob[]) => {
                for (const j of jobs) for (const a of j.anchors) if (a.part === 'entity') entityAnchors.push(`${j.path}#${a.path.join('.')}`);
                return jobs.map(rangesOf);
              },
            }
          : {}),
      });
      const plain = (await openWorkspace(init(false))).workspace;
      const opened = await openWorkspace(init(true));
      const prefetched = opened.workspace;
      await prefetched.resolveRanges();
      const tree = buildPlanTree(plain);
      const shown = shownIn(tree);
      assert.ok(shown > 3, `${shown} plan entities shown`);
      assert.ok(entityAnchors.length >= shown, `${entityAnchors.length} entity ranges worked out for ${shown} entities shown`);
      const count = () => (prefetched as unknown as { resolvedRangeCount: number }).resolvedRangeCount;
      const before = count();
      const when = { title: sample, generatedAt: '2026-06-15T00:00:00Z' };
      assert.deepEqual(JSON.stringify(buildPlanTree(prefetched)), JSON.stringify(tree));
      assert.equal(count(), before, 'the plan tree resolved no range in this thread');
      assert.deepEqual(JSON.stringify(buildDashboard(prefetched, when)), JSON.stringify(buildDashboard(plain, when)));
      assert.deepEqual(prefetched.diagnostics(), plain.diagnostics());
    });
  }

  it('are not worked out for a load without a cache (nothing records the tree)', async () => {
    const root = path.join(__dirname, '..', '..', 'samples', 'lumen-oak');
    let entity = 0;
    const { workspace } = await openWorkspace({
      fs: new NodeWorkspaceFs(root),
      builtinPacks: builtinPacks(),
      clock: () => '2026-06-15',
      today: '2026-06-15',
      rangeMany: async (jobs: RangeJob[]) => {
        for (const j of jobs) entity += j.anchors.filter((a) => a.part === 'entity').length;
        return jobs.map(rangesOf);
      },
    });
    await workspace.resolveRanges();
    // Only the anchors of diagnostics: lumen-oak's few findings, not its dozens of plan entities.
    assert.ok(entity < shownIn(buildPlanTree(workspace)) / 2, `${entity} entity ranges worked out`);
  });

  it('ranges worked out in one pass over the files with diagnostics (as workers do) are the ones rangeOf gives', async () => {
    const root = path.join(__dirname, '..', '..', 'samples', 'broken');
    let seen: RangeJob[] = [];
    let calls = 0;
    const init = (withRanger: boolean): EngineInit => ({
      fs: new NodeWorkspaceFs(root),
      builtinPacks: builtinPacks(),
      clock: () => '2026-06-15',
      today: '2026-06-15',
      ...(withRanger ? { rangeMany: async (jobs: RangeJob[]) => ((seen = jobs), calls++, jobs.map(rangesOf)) } : {}),
    });
    const plain = (await openWorkspace(init(false))).workspace;
    const passed = (await openWorkspace(init(true))).workspace;
    await passed.resolveRanges();
    assert.ok(seen.length >= 10, `${seen.length} files`);
    assert.ok(seen.every((j) => j.anchors.length > 0));
    const count = () => (passed as unknown as { resolvedRangeCount: number }).resolvedRangeCount;
    const before = count();
    assert.deepEqual(passed.diagnostics(), plain.diagnostics());
    assert.equal(count(), before, 'reading the diagnostics resolved nothing more');
    await passed.resolveRanges();
    assert.equal(calls, 1, 'nothing left to work out the second time');
  });
});
