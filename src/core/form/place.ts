/**
 * Where a diagnostic goes in a form or a table: the one placement both panels use. A finding is
 * placed by the node path it was made at (its anchor: no re-parsing, exact on one-line flow
 * maps): in the record (or list item) whose path is the longest prefix of that path, under the
 * field whose path is the longest prefix of the rest (`contract.end`; an item of a list → the
 * list's field), else on the record itself. Problems that name no record (a YAML syntax error)
 * are placed by their line instead, resolving source ranges only then.
 */
import type { WorkspaceModel } from '../model/queries';
import type { Anchor, Diagnostic, NodePath, Position, Range } from '../types';

/** A record (or list item) diagnostics may be placed in, with the field paths (relative to it) they may go under. */
export interface PlaceTarget {
  doc: number;
  path: NodePath;
  fields: readonly NodePath[];
}

export interface Placement {
  /** Index into the targets. */
  target: number;
  /** Index into the target's fields; -1 for the record as a whole. */
  field: number;
  diagnostic: Diagnostic;
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.column <= b.column);
const within = (p: Position, r: Range): boolean => before(r.start, p) && before(p, r.end);
const keyOf = (doc: number, path: NodePath): string => `${doc}\0${path.join('\0')}`;
const startsWith = (path: NodePath, prefix: NodePath, at = 0): boolean => prefix.every((seg, k) => String(seg) === String(path[at + k]));

/** The diagnostics of `file` placed in `targets`, in the file's order (as the Problems panel lists them). */
export function placeDiagnostics(ws: WorkspaceModel, file: string, targets: readonly PlaceTarget[]): Placement[] {
  if (targets.length === 0) return [];
  const byPath = new Map<string, number>();
  targets.forEach((t, i) => byPath.set(keyOf(t.doc, t.path), i));
  const out: Placement[] = [];
  const byLine: Diagnostic[] = [];
  for (const { diagnostic, anchor } of ws.anchoredDiagnostics(file)) {
    if (anchor.file !== file) continue;
    if (!diagnostic.entity && anchor.path.length === 0) {
      byLine.push(diagnostic);
      continue;
    }
    const placed = byAnchor(anchor, targets, byPath);
    if (placed) out.push({ ...placed, diagnostic });
  }
  if (byLine.length > 0) out.push(...placeByLine(ws, file, targets, byLine));
  return out.sort((a, b) => a.diagnostic.range.start.line - b.diagnostic.range.start.line || a.diagnostic.range.start.column - b.diagnostic.range.start.column);
}

function byAnchor(anchor: Anchor, targets: readonly PlaceTarget[], byPath: Map<string, number>): Omit<Placement, 'diagnostic'> | undefined {
  for (let depth = anchor.path.length; depth >= 0; depth--) {
    const target = byPath.get(keyOf(anchor.doc, anchor.path.slice(0, depth)));
    if (target === undefined) continue;
    return { target, field: deepestField(targets[target]!.fields, anchor.path, depth) };
  }
  return undefined;
}

/** The field whose path is the longest prefix of `path` from `at`, -1 if none. */
function deepestField(fields: readonly NodePath[], path: NodePath, at: number): number {
  let field = -1;
  let best = 0;
  fields.forEach((f, j) => {
    if (f.length <= best || f.length > path.length - at) return;
    if (startsWith(path, f, at)) {
      field = j;
      best = f.length;
    }
  });
  return field;
}

/** Whether `a` lies inside `b` and is not all of it. */
function smaller(a: Range, b: Range): boolean {
  return (
    before(b.start, a.start) &&
    before(a.end, b.end) &&
    !(a.start.line === b.start.line && a.start.column === b.start.column && a.end.line === b.end.line && a.end.column === b.end.column)
  );
}

/** Problems without a record: in the target whose lines hold their start, under the field with the smallest key or value range that does. */
function placeByLine(ws: WorkspaceModel, file: string, targets: readonly PlaceTarget[], diagnostics: Diagnostic[]): Placement[] {
  // A block mapping's range is its first line: a target reaches to the last line of its fields.
  const shapes = targets.map((t) => {
    const start = ws.rangeOf({ file, doc: t.doc, path: t.path, part: 'value' });
    const fields = t.fields.map((f) => {
      const anchor = { file, doc: t.doc, path: [...t.path, ...f] };
      return [ws.rangeOf({ ...anchor, part: 'key' }), ws.rangeOf({ ...anchor, part: 'value' })];
    });
    let end = start.end;
    for (const r of fields.flat()) if (before(end, r.end)) end = r.end;
    return { span: { start: start.start, end }, fields };
  });
  const out: Placement[] = [];
  for (const d of diagnostics) {
    let target = -1;
    shapes.forEach((s, i) => {
      if (within(d.range.start, s.span) && (target < 0 || targets[i]!.path.length > targets[target]!.path.length)) target = i;
    });
    if (target < 0) continue;
    // The smallest range holding the start: a field not written resolves to the range around it, never smaller.
    let field = -1;
    let smallest: Range | undefined;
    shapes[target]!.fields.forEach((ranges, j) => {
      for (const r of ranges) {
        if (within(d.range.start, r) && (!smallest || smaller(r, smallest))) {
          field = j;
          smallest = r;
        }
      }
    });
    out.push({ target, field, diagnostic: d });
  }
  return out;
}
