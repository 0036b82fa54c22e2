/**
 * Form fields from a record's effective schema (after packs and custom fields) and its data:
 * which widget each field gets, with vocabulary options, reference targets and units.
 */
import type { VocabularyConfig } from '../config/types';
import type { PathStep } from '../model/pathPattern';
import type { JsonObject, JsonValue } from '../types';
import type { FormField, Option, TableRow, Widget } from './types';
import { unitIn } from './unit';

type Schema = Record<string, unknown>;

/** What field construction needs from the workspace. */
export interface FieldContext {
  /** The schema node for a path below the record (local `$ref`s followed), if the schema says. */
  schemaAt(path: readonly (string | number)[]): Schema | undefined;
  /** The vocabulary bound to values at this concrete path below the record (or to its keys with `keys`). */
  vocabularyAt(path: readonly (string | number)[], keys?: boolean): VocabularyConfig | undefined;
  /** The values in use of an open vocabulary, most used first. */
  inUse(vocabulary: string): Map<string, number> | undefined;
  /** The nested record at a path below the record (an objective at `objectives[0]`). */
  nestedAt(path: readonly (string | number)[]): { kind: string; id: string } | undefined;
}

const MULTILINE_KEYS = new Set(['description', 'notes', 'summary', 'comment', 'remarks']);
const DATE_PATTERN = /\\d\{4\}-\\d\{2\}-\\d\{2\}|\\d\{4\}-\\d\{2\}/;

function typeOf(s: Schema | undefined): string | undefined {
  const t = s?.['type'];
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.find((x) => x !== 'null') as string | undefined;
  if (s && (s['properties'] || s['additionalProperties'])) return 'object';
  if (s && s['items']) return 'array';
  return undefined;
}

function inferredType(v: JsonValue | undefined): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

function asObject(v: JsonValue | undefined): JsonObject | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

function itemsOf(s: Schema | undefined): Schema | undefined {
  const items = s?.['items'];
  return items && typeof items === 'object' && !Array.isArray(items) ? (items as Schema) : undefined;
}

function vocabularyOptions(v: VocabularyConfig, ctx: FieldContext): { widget: Widget; options: Option[] } {
  const used = ctx.inUse(v.name);
  if (v.values && v.strict) return { widget: 'select', options: v.values.map((value) => ({ value })) };
  const listed = (v.values ?? []).map((value) => ({ value, ...(used?.has(value) ? { count: used.get(value) as number } : {}) }));
  const seen = new Set(listed.map((o) => o.value));
  for (const [value, count] of used ?? []) if (!seen.has(value)) listed.push({ value, count });
  return { widget: 'combo', options: listed };
}

export interface FieldInput {
  key: string;
  path: (string | number)[];
  value: JsonValue | undefined;
  required: boolean;
  /** The mapping holding the field, and the mappings around it (for units). */
  siblings?: JsonObject;
  ancestors: JsonObject[];
  extra?: boolean;
}

/** One field of the form, with everything inside it. */
export function buildField(input: FieldInput, ctx: FieldContext): FormField {
  const { key, path, value } = input;
  const s = ctx.schemaAt(path);
  const field: FormField = {
    key,
    path,
    label: typeof s?.['title'] === 'string' ? s['title'] : key,
    required: input.required,
    widget: 'text',
    problems: [],
  };
  if (typeof s?.['description'] === 'string') field.description = s['description'];
  if (value !== undefined) field.value = value;
  if (input.extra) field.extra = true;
  const type = typeOf(s) ?? inferredType(value);
  const ref = s?.['x-opsbook-ref'];
  const vocabulary = ctx.vocabularyAt(path);
  if (typeof ref === 'string') {
    field.widget = 'ref';
    field.ref = ref;
  } else if (vocabulary) {
    Object.assign(field, vocabularyOptions(vocabulary, ctx));
  } else if (Array.isArray(s?.['enum'])) {
    field.widget = 'select';
    field.options = (s['enum'] as unknown[]).filter((v) => v !== null).map((v) => ({ value: String(v) }));
  } else if (type === 'boolean') field.widget = 'toggle';
  else if (type === 'number' || type === 'integer') {
    field.widget = 'number';
    if (type === 'integer') field.integer = true;
    if (typeof s?.['minimum'] === 'number') field.minimum = s['minimum'];
    if (typeof s?.['maximum'] === 'number') field.maximum = s['maximum'];
    const unit = unitIn(key, [...input.ancestors, input.siblings]);
    if (unit) field.unit = unit;
  } else if (type === 'string' && (s?.['format'] === 'date' || (typeof s?.['pattern'] === 'string' && DATE_PATTERN.test(s['pattern'])))) {
    field.widget = 'date';
  } else if (type === 'object') {
    fillGroup(field, input, s, ctx);
  } else if (type === 'array') {
    fillArray(field, input, s, ctx);
  } else if (
    (typeof value === 'string' && value.includes('\n')) ||
    MULTILINE_KEYS.has(key) ||
    (typeof s?.['maxLength'] === 'number' && (s['maxLength'] as number) >= 200)
  ) {
    field.widget = 'textarea';
  }
  return field;
}

