import type { ConfigProblem } from '../config/types';
import type { InferredKind } from './kinds';
import type { InferredVocabulary, Suspect } from './vocab';

/** A custom field of a kind (`kinds.<kind>.fields.<field>`). */
export interface InferredField {
  kind: string;
  field: string;
  fragment: Record<string, unknown>;
  /** What the values are (`text`, `dates`, `store ids`), for the comment. */
  what: string;
  uses: number;
  /** How many records the kind has (a field used by few of many is worth a second look). */
  of: number;
  files: string[];
}

/** A reference of a custom kind (`references:`). */
export interface InferredReference {
  kind: string;
  path: string;
  target: string;
  uses: number;
  files: string[];
}

export interface Inference {
  kinds: InferredKind[];
  fields: InferredField[];
  references: InferredReference[];
  vocabularies: InferredVocabulary[];
  /** Values and fields left as findings, with the reason, and their line. */
  suspects: (Suspect & { line: number })[];
  files: number;
  records: number;
  /** Problems of the built-in packs (the workspace's own `opsbook.yaml` is never read). */
  problems: ConfigProblem[];
}
