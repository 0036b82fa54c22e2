import { Scalar, stringify } from 'yaml';
import type { JsonObject, JsonValue } from '../types';

// YAML text for values written into a file: block pairs for new fields and records, inline
// scalars and flow lists for replaced values.

export function pairLines(key: string, value: JsonValue, indent: number, eol: string): string {
  const pad = ' '.repeat(indent);
  const k = scalarText(key, undefined, false);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if (Object.keys(value).length === 0) return `${pad}${k}: {}${eol}`;
    return `${pad}${k}:${eol}${pairsLines(value, indent + 2, eol)}`;
  }
  return `${pad}${k}: ${inline(value, false)}${eol}`;
}

export function pairsLines(obj: JsonObject, indent: number, eol: string): string {
  return Object.entries(obj)
    .map(([k, v]) => pairLines(k, v, indent, eol))
    .join('');
}

export function inline(value: JsonValue, inFlow: boolean, like?: Scalar): string {
  if (Array.isArray(value)) return `[${value.map((v) => scalarText(v, undefined, true)).join(', ')}]`;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return scalarText(value, like, inFlow);
}

/** A scalar as YAML text: the old node's quoting kept when it can hold the value, plain when safe, else double-quoted. */
export function scalarText(v: JsonValue, like: Scalar | undefined, inFlow: boolean): string {
  if (typeof v !== 'string') return v === null ? 'null' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (like?.type === Scalar.QUOTE_DOUBLE || /[\r\n\t]/.test(v)) return JSON.stringify(v);
  if (like?.type === Scalar.QUOTE_SINGLE) return `'${v.replace(/'/g, "''")}'`;
  const plain = stringify(v, { lineWidth: 0 }).replace(/\r?\n$/, '');
  if (plain === v && !(inFlow && /[,[\]{}]/.test(v))) return v;
  return plain.includes('\n') || inFlow ? JSON.stringify(v) : plain;
}
