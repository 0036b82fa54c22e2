import { parseYaml } from '../parse/yaml';
import { YamlPositions } from '../parse/positions';
import type { JsonValue } from '../types';
import { createAjv, describeAjvError, pointerToPath, type ErrorObject, type ValidateFunction } from './ajv';
import type { SchemaCache } from '../schema/compiled';
import { precompiledValidator } from '../schema/precompiled';
import type { ConfigProblem } from './types';

// Reading `opsbook.yaml` and `pack.yaml` strictly: YAML syntax first, then the meta-schema,
// each problem at its key.

/** The validator of `opsbook.yaml` or `pack.yaml` for a meta-schema's text: compiled once per host when it keeps a `SchemaCache`. */
export function metaValidator(schemaText: string, cache?: SchemaCache): ValidateFunction {
  const compile = () => {
    const schema = JSON.parse(schemaText) as Record<string, unknown>;
    return precompiledValidator(schema) ?? createAjv().compile(schema);
  };
  return cache ? cache.meta(schemaText, compile) : compile();
}

/** The file's top-level mapping, or undefined with problems at their lines (syntax, or what `validate` says). */
export function parseStrict(
  file: string,
  text: string,
  problems: ConfigProblem[],
  validate: (v: unknown) => ErrorObject[],
): Record<string, unknown> | undefined {
  // The fast reader for a file without problems, as for documents; positions only for problems.
  const result = parseYaml(text);
  const positions = () => new YamlPositions(text);
  const syntax = result.problems.filter((x) => x.severity === 'error');
  if (syntax.length > 0) {
    const pos = positions();
    for (const p of syntax) {
      const r = pos.rangeAtOffsets(p.start, p.end);
      problems.push({ file, line: r.start.line, column: r.start.column, endLine: r.end.line, endColumn: r.end.column, message: p.message });
    }
    return undefined;
  }
  const value: JsonValue = result.docs[0] ?? null;
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ file, line: 1, column: 1, message: 'expected a mapping of settings at the top level' });
    return undefined;
  }
  const errors = validate(value);
  if (errors.length > 0) {
    const pos = positions();
    for (const e of errors) {
      const path = pointerToPath(e.instancePath);
      const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
      const r = pos.rangeOf(0, extra ? [...path, extra] : path, extra ? 'key' : 'value');
      const where = [...path, ...(extra ? [extra] : [])].join('.') || '(top level)';
      problems.push({
        file,
        line: r.start.line,
        column: r.start.column,
        endLine: r.end.line,
        endColumn: r.end.column,
        message: `${where}: ${describeAjvError(e)}`,
      });
    }
    return undefined;
  }
  return value;
}
