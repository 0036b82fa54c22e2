import { createAjv, stripId, type ValidateFunction } from '../config/ajv';
import type { KindConfig, ResolvedConfig } from '../config/types';
import { precompiledValidator } from './precompiled';

/** A configuration's schemas compiled to validators, by kind, with compile errors. */
export interface CompiledSchemas {
  byKind: Map<string, { validate?: ValidateFunction; validateFile?: ValidateFunction }>;
  problems: string[];
}

/**
 * The configuration's schemas compiled, shared by every workspace whose configuration has
 * the same schemas (validators are pure functions of the schema; ajv's `errors` are read
 * right after each call). Compiling the ops pack takes a few hundred milliseconds on a slow
 * machine; with `pause` it is done one schema at a time, pausing between them.
 */
export async function compileSchemas(config: ResolvedConfig, cache?: SchemaCache, pause?: () => Promise<void>): Promise<CompiledSchemas> {
  const key = schemasKey(config);
  const known = cache?.recall(key);
  if (known) return known;
  const steps = compileSteps(config);
  let step = steps.next();
  while (!step.done) {
    if (pause) await pause();
    step = steps.next();
  }
  return cache ? cache.remember(key, step.value) : step.value;
}

/** `compileSchemas` without pauses, for callers that cannot wait. */
export function compileSchemasNow(config: ResolvedConfig, cache?: SchemaCache): CompiledSchemas {
  const key = schemasKey(config);
  const known = cache?.recall(key);
  if (known) return known;
  const steps = compileSteps(config);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return cache ? cache.remember(key, step.value) : step.value;
}

/**
 * Compiles the kinds' schemas, yielding after each kind that has one. A schema the build
 * precompiled (the built-in pack's, unchanged by custom fields) is not compiled: Ajv is only
 * created for the others.
 */
function* compileSteps(config: ResolvedConfig): Generator<void, CompiledSchemas> {
  const compiled: CompiledSchemas = { byKind: new Map(), problems: [] };
  let ajv: ReturnType<typeof createAjv> | undefined;
  const compile = (json: Record<string, unknown>): ValidateFunction => {
    const schema = stripId(json);
    return precompiledValidator(schema) ?? (ajv ??= createAjv()).compile(schema);
  };
  for (const kc of config.kinds.values()) {
    compiled.byKind.set(kc.name, compileKind(compile, kc, compiled.problems));
    if (kc.schema || kc.fileSchema) yield;
  }
  return compiled;
}

function compileKind(
  compile: (json: Record<string, unknown>) => ValidateFunction,
  kc: KindConfig,
  problems: string[],
): { validate?: ValidateFunction; validateFile?: ValidateFunction } {
  const out: { validate?: ValidateFunction; validateFile?: ValidateFunction } = {};
  if (kc.schema) {
    try {
      out.validate = compile(kc.schema.json);
    } catch (err) {
      problems.push(`schema ${kc.schema.origin}: ${String(err)}`);
    }
  }
  if (kc.fileSchema) {
    try {
      out.validateFile = compile(kc.fileSchema.json);
    } catch (err) {
      problems.push(`schema ${kc.fileSchema.origin}: ${String(err)}`);
    }
  }
  return out;
}

/** Custom fields (`kinds.<kind>.fields`) are part of the key through the schemas they were merged into at load. */
function schemasKey(config: ResolvedConfig): string {
  return JSON.stringify(
    [...config.kinds.values()].map((k) => [k.name, k.schema?.origin ?? null, k.schema?.json ?? null, k.fileSchema?.origin ?? null, k.fileSchema?.json ?? null]),
  );
}

/**
 * Compiled schemas of recent configurations, kept by the host (one per process, shared by its
 * folders): a reload, a scratch workspace or another folder with the same packs reuses them.
 */
export class SchemaCache {
  private readonly compiled = new Map<string, CompiledSchemas>();
  private readonly metaValidators = new Map<string, ValidateFunction>();

  constructor(private readonly kept = 4) {}

  recall(key: string): CompiledSchemas | undefined {
    const known = this.compiled.get(key);
    if (known) {
      this.compiled.delete(key); // most recently used last
      this.compiled.set(key, known);
    }
    return known;
  }

  /** The validator of `opsbook.yaml` or `pack.yaml` for a meta-schema's text, compiled on first use. */
  meta(schemaText: string, compile: () => ValidateFunction): ValidateFunction {
    let validate = this.metaValidators.get(schemaText);
    if (!validate) {
      validate = compile();
      if (this.metaValidators.size >= 4) this.metaValidators.clear();
      this.metaValidators.set(schemaText, validate);
    }
    return validate;
  }

  remember(key: string, compiled: CompiledSchemas): CompiledSchemas {
    this.compiled.set(key, compiled);
    if (this.compiled.size > this.kept) this.compiled.delete(this.compiled.keys().next().value!);
    return compiled;
  }
}
