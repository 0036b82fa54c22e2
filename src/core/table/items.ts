import type { Entity } from '../model/entity';
import type { WorkspaceModel } from '../model/queries';
import { deref, propertiesOf, rawRecord, walk, type SheetColumn } from '../sheet/columns';
import type { JsonObject, JsonValue } from '../types';

type Json = Record<string, unknown>;

/** A field of a record that holds a list of mappings (an inventory's `items`, a plan's objectives). */
export interface ItemList {
  field: string;
  /** The item schema's required fields, the first naming the row (`sku`). */
  required: string[];
}

/** The lists of mappings a kind's schema declares at the top level: what a single-record file can show as rows. */
export function itemLists(ws: WorkspaceModel, kind: string): ItemList[] {
  const root = ws.kindConfig(kind)?.schema?.json as Json | undefined;
  if (!root) return [];
  const nested = new Set((ws.kindConfig(kind)?.nested ?? []).map((n) => n.path.split(/[[.]/)[0]));
  const out: ItemList[] = [];
  for (const [field, raw] of Object.entries(propertiesOf(root, root))) {
    const s = deref(root, raw as Json);
    if (!s || s['type'] !== 'array' || nested.has(field)) continue;
    const items = deref(root, s['items'] as Json | undefined);
    if (!items || (items['type'] !== 'object' && !items['properties'])) continue;
    const required = Array.isArray(items['required']) ? (items['required'] as unknown[]).filter((x): x is string => typeof x === 'string') : [];
    out.push({ field, required });
  }
  return out;
}

/** The columns of a list's items, from the item schema (the same rules as a kind's flat sheet), paths relative to the item. */
export function itemColumns(ws: WorkspaceModel, kind: string, field: string, items: JsonObject[]): SheetColumn[] {
  const root = ws.kindConfig(kind)?.schema?.json as Json | undefined;
  if (!root) return [];
  const list = deref(root, propertiesOf(root, root)[field] as Json | undefined);
  const item = deref(root, list?.['items'] as Json | undefined);
  if (!item) return [];
  const prefix = `${field}[].`;
  const vocab = new Map(
    ws
      .vocabularyBindings(kind)
      .filter((b) => b.path.startsWith(prefix))
      .map((b) => [b.path.slice(prefix.length), b.vocabulary] as const),
  );
  const out: SheetColumn[] = [];
  const seen = new Set<string>();
  const add = (c: SheetColumn): void => {
    if (seen.has(c.header)) return;
    seen.add(c.header);
    out.push(c);
  };
  const props = propertiesOf(root, item);
  for (const key of Object.keys(props)) walk(root, props[key] as Json, [key], items, vocab, add);
  return out;
}

/** The items of `field` in a record as written, skipping anything that is not a mapping (the schema reports it). */
export function itemsOf(ws: WorkspaceModel, e: Entity, field: string): { index: number; item: JsonObject }[] {
  const list: JsonValue | undefined = rawRecord(ws, e)[field];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index) => (item && typeof item === 'object' && !Array.isArray(item) ? [{ index, item: item as JsonObject }] : []));
}
