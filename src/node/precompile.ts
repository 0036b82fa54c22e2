import standaloneCode from 'ajv/dist/standalone';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createAjv, schemaHash, stripId } from '../core';

/** The meta-schemas `opsbook.yaml` and `pack.yaml` are validated with, compiled as they are (with `$id`). */
const META_SCHEMAS = ['opsbook.schema.json', 'pack.schema.json'];

/**
 * The ajv standalone code (CommonJS) of every schema in `schemasDir`, for the build (esbuild.mjs)
 * to put in place of src/core/schema/standalone.ts: `exports.validators` maps `h` + `schemaHash`
 * of each schema, as the engine compiles it (kinds' schemas without `$id`, the meta-schemas as
 * they are), to its validator. Generated with the engine's own Ajv options, so a precompiled
 * validator returns exactly what a runtime-compiled one does. `safeRegExpModule`: the module
 * specifier of src/core/config/safeRegExp, whose `safeRegExp` the code calls for `pattern`s.
 */
export function precompiledModule(schemasDir: string, safeRegExpModule: string): string {
  const ajv = createAjv({ source: true });
  const exported: Record<string, string> = {};
  for (const file of readdirSync(schemasDir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()) {
    const json = JSON.parse(readFileSync(path.join(schemasDir, file), 'utf8')) as Record<string, unknown>;
    const schema = META_SCHEMAS.includes(file) ? json : stripId(json);
    const key = `h${schemaHash(schema)}`;
    if (exported[key]) continue;
    ajv.addSchema(schema, key);
    exported[key] = key;
  }
  const code = standaloneCode(ajv, exported).replace(/^"use strict";/, '');
  const keys = Object.keys(exported);
  return [
    '// Generated at build time by src/node/precompile.ts from schemas/*.schema.json: not committed, do not edit.',
    '"use strict";',
    `const { safeRegExp } = require(${JSON.stringify(safeRegExpModule)});`,
    code,
    `exports.validators = { ${keys.map((k) => `${k}: exports.${k}`).join(', ')} };`,
    '',
  ].join('\n');
}
