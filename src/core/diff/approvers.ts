import picomatch from 'picomatch/posix';
import type { ReviewRule } from '../config/types';
import type { Entity } from '../model/entity';
import type { WorkspaceModel as Workspace } from '../model/queries';
import type { EntityChange, RequiredApprover } from './types';

/**
 * The review rules of both sides, without repeats. The base side's rules always count, so a
 * pull request cannot drop the approvers it would need; rules it adds count at once.
 */
export function reviewRules(base: Workspace, head: Workspace): ReviewRule[] {
  const seen = new Set<string>();
  const out: ReviewRule[] = [];
  for (const r of [...base.config.review, ...head.config.review]) {
    const key = JSON.stringify([r.kinds, r.approvers, r.paths ?? null]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

/** Compiled glob matchers of review rules' `paths`, per rule object. */
const matchers = new WeakMap<ReviewRule, (file: string) => boolean>();

/** Whether a review rule covers an entity of `kind` in `file` (no kinds: every kind; no paths: every file). */
export function ruleCovers(rule: ReviewRule, kind: string, files: string[]): boolean {
  if (rule.kinds.length > 0 && !rule.kinds.includes(kind)) return false;
  if (!rule.paths || rule.paths.length === 0) return true;
  let match = matchers.get(rule);
  if (!match) {
    match = picomatch(rule.paths, { dot: true });
    matchers.set(rule, match);
  }
  return files.some((f) => match(f));
}

/** Approvers of one change: people named by the review rules that cover it, then the owner(s). */
export function changeApprovers(
  c: EntityChange,
  rules: ReviewRule[],
  base: Entity | undefined,
  head: Entity | undefined,
): { id: string; reason: 'review-rule' | 'owner' }[] {
  const out: { id: string; reason: 'review-rule' | 'owner' }[] = [];
  const add = (id: unknown, reason: 'review-rule' | 'owner') => {
    if (typeof id === 'string' && id && !out.some((o) => o.id === id)) out.push({ id, reason });
  };
  const files = [c.file, ...(c.previousFile ? [c.previousFile] : [])];
  // A rule for a nested kind (kpi, milestone) covers the plan or project its records changed in.
  const kinds = [...new Set([c.kind, ...c.nested.map((n) => n.kind)])];
  for (const r of rules) if (kinds.some((k) => ruleCovers(r, k, files))) for (const a of r.approvers) add(a, 'review-rule');
  // A change of owner needs the agreement of both.
  add(head?.data['owner'], 'owner');
  add(base?.data['owner'], 'owner');
  return out;
}

/** All required approvers, de-duplicated, with names and GitHub handles from the people register. */
export function collectApprovers(
  perChange: { change: EntityChange; approvers: { id: string; reason: 'review-rule' | 'owner' }[] }[],
  base: Workspace,
  head: Workspace,
): RequiredApprover[] {
  const byId = new Map<string, RequiredApprover>();
  for (const { change, approvers } of perChange) {
    for (const a of approvers) {
      let entry = byId.get(a.id);
      if (!entry) {
        entry = { id: a.id, for: [], reasons: [] };
        const person = head.get('person', a.id) ?? base.get('person', a.id);
        if (person) {
          if (typeof person.data['name'] === 'string') entry.name = person.data['name'];
          if (typeof person.data['github'] === 'string' && person.data['github']) entry.github = person.data['github'];
        }
        byId.set(a.id, entry);
      }
      const label = `${change.kind} ${change.id}`;
      if (!entry.for.includes(label)) entry.for.push(label);
      if (!entry.reasons.includes(a.reason)) entry.reasons.push(a.reason);
    }
  }
  return [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
