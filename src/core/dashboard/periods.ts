import { comparePeriods, periodWithin } from '../period/order';
import { parsePeriod, periodLabel } from '../period/parse';
import type { PeriodOption } from './types';

/**
 * The period filter's choices: every period in use, in time order, each covering the periods
 * that lie within it, so choosing `FY2026` also shows the plans of `FY2026-Q1` and `2026-06`.
 */
export function periodOptions(used: Iterable<string | undefined>, fiscalYearStart: number): PeriodOption[] {
  const values = [...new Set([...used].filter((v): v is string => v !== undefined && v !== ''))].sort((a, b) => comparePeriods(a, b, fiscalYearStart));
  return values.map((value) => {
    const option: PeriodOption = {
      value,
      label: periodLabel(value, fiscalYearStart),
      covers: values.filter((v) => v === value || periodWithin(v, value, fiscalYearStart)),
    };
    const p = parsePeriod(value, fiscalYearStart);
    if (p) {
      option.start = p.start;
      option.end = p.end;
    }
    return option;
  });
}
