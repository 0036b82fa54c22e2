import type { CachedState } from '../host';
import type { FileAnalysis } from '../model/analyzer';
import type { FileStore } from '../model/store';
import type { ParsedFile } from '../parse/file';
import type { Evaluator, RuleResult } from '../rules/evaluator';
import type { Range } from '../types';

/**
 * Everything the workspace computed, as plain data (entities shared between files' analyses,
 * references and parents stay shared objects): what the warm-start cache stores. Hosts see it
 * only as the opaque `CachedState`.
 */
export interface WorkspaceState {
  format: 1;
  today: string;
  files: FileState[];
}

/** One file's part of the state: its parse, its analysis, its entities' rule results, the ranges resolved. */
export interface FileState {
  parsed: ParsedFile;
  analysis: FileAnalysis;
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
    files: records.map(({ rec, results }) => ({ parsed: rec.parsed, analysis: rec.analysis, results, ranges: rec.ranges ? [...rec.ranges] : [] })),
  });
}

/** Restores files of a state; their rule results too when they were computed for the same day. */
export function importFiles(store: FileStore, evaluator: Evaluator, files: readonly FileState[], sameDay: boolean): void {
  for (const f of files) {
    const rec: { parsed: ParsedFile; analysis: FileAnalysis; ranges?: Map<string, Range> } = { parsed: f.parsed, analysis: f.analysis };
    if (f.ranges.length > 0) rec.ranges = new Map(f.ranges);
    store.restore(rec);
    if (!sameDay) continue;
    f.analysis.entities.forEach((e, i) => {
      const r = f.results[i];
      if (!r) return;
      evaluator.restore(e, r);
    });
  }
}
