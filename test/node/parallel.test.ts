import * as assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openWorkspace, parseFile, rangesOf, type EngineInit, type RangeJob } from '../../src/core/index';
import { buildPlanTree } from '../../src/core/plan/tree';
import { NodeWarmCache } from '../../src/node/cache';
import { NodeWorkspaceFs } from '../../src/node/fs';
import { builtinPacks } from '../../src/node/host';
import { closeParsers, parallelParser, parallelRanger } from '../../src/node/parallel';

// The worker bundled from source as esbuild.mjs does, into a temporary folder (no `npm run build` needed).
const WORKER = path.join(mkdtempSync(path.join(tmpdir(), 'opsbook-worker-')), 'parse-worker.js');

describe('parse workers', () => {
  before(async function () {
    this.timeout(60000);
    await esbuild.build({
      entryPoints: [path.resolve(__dirname, '..', '..', 'src', 'node', 'parse-worker.ts')],
      outfile: WORKER,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
    });
  });
  after(() => rmSync(path.dirname(WORKER), { recursive: true, force: true }));

  // A bakery's products, one file each, enough for a batch to go to the workers.
  const files = Array.from({ length: 80 }, (_, i) => ({
    path: `catalog/面包-${i}.yaml`,
    content: `products:\n  - id: 面包-${i}\n    name: 全麦吐司 ${i}\n    list_price: ${1200 + i}\n`,
  }));

  it('parse as this thread does, and after being closed (a CLI closes them once its files are read) start again on the next batch', async () => {
    const parse = parallelParser(WORKER);
    assert.ok(parse, `the bundled worker is missing: ${WORKER}`);
    const expected = files.map((f) => parseFile(f.path, f.content));
    assert.deepEqual(await parse(files), expected);
    await closeParsers();
    await closeParsers(); // closing twice is harmless
    assert.deepEqual(await parse(files), expected);
    await closeParsers();
  });

  it('read their files themselves: same problems and plan tree as this thread, and a cache the next start finds unchanged', async function () {
    this.timeout(60000);
    const root = mkdtempSync(path.join(tmpdir(), 'opsbook-read-'));
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'opsbook-read-cache-'));
    try {
      mkdirSync(path.join(root, 'catalog'));
      mkdirSync(path.join(root, 'plans'));
      for (const f of files) writeFileSync(path.join(root, f.path), f.content);
      writeFileSync(path.join(root, 'catalog', '坏.yaml'), 'products:\n  - id: 坏-1\n    list_price: abc\n');
      writeFileSync(
        path.join(root, 'plans', '2026.yaml'),
        'kind: plan\nid: 面包-2026\ntitle: 年度计划\nperiod: 2026\nobjectives:\n  - id: O1\n    kpis:\n      - id: K1\n        metric: 门店\n        target: 3\n',
      );
      const past = new Date(Date.now() - 3600_000);
      for (const f of [...files.map((x) => x.path), 'catalog/坏.yaml', 'plans/2026.yaml']) utimesSync(path.join(root, f), past, past);
      const init = (workers: boolean): EngineInit => ({
        fs: new NodeWorkspaceFs(root),
        builtinPacks: builtinPacks(),
        clock: () => '2026-06-15',
        today: '2026-06-15',
        cache: new NodeWarmCache(root, 'test', cacheDir),
        ...(workers ? { parseMany: parallelParser(WORKER), parseReadsFiles: true } : {}),
      });
      const inThread = await openWorkspace({ ...init(false), cache: undefined });
      const read = await openWorkspace(init(true));
      await closeParsers();
      assert.deepEqual(read.workspace.diagnostics(), inThread.workspace.diagnostics());
      assert.ok(read.workspace.diagnostics().some((d) => d.file === 'catalog/坏.yaml'));
      assert.deepEqual(JSON.stringify(buildPlanTree(read.workspace)), JSON.stringify(buildPlanTree(inThread.workspace)));
      await read.saveCache();
      const again = await openWorkspace(init(false));
      assert.deepEqual(again.load, { warm: true, changed: 0 }, 'stamps and hashes from the workers are the ones this thread computes');
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('work out source ranges as this thread does, split between them', async () => {
    const rangeMany = parallelRanger(WORKER);
    assert.ok(rangeMany);
    const jobs: RangeJob[] = files.slice(0, 40).map((f, i) => ({
      path: f.path,
      text: f.content,
      lineOffset: i % 3,
      anchors: [
        { doc: 0, path: ['products', 0], part: 'entity' },
        { doc: 0, path: ['products', 0, 'list_price'], part: 'value' },
        { doc: 0, path: ['products', 0, 'missing'], part: 'key' },
      ],
    }));
    assert.deepEqual(await rangeMany(jobs), jobs.map(rangesOf));
    // In the background (the plan tree's lines, while this thread checks entities): one worker, the same ranges.
    assert.deepEqual(await rangeMany(jobs, { background: true }), jobs.map(rangesOf));
    await closeParsers();
  });
});
