/** Number, money, percent and date formatting with the viewer's locale (Intl). */
export class Format {
  private readonly num: Intl.NumberFormat;
  private readonly dec: Intl.NumberFormat;
  private readonly pct: Intl.NumberFormat;
  private readonly compact: Intl.NumberFormat;
  private readonly pct0: Intl.NumberFormat;
  private readonly money = new Map<string, Intl.NumberFormat | undefined>();
  private readonly moneyCompact = new Map<string, Intl.NumberFormat | undefined>();

  constructor(private readonly locale: string | undefined) {
    this.num = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    this.dec = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    this.pct = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    this.compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    this.pct0 = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  }

  number(n: number | undefined): string {
    if (n === undefined) return '–';
    return Number.isInteger(n) ? this.num.format(n) : this.dec.format(n);
  }

  percent(ratio: number | undefined): string {
    return ratio === undefined ? '–' : this.pct.format(ratio);
  }

  /** Whole percent, for axis ticks. */
  percentShort(ratio: number): string {
    return this.pct0.format(ratio);
  }

  /** Money in a currency (ISO 4217); an unknown code falls back to "1,234 XYZ". */
  currency(n: number | undefined, currency: string | undefined, compact = false): string {
    if (n === undefined) return '–';
    if (!currency) return compact ? this.compact.format(n) : this.number(n);
    const cache = compact ? this.moneyCompact : this.money;
    if (!cache.has(currency)) {
      try {
        cache.set(currency, new Intl.NumberFormat(this.locale, compact ? { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 } : { style: 'currency', currency, maximumFractionDigits: 0 }));
      } catch {
        cache.set(currency, undefined);
      }
    }
    const f = cache.get(currency);
    return f ? f.format(n) : `${compact ? this.compact.format(n) : this.number(n)} ${currency}`;
  }

  /** A KPI value with its unit: money for currency codes, "3.5 %", "104 days", "57 score". */
  unit(n: number | undefined, unit: string, compact = false): string {
    if (n === undefined) return '–';
    if (/^[A-Z]{3}$/.test(unit)) return this.currency(n, unit, compact);
    const v = compact ? this.compact.format(n) : this.number(n);
    if (unit === '%') return `${v} %`;
    if (unit === '' || unit === 'count') return v;
    return `${v} ${unit}`;
  }

  /** "in 46 days", "15 days ago", "today". */
  days(n: number | undefined): string {
    if (n === undefined) return '–';
    if (n === 0) return 'today';
    const abs = this.number(Math.abs(n));
    const word = Math.abs(n) === 1 ? 'day' : 'days';
    return n > 0 ? `in ${abs} ${word}` : `${abs} ${word} ago`;
  }
}

/** Human label of a slug: `in-review` → "in review". */
export function label(slug: string | undefined): string {
  return slug === undefined ? '–' : slug.replace(/-/g, ' ');
}
