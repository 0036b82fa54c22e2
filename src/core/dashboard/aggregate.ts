import type { ContractBucket, KpiRow, KpiTrend, Pace, PartnerCount } from './types';

/**
 * The dashboard's counts and sums, as pure functions of its rows: core builds the sections with
 * them, and the webview recounts the rows a filter leaves with the same functions, so a count
 * on a filtered tab can never disagree with the unfiltered one. Imports types only (the webview
 * bundles this file).
 */

/** Sorts by a string key, missing keys first, by code unit (stable across locales). */
export function byString<T>(key: (t: T) => string | undefined): (a: T, b: T) => number {
  return (a, b) => {
    const x = key(a) ?? '';
    const y = key(b) ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/** Points a group's row at its first member's source, once. */
export function refFirst(row: { file?: string; line?: number }, from: { file: string; line: number }): void {
  if (row.file === undefined) {
    row.file = from.file;
    row.line = from.line;
  }
}

export function sumOf<T>(rows: readonly T[], value: (t: T) => number | undefined): number {
  let s = 0;
  for (const r of rows) s += value(r) ?? 0;
  return s;
}

/** KPIs by pace; a KPI without target or actual has no pace and counts as no data. */
export interface PaceCounts {
  onTrack: number;
  atRisk: number;
  offTrack: number;
  noData: number;
}

export function paceCounts(rows: readonly { pace?: Pace }[]): PaceCounts {
  const c: PaceCounts = { onTrack: 0, atRisk: 0, offTrack: 0, noData: 0 };
  for (const r of rows) {
    if (r.pace === 'on-track') c.onTrack++;
    else if (r.pace === 'at-risk') c.atRisk++;
    else if (r.pace === 'off-track') c.offTrack++;
    else c.noData++;
  }
  return c;
}

/** The mean attainment of the rows that have one (1 = 100 %), undefined when none has. */
export function meanAttainment(rows: readonly { attainment?: number }[]): number | undefined {
  let n = 0;
  let s = 0;
  for (const r of rows) {
    if (r.attainment === undefined) continue;
    s += r.attainment;
    n++;
  }
  return n > 0 ? s / n : undefined;
}

/** Partners by contract state. */
export function contractBuckets(rows: readonly { bucket: ContractBucket }[]): Record<ContractBucket, number> {
  const buckets: Record<ContractBucket, number> = { expired: 0, expiring: 0, active: 0, 'no-contract': 0, inactive: 0 };
  for (const r of rows) buckets[r.bucket]++;
  return buckets;
}

/**
 * Partners counted per key (type, region, tier; a partner in two regions counts in both, once
 * each), by contract state, sorted by key; each count points at its first partner.
 */
export function partnerCounts<R extends { bucket: ContractBucket; file: string; line: number }>(rows: readonly R[], keys: (r: R) => string[]): PartnerCount[] {
  const m = new Map<string, PartnerCount>();
  for (const r of rows) {
    for (const key of new Set(keys(r))) {
      let c = m.get(key);
      if (!c) m.set(key, (c = { key, total: 0, active: 0, expiring: 0, expired: 0, inactive: 0 }));
      c.total++;
      refFirst(c, r);
      if (r.bucket === 'expiring') c.expiring++;
      else if (r.bucket === 'expired') c.expired++;
      else if (r.bucket === 'inactive') c.inactive++;
      else c.active++;
    }
  }
  return [...m.values()].sort(byString((c) => c.key));
}

/** A KPI contributing to another, with its series when it has one (one without figures by period has none). */
export interface ContributorTrend {
  id: string;
  trend?: KpiTrend;
}

/**
 * The contributors of `kpi` (drill-down from a company KPI), in its order, each with its series
 * when it has one. `trends` by id (`trendsById`) when asked for many KPIs.
 */
export function contributorTrends(trends: readonly KpiTrend[] | ReadonlyMap<string, KpiTrend>, kpi: Pick<KpiTrend, 'contributors'>): ContributorTrend[] {
  const byId = Array.isArray(trends) ? trendsById(trends) : (trends as ReadonlyMap<string, KpiTrend>);
  return kpi.contributors.map((id) => {
    const trend = byId.get(id);
    return trend ? { id, trend } : { id };
  });
}

/** The trends by KPI id. */
export function trendsById(trends: readonly KpiTrend[]): ReadonlyMap<string, KpiTrend> {
  return new Map(trends.map((t) => [t.id, t]));
}

/** What a group needs to know of every KPI, with or without a series: the KPI section's rows. */
export type KpiLink = Pick<KpiRow, 'id' | 'metric' | 'level' | 'contributesTo'>;

/** KPIs measuring the same thing in several regions or stores: one small multiple each, on one scale. */
export interface TrendGroup {
  /** The KPI they all roll up to (through `contributes_to`, to the top), or `metric · unit` for KPIs linked to none. */
  key: string;
  /** That KPI's id; absent for a group by metric. */
  root?: string;
  /** The top KPI's metric, or the shared one. */
  metric: string;
  unit: string;
  /** KPIs of regional plans (no store), in plan order. */
  regions: KpiTrend[];
  /** KPIs of store plans, in plan order. */
  stores: KpiTrend[];
}

/**
 * KPIs with a series grouped by what they measure: those rolling up (through `contributes_to`,
 * however deep) to the same top KPI, then those linked to none sharing a metric and a unit. A
 * group is kept when it has two regions or two stores to set side by side; the top KPI itself
 * and company-level KPIs are not members (the drill-down shows a KPI's contributors).
 */
export function trendGroups(trends: readonly KpiTrend[], kpis: readonly KpiLink[]): TrendGroup[] {
  const links = new Map(kpis.map((k) => [k.id, k]));
  const top = (id: string): string => {
    const seen = new Set<string>();
    let at = id;
    for (let next = links.get(at)?.contributesTo; next !== undefined && !seen.has(next); next = links.get(at)?.contributesTo) {
      seen.add(at);
      at = next;
    }
    return at;
  };
  const groups = new Map<string, TrendGroup>();
  for (const t of trends) {
    const link = links.get(t.id);
    if (t.store === undefined && (link?.level === 'company' || t.region === undefined)) continue;
    let key: string;
    let root: string | undefined;
    if (t.contributesTo !== undefined) {
      root = top(t.id);
      key = root;
    } else if (t.contributors.length === 0) key = `${t.metric} · ${t.unit}`;
    else continue;
    let g = groups.get(key);
    if (!g) {
      g = { key, metric: root !== undefined ? (links.get(root)?.metric ?? root) : t.metric, unit: t.unit, regions: [], stores: [] };
      if (root !== undefined) g.root = root;
      groups.set(key, g);
    }
    (t.store !== undefined ? g.stores : g.regions).push(t);
  }
  return [...groups.values()].filter((g) => g.regions.length >= 2 || g.stores.length >= 2);
}
