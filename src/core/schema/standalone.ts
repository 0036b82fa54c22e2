import type { ValidateFunction } from '../config/ajv';

/**
 * Validators for the built-in pack's schemas, by `schemaHash` of each schema. Empty in the
 * source: the build (esbuild.mjs) replaces this module in the CLI, engine and extension bundles
 * with ajv standalone code generated from `schemas/*.schema.json` (src/node/precompile.ts), so
 * they validate the built-in schemas without compiling them at runtime (no `new Function`, no
 * cold-JIT compile when the editor activates). Running from source (tests via tsx), every
 * schema is compiled at runtime, with the same results.
 */
export const validators: Readonly<Record<string, ValidateFunction>> = {};
