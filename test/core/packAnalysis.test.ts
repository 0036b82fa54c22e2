import * as assert from 'node:assert/strict';
import { deserialize, serialize } from 'node:v8';
import type { FileAnalysis } from '../../src/core/model/analyzer';
import type { Workspace } from '../../src/core/model/workspace';
import type { ParsedFile } from '../../src/core/parse/file';
import { valueAt } from '../../src/core/util/json';
import { packFileState, unpackFileState } from '../../src/core/warm/pack';
import type { FileState } from '../../src/core/warm/state';
import { openMem, readTree, REPO } from './memfs';
import { TEA } from './teaChain';

/** Every file's state as the cache writes it and reads it back (V8, one file at a time). */
async function roundTrip(files: Record<string, string>): Promise<{ before: FileState[]; after: FileState[] }> {
  const { workspace } = await openMem(files);
  const before = (workspace as unknown as Workspace).snapshotState()().files;
  const after = before.map((f) => unpackFileState(deserialize(serialize(packFileState(f))) as FileState));
  return { before, after };
}

/** Checks the restored analysis equals the original and shares what the original shared. */
function assertSame(before: FileState, after: FileState): void {
  assert.deepEqual(after.analysis, before.analysis, before.parsed.path);
  const docsOf = (p: ParsedFile) => p.docs;
  before.analysis.entities.forEach((e, i) => {
    const r = after.analysis.entities[i]!;
    const wasNode = e.data === valueAt(docsOf(before.parsed)[e.doc], e.path);
    assert.equal(r.data === valueAt(docsOf(after.parsed)[r.doc], r.path), wasNode, `${e.kind} ${e.id}: data is the document's node as before`);
    if (e.raw) assert.equal(r.raw === valueAt(docsOf(after.parsed)[r.doc], r.path), e.raw === valueAt(docsOf(before.parsed)[e.doc], e.path));
    if (e.parent) {
      const at = before.analysis.entities.indexOf(e.parent);
      if (at >= 0) assert.equal(r.parent, after.analysis.entities[at], `${e.id}: its parent is the restored entity`);
    }
  });
  before.analysis.references.forEach((ref, i) => {
    const at = before.analysis.entities.indexOf(ref.from);
    if (at >= 0) assert.equal(after.analysis.references[i]!.from, after.analysis.entities[at], `reference ${ref.value}: from the restored entity`);
  });
}

describe('warm-start cache: analyses in columns', () => {
  it('restores every analysis of the sample equal, its entities reading the restored documents, and stores it smaller', async () => {
    const sample = Object.fromEntries(readTree(`${REPO}/samples/lumen-oak`));
    const { before, after } = await roundTrip(sample);
    assert.ok(before.some((f) => f.analysis.references.length > 0) && before.some((f) => f.analysis.entities.some((e) => e.parent)));
    before.forEach((f, i) => assertSame(f, after[i]!));
    const whole = before.reduce((n, f) => n + serialize(packFileState({ parsed: f.parsed })).length + serialize(f.analysis).length, 0);
    const packed = before.reduce((n, f) => n + serialize(packFileState(f)).length, 0);
    assert.ok(packed < whole * 0.9, `${packed} bytes packed, ${whole} as objects`);
  });

  it('keeps aliased readings (the data differs from the file) and entities without an id that others point to', async () => {
    const { before, after } = await roundTrip({
      ...TEA,
      // A plan without an id: its objectives' parent and its references' entity are not among the file's entities.
      'plans/无编号.yaml':
        'title: 无编号计划\nregion: 华东\nperiod: 2026\nobjectives:\n  - id: 目标-1\n    title: 门店\n    kpis:\n      - id: 指标-1\n        metric: 门店数\n        target: 3\n',
    });
    const aliased = before.filter((f) => f.analysis.entities.some((e) => e.raw && e.raw !== e.data));
    assert.ok(aliased.length > 0, 'the tea chain reads some of its words through aliases');
    const orphan = before.find((f) => f.parsed.path === 'plans/无编号.yaml')!;
    assert.ok(orphan.analysis.entities.some((e) => e.parent && !orphan.analysis.entities.includes(e.parent)));
    before.forEach((f, i) => assertSame(f, after[i]!));
    const restored = after.find((f) => f.parsed.path === 'plans/无编号.yaml')!.analysis;
    const parents = new Set(restored.entities.map((e) => e.parent).filter((p) => p && !restored.entities.includes(p)));
    assert.equal(parents.size, 1, 'the objectives share one restored plan');
  });

  it('stores an analysis of another shape as it is', () => {
    const parsed = {
      path: 'a.yaml',
      text: 'id: A\n',
      yamlText: 'id: A\n',
      yamlLineOffset: 0,
      format: 'yaml',
      docs: [{ id: 'A' }],
      problems: [],
    } as unknown as ParsedFile;
    const entity = { kind: 'brand', id: 'A', title: 'A', file: 'b.yaml', doc: 0, path: [], data: { id: 'A' } };
    const analysis: FileAnalysis = { kind: 'brand', entities: [entity], references: [], findings: [] };
    const packed = packFileState({ parsed, analysis }) as unknown as { analysis: FileAnalysis };
    assert.equal(packed.analysis, analysis, 'an entity of another file: not packed');
    assert.deepEqual(unpackFileState(deserialize(serialize(packed)) as { parsed: ParsedFile; analysis: FileAnalysis }).analysis, analysis);
  });
});
