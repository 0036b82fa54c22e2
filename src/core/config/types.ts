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
  /** Optional id convention (rule `id/pattern`, `opsbook new`). */
  idPattern?: string;
  /** Custom fields merged into the kind's schema, by field name (JSON Schema fragments, `ref:`, `vocab:`). */
  fields: Record<string, Record<string, unknown>>;
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

/**
 * Vocabulary classes (SPEC 3.3): `rule` — rules depend on the meaning, extendable by aliases only;
 * `default` — the pack's list, extendable or replaceable; `company` — open until declared.
 */
export type VocabularyClass = 'rule' | 'default' | 'company';

export interface VocabularyConfig {
  name: string;
  class: VocabularyClass;
  /** The allowed values; `undefined` while a company vocabulary is open (undeclared). */
  values?: string[];
  /** `false`: a value outside the list is a warning, not an error. */
  strict: boolean;
  /** The company's words → values of the list. */
  aliases: Record<string, string>;
  description?: string;
  /** The pack (or `opsbook.yaml`) that last changed it. */
  origin: string;
}

export interface ResolvedConfig {
  include: string[];
  exclude: string[];
  today?: string;
  /** Month (1–12) in which fiscal periods start (default 1). */
  fiscalYearStart: number;
  /** BCP 47 locale for numbers, money and dates in views and reports. */
  locale?: string;
  packs: string[];
  kinds: Map<string, KindConfig>;
  references: ReferenceSpec[];
  rules: Map<string, RuleSetting>;
  vocabularies: Map<string, VocabularyConfig>;
  review: ReviewRule[];
  templates: Map<string, TemplateRef>;
}

/** A problem with `opsbook.yaml` or a pack: the CLI exits 2, the editor shows a diagnostic. */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  /** Where the offending text ends (1-based, exclusive), when it is known; else the problem is a point. */
  endLine?: number;
  endColumn?: number;
  /** `config/invalid` when not given; see `config/diagnostics.ts` for the set. */
  ruleId?: ConfigRuleId;
  message: string;
}

/** Rule ids of configuration problems: a small, documented set (README, Rules). */
export type ConfigRuleId = 'config/invalid' | 'config/pack-missing' | 'config/schema-missing';
