// Shared by the dashboard's row types. Imports nothing, so the browser bundle can share it.

/** Where a row comes from: a workspace-relative posix path and a 1-based line. */
export interface SourceRef {
  file: string;
  line: number;
}

/** A group's row points at its first (most urgent) member, when there is one. */
export interface OptionalRef {
  file?: string;
  line?: number;
}

/** How a KPI or a plan is doing against its target at this point of its period. */
export type Pace = 'on-track' | 'at-risk' | 'off-track';
