import { parseAllDocuments, isMap, isSeq, isPair, isScalar, type Node as YamlNode } from 'yaml';
import type { Entity } from '../model/entity';
import type { WorkspaceModel } from '../model/queries';
import type { SheetColumn } from '../sheet/columns';
import type { Diagnostic, NodePath } from '../types';
import type { GridRow } from './protocol';

/**
 * Puts each diagnostic of the rows' files in the cell it is about: the deepest field path under
 * the diagnostic's position that is a column (`contract.end`), else the row as a whole (-1). A
 * problem inside a nested record of another kind (a KPI of a plan) stays with the row. Files
 * without diagnostics are not parsed again.
 */
export function placeProblems(ws: WorkspaceModel, entities: readonly Entity[], rows: GridRow[], columns: readonly SheetColumn[]): void {
  const byFile = new Map<string, number[]>();
  entities.forEach((e, i) => {
    const list = byFile.get(e.file) ?? [];
    list.push(i);
    byFile.set(e.file, list);
  });
  const columnOf = new Map(columns.map((c, i) => [c.path.join('\0'), i]));
  for (const [file, indexes] of byFile) {
    const diagnostics = ws.diagnostics(file);
    if (diagnostics.length === 0) continue;
    const parsed = ws.parsedFile(file);
    if (!parsed) continue;
    const docs = parseAllDocuments(parsed.yamlText, { logLevel: 'silent' });
    const list = Array.isArray(docs) ? docs : [docs];
    const starts = lineStarts(parsed.yamlText);
    const spans = indexes.map((i) => {
      const e = entities[i]!;
      const node = nodeAt((list[e.doc]?.contents ?? null) as YamlNode | null, e.path);
      return { i, e, node, start: ws.entityRange(e).start };
    });
    for (const d of diagnostics) {
      const offset = offsetOf(d, starts, parsed.yamlLineOffset, parsed.yamlText.length);
      const hit =
        spans.find((s) => s.start.line === d.range.start.line && s.start.column === d.range.start.column) ??
        spans.filter((s) => s.node?.range && offset >= s.node.range[0] && offset <= s.node.range[1]).sort((a, b) => b.e.path.length - a.e.path.length)[0];
      if (!hit) continue;
      let path = hit.node ? deepestAt(hit.node, offset, []) : [];
      while (path.length > 0 && !columnOf.has(path.join('\0'))) path = path.slice(0, -1);
      const column = path.length > 0 ? (columnOf.get(path.join('\0')) as number) : -1;
      const row = rows[hit.i]!;
      (row.problems[column] ??= []).push({ severity: d.severity, message: d.message, ruleId: d.ruleId, line: d.range.start.line });
    }
  }
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

function offsetOf(d: Diagnostic, starts: number[], lineOffset: number, length: number): number {
  const line = d.range.start.line - lineOffset;
  return (starts[line - 1] ?? length) + d.range.start.column - 1;
}

function nodeAt(node: YamlNode | null, path: NodePath): YamlNode | null {
  let cur: YamlNode | null = node;
  for (const seg of path) {
    if (isMap(cur)) {
      const pair = cur.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      cur = (pair?.value ?? null) as YamlNode | null;
    } else if (isSeq(cur) && typeof seg === 'number') cur = (cur.items[seg] ?? null) as YamlNode | null;
    else return null;
  }
  return cur;
}

/** The path (keys as strings) of the deepest node under `offset`, keys included. */
function deepestAt(node: YamlNode, offset: number, path: string[]): string[] {
  if (isMap(node)) {
    for (const p of node.items) {
      const key = p.key as YamlNode | null;
      const value = p.value as YamlNode | null;
      const start = key?.range?.[0];
      const end = value?.range?.[1] ?? key?.range?.[1];
      if (start === undefined || end === undefined || offset < start || offset > end) continue;
      const k = isScalar(key) ? String(key.value) : undefined;
      if (k === undefined) return path;
      return value && value.range && offset >= value.range[0] ? deepestAt(value, offset, [...path, k]) : [...path, k];
    }
  }
  if (isSeq(node)) {
    for (const item of node.items) {
      const n = item as YamlNode | null;
      if (n?.range && offset >= n.range[0] && offset <= n.range[1]) return path;
    }
  }
  return path;
}
