import type { SourceRef, OptionalRef } from './refs';

// The register sections of the dashboard's data: partners, inventory, training, health. Plain JSON types.

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
