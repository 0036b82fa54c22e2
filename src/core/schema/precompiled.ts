import type { ValidateFunction } from '../config/ajv';
import { validators } from './standalone';

/**
 * A hash of a schema's JSON text (two 53-bit lanes of cyrb53, 106 bits): the key of a
 * precompiled validator. The build and the runtime stringify the same merged objects, so a
 * workspace whose custom fields change a built-in schema gets another hash, and that schema is
 * compiled at runtime.
 */
export function schemaHash(json: unknown): string {
  const text = JSON.stringify(json) ?? '';
  return lane(text, 0x9e3779b9) + lane(text, 0x85ebca6b);
}

function lane(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The precompiled validator of exactly this schema (see `standalone.ts`), if the build made one. */
export function precompiledValidator(json: unknown, table: Readonly<Record<string, ValidateFunction>> = validators): ValidateFunction | undefined {
  if (Object.keys(table).length === 0) return undefined;
  const key = `h${schemaHash(json)}`;
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
