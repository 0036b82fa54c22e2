import { strict as assert } from 'node:assert';
import { compileSchemas, compileSchemasNow, SchemaCache } from '../../src/core/schema/compiled';
import { baseWorkspace, brief } from './fixture';
import { openMem } from './memfs';

describe('compiled schemas', () => {
  const cache = new SchemaCache();
  it('are compiled once and shared by workspaces with the same schemas', async () => {
    const a = await openMem(baseWorkspace());
    const b = await openMem({ ...baseWorkspace(), 'notes/extra.md': '# Extra\n' });
    const first = await compileSchemas(a.workspace.config, cache);
    assert.equal(await compileSchemas(b.workspace.config, cache), first, 'the same configuration reuses the validators');
    assert.deepEqual(b.workspace.diagnostics().map(brief), a.workspace.diagnostics().map(brief), 'and validates the same');
  });

  it('are compiled again when a schema changes, and each workspace validates with its own', async () => {
    const files = {
      ...baseWorkspace(),
      'opsbook.yaml': 'opsbook: 1\npacks: [ops, ./local]\n',
      'local/pack.yaml': 'name: local\nkinds:\n  note:\n    files: ["notes/**/*.yaml"]\n    title: title\n    schema: note.schema.json\n',
      'notes/a.yaml': 'id: N-1\ntitle: A note\n',
    };
    const strict = {
      type: 'object',
      required: ['id', 'title', 'owner'],
      properties: { id: { type: 'string' }, title: { type: 'string' }, owner: { type: 'string' } },
    };
    const loose = { ...strict, required: ['id', 'title'] };
    const withStrict = await openMem({ ...files, 'local/note.schema.json': JSON.stringify(strict) });
    const withLoose = await openMem({ ...files, 'local/note.schema.json': JSON.stringify(loose) });
    assert.deepEqual(withStrict.configProblems, []);
    assert.notEqual(await compileSchemas(withStrict.workspace.config, cache), await compileSchemas(withLoose.workspace.config, cache));
    const owner = (ws: typeof withStrict.workspace): string[] =>
      ws
        .diagnostics('notes/a.yaml')
        .filter((d) => d.message.includes('owner'))
        .map((d) => d.ruleId);
    assert.deepEqual(owner(withStrict.workspace), ['schema/required']);
    assert.deepEqual(owner(withLoose.workspace), []);
  });
});

describe('compiled schemas kept by the host', () => {
  /** Counts what it compiles: a cache remembers only what it had to compile. */
  class CountingCache extends SchemaCache {
    compiles = 0;
    metas = 0;
    override remember(...args: Parameters<SchemaCache['remember']>): ReturnType<SchemaCache['remember']> {
      this.compiles++;
      return super.remember(...args);
    }
    override meta(...args: Parameters<SchemaCache['meta']>): ReturnType<SchemaCache['meta']> {
      const [text, compile] = args;
      return super.meta(text, () => (this.metas++, compile()));
    }
  }
  // Another company's folder: a bakery's stores, in Chinese, with its own ids.
  const bakery = {
    'opsbook.yaml': 'opsbook: 1\npacks: [ops, ./本店]\n',
    '本店/pack.yaml': 'name: 本店\nkinds:\n  mendian:\n    files: ["门店/*.yaml"]\n    title: 名称\n    schema: 门店.schema.json\n',
    '本店/门店.schema.json': JSON.stringify({ type: 'object', required: ['id', '名称'], properties: { id: { type: 'string' }, 名称: { type: 'string' } } }),
    '门店/西湖.yaml': 'id: MD-001\n名称: 西湖店\n',
    '门店/滨江.yaml': 'id: MD-002\n',
  };

  it('a second folder with the same packs opened with the same SchemaCache compiles nothing', async () => {
    const cache = new CountingCache();
    const first = await openMem(bakery, { schemas: cache });
    assert.deepEqual(first.configProblems, []);
    const afterFirst = { compiles: cache.compiles, metas: cache.metas };
    assert.equal(afterFirst.compiles, 1);
    assert.equal(afterFirst.metas, 2, 'opsbook.yaml and pack.yaml meta-schemas');
    const second = await openMem({ ...bakery, '门店/城西.yaml': 'id: MD-003\n名称: 城西店\n' }, { schemas: cache });
    assert.deepEqual({ compiles: cache.compiles, metas: cache.metas }, afterFirst);
    const missing = (ws: typeof first.workspace) => ws.diagnostics('门店/滨江.yaml').map((d) => [d.ruleId, d.range.start.line]);
    assert.deepEqual(missing(second.workspace), missing(first.workspace));
    assert.deepEqual(missing(first.workspace), [['schema/required', 1]]);
  });

  it('without a SchemaCache every open compiles its own validators (no process-wide state)', async () => {
    const a = await openMem(bakery);
    const b = await openMem(bakery);
    assert.notEqual(compileSchemasNow(a.workspace.config), compileSchemasNow(b.workspace.config));
  });
});
