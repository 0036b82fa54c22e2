import { isIsoDate } from '../util/dates';
import type { JsonValue } from '../types';
import { looksLikeTypo } from './similar';

/** Ids in use by kind: what a field's values are compared with to find references. */
export type IdIndex = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * The kind whose ids a field's values name: every value is an id of that kind, or all but a few
 * rare ones that look like misspelt ids of it (those stay `ref/missing` findings). Undefined when
 * the values are not ids, or ids of several kinds alike.
 */
export function referencedKind(values: readonly string[], ids: IdIndex): string | undefined {
  const distinct = [...new Set(values)];
  if (distinct.length === 0) return undefined;
  let best: { kind: string; hits: number } | undefined;
  let tie = false;
  for (const [kind, set] of ids) {
    const hits = distinct.filter((v) => set.has(v)).length;
    if (hits === 0) continue;
    if (!best || hits > best.hits) {
      best = { kind, hits };
      tie = false;
    } else if (hits === best.hits) tie = true;
  }
  if (!best || tie) return undefined;
  const set = ids.get(best.kind) as ReadonlySet<string>;
  const misses = distinct.filter((v) => !set.has(v));
  if (misses.length === 0) return best.kind;
  const tolerated = best.hits >= 2 && misses.length <= Math.max(1, Math.floor(distinct.length / 5));
  return tolerated && misses.every((m) => [...set].some((id) => looksLikeTypo(m, id))) ? best.kind : undefined;
}

/**
 * A JSON Schema fragment (or `{ ref: kind }`) that accepts every value a custom field holds:
 * dates as `format: date`, whole numbers as `integer`, lists of strings, references.
 */
export function fieldFragment(values: readonly JsonValue[], ids: IdIndex): { fragment: Record<string, unknown>; what: string } {
  const present = values.filter((v) => v !== null);
  const nullable = present.length < values.length;
  const types = new Set(present.map(jsonType));
  const withNull = (t: string): unknown => (nullable ? [t, 'null'] : t);
  if (types.size === 1) {
    const t = [...types][0] as string;
    if (t === 'string') {
      const strings = present as string[];
      const ref = nullable ? undefined : referencedKind(strings, ids);
      if (ref) return { fragment: { ref }, what: `${ref} ids` };
      if (strings.every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v)) && strings.some(isIsoDate))
        return { fragment: { type: withNull('string'), format: 'date' }, what: 'dates' };
      return { fragment: { type: withNull('string') }, what: 'text' };
    }
    if (t === 'array') {
      const items = (present as JsonValue[][]).flat();
      const itemTypes = new Set(items.map(jsonType));
      if (itemTypes.size === 1 && itemTypes.has('string')) {
        const ref = referencedKind(items as string[], ids);
        if (ref) return { fragment: { type: withNull('array'), items: { type: 'string', 'x-opsbook-ref': ref } }, what: `lists of ${ref} ids` };
        return { fragment: { type: withNull('array'), items: { type: 'string' } }, what: 'lists of text' };
      }
      if (itemTypes.size === 1 && (itemTypes.has('integer') || itemTypes.has('number')))
        return { fragment: { type: withNull('array'), items: { type: 'number' } }, what: 'lists of numbers' };
      return { fragment: { type: withNull('array') }, what: 'lists' };
    }
    return {
      fragment: { type: withNull(t) },
      what: t === 'integer' ? 'whole numbers' : t === 'number' ? 'numbers' : t === 'boolean' ? 'yes/no values' : t === 'object' ? 'mappings' : t,
    };
  }
  if (types.size === 2 && types.has('integer') && types.has('number')) return { fragment: { type: withNull('number') }, what: 'numbers' };
  if (types.size === 0) return { fragment: {}, what: 'empty values' };
  const list = [...types].map((t) => (t === 'integer' ? 'number' : t));
  const uniq = [...new Set(list)].sort();
  if (nullable) uniq.push('null');
  return { fragment: { type: uniq }, what: 'mixed values' };
}

function jsonType(v: JsonValue): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}
