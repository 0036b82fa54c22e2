import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkFromCache, openWorkspace, type EngineInit } from '../../src/core/engine';
import { NodeWarmCache } from '../../src/node/cache';
import { NodeWorkspaceFs } from '../../src/node/fs';
import { builtinPacks } from '../../src/node/host';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'lumen-oak');
const TODAY = '2026-06-15';

/** Moves every file's mtime an hour back, out of the cache's "just modified" window. */
function age(dir: string): void {
  const past = new Date(Date.now() - 3600_000);
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, name);
    if (statSync(p).isFile()) utimesSync(p, past, past);
  }
}

describe('warm-start cache', function () {
  this.timeout(60_000);
  let root: string;
  let cacheDir: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'opsbook-warm-'));
    cacheDir = mkdtempSync(path.join(tmpdir(), 'opsbook-cache-'));
    cpSync(SAMPLE, root, { recursive: true });
    age(root);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  const init = (today = TODAY, cache = true): EngineInit => {
    const i: EngineInit = { fs: new NodeWorkspaceFs(root), builtinPacks: builtinPacks(), clock: () => today, today };
    if (cache) i.cache = new NodeWarmCache(root, 'test', cacheDir);
    return i;
  };
  const fresh = async (today = TODAY) => (await openWorkspace(init(today, false))).workspace.diagnostics();
  const coldThenSave = async () => {
    const r = await openWorkspace(init());
    assert.equal(r.load?.warm, false);
    const d = r.workspace.diagnostics();
    await r.saveCache();
    return d;
  };

  it('answers an unchanged workspace from the summary, equal to a fresh check', async () => {
    const cold = await coldThenSave();
    assert.equal(cold.length, 8);
    const quick = await checkFromCache(init());
    assert.ok(quick, 'the summary is used');
    assert.deepEqual(quick.diagnostics, cold);
    const warm = await openWorkspace(init());
    assert.deepEqual(warm.load, { warm: true, changed: 0 });
    assert.deepEqual(warm.workspace.diagnostics(), cold);
  });

  it('re-parses a changed file through the incremental path and matches a fresh check', async () => {
    await coldThenSave();
    const file = path.join(root, 'catalog/living.yaml');
    const before = readFileSync(file, 'utf8');
    const after = before.replace(/floor_price: \d+/, 'floor_price: 99999');
    assert.notEqual(after, before);
    writeFileSync(file, after);
    age(root);
    assert.equal(await checkFromCache(init()), undefined, 'a changed stamp disables the summary');
    const warm = await openWorkspace(init());
    assert.deepEqual(warm.load, { warm: true, changed: 1 });
    const expected = await fresh();
    assert.ok(expected.some((d) => d.ruleId === 'price/below-floor'));
    assert.deepEqual(warm.workspace.diagnostics(), expected);
  });

  it('keeps a file whose stamp moved but whose content hash is the same', async () => {
    await coldThenSave();
    const file = path.join(root, 'partners/media.yaml');
    const later = new Date(Date.now() - 1800_000);
    utimesSync(file, later, later);
    const warm = await openWorkspace(init());
    assert.deepEqual(warm.load, { warm: true, changed: 0 });
  });

  it('sees added and deleted files', async () => {
    await coldThenSave();
    rmSync(path.join(root, 'projects/north-sanlitun-windows.md'));
    writeFileSync(path.join(root, 'partners/extra.yaml'), 'partners:\n  - id: PTN-EXTRA\n    name: Extra\n    type: media\n    status: active\n    owner: PER-NOBODY\n');
    age(root);
    assert.equal(await checkFromCache(init()), undefined);
    const warm = await openWorkspace(init());
    assert.equal(warm.load?.warm, true);
    assert.deepEqual(warm.workspace.diagnostics(), await fresh());
  });

  it('re-checks every rule on another day', async () => {
    await coldThenSave();
    assert.equal(await checkFromCache(init('2026-07-20')), undefined);
    const warm = await openWorkspace(init('2026-07-20'));
    assert.equal(warm.load?.warm, true);
    const expected = await fresh('2026-07-20');
    assert.notDeepEqual(expected, await fresh());
    assert.deepEqual(warm.workspace.diagnostics(), expected);
  });

  it('ignores a cache written for another configuration', async () => {
    await coldThenSave();
    writeFileSync(path.join(root, 'opsbook.yaml'), `${readFileSync(path.join(root, 'opsbook.yaml'), 'utf8')}\nrules:\n  inventory/below-reorder: off\n`);
    age(root);
    assert.equal(await checkFromCache(init()), undefined);
    const r = await openWorkspace(init());
    assert.equal(r.load?.warm, false);
    assert.deepEqual(r.workspace.diagnostics().map((d) => d.ruleId).filter((id) => id === 'inventory/below-reorder'), []);
    assert.deepEqual(r.workspace.diagnostics(), await fresh());
  });

  // The summary and the state are checked separately: damage to the state leaves a verified
  // summary usable for `check`, but the model is rebuilt from the files.
  for (const [name, summaryIntact, damage] of [
    ['a flipped byte in the state', true, (b: Buffer) => { b[b.length - 100] ^= 0xff; }],
    ['a flipped byte in the summary', false, (b: Buffer) => { b[b.indexOf(10, 20) + 50] ^= 0x01; }],
    ['a truncated file', true, (b: Buffer) => b.subarray(0, b.length >> 1)],
    ['a file cut inside its header', false, (b: Buffer) => b.subarray(0, 40)],
    ['garbage', false, () => Buffer.from('not a cache at all')],
  ] as const) {
    it(`never trusts a corrupt cache: ${name}`, async () => {
      const cold = await coldThenSave();
      const file = new NodeWarmCache(root, 'test', cacheDir).file;
      const buf = readFileSync(file);
      const out = (damage as (b: Buffer) => Buffer | void)(buf) ?? buf;
      writeFileSync(file, out);
      const quick = await checkFromCache(init());
      if (summaryIntact) assert.deepEqual(quick?.diagnostics, cold);
      else assert.equal(quick, undefined);
      const r = await openWorkspace(init());
      assert.equal(r.load?.warm, false, 'rebuilt from the files');
      assert.deepEqual(r.workspace.diagnostics(), cold);
      await r.saveCache();
      assert.ok(await checkFromCache(init()), 'and rewritten');
    });
  }
});
