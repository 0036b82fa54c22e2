import type { KindConfig, VocabularyConfig } from '../config/types';
import type { WorkspaceModel } from '../model/queries';
import { compareEntities, type Entity } from '../model/entity';
import type { JsonObject, JsonValue } from '../types';

/** The type of a spreadsheet column: how its cells are written and read back. */
export type CellType = 'string' | 'number' | 'integer' | 'boolean' | 'date';

/** One column of a kind's flat sheet: a field path from the entity root. */
export interface SheetColumn {
  /** The header as written in row 1: the field path (`contract.end`, `channel_prices.online`). */
  header: string;
  path: string[];
  type: CellType;
  /** A list of plain values, joined with `; ` in a cell. */
  list: boolean;
  /** Target kind of a reference (ids checked on import). */
  ref?: string;
  /** Allowed values from the schema (`enum`). */
  enum?: string[];
  /** The vocabulary bound to the field. */
  vocabulary?: VocabularyConfig;
  /** The id column (always first). */
  id?: boolean;
}

type Json = Record<string, unknown>;

/** Nested objects are flattened this deep (`contract.end`); deeper ones are left out of a flat sheet. */
const MAX_DEPTH = 3;

/**
 * The columns of a kind's flat sheet, from its effective schema (packs, custom fields,
 * vocabularies): the id, the title field, then every field of plain values in schema order;
 * nested objects as dotted columns, maps of plain values (`channel_prices`) one column per key
 * in the vocabulary and in use; arrays of objects (KPIs, milestones, trainings) are left out.
 * Fields in use that no schema describes follow, typed by their values.
 */
export function sheetColumns(ws: WorkspaceModel, kind: string): SheetColumn[] {
  const kc = ws.kindConfig(kind);
  if (!kc) return [];
  const records = ws
    .entities(kind)
    .sort(compareEntities)
    .map((e) => rawRecord(ws, e));
  const vocab = new Map(ws.vocabularyBindings(kind).map((b) => [b.path, b.vocabulary]));
  const out: SheetColumn[] = [{ header: kc.id, path: [kc.id], type: 'string', list: false, id: true }];
  const seen = new Set([kc.id, 'kind']);
  const add = (c: SheetColumn): void => {
    if (seen.has(c.header)) return;
    seen.add(c.header);
    out.push(c);
  };
  const schema = kc.schema?.json;
  const props = schema ? propertiesOf(schema, schema) : {};
  const titleField = kc.title ?? (props['title'] ? 'title' : props['name'] ? 'name' : undefined);
  if (titleField && !props[titleField]) add({ header: titleField, path: [titleField], type: 'string', list: false });
  const order = titleField && props[titleField] ? [titleField, ...Object.keys(props).filter((k) => k !== titleField)] : Object.keys(props);
  for (const key of order) walk(schema!, props[key] as Json, [key], records, vocab, add);
  for (const c of untypedColumns(records, seen, kc)) add(c);
  return out;
}

/** The entity's data as written in its file (aliases not replaced by their meanings). */
export function rawRecord(ws: WorkspaceModel, e: Entity): JsonObject {
  let v: JsonValue | undefined = ws.parsedFile(e.file)?.docs[e.doc];
  for (const seg of e.path) {
    if (v === null || typeof v !== 'object') return e.data;
    v = (v as Record<string | number, JsonValue>)[seg as never];
  }
  return v && typeof v === 'object' && !Array.isArray(v) ? v : e.data;
}

