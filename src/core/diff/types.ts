import type { Diagnostic, JsonValue } from '../types';

/** How a top-level entity changed between the base and the head side. */
export type ChangeType = 'added' | 'removed' | 'modified' | 'moved' | 'renamed';

/** One changed value inside an entity, addressed by a readable path (`objectives[OBJ-X].kpis[KPI-Y].actual`). */
export interface FieldChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  /** Absent when the value did not exist on the base side. */
  before?: JsonValue;
  /** Absent when the value does not exist on the head side. */
  after?: JsonValue;
  /** Numbers only: `after - before`. */
  delta?: number;
  /** Numbers only, when `before` is not 0: the change in percent of `before` (10 = +10%), to two decimals. */
  percent?: number;
  /** Lists of plain values are compared as sets: the items that appeared and disappeared. */
  added?: JsonValue[];
  removed?: JsonValue[];
  /** The innermost nested entity (KPI, milestone…) the path lies in, so nested changes stay addressable. */
  entity?: { kind: string; id: string };
  /** The value follows an id renamed in the same change (a reference kept up to date). */
  followsRename?: { kind: string; from: string; to: string };
}

/** A Markdown body section (heading) added, removed, reworded or retitled. */
export interface SectionChange {
  /** Heading on the head side (base side for removed sections); `''` for text before the first heading. */
  heading: string;
  change: 'added' | 'removed' | 'changed' | 'renamed';
  /** Heading on the base side when it differs (renumbered or retitled clause). */
  previousHeading?: string;
  /** Clause number (`3.2`) when the heading is numbered. */
  clause?: string;
  level: number;
  /** Whether the text under the heading changed (always true for `changed`; `renamed` may be heading-only). */
  textChanged: boolean;
  /** A few word-level hunks with context, in document order. */
  hunks?: WordHunk[];
  /** Number of hunks found (may exceed `hunks.length`, which is capped). */
  hunkCount?: number;
  /** 1-based line of the heading on the head side (base side for removed sections). */
  line: number;
}

/** A word-level change with a little context on each side. Words are joined with single spaces. */
export interface WordHunk {
  before: string;
  removed: string;
  added: string;
  after: string;
  /** Context was cut at the start / end. */
  leadingCut: boolean;
  trailingCut: boolean;
}

/** A nested entity (objective, KPI, milestone…) changed inside a top-level entity. */
export interface NestedChange {
  kind: string;
  id: string;
  change: 'added' | 'removed' | 'modified' | 'moved';
  /** Top-level entity it was in on the base side, when it moved from another one. */
  previousParent?: { kind: string; id: string };
}

/** A finding of a review rule about one change. Same shape as every other diagnostic. */
export type ReviewDiagnostic = Diagnostic & { entity: string };

export interface EntityChange {
  kind: string;
  id: string;
  title: string;
  change: ChangeType;
  /** Head file (base file for removed entities). */
  file: string;
  /** 1-based line of the entity on the side `file` belongs to. */
  line: number;
  /** Base file, when the entity moved between files. */
  previousFile?: string;
  /** Base id, when the entity was renamed. */
  previousId?: string;
  /** Empty for added and removed entities; may be non-empty for moved and renamed ones (moved and modified). */
  fields: FieldChange[];
  sections: SectionChange[];
  nested: NestedChange[];
  /** Person ids whose approval is required, review-rule approvers first, then the owner. */
  approvers: string[];
  /** Rule ids of review findings about this change. */
  review: string[];
  /** Status on each side, for phrasing ("approved standard…"). */
  status?: { before?: string; after?: string };
  version?: { before?: string; after?: string };
}

/** A file whose contents could not be read into entities on one side. */
export interface ParseFailure {
  file: string;
  side: 'base' | 'head';
  line: number;
  ruleId: string;
  message: string;
  /** Entities of the other side that cannot be compared because of this failure. */
  entities: string[];
}

/** A person whose approval is required, and for which changes. */
export interface RequiredApprover {
  id: string;
  name?: string;
  github?: string;
  /** `kind id` of the changes that need this approval. */
  for: string[];
  /** Why: named in a review rule, or owner of a changed document. */
  reasons: ('review-rule' | 'owner')[];
}

export interface WorkspaceDiff {
  changes: EntityChange[];
  parseErrors: ParseFailure[];
  /** Review rule findings (`review/version-not-bumped`, `review/approval-stale`). */
  review: ReviewDiagnostic[];
  approvers: RequiredApprover[];
  /** `check` diagnostics on the head side that the base side does not have. */
  introduced: Diagnostic[];
  /** `check` diagnostics of the base side that the head side no longer has. */
  resolved: Diagnostic[];
}
