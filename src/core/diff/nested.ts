import { entityKey, type Entity } from '../model/entity';
import type { WorkspaceModel as Workspace } from '../model/queries';
import type { JsonObject, JsonValue } from '../types';
import { deepEqual, itemKeyOf, joinKey } from './fields';
import type { FieldChange, NestedChange } from './types';

/** The entity at the top of a nested entity's parent chain. */
export function topOf(e: Entity): Entity {
  let t = e;
  while (t.parent) t = t.parent;
  return t;
}

/**
 * Nested entities (objectives, KPIs, milestones…) added, removed, modified or moved to another
 * parent, grouped by the key of the top-level entity they belong to on the head side (the base
 * side for removed ones). `renamedTops` maps base keys of renamed top-level entities to their
 * head keys, so the children of a renamed plan have not "moved". A nested entity counts as
 * modified when its own fields change, not when only its nested entities do.
 */
export function nestedChanges(base: Workspace, head: Workspace, renamedTops: ReadonlyMap<string, string> = new Map()): Map<string, NestedChange[]> {
  const nestedOf = (ws: Workspace) =>
    new Map(
      ws
        .entities()
        .filter((e) => e.parent)
        .map((e) => [entityKey(e.kind, e.id), e]),
    );
  const b = nestedOf(base);
  const h = nestedOf(head);
  const out = new Map<string, NestedChange[]>();
  const add = (top: Entity, c: NestedChange) => {
    const k = entityKey(top.kind, top.id);
    const list = out.get(k);
    if (list) list.push(c);
    else out.set(k, [c]);
  };
  const keyOf = (e: Entity, side: 'base' | 'head') => {
    const k = entityKey(e.kind, e.id);
    return side === 'base' && !e.parent ? (renamedTops.get(k) ?? k) : k;
  };
  for (const [k, be] of b) {
    const he = h.get(k);
    if (!he) {
      add(topOf(be), { kind: be.kind, id: be.id, change: 'removed' });
      continue;
    }
    const bTop = topOf(be);
    const hTop = topOf(he);
    const topMoved = keyOf(bTop, 'base') !== keyOf(hTop, 'head');
    if (topMoved || keyOf(be.parent as Entity, 'base') !== keyOf(he.parent as Entity, 'head')) {
      const c: NestedChange = { kind: he.kind, id: he.id, change: 'moved' };
      if (topMoved) c.previousParent = { kind: bTop.kind, id: bTop.id };
      add(hTop, c);
    } else if (!deepEqual(ownData(base, be), ownData(head, he))) add(hTop, { kind: he.kind, id: he.id, change: 'modified' });
  }
  for (const [k, he] of h) if (!b.has(k)) add(topOf(he), { kind: he.kind, id: he.id, change: 'added' });
  return out;
}

/** An entity's fields without the ones that hold its nested entities. */
function ownData(ws: Workspace, e: Entity): JsonObject {
  const holders = new Set(ws.children(e).map((c) => c.path[e.path.length]));
  if (holders.size === 0) return e.data;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(e.data)) if (!holders.has(k)) out[k] = v;
  return out;
}

/** The diff path of a nested entity inside its top-level entity: `objectives[OBJ-X].kpis[KPI-Y]`. */
export function nestedPath(e: Entity): string | undefined {
  const top = topOf(e);
  if (top.doc !== e.doc || e.path.length < top.path.length) return undefined;
  let v: JsonValue | undefined = top.data;
  let path = '';
  for (const step of e.path.slice(top.path.length)) {
    if (typeof step === 'number') {
      if (!Array.isArray(v)) return undefined;
      const key = itemKeyOf(v);
      const item: JsonValue | undefined = v[step];
      path += key && item && typeof item === 'object' && !Array.isArray(item) ? `[${String(item[key])}]` : `[${step}]`;
      v = item;
    } else {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
      path = joinKey(path, step);
      v = v[step];
    }
  }
  return path;
}

/** Marks each field change with the innermost nested entity its path lies in. */
export function annotateNested(fields: FieldChange[], nested: Entity[]): void {
  if (nested.length === 0) return;
  const prefixes: { path: string; entity: Entity }[] = [];
  for (const e of nested) {
    const p = nestedPath(e);
    if (p) prefixes.push({ path: p, entity: e });
  }
  prefixes.sort((x, y) => y.path.length - x.path.length);
  for (const f of fields) {
    const hit = prefixes.find((p) => f.path === p.path || f.path.startsWith(`${p.path}.`) || f.path.startsWith(`${p.path}[`));
    if (hit) f.entity = { kind: hit.entity.kind, id: hit.entity.id };
  }
}
