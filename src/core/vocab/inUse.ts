import type { ResolvedConfig } from '../config/types';
import type { Entity } from '../model/entity';
import { matchPattern } from '../model/pathPattern';
import { bindingsByKind } from './bindings';

/**
 * The values the workspace already uses, by vocabulary name, most used first (ties in order of
 * first use), with how often each occurs — open company vocabularies included; `only`: just that vocabulary. Completion offers
 * them; `init --infer` proposes declarations from them. Aliased words are counted as their meaning.
 */
export function valuesInUse(config: ResolvedConfig, entities: Iterable<Entity>, only?: string): Map<string, Map<string, number>> {
  const byKind = bindingsByKind(config);
  const counts = new Map<string, Map<string, number>>();
  for (const e of entities) {
    for (const b of byKind.get(e.kind) ?? []) {
      if (only !== undefined && b.vocabulary.name !== only) continue;
      for (const m of matchPattern(e.data, b.steps)) {
        const v = typeof m.value === 'string' ? m.value : typeof m.value === 'number' || typeof m.value === 'boolean' ? String(m.value) : undefined;
        if (v === undefined || v === '') continue;
        let c = counts.get(b.vocabulary.name);
        if (!c) counts.set(b.vocabulary.name, (c = new Map()));
        c.set(v, (c.get(v) ?? 0) + 1);
      }
    }
  }
  const out = new Map<string, Map<string, number>>();
  for (const [name, c] of counts) out.set(name, new Map([...c].sort((a, b) => b[1] - a[1])));
  return out;
}
