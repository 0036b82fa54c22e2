import type { ConfigProblem, KindConfig, ResolvedConfig } from '../config/types';
import type { ParsedFile } from '../parse/file';
import type { Anchor, Diagnostic, Range, Severity } from '../types';
import type { VocabularyBinding } from '../vocab/bindings';
import type { Entity, Reference } from './entity';

/**
 * A workspace as everything outside the model reads and edits it: the files, what they
 * define, the diagnostics, one file at a time changes. The plan tree, the dashboard, the diff
 * and search are computed from this; `Workspace` implements it.
 */
export interface WorkspaceModel {
  /** The resolved configuration: kinds, packs, rules, vocabularies, include/exclude. */
  readonly config: ResolvedConfig;
  /** Problems of `opsbook.yaml` and its packs found when the workspace was opened. */
  readonly configProblems: readonly ConfigProblem[];
  /** The date date rules and figures are evaluated at (`YYYY-MM-DD`). */
  readonly todayDate: string;
  /** Bumped by every change: a view that kept an older number refreshes. */
  readonly version: number;
  /** How many files the workspace holds. */
  readonly fileCount: number;
  /** How many entities the files define. */
  readonly entityCount: number;

  /** Paths of the files, workspace-relative posix. */
  filePaths(): string[];
  /** A file as parsed (text, YAML documents, Markdown body), undefined when the workspace does not hold it. */
  parsedFile(path: string): ParsedFile | undefined;
  /** The kind a file was read as, undefined when none matched (or the file is not held). */
  fileKind(path: string): string | undefined;
  /** The kind whose `files` globs match a path (for a file not created yet). */
  kindForPath(path: string): string | undefined;
  /** The configuration of a kind. */
  kindConfig(kind: string): KindConfig | undefined;
  /** The vocabularies bound to fields of a kind (completion, hover, quick fixes). */
  vocabularyBindings(kind: string): readonly VocabularyBinding[];
  /** The entities a file defines, in document order. */
  entitiesIn(path: string): Entity[];
  /** The references a file makes. */
  referencesIn(path: string): Reference[];
  /** Every entity, or those of one kind. */
  entities(kind?: string): Entity[];
  /** Ids of `kind` in use: the entities' (in the order read), then those a syntax error keeps from being read. */
  idsInUse(kind: string): string[];
  /** The entity of a kind with an id (the first, when the id is duplicated). */
  get(kind: string, id: string): Entity | undefined;
  /** Entities of any kind with an id. */
  byIdAnyKind(id: string): Entity[];
  /** Entities whose parent is `e` (nested kinds: a plan's objectives). */
  children(e: Entity): Entity[];
  /** References that point at an entity. */
  referencesTo(kind: string, id: string): Reference[];
  /** References an entity makes. */
  referencesFrom(e: Entity): Reference[];
  /** Source range (1-based) of an anchor. */
  rangeOf(anchor: Anchor): Range;
  /** Source range (1-based) of an entity. */
  entityRange(e: Entity): Range;
  /** The severity a rule's findings get here (`off` when disabled). */
  severityOf(ruleId: string, fallback?: Severity): Severity | 'off';
  /** Diagnostics of one file, or of the whole workspace, sorted by file and position. */
  diagnostics(file?: string): Diagnostic[];
  /** The diagnostics of one file, each with the anchor (node path) its finding was made at. */
  anchoredDiagnostics(file: string): { diagnostic: Diagnostic; anchor: Anchor }[];

  /** Replaces (or adds) one file from its contents. Returns the files whose diagnostics may have changed. */
  setFile(path: string, content: Uint8Array | string): Set<string>;
  /** Like `setFile` with a file parsed elsewhere (a worker thread). */
  setParsedFile(parsed: ParsedFile): Set<string>;
  /** Removes a file. Returns the files whose diagnostics may have changed. */
  deleteFile(path: string): Set<string>;
}
