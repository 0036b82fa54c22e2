/**
 * Which field of a record a diagnostic is about. Diagnostics are placed by the same source
 * ranges the workspace resolved them with (`rangeOf`, already computed for the Problems panel),
 * so nothing is parsed again: a diagnostic belongs to the deepest field whose value holds its
 * start, or whose key it starts at.
 */
import type { Entity } from '../model/entity';
import type { WorkspaceModel } from '../model/queries';
import type { Diagnostic, NodePath, Position, Range } from '../types';
import type { FieldProblem } from './types';

export interface PlacedProblem {
  /** Field path from the record; empty for the record itself. */
  path: NodePath;
  problem: FieldProblem;
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.column <= b.column);
const within = (p: Position, r: Range): boolean => before(r.start, p) && before(p, r.end);
const same = (a: Position, b: Position): boolean => a.line === b.line && a.column === b.column;

/**
 * For one file: a function giving a record's problems, each with the deepest of `paths` (the
 * record's fields that are written) it points into. Problems a rule reported for the record
 * without a field stay on the record; those of its nested records only where a path of this
 * record names the place (a cell of a sub-table).
 */
export function problemPlacer(ws: WorkspaceModel, file: string): (entity: Entity, paths: readonly NodePath[]) => PlacedProblem[] {
  const diagnostics = ws.diagnostics(file);
  if (diagnostics.length === 0) return () => [];
  const byEntity = new Map<string, Diagnostic[]>();
  const anonymousByLine = new Map<number, Diagnostic[]>();
  for (const d of diagnostics) {
    const map = d.entity !== undefined ? byEntity : anonymousByLine;
    const key = d.entity ?? d.range.start.line;
    const list = (map as Map<string | number, Diagnostic[]>).get(key) ?? [];
    list.push(d);
    (map as Map<string | number, Diagnostic[]>).set(key, list);
  }
  return (entity, paths) => {
    const children = ws.children(entity).map((c) => c.id);
    const own = byEntity.get(entity.id) ?? [];
    // Findings reported for a parent (its schema covers its nested records) or for a nested record.
    const ancestors: string[] = [];
    for (let p = entity.parent; p; p = p.parent) ancestors.push(p.id);
    const nested = [...children, ...ancestors].flatMap((id) => byEntity.get(id) ?? []);
    const entityRange = ws.entityRange(entity);
    const places = [...paths]
      .sort((a, b) => b.length - a.length)
      .map((p) => {
        const anchor = { file, doc: entity.doc, path: [...entity.path, ...p] };
        return { path: p, value: ws.rangeOf({ ...anchor, part: 'value' }), key: ws.rangeOf({ ...anchor, part: 'key' }) };
      });
    let first = entityRange.start.line;
    let last = entityRange.end.line;
    for (const p of places) {
      first = Math.min(first, p.key.start.line, p.value.start.line);
      last = Math.max(last, p.key.end.line, p.value.end.line);
    }
    const anonymous: Diagnostic[] = [];
    for (let line = first; line <= last; line++) anonymous.push(...(anonymousByLine.get(line) ?? []));
    const placeOf = (d: Diagnostic): NodePath | undefined => places.find((p) => within(d.range.start, p.value) || same(d.range.start, p.key.start))?.path;
    const out: PlacedProblem[] = [];
    const add = (d: Diagnostic, path: NodePath) =>
      out.push({ path, problem: { severity: d.severity, message: d.message, ruleId: d.ruleId, line: d.range.start.line } });
    for (const d of own) add(d, placeOf(d) ?? []);
    for (const d of [...nested, ...anonymous]) {
      const path = placeOf(d);
      if (path) add(d, path);
      else if (!d.entity && same(d.range.start, entityRange.start)) add(d, []);
    }
    // In the file's order, as the Problems panel lists them.
    return out.sort((a, b) => a.problem.line - b.problem.line);
  };
}
