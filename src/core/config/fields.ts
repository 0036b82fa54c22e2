import { createAjv } from './ajv';
import type { ConfigProblem, KindConfig, ResolvedConfig } from './types';

type Loc = Omit<ConfigProblem, 'message'>;
type Json = Record<string, unknown>;

/**
 * Merges each kind's custom fields (`kinds.<kind>.fields`) into the schema that validates it,
 * so validation, references (`x-opsbook-ref`), vocabularies (`x-opsbook-vocab`), hovers and
 * completion all see them: the kind's own schema; for a nested kind (kpi, milestone…) the
 * part of its parent's schema that describes it; for a kind without a schema, a new one that
 * only describes the fields (other keys stay free). A fragment that is not a valid JSON Schema
 * is a configuration problem at its line and is left out.
 */
export function applyCustomFields(config: ResolvedConfig, fieldAt: (kind: string, field: string) => Loc, problems: ConfigProblem[]): void {
  let ajv: ReturnType<typeof createAjv> | undefined;
  for (const kc of config.kinds.values()) {
    const fields: Record<string, Json> = {};
    for (const [name, raw] of Object.entries(kc.fields)) {
      const at = fieldAt(kc.name, name);
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
        problems.push({
          ...at,
          message: `kinds.${kc.name}.fields.${name}: expected a mapping (a JSON Schema fragment such as { type: string }, or { ref: <kind> })`,
        });
        continue;
      }
      const fragment = expandShorthands(raw as Json);
      const target = firstRefTarget(fragment);
      if (target !== undefined && !config.kinds.has(target.split('.')[0] ?? '')) {
        problems.push({ ...at, message: `kinds.${kc.name}.fields.${name}: ref names kind "${target.split('.')[0]}", which is not defined` });
        continue;
      }
      try {
        (ajv ??= createAjv()).compile(fragment);
      } catch (err) {
        problems.push({
          ...at,
          message: `kinds.${kc.name}.fields.${name} is not a valid JSON Schema fragment: ${err instanceof Error ? err.message : String(err)}`,
        });
        continue;
      }
      fields[name] = fragment;
    }
    if (Object.keys(fields).length > 0) mergeInto(config, kc, fields);
  }
}

/** `ref: kind` → a string referencing the kind; `vocab: name` → a string from the vocabulary; also inside items and properties. */
export function expandShorthands(fragment: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(fragment)) {
    if (k === 'ref' && typeof v === 'string') out['x-opsbook-ref'] = v;
    else if (k === 'vocab' && typeof v === 'string') out['x-opsbook-vocab'] = v;
    else if ((k === 'items' || k === 'additionalProperties') && v && typeof v === 'object' && !Array.isArray(v)) out[k] = expandShorthands(v as Json);
    else if (k === 'properties' && v && typeof v === 'object' && !Array.isArray(v))
      out[k] = Object.fromEntries(
        Object.entries(v as Json).map(([pk, pv]) => [pk, pv && typeof pv === 'object' && !Array.isArray(pv) ? expandShorthands(pv as Json) : pv]),
      );
    else out[k] = v;
  }
  if ((out['x-opsbook-ref'] !== undefined || out['x-opsbook-vocab'] !== undefined) && out['type'] === undefined) out['type'] = 'string';
  return out;
}

function firstRefTarget(fragment: Json): string | undefined {
  if (typeof fragment['x-opsbook-ref'] === 'string') return fragment['x-opsbook-ref'];
  const items = fragment['items'];
  return items && typeof items === 'object' && !Array.isArray(items) ? firstRefTarget(items as Json) : undefined;
}

function mergeInto(config: ResolvedConfig, kc: KindConfig, fields: Record<string, Json>): void {
  if (kc.schema) {
    kc.schema = { origin: kc.schema.origin, json: withProperties(kc.schema.json, fields) };
    return;
  }
  const parent = [...config.kinds.values()].find((p) => p.schema && p.nested.some((n) => n.kind === kc.name));
  const spec = parent?.nested.find((n) => n.kind === kc.name);
  if (parent?.schema && spec) {
    const json = structuredClone(parent.schema.json);
    const node = nodeAt(json, spec.path);
    if (node) {
      Object.assign(node, withProperties(node, fields));
      parent.schema = { origin: parent.schema.origin, json };
      return;
    }
  }
  kc.schema = { origin: `kinds.${kc.name}.fields`, json: { type: 'object', properties: fields } };
}

function withProperties(schema: Json, fields: Record<string, Json>): Json {
  const props = schema['properties'] && typeof schema['properties'] === 'object' ? (schema['properties'] as Json) : {};
  return { ...schema, properties: { ...props, ...fields } };
}

/** The schema node (in `root`, following local `$ref`s) that describes the values at a nested kind's path (`objectives[].kpis[]`). */
function nodeAt(root: Json, path: string): Json | undefined {
  let node: Json | undefined = follow(root, root);
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\])*)$/.exec(part);
    if (!node || !m) return undefined;
    if (m[1]) node = follow(root, (node['properties'] as Record<string, Json> | undefined)?.[m[1]]);
    for (let i = 0; i < (m[2] ?? '').length / 2 && node; i++) node = follow(root, node['items'] as Json | undefined);
  }
  return node;
}

function follow(root: Json, node: Json | undefined): Json | undefined {
  let n = node;
  for (let i = 0; i < 10 && n && typeof n['$ref'] === 'string' && (n['$ref'] as string).startsWith('#/'); i++) {
    let target: unknown = root;
    for (const seg of (n['$ref'] as string).slice(2).split('/'))
      target = target && typeof target === 'object' ? (target as Json)[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    n = target && typeof target === 'object' ? (target as Json) : undefined;
  }
  return n && typeof n === 'object' && !Array.isArray(n) ? n : undefined;
}
