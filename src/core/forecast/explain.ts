import type { Forecast } from './forecast';
import type { KpiForecast } from './kpi';

/**
 * How a forecast was made, in words a person can check with a calculator (findings, hovers,
 * `opsbook tree`, the dashboard's notes): the method, the data it used and the arithmetic.
 * `n` formats a number (the caller's locale).
 */
export function explainForecast(f: Forecast | KpiForecast, unit: string, n: (x: number) => string): string {
  const span = f.from === f.through ? f.from : `${f.from} … ${f.through}`;
  const source = 'source' in f && f.source === 'contributors' ? ` summed from contributing KPIs ${f.contributors.join(', ')}` : '';
  const raw = f.clampedFrom ?? f.value;
  let text: string;
  if (f.method === 'run-rate') {
    const total = f.rate * (f.coveredDays ?? 0);
    text =
      `run rate: ${n(total)} ${unit} in ${f.coveredDays} days to ${f.coveredThrough} (${f.points} ${f.points === 1 ? 'period' : 'periods'}, ${span}${source})` +
      ` = ${n(f.rate)} a day, over ${(f.coveredDays ?? 0) + (f.remainingDays ?? 0)} days = ${n(raw)}`;
  } else if (f.points < 2) {
    text = `trend: one value (${span}${source}), held flat = ${n(raw)}`;
  } else {
    text = `trend: least-squares line through ${f.points} values (${span}${source}), ${f.rate >= 0 ? '+' : ''}${n(f.rate)} a month, read at the period's end = ${n(raw)}`;
  }
  if (f.clampedFrom !== undefined) text += `, clamped to ${n(f.value)}`;
  return text;
}
