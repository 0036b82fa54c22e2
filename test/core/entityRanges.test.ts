import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { openWorkspace, type EngineInit } from '../../src/core/engine';
import { buildDashboard } from '../../src/core/dashboard/model';
import { parseInput, type ParseInput } from '../../src/core/parse/file';
import { entityHintKey, rangesOf, YamlPositions, type RangeJob } from '../../src/core/parse/positions';
import { buildPlanTree } from '../../src/core/plan/tree';
import type { NodePath } from '../../src/core/types';
import { NodeWorkspaceFs } from '../../src/node/fs';
import { builtinPacks } from '../../src/node/host';

// Entity ranges worked out where a file is parsed (a worker) must be exactly what the lazily
// built positions give, or a plan tree recorded in the cache would point at other lines.
const TEXTS: [string, string][] = [
  ['a list of maps', 'partners:\n  - id: P-001\n    name: 甲\n  - name: no id here\n    tier: gold\n'],
  ['nested plans', 'kind: plan\nid: FY26\nobjectives:\n  - id: O1\n    kpis:\n      - id: K1\n        target: 3\n      - {id: K2, target: 4}\n'],
  ['a repeated key (the last value is read)', 'kind: plan\nid: X\nobjectives:\n  - id: OLD\n    kpis:\n      - id: GONE\nobjectives:\n  - id: NEW\n'],
  ['map layout, keys are ids', 'stores:\n  S-01:\n    name: 徐汇店\n  S-02:\n    name: 静安店\n'],
  ['several documents', '---\nid: A\n---\nid: B\nchild:\n  id: C\n'],
  ['CRLF and comments', '# 计划\r\nkind: plan\r\nid: P  # the id\r\nobjectives:\r\n  - id: O\r\n'],
  ['numbers as keys', 'actuals:\n  2026-01: 3\n  0: zero\nlist:\n  - 0\n  - id: 7\n'],
];

function pathOf(key: string): { doc: number; path: NodePath } {
  const [doc, ...segs] = key.split('\u0000');
  return { doc: Number(doc), path: segs.map((s) => (s.startsWith('#') ? Number(s.slice(1)) : s.slice(1))) };
}

describe('entity ranges worked out at parse time', () => {
  for (const [name, text] of TEXTS) {
    it(`are the ranges rangeOf gives: ${name}`, () => {
      const hints = new YamlPositions(text, 2).entityRanges();
      assert.ok(Object.keys(hints).length > 0);
      const lazy = new YamlPositions(text, 2);
      for (const [key, range] of Object.entries(hints)) {
        const { doc, path: p } = pathOf(key);
        assert.equal(entityHintKey(doc, p), key);
        assert.deepEqual(range, lazy.rangeOf(doc, p, 'entity'), key.split('\u0000').join(' / '));
      }
    });
  }

  it('leave out what a repeated key hides, so the path falls back as rangeOf would', () => {
    const hints = new YamlPositions(TEXTS[2]![1]).entityRanges();
    assert.equal(hints[entityHintKey(0, ['objectives', 0, 'kpis', 0])], undefined);
    assert.deepEqual(hints[entityHintKey(0, ['objectives', 0])]?.start, { line: 8, column: 9 });
  });

  it('tell a sequence index from a map key that looks like one', () => {
    const hints = new YamlPositions(TEXTS[6]![1]).entityRanges();
    assert.equal(hints[entityHintKey(0, ['list', '1'])], undefined);
    assert.deepEqual(hints[entityHintKey(0, ['list', 1])]?.start, { line: 6, column: 9 });
  });

  for (const sample of ['lumen-oak', 'broken']) {
    it(`give ${sample} the same plan tree, dashboard and diagnostics as positions worked out on demand`, async () => {
      const root = path.join(__dirname, '..', '..', 'samples', sample);
      const init = (parseMany?: EngineInit['parseMany']): EngineInit => ({
        fs: new NodeWorkspaceFs(root),
        builtinPacks: builtinPacks(),
        clock: () => '2026-06-15',
        today: '2026-06-15',
        ...(parseMany ? { parseMany } : {}),
      });
      let hinted = 0;
      const everyFile = async (files: ParseInput[]) =>
        files.map((f) => {
          const parsed = parseInput({ ...f, entityRanges: true });
          if (parsed.entityRanges) hinted++;
          return parsed;
        });
      const plain = (await openWorkspace(init())).workspace;
      const hintedWs = (await openWorkspace(init(everyFile))).workspace;
      assert.ok(hinted > 10, `${hinted} files with entity ranges`);
      const when = { title: sample, generatedAt: '2026-06-15T00:00:00Z' };
      assert.deepEqual(JSON.stringify(buildPlanTree(hintedWs)), JSON.stringify(buildPlanTree(plain)));
      assert.deepEqual(JSON.stringify(buildDashboard(hintedWs, when)), JSON.stringify(buildDashboard(plain, when)));
      assert.deepEqual(hintedWs.diagnostics(), plain.diagnostics());
    });
  }

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
