import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { openWorkspace, SchemaCache } from '../../src/core/index';
import { engineInputs } from '../../src/node/engineInputs';
import { NodeWorkspaceFs } from '../../src/node/fs';
import { systemToday } from '../../src/node/host';
import { MemFs } from '../core/memfs';

// One module assembles the engine's inputs for the CLI and the editor; what differs between
// them (packs, pause, cache folder, date, rule settings) comes in as parameters.
describe('engine inputs', () => {
  it('the CLI defaults: the package ops pack, the system clock, no pause; nothing else set', () => {
    const fs = new MemFs({});
    const init = engineInputs({ fs, parallel: false });
    assert.equal(init.fs, fs);
    assert.deepEqual([...init.builtinPacks.keys()], ['ops']);
    assert.equal(init.clock, systemToday);
    assert.deepEqual(Object.keys(init).sort(), ['builtinPacks', 'clock', 'fs']);
  });

  it("the editor's differences come through as given: packs, configuration path, date, rules, pause, shared schemas", () => {
    const packs = new Map([
      ['ops', { name: 'ops', read: async () => undefined }],
      ['茶馆包', { name: '茶馆包', read: async () => undefined }],
    ]);
    const pause = async () => undefined;
    const schemas = new SchemaCache();
    const init = engineInputs({
      fs: new MemFs({}),
      builtinPacks: packs,
      configPath: '配置/opsbook.yaml',
      today: '2026-03-01',
      ruleOverrides: { 'ref/missing': 'warning' },
      pause,
      schemas,
      parallel: false,
    });
    assert.equal(init.builtinPacks, packs);
    assert.equal(init.configPath, '配置/opsbook.yaml');
    assert.equal(init.today, '2026-03-01');
    assert.deepEqual(init.ruleOverrides, { 'ref/missing': 'warning' });
    assert.equal(init.pause, pause);
    assert.equal(init.schemas, schemas);
  });

  it('asks for no warm-start cache when running from source (no build hash), even with a folder given', () => {
    const init = engineInputs({ fs: new MemFs({}), cache: { root: '/tmp/somewhere', dir: '/tmp/cache' }, parallel: false });
    assert.equal(init.cache, undefined);
  });

  it('opens a folder on disk with the assembled inputs', async () => {
    const root = path.resolve(__dirname, '../../samples/maitian-bakery');
    const { configProblems, workspace } = await openWorkspace(engineInputs({ fs: new NodeWorkspaceFs(root), today: '2026-06-15', parallel: false }));
    assert.deepEqual(configProblems, []);
    assert.ok(workspace.fileCount > 0);
  });
});
