/**
 * Axis ticks at a round step (1, 2 or 5 × 10ⁿ), about five of them up to `max`; `whole`: never
 * between whole numbers (counts of people or stores have no half).
 */
export function niceTicks(max: number, whole = false): number[] {
  const raw = max / 5;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / p;
  const round = (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
  const step = whole ? Math.max(1, round) : round;
  const out: number[] = [];
  for (let i = 0; i * step <= max * (1 + 1e-9); i++) out.push(Number((i * step).toPrecision(12)));
  return out;
}

/** Whether every value is a whole number (and there is one): the axis of a count. */
export function allWhole(values: readonly number[]): boolean {
  return values.length > 0 && values.every((v) => Number.isInteger(v));
}
