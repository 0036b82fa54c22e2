import * as assert from 'node:assert/strict';
import type { CachedFile, FileStamp, WorkspaceFileSystem } from '../../src/core/host';
import { MAX_RECHECK, recheck, tableOf } from '../../src/core/warm/verify';

/**
 * `recheck` with controlled times: a cache written at SAVED trusts a stamp only when the file
 * was modified more than 2 s before; files modified later are re-read and compared by content.
 */
const SAVED = 1_780_000_000_000;
const hash = (c: Uint8Array | string): string => `h:${typeof c === 'string' ? c : new TextDecoder().decode(c)}`;

function world(files: Record<string, { text: string; mtimeMs: number }>) {
  const reads: string[] = [];
  const fs: WorkspaceFileSystem = {
    listFiles: () => Promise.resolve(Object.keys(files)),
    readFile: (p) => {
      reads.push(p);
      return Promise.resolve(files[p]?.text);
    },
  };
  const paths = Object.keys(files).sort();
  const stamps: FileStamp[] = paths.map((p) => ({ size: Buffer.byteLength(files[p]!.text), mtimeMs: files[p]!.mtimeMs }));
  return { reads, fs, paths, stamps };
}

/** The table a cache written at SAVED holds for these files. */
function tableFor(files: Record<string, { text: string; mtimeMs: number }>): Record<string, CachedFile> {
  return Object.fromEntries(Object.entries(files).map(([p, f]) => [p, { size: Buffer.byteLength(f.text), mtimeMs: f.mtimeMs, hash: hash(f.text) }]));
}

describe('re-verifying a cached answer (files modified just before the cache was written)', () => {
  const old = SAVED - 3600_000;
  const racy = SAVED - 500; // modified half a second before the cache was written
  const files = { 'plans/总部.yaml': { text: 'id: CH-2026\n', mtimeMs: old }, 'org/门店.yaml': { text: 'id: 西湖店\n', mtimeMs: racy } };

  it('reads nothing when every stamp is unchanged and older than the racy window', async () => {
    const w = world({ 'plans/总部.yaml': files['plans/总部.yaml'] });
    const r = await recheck(tableOf(tableFor({ 'plans/总部.yaml': files['plans/总部.yaml'] })), SAVED, { ...w, hash, stampedAt: SAVED + 60_000 });
    assert.deepEqual(r, { reverified: 0, restampable: false });
    assert.deepEqual(w.reads, []);
  });

  it('re-reads only the file modified just before the write, and trusts the cache when its content is the same', async () => {
    const w = world(files);
    const r = await recheck(tableOf(tableFor(files)), SAVED, { ...w, hash, stampedAt: SAVED + 60_000 });
    assert.deepEqual(r, { reverified: 1, restampable: true });
    assert.deepEqual(w.reads, ['org/门店.yaml']);
  });

  it('does not offer to restamp while the file is still inside the racy window of now', async () => {
    const w = world(files);
    const r = await recheck(tableOf(tableFor(files)), SAVED, { ...w, hash, stampedAt: SAVED + 1000 });
    assert.deepEqual(r, { reverified: 1, restampable: false });
  });

  it('never trusts a racy file whose content changed with the same size and time', async () => {
    const table = tableFor(files);
    const w = world({ ...files, 'org/门店.yaml': { text: 'id: 湖西店\n', mtimeMs: racy } });
    assert.equal(w.stamps[0]!.size, table['org/门店.yaml']!.size, 'same size');
    assert.equal(await recheck(tableOf(table), SAVED, { ...w, hash, stampedAt: SAVED + 60_000 }), undefined);
  });

  it('keeps a file whose stamp moved but whose content is the same, without offering to restamp (the table holds the old stamp)', async () => {
    const table = tableFor(files);
    const w = world({ ...files, 'plans/总部.yaml': { text: 'id: CH-2026\n', mtimeMs: SAVED + 5000 } });
    const r = await recheck(tableOf(table), SAVED, { ...w, hash, stampedAt: SAVED + 60_000 });
    assert.deepEqual(r, { reverified: 2, restampable: false });
    assert.deepEqual(w.reads.sort(), ['org/门店.yaml', 'plans/总部.yaml']);
  });

  it('is undefined when a file was added, removed, or cannot be read', async () => {
    const table = tableFor(files);
    const added = world({ ...files, 'plans/新.yaml': { text: 'x', mtimeMs: old } });
    assert.equal(await recheck(tableOf(table), SAVED, { ...added, hash }), undefined);
    const removed = world({ 'plans/总部.yaml': files['plans/总部.yaml'] });
    assert.equal(await recheck(tableOf(table), SAVED, { ...removed, hash }), undefined);
    const gone = world(files);
    gone.stamps[1] = undefined as unknown as FileStamp;
    assert.equal(await recheck(tableOf(table), SAVED, { ...gone, hash }), undefined);
  });

  it(`gives up without reading anything beyond ${MAX_RECHECK} suspect files`, async () => {
    const many = Object.fromEntries(
      Array.from({ length: MAX_RECHECK + 1 }, (_, i) => [`f/${String(i).padStart(3, '0')}.yaml`, { text: `n: ${i}\n`, mtimeMs: racy }]),
    );
    const w = world(many);
    assert.equal(await recheck(tableOf(tableFor(many)), SAVED, { ...w, hash, stampedAt: SAVED + 60_000 }), undefined);
    assert.deepEqual(w.reads, []);
    const fewer = Object.fromEntries(Object.entries(many).slice(0, MAX_RECHECK));
    const w2 = world(fewer);
    assert.deepEqual(await recheck(tableOf(tableFor(fewer)), SAVED, { ...w2, hash, stampedAt: SAVED + 60_000 }), {
      reverified: MAX_RECHECK,
      restampable: true,
    });
  });
});