export function walk(
  root: Json,
  node: Json | undefined,
  path: string[],
  records: JsonObject[],
  vocab: Map<string, VocabularyConfig>,
  add: (c: SheetColumn) => void,
): void {
  const s = deref(root, node);
  if (!s) return;
  const header = path.join('.');
  const type = typeOf(s);
  const base = { header, path, list: false } as const;
  const extra = (c: SheetColumn, vocabPath: string): SheetColumn => {
    const ref = refOf(s);
    if (ref) c.ref = ref;
    const en = enumOf(s);
    if (en) c.enum = en;
    const v = vocab.get(vocabPath);
    if (v) c.vocabulary = v;
    return c;
  };
  if (type === 'array') {
    const items = deref(root, s['items'] as Json | undefined);
    const it = items ? typeOf(items) : 'string';
    if (it === 'object' || it === 'array') return;
    const c: SheetColumn = { ...base, type: it, list: true };
    const ref = items ? refOf(items) : undefined;
    if (ref) c.ref = ref;
    const en = items ? enumOf(items) : undefined;
    if (en) c.enum = en;
    const v = vocab.get(`${header}[]`);
    if (v) c.vocabulary = v;
    add(c);
    return;
  }
  if (type === 'object') {
    if (path.length >= MAX_DEPTH) return;
    const props = propertiesOf(root, s);
    for (const k of Object.keys(props)) walk(root, props[k] as Json, [...path, k], records, vocab, add);
    const ap = deref(root, s['additionalProperties'] as Json | undefined);
    if (ap && s['additionalProperties'] !== false) {
      const at = typeOf(ap);
      if (at === 'object' || at === 'array') return;
      const keys = new Set<string>(vocab.get(`${header}{}`)?.values ?? []);
      for (const r of records) {
        const m = valueAt(r, path);
        if (m && typeof m === 'object' && !Array.isArray(m)) for (const k of Object.keys(m)) if (!(k in props)) keys.add(k);
      }
      for (const k of keys) add(extra({ header: `${header}.${k}`, path: [...path, k], type: at, list: false }, `${header}.*`));
    }
    return;
  }
  add(extra({ ...base, type }, header));
}

/** Columns for top-level fields in use that the schema does not describe (kinds without a schema), typed by their values. */
function untypedColumns(records: JsonObject[], seen: Set<string>, kc: KindConfig): SheetColumn[] {
  const found = new Map<string, JsonValue[]>();
  for (const r of records) {
    for (const [k, v] of Object.entries(r)) {
      if (seen.has(k) || k === kc.id || v === null) continue;
      const list = found.get(k) ?? [];
      list.push(v);
      found.set(k, list);
    }
  }
  const out: SheetColumn[] = [];
  for (const [k, values] of found) {
    const scalars = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
    if (scalars.some((v) => v !== null && typeof v === 'object')) continue;
    const list = values.some((v) => Array.isArray(v));
    out.push({ header: k, path: [k], type: inferType(scalars), list });
  }
  return out;
}

function inferType(values: JsonValue[]): CellType {
  if (values.length === 0) return 'string';
  if (values.every((v) => typeof v === 'number')) return values.every((v) => Number.isInteger(v)) ? 'integer' : 'number';
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.every((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))) return 'date';
  return 'string';
}

export function valueAt(data: JsonValue | undefined, path: readonly string[]): JsonValue | undefined {
  let v = data;
  for (const seg of path) {
    if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = v[seg];
  }
  return v;
}

export function deref(root: Json, node: Json | undefined, depth = 0): Json | undefined {
  if (!node || typeof node !== 'object' || depth > 8) return undefined;
  const ref = node['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    let t: unknown = root;
    for (const seg of ref.slice(2).split('/')) t = t && typeof t === 'object' ? (t as Json)[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    return deref(root, t as Json | undefined, depth + 1);
  }
  return node;
}

export function propertiesOf(root: Json, s: Json): Json {
  const own = s['properties'] && typeof s['properties'] === 'object' ? (s['properties'] as Json) : {};
  const merged: Json = { ...own };
  for (const sub of (s['allOf'] as Json[] | undefined) ?? []) Object.assign(merged, propertiesOf(root, deref(root, sub) ?? {}));
  return merged;
}

function typeOf(s: Json): CellType | 'object' | 'array' {
  const raw = s['type'];
  const t = Array.isArray(raw) ? raw.find((x) => x !== 'null') : raw;
  if (t === 'array' || t === 'object' || t === 'number' || t === 'integer' || t === 'boolean') return t;
  if (t === undefined && s['properties']) return 'object';
  if (s['format'] === 'date') return 'date';
  return 'string';
}

function refOf(s: Json): string | undefined {
  const r = s['x-opsbook-ref'];
  return typeof r === 'string' && !r.includes('.') ? r : undefined;
}

function enumOf(s: Json): string[] | undefined {
  const e = s['enum'];
  return Array.isArray(e) && e.every((x) => typeof x === 'string') ? (e as string[]) : undefined;
}
