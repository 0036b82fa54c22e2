const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const dec = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? int.format(n) : dec.format(n);
}

export function formatMoney(n: number, currency: string): string {
  return `${int.format(Math.round(n))}${currency ? ` ${currency}` : ''}`;
}

export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(ratio >= 10 ? 0 : 1)}%`;
}
