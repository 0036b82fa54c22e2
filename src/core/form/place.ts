/**
 * Which field of a record a diagnostic is about: the deepest key or item whose source span
 * holds the diagnostic's start, found in the file's YAML node ranges.
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import type { Entity } from '../model/entity';
import type { WorkspaceModel } from '../model/queries';
import type { Diagnostic, NodePath } from '../types';
import type { FieldProblem } from './types';

export interface PlacedProblem {
  /** Field path from the record; empty for the record itself. */
  path: NodePath;
  problem: FieldProblem;
}

/**
 * For one file: a function giving each record's problems with the field path they point into.
 * The file is parsed once; problems inside a nested record's own fields are left to that record.
 */
export function problemPlacer(ws: WorkspaceModel, file: string): (entity: Entity) => PlacedProblem[] {
  const parsed = ws.parsedFile(file);
  const diagnostics = ws.diagnostics(file);
  if (!parsed || diagnostics.length === 0) return () => [];
  const parsedDocs = parseAllDocuments(parsed.yamlText, { logLevel: 'silent' });
  const docs: Document[] = Array.isArray(parsedDocs) ? (parsedDocs as Document[]) : [];
  const starts = lineStarts(parsed.yamlText);
  const offsets = diagnostics.map((d) => {
    const line = d.range.start.line - parsed.yamlLineOffset;
    return (starts[line - 1] ?? parsed.yamlText.length) + d.range.start.column - 1;
  });
  return (entity) => {
    const doc = docs[entity.doc];
    const node = doc ? nodeAt(doc.contents as YamlNode | null, entity.path) : undefined;
    const range = node?.range;
    if (!range) return [];
    const entityRange = ws.entityRange(entity);
    const children = ws.children(entity).map((c) => c.path.slice(entity.path.length));
    const out: PlacedProblem[] = [];
    diagnostics.forEach((d: Diagnostic, i) => {
      const offset = offsets[i] as number;
      const inside = offset >= range[0] && offset <= range[1];
      const atEntity = d.range.start.line === entityRange.start.line && d.range.start.column === entityRange.start.column;
      if (!inside && !atEntity) return;
      const path = inside ? deepestAt(node, offset, []) : [];
      if (children.some((c) => startsWith(path, c) && path.length > c.length + 1)) return;
      out.push({ path, problem: { severity: d.severity, message: d.message, ruleId: d.ruleId, line: d.range.start.line } });
    });
    return out;
  };
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

function startsWith(path: NodePath, prefix: NodePath): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => s === path[i]);
}
