import { strict as assert } from 'node:assert';
import { resolveRanges } from '../../src/core/index';
import { openMem } from './memfs';

// The ranges a workspace's diagnostics need can be resolved elsewhere (worker threads) and handed back.
describe('pending source ranges', () => {
  // A noodle shop's suppliers: one names a region that does not exist.
  const files = {
    'opsbook.yaml': 'opsbook: 1\npacks: [ops]\n',
    'org/regions.yaml': 'regions:\n  - id: 区-川渝\n    name: 川渝\n',
    'partners/面粉.yaml': 'partners:\n  - id: 供-面粉\n    name: 面粉厂\n    type: supplier\n    status: active\n    regions: [区-华北]\n',
    'partners/辣椒.yaml': 'partners:\n  - id: 供-辣椒\n    name: 辣椒坊\n    type: supplier\n    status: active\n    regions: [区-云贵]\n',
  };
  const at = (l: number) => ({ start: { line: l, column: 1 }, end: { line: l, column: 2 } });

  it('lists each file with findings once, with its text and anchors; resolved ranges are used, and the list empties', async () => {
    const { workspace } = await openMem(files);
    const jobs = workspace.pendingRanges();
    assert.deepEqual(
      jobs.map((j) => [j.path, j.lineOffset, j.anchors.length]),
      [
        ['partners/辣椒.yaml', 0, 1],
        ['partners/面粉.yaml', 0, 1],
      ],
    );
    assert.deepEqual(resolveRanges(jobs[0]!), [workspace.rangeOf(jobs[0]!.anchors[0]!)]);
    // Ranges handed back are what the diagnostics show (made-up lines prove they are used).
    workspace.addRanges(jobs[0]!, [at(99)]);
    workspace.addRanges(jobs[1]!, [at(77)]);
    assert.deepEqual(workspace.pendingRanges(), []);
    assert.deepEqual(
      workspace.diagnostics().map((d) => `${d.file}:${d.range.start.line}`),
      ['partners/辣椒.yaml:99', 'partners/面粉.yaml:77'],
    );
  });

  it('ignores ranges for a file edited since it was listed', async () => {
    const { workspace } = await openMem(files);
    const job = workspace.pendingRanges().find((j) => j.path === 'partners/面粉.yaml');
    workspace.setFile(job!.path, `# 改过\n${files['partners/面粉.yaml']}`);
    workspace.addRanges(job!, [at(99)]);
    assert.deepEqual(
      workspace.diagnostics('partners/面粉.yaml').map((d) => `${d.range.start.line} ${d.ruleId}`),
      ['7 ref/missing'],
    );
  });
});