function fillGroup(field: FormField, input: FieldInput, s: Schema | undefined, ctx: FieldContext): void {
  field.widget = 'group';
  const obj = asObject(input.value);
  field.fields = objectFields(input.path, obj, s, [...input.ancestors, ...(input.siblings ? [input.siblings] : [])], ctx);
  const free = s ? s['additionalProperties'] : true;
  if (!s?.['properties'] && free !== false) {
    const keys = ctx.vocabularyAt([...input.path, '*'], true);
    field.openKeys = keys ? vocabularyOptions(keys, ctx).options : true;
  }
}

/** The fields of a mapping: the schema's properties in its order, then keys the schema does not describe. */
export function objectFields(
  path: (string | number)[],
  obj: JsonObject | undefined,
  s: Schema | undefined,
  ancestors: JsonObject[],
  ctx: FieldContext,
): FormField[] {
  const props = s?.['properties'] && typeof s['properties'] === 'object' ? Object.keys(s['properties'] as Schema) : [];
  const required = new Set(Array.isArray(s?.['required']) ? (s['required'] as string[]) : []);
  const out: FormField[] = [];
  const free = !s?.['properties'];
  for (const key of props) {
    if (key === 'kind' && obj?.[key] === undefined) continue;
    out.push(buildField({ key, path: [...path, key], value: obj?.[key], required: required.has(key), siblings: obj, ancestors }, ctx));
  }
  for (const key of Object.keys(obj ?? {})) {
    if (props.includes(key)) continue;
    const field = buildField(
      { key, path: [...path, key], value: obj?.[key], required: false, siblings: obj, ancestors, ...(free ? {} : { extra: true }) },
      ctx,
    );
    // A free key (a channel in channel prices) is its own label; the schema's title names them all.
    if (free) field.label = key;
    out.push(field);
  }
  return out;
}

function fillArray(field: FormField, input: FieldInput, s: Schema | undefined, ctx: FieldContext): void {
  const list = Array.isArray(input.value) ? input.value : [];
  const items = ctx.schemaAt([...input.path, 0]) ?? itemsOf(s);
  const objects = typeOf(items) === 'object' || (items === undefined && list.length > 0 && list.every((v) => asObject(v)));
  const context = [...input.ancestors, ...(input.siblings ? [input.siblings] : [])];
  if (!objects) {
    field.widget = 'list';
    const first = list[0];
    field.item = buildField({ key: '0', path: [...input.path, 0], value: first, required: false, ancestors: context }, ctx);
    delete field.item.value;
    return;
  }
  field.widget = 'table';
  const templatePath = [...input.path, 0];
  const keys = columnKeys(items, list);
  const scalarish = (f: FormField) => f.widget !== 'group' && f.widget !== 'table';
  const columns = keys
    .map((key) => buildField({ key, path: [...templatePath, key], value: undefined, required: false, ancestors: context }, ctx))
    .filter(scalarish)
    .map((c) => ({ ...c, path: [c.key] }));
  const required = new Set(Array.isArray(items?.['required']) ? (items['required'] as string[]) : []);
  for (const c of columns) c.required = required.has(c.key);
  field.columns = columns;
  field.rows = list.map((row, i): TableRow => {
    const obj = asObject(row);
    const rowPath = [...input.path, i];
    const cells = columns.map((c) =>
      buildField({ key: c.key, path: [...rowPath, c.key], value: obj?.[c.key], required: c.required, siblings: obj, ancestors: context }, ctx),
    );
    const shown = new Set(columns.map((c) => c.key));
    const more = Object.keys(obj ?? {}).filter((k) => !shown.has(k));
    const out: TableRow = { cells };
    const entity = ctx.nestedAt(rowPath);
    if (entity) out.entity = entity;
    if (more.length > 0) out.more = more;
    return out;
  });
}

/** Columns of a table: the item schema's properties, then keys the rows use that it does not list. */
function columnKeys(items: Schema | undefined, list: JsonValue[]): string[] {
  const keys = items?.['properties'] && typeof items['properties'] === 'object' ? Object.keys(items['properties'] as Schema) : [];
  const seen = new Set(keys);
  for (const row of list)
    for (const k of Object.keys(asObject(row) ?? {})) {
      if (seen.has(k)) continue;
      seen.add(k);
      keys.push(k);
    }
  return keys.filter((k) => k !== 'kind');
}

/** Concrete path → the steps a vocabulary binding is written in (`regions[]`, `channel_prices{}`). */
export function stepsMatch(pattern: readonly PathStep[], path: readonly (string | number)[], keys: boolean): boolean {
  if (pattern.length !== path.length) return false;
  return pattern.every((step, i) => {
    const seg = path[i];
    if ('key' in step) return seg === step.key;
    if ('items' in step) return typeof seg === 'number';
    if ('mapKeys' in step) return keys && i === path.length - 1 && typeof seg === 'string';
    return typeof seg === 'string';
  });
}
