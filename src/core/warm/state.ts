import type { CachedState } from '../host';
import type { FileStore } from '../model/store';
import type { ParsedFile } from '../parse/file';
import type { Evaluator, RuleResult } from '../rules/evaluator';
import type { Finding, Range } from '../types';

/**
 * What the workspace computed that is worth keeping, as plain data: what the warm-start cache
 * stores. Hosts see it only as the opaque `CachedState`.
 */
export interface WorkspaceState {
  format: 1;
  today: string;
  files: FileState[];
}

/**
 * One file's part of the state: its parse, the findings of its analysis, its entities' rule
 * results (in the order its analysis lists them), the ranges resolved. Not the rest of its
 * analysis (entities, references): storing them cost a third of writing the cache, and a file
 * is analyzed again without its checks (schemas, vocabularies) in about the time reading them
 * back took. The configuration, which an analysis depends on, is part of the cache's signature.
 */
export interface FileState {
  parsed: ParsedFile;
  findings: Finding[];
  results: (RuleResult | null)[];
  ranges: [string, Range][];
}

/** The state as the host stores it (the same object, seen opaquely). */
export function toCached(state: WorkspaceState): CachedState {
  return state as unknown as CachedState;
}

/** The state the host stored, seen again as what it is. */
export function fromCached(state: CachedState): WorkspaceState {
  return state as unknown as WorkspaceState;
}

/**
 * The files and rule results as they are now, materialized when the returned function is
 * called, with the source ranges these same file records have resolved by then (ranges
 * depend only on a file's text; an edited file gets a new record, so it stays as it was).
 */
export function snapshotState(store: FileStore, evaluator: Evaluator, today: string): () => WorkspaceState {
  const records = [...store.files.values()].map((rec) => ({ rec, results: rec.analysis.entities.map((e) => evaluator.resultOf(e) ?? null) }));
  return () => ({
    format: 1,
    today,
    files: records.map(({ rec, results }) => ({
      parsed: rec.parsed,
      findings: rec.analysis.findings,
      results,
      ranges: rec.ranges ? [...rec.ranges] : [],
    })),
  });
}

/** Restores files of a state, analyzed again; their rule results too when they were computed for the same day. */
export function importFiles(store: FileStore, evaluator: Evaluator, files: readonly FileState[], sameDay: boolean): void {
  for (const f of files) {
    const rec = store.add(f.parsed, f.findings);
    if (f.ranges.length > 0) rec.ranges = new Map(f.ranges);
    if (!sameDay) continue;
    rec.analysis.entities.forEach((e, i) => {
      const r = f.results[i];
      if (r) evaluator.restore(e, r);
    });
  }
}
