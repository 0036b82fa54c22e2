import type { JsonValue, NodePath } from '../types';

/** One step of a reference path: `a` (key), `a[]` (each item), `m{}` (each key), `m.*` (each value). */
export type PathStep = { key: string } | { items: true } | { mapKeys: true } | { mapValues: true };

/**
 * Parses the SPEC §3.2 path syntax: `a.b`, `a[]`, `m{}`, `m.*`, and combinations such as
 * `objectives[].kpis[].contributes_to`.
 */
export function parsePathPattern(pattern: string): PathStep[] {
  const steps: PathStep[] = [];
  for (const part of pattern.split('.')) {
    if (part === '') continue;
    if (part === '*') {
      steps.push({ mapValues: true });
      continue;
    }
    const m = /^([^[\]{}]*)((?:\[\]|\{\})*)$/.exec(part);
    const name = m ? (m[1] ?? '') : part;
    if (name) steps.push({ key: name });
    const suffix = m?.[2] ?? '';
    for (let i = 0; i < suffix.length; i += 2) steps.push(suffix[i] === '[' ? { items: true } : { mapKeys: true });
  }
  return steps;
}

export interface PatternMatch {
  /** The matched value (for `m{}`, the key itself as a string). */
  value: JsonValue;
  path: NodePath;
  /** True when the match is a map key (`m{}`): ranges point at the key. */
  isKey: boolean;
}

/** Every value matching the steps below `value`. */
export function matchPattern(value: JsonValue, steps: readonly PathStep[], base: NodePath = []): PatternMatch[] {
  const out: PatternMatch[] = [];
  const walk = (v: JsonValue, i: number, path: NodePath): void => {
    if (i === steps.length) {
      out.push({ value: v, path, isKey: false });
      return;
    }
    const step = steps[i] as PathStep;
    if ('key' in step) {
      if (v && typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, step.key)) {
        walk(v[step.key] as JsonValue, i + 1, [...path, step.key]);
      }
    } else if ('items' in step) {
      if (Array.isArray(v)) v.forEach((item, n) => walk(item, i + 1, [...path, n]));
    } else if ('mapKeys' in step) {
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        for (const k of Object.keys(v)) {
          if (i + 1 === steps.length) out.push({ value: k, path: [...path, k], isKey: true });
        }
      }
    } else if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const k of Object.keys(v)) walk(v[k] as JsonValue, i + 1, [...path, k]);
    }
  };
  walk(value, 0, base);
  return out;
}

/** Turns `[{key:'a'},{items:true},{key:'b'}]` back into `a[].b`. */
export function formatPattern(steps: readonly PathStep[]): string {
  let s = '';
  for (const step of steps) {
    if ('key' in step) s += (s ? '.' : '') + step.key;
    else if ('items' in step) s += '[]';
    else if ('mapKeys' in step) s += '{}';
    else s += '.*';
  }
  return s;
}
