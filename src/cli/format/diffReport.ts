import type { ChangeType, EntityChange, WorkspaceDiff } from '../../core';

/** What `opsbook diff` prints: the two sides as the user named them, and the structured diff. */
export interface DiffReport {
  /** Revision names as given on the command line (stable across runs, unlike commit ids). */
  base: string;
  head: string;
  baseCommit: string;
  /** `null` for the working tree. */
  headCommit: string | null;
  diff: WorkspaceDiff;
}

export const CHANGE_TYPES: readonly ChangeType[] = ['added', 'removed', 'modified', 'moved', 'renamed'];

/** Counts of changes per kind and change type, kinds sorted by name. */
export function countByKind(changes: readonly EntityChange[]): { kind: string; counts: Record<ChangeType, number> }[] {
  const m = new Map<string, Record<ChangeType, number>>();
  for (const c of changes) {
    let counts = m.get(c.kind);
    if (!counts) m.set(c.kind, (counts = { added: 0, removed: 0, modified: 0, moved: 0, renamed: 0 }));
    counts[c.change]++;
  }
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, counts]) => ({ kind, counts }));
}

export function reviewCounts(r: DiffReport): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of r.diff.review) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
