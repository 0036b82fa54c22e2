/** Reading JSON Schema nodes for hovers, completion details and placeholders. */
import * as l10n from '@vscode/l10n';

type SchemaNode = Record<string, unknown>;

/** `string`, `number | string`, `array of string`, … for details. */
export function typeLabel(node: SchemaNode): string {
  const t = node['type'];
  const base = Array.isArray(t) ? t.join(' | ') : typeof t === 'string' ? t : node['enum'] ? 'enum' : node['properties'] ? 'object' : '';
  if (base === 'array') {
    const items = node['items'];
    if (items && typeof items === 'object' && !Array.isArray(items)) {
      const inner = typeLabel(items as SchemaNode);
      return inner ? `array of ${inner}` : 'array';
    }
  }
  return base;
}

/** Where a field refers to: `partner`, `team.manager_role_slug`, or undefined. */
export function refTarget(node: SchemaNode): string | undefined {
  const own = node['x-opsbook-ref'];
  if (typeof own === 'string') return own;
  const items = node['items'];
  if (items && typeof items === 'object' && !Array.isArray(items)) {
    const t = (items as SchemaNode)['x-opsbook-ref'];
    if (typeof t === 'string') return t;
  }
  return undefined;
}

export function enumValues(node: SchemaNode): unknown[] | undefined {
  if (Array.isArray(node['enum'])) return node['enum'] as unknown[];
  if (node['const'] !== undefined) return [node['const']];
  return undefined;
}

/** Markdown documentation of a field: title, description, type, allowed values, reference target. */
export function fieldDocs(name: string, node: SchemaNode, required = false): string {
  const lines: string[] = [];
  const title = typeof node['title'] === 'string' ? node['title'] : name;
  lines.push(`**${escapeMd(title)}** \`${name}\`${required ? ` ${l10n.t('(required)')}` : ''}`);
  if (typeof node['description'] === 'string') lines.push('', node['description']);
  const facts: string[] = [];
  const type = typeLabel(node);
  if (type) facts.push(l10n.t('Type: {0}', `\`${type}\``));
  const target = refTarget(node);
  if (target) facts.push(l10n.t('Refers to: {0}', `\`${target}\``));
  const values = enumValues(node);
  if (values) facts.push(l10n.t('Values: {0}', values.map((v) => `\`${String(v)}\``).join(', ')));
  if (typeof node['pattern'] === 'string') facts.push(l10n.t('Pattern: {0}', `\`${node['pattern']}\``));
  if (typeof node['format'] === 'string') facts.push(l10n.t('Format: {0}', `\`${node['format']}\``));
  if (facts.length > 0) lines.push('', facts.join('  \n'));
  return lines.join('\n');
}

/** A value to insert for a missing field: valid where cheap (enum, type), obviously unfinished otherwise. */
export function placeholderFor(node: SchemaNode | undefined, today: string): string {
  if (!node) return '""';
  const values = enumValues(node);
  if (values && values.length > 0) return yamlScalar(values[0]);
  if (node['default'] !== undefined && (typeof node['default'] !== 'object' || node['default'] === null)) return yamlScalar(node['default']);
  const t = Array.isArray(node['type']) ? (node['type'] as unknown[])[0] : node['type'];
  if (node['format'] === 'date' || (typeof node['pattern'] === 'string' && node['pattern'].includes('\\d{4}-\\d{2}-\\d{2}'))) return today;
  switch (t) {
    case 'number':
    case 'integer':
      return typeof node['minimum'] === 'number' ? String(node['minimum']) : '0';
    case 'boolean':
      return 'false';
    case 'array':
      return '[]';
    case 'object':
      return '{}';
    default:
      return '""';
  }
}

export function yamlScalar(v: unknown): string {
  // Letters of any script stay plain (`合作中`, `店长`); YAML's own words and numbers are quoted.
  if (typeof v === 'string')
    return /^[\p{L}\p{N}][\p{L}\p{N} ._/-]*$/u.test(v) && !/^(true|false|null|yes|no|~)$/i.test(v) && !/^[\d.]+$/.test(v) ? v : JSON.stringify(v);
  return JSON.stringify(v);
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}

export function requiredOf(node: SchemaNode | undefined): Set<string> {
  const r = node?.['required'];
  return new Set(Array.isArray(r) ? r.filter((x): x is string => typeof x === 'string') : []);
}

export function propertiesOf(node: SchemaNode | undefined): [string, SchemaNode][] {
  const props = node?.['properties'];
  if (!props || typeof props !== 'object') return [];
  return Object.entries(props as Record<string, unknown>).filter((e): e is [string, SchemaNode] => !!e[1] && typeof e[1] === 'object');
}
