import { strict as assert } from 'node:assert';
import { createWorkspace, parseFile, type OpsbookWorkspace } from '../../src/core/index';
import type { Workspace } from '../../src/core/model/workspace';
import { openMem } from './memfs';

// A diff's base is the head's parsed files with the changed ones replaced: the files both hold
// in the very same parse keep the head's analysis instead of being analyzed again.
describe('a workspace derived from another (a diff base) shares its analyses', () => {
  // A tea-house chain's partners and regions, in its own words and ids.
  const files = {
    'opsbook.yaml': 'opsbook: 1\npacks: [ops]\n',
    'org/regions.yaml': 'regions:\n  - id: 区-华东\n    name: 华东区\n  - id: 区-西南\n    name: 西南区\n',
    'partners/供应商.yaml':
      'partners:\n  - id: 供-茶叶-01\n    name: 龙井茶园\n    type: supplier\n    status: active\n    regions: [区-华东]\n  - id: 供-包装-02\n    name: 纸盒厂\n    type: supplier\n    status: active\n    regions: [区-华北]\n',
    'partners/渠道.yaml': 'partners:\n  - id: 渠-商场-01\n    name: 万象城\n    type: channel\n    status: 暂停\n',
  };
  const brief = (ws: OpsbookWorkspace): string[] => ws.diagnostics().map((d) => `${d.file}:${d.range.start.line} ${d.ruleId} ${d.message}`);
  const entity = (ws: OpsbookWorkspace, id: string) => (ws as unknown as Workspace).entities().find((e) => e.id === id);

  it('reuses the analysis of unchanged files, analyzes the changed one, and checks exactly like a workspace built from scratch', async () => {
    const { workspace: head } = await openMem(files);
    const changed = 'partners/渠道.yaml';
    const baseFiles = Object.keys(files)
      .filter((p) => p !== 'opsbook.yaml')
      .map((p) =>
        p === changed ? parseFile(p, 'partners:\n  - id: 渠-商场-01\n    name: 万象城\n    type: channel\n    status: active\n') : head.parsedFile(p)!,
      );
    const shared = createWorkspace(head.config, '2026-06-15', { files: baseFiles, rangesFrom: head });
    const fresh = createWorkspace(head.config, '2026-06-15', { files: baseFiles });
    assert.deepEqual(brief(shared), brief(fresh));
    assert.deepEqual(brief(shared), ['partners/供应商.yaml:11 ref/missing partner 供-包装-02: regions[] "区-华北" names no region. Did you mean "区-华东"?']);
    assert.ok(
      brief(head).some((d) => d.includes('渠-商场-01') && d.includes('暂停')),
      'the head has the status the base fixed',
    );
    assert.equal(entity(shared, '供-茶叶-01'), entity(head, '供-茶叶-01'), 'an unchanged file: the same analysis');
    assert.notEqual(entity(fresh, '供-茶叶-01'), entity(head, '供-茶叶-01'));
    assert.notEqual(entity(shared, '渠-商场-01'), entity(head, '渠-商场-01'), 'the changed file: analyzed again');
    assert.equal(entity(shared, '渠-商场-01')!.data['status'], 'active');
  });

  it('analyzes every file again when the configuration differs (a custom field changes what a file means)', async () => {
    const { workspace: head } = await openMem(files);
    const { workspace: other } = await openMem({
      ...files,
      'opsbook.yaml': 'opsbook: 1\npacks: [ops]\nkinds:\n  partner:\n    fields:\n      联系人: { type: string }\n',
    });
    const baseFiles = Object.keys(files)
      .filter((p) => p !== 'opsbook.yaml')
      .map((p) => head.parsedFile(p)!);
    const derived = createWorkspace(other.config, '2026-06-15', { files: baseFiles, rangesFrom: head });
    assert.notEqual(entity(derived, '供-茶叶-01'), entity(head, '供-茶叶-01'));
    assert.deepEqual(brief(derived), brief(createWorkspace(other.config, '2026-06-15', { files: baseFiles })));
  });
});
