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

/**
 * Bindings by the kind that owns the value: a binding declared in a parent's schema below a
 * nested kind's path (`objectives[].kpis[].direction` in the plan schema) belongs to the nested
 * kind (`direction` of `kpi`), so each value is checked once, for the innermost entity.
 */
export function bindingsByKind(config: ResolvedConfig): Map<string, VocabularyBinding[]> {
  const out = new Map<string, VocabularyBinding[]>();
  const seen = new Set<string>();
  for (const b of fieldVocabularies(config)) {
    const owned = innermost(config, b.kind, b.steps);
    const key = `${owned.kind}\0${formatPattern(owned.steps)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = out.get(owned.kind) ?? [];
    list.push(owned.kind === b.kind ? b : { kind: owned.kind, path: formatPattern(owned.steps), steps: owned.steps, vocabulary: b.vocabulary });
    out.set(owned.kind, list);
  }
  return out;
}

/**
 * Every binding that applies below an entity of `kind`, nested kinds' included (prefixed with
 * their path): what the Analyzer rewrites once, at the top entity, so nested entities share it.
 */
export function bindingsBelow(byKind: ReadonlyMap<string, VocabularyBinding[]>, config: ResolvedConfig, kind: string, depth = 0): VocabularyBinding[] {
  const own = byKind.get(kind) ?? [];
  const kc = config.kinds.get(kind);
  if (!kc || depth > 4) return own;
  const out = [...own];
  for (const n of kc.nested) {
    const prefix = parsePathPattern(n.path);
    for (const b of bindingsBelow(byKind, config, n.kind, depth + 1)) {
      const steps = [...prefix, ...b.steps];
      out.push({ kind, path: formatPattern(steps), steps, vocabulary: b.vocabulary });
    }
  }
  return out;
}

function innermost(config: ResolvedConfig, kind: string, steps: PathStep[], depth = 0): { kind: string; steps: PathStep[] } {
  const kc = config.kinds.get(kind);
  if (!kc || depth > 4) return { kind, steps };
  let best: { kind: string; steps: PathStep[] } | undefined;
  let bestLength = 0;
  for (const n of kc.nested) {
    const prefix = parsePathPattern(n.path);
    if (prefix.length >= steps.length || prefix.length <= bestLength) continue;
    if (!prefix.every((s, i) => sameStep(s, steps[i] as PathStep))) continue;
    best = { kind: n.kind, steps: steps.slice(prefix.length) };
    bestLength = prefix.length;
  }
  return best ? innermost(config, best.kind, best.steps, depth + 1) : { kind, steps };
}

function sameStep(a: PathStep, b: PathStep): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
