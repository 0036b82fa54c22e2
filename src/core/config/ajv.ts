import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { safeRegExp } from './safeRegExp';

/**
 * One Ajv instance per engine. `strict: false` because schemas carry the `x-opsbook-ref`
 * keyword and user schemas may use annotations Ajv does not know.
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: false, messages: true, code: { regExp: safeRegExp as unknown as NonNullable<NonNullable<ConstructorParameters<typeof Ajv>[0]>['code']>['regExp'] } });
  addFormats(ajv, ['date', 'date-time', 'email', 'uri', 'time', 'regex']);
  ajv.addKeyword({ keyword: 'x-opsbook-ref', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-opsbook-vocab', schemaType: 'string' });
  return ajv;
}

export type { ErrorObject, ValidateFunction };
