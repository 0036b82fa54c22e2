import type { JsonObject, JsonValue, NodePath } from '../types';

/** A mapping (not null, not a list). */
export function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The value at a node path (keys of mappings, indices of lists; own keys only), or undefined. */
export function valueAt(data: JsonValue | undefined, path: NodePath): JsonValue | undefined {
  let v: JsonValue | undefined = data;
  for (const seg of path) {
    if (v === null || v === undefined || typeof v !== 'object') return undefined;
    v = Array.isArray(v) ? v[seg as number] : Object.prototype.hasOwnProperty.call(v, seg) ? v[seg as string] : undefined;
  }
  return v;
}
