import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import jsyaml from 'js-yaml';
import type { ValidateFunction } from 'ajv';
import { createAjv, precompiledValidator, stripId } from '../../src/core/index';
import * as safeRegExpModule from '../../src/core/config/safeRegExp';
import { precompiledModule } from '../../src/node/precompile';
import * as esbuild from 'esbuild';
import { generate } from '../bench/generate.mjs';
import { openMem } from '../core/memfs';

const ROOT = path.resolve(__dirname, '..', '..');
const SCHEMAS = path.join(ROOT, 'schemas');
const SAFE_REGEXP = './src/core/config/safeRegExp';

/** The generated module evaluated as the bundles would (its `require`s resolved from the project). */
function generatedTable(): Record<string, ValidateFunction> {
  const code = precompiledModule(SCHEMAS, SAFE_REGEXP);
  const req = createRequire(path.join(ROOT, 'package.json'));
  const mod = { exports: {} as { validators?: Record<string, ValidateFunction> } };
  new Function('module', 'exports', 'require', code)(mod, mod.exports, (id: string) => (id === SAFE_REGEXP ? safeRegExpModule : req(id)));
  assert.ok(mod.exports.validators);
  return mod.exports.validators;
}

const schemaJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8')) as Record<string, unknown>;

/** Every mapping in the YAML files and Markdown front matter under `dir`. */
function mappingsUnder(dir: string, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  const seen = new Set<unknown>(); // aliases share nodes (samples/broken has a billion laughs)
  const collect = (v: unknown): void => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) v.forEach(collect);
    else {
      out.push(v as Record<string, unknown>);
      Object.values(v).forEach(collect);
    }
  };
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) mappingsUnder(p, out);
    else if (/\.ya?ml$/.test(name) || name.endsWith('.md')) {
      const text = readFileSync(p, 'utf8');
      const yaml = name.endsWith('.md') ? /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] : text;
      if (yaml === undefined) continue;
      try {
        jsyaml.loadAll(yaml, collect, { schema: jsyaml.CORE_SCHEMA });
      } catch {
        // a broken sample: its neighbours are enough
      }
    }
  }
  return out;
}

/** Each value with one key at a time set to a wrong type, emptied or removed. */
function mutations(values: Record<string, unknown>[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const v of values)
    for (const k of Object.keys(v)) {
      for (const wrong of [12, -1.5, 'x', '', null, [], {}, ['RGN-无', 3], { 新: 'x' }, '2026-13-45', 'not an email']) out.push({ ...v, [k]: wrong });
      const { [k]: _gone, ...rest } = v;
      out.push(rest);
    }
  return out;
}

