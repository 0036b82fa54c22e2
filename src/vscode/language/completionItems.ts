import * as l10n from '@vscode/l10n';
import { enumValues, fieldDocs, propertiesOf, refTarget, requiredOf, typeLabel, yamlScalar } from './schemaInfo';

type SchemaNode = Record<string, unknown>;

/** A completion item before it becomes a `vscode.CompletionItem` (kept pure for tests). */
export interface ItemSpec {
  label: string;
  kind: 'field' | 'enum' | 'reference' | 'value';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  sortText: string;
}

/** A record a reference can name. */
export interface RefCandidate {
  id: string;
  title: string;
  kind: string;
  file: string;
}

/** Field names of the mapping described by `node` that are not there yet; required fields first. */
export function keyItems(node: SchemaNode | undefined, existing: readonly string[], resolve: (key: string) => SchemaNode | undefined): ItemSpec[] {
  const required = requiredOf(node);
  const have = new Set(existing);
  return propertiesOf(node)
    .filter(([k]) => !have.has(k))
    .map(([k, raw]) => {
      const prop = resolve(k) ?? raw;
      const title = typeof prop['title'] === 'string' ? prop['title'] : undefined;
      const type = typeLabel(prop);
      const item: ItemSpec = {
        label: k,
        kind: 'field',
        documentation: fieldDocs(k, prop, required.has(k)),
        insertText: `${k}: `,
        sortText: `${required.has(k) ? '0' : '1'}${k}`,
      };
      const detail = [title, type && `(${type})`, required.has(k) ? l10n.t('required') : ''].filter(Boolean).join(' ');
      if (detail) item.detail = detail;
      return item;
    });
}

/**
 * Values for the field described by `node`: enum values, booleans, and ids of the referenced
 * kind (label = id, detail = title, documentation = kind and file).
 */
export function valueItems(node: SchemaNode | undefined, target: string | undefined, candidates: (target: string) => RefCandidate[]): ItemSpec[] {
  const out: ItemSpec[] = [];
  const ref = target ?? (node ? refTarget(node) : undefined);
  if (ref) {
    // An empty array field (`partners: `) gets a one-item flow list.
    const wrap = !target && node && node['x-opsbook-ref'] === undefined && typeLabel(node).startsWith('array');
    for (const c of candidates(ref)) {
      out.push({
        label: c.id,
        kind: 'reference',
        detail: c.title && c.title !== c.id ? c.title : c.kind,
        documentation: `${c.kind} \`${c.id}\` — ${c.file}`,
        insertText: wrap ? `[${c.id}]` : c.id,
        sortText: c.id,
      });
    }
    return out;
  }
  if (!node) return out;
  const values = enumValues(node);
  const described = typeof node['description'] === 'string' ? node['description'] : undefined;
  if (values) {
    values.forEach((v, i) => {
      const item: ItemSpec = { label: String(v), kind: 'enum', insertText: yamlScalar(v), sortText: String(i).padStart(4, '0') };
      if (described) item.documentation = described;
      out.push(item);
    });
    return out;
  }
  const t = node['type'];
  if (t === 'boolean' || (Array.isArray(t) && t.includes('boolean'))) {
    for (const v of ['true', 'false']) out.push({ label: v, kind: 'value', insertText: v, sortText: v });
  }
  return out;
}
