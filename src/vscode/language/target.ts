import type * as vscode from 'vscode';
import type { Entity, NodePath } from '../../core';
import type { DocContext } from './context';
import { referenceTargetAt, schemaForPath } from './entityPath';
import { nodeAt } from './locate';

/** What the cursor is on, as the language features see it. Offsets are of the YAML text, quotes excluded. */
export type CursorTarget =
  | { type: 'reference'; targetKind: string; targetField?: string; value: string; path: NodePath; start: number; end: number }
  | { type: 'id'; entity: Entity; value: string; start: number; end: number }
  | { type: 'key'; name: string; path: NodePath; schema?: Record<string, unknown>; start: number; end: number }
  | { type: 'value'; path: NodePath; value: unknown; schema?: Record<string, unknown>; start: number; end: number };

export function targetAt(ctx: DocContext, pos: vscode.Position): CursorTarget | undefined {
  const offset = ctx.offsetAt(pos);
  if (offset === undefined) return undefined;
  const hit = nodeAt(ctx.yamlText, offset);
  if (!hit || !hit.scalar) return undefined;
  let { start, end } = hit;
  const q = ctx.yamlText[start];
  if ((q === '"' || q === "'") && end - start >= 2) {
    start++;
    end--;
  }
  const value = hit.value === null || hit.value === undefined ? '' : String(hit.value);
  const ws = ctx.ws;
  const same = (a: NodePath, b: NodePath) => a.length === b.length && a.every((s, i) => s === b[i]);

  for (const e of ws.entitiesIn(ctx.rel)) {
    if (e.doc !== hit.doc) continue;
    const kc = ws.kindConfig(e.kind);
    const mapKeyed = !e.parent && ctx.shape?.layout === 'map';
    if (mapKeyed ? hit.part === 'key' && same(e.path, hit.path) : hit.part === 'value' && same([...e.path, kc?.id ?? 'id'], hit.path)) {
      return { type: 'id', entity: e, value, start, end };
    }
  }
  const ref = ws
    .referencesIn(ctx.rel)
    .find((r) => r.anchor.doc === hit.doc && same(r.anchor.path, hit.path) && (r.anchor.part === 'key') === (hit.part === 'key'));
  if (ref) {
    const t: CursorTarget = { type: 'reference', targetKind: ref.targetKind, value, path: hit.path, start, end };
    if (ref.targetField) t.targetField = ref.targetField;
    return t;
  }
  if (ctx.shape && value) {
    const declared = referenceTargetAt(hit.path, hit.part === 'key', ctx.shape, ctx.refs);
    if (declared && !declared.allow.includes(value)) {
      const [targetKind, targetField] = splitTarget(declared.target);
      const t: CursorTarget = { type: 'reference', targetKind, value, path: hit.path, start, end };
      if (targetField) t.targetField = targetField;
      return t;
    }
  }
  const schema = ctx.shape ? schemaForPath(hit.path, ctx.shape) : undefined;
  if (hit.part === 'key') {
    const t: CursorTarget = { type: 'key', name: value, path: hit.path, start, end };
    if (schema) t.schema = schema;
    return t;
  }
  const t: CursorTarget = { type: 'value', path: hit.path, value: hit.value, start, end };
  if (schema) t.schema = schema;
  return t;
}

export function splitTarget(target: string): [string, string | undefined] {
  const dot = target.indexOf('.');
  return dot === -1 ? [target, undefined] : [target.slice(0, dot), target.slice(dot + 1)];
}

/** The entities a reference names: by id, or by the value of a field for `kind.field` targets. */
export function referencedEntities(ctx: DocContext, t: { targetKind: string; targetField?: string; value: string }): Entity[] {
  const ws = ctx.ws;
  if (t.targetField) {
    const f = t.targetField;
    return ws.entities(t.targetKind).filter((e) => String(e.data[f] ?? '') === t.value);
  }
  return ws.byIdAnyKind(t.value).filter((e) => e.kind === t.targetKind);
}
