import type { JsonObject, JsonValue } from '../types';
import type { FieldChange } from './types';
import { isObject } from '../util/json';

/** Fields that identify items of a list, tried in this order: lists are matched by them, not by position. */
export const ITEM_KEYS = ['id', 'sku', 'course'] as const;

/**
 * Every changed path between two values. Objects are compared key by key, lists of objects
 * by their item key (`objectives[OBJ-X]`), lists of plain values as sets, other lists by
 * position. Numbers get their absolute and relative change.
 */
export function diffValues(before: JsonValue | undefined, after: JsonValue | undefined, path = ''): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, path, out);
  return out;
}

function walk(before: JsonValue | undefined, after: JsonValue | undefined, path: string, out: FieldChange[]): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    out.push({ path, change: 'added', after: after as JsonValue });
    return;
  }
  if (after === undefined) {
    out.push({ path, change: 'removed', before });
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !Object.prototype.hasOwnProperty.call(before, k))];
    for (const k of keys) walk(own(before, k), own(after, k), joinKey(path, k), out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    diffArrays(before, after, path, out);
    return;
  }
  if (deepEqual(before, after)) return;
  const change: FieldChange = { path, change: 'changed', before, after };
  if (typeof before === 'number' && typeof after === 'number') {
    change.delta = round(after - before);
    if (before !== 0) change.percent = Math.round(((after - before) / Math.abs(before)) * 10000) / 100;
  }
  out.push(change);
}

function diffArrays(before: JsonValue[], after: JsonValue[], path: string, out: FieldChange[]): void {
  if (before.every(isScalar) && after.every(isScalar)) {
    const b = new Set(before.map(scalarKey));
    const a = new Set(after.map(scalarKey));
    const added = unique(after).filter((v) => !b.has(scalarKey(v)));
    const removed = unique(before).filter((v) => !a.has(scalarKey(v)));
    // Same members in another order is no change for sets of ids, channels or tags.
    if (added.length === 0 && removed.length === 0) return;
    out.push({ path, change: 'changed', before, after, added, removed });
    return;
  }
  const key = itemKeyOf(before, after);
  if (key) {
    const byKey = (list: JsonValue[]) => new Map(list.map((item) => [String((item as JsonObject)[key]), item]));
    const b = byKey(before);
    const a = byKey(after);
    for (const [k, item] of b) walk(item, a.get(k), `${path}[${k}]`, out);
    for (const [k, item] of a) if (!b.has(k)) walk(undefined, item, `${path}[${k}]`, out);
    return;
  }
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) walk(before[i], after[i], `${path}[${i}]`, out);
}

/** The first item key that every object of both lists has, with unique values on each side. */
export function itemKeyOf(...lists: JsonValue[][]): string | undefined {
  if (!lists.every((l) => l.every(isObject))) return undefined;
  for (const key of ITEM_KEYS) {
    const ok = lists.every((l) => {
      const seen = new Set<string>();
      for (const item of l as JsonObject[]) {
        const v = own(item, key);
        if (typeof v !== 'string' && typeof v !== 'number') return false;
        if (seen.has(String(v))) return false;
        seen.add(String(v));
      }
      return true;
    });
    if (ok) return key;
  }
  return undefined;
}

/** `a.b`, or `a["odd key"]` for keys that would not read back as a path. */
export function joinKey(path: string, key: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

export function deepEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  const ak = Object.keys(a);
  const bo = b as JsonObject;
  if (ak.length !== Object.keys(bo).length) return false;
  return ak.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && deepEqual((a as JsonObject)[k], bo[k]));
}

function own(o: JsonObject, k: string): JsonValue | undefined {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

function isScalar(v: JsonValue): boolean {
  return v === null || typeof v !== 'object';
}

function unique(list: JsonValue[]): JsonValue[] {
  const seen = new Set<string>();
  return list.filter((v) => {
    const k = scalarKey(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function scalarKey(v: JsonValue): string {
  return `${typeof v}:${String(v)}`;
}

/** Rounds away binary noise (0.1 + 0.2) without hiding real precision. */
function round(n: number): number {
  return Number(n.toPrecision(12));
}
