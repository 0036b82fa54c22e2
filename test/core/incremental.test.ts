import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { OpsbookWorkspace as Workspace } from '../../src/core/index';
import type { Diagnostic } from '../../src/core/types';
import { rng } from '../bench/generate.mjs';
import { MemFs, openMem, readTree, REPO } from './memfs';

async function fresh(fs: MemFs): Promise<Workspace> {
  const copy = new MemFs(new Map(fs.files));
  return (await openMem(copy)).workspace;
}

/** Diagnostics as plain JSON (what the CLI prints). */
function plain(ds: Diagnostic[]): unknown {
  return JSON.parse(JSON.stringify(ds));
}

async function assertSameAsFresh(ws: Workspace, fs: MemFs, step: string): Promise<void> {
  const expected = (await fresh(fs)).diagnostics();
  assert.deepEqual(plain(ws.diagnostics()), plain(expected), `after ${step}`);
  assert.equal(ws.entityCount, (await fresh(fs)).entityCount, `entity count after ${step}`);
}

/** Writes (or, with `undefined`, deletes) a file in both the in-memory tree and the workspace. */
function applyEdit(fs: MemFs, ws: Workspace, file: string, text: string | undefined): void {
  if (text === undefined) {
    fs.delete(file);
    ws.deleteFile(file);
  } else {
    fs.set(file, text);
    ws.setFile(file, text);
  }
}

const LUMEN = path.join(REPO, 'samples/lumen-oak');

