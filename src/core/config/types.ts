import type { PackSource } from '../host';
import type { SeveritySetting } from '../types';

export type Layout = 'markdown' | 'single' | 'list' | 'map' | 'none';

/** A JSON Schema loaded from a pack or the workspace. */
export interface LoadedSchema {
  /** Where it came from, for messages: `ops:plan.schema.json`, `schema/team.schema.json`. */
  origin: string;
  json: Record<string, unknown>;
}

export interface NestedSpec {
  kind: string;
  /** Path pattern from the parent entity, e.g. `objectives[].kpis[]`. */
  path: string;
}

export interface KindConfig {
  name: string;
  files: string[];
  layout?: Layout;
  listKey?: string;
  id: string;
  title?: string;
  schema?: LoadedSchema;
  fileSchema?: LoadedSchema;
  nested: NestedSpec[];
  /** The pack (or `opsbook.yaml`) that last defined this kind. */
  origin: string;
}

export interface ReferenceSpec {
  kind: string;
  path: string;
  /** A kind, or `kind.field`. */
  target: string;
  allow: string[];
}

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

export interface ReviewRule {
  kinds: string[];
  approvers: string[];
  paths?: string[];
}

export interface TemplateRef {
  source: PackSource;
  path: string;
}

export interface ResolvedConfig {
  include: string[];
  exclude: string[];
  today?: string;
  packs: string[];
  kinds: Map<string, KindConfig>;
  references: ReferenceSpec[];
  rules: Map<string, RuleSetting>;
  review: ReviewRule[];
  templates: Map<string, TemplateRef>;
}

/** A problem with `opsbook.yaml` or a pack: the CLI exits 2, the editor shows a diagnostic. */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}
