import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkFromCache, openWorkspace, type EngineInit } from '../../src/core/engine';
import { NodeWarmCache, pruneCacheDir } from '../../src/node/cache';
import { NodeWorkspaceFs } from '../../src/node/fs';
import { builtinPacks } from '../../src/node/host';
import { parseFile } from '../../src/core/parse/file';
import { packFileState, unpackFileState } from '../../src/core/warm/pack';
import type { Workspace } from '../../src/core/model/workspace';

/** Source ranges resolved so far: the engine's own counter, not part of the public workspace. */
const rangesOf = (ws: unknown): number => (ws as Workspace).resolvedRangeCount;
import { deserialize, serialize } from 'node:v8';

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

  it('the workspace writes its own cache: save() on the opened workspace, as the CLI does after check', async () => {
    const r = await openWorkspace(init());
    const cold = r.workspace.diagnostics();
    assert.equal(await checkFromCache(init()), undefined, 'nothing written yet');
    await r.workspace.save();
    assert.deepEqual((await checkFromCache(init()))?.diagnostics, cold);
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
    writeFileSync(
      path.join(root, 'partners/extra.yaml'),
      'partners:\n  - id: PTN-EXTRA\n    name: Extra\n    type: media\n    status: active\n    owner: PER-NOBODY\n',
    );
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
    assert.deepEqual(
      r.workspace
        .diagnostics()
        .map((d) => d.ruleId)
        .filter((id) => id === 'inventory/below-reorder'),
      [],
    );
    assert.deepEqual(r.workspace.diagnostics(), await fresh());
  });

  it('restores for the editor in slices, pausing between them, from a cache written without a summary', async () => {
    let pauses = 0;
    const pause = async (): Promise<void> => {
      pauses++;
      await new Promise((resolve) => setImmediate(resolve));
    };
    const first = await openWorkspace({ ...init(), pause });
    assert.equal(first.load?.warm, false);
    const cold = first.workspace.diagnostics();
    await first.saveCache({ summary: false });
    assert.equal(await checkFromCache(init()), undefined, 'the editor writes no summary');
    pauses = 0;
    const warm = await openWorkspace({ ...init(), pause });
    assert.deepEqual(warm.load, { warm: true, changed: 0 });
    assert.ok(pauses >= 3, `paused ${pauses} times (configuration, state slice, import slice)`);
    assert.deepEqual(warm.workspace.diagnostics(), cold);
    assert.deepEqual(cold, await fresh());
  });

  it('writes the snapshot taken at load: with ranges resolved since, without edits made since', async () => {
    const r = await openWorkspace(init());
    const write = r.snapshotCache({ summary: false });
    const cold = r.workspace.diagnostics(); // resolves the ranges of every diagnostic
    const ranges = rangesOf(r.workspace);
    assert.ok(ranges > 0);
    r.workspace.setFile('partners/media.yaml', 'partners: [ {'); // an unsaved edit after the snapshot
    assert.notDeepEqual(r.workspace.diagnostics(), cold);
    await write();
    const warm = await openWorkspace(init());
    assert.deepEqual(warm.load, { warm: true, changed: 0 });
    // Ranges depend only on a file's text: those the unchanged files resolved after the edit
    // (its ref/missing problems elsewhere) are valid and written too.
    assert.ok(rangesOf(warm.workspace) >= ranges, `the ranges resolved after the snapshot were written: ${rangesOf(warm.workspace)} of ${ranges}`);
    assert.deepEqual(warm.workspace.diagnostics(), cold, 'the disk state, not the edit');
  });

  it('writes the summary the editor hands over with its snapshot, which the next start shows at once', async () => {
    const r = await openWorkspace(init());
    const write = r.snapshotCache({ summary: false });
    const published = r.workspace.diagnostics(); // what the editor published, before any editor text
    await write(published);
    const quick = await checkFromCache(init());
    assert.deepEqual(quick?.diagnostics, published);
    assert.deepEqual(published, await fresh());
    // Touch a file: the summary no longer applies, the state still does.
    const file = path.join(root, 'partners', 'media.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n# touched\n`);
    assert.equal(await checkFromCache(init()), undefined);
    assert.deepEqual((await openWorkspace(init())).load, { warm: true, changed: 1 });
  });

  it('deletes caches unused for 30 days and abandoned temporary files, nothing else', async () => {
    const now = Date.now();
    const files: Record<string, number> = { 'old.cache': 40, 'recent.cache': 2, 'old.tmp': 1, 'fresh.tmp': 0, 'notes.txt': 400 };
    for (const [name, days] of Object.entries(files)) {
      const p = path.join(cacheDir, name);
      writeFileSync(p, 'x');
      const t = new Date(now - days * 24 * 3600_000 - 60_000);
      utimesSync(p, t, t);
    }
    await pruneCacheDir(cacheDir, now);
    assert.deepEqual(readdirSync(cacheDir).sort(), ['fresh.tmp', 'notes.txt', 'recent.cache']);
  });

  // The summary and each slice of the state are checked separately: damage to the state
  // leaves a verified summary usable for `check`, but the model is rebuilt from the files.
  // The index sits at the end, so a truncated file is unusable as a whole.
  for (const [name, summaryIntact, stateIntact, damage] of [
    [
      'a flipped byte in the state',
      true,
      false,
      (b: Buffer) => {
        b[b.length >> 1] ^= 0xff;
      },
    ],
    [
      'a flipped byte in the summary',
      false,
      true,
      (b: Buffer) => {
        b[40] ^= 0x01;
      },
    ],
    [
      'a flipped byte in the index',
      false,
      false,
      (b: Buffer) => {
        b[b.length - 30] ^= 0x01;
      },
    ],
    ['a truncated file', false, false, (b: Buffer) => b.subarray(0, b.length >> 1)],
    ['a file cut inside its header', false, false, (b: Buffer) => b.subarray(0, 10)],
    ['garbage', false, false, () => Buffer.from('not a cache at all')],
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
      assert.equal(r.load?.warm, stateIntact, stateIntact ? 'the intact state is used' : 'rebuilt from the files');
      assert.deepEqual(r.workspace.diagnostics(), cold);
      await r.saveCache();
      assert.ok(await checkFromCache(init()), 'and rewritten');
    });
  }
});

describe('warm-start cache: file state packing', () => {
  const md = `---\nid: STD-1\ntitle: A standard with enough front matter to be worth sharing\nstatus: approved\n---\n# Purpose\n\n${'Every visitor is welcomed within ten seconds. '.repeat(4)}\n`;
  const yaml = `partners:\n${Array.from({ length: 5 }, (_, i) => `  - id: PTN-${i}\n    name: Partner number ${i}\n`).join('')}`;
  for (const [name, parsed] of [
    ['markdown', parseFile('standards/a.md', md)],
    ['yaml', parseFile('partners/a.yaml', yaml)],
  ] as const) {
    it(`stores the text of a ${name} file once and restores an equal state`, () => {
      const state = { parsed, analysis: { entities: [], references: [], findings: [] }, results: [], ranges: [] };
      const before = JSON.stringify(state);
      const packed = packFileState(state);
      assert.equal(JSON.stringify(state), before, 'the live state is not touched');
      assert.equal(packed.parsed.yamlText, '');
      if (parsed.body) assert.equal(packed.parsed.body?.text, '');
      assert.ok(serialize(packed).length < serialize(state).length * 0.8, 'smaller when serialized');
      assert.equal(JSON.stringify(unpackFileState(deserialize(serialize(packed)) as typeof packed)), before);
    });
  }
});
