import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkFromCache, openWorkspace, prepareWorkspace, reportFromCache, type EngineInit } from '../../src/core/engine';
import { buildDashboard } from '../../src/core/dashboard/model';
import type { WorkspaceFileSystem } from '../../src/core/host';
import { NodeWarmCache } from '../../src/node/cache';
import { NodeWorkspaceFs } from '../../src/node/fs';
import { builtinPacks } from '../../src/node/host';

const TODAY = '2026-06-15';
const HEADER = { title: '茶语 运营看板', generatedAt: '2026-06-15T08:00:00.000Z' };

/**
 * A tea chain's workspace, as its own team writes it: Chinese names, its own ids, a fiscal
 * year starting in April, and its mistakes (a partner in a region that does not exist, a
 * standard whose review is overdue, a store-opening KPI far behind).
 */
const FILES: Record<string, string> = {
  'opsbook.yaml': 'opsbook: 1\npacks: [ops]\nlocale: zh-CN\nfiscalYearStart: 4\n',
  'org/regions.yaml':
    'regions:\n  - id: QY-ZB\n    name: 总部\n  - id: QY-HZ\n    name: 杭州大区\n    parent: QY-ZB\n  - id: QY-NJ\n    name: 南京大区\n    parent: QY-ZB\n',
  'plans/FY2026/总部.yaml':
    'id: CY-FY26\ntitle: 茶语 FY2026 年度计划\nperiod: FY2026\nregion: QY-ZB\nstatus: approved\nbudget:\n  amount: 900000\n  currency: CNY\nobjectives:\n  - id: CY-O1\n    title: 门店扩张\n    kpis:\n      - id: CY-K1\n        metric: 新开门店\n        unit: count\n        target: 12\n        actual: 2\n        direction: up\n',
  'plans/FY2026/杭州.yaml':
    'id: CY-FY26-HZ\ntitle: 杭州大区 FY2026 计划\nperiod: FY2026-Q1\nregion: QY-HZ\nparent: CY-FY26\nstatus: approved\nbudget:\n  amount: 200000\n  currency: CNY\nobjectives:\n  - id: CY-HZ-O1\n    title: 提升单店营业额\n    kpis:\n      - id: CY-HZ-K1\n        metric: 单店月营业额\n        unit: CNY\n        target: 450000\n        actual: 380000\n        direction: up\n',
  'partners/供应商.yaml':
    'partners:\n  - id: GYS-01\n    name: 龙井茶园合作社\n    type: supplier\n    regions: [QY-HZ]\n    status: active\n    contract: { start: 2026-04-01, end: 2026-07-31, value: 360000, currency: CNY }\n  - id: GYS-02\n    name: 金陵乳业\n    type: supplier\n    regions: [QY-SZ]\n    status: active\n    contract: { start: 2025-04-01, end: 2027-03-31, value: 520000, currency: CNY }\n',
  'standards/出品规范.md':
    '---\nid: BZ-CP-01\ntitle: 出品操作规范\nstatus: approved\nversion: 1.2.0\neffective: 2025-04-01\nreview_due: 2026-03-31\n---\n\n# 出品操作规范\n\n## 1 茶汤\n每杯茶汤出品前须核对温度与糖度。\n',
};

/** Every file an hour old: outside the cache's "just modified" window. */
function age(dir: string): void {
  const past = new Date(Date.now() - 3600_000);
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, name);
    if (statSync(p).isFile()) utimesSync(p, past, past);
  }
}

/** The cache's clock, set by the test. */
class ClockedCache extends NodeWarmCache {
  at = Date.now();
  override now(): number {
    return this.at;
  }
}

/**
 * The test folder (FILES, an hour old), a cache folder and a clocked cache, made anew before each
 * test; `init` opens it through a file system that counts the documents read (the configuration
 * is read by every command).
 */
function folderWithCache(prefix: string) {
  const f = {
    root: '',
    cacheDir: '',
    reads: [] as string[],
    cache: undefined as unknown as ClockedCache,
    init(today = TODAY, withCache = true): EngineInit {
      const fs = new NodeWorkspaceFs(f.root);
      const counting: WorkspaceFileSystem = {
        listFiles: (e) => fs.listFiles(e),
        readFile: (p) => {
          if (p !== 'opsbook.yaml') f.reads.push(p);
          return fs.readFile(p);
        },
        size: (p) => fs.size(p),
        stamp: (p) => fs.stamp(p),
      };
      const i: EngineInit = { fs: counting, builtinPacks: builtinPacks(), clock: () => today, today };
      if (withCache) i.cache = f.cache;
      return i;
    },
  };
  beforeEach(() => {
    f.root = mkdtempSync(path.join(tmpdir(), `opsbook-${prefix}-`));
    f.cacheDir = mkdtempSync(path.join(tmpdir(), `opsbook-${prefix}-cache-`));
    for (const [name, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(f.root, name)), { recursive: true });
      writeFileSync(path.join(f.root, name), text);
    }
    age(f.root);
    f.reads = [];
    f.cache = new ClockedCache(f.root, 'test', f.cacheDir);
  });
  afterEach(() => {
    rmSync(f.root, { recursive: true, force: true });
    rmSync(f.cacheDir, { recursive: true, force: true });
  });
  return f;
}

