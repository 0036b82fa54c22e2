import type { Diagnostic } from '../types';

/**
 * Diagnostics of the head side that the base side does not have, and the reverse. Lines are
 * ignored (edits above a finding shift it); a finding about an entity that moved to another
 * file is still the same finding.
 */
export function compareDiagnostics(base: readonly Diagnostic[], head: readonly Diagnostic[]): { introduced: Diagnostic[]; resolved: Diagnostic[] } {
  const withFile = (d: Diagnostic) => `${d.file}\u0000${d.ruleId}\u0000${d.entity ?? ''}\u0000${d.message}`;
  const withoutFile = (d: Diagnostic) => `${d.ruleId}\u0000${d.entity ?? ''}\u0000${d.message}`;
  const first = cancel(base, head, withFile, () => true);
  const second = cancel(first.left, first.right, withoutFile, (d) => !!d.entity);
  return { introduced: second.right, resolved: second.left };
}

/** Removes pairs with equal keys from both lists (each base finding cancels one head finding). */
function cancel(
  left: readonly Diagnostic[],
  right: readonly Diagnostic[],
  key: (d: Diagnostic) => string,
  applies: (d: Diagnostic) => boolean,
): { left: Diagnostic[]; right: Diagnostic[] } {
  const pool = new Map<string, Diagnostic[]>();
  for (const d of left) {
    if (!applies(d)) continue;
    const k = key(d);
    const list = pool.get(k);
    if (list) list.push(d);
    else pool.set(k, [d]);
  }
  const matched = new Set<Diagnostic>();
  const rest: Diagnostic[] = [];
  for (const d of right) {
    const m = applies(d) ? pool.get(key(d))?.shift() : undefined;
    if (m) matched.add(m);
    else rest.push(d);
  }
  return { left: left.filter((d) => !matched.has(d)), right: rest };
}
