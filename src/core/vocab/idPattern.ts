import { safeRegExp } from '../config/safeRegExp';
import type { ResolvedConfig } from '../config/types';
import type { Finding } from '../types';
import type { EntityPlace } from './check';

/** A kind's compiled `idPattern`, or why it cannot be used. */
export type CompiledIdPattern = { pattern: string; test(id: string): boolean } | { pattern: string; error: string };

/**
 * Compiles each kind's `idPattern` with the same guards as schema patterns (no nested
 * quantifiers, bounded input). A pattern that does not compile is returned with its error, for
 * the configuration problem; its kind's ids are then not checked.
 */
export function compileIdPatterns(config: ResolvedConfig): Map<string, CompiledIdPattern> {
  const out = new Map<string, CompiledIdPattern>();
  for (const kc of config.kinds.values()) {
    if (kc.idPattern === undefined) continue;
    out.set(kc.name, compileIdPattern(kc.idPattern));
  }
  return out;
}

export function compileIdPattern(pattern: string): CompiledIdPattern {
  try {
    const re = safeRegExp(pattern, 'u');
    return { pattern, test: (id) => re.test(id) };
  } catch (err) {
    return { pattern, error: err instanceof Error ? err.message : String(err) };
  }
}

/** `id/pattern` when the entity's id does not follow its kind's declared convention. */
export function idPatternFinding(compiled: CompiledIdPattern | undefined, idField: string, at: EntityPlace, fromMapKey: boolean): Finding | undefined {
  if (!compiled || !('test' in compiled) || !at.id || compiled.test(at.id)) return undefined;
  return {
    anchor: fromMapKey
      ? { file: at.file, doc: at.doc, path: at.path, part: 'key' }
      : { file: at.file, doc: at.doc, path: [...at.path, idField], part: 'value' },
    ruleId: 'id/pattern',
    entity: at.id,
    message: `${at.kind} id "${at.id}" does not follow the id convention ${compiled.pattern} declared in kinds.${at.kind}.idPattern: rename it (and the references to it), or change the pattern`,
  };
}
