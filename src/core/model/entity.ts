import type { Anchor, JsonObject, NodePath } from '../types';

/** A record in the workspace: a Markdown document, a YAML entry, or a nested entry (KPI, milestone…). */
export interface Entity {
  kind: string;
  id: string;
  title: string;
  file: string;
  /** YAML document index within the file. */
  doc: number;
  /** Path of the entity's node within the document. */
  path: NodePath;
  data: JsonObject;
  /** The data as the file writes it, when `data` reads some of its words as their meanings (aliases). */
  raw?: JsonObject;
  /** The containing entity, for nested kinds. */
  parent?: Entity;
}

/** A field's word as the file writes it, with its meaning when an alias maps it: `in Arbeit (in-progress)`. */
export function wordOf(e: Entity, field: string): string | undefined {
  const meaning = e.data[field];
  const written = e.raw?.[field];
  if (meaning === undefined || meaning === null) return undefined;
  return typeof written === 'string' && written !== meaning ? `${written} (${String(meaning)})` : String(meaning);
}

/** A value in an entity that names another entity. */
export interface Reference {
  from: Entity;
  value: string;
  /** Target kind. */
  targetKind: string;
  /** Target field when the reference is `kind.field`; undefined means the id. */
  targetField?: string;
  /** Field path of the reference from its entity (`contract.owner`, `partners[]`). */
  field: string;
  anchor: Anchor;
  allow: readonly string[];
}

export function entityKey(kind: string, id: string): string {
  return `${kind}\u0000${id}`;
}

export function entityAnchor(e: Entity, subPath: NodePath = [], part: Anchor['part'] = 'entity'): Anchor {
  return { file: e.file, doc: e.doc, path: [...e.path, ...subPath], part };
}

/** The value at a dotted path of an entity's data (`budget.amount`). */
export function field(e: Entity, dotted: string): unknown {
  let v: unknown = e.data;
  for (const seg of dotted.split('.')) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Source order across the workspace: by file, document, then path. Keeps messages stable. */
export function compareEntities(a: Entity, b: Entity): number {
  return compareSourceOrder(a, b);
}

/** Source order of anything placed in a file (entities, finding anchors): file, document, then path. */
export function compareSourceOrder(a: { file: string; doc: number; path: NodePath }, b: { file: string; doc: number; path: NodePath }): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.doc !== b.doc) return a.doc - b.doc;
  const n = Math.min(a.path.length, b.path.length);
  for (let i = 0; i < n; i++) {
    const x = a.path[i] as string | number;
    const y = b.path[i] as string | number;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.path.length - b.path.length;
}
