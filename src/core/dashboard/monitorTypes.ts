import type { SourceRef } from './refs';

// The monitoring sections of the dashboard's data: KPI trends with forecasts, budget burn,
// people (assessments, bench strength) and the market. Plain JSON types.

// ---- KPI trends -----------------------------------------------------------------------------

/** One period of a KPI's series; `cumulative` for units that add up (the running sum). */
export interface TrendPoint {
  period: string;
  /** First and last day of the period. */
  start: string;
  end: string;
  value: number;
  cumulative?: number;
}

/** A KPI's series for a trend chart: actuals by period, target line, forecast to the period end. */
export interface KpiTrend extends SourceRef {
  id: string;
  metric: string;
  unit: string;
  direction: 'up' | 'down';
  /** Units that add up are drawn cumulatively (the target is reached at the period end); levels as they are. */
  additive: boolean;
  plan: string;
  planTitle: string;
  region?: string;
  store?: string;
  /** The store's name (`store` records), when the plan is a store's. */
  storeName?: string;
  /** The plan's period and its days. */
  period: string;
  start: string;
  end: string;
  target?: number;
  /** The KPI this one contributes to, and those contributing to it (drill-down). */
  contributesTo?: string;
  contributors: string[];
  /** `own` actuals or the `contributors`' summed by period. */
  source: 'own' | 'contributors';
  points: TrendPoint[];
  forecast: {
    value: number;
    /** forecast against target in the KPI's direction (1 = 100 %). */
    ratio?: number;
    method: 'run-rate' | 'trend';
    trend?: 'up' | 'down' | 'flat';
    /** The method and its arithmetic in words (English, as findings write it). */
    explanation: string;
  };
}

// ---- Budget burn ----------------------------------------------------------------------------

export interface BurnMonthRow {
  month: string;
  spent: number;
  /** Cumulative spent by the month's end; absent for months after today's. */
  cumulative?: number;
  /** Cumulative amount expected by the month's end (phasing or time elapsed). */
  expected: number;
}

export interface BurnRow extends SourceRef {
  plan: string;
  title: string;
  region?: string;
  period?: string;
  currency?: string;
  budget: number;
  spent: number;
  expenses: number;
  spentShare: number;
  expectedShare: number;
  method: 'phasing' | 'elapsed';
  /** spentShare − expectedShare, in points (positive: ahead of plan). */
  aheadPoints: number;
  months: BurnMonthRow[];
}

// ---- People ---------------------------------------------------------------------------------

/** A person's assessment status: latest period assessed, and when the next is due. */
export interface AssessmentRow extends SourceRef {
  person: string;
  name: string;
  role?: string;
  region?: string;
  lastPeriod?: string;
  /** Last day of the latest assessed period. */
  lastEnd?: string;
  rating?: string;
  score?: number;
  /** lastEnd + `months` of the assessment/overdue rule; absent without an assessment. */
  due?: string;
  overdue: boolean;
}

/** Bench strength of a role: holders, and how many have a successor ready now / later. */
export interface BenchRow {
  role: string;
  holders: number;
  withReady: number;
  /** Holders whose successors are all further out (1-2y, 3y+). */
  withLater: number;
  withNone: number;
  /** Listed in the succession/gap rule's `roles`. */
  key: boolean;
}

export interface PeopleSection {
  /** Whether the workspace records assessments (the overdue rule applies only then). */
  assessed: boolean;
  /** `months` of the assessment/overdue rule. */
  assessmentMonths: number;
  assessments: AssessmentRow[];
  bench: BenchRow[];
}

// ---- Market ---------------------------------------------------------------------------------

export interface CompetitorRow extends SourceRef {
  id: string;
  name: string;
  segment?: string;
  pricePosition?: 'below' | 'par' | 'above';
  regions: string[];
  /** Store counts by region id. */
  stores: Record<string, number>;
  watch: string[];
}

/** Own stores and competitors' stores in a region, side by side. */
export interface MarketRegionRow {
  region: string;
  /** Own stores open (status `open`, or no status), by channel. */
  ownOpen: number;
  ownPlanned: number;
  byChannel: Record<string, number>;
  /** Competitors' stores in the region, by competitor id. */
  competitors: Record<string, number>;
}

export interface MarketSection {
  competitors: CompetitorRow[];
  regions: MarketRegionRow[];
}
