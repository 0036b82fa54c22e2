import type { ResolvedConfig, VocabularyConfig } from '../config/types';
import { formatPattern, parsePathPattern, type PathStep } from '../model/pathPattern';
import { collectSchemaAnnotations } from '../model/schemaRefs';

/** A field of a kind whose values come from a vocabulary. */
export interface VocabularyBinding {
  kind: string;
  /** Path pattern from the entity root (SPEC 3.2 syntax): `tier`, `required_for[]`, `channel_prices{}`. */
  path: string;
  steps: PathStep[];
  vocabulary: VocabularyConfig;
}

/**
 * Which fields take which vocabulary: `x-opsbook-vocab` in a kind's schema, `vocab:` on a custom
 * field, and a vocabulary named `<kind>.<field>` for a top-level field of that kind. Bindings to
 * a vocabulary that nobody declared are dropped (nothing to check or complete).
 */
export function fieldVocabularies(config: ResolvedConfig): VocabularyBinding[] {
  const out: VocabularyBinding[] = [];
  const seen = new Set<string>();
  const add = (kind: string, steps: PathStep[], name: string): void => {
    const vocabulary = config.vocabularies.get(name);
    if (!vocabulary) return;
    const path = formatPattern(steps);
    const key = `${kind}\0${path}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind, path, steps, vocabulary });
  };
  for (const kc of config.kinds.values()) {
    for (const [field, def] of Object.entries(kc.fields)) {
      if (typeof def['vocab'] === 'string') add(kc.name, parsePathPattern(field), def['vocab']);
    }
    if (kc.schema) for (const a of collectSchemaAnnotations(kc.schema.json, 'x-opsbook-vocab')) add(kc.name, a.steps, a.target);
  }
  for (const name of config.vocabularies.keys()) {
    const dot = name.indexOf('.');
    if (dot <= 0) continue;
    const kind = name.slice(0, dot);
    if (config.kinds.has(kind)) add(kind, parsePathPattern(name.slice(dot + 1)), name);
  }
  return out;
}

