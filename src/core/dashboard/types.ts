/**
 * The dashboard's data: plain JSON, built by `buildDashboard` in the engine and rendered by the
 * webview (editor panel and static report). Imports nothing, so the browser bundle can share it.
 * Every row carries `file` and `line` (1-based) for click-through.
 */

export const DASHBOARD_DATA_VERSION = 1;

/** Where a row comes from: a workspace-relative posix path and a 1-based line. */
export interface SourceRef {
  file: string;
  line: number;
}

export type Pace = 'on-track' | 'at-risk' | 'off-track';

export interface RegionInfo extends SourceRef {
  id: string;
  name: string;
  parent?: string;
}

/** A period filter's choice: a period as the plans write it. */
export interface PeriodOption {
  value: string;
  /** As written; fiscal periods followed by their dates (`FY2026-Q1 (2026-04-01 – 2026-06-30)`). */
  label: string;
  /** First and last day; absent when the text is not a period. */
  start?: string;
  end?: string;
  /** The periods in use this choice shows: itself and those lying within it (`2026` → `2026-06`). */
  covers: string[];
}

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

// ---- Partners -------------------------------------------------------------------------------

/**
 * `expired`/`expiring`/`active` for partners with status active (same logic as the
 * partner/contract-* rules); `no-contract` for active partners without an end date;
 * `inactive` for prospects, suspended and ended partners.
 */
export type ContractBucket = 'expired' | 'expiring' | 'active' | 'no-contract' | 'inactive';

export interface PartnerRow extends SourceRef {
  id: string;
  name: string;
  type?: string;
  regions: string[];
  tier?: string;
  status?: string;
  owner?: string;
  contractStart?: string;
  contractEnd?: string;
  value?: number;
  currency?: string;
  bucket: ContractBucket;
  /** Days from `asOf` to the contract end (negative when ended). */
  daysLeft?: number;
}

export interface PartnerCount extends OptionalRef {
  key: string;
  total: number;
  active: number;
  expiring: number;
  expired: number;
  inactive: number;
}

export interface PartnerSection {
  /** The `partner/contract-expiring` window in days (rule option `days`, default 60). */
  expiringDays: number;
  buckets: Record<ContractBucket, number>;
  byType: PartnerCount[];
  byRegion: PartnerCount[];
  byTier: PartnerCount[];
  rows: PartnerRow[];
}

// ---- Inventory ------------------------------------------------------------------------------

export interface InventoryRow extends SourceRef {
  inventory: string;
  region?: string;
  asOf?: string;
  sku: string;
  name?: string;
  category?: string;
  onHand?: number;
  reorderPoint?: number;
  max?: number;
  below: boolean;
  /** reorder_point − on_hand when below, else 0. */
  shortfall: number;
  /** max − on_hand: what a replenishment to max orders. */
  toMax?: number;
}

/** A group's row points at its first (most urgent) member, when there is one. */
export interface OptionalRef {
  file?: string;
  line?: number;
}

export interface InventoryRegionRow extends OptionalRef {
  region: string;
  skus: number;
  below: number;
  onHand: number;
}

export interface InventorySection {
  regions: InventoryRegionRow[];
  rows: InventoryRow[];
}

// ---- Training -------------------------------------------------------------------------------

export type TrainingGapReason = 'missing' | 'expired' | 'below-pass' | 'future';

export interface TrainingCell extends OptionalRef {
  region: string;
  role: string;
  /** People in the region with this role who need at least one course. */
  people: number;
  /** Of them, those holding every required course. */
  compliant: number;
  /** Required (person, course) pairs and how many are valid. */
  required: number;
  valid: number;
  rate: number;
}

export interface TrainingGap extends SourceRef {
  person: string;
  name: string;
  role: string;
  region?: string;
  course: string;
  courseTitle: string;
  reason: TrainingGapReason;
  lastCompleted?: string;
}

export interface TrainingPersonRow extends SourceRef {
  person: string;
  name: string;
  role: string;
  region?: string;
  required: number;
  valid: number;
  compliant: boolean;
  /** Earliest date a currently valid required course lapses. */
  nextExpiry?: string;
}

export interface TrainingSection {
  cells: TrainingCell[];
  people: TrainingPersonRow[];
  gaps: TrainingGap[];
  total: { people: number; compliant: number; rate: number };
}

// ---- Health ---------------------------------------------------------------------------------

export type Severity = 'error' | 'warning' | 'info';

export interface DiagnosticRow extends SourceRef {
  column: number;
  severity: Severity;
  ruleId: string;
  message: string;
  kind?: string;
  entity?: string;
}

export interface RuleCount extends OptionalRef {
  ruleId: string;
  severity: Severity;
  count: number;
}

export interface KindCount extends OptionalRef {
  kind: string;
  errors: number;
  warnings: number;
  infos: number;
}

export type DocumentFlag = 'review-overdue' | 'review-due' | 'effective-unapproved' | 'effective-soon';

export interface DocumentRow extends SourceRef {
  id: string;
  kind: string;
  title: string;
  status?: string;
  version?: string;
  owner?: string;
  effective?: string;
  reviewDue?: string;
  flags: DocumentFlag[];
}

export interface StatusCount extends OptionalRef {
  kind: string;
  status: string;
  count: number;
}

export interface HealthSection {
  files: number;
  entities: number;
  summary: { errors: number; warnings: number; infos: number };
  byRule: RuleCount[];
  byKind: KindCount[];
  /** The first `diagnosticsLimit` diagnostics; `diagnosticsTotal` says how many there are. */
  diagnostics: DiagnosticRow[];
  diagnosticsTotal: number;
  documentsByStatus: StatusCount[];
  documents: DocumentRow[];
  /** The window, in days, for `review-due` and `effective-soon`. */
  dueWithinDays: number;
}

// ---- The whole ------------------------------------------------------------------------------

export interface DashboardData {
  version: typeof DASHBOARD_DATA_VERSION;
  /** The date every date rule and figure is evaluated at (`Workspace.todayDate`). */
  asOf: string;
  /** When the data was built (ISO timestamp), set by the host; the engine has no clock. */
  generatedAt?: string;
  /** Display name of the workspace folder. */
  title?: string;
  /** The most common currency, for totals that mix rows. */
  currency?: string;
  /** `locale:` of `opsbook.yaml` (BCP 47): numbers, money and dates are shown in it; absent means English. */
  locale?: string;
  regions: RegionInfo[];
  /** The plans' periods, in time order, for the period filters. */
  periods: PeriodOption[];
  kpi: KpiSection;
  budget: BudgetSection;
  timeline: TimelineSection;
  partners: PartnerSection;
  inventory: InventorySection;
  training: TrainingSection;
  health: HealthSection;
}

export interface DashboardOptions {
  /** Shown in the header. */
  title?: string;
  /** ISO timestamp of the build, shown in the header. */
  generatedAt?: string;
  /** Window for review-due / effective-soon documents (default 60 days). */
  dueWithinDays?: number;
  /** Most diagnostics rows carried in the data (default 1000); counts always cover all. */
  diagnosticsLimit?: number;
}
