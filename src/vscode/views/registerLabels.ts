import { field, num, str, type Entity } from '../../core/model/entity';
import type { Workspace } from '../../core/model/workspace';
import { contractBucket, expiringDays } from '../../core/dashboard/partners';
import { daysBetween, isIsoDate } from '../../core/util/dates';
import { fullMoney, plural } from './format';
import { entityRow, list, optional, text } from './rows';
import type { IconSpec, ViewNode } from './viewNode';

/** How a partner's contract stands today, as `partner/contract-expired|expiring` judge it. */
export type ContractState = 'expired' | 'expiring' | 'current' | 'none';

export function contractState(e: Entity, today: string, days: number): ContractState {
  const end = field(e, 'contract.end');
  if (!isIsoDate(end)) return 'none';
  const bucket = contractBucket(e.data['status'], end, today, days);
  return bucket === 'expired' || bucket === 'expiring' ? bucket : 'current';
}

const PARTNER_ICON: Record<string, IconSpec> = {
  prospect: { id: 'circle-outline' },
  suspended: { id: 'debug-pause', color: 'disabledForeground' },
  ended: { id: 'close', color: 'disabledForeground' },
};

/** `SkyCart Marketplace (flagship e-store)` · `active · tier A · ends 2026-12-31`. */
export function partnerRow(ws: Workspace, e: Entity, folder: string): ViewNode {
  const today = ws.todayDate;
  const end = str(field(e, 'contract.end'));
  const state = contractState(e, today, expiringDays(ws));
  const status = text(e, 'status');
  const tier = text(e, 'tier');
  const parts: string[] = [];
  if (status) parts.push(status);
  if (tier) parts.push(`tier ${tier}`);
  if (end && state === 'expired') parts.push(`expired ${end}`);
  else if (end && state === 'expiring') parts.push(`ends ${end} (in ${plural(daysBetween(today, end), 'day')})`);
  else if (end) parts.push(`ends ${end}`);
  const icon: IconSpec =
    state === 'expired' ? { id: 'warning', color: 'list.warningForeground' }
    : state === 'expiring' ? { id: 'clock', color: 'charts.yellow' }
    : (PARTNER_ICON[status ?? ''] ?? { id: 'organization' });
  const rows: [string, string][] = [];
  optional(rows, 'Type', text(e, 'type'));
  optional(rows, 'Tier', tier);
  optional(rows, 'Status', status);
  optional(rows, 'Regions', list(e, 'regions'));
  const start = str(field(e, 'contract.start'));
  if (start || end) rows.push(['Contract', `${start ?? '?'} → ${end ?? '?'}${state === 'expired' ? ' (expired)' : state === 'expiring' ? ' (expiring)' : ''}`]);
  const value = num(field(e, 'contract.value'));
  if (value !== undefined) rows.push(['Contract value', fullMoney(value, str(field(e, 'contract.currency')))]);
  optional(rows, 'Owner', text(e, 'owner'));
  return entityRow(ws, e, folder, icon, parts.join(' · '), rows);
}

/** `Oslo 3-seat sofa, oatmeal linen` · `SKU-1001 · 12,999 CNY`. */
export function productRow(ws: Workspace, e: Entity, folder: string): ViewNode {
  const currency = text(e, 'currency');
  const price = num(e.data['list_price']);
  const status = text(e, 'status');
  const parts = [e.id];
  if (price !== undefined) parts.push(fullMoney(price, currency));
  if (status && status !== 'active') parts.push(status);
  const rows: [string, string][] = [];
  optional(rows, 'Category', text(e, 'category'));
  if (price !== undefined) rows.push(['List price', fullMoney(price, currency)]);
  const floor = num(e.data['floor_price']);
  if (floor !== undefined) rows.push(['Floor price', fullMoney(floor, currency)]);
  const channels = e.data['channel_prices'];
  if (channels && typeof channels === 'object' && !Array.isArray(channels)) {
    for (const [channel, p] of Object.entries(channels)) {
      const n = num(p);
      if (n !== undefined) rows.push([`Price ${channel}`, fullMoney(n, currency)]);
    }
  }
  optional(rows, 'Effective', text(e, 'effective'));
  optional(rows, 'Status', status);
  return entityRow(ws, e, folder, { id: 'package' }, parts.join(' · '), rows);
}

/** `Wang Lei` · `PER-WANG-LEI`. */
export function personRow(ws: Workspace, e: Entity, folder: string): ViewNode {
  const rows: [string, string][] = [];
  optional(rows, 'Role', text(e, 'role'));
  optional(rows, 'Region', text(e, 'region'));
  optional(rows, 'Reports to', text(e, 'reports_to'));
  optional(rows, 'Email', text(e, 'email'));
  const trainings = e.data['trainings'];
  if (Array.isArray(trainings)) rows.push(['Trainings', String(trainings.length)]);
  return entityRow(ws, e, folder, { id: 'person' }, e.id, rows);
}

/** `Customer Service Foundations` · `CRS-SVC-101 · valid 24 months · pass 80`. */
export function courseRow(ws: Workspace, e: Entity, folder: string): ViewNode {
  const months = num(e.data['valid_months']);
  const pass = num(e.data['pass_score']);
  const parts = [e.id];
  if (months !== undefined) parts.push(`valid ${plural(months, 'month')}`);
  if (pass !== undefined) parts.push(`pass ${pass}`);
  const rows: [string, string][] = [];
  optional(rows, 'Required for', list(e, 'required_for'));
  if (months !== undefined) rows.push(['Valid for', plural(months, 'month')]);
  if (pass !== undefined) rows.push(['Pass score', String(pass)]);
  return entityRow(ws, e, folder, { id: 'mortar-board' }, parts.join(' · '), rows);
}
