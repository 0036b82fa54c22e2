/**
 * YAML source for values the write layer inserts: scalars in the style of the value they
 * replace where that still reads back as the same value, new maps and lists in block style at
 * the indentation of their neighbours (flow style inside flow collections).
 */
import { parse } from 'yaml';
import type { JsonValue } from '../types';

export type ScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/** Where a value is written: in a flow collection (`{ … }`, `[ … ]`) plain text may not hold `,[]{}`. */
export interface ScalarContext {
  flow: boolean;
  /** The style of the value being replaced, kept when the new value can be written in it. */
  style?: ScalarStyle | undefined;
}

const FLOW_INDICATORS = /[,[\]{}]/;

/** The value read back from `k: <source>` with the YAML 1.2 core schema, or a marker when it does not parse. */
function readBack(source: string): unknown {
  try {
    return (parse(`k: ${source}\n`, { logLevel: 'silent' }) as { k?: unknown } | null)?.k;
  } catch {
    return readBack;
  }
}

/** A string as a plain scalar, or undefined when plain text would read back as something else. */
function plain(v: string, flow: boolean): string | undefined {
  if (v === '' || v !== v.trim() || /[\n\r\t]/.test(v)) return undefined;
  if (flow && FLOW_INDICATORS.test(v)) return undefined;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(v) || v.includes(': ') || v.includes(' #') || v.endsWith(':')) return undefined;
  return readBack(v) === v ? v : undefined;
}

export function singleQuoted(v: string): string {
  return `'${v.replace(/'/g, "''")}'`;
}

/** Double-quoted YAML: JSON's escapes are YAML's, and non-ASCII text stays readable. */
export function doubleQuoted(v: string): string {
  return JSON.stringify(v);
}

/** A key as it is written before `:`. */
export function keySource(key: string): string {
  return plain(key, true) ?? doubleQuoted(key);
}

/**
 * One-line source of a scalar value. Strings keep the replaced value's quoting where possible;
 * a plain string that would read back as a number, a boolean, null or a flow indicator is quoted.
 */
export function scalarSource(value: string | number | boolean | null, ctx: ScalarContext): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return String(value);
  }
  if (ctx.style === 'QUOTE_SINGLE' && !/[\n\r]/.test(value)) return singleQuoted(value);
  if (ctx.style === 'QUOTE_DOUBLE') return doubleQuoted(value);
  return plain(value, ctx.flow) ?? (/[\n\r\\"\t]/.test(value) || /[^\x20-\x7e\p{L}\p{N}\p{P}\p{S} ]/u.test(value) ? doubleQuoted(value) : singleQuoted(value));
}

/**
 * A multi-line string as a literal block scalar (`|`, `|-`, `|+`) whose lines are indented by
 * `indent`; undefined when a literal block cannot hold it exactly (leading blank, tab or space
 * on the first line, carriage returns).
 */
export function literalBlock(value: string, indent: string, eol: string): string | undefined {
  if (!value.includes('\n') || value.includes('\r') || /^[ \t\n]/.test(value)) return undefined;
  const trailing = /\n*$/.exec(value)?.[0].length ?? 0;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const body = trailing === 0 ? value : value.slice(0, value.length - trailing);
  const lines = body.split('\n').map((l) => (l === '' ? '' : indent + l));
  const extra = trailing > 1 ? eol.repeat(trailing - 1) : '';
  return `|${chomp}${eol}${lines.join(eol)}${eol}${extra}`;
}

/** Flow source of any value (`{ amount: 5, currency: CNY }`, `[a, b]`). */
export function flowSource(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(flowSource).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const pairs = Object.entries(value).map(([k, v]) => `${keySource(k)}: ${flowSource(v)}`);
    return pairs.length === 0 ? '{}' : `{ ${pairs.join(', ')} }`;
  }
  return scalarSource(value, { flow: true });
}

function isScalarValue(v: JsonValue): v is string | number | boolean | null {
  return v === null || typeof v !== 'object';
}

/** A list whose items are all scalars is written in flow style (`[RGN-E, RGN-N]`), as people write short lists. */
function inlineSource(v: JsonValue, indent: string, eol: string): string | undefined {
  if (isScalarValue(v)) {
    if (typeof v === 'string' && v.includes('\n')) return literalBlock(v, indent, eol)?.slice(0, -eol.length) ?? doubleQuoted(v);
    return scalarSource(v, { flow: false });
  }
  if (Array.isArray(v) && v.every(isScalarValue) && !v.some((x) => typeof x === 'string' && x.includes('\n'))) return flowSource(v);
  if (!Array.isArray(v) && Object.keys(v).length === 0) return '{}';
  return undefined;
}

/**
 * Block lines of a map or list at `indent` (each line ends with `eol`). `step` is the file's
 * indentation unit. The first line carries `indent` too; callers placing it after `- ` strip it.
 */
export function blockLines(value: JsonValue, indent: string, step: string, eol: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}[]${eol}`;
    return value.map((item) => seqItemLines(item, indent, step, eol)).join('');
  }
  if (value === null || typeof value !== 'object') return `${indent}${inlineSource(value, indent + step, eol)}${eol}`;
  let out = '';
  for (const [k, v] of Object.entries(value)) out += pairLines(k, v, indent, step, eol);
  return out;
}

/** `key: value` at `indent`, with nested maps and lists of maps on the following lines. */
export function pairLines(key: string, value: JsonValue, indent: string, step: string, eol: string): string {
  const inline = inlineSource(value, indent + step, eol);
  if (inline !== undefined) return `${indent}${keySource(key)}: ${inline}${eol}`;
  return `${indent}${keySource(key)}:${eol}${blockLines(value, indent + step, step, eol)}`;
}

/** `- item` at `indent`; a map item's first pair sits after the dash and space, the rest under it (whatever the file's indentation unit). */
export function seqItemLines(item: JsonValue, indent: string, step: string, eol: string): string {
  const inner = indent + '  ';
  const inline = inlineSource(item, inner, eol);
  if (inline !== undefined) return `${indent}- ${inline}${eol}`;
  const lines = blockLines(item, inner, step, eol);
  return `${indent}- ${lines.slice(inner.length)}`;
}
