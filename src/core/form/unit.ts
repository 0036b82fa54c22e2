/**
 * The one rule for the unit or currency a number is in, shared by the record form (shown beside
 * the field) and the register table (totals per currency): a `currency` (else a `unit`) in the
 * mapping that holds the number, else in the nearest mapping around it. A KPI's monthly actuals
 * are in the KPI's `unit`; a contract's value in the contract's `currency`, before the record's.
 */
import type { JsonObject, JsonValue } from '../types';

const UNIT_KEYS = ['currency', 'unit'] as const;

function mapping(v: JsonValue | undefined): JsonObject | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

/** The unit of the field `key`, given the mappings from the record's root (first) to the one holding the field (last). */
export function unitIn(key: string, mappings: readonly (JsonObject | undefined)[]): string | undefined {
  if ((UNIT_KEYS as readonly string[]).includes(key)) return undefined;
  for (let i = mappings.length - 1; i >= 0; i--) {
    const m = mappings[i];
    if (!m) continue;
    for (const k of UNIT_KEYS) {
      const v = m[k];
      if (typeof v === 'string' && v !== '') return v;
    }
  }
  return undefined;
}

/** The unit of the value at `path` in `record` (see {@link unitIn}). */
export function unitAt(record: JsonObject, path: readonly (string | number)[]): string | undefined {
  if (path.length === 0) return undefined;
  const mappings: (JsonObject | undefined)[] = [];
  let node: JsonValue | undefined = record;
  for (let i = 0; i < path.length - 1; i++) {
    mappings.push(mapping(node));
    const step: string | number = path[i]!;
    node = Array.isArray(node) ? (typeof step === 'number' ? node[step] : undefined) : mapping(node)?.[String(step)];
  }
  mappings.push(mapping(node));
  return unitIn(String(path[path.length - 1]), mappings);
}
