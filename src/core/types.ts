/** 1-based line and column, as editors show them. Converted to 0-based only at the VS Code edge. */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A path into a parsed YAML value: keys and array indexes from the document root. */
export type NodePath = readonly (string | number)[];

/** Which part of a node a finding points at. */
export type AnchorPart = 'key' | 'value' | 'entity';

/**
 * Where a finding points before ranges are resolved. Ranges are resolved lazily through the
 * file's position map, so files without findings never pay for source positions.
 */
export interface Anchor {
  file: string;
  /** Index of the YAML document within the file (multi-document YAML), 0 for most files. */
  doc: number;
  path: NodePath;
  part: AnchorPart;
}

export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

/** A text edit proposed by a quick fix. Ranges are 1-based; `end` is exclusive. */
export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** The one diagnostic shape used by the CLI, the editor and the report. */
export interface Diagnostic {
  file: string;
  range: Range;
  severity: Severity;
  ruleId: string;
  message: string;
  /** Id of the entity the finding is about, when there is one. */
  entity?: string;
  related?: RelatedLocation[];
  /** Values a quick fix can offer (did-you-mean ids, enum values, a missing field name). */
  suggestions?: string[];
  fixes?: Fix[];
}

/** A finding before its ranges are resolved. Rules produce these. */
export interface Finding {
  anchor: Anchor;
  ruleId: string;
  message: string;
  entity?: string;
  /** `range`, when given, is exact (a place no YAML node path reaches, e.g. a repeated key). */
  related?: { anchor: Anchor; message: string; range?: Range }[];
  suggestions?: string[];
  /** Overrides the configured severity (used by file-level problems that have no rule setting). */
  severity?: Severity;
  /** Caps the configured severity: a value outside a vocabulary declared `strict: false` only warns. */
  maxSeverity?: Severity;
  /** A precise range when the finding is not tied to a YAML node (syntax errors). */
  range?: Range;
  /**
   * Did-you-mean suggestions, computed when the diagnostic is read from the ids that exist
   * then: a rule that reported a missing id does not depend on every id of the kind. Plain
   * data (no closures) so findings can be cached on disk.
   */
  didYouMean?: { kind: string; field?: string; value: string; allow: readonly string[] };
}

/** Plain JSON value as read from YAML. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
