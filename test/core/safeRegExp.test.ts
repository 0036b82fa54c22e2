import * as assert from 'node:assert/strict';
import { openWorkspace } from '../../src/core/engine';
import { checkPattern, MAX_TESTED_LENGTH, safeRegExp } from '../../src/core/config/safeRegExp';
import { builtinPacks } from '../../src/node/host';
import { MemFs } from './memfs';

describe('schema patterns cannot backtrack catastrophically', () => {
  it('refuses nested quantifiers and back-references', () => {
    for (const p of ['^(a+)+$', '(\\w+\\s?)*$', '^(x{1,3})*y', '(a*)*', '^(.+)\\1$', '(?<x>a)\\k<x>'])
      assert.throws(() => checkPattern(p), /exponential time/, p);
  });

  it('accepts the patterns the ops pack uses', () => {
    for (const p of ['^PTN-[A-Z0-9]+(-[A-Z0-9]+)*$', '^\\d+\\.\\d+\\.\\d+$', '^\\d{4}(-(H[12]|Q[1-4]))?$', '^[A-Z]{3}$'])
      assert.doesNotThrow(() => checkPattern(p), p);
  });

  it('does not run a pattern on values longer than the bound', () => {
    const re = safeRegExp('^a*$', 'u');
    assert.equal(re.test('a'.repeat(MAX_TESTED_LENGTH)), true);
    assert.equal(re.test('a'.repeat(MAX_TESTED_LENGTH + 1)), false);
  });

  it('keeps each pattern apart when one Ajv instance compiles many', async () => {
    const { createAjv } = await import('../../src/core/config/ajv');
    const ajv = createAjv();
    const a = ajv.compile({ type: 'string', pattern: '^A-[0-9]+$' });
    const b = ajv.compile({ type: 'string', pattern: '^\\d+\\.\\d+$' });
    assert.equal(a('A-12'), true);
    assert.equal(b('1.2'), true);
    assert.equal(b('A-12'), false);
  });

  it('reports a workspace schema with an unsafe pattern as a configuration problem, at once', async () => {
    const files = {
      'opsbook.yaml': 'opsbook: 1\npacks: [ops]\nkinds:\n  note:\n    files: notes/*.yaml\n    schema: schema/note.json\n',
      'schema/note.json': JSON.stringify({ type: 'object', properties: { id: { type: 'string', pattern: '^(a+)+$' } } }),
      'notes/n.yaml': `id: ${'a'.repeat(40)}!\n`,
    };
    const start = Date.now();
    const { configProblems } = await openWorkspace({ fs: new MemFs(files), builtinPacks: builtinPacks(), clock: () => '2026-06-15' });
    assert.ok(Date.now() - start < 2000);
    assert.equal(configProblems.length, 1);
    assert.match(configProblems[0]?.message ?? '', /schema schema\/note\.json.*exponential time/);
  });
});
