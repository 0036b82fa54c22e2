/**
 * Numbers, money, percents and dates as a person reads them, in the workspace's `locale:`
 * (default `en`). One formatter for the CLI, the tree views, the dashboard webview and the
 * report, so one value reads the same everywhere. Built on `Intl`, which Node and browsers
 * both provide; no host import.
 */

/** The locale used when `opsbook.yaml` names none. */
export const DEFAULT_LOCALE = 'en';

/** Shown for a missing value. */
export const NONE = '–';

/** A BCP 47 tag `Intl` accepts, else the default: a typo in `locale:` must not break a view. */
export function resolveLocale(locale: string | undefined): string {
  if (!locale) return DEFAULT_LOCALE;
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** An ISO 4217 code as written in documents (`CNY`, `usd`): upper case, three letters. */
function currencyCode(currency: string | undefined): string | undefined {
  const c = currency?.trim().toUpperCase();
  return c && /^[A-Z]{3}$/.test(c) ? c : undefined;
}

interface MoneyFormats {
  whole: Intl.NumberFormat;
  cents: Intl.NumberFormat;
  compact: Intl.NumberFormat;
  /** The number alone with the currency's minor digits, for `1,280.50 CNY`. */
  plainCents: Intl.NumberFormat;
}

/** Formats for one locale; formatters are built once and cached (Intl construction is the slow part). */
export class Formatter {
  readonly locale: string;
  private readonly int: Intl.NumberFormat;
  private readonly dec: Intl.NumberFormat;
  private readonly short: Intl.NumberFormat;
  private readonly dec1: Intl.NumberFormat;
  private readonly compactInFull: boolean;
  private readonly pct: Intl.NumberFormat;
  private readonly pct0: Intl.NumberFormat;
  private readonly longDateFormat: Intl.DateTimeFormat;
  private monthFormat: Intl.DateTimeFormat | undefined;
  private readonly money = new Map<string, MoneyFormats>();

  constructor(locale?: string) {
    this.locale = resolveLocale(locale);
    const l = this.locale;
    this.int = new Intl.NumberFormat(l, { maximumFractionDigits: 0 });
    this.dec = new Intl.NumberFormat(l, { maximumFractionDigits: 2 });
    this.short = new Intl.NumberFormat(l, { notation: 'compact', maximumFractionDigits: 1 });
    this.dec1 = new Intl.NumberFormat(l, { maximumFractionDigits: 1 });
    this.compactInFull = !/\p{L}/u.test(this.short.format(10_000));
    this.pct = new Intl.NumberFormat(l, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    this.pct0 = new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 0 });
    this.longDateFormat = new Intl.DateTimeFormat(l, { dateStyle: 'long', timeZone: 'UTC' });
  }

  /** `7500000` → `7,500,000`; decimals to two places: `3.456` → `3.46`. */
  number(n: number | undefined): string {
    if (n === undefined || !Number.isFinite(n)) return NONE;
    return Number.isInteger(n) ? this.int.format(n) : this.dec.format(n);
  }

  /**
   * Short, for labels where width is scarce: `74.3M` (en), `7430万` (zh-CN). A locale whose
   * compact form writes five-digit numbers in full (German: `24.000`) gets every number it does
   * not abbreviate grouped the same way: its compact form alone would print `7450` beside it.
   */
  compact(n: number | undefined): string {
    if (n === undefined || !Number.isFinite(n)) return NONE;
    const short = this.short.format(n);
    return this.compactInFull && !/\p{L}/u.test(short) ? this.dec1.format(n) : short;
  }

  /** Ratio with one decimal: `0.7771` → `77.7%`. */
  percent(ratio: number | undefined): string {
    if (ratio === undefined || !Number.isFinite(ratio)) return NONE;
    return this.pct.format(ratio);
  }

  /** Ratio as a whole percentage, for labels and axis ticks: `0.7771` → `78%`. */
  percentWhole(ratio: number | undefined): string {
    if (ratio === undefined || !Number.isFinite(ratio)) return NONE;
    return this.pct0.format(ratio);
  }

  /**
   * Money in the entity's currency: `CN¥1,280` (en), `¥1,280` (zh-CN), `$1,280.50`. Whole
   * amounts print without decimals; others with the currency's own minor digits (JPY none,
   * CNY and USD two). Without a (valid) currency code the plain number, a code that is not
   * ISO 4217-shaped follows the number as written. `code: true` writes the ISO code after the
   * number (`1,280 CNY`), for plain text where a symbol could be ambiguous (the CLI).
   */
  currency(n: number | undefined, currency: string | undefined, opts: { compact?: boolean; code?: boolean } = {}): string {
    if (n === undefined || !Number.isFinite(n)) return NONE;
    const code = currencyCode(currency);
    if (!code) {
      const plain = opts.compact ? this.compact(n) : this.number(n);
      return currency?.trim() ? `${plain} ${currency.trim()}` : plain;
    }
    const f = this.moneyFormats(code);
    if (opts.code) {
      const plain = opts.compact ? this.compact(n) : Number.isInteger(n) ? this.int.format(n) : f.plainCents.format(n);
      return `${plain} ${code}`;
    }
    if (opts.compact) return f.compact.format(n);
    return (Number.isInteger(n) ? f.whole : f.cents).format(n);
  }

  /** A value with its unit: money for currency codes, `3.5%`, `104 days`; `count` and `''` say nothing. */
  unit(n: number | undefined, unit: string | undefined, opts: { compact?: boolean } = {}): string {
    if (n === undefined || !Number.isFinite(n)) return NONE;
    const u = unit?.trim() ?? '';
    if (/^[A-Z]{3}$/.test(u)) return this.currency(n, u, opts);
    const v = opts.compact ? this.compact(n) : this.number(n);
    if (u === '%') return `${v}%`;
    if (u === '' || u === 'count') return v;
    return `${v} ${u}`;
  }

  /** A long date where one is shown in words: `June 15, 2026` (en), `2026年6月15日` (zh-CN); other text as it is. */
  longDate(iso: string | undefined): string {
    if (!iso) return NONE;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!m) return iso;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCMonth() !== Number(m[2]) - 1) return iso;
    return this.longDateFormat.format(d);
  }

  /** A month for axis ticks: `Jun 2026` (en), `2026年6月` (zh-CN), from `2026-06` or a date in it; other text as it is. */
  month(iso: string): string {
    const m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(iso);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return iso;
    this.monthFormat ??= new Intl.DateTimeFormat(this.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return this.monthFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
  }

  private moneyFormats(code: string): MoneyFormats {
    let f = this.money.get(code);
    if (!f) {
      const base = { style: 'currency', currency: code } as const;
      const cents = new Intl.NumberFormat(this.locale, base);
      const digits = cents.resolvedOptions().maximumFractionDigits ?? 2;
      f = {
        whole: new Intl.NumberFormat(this.locale, { ...base, minimumFractionDigits: 0, maximumFractionDigits: 0 }),
        cents,
        compact: new Intl.NumberFormat(this.locale, { ...base, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }),
        plainCents: new Intl.NumberFormat(this.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
      };
      this.money.set(code, f);
    }
    return f;
  }
}
