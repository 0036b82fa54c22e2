import { type Layout, type NodePath, parsePathPattern, type PathStep, schemaAt } from '../../core';

/** How a kind lays out its entities in a file, as far as locating the cursor needs. */
export interface KindShape {
  name: string;
  layout: Layout;
  listKey?: string;
  idField: string;
  schema?: Record<string, unknown>;
  /** Nested kinds with their path patterns from the top entity (`objectives[].kpis[]`). */
  nested: { kind: string; path: string }[];
}

/** A configured reference (`references:` in opsbook.yaml or a pack). */
export interface RefSpec {
  kind: string;
  path: string;
  target: string;
  allow: string[];
}

/** The top entity's path within the document that holds `path`, or undefined when outside any entity. */
export function topEntityBase(path: NodePath, shape: Pick<KindShape, 'layout' | 'listKey'>): NodePath | undefined {
  switch (shape.layout) {
    case 'markdown':
    case 'single':
      return [];
    case 'list': {
      if (typeof path[0] === 'number') return [path[0]];
      if (typeof path[0] === 'string' && typeof path[1] === 'number' && (shape.listKey === undefined || shape.listKey === path[0])) return [path[0], path[1]];
      return undefined;
    }
    case 'map':
      return typeof path[0] === 'string' && path[0] !== 'kind' ? [path[0]] : undefined;
    default:
      return undefined;
  }
}

/** One entity on the way from the top entity down to the cursor: its kind and path from the document root. */
export interface ChainLink {
  kind: string;
  base: NodePath;
}

/** The top entity and the nested entities (objective, KPI…) that contain `path`, outermost first. */
export function entityChain(path: NodePath, shape: KindShape): ChainLink[] {
  const base = topEntityBase(path, shape);
  if (!base) return [];
  const chain: ChainLink[] = [{ kind: shape.name, base }];
  const rel = path.slice(base.length);
  const nested = shape.nested.map((n) => ({ kind: n.kind, steps: parsePathPattern(n.path) })).sort((a, b) => a.steps.length - b.steps.length);
  for (const n of nested) {
    if (n.steps.length <= rel.length && stepsMatch(n.steps, rel.slice(0, n.steps.length), false)) {
      chain.push({ kind: n.kind, base: [...base, ...rel.slice(0, n.steps.length)] });
    }
  }
  return chain;
}

/** Whether concrete path segments match pattern steps exactly (`isKey`: the last segment is a map key). */
export function stepsMatch(steps: readonly PathStep[], segs: NodePath, isKey: boolean): boolean {
  if (steps.length !== segs.length) return false;
  const last = steps.length - 1;
  return steps.every((s, i) => {
    const seg = segs[i];
    // Only a `m{}` step makes a map key a reference; any other key is a field name.
    if (isKey && i === last) return 'mapKeys' in s && typeof seg === 'string';
    if ('key' in s) return seg === s.key;
    if ('items' in s) return typeof seg === 'number';
    if ('mapKeys' in s) return false;
    return typeof seg === 'string';
  });
}

/** The reference target (`kind` or `kind.field`) of the value (or key) at `path`, from schemas and `references:`. */
export function referenceTargetAt(path: NodePath, isKey: boolean, shape: KindShape, refs: readonly RefSpec[]): { target: string; allow: string[] } | undefined {
  const chain = entityChain(path, shape);
  const top = chain[0];
  if (!top) return undefined;
  const rel = path.slice(top.base.length);
  if (shape.schema && rel.length > 0) {
    const node = isKey ? schemaAt(shape.schema, rel.slice(0, -1))?.['propertyNames'] : schemaAt(shape.schema, rel);
    const t = node && typeof node === 'object' ? (node as Record<string, unknown>)['x-opsbook-ref'] : undefined;
    if (typeof t === 'string') return { target: t, allow: [] };
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const link = chain[i] as ChainLink;
    const sub = path.slice(link.base.length);
    for (const r of refs) {
      if (r.kind === link.kind && stepsMatch(parsePathPattern(r.path), sub, isKey)) return { target: r.target, allow: r.allow };
    }
  }
  return undefined;
}

/** The schema node describing `path` (relative to the top entity), when the kind has a schema. */
export function schemaForPath(path: NodePath, shape: KindShape): Record<string, unknown> | undefined {
  const base = topEntityBase(path, shape);
  if (!base || !shape.schema) return undefined;
  return schemaAt(shape.schema, path.slice(base.length));
}
