/**
 * The record form of an entity: fields from its kind's effective schema, vocabulary options,
 * reference candidates, and the workspace's diagnostics placed under the field they are about.
 */
import type { Entity } from '../model/entity';
import type { WorkspaceModel } from '../model/queries';
import { schemaAt } from '../model/schemaRefs';
import { valuesInUse } from '../vocab/inUse';
import { objectFields, stepsMatch, type FieldContext } from './fields';
import { placeDiagnostics } from './place';
import type { Candidate, FieldProblem, FormField, RecordForm } from './types';

/** More candidates than this are not sent; the picker searches what it has. */
export const MAX_CANDIDATES = 20000;

function rootOf(e: Entity): Entity {
  let r = e;
  while (r.parent) r = r.parent;
  return r;
}

/** The form of `entity` as the workspace reads it now. */
export function buildRecordForm(ws: WorkspaceModel, entity: Entity): RecordForm {
  const root = rootOf(entity);
  const rootSchema = ws.kindConfig(root.kind)?.schema?.json;
  const below = entity.path.slice(root.path.length);
  const bindings = ws.vocabularyBindings(entity.kind);
  const usedCache = new Map<string, Map<string, number> | undefined>();
  const nested = new Map<string, { kind: string; id: string }>();
  for (const c of ws.children(entity)) nested.set(JSON.stringify(c.path.slice(entity.path.length)), { kind: c.kind, id: c.id });
  const ctx: FieldContext = {
    schemaAt: (path) => (rootSchema ? schemaAt(rootSchema, [...below, ...path]) : undefined),
    vocabularyAt: (path, keys = false) => bindings.find((b) => stepsMatch(b.steps, path, keys))?.vocabulary,
    inUse: (name) => {
      if (!usedCache.has(name)) usedCache.set(name, valuesInUse(ws.config, ws.entities(), name).get(name));
      return usedCache.get(name);
    },
    nestedAt: (path) => nested.get(JSON.stringify(path)),
  };
  const fields = objectFields([], entity.data, ctx.schemaAt([]), [], ctx);
  const form: RecordForm = {
    kind: entity.kind,
    id: entity.id,
    title: entity.title,
    file: entity.file,
    doc: entity.doc,
    entityPath: [...entity.path],
    format: ws.parsedFile(entity.file)?.format === 'markdown' ? 'markdown' : 'yaml',
    fields,
    problems: [],
    candidates: {},
  };
  if (entity.parent) form.parent = { kind: entity.parent.kind, id: entity.parent.id, title: entity.parent.title };
  for (const kind of refKinds(fields)) form.candidates[kind] = candidatesOf(ws, kind);
  placeProblems(ws, entity, form);
  return form;
}

function refKinds(fields: FormField[], out = new Set<string>()): Set<string> {
  for (const f of fields) {
    if (f.ref) out.add(f.ref);
    if (f.item?.ref) out.add(f.item.ref);
    if (f.fields) refKinds(f.fields, out);
    if (f.columns) refKinds(f.columns, out);
  }
  return out;
}

/** Records of a kind a reference may name (`kind.field` refs offer that field's values). */
export function candidatesOf(ws: WorkspaceModel, target: string): Candidate[] {
  const [kind, fieldName] = target.split('.') as [string, string | undefined];
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const e of ws.entities(kind)) {
    const raw = fieldName ? e.data[fieldName] : e.id;
    const id = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, title: e.title });
    if (out.length >= MAX_CANDIDATES) break;
  }
  return out;
}

/** Puts each diagnostic of the record under the deepest written field it points into (or on the record). */
function placeProblems(ws: WorkspaceModel, entity: Entity, form: RecordForm): void {
  const byPath = new Map<string, FormField>();
  const index = (fields: FormField[]): void => {
    for (const f of fields) {
      byPath.set(JSON.stringify(f.path), f);
      if (f.fields) index(f.fields);
      for (const row of f.rows ?? []) index(row.cells);
    }
  };
  index(form.fields);
  const written = [...byPath.values()].filter((f) => f.value !== undefined);
  for (const { field, diagnostic: d } of placeDiagnostics(ws, entity.file, [{ doc: entity.doc, path: entity.path, fields: written.map((f) => f.path) }])) {
    const problem: FieldProblem = { severity: d.severity, message: d.message, ruleId: d.ruleId, line: d.range.start.line };
    (field >= 0 ? written[field]!.problems : form.problems).push(problem);
  }
}
