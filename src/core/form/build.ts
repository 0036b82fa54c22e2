/**
 * The record form of an entity: fields from its kind's effective schema, vocabulary options,
 * reference candidates, and the workspace's diagnostics placed under the field they are about.
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { Entity } from '../model/entity';
import type { WorkspaceModel } from '../model/queries';
import { schemaAt } from '../model/schemaRefs';
import { valuesInUse } from '../vocab/inUse';
import type { Diagnostic, NodePath } from '../types';
import { objectFields, stepsMatch, type FieldContext } from './fields';
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

/** 0-based offsets of each line start. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The deepest field path below `node` whose key-to-value span holds `offset`. */
function deepestAt(node: YamlNode | null | undefined, offset: number, path: NodePath): NodePath {
  if (isMap(node)) {
    for (const p of node.items) {
      if (!isPair(p)) continue;
      const k = p.key as YamlNode | null;
      const v = p.value as YamlNode | null;
      const start = k?.range?.[0] ?? v?.range?.[0];
      const end = v?.range?.[1] ?? k?.range?.[1];
      if (start === undefined || end === undefined || offset < start || offset > end) continue;
      const key = isScalar(k) ? String(k.value) : undefined;
      if (key === undefined) return path;
      return deepestAt(v, offset, [...path, key]);
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const r = (node.items[i] as YamlNode | null)?.range;
      if (r && offset >= r[0] && offset <= r[1]) return deepestAt(node.items[i] as YamlNode, offset, [...path, i]);
    }
  }
  return path;
}

function nodeAt(node: YamlNode | null | undefined, path: NodePath): YamlNode | null | undefined {
  let n = node;
  for (const seg of path) {
    if (typeof seg === 'number' && isSeq(n)) n = n.items[seg] as YamlNode | null;
    else if (typeof seg === 'string' && isMap(n))
      n = n.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg)?.value as YamlNode | null;
    else return undefined;
  }
  return n;
}

/** Puts each diagnostic of the record's lines under the deepest field it points into. */
function placeProblems(ws: WorkspaceModel, entity: Entity, form: RecordForm): void {
  const parsed = ws.parsedFile(entity.file);
  if (!parsed) return;
  const docs = parseAllDocuments(parsed.yamlText, { logLevel: 'silent' });
  const doc = Array.isArray(docs) ? docs[entity.doc] : undefined;
  const node = doc ? nodeAt(doc.contents as YamlNode | null, entity.path) : undefined;
  const range = node?.range;
  if (!range) return;
  const starts = lineStarts(parsed.yamlText);
  const offsetOf = (d: Diagnostic): number => {
    const line = d.range.start.line - parsed.yamlLineOffset;
    return (starts[line - 1] ?? parsed.yamlText.length) + d.range.start.column - 1;
  };
  const byPath = new Map<string, FormField>();
  const index = (fields: FormField[]): void => {
    for (const f of fields) {
      byPath.set(JSON.stringify(f.path), f);
      if (f.fields) index(f.fields);
      for (const row of f.rows ?? []) index(row.cells);
    }
  };
  index(form.fields);
  const entityRange = ws.entityRange(entity);
  for (const d of ws.diagnostics(entity.file)) {
    const offset = offsetOf(d);
    const inside = offset >= range[0] && offset <= range[1];
    const atEntity = d.range.start.line === entityRange.start.line && d.range.start.column === entityRange.start.column;
    if (!inside && !atEntity) continue;
    const problem: FieldProblem = { severity: d.severity, message: d.message, ruleId: d.ruleId, line: d.range.start.line };
    let path = inside ? deepestAt(node, offset, []) : [];
    // A problem inside a nested record's own fields belongs to that record's form, not this one.
    if (
      path.length > 0 &&
      ws.children(entity).some((c) => startsWith(path, c.path.slice(entity.path.length)) && path.length > c.path.length - entity.path.length + 1)
    )
      continue;
    while (path.length > 0 && !byPath.has(JSON.stringify(path))) path = path.slice(0, -1);
    const field = byPath.get(JSON.stringify(path));
    (field ? field.problems : form.problems).push(problem);
  }
}

function startsWith(path: NodePath, prefix: NodePath): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => s === path[i]);
}
