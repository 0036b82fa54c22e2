import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NodePath } from '../types';
import { safeRegExp } from './safeRegExp';

/**
 * One Ajv instance per engine. `strict: false` because schemas carry the `x-opsbook-ref`
 * keyword and user schemas may use annotations Ajv does not know. `source`: keep the generated
 * code, for ajv's standalone output (the build precompiles the built-in schemas with it).
 */
export function createAjv(options: { source?: boolean } = {}): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    allowUnionTypes: true,
    verbose: false,
    messages: true,
    code: {
      regExp: safeRegExp as unknown as NonNullable<NonNullable<ConstructorParameters<typeof Ajv>[0]>['code']>['regExp'],
      ...(options.source ? { source: true } : {}),
    },
  });
  addFormats(ajv, ['date', 'date-time', 'email', 'uri', 'time', 'regex']);
  ajv.addKeyword({ keyword: 'x-opsbook-ref', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-opsbook-vocab', schemaType: 'string' });
  return ajv;
}

export type { ErrorObject, ValidateFunction };

/** Ajv refuses a second schema with the same `$id`; validation compiles schemas in its own instance. */
export function stripId(json: Record<string, unknown>): Record<string, unknown> {
  const { $id: _id, ...rest } = json;
  return rest;
}

/** A JSON pointer (`/a/0/b`) as a node path. */
export function pointerToPath(pointer: string): NodePath {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** An Ajv error in words (unknown key, allowed values, missing field). */
export function describeAjvError(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown key "${String(p['additionalProperty'])}"`;
    case 'enum':
      return `must be one of ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'required':
      return `missing required field "${String(p['missingProperty'])}"`;
    default:
      return e.message ?? e.keyword;
  }
}