describe('the report from the warm-start cache (the report part)', function () {
  this.timeout(60_000);
  const f = folderWithCache('report');
  const init = (today = TODAY, withCache = true): EngineInit => f.init(today, withCache);
  /** The data.js payload a cold run builds (no cache at all). */
  const cold = async (today = TODAY) => JSON.stringify(buildDashboard((await openWorkspace(init(today, false))).workspace, HEADER));
  /** What `opsbook report` does without a usable part: open, build, write the part. */
  const reportOpening = async (today = TODAY) => {
    const r = await openWorkspace(init(today));
    const data = buildDashboard(r.workspace, HEADER);
    await r.saveReport(data);
    return JSON.stringify(data);
  };
  const fromCache = async (today = TODAY, header = HEADER) => {
    const i = init(today);
    const setup = await prepareWorkspace(i);
    f.reads = [];
    const data = await reportFromCache(i, setup, header);
    return data && JSON.stringify(data);
  };
  const partFile = () => readdirSync(f.cacheDir).find((n) => n.endsWith('.report'));

  it('gives the cold data byte for byte from the part, reading no document, with this run’s title and time in their places', async () => {
    const expected = await cold();
    assert.ok(expected.includes('"locale":"zh-CN"') && expected.includes('GYS-02'), 'the data holds the workspace');
    assert.ok(/"diagnosticsTotal":[1-9]/.test(expected), 'and its mistakes');
    assert.equal(await fromCache(), undefined, 'nothing before a report wrote the part');
    assert.equal(await reportOpening(), expected);
    assert.ok(partFile(), 'the report wrote its part');
    assert.equal(await fromCache(), expected);
    assert.deepEqual(f.reads, []);
    const other = { title: '另一个标题', generatedAt: '2026-06-15T09:30:00.000Z' };
    const again = await fromCache(TODAY, other);
    assert.equal(again, JSON.stringify(buildDashboard((await openWorkspace(init(TODAY, false))).workspace, other)));
  });

  it('is not used after a file changed, for another date, or when damaged; the next report writes it again', async () => {
    await reportOpening();
    assert.equal(await fromCache('2026-06-16'), undefined, 'another date');
    const file = path.join(f.root, 'partners/供应商.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('value: 360000', 'value: 390000'));
    assert.equal(await fromCache(), undefined, 'a changed file');
    const changed = await cold();
    assert.ok(changed.includes('390000'));
    assert.equal(await reportOpening(), changed);
    assert.equal(await fromCache(), changed);
    const part = path.join(f.cacheDir, partFile()!);
    const whole = readFileSync(part);
    for (const at of [40, Math.floor(whole.length / 2), whole.length - 12]) {
      const damaged = Buffer.from(whole);
      damaged[at] = damaged[at]! ^ 0x20;
      writeFileSync(part, damaged);
      assert.equal(await fromCache(), undefined, `a flipped byte at ${at}`);
    }
    writeFileSync(part, whole.subarray(0, whole.length - 100));
    assert.equal(await fromCache(), undefined, 'cut short');
    writeFileSync(part, whole);
    assert.equal(await fromCache(), changed);
  });

  it('re-reads only a file modified just before the part was written, and never trusts it once changed with the same size and time', async () => {
    const file = path.join(f.root, 'org/regions.yaml');
    const racy = new Date(f.cache.at - 500);
    utimesSync(file, racy, racy);
    const expected = await reportOpening();
    assert.equal(await fromCache(), expected);
    assert.deepEqual(f.reads, ['org/regions.yaml']);
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('杭州大区', '苏州大区');
    assert.equal(Buffer.byteLength(edited), Buffer.byteLength(text));
    writeFileSync(file, edited);
    utimesSync(file, racy, racy);
    assert.equal(await fromCache(), undefined);
  });
});

describe('files modified just before the cache was written', function () {
  this.timeout(60_000);
  const f = folderWithCache('racy');
  const init = (withCache = true): EngineInit => f.init(TODAY, withCache);
  const quick = async () => {
    f.reads = [];
    return (await checkFromCache(init()))?.diagnostics;
  };
  const fresh = async () => (await openWorkspace(init(false))).workspace.diagnostics();

  it('re-reads only that file, then moves the cache’s time so that no later command reads it again', async () => {
    const file = path.join(f.root, 'plans/FY2026/杭州.yaml');
    const t0 = f.cache.at;
    const racy = new Date(t0 - 500); // saved 0.5 s after the edit, as a check right after editing does
    utimesSync(file, racy, racy);
    const r = await openWorkspace(init());
    const expected = r.workspace.diagnostics();
    await r.saveCache();
    // Still inside the racy window: the file is re-read, the cache is left as it is.
    f.cache.at = t0 + 1000;
    assert.deepEqual(await quick(), expected);
    assert.deepEqual(f.reads, ['plans/FY2026/杭州.yaml']);
    assert.equal((await f.cache.loadSummary(await signatureOf()))?.savedAt, t0);
    // A minute later: re-read once, found unchanged, and the cache's time moves to this run's stamps.
    f.cache.at = t0 + 60_000;
    assert.deepEqual(await quick(), expected);
    assert.deepEqual(f.reads, ['plans/FY2026/杭州.yaml']);
    assert.equal((await f.cache.loadSummary(await signatureOf()))?.savedAt, t0 + 60_000);
    f.cache.at = t0 + 120_000;
    assert.deepEqual(await quick(), expected);
    assert.deepEqual(f.reads, [], 'nothing read any more');
    f.reads = [];
    const warm = await openWorkspace(init());
    assert.deepEqual(warm.load, { warm: true, changed: 0 });
    assert.deepEqual(f.reads, [], 'the full restore trusts it too');
    assert.deepEqual(warm.workspace.diagnostics(), expected);
  });

  it('never trusts the racy file once its content changed, even with the same size and time, and the restamp cannot hide it', async () => {
    const file = path.join(f.root, 'plans/FY2026/杭州.yaml');
    const t0 = f.cache.at;
    const racy = new Date(t0 - 500);
    utimesSync(file, racy, racy);
    const r = await openWorkspace(init());
    r.workspace.diagnostics();
    await r.saveCache();
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('actual: 380000', 'actual: 980000');
    assert.equal(Buffer.byteLength(edited), Buffer.byteLength(text));
    writeFileSync(file, edited);
    utimesSync(file, racy, racy);
    f.cache.at = t0 + 60_000;
    assert.equal(await quick(), undefined, 'the changed content is seen');
    assert.equal((await f.cache.loadSummary(await signatureOf()))?.savedAt, t0, 'and the cache keeps its time');
    const warm = await openWorkspace(init());
    assert.deepEqual(warm.load, { warm: true, changed: 1 });
    assert.deepEqual(warm.workspace.diagnostics(), await fresh());
  });

  it('records a file whose stamp moved but whose content is the same at the next save, so it is not re-read forever', async () => {
    const r = await openWorkspace(init());
    const expected = r.workspace.diagnostics();
    await r.saveCache();
    const file = path.join(f.root, 'partners/供应商.yaml');
    const later = new Date(f.cache.at - 1800_000);
    utimesSync(file, later, later);
    assert.deepEqual(await quick(), expected, 'answered after re-reading that file');
    assert.deepEqual(f.reads, ['partners/供应商.yaml']);
    const warm = await openWorkspace(init());
    assert.deepEqual(warm.load, { warm: true, changed: 0 });
    await warm.saveCache();
    assert.deepEqual(await quick(), expected);
    assert.deepEqual(f.reads, [], 'the new stamp was saved');
  });

  it('restamp moves only the time of the cache written at `from`, leaving a cache written at another time as it is', async () => {
    const r = await openWorkspace(init());
    const expected = r.workspace.diagnostics();
    await r.saveCache();
    const t0 = f.cache.at;
    const file = path.join(
      f.cacheDir,
      readdirSync(f.cacheDir).find((n) => n.endsWith('.cache'))!,
    );
    const bytes = readFileSync(file);
    const signature = await signatureOf();
    await f.cache.restamp(signature, t0 + 1, t0 + 60_000);
    await f.cache.restamp(signature + 'x', t0, t0 + 60_000);
    await f.cache.restamp(signature, t0, t0 - 1);
    assert.deepEqual(readFileSync(file), bytes);
    await f.cache.restamp(signature, t0, t0 + 60_000);
    assert.notDeepEqual(readFileSync(file), bytes);
    assert.equal((await f.cache.loadSummary(signature))?.savedAt, t0 + 60_000);
    const loaded = await f.cache.load(signature);
    assert.equal(loaded?.savedAt, t0 + 60_000);
    assert.equal(loaded?.summaryIntact, true);
    assert.deepEqual(await quick(), expected);
    // Cut inside the index: never trusted, and not restamped into something that looks whole.
    writeFileSync(file, readFileSync(file).subarray(0, readFileSync(file).length - 30));
    await f.cache.restamp(signature, t0 + 60_000, t0 + 120_000);
    assert.equal(await f.cache.loadSummary(signature), undefined);
    assert.equal(await quick(), undefined);
  });

  /** The signature the engine stores the cache under (found by the cache file it wrote). */
  async function signatureOf(): Promise<string> {
    const { configSignature } = await import('../../src/core/config/signature');
    const setup = await prepareWorkspace(init());
    return `${configSignature(setup.config)}\u0000${''}`;
  }
});
