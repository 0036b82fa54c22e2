import { describeAjvError, pointerToPath, type ErrorObject, type ValidateFunction } from '../config/ajv';
import { PERIOD_FORMS, PERIOD_PATTERN } from '../period/parse';
import { closest } from '../rules/identity';
import { valueAt } from '../util/json';
import type { Finding, JsonValue, NodePath } from '../types';

/**
 * Validates `data` with a compiled schema and turns ajv's errors into findings at the offending
 * node: an unknown key at the key (with the closest declared field), a missing field at the
 * entity, a bad value at the value; a malformed period says what a period looks like.
 */
export function schemaFindings(
  validate: ValidateFunction,
  data: JsonValue,
  at: { file: string; doc: number; base: NodePath },
  findings: Finding[],
  entityId: string | undefined,
  schema: Record<string, unknown> | undefined,
): void {
  if (validate(data)) return;
  const seen = new Set<string>();
  for (const e of (validate.errors ?? []) as ErrorObject[]) {
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const path = [...at.base, ...pointerToPath(e.instancePath)];
    const p = e.params as Record<string, unknown>;
    let finding: Finding;
    const who = entityId ? `${entityId}: ` : '';
    const where = e.instancePath ? pointerToPath(e.instancePath).join('.') : '';
    if (e.keyword === 'additionalProperties') {
      const extra = String(p['additionalProperty']);
      const near = schema ? closestField(schema, e.schemaPath, extra) : undefined;
      const hint = near
        ? `did you mean "${near}"? Otherwise remove it, or declare it under kinds.<kind>.fields in opsbook.yaml`
        : 'remove it, check its spelling, or declare it under kinds.<kind>.fields in opsbook.yaml';
      finding = {
        anchor: { file: at.file, doc: at.doc, path: [...path, extra], part: 'key' },
        ruleId: 'schema/additionalProperties',
        message: `${who}unknown field "${where ? `${where}.` : ''}${extra}": ${hint}`,
      };
      if (near) finding.suggestions = [near];
    } else if (e.keyword === 'required') {
      const missing = String(p['missingProperty']);
      finding = {
        anchor: { file: at.file, doc: at.doc, path, part: e.instancePath ? 'key' : 'entity' },
        ruleId: 'schema/required',
        message: `${who}missing required field "${where ? `${where}.` : ''}${missing}"`,
        suggestions: [missing],
      };
    } else if (e.keyword === 'enum') {
      const allowed = (p['allowedValues'] as unknown[]).map(String);
      const actual = valueAt(data, pointerToPath(e.instancePath));
      const shown = typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'boolean' ? ` is ${JSON.stringify(actual)}; it` : '';
      finding = {
        anchor: { file: at.file, doc: at.doc, path, part: 'value' },
        ruleId: 'schema/enum',
        message: `${who}"${where}"${shown} ${describeAjvError(e)}`,
        suggestions: allowed,
      };
    } else if (e.keyword === 'pattern' && p['pattern'] === PERIOD_PATTERN) {
      const actual = valueAt(data, pointerToPath(e.instancePath));
      finding = {
        anchor: { file: at.file, doc: at.doc, path, part: 'value' },
        ruleId: 'schema/pattern',
        message: `${who}"${where}" is ${JSON.stringify(actual)}, not a period; ${PERIOD_FORMS}`,
      };
    } else {
      finding = {
        anchor: { file: at.file, doc: at.doc, path, part: 'value' },
        ruleId: `schema/${e.keyword}`,
        message: `${who}"${where || '(entry)'}" ${e.message ?? e.keyword}`,
      };
    }
    if (entityId) finding.entity = entityId;
    const key = `${finding.ruleId}|${JSON.stringify(finding.anchor.path)}|${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
}

/** The declared property closest to an unknown one, from the schema node whose `additionalProperties` refused it (custom fields included). */
function closestField(schema: Record<string, unknown>, schemaPath: string, extra: string): string | undefined {
  let node: unknown = schema;
  for (const raw of schemaPath.replace(/^#\/?/, '').split('/').slice(0, -1)) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  const props = node && typeof node === 'object' ? (node as Record<string, unknown>)['properties'] : undefined;
  if (!props || typeof props !== 'object') return undefined;
  return closest(extra, Object.keys(props), 1)[0];
}