describe('precompiled validators (ajv standalone code generated at build time)', () => {
  const table = generatedTable();

  it('cover every schema the built-in pack compiles and both meta-schemas, by the hash of the schema', async () => {
    const { workspace, configProblems } = await openMem({ 'opsbook.yaml': 'opsbook: 1\npacks: [ops]\n' });
    assert.deepEqual(configProblems, []);
    const kinds = [...workspace.config.kinds.values()].filter((k) => k.schema);
    assert.deepEqual(kinds.map((k) => k.name).sort(), [
      'assessment',
      'brand',
      'competitor',
      'course',
      'expense',
      'inventory',
      'partner',
      'person',
      'plan',
      'product',
      'project',
      'region',
      'standard',
      'store',
    ]);
    for (const k of kinds) assert.ok(precompiledValidator(stripId(k.schema!.json), table), `${k.name}: precompiled`);
    assert.ok(precompiledValidator(schemaJson('opsbook.schema.json'), table), 'opsbook.yaml');
    assert.ok(precompiledValidator(schemaJson('pack.schema.json'), table), 'pack.yaml');
    assert.equal(Object.keys(table).length, kinds.length + 2, 'one validator per kind schema and the two configuration schemas');
  });

  it('are not used for a schema that custom fields changed, nor for a schema that differs by one value', async () => {
    const { workspace, configProblems } = await openMem({
      'opsbook.yaml': 'opsbook: 1\npacks: [ops]\nkinds:\n  partner:\n    fields:\n      区域经理: { type: string }\n',
    });
    assert.deepEqual(configProblems, []);
    const partner = workspace.config.kinds.get('partner')!.schema!.json;
    assert.ok((partner['properties'] as Record<string, unknown>)['区域经理']);
    assert.equal(precompiledValidator(stripId(partner), table), undefined);
    assert.ok(precompiledValidator(stripId(workspace.config.kinds.get('region')!.schema!.json), table), 'the unchanged kinds still are');
    const region = stripId(schemaJson('region.schema.json'));
    assert.equal(precompiledValidator({ ...region, title: `${String(region['title'])} ` }, table), undefined);
    assert.equal(precompiledValidator(region, {}), undefined, 'none without a table (running from source)');
  });

  it('report exactly what runtime-compiled validators report, on the samples, a generated workspace and broken variants of them', () => {
    const generated = mkdtempSync(path.join(tmpdir(), 'opsbook-precompiled-'));
    try {
      generate(generated, 30, 7);
      const values = [...mappingsUnder(path.join(ROOT, 'samples')), ...mappingsUnder(path.join(ROOT, 'test', 'fixtures')), ...mappingsUnder(generated)];
      const inputs = [...values, ...mutations(values.filter((_, i) => i % 17 === 0)), null, 3, 'text', [], {}];
      const schemas = readdirSync(SCHEMAS)
        .filter((f) => f.endsWith('.schema.json'))
        .map((f) => (f === 'opsbook.schema.json' || f === 'pack.schema.json' ? schemaJson(f) : stripId(schemaJson(f))));
      let invalid = 0;
      let errors = 0;
      for (const schema of schemas) {
        const pre = precompiledValidator(schema, table)!;
        const runtime = createAjv().compile(schema);
        for (const input of inputs) {
          const ok = pre(input);
          if (ok !== runtime(input) || !isDeepStrictEqual(pre.errors ?? null, runtime.errors ?? null))
            assert.deepEqual({ ok, errors: pre.errors }, { ok: !ok, errors: runtime.errors }, JSON.stringify(input).slice(0, 2000));
          if (!ok) invalid++;
          errors += pre.errors?.length ?? 0;
        }
      }
      // Both paths were exercised: valid and invalid values, and many kinds of errors.
      assert.ok(invalid > 1000 && invalid < schemas.length * inputs.length, `${invalid} invalid of ${schemas.length * inputs.length}`);
      assert.ok(errors > 10000, `${errors} errors`);
    } finally {
      rmSync(generated, { recursive: true, force: true });
    }
  });

  it('are what a bundle validates with: opening a folder of the built-in pack generates no code at runtime (CSP-free), custom fields do', async () => {
    const { precompiledPlugin, precompiledValidators } = await import('../../esbuild.precompiled.mjs');
    const out = await esbuild.build({
      stdin: { contents: "export { openWorkspace } from './src/core';\nexport { builtinPacks } from './src/node/host';\n", resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
      plugins: [precompiledPlugin(ROOT, await precompiledValidators(ROOT))],
    });
    const mod = { exports: {} as typeof import('../../src/core/index') & typeof import('../../src/node/host') };
    new Function('module', 'exports', 'require', out.outputFiles[0]!.text)(mod, mod.exports, createRequire(path.join(ROOT, 'package.json')));
    const bundle = mod.exports;
    // A shop's partners in its own words: a missing name, an unknown status, a bad date.
    const files = {
      'partners/合作方.yaml': 'partners:\n  - id: PTN-杭州-01\n    type: channel\n    status: 暂停\n    contract:\n      end: 2026-02-30\n',
    };
    const open = async (config: string): Promise<{ rules: string[]; generated: number }> => {
      const { MemFs } = await import('../core/memfs');
      const RealFunction = globalThis.Function;
      let generated = 0;
      globalThis.Function = new Proxy(RealFunction, {
        construct: (target, args, newTarget) => (generated++, Reflect.construct(target, args, newTarget)),
        apply: (target, self, args) => (generated++, Reflect.apply(target, self, args)),
      });
      try {
        const r = await bundle.openWorkspace({
          fs: new MemFs({ 'opsbook.yaml': config, ...files }),
          builtinPacks: bundle.builtinPacks(SCHEMAS),
          clock: () => '2026-06-15',
        });
        assert.deepEqual(r.configProblems, []);
        return { rules: r.workspace.diagnostics().map((d) => `${d.range.start.line} ${d.ruleId} ${d.message}`), generated };
      } finally {
        globalThis.Function = RealFunction;
      }
    };
    const builtin = await open('opsbook: 1\npacks: [ops]\n');
    assert.equal(builtin.generated, 0);
    const custom = await open('opsbook: 1\npacks: [ops]\nkinds:\n  partner:\n    fields:\n      区域经理: { type: string }\n');
    assert.ok(custom.generated > 0, 'the partner schema with a custom field is compiled at runtime');
    assert.deepEqual(custom.rules, builtin.rules);
    assert.deepEqual(builtin.rules, [
      '2 schema/required PTN-杭州-01: missing required field "name"',
      '4 vocab/unknown partner PTN-杭州-01: status "暂停" is not in vocabulary partner.status (prospect, active, suspended, ended). Use one of its values, or map your word to one with vocabularies.partner.status.aliases in opsbook.yaml.',
      '6 schema/format PTN-杭州-01: "contract.end" must match format "date"',
    ]);
  });
});
