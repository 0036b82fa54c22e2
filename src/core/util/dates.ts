/** Date helpers on ISO `YYYY-MM-DD` strings; string comparison orders them correctly. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = ISO.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(iso: string, months: number): string {
  const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

/** First and last day of a period `YYYY`, `YYYY-H1|H2`, `YYYY-Q1..Q4`; undefined when malformed. */
export function periodRange(period: unknown): { start: string; end: string } | undefined {
  if (typeof period !== 'string') return undefined;
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]))?$/.exec(period);
  if (!m) return undefined;
  const y = m[1] as string;
  const part = m[2];
  const span = (m1: number, m2: number) => ({ start: `${y}-${String(m1).padStart(2, '0')}-01`, end: addDays(addMonths(`${y}-${String(m2).padStart(2, '0')}-01`, 1), -1) });
  if (!part) return span(1, 12);
  if (part === 'H1') return span(1, 6);
  if (part === 'H2') return span(7, 12);
  const q = Number(part.slice(1));
  return span(q * 3 - 2, q * 3);
}

/** Share of a period elapsed at `today`, clamped to 0..1. */
export function elapsedShare(period: unknown, today: string): number | undefined {
  const r = periodRange(period);
  if (!r) return undefined;
  const total = daysBetween(r.start, r.end) + 1;
  const done = daysBetween(r.start, today) + 1;
  return Math.max(0, Math.min(1, done / total));
}
