import type { DashboardData, DashboardOptions } from '../dashboard/types';
import type { WorkspaceDiff } from '../diff/types';
import type { WorkspaceModel } from '../model/queries';
import type { PlanTree } from '../plan/tree';
import type { SearchOptions, SearchResponse } from '../search/types';
import type { Diagnostic } from '../types';

/** Options of writing the warm-start cache. */
export interface SaveOptions {
  /** Also write the summary `checkFromCache` reads (default true; the editor does not need it). */
  summary?: boolean;
  /** The workspace's diagnostics, when the caller has just read them all: not materialized again for the summary. */
  diagnostics?: Diagnostic[];
}

/**
 * An opened workspace folder: what every host (CLI, editor, Node scripts) works with. The
 * queries, edits and diagnostics of `WorkspaceModel`, plus the computed views of it (plan
 * tree, dashboard data, diff, search) and the warm-start cache. Returned by `openWorkspace`
 * and `createWorkspace` from `src/core/index.ts`.
 */
export interface OpsbookWorkspace extends WorkspaceModel {
  /** The plans' objectives, KPIs and initiatives as a tree, with targets, actuals and pace. */
  planTree(): PlanTree;
  /** The dashboard's data (KPIs, budget, timeline, registers, health) as plain JSON. */
  dashboard(options?: DashboardOptions): DashboardData;
  /** What changed from `base` (an older version of this folder) to this workspace, with reviews due. */
  diffFrom(base: WorkspaceModel): WorkspaceDiff;
  /**
   * Full-text and field search over the entities. The index is built on the first search and
   * brought up to date with the files edited since, one file at a time.
   */
  search(query: string, options?: SearchOptions): SearchResponse;
  /**
   * Works out the source range of every diagnostic in parallel where the host can (parse
   * workers), so that `diagnostics()` parses nothing; a no-op otherwise. For a host about to
   * read every diagnostic (a full check).
   */
  resolveRanges(): Promise<void>;
  /**
   * Writes the warm-start cache (with the ranges resolved so far: call it after reading the
   * diagnostics). A no-op without a cache or when nothing changed since it was read.
   */
  save(options?: SaveOptions): Promise<void>;
  /**
   * Writes the search index built by `search` to the warm-start cache, where `searchFromCache`
   * answers the next queries from. A no-op without a cache, a search, or after edits.
   */
  saveSearch(): Promise<void>;
  /**
   * Takes the state to cache now and returns the function that writes it, later: source
   * ranges resolved meanwhile for these same files are written too, while files changed
   * meanwhile are written as they were at the snapshot. With `summary: false`, the writer may
   * be given the snapshot's diagnostics for the summary, else none is written.
   */
  snapshot(options?: SaveOptions): (diagnostics?: Diagnostic[]) => Promise<void>;
}
