import type { SourceRef, OptionalRef, Pace } from './refs';

// The plan sections of the dashboard's data: KPIs, budget, timeline. Plain JSON types.

// ---- KPI ------------------------------------------------------------------------------------

export interface KpiRow extends SourceRef {
  id: string;
  metric: string;
  unit: string;
  /** Set when `unit` is an ISO 4217 code: the value is money. */
  currency?: string;
  direction: 'up' | 'down';
  plan: string;
  planTitle: string;
  objective: string;
  objectiveTitle: string;
  region?: string;
  period?: string;
  /** `company` for a plan without a parent plan, `region` for plans below one. */
  level: 'company' | 'region';
  target?: number;
  actual?: number;
  /** True when `actual` is the sum of contributing KPIs (the KPI has none of its own). */
  actualRolledUp: boolean;
  /** 1 = 100 %. */
  attainment?: number;
  /** Share of the period elapsed at `asOf` (0..1). */
  elapsed?: number;
  /** Attainment expected by now: `elapsed` for cumulative units, 1 for levels (%, scores, days). */
  expected?: number;
  pace?: Pace;
  contributesTo?: string;
  /** Ids of the KPIs that contribute to this one (regional → company roll-up). */
  contributors: string[];
  /** Sums of the contributors' targets and actuals (additive units in the same unit only). */
  contributorsTarget?: number;
  contributorsActual?: number;
}

/** One plan's KPIs summarised (a region in a period). */
export interface KpiPlanSummary extends SourceRef {
  plan: string;
  title: string;
  region?: string;
  period?: string;
  level: 'company' | 'region';
  kpis: number;
  /** Mean attainment of KPIs with both target and actual (1 = 100 %). */
  attainment?: number;
  onTrack: number;
  atRisk: number;
  offTrack: number;
  /** KPIs without target or actual. */
  noData: number;
}

export interface KpiSection {
  periods: string[];
  plans: KpiPlanSummary[];
  rows: KpiRow[];
}

// ---- Budget ---------------------------------------------------------------------------------

export interface BudgetPlanRow extends SourceRef {
  plan: string;
  title: string;
  region?: string;
  period?: string;
  parent?: string;
  currency?: string;
  budget?: number;
  /** Sum of the plan's initiative budgets. */
  allocated: number;
  /** Spent on the plan's initiatives: linked projects (declared or from expenses) and initiative expenses. */
  spent: number;
  /** The plan plus every plan below it. */
  rollupAllocated: number;
  rollupSpent: number;
  /** Allocated above budget (plan/budget-exceeded). */
  overAllocated: boolean;
  /** Spent above budget. */
  overSpent: boolean;
}

export interface BudgetRegionRow extends OptionalRef {
  region: string;
  currency?: string;
  budget: number;
  allocated: number;
  spent: number;
  /** Every expense booked with this region, linked to a plan or not. */
  expenses: number;
  projectBudget: number;
  projectSpent: number;
  overAllocated: boolean;
  overSpent: boolean;
}

export interface BudgetProjectRow extends SourceRef {
  project: string;
  title: string;
  region?: string;
  type?: string;
  status?: string;
  initiative?: string;
  /** Plan of the linked initiative. */
  plan?: string;
  period?: string;
  currency?: string;
  budget?: number;
  spent: number;
  spentSource: 'declared' | 'expenses';
  /** Number of expenses booked against the project. */
  expenseCount: number;
  overBudget: boolean;
}

export interface BudgetSection {
  plans: BudgetPlanRow[];
  regions: BudgetRegionRow[];
  projects: BudgetProjectRow[];
}

// ---- Timeline -------------------------------------------------------------------------------

export interface MilestoneRow extends SourceRef {
  id: string;
  title: string;
  due?: string;
  done: boolean;
  overdue: boolean;
}

export interface TimelineProject extends SourceRef {
  id: string;
  title: string;
  type?: string;
  region?: string;
  status?: string;
  start?: string;
  due?: string;
  done: boolean;
  overdue: boolean;
  /** Days past due (overdue projects) or until due (open projects); undefined without a due date. */
  daysToDue?: number;
  milestones: MilestoneRow[];
  milestonesDone: number;
}

export interface TimelineSection {
  /** First and last date on the axis (project starts, dues, milestones and `asOf`). */
  start?: string;
  end?: string;
  projects: TimelineProject[];
}
