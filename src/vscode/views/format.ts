/** Short number formats for tree labels, where width is scarce; tooltips carry the full figures. */

const full = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

const SCALES: readonly [number, string][] = [
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** `74300000` → `74.3M`, `800000` → `800K`, `8500` → `8.5K`, `3.6` → `3.6`. One decimal at most. */
export function compact(n: number): string {
  const abs = Math.abs(n);
  const i = SCALES.findIndex(([scale]) => abs >= scale);
  if (i === -1) return full.format(n);
  const sign = n < 0 ? '-' : '';
  const [scale, suffix] = SCALES[i] as [number, string];
  const rounded = Math.round((abs / scale) * 10) / 10;
  const up = SCALES[i - 1];
  // 999,960 rounds to 1000K: say 1M instead.
  if (rounded >= 1000 && up) return `${sign}${Math.round((abs / up[0]) * 10) / 10}${up[1]}`;
  return `${sign}${rounded}${suffix}`;
}

/** Full figure with thousands separators: `7500000` → `7,500,000`. */
export function fullNumber(n: number): string {
  return full.format(n);
}

/** `7500000, 'CNY'` → `7,500,000 CNY`. */
export function fullMoney(n: number, currency: string | undefined): string {
  return currency ? `${full.format(n)} ${currency}` : full.format(n);
}

/** `7500000, 'CNY'` → `7.5M CNY`. */
export function compactMoney(n: number, currency: string | undefined): string {
  return currency ? `${compact(n)} ${currency}` : compact(n);
}

/** Ratio as a whole percentage for labels: `0.777` → `78%`. */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** Ratio with one decimal for tooltips: `0.7771` → `77.7%`. */
export function precisePercent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

/** A value with its unit: `%` sticks to the number, currencies and words follow after a space. */
export function withUnit(text: string, unit: string): string {
  if (!unit) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/** `3 plans`, `1 plan`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
