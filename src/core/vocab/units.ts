import type { ResolvedConfig } from '../config/types';

/**
 * The vocabulary of units whose values add up (counts, areas): the pack declares it as a
 * default vocabulary, so a company extends it with its own counting words
 * (`vocabularies: { additive-units: { add: [杯, 单] } }`) or replaces it. No field takes its
 * values; rules and views read it to decide how a KPI accrues.
 */
export const ADDITIVE_UNITS = 'additive-units';

/** Whether a KPI's unit adds up over time and across contributors. */
export type UnitClassifier = (unit: unknown) => boolean;

/**
 * The additive units of a configuration, lower-cased: the vocabulary's values and the words
 * aliased to them. Money (an ISO 4217 code, three capital letters) always adds up.
 */
export function additiveUnitList(config: Pick<ResolvedConfig, 'vocabularies'>): string[] {
  const v = config.vocabularies.get(ADDITIVE_UNITS);
  if (!v) return [];
  return [...new Set([...(v.values ?? []), ...Object.keys(v.aliases)].map((u) => u.toLowerCase()))].sort();
}

/** The classifier for a list from `additiveUnitList`. */
export function unitClassifier(additive: readonly string[]): UnitClassifier {
  const set = new Set(additive);
  return (unit) => typeof unit === 'string' && (/^[A-Z]{3}$/.test(unit) || set.has(unit.toLowerCase()));
}
