import type { FileAnalysis } from '../model/analyzer';
import type { Entity, Reference } from '../model/entity';
import type { ParsedFile } from '../parse/file';
import type { AnchorPart, JsonObject, NodePath } from '../types';
import { valueAt } from '../util/json';

/**
 * An entity as the cache stores it: its data left out when it is the very node of the parsed
 * document at its path (`0`), as it is for most; its parent and a reference's entity by their
 * index in the file's entities (`-1`: none; `-2 - k`: the k-th of `outside`, an entity the
 * analysis made but did not keep, one without an id).
 */
interface PackedEntities {
  kind: string[];
  id: string[];
  title: string[];
  doc: number[];
  path: NodePath[];
  data: (JsonObject | 0)[];
  /** `0`: none; `1`: the node at its path (the data is an aliased reading of it). */
  raw: (JsonObject | 0 | 1)[];
  parent: number[];
}

interface PackedReferences {
  from: number[];
  value: string[];
  targetKind: string[];
  targetField: (string | 0)[];
  field: string[];
  doc: number[];
  path: NodePath[];
  part: AnchorPart[];
  allow: (readonly string[])[];
}

/** A file's analysis as the cache stores it (`packAnalysis`). */
export interface PackedAnalysis {
  packed: 1;
  kind?: string;
  entities: PackedEntities;
  references: PackedReferences;
  findings: FileAnalysis['findings'];
  unreadable?: FileAnalysis['unreadable'];
  /** Entities referred to but not among the file's entities, stored whole. */
  outside: Entity[];
}

/**
 * A file's analysis in columns, for the warm-start cache. Stored as objects, its entities and
 * references took more than half the time of writing the cache (60,000 references at 10,000
 * files: each an object with an anchor, a path and the same few strings again) and repeated
 * every entity's data, which the parsed documents hold already. `unpackAnalysis` rebuilds an
 * equal analysis, whose entities' data are again the documents' own nodes. An analysis that does
 * not have the shape this relies on (an entity or reference of another file), or an empty one, is
 * stored as it is.
 */
export function packAnalysis(analysis: FileAnalysis, parsed: ParsedFile): FileAnalysis | PackedAnalysis {
  // Nothing to gain: columns would be larger than the empty lists.
  if (analysis.entities.length === 0 && analysis.references.length === 0) return analysis;
  const file = parsed.path;
  const index = new Map<Entity, number>();
  analysis.entities.forEach((e, i) => index.set(e, i));
  const outside: Entity[] = [];
  const ref = (e: Entity | undefined): number => {
    if (!e) return -1;
    const i = index.get(e);
    if (i !== undefined) return i;
    index.set(e, -2 - outside.length);
    outside.push(e);
    return -2 - (outside.length - 1);
  };
  const entities: PackedEntities = { kind: [], id: [], title: [], doc: [], path: [], data: [], raw: [], parent: [] };
  for (const e of analysis.entities) {
    if (e.file !== file) return analysis;
    const node = valueAt(parsed.docs[e.doc], e.path);
    entities.kind.push(e.kind);
    entities.id.push(e.id);
    entities.title.push(e.title);
    entities.doc.push(e.doc);
    entities.path.push(e.path);
    entities.data.push(e.data === node ? 0 : e.data);
    entities.raw.push(e.raw === undefined ? 0 : e.raw === node ? 1 : e.raw);
    entities.parent.push(ref(e.parent));
  }
  const references: PackedReferences = { from: [], value: [], targetKind: [], targetField: [], field: [], doc: [], path: [], part: [], allow: [] };
  for (const r of analysis.references) {
    if (r.anchor.file !== file) return analysis;
    references.from.push(ref(r.from));
    references.value.push(r.value);
    references.targetKind.push(r.targetKind);
    references.targetField.push(r.targetField ?? 0);
    references.field.push(r.field);
    references.doc.push(r.anchor.doc);
    references.path.push(r.anchor.path);
    references.part.push(r.anchor.part);
    references.allow.push(r.allow);
  }
  const out: PackedAnalysis = { packed: 1, entities, references, findings: analysis.findings, outside };
  if (analysis.kind !== undefined) out.kind = analysis.kind;
  if (analysis.unreadable) out.unreadable = analysis.unreadable;
  return out;
}

/** The analysis `packAnalysis` stored, with `parsed` (already restored) providing the entities' data. */
export function unpackAnalysis(stored: FileAnalysis | PackedAnalysis, parsed: ParsedFile): FileAnalysis {
  if (!('packed' in stored)) return stored;
  const file = parsed.path;
  const pe = stored.entities;
  const entities: Entity[] = new Array(pe.id.length);
  for (let i = 0; i < entities.length; i++) {
    const node = valueAt(parsed.docs[pe.doc[i]!], pe.path[i]!) as JsonObject;
    const data = pe.data[i];
    const e: Entity = { kind: pe.kind[i]!, id: pe.id[i]!, title: pe.title[i]!, file, doc: pe.doc[i]!, path: pe.path[i]!, data: data === 0 ? node : data! };
    const raw = pe.raw[i];
    if (raw !== 0) e.raw = raw === 1 ? node : raw!;
    entities[i] = e;
  }
  const entity = (i: number): Entity | undefined => (i === -1 ? undefined : i >= 0 ? entities[i] : stored.outside[-2 - i]);
  pe.parent.forEach((p, i) => {
    const parent = entity(p);
    if (parent) entities[i]!.parent = parent;
  });
  const pr = stored.references;
  const references: Reference[] = new Array(pr.value.length);
  for (let i = 0; i < references.length; i++) {
    const r: Reference = {
      from: entity(pr.from[i]!)!,
      value: pr.value[i]!,
      targetKind: pr.targetKind[i]!,
      field: pr.field[i]!,
      anchor: { file, doc: pr.doc[i]!, path: pr.path[i]!, part: pr.part[i]! },
      allow: pr.allow[i]!,
    };
    const targetField = pr.targetField[i];
    if (targetField !== 0) r.targetField = targetField!;
    references[i] = r;
  }
  const analysis: FileAnalysis = { entities, references, findings: stored.findings };
  if (stored.kind !== undefined) analysis.kind = stored.kind;
  if (stored.unreadable) analysis.unreadable = stored.unreadable;
  return analysis;
}
