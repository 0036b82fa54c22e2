/**
 * The dashboard's data: plain JSON, built by `buildDashboard` in the engine and rendered by the
 * webview (editor panel and static report). Imports only its own row types, so the browser bundle can share it.
 * Every row carries `file` and `line` (1-based) for click-through.
 */

import type { KpiSection, BudgetSection, TimelineSection } from './planTypes';
import type { PartnerSection, InventorySection, TrainingSection, HealthSection } from './registerTypes';
import type { SourceRef } from './refs';
import type { BurnRow, KpiTrend, MarketSection, PeopleSection } from './monitorTypes';

export type { SourceRef, OptionalRef, Pace } from './refs';
export type {
  AssessmentRow,
  BenchRow,
  BurnMonthRow,
  BurnRow,
  CompetitorRow,
  KpiTrend,
  MarketRegionRow,
  MarketSection,
  PeopleSection,
  TrendPoint,
} from './monitorTypes';
export type {
  KpiRow,
  KpiPlanSummary,
  KpiSection,
  BudgetPlanRow,
  BudgetRegionRow,
  BudgetProjectRow,
  BudgetSection,
  MilestoneRow,
  TimelineProject,
  TimelineSection,
} from './planTypes';
export type {
  ContractBucket,
  PartnerRow,
  PartnerCount,
  PartnerSection,
  InventoryRow,
  InventoryRegionRow,
  InventorySection,
  TrainingGapReason,
  TrainingCell,
  TrainingGap,
  TrainingPersonRow,
  TrainingSection,
  Severity,
  DiagnosticRow,
  RuleCount,
  KindCount,
  DocumentFlag,
  DocumentRow,
  StatusCount,
  HealthSection,
} from './registerTypes';

export const DASHBOARD_DATA_VERSION = 1;

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
  /** KPI series with their forecasts (trend charts), in plan order. */
  trends: KpiTrend[];
  /** Budget burn per plan with a budget and a period. */
  burn: BurnRow[];
  /** Assessments due and bench strength by role. */
  people: PeopleSection;
  /** Competitors beside own stores, by region. */
  market: MarketSection;
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
