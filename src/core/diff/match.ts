import { entityKey, type Entity } from '../model/entity';
import type { WorkspaceModel as Workspace } from '../model/queries';
import type { JsonValue } from '../types';
import { isObject } from '../util/json';
import { bodySections } from './sections';

/** A top-level entity on each side, paired by kind and id (or as a rename). */
export interface Pair {
  base?: Entity;
  head?: Entity;
  renamed?: boolean;
}

/** Entities that are not inside another entity: documents, list entries, map entries. */
export function topLevel(ws: Workspace): Entity[] {
  return ws.entities().filter((e) => !e.parent);
}

/**
 * Pairs the top-level entities of two sides: same kind and id (preferring the same file when
 * an id is duplicated); then an entity that disappeared and one that appeared with the same
 * kind and identical content apart from the id are a rename.
 */
export function pairEntities(base: Workspace, head: Workspace): Pair[] {
  const headByKey = group(topLevel(head));
  const pairs: Pair[] = [];
  const removed: Entity[] = [];
  for (const [key, list] of group(topLevel(base))) {
    const candidates = headByKey.get(key) ?? [];
    for (const b of list) {
      let i = candidates.findIndex((h) => h.file === b.file);
      if (i === -1) i = candidates.length > 0 ? 0 : -1;
      if (i === -1) removed.push(b);
      else pairs.push({ base: b, head: candidates.splice(i, 1)[0] as Entity });
    }
  }
  const added = [...headByKey.values()].flat();

  const addedBySignature = new Map<string, Entity[]>();
  for (const h of added) {
    const sig = signature(head, h);
    const list = addedBySignature.get(sig);
    if (list) list.push(h);
    else addedBySignature.set(sig, [h]);
  }
  const renamedHeads = new Set<Entity>();
  for (const b of removed) {
    const h = addedBySignature.get(signature(base, b))?.shift();
    if (h) {
      pairs.push({ base: b, head: h, renamed: true });
      renamedHeads.add(h);
    } else pairs.push({ base: b });
  }
  for (const h of added) if (!renamedHeads.has(h)) pairs.push({ head: h });
  return pairs;
}

/** Kind plus content without the id: equal signatures on both sides mean "renamed". */
function signature(ws: Workspace, e: Entity): string {
  const idField = ws.kindConfig(e.kind)?.id ?? 'id';
  const data: Record<string, JsonValue> = {};
  for (const k of Object.keys(e.data)) if (k !== idField) data[k] = e.data[k] as JsonValue;
  const parsed = ws.parsedFile(e.file);
  const body = parsed?.format === 'markdown' ? bodySections(parsed).map((s) => [s.heading, s.words.join(' ')]) : [];
  return `${e.kind}\u0000${canonical(data)}\u0000${JSON.stringify(body)}`;
}

/** JSON with object keys sorted, so key order never makes two values differ. */
export function canonical(v: JsonValue | undefined): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

function group(entities: Entity[]): Map<string, Entity[]> {
  const m = new Map<string, Entity[]>();
  for (const e of entities) {
    const k = entityKey(e.kind, e.id);
    const list = m.get(k);
    if (list) list.push(e);
    else m.set(k, [e]);
  }
  return m;
}
