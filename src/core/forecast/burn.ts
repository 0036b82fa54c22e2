import { num, str, type Entity, type Reference } from '../model/entity';
import { daysBetween, isIsoDate } from '../util/dates';
import { parsePeriod, type PeriodRange } from '../period/parse';

/** One calendar month of a plan's burn: spent in it, cumulative spent and expected at its end. */
export interface BurnMonth {
  month: string;
  spent: number;
  /** Cumulative spent by the month's end; absent for months after today's. */
  cumulative?: number;
  /** Cumulative amount the phasing (or elapsed time) expects by the month's last day. */
  expected: number;
}

/** How much of a plan's budget is spent against how much should be by today. */
export interface Burn {
  budget: number;
  /** Dated expenses on or before today, booked to the plan's initiatives, their projects and sub-plans. */
  spent: number;
  expenses: number;
  /** spent / budget and the expected share at today (1 = 100 %). */
  spentShare: number;
  expectedShare: number;
  /** `phasing`: the budget's shares by period; `elapsed`: the elapsed share of the plan's period. */
  method: 'phasing' | 'elapsed';
  /** Month by month over the plan's period (and any earlier month with spending). */
  months: BurnMonth[];
}

/** Reads references to an entity (a rule's `ctx.referrers`, a model's `referencesTo`). */
export type Referrers = (kind: string, id: string) => readonly Reference[];

/**
 * The expenses booked to a plan: those naming one of its initiatives (and no project), those of
 * projects carrying out one of its initiatives (`plan:` on the project), and those of its
 * sub-plans (`parent:`), each once. The same links `initiativeSpent` follows; `parentOf` reads a
 * plan's `parent`.
 */
export function planExpenses(
  plan: Entity,
  referrers: Referrers,
  children: (e: Entity) => readonly Entity[],
  parentOf: (p: Entity) => Entity | undefined,
): Entity[] {
  const out = new Set<Entity>();
  // A parent chain that loops (ref/cycle) makes a plan its own sub-plan: its ancestors are never counted below it.
  const seen = new Set<Entity>();
  for (let a = parentOf(plan); a && !seen.has(a); a = parentOf(a)) seen.add(a);
  const visit = (p: Entity): void => {
    if (seen.has(p)) return;
    seen.add(p);
    for (const o of children(p)) {
      for (const i of children(o)) {
        if (i.kind !== 'initiative') continue;
        for (const r of referrers('initiative', i.id)) {
          if (r.from.kind === 'expense' && r.field === 'initiative' && !str(r.from.data['project'])) out.add(r.from);
          if (r.from.kind === 'project' && r.field === 'plan')
            for (const x of referrers('project', r.from.id)) if (x.from.kind === 'expense' && x.field === 'project') out.add(x.from);
        }
      }
    }
    for (const r of referrers('plan', p.id)) if (r.from.kind === 'plan' && r.field === 'parent') visit(r.from);
  };
  visit(plan);
  return [...out];
}

/**
 * The share of a budget expected to be spent by the end of `today`. With `phasing` (`{ 2026-Q1:
 * 0.2, … }`, shares relative to their sum) each period counts its share times the elapsed part
 * of its days; without it, the elapsed share of the plan's period. Undefined without a period or
 * with phasing whose shares sum to nothing.
 */
export function expectedShare(
  range: PeriodRange,
  phasing: unknown,
  today: string,
  fiscalYearStart: number,
): { share: number; method: 'phasing' | 'elapsed' } | undefined {
  const parts = phasingParts(phasing, fiscalYearStart);
  if (parts) {
    const total = parts.reduce((s, p) => s + p.share, 0);
    if (total <= 0) return undefined;
    return { share: parts.reduce((s, p) => s + p.share * elapsed(p, today), 0) / total, method: 'phasing' };
  }
  return { share: elapsed(range, today), method: 'elapsed' };
}

function phasingParts(phasing: unknown, fiscalYearStart: number): (PeriodRange & { share: number })[] | undefined {
  if (!phasing || typeof phasing !== 'object' || Array.isArray(phasing)) return undefined;
  const parts: (PeriodRange & { share: number })[] = [];
  for (const [k, v] of Object.entries(phasing as Record<string, unknown>)) {
    const p = parsePeriod(k, fiscalYearStart);
    const share = num(v);
    if (p && share !== undefined && share >= 0) parts.push({ start: p.start, end: p.end, share });
  }
  return parts.length > 0 ? parts : undefined;
}

/** Elapsed share of a span of days at the end of `day`, 0..1. */
function elapsed(r: PeriodRange, day: string): number {
  if (day < r.start) return 0;
  if (day >= r.end) return 1;
  return (daysBetween(r.start, day) + 1) / (daysBetween(r.start, r.end) + 1);
}

/** A plan's burn at `today`; undefined without a budget above 0 or a period. */
export function planBurn(plan: Entity, expenses: readonly Entity[], today: string, fiscalYearStart: number): Burn | undefined {
  const budget = num((plan.data['budget'] as Record<string, unknown> | undefined)?.['amount']);
  const period = parsePeriod(plan.data['period'], fiscalYearStart);
  if (budget === undefined || budget <= 0 || !period) return undefined;
  const phasing = (plan.data['budget'] as Record<string, unknown>)['phasing'];
  const now = expectedShare(period, phasing, today, fiscalYearStart);
  if (!now) return undefined;
  const byMonth = new Map<string, number>();
  let spent = 0;
  let count = 0;
  for (const x of expenses) {
    const date = x.data['date'];
    const amount = num(x.data['amount']);
    if (!isIsoDate(date) || amount === undefined || date > today) continue;
    spent += amount;
    count++;
    byMonth.set(date.slice(0, 7), (byMonth.get(date.slice(0, 7)) ?? 0) + amount);
  }
  const months: BurnMonth[] = [];
  let cumulative = 0;
  const first = [...byMonth.keys()].sort()[0];
  let m = first !== undefined && first < period.start.slice(0, 7) ? first : period.start.slice(0, 7);
  for (; m <= period.end.slice(0, 7); m = nextMonth(m)) {
    const s = byMonth.get(m) ?? 0;
    cumulative += s;
    const monthEnd = parsePeriod(m)?.end ?? `${m}-28`;
    const expected = (expectedShare(period, phasing, monthEnd, fiscalYearStart)?.share ?? 0) * budget;
    months.push({ month: m, spent: s, ...(m <= today.slice(0, 7) && { cumulative }), expected });
  }
  return { budget, spent, expenses: count, spentShare: spent / budget, expectedShare: now.share, method: now.method, months };
}

function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${m.slice(0, 5)}${String(mo + 1).padStart(2, '0')}`;
}
