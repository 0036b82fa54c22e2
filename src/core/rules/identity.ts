import { distance } from 'fastest-levenshtein';
import { compareEntities, entityAnchor, type Entity, type Reference } from '../model/entity';
import type { Finding } from '../types';
import type { Rule, RuleContext } from './rule';

/** `id/duplicate`: reported at every occurrence, related to the others. */
export const duplicateId: Rule = {
  id: 'id/duplicate',
  check(e, ctx) {
    const same = [...ctx.lookup(e.kind, e.id)].sort(compareEntities);
    if (same.length < 2) return;
    const others = same.filter((o) => o !== e);
    ctx.report({
      anchor: entityAnchor(e),
      ruleId: 'id/duplicate',
      entity: e.id,
      message: `${e.kind} id "${e.id}" is used ${same.length} times (also in ${others.map((o) => o.file).join(', ')}): ids must be unique within a kind`,
      related: others.map((o) => ({ anchor: entityAnchor(o), message: `other ${e.kind} "${e.id}"` })),
    });
  },
};

/** `ref/missing` and `ref/wrong-kind` for every reference an entity holds. */
export const references: Rule = {
  id: 'ref/missing',
  reports: ['ref/wrong-kind'],
  check(e, ctx) {
    for (const ref of ctx.referencesOf(e)) checkReference(ref, ctx);
  },
};

function checkReference(ref: Reference, ctx: RuleContext): void {
  const targets = ref.targetField ? ctx.lookupByField(ref.targetKind, ref.targetField, ref.value) : ctx.lookup(ref.targetKind, ref.value);
  if (targets.length > 0) return;
  // The target is there but unreadable: its file's yaml/syntax finding says what to fix.
  if (!ref.targetField && ctx.unreadable(ref.targetKind, ref.value)) return;
  const who = `${ref.from.kind} ${ref.from.id}`;
  if (!ref.targetField) {
    const other = ctx.lookupAnyKind(ref.value).filter((x) => x.kind !== ref.targetKind);
    if (other.length > 0) {
      const o = other[0] as Entity;
      ctx.report({
        anchor: ref.anchor,
        ruleId: 'ref/wrong-kind',
        entity: ref.from.id,
        message: `${who}: ${ref.field} must name a ${ref.targetKind}, but "${ref.value}" is a ${o.kind} (${o.title})`,
        related: [{ anchor: entityAnchor(o), message: `${o.kind} "${o.id}"` }],
      });
      return;
    }
  }
  const didYouMean: NonNullable<Finding['didYouMean']> = { kind: ref.targetKind, value: ref.value, allow: ref.allow };
  if (ref.targetField) didYouMean.field = ref.targetField;
  ctx.report({
    anchor: ref.anchor,
    ruleId: 'ref/missing',
    entity: ref.from.id,
    message: `${who}: ${ref.field} "${ref.value}" names no ${ref.targetKind}${ref.targetField ? ` with ${ref.targetField} "${ref.value}"` : ''}.`,
    didYouMean,
  });
}

/** The did-you-mean hint of a `ref/missing` finding, from the candidates that exist now. */
export function suggestFor(d: NonNullable<Finding['didYouMean']>, candidates: readonly string[]): { hint: string; suggestions: string[] } {
  const suggestions = closest(d.value, candidates, 3);
  const hint = suggestions.length > 0 ? ` Did you mean "${suggestions[0]}"?` : d.allow.length > 0 ? ` Allowed literals: ${d.allow.join(', ')}.` : '';
  return { hint, suggestions };
}

/** The closest candidates by edit distance (case-insensitive), nearest first. */
export function closest(value: string, candidates: readonly string[], max: number): string[] {
  const v = value.toLowerCase();
  const limit = Math.max(2, Math.ceil(value.length / 3));
  return candidates
    .map((c) => ({ c, d: distance(v, c.toLowerCase()) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1))
    .slice(0, max)
    .map((x) => x.c);
}

const CHAIN_FIELDS = new Set(['parent', 'reports_to', 'contributes_to']);

/** `ref/cycle`: parent / reports_to / contributes_to chains that come back to where they started. */
export const cycle: Rule = {
  id: 'ref/cycle',
  check(e, ctx) {
    for (const ref of ctx.referencesOf(e)) {
      if (ref.targetKind !== e.kind || !CHAIN_FIELDS.has(ref.field)) continue;
      const chain = [e.id];
      let current: Entity | undefined = ctx.lookup(e.kind, ref.value)[0];
      const seen = new Set<Entity>([e]);
      while (current) {
        chain.push(current.id);
        if (current === e) {
          ctx.report({
            anchor: ref.anchor,
            ruleId: 'ref/cycle',
            entity: e.id,
            message: `${e.kind} ${e.id}: ${ref.field} loops back to itself (${chain.join(' → ')}); break the chain`,
          });
          break;
        }
        if (seen.has(current)) break;
        seen.add(current);
        const next: Reference | undefined = ctx.referencesOf(current).find((r) => r.field === ref.field && r.targetKind === e.kind);
        current = next ? ctx.lookup(e.kind, next.value)[0] : undefined;
      }
    }
  },
};
