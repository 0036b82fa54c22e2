import type { Entity, Reference } from '../model/entity';
import type { Finding } from '../types';
import type { UnitClassifier } from '../vocab/units';

/**
 * What a rule may read. Every lookup records a dependency, so after a file changes only the
 * entities whose rules read something that changed are checked again.
 */
export interface RuleContext {
  readonly today: string;
  /** Month (1–12) in which fiscal periods (`FY2026-Q1`) start, from the configuration. */
  readonly fiscalYearStart: number;
  /** Whether a KPI unit adds up (money, counts, the company's `additive-units`); %, scores and days do not. */
  readonly isAdditive: UnitClassifier;
  /** Options of the rule from packs and `opsbook.yaml` (`days` for contract-expiring…). */
  options(ruleId: string): Record<string, unknown>;
  /** Entities of `kind` with `id` (several when the id is duplicated). */
  lookup(kind: string, id: string): Entity[];
  /** Entities of any kind with `id`. */
  lookupAnyKind(id: string): Entity[];
  /** Entities of a kind whose `field` equals `value` (for `kind.field` references). */
  lookupByField(kind: string, field: string, value: string): Entity[];
  /** All entities of a kind. */
  all(kind: string): Entity[];
  /** All ids of a kind (for did-you-mean). */
  ids(kind: string): Iterable<string>;
  /** Whether an entity of `kind` with `id` exists but could not be read (its node holds a YAML syntax error). */
  unreadable(kind: string, id: string): boolean;
  /** References that name `id` as a `kind`. */
  referrers(kind: string, id: string): Reference[];
  /** References held by the entity itself. */
  referencesOf(entity: Entity): Reference[];
  /** Nested entities directly inside `entity`. */
  children(entity: Entity): Entity[];
  report(finding: Finding): void;
}

/** A rule: a stable id and a check run once per entity of the kinds it names. */
export interface Rule {
  id: string;
  /** Kinds the rule applies to; undefined: every kind. */
  kinds?: readonly string[];
  /** Extra rule ids the check may report (a rule family). */
  reports?: readonly string[];
  check(entity: Entity, ctx: RuleContext): void;
}
