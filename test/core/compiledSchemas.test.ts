import { strict as assert } from 'node:assert';
import { compileSchemas, SchemaCache } from '../../src/core/schema/compiled';
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
    const files = { ...baseWorkspace(), 'opsbook.yaml': 'opsbook: 1\npacks: [ops, ./local]\n', 'local/pack.yaml': 'name: local\nkinds:\n  note:\n    files: ["notes/**/*.yaml"]\n    title: title\n    schema: note.schema.json\n', 'notes/a.yaml': 'id: N-1\ntitle: A note\n' };
    const strict = { type: 'object', required: ['id', 'title', 'owner'], properties: { id: { type: 'string' }, title: { type: 'string' }, owner: { type: 'string' } } };
    const loose = { ...strict, required: ['id', 'title'] };
    const withStrict = await openMem({ ...files, 'local/note.schema.json': JSON.stringify(strict) });
    const withLoose = await openMem({ ...files, 'local/note.schema.json': JSON.stringify(loose) });
    assert.deepEqual(withStrict.configProblems, []);
    assert.notEqual(await compileSchemas(withStrict.workspace.config, cache), await compileSchemas(withLoose.workspace.config, cache));
    const owner = (ws: typeof withStrict.workspace): string[] => ws.diagnostics('notes/a.yaml').filter((d) => d.message.includes('owner')).map((d) => d.ruleId);
    assert.deepEqual(owner(withStrict.workspace), ['schema/required']);
    assert.deepEqual(owner(withLoose.workspace), []);
  });
});
