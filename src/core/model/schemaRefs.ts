import type { PathStep } from './pathPattern';

export interface SchemaReference {
  steps: PathStep[];
  /** `kind` or `kind.field`. */
  target: string;
}

/**
 * Collects `x-opsbook-ref` declarations from a JSON Schema as path patterns from the entity
 * root: through `properties`, `items`, `additionalProperties`, local `$ref`s and combinators.
 */
export function collectSchemaReferences(schema: Record<string, unknown>): SchemaReference[] {
  return collectSchemaAnnotations(schema, 'x-opsbook-ref');
}

/**
 * Collects a string-valued annotation keyword (`x-opsbook-ref`, `x-opsbook-vocab`) from a JSON
 * Schema as path patterns from the entity root, through the same keywords as references.
 */
export function collectSchemaAnnotations(schema: Record<string, unknown>, keyword: string): SchemaReference[] {
  const out: SchemaReference[] = [];
  const seen = new Set<string>();
  const visit = (node: unknown, steps: PathStep[], depth: number, refStack: string[]): void => {
    if (!node || typeof node !== 'object' || depth > 24) return;
    const s = node as Record<string, unknown>;
    const target = s[keyword];
    if (typeof target === 'string' && steps.length > 0) {
      const key = `${JSON.stringify(steps)}>${target}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ steps, target });
      }
    }
    const ref = s['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#/') && !refStack.includes(ref)) {
      const resolved = resolvePointer(schema, ref);
      if (resolved) visit(resolved, steps, depth + 1, [...refStack, ref]);
    }
    const props = s['properties'];
    if (props && typeof props === 'object') {
      for (const [k, v] of Object.entries(props)) visit(v, [...steps, { key: k }], depth + 1, refStack);
    }
    if (s['items'] && typeof s['items'] === 'object' && !Array.isArray(s['items'])) visit(s['items'], [...steps, { items: true }], depth + 1, refStack);
    if (s['additionalProperties'] && typeof s['additionalProperties'] === 'object') {
      visit(s['additionalProperties'], [...steps, { mapValues: true }], depth + 1, refStack);
    }
    const propertyNames = s['propertyNames'] as Record<string, unknown> | undefined;
    if (propertyNames && typeof propertyNames[keyword] === 'string') {
      visit(propertyNames, [...steps, { mapKeys: true }], depth + 1, refStack);
    }
    for (const comb of ['allOf', 'anyOf', 'oneOf']) {
      const list = s[comb];
      if (Array.isArray(list)) for (const sub of list) visit(sub, steps, depth + 1, refStack);
    }
  };
  visit(schema, [], 0, []);
  return out;
}

function resolvePointer(root: Record<string, unknown>, ref: string): unknown {
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

/** The schema node that describes `path` (for hovers and completion); follows the same keywords. */
export function schemaAt(schema: Record<string, unknown>, path: readonly (string | number)[]): Record<string, unknown> | undefined {
  let node: Record<string, unknown> | undefined = deref(schema, schema);
  for (const seg of path) {
    if (!node) return undefined;
    if (typeof seg === 'number') {
      const items: unknown = node['items'];
      node = items && typeof items === 'object' && !Array.isArray(items) ? deref(schema, items as Record<string, unknown>) : undefined;
      continue;
    }
    const props = node['properties'] as Record<string, unknown> | undefined;
    const next = props?.[seg] ?? (typeof node['additionalProperties'] === 'object' ? node['additionalProperties'] : undefined);
    node = next && typeof next === 'object' ? deref(schema, next as Record<string, unknown>) : undefined;
  }
  return node;
}

function deref(root: Record<string, unknown>, node: Record<string, unknown>): Record<string, unknown> {
  let n = node;
  for (let i = 0; i < 10 && typeof n['$ref'] === 'string' && (n['$ref'] as string).startsWith('#/'); i++) {
    const r = resolvePointer(root, n['$ref'] as string);
    if (!r || typeof r !== 'object') break;
    n = { ...(r as Record<string, unknown>), ...Object.fromEntries(Object.entries(n).filter(([k]) => k !== '$ref')) };
  }
  return n;
}
