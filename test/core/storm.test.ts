import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openWorkspace } from '../../src/core/engine';
import type { OpsbookWorkspace as Workspace } from '../../src/core/index';
import { NodeWorkspaceFs } from '../../src/node/fs';
import { builtinPacks } from '../../src/node/host';
import { inChunks } from '../../src/vscode/model/batcher';
import { generate, stormRewrite as rewrite } from '../bench/generate.mjs';

// A branch switch that rewrites 2,000 files while the engine runs (issue: change storms). The
// changes go through the same chunked path the extension uses (16 files, then the event loop),
// and the end state must equal a fresh `opsbook check` of the same files. How long a slice or a
// chunk holds the thread is a performance target: `npm run bench` measures it ("change storm"
// rows) on the 10,000-file workspace; a timed assertion here failed on a busy CI machine.
const TODAY = '2026-06-15';

async function open(root: string): Promise<Workspace> {
  const { workspace, configProblems } = await openWorkspace({ fs: new NodeWorkspaceFs(root), builtinPacks: builtinPacks(), clock: () => TODAY, today: TODAY });
  assert.deepEqual(configProblems, []);
  return workspace;
}

describe('change storms', function () {
  this.timeout(180_000);
  let root: string;

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'opsbook-storm-'));
    generate(root, 3000, 7);
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('a cold load with a pause hook yields between slices and ends where a load without one does', async () => {
    let pauses = 0;
    const pause = async () => {
      pauses++;
      await new Promise((r) => setImmediate(r));
    };
    const { workspace } = await openWorkspace({ fs: new NodeWorkspaceFs(root), builtinPacks: builtinPacks(), clock: () => TODAY, today: TODAY, pause });
    assert.ok(pauses >= 50, `${pauses} pauses`);
    assert.deepEqual(workspace.diagnostics(), (await open(root)).diagnostics());
  });

  it('2,000 rewritten files applied in chunks end in the same diagnostics as a fresh check', async () => {
    const ws = await open(root);
    const files = ws
      .filePaths()
      .filter((f) => f !== 'org/people.yaml')
      .sort()
      .slice(0, 2000);
    assert.equal(files.length, 2000);
    files.forEach((f, i) => writeFileSync(path.join(root, f), rewrite(readFileSync(path.join(root, f), 'utf8'), i)));

    const touched = new Set<string>();
    let chunks = 0;
    await inChunks(files, 16, (chunk) => {
      chunks++;
      for (const f of chunk) for (const t of ws.setFile(f, readFileSync(path.join(root, f)))) touched.add(t);
    });
    assert.equal(chunks, 125, '2,000 files in chunks of 16');
    assert.ok(touched.size >= 2000, 'every rewritten file is reported as touched');

    const fresh = await open(root);
    const a = ws.diagnostics();
    const b = fresh.diagnostics();
    assert.ok(b.length > 100, `the storm introduced problems (${b.length})`);
    assert.deepEqual(a, b);
  });
});
