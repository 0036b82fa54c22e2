import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { configDiagnostic } from '../../src/core/config/diagnostics';
import { cli } from './run';

interface JsonDiag {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  ruleId: string;
  message: string;
}

/** A Chinese company's opsbook.yaml with its own mistakes: a typo'd key, a missing pack, a missing schema. */
const BROKEN = [
  'opsbook: 1',
  'packs: [ops, ./包/门店]',
  'locale: zh-CN',
  'kinds:',
  '  mendian:',
  '    files: ["门店/**/*.yaml"]',
  '    schema: schemas/门店.schema.json',
  'inclde: ["**/*.md"]',
  '',
].join('\n');

describe('configuration problems are ordinary diagnostics (config/*), exit 2', () => {
  let dir = '';
  const check = (...args: string[]) => cli(['check', '--root', dir, '--today', '2026-06-15', ...args]);
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'opsbook-cfgdiag-'));
    writeFileSync(path.join(dir, 'opsbook.yaml'), BROKEN);
    mkdirSync(path.join(dir, '门店'));
    writeFileSync(path.join(dir, '门店', 'sh-01.yaml'), 'id: SH-01\n名称: 上海淮海路店\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--format json: the SPEC §4 document with one diagnostic per problem, at its line, with rule ids', async () => {
    const r = await check('--format', 'json');
    assert.equal(r.code, 2);
    assert.equal(r.stderr, '');
    const doc = JSON.parse(r.stdout) as { version: number; files: number; entities: number; diagnostics: JsonDiag[]; summary: unknown };
    assert.deepEqual(Object.keys(doc), ['version', 'root', 'files', 'entities', 'diagnostics', 'summary']);
    assert.equal(doc.version, 1);
    const got = doc.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.ruleId]);
    // The schema violation is reported before anything else is looked at: it alone stops the load.
    assert.deepEqual(got, [['opsbook.yaml', 8, 1, 'error', 'config/invalid']]);
    const d = doc.diagnostics[0] as JsonDiag;
    assert.match(d.message, /^inclde: unknown key "inclde"/);
    assert.deepEqual([d.endLine, d.endColumn], [8, 7], 'the range ends where the key ends');
    assert.deepEqual(doc.summary, { errors: 1, warnings: 0, infos: 0 });
  });

  it('a missing local pack and a missing schema get their own ids, at the line that names them', async () => {
    writeFileSync(path.join(dir, 'opsbook.yaml'), BROKEN.replace('inclde: ["**/*.md"]\n', ''));
    const r = await check('--format', 'json');
    assert.equal(r.code, 2);
    const got = (JSON.parse(r.stdout) as { diagnostics: JsonDiag[] }).diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message]);
    assert.deepEqual(got, [
      [2, 14, 'config/pack-missing', 'pack "./包/门店" has no pack.yaml'],
      [7, 13, 'config/schema-missing', 'schema "schemas/门店.schema.json" not found'],
    ]);
  });

  it('an unknown built-in pack is config/pack-missing', async () => {
    writeFileSync(path.join(dir, 'opsbook.yaml'), 'opsbook: 1\npacks: [ops, 零售]\n');
    const r = await check('--format', 'json');
    assert.equal(r.code, 2);
    const [d] = (JSON.parse(r.stdout) as { diagnostics: JsonDiag[] }).diagnostics;
    assert.deepEqual([d?.line, d?.column, d?.endLine, d?.endColumn, d?.ruleId], [2, 14, 2, 16, 'config/pack-missing']);
    assert.match(d?.message ?? '', /^unknown pack "零售"/);
  });

  it('--format text: the diagnostic lines on stdout and why nothing else was checked', async () => {
    const r = await check();
    assert.equal(r.code, 2);
    assert.match(
      r.stdout,
      /^opsbook\.yaml:8:1 {2}error {4}inclde: unknown key "inclde".* {2}config\/invalid\n\n✖ 1 configuration problem: the workspace is not checked until it is fixed\n$/,
    );
  });

  it('--format sarif: a result with the rule, level error and the region', async () => {
    const r = await check('--format', 'sarif');
    assert.equal(r.code, 2);
    const run = (
      JSON.parse(r.stdout) as {
        runs: {
          tool: { driver: { rules: { id: string }[] } };
          results: {
            ruleId: string;
            level: string;
            locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
          }[];
        }[];
      }
    ).runs[0];
    assert.deepEqual(
      run?.tool.driver.rules.map((x) => x.id),
      ['config/invalid'],
    );
    assert.equal(run?.results.length, 1);
    const res = run?.results[0];
    assert.equal(res?.ruleId, 'config/invalid');
    assert.equal(res?.level, 'error');
    assert.equal(res?.locations[0]?.physicalLocation.artifactLocation.uri, 'opsbook.yaml');
    assert.deepEqual(res?.locations[0]?.physicalLocation.region, { startLine: 8, startColumn: 1, endLine: 8, endColumn: 7 });
  });

  it('--format github: an error annotation on the line', async () => {
    const r = await check('--format', 'github');
    assert.equal(r.code, 2);
    assert.match(r.stdout, /^::error file=opsbook\.yaml,line=8,col=1,endLine=8,endColumn=7,title=config\/invalid::inclde: unknown key "inclde"/m);
  });

  it('other commands stop with the same lines on stderr, exit 2', async () => {
    const r = await cli(['tree', '--root', dir, '--today', '2026-06-15']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^opsbook tree: configuration problems:\n {2}opsbook\.yaml:8:1 {2}error {2}inclde: unknown key "inclde".* {2}config\/invalid\n$/);
  });
});

describe('configDiagnostic', () => {
  it('a problem in a built-in pack goes on the configuration file, saying where it comes from', () => {
    const d = configDiagnostic({ file: '<pack ops>/pack.yaml', line: 12, column: 3, message: 'kinds.x: bad' }, 'config/运营.yaml');
    assert.deepEqual(d, {
      file: 'config/运营.yaml',
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      severity: 'error',
      ruleId: 'config/invalid',
      message: '<pack ops>/pack.yaml: kinds.x: bad',
    });
  });

  it('keeps a rule id and a range that is given', () => {
    const d = configDiagnostic(
      { file: 'opsbook.yaml', line: 2, column: 14, endLine: 2, endColumn: 20, ruleId: 'config/pack-missing', message: 'm' },
      'opsbook.yaml',
    );
    assert.deepEqual([d.range, d.ruleId], [{ start: { line: 2, column: 14 }, end: { line: 2, column: 20 } }, 'config/pack-missing']);
  });
});