describe('incremental: setFile / deleteFile give the same diagnostics as a fresh open', function () {
  this.timeout(120000);

  it('targeted edits: rename an id, break a reference, fix it, delete and restore a file', async () => {
    const original = readTree(LUMEN);
    const fs = new MemFs(original);
    const { workspace: ws } = await openMem(fs);
    const apply = async (file: string, text: string | undefined, step: string) => {
      applyEdit(fs, ws, file, text);
      await assertSameAsFresh(ws, fs, step);
    };
    const people = original.get('org/people.yaml') as string;
    // Rename a person every other file refers to: references elsewhere break.
    await apply('org/people.yaml', people.replace('id: PER-TANG-WEI', 'id: PER-TANG-WAY'), 'rename PER-TANG-WEI');
    assert.ok(ws.diagnostics().some((d) => d.ruleId === 'ref/missing' && d.file.startsWith('partners/')));
    await apply('org/people.yaml', people, 'rename back');
    // Break a reference in a project, then fix it.
    const pos = original.get('projects/hq-pos-rollout.md') as string;
    await apply('projects/hq-pos-rollout.md', pos.replace('partners: [PTN-SUP-TILLPOINT]', 'partners: [PTN-SUP-TILPOINT]'), 'break a reference');
    assert.deepEqual(
      ws.diagnostics('projects/hq-pos-rollout.md').map((d) => d.ruleId),
      ['ref/missing'],
    );
    await apply('projects/hq-pos-rollout.md', pos, 'fix the reference');
    // Delete a file others depend on (expenses → projects, KPIs roll up), then restore it.
    await apply('plans/2026/north.yaml', undefined, 'delete the north plan');
    await apply('plans/2026/north.yaml', original.get('plans/2026/north.yaml'), 'restore the north plan');
    await apply('finance/expenses-2026-h1.yaml', undefined, 'delete the expenses');
    await apply('finance/expenses-2026-h1.yaml', original.get('finance/expenses-2026-h1.yaml'), 'restore the expenses');
    // A course others must hold disappears and comes back.
    await apply('org/courses.yaml', undefined, 'delete the courses');
    await apply('org/courses.yaml', original.get('org/courses.yaml'), 'restore the courses');
    // Duplicate a project under a new file name, then delete the copy.
    await apply('projects/copy.md', pos, 'copy a project');
    assert.equal(ws.diagnostics().filter((d) => d.ruleId === 'id/duplicate').length, 10, 'the project and its 4 milestones, twice each');
    await apply('projects/copy.md', undefined, 'delete the copy');
    assert.equal(ws.diagnostics().length, 8);
  });

  // One-shot (the CLI): which entities read what is worked out at the first edit, not at load.
  for (const [seed, oneShot] of [
    [20260615, false],
    [7, false],
    [20260615, true],
  ] as const)
    it(`20 random edits with a seeded generator (seed ${seed}${oneShot ? ', loaded one-shot' : ''})`, async () => {
      const random = rng(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
      const original = readTree(LUMEN);
      const fs = new MemFs(original);
      const { workspace: ws } = await openMem(fs, { oneShot });
      const deleted = new Set<string>();
      const log: string[] = [];

      for (let step = 0; step < 20; step++) {
        const files = [...fs.files.keys()].filter((f) => f !== 'opsbook.yaml').sort();
        const op = pick(['rename-id', 'break-ref', 'fix', 'delete', 'restore', 'number', 'copy'] as const);
        let file = pick(files);
        let text: string | undefined = fs.files.get(file) as string;
        if (op === 'rename-id') {
          const ids = ws
            .entitiesIn(file)
            .map((e) => e.id)
            .filter((id) => text!.includes(`id: ${id}`));
          if (ids.length === 0) continue;
          const id = pick(ids);
          text = text.replace(`id: ${id}`, `id: ${id}-X`);
        } else if (op === 'break-ref') {
          const refs = ws.referencesIn(file);
          if (refs.length === 0) continue;
          const ref = pick(refs);
          text = text.replace(new RegExp(`\\b${ref.value}\\b`), `${ref.value}Q`);
        } else if (op === 'fix') {
          const changed = files.filter((f) => original.has(f) && fs.files.get(f) !== original.get(f));
          if (changed.length === 0) continue;
          file = pick(changed);
          text = original.get(file);
        } else if (op === 'delete') {
          deleted.add(file);
          text = undefined;
        } else if (op === 'restore') {
          if (deleted.size === 0) continue;
          file = pick([...deleted].sort());
          deleted.delete(file);
          text = original.get(file);
        } else if (op === 'number') {
          const numbers = [...text.matchAll(/(target|budget|amount|on_hand|spent|list_price|score): (\d+)/g)];
          if (numbers.length === 0) continue;
          const m = pick(numbers);
          text = text.replace(m[0], `${m[1]}: ${Math.floor(Number(m[2]) * (0.5 + random()))}`);
        } else {
          file = file.replace(/(\.\w+)$/, `-copy$1`);
        }
        log.push(`${op} ${file}`);
        applyEdit(fs, ws, file, text);
        await assertSameAsFresh(ws, fs, `step ${step}: ${log.join(' | ')}`);
      }
      assert.ok(log.length >= 15, `enough edits ran: ${log.join(' | ')}`);
      if (process.env['OPSBOOK_TEST_VERBOSE']) console.log(log.join('\n'));
    });

  // BUG (reported): the order of `related` locations and of the ids listed in messages
  // (id/duplicate "also in …", plan/rollup-mismatch contributors) follows the order in which
  // files were indexed, so after setFile it differs from a fresh open.
  it('a third duplicate added out of path order gives the same related order as a fresh open', async () => {
    const original = readTree(LUMEN);
    const fs = new MemFs(original);
    const { workspace: ws } = await openMem(fs);
    const pos = original.get('projects/hq-pos-rollout.md') as string;
    for (const copy of ['projects/copy.md', 'projects/a-copy.md']) {
      fs.set(copy, pos);
      ws.setFile(copy, pos);
    }
    await assertSameAsFresh(ws, fs, 'two copies');
  });

  it('re-saving a contributing plan keeps the rollup message order of a fresh open', async () => {
    const original = readTree(LUMEN);
    original.set(
      'plans/2026/north.yaml',
      (original.get('plans/2026/north.yaml') as string).replace('unit: count\n        target: 2', 'unit: count\n        target: 3'),
    );
    const fs = new MemFs(original);
    const { workspace: ws } = await openMem(fs);
    const east = `${original.get('plans/2026/east.yaml') as string}# saved again\n`;
    fs.set('plans/2026/east.yaml', east);
    ws.setFile('plans/2026/east.yaml', east);
    await assertSameAsFresh(ws, fs, 're-saving east');
  });

  // Found on a fashion label's plans copied per season (every copy keeps the plan's id): after
  // one copy was edited, the warm tree showed another copy's plan than a fresh open did.
  it('plans sharing an id: the same plan looked up and the same tree after one of them is edited', async () => {
    const original = readTree(LUMEN);
    const east = original.get('plans/2026/east.yaml') as string;
    original.set('plans/2026/z-east-copy.yaml', east.replace(/target: (\d+)/, 'target: 9$1'));
    const fs = new MemFs(original);
    const { workspace: ws } = await openMem(fs);
    const edited = `${east.replace(/target: (\d+)/, 'target: 7$1')}# edited\n`;
    fs.set('plans/2026/east.yaml', edited);
    ws.setFile('plans/2026/east.yaml', edited);
    const again = await fresh(fs);
    const id = (ws.entities('plan').find((p) => p.file === 'plans/2026/east.yaml') as { id: string }).id;
    assert.equal(ws.get('plan', id)?.file, 'plans/2026/east.yaml', 'the first in source order');
    assert.equal(ws.get('plan', id)?.file, again.get('plan', id)?.file);
    assert.deepEqual(JSON.parse(JSON.stringify(ws.planTree())), JSON.parse(JSON.stringify(again.planTree())));
    await assertSameAsFresh(ws, fs, 'editing one of two plans with one id');
  });
});
