import { field, num, str } from '../model/entity';
import type { WorkspaceModel as Workspace } from '../model/queries';
import { addDays, daysBetween, isIsoDate } from '../util/dates';
import { contractBuckets, partnerCounts } from './aggregate';
import { assign, byString, lineOf } from './common';
import type { ContractBucket, PartnerRow, PartnerSection } from './types';

/** The default `days` option of `partner/contract-expiring`. */
export const DEFAULT_EXPIRING_DAYS = 60;

/** The `partner/contract-expiring` window: the rule option `days`, default {@link DEFAULT_EXPIRING_DAYS}. */
export function expiringDays(ws: Workspace): number {
  return num(ws.config.rules.get('partner/contract-expiring')?.options['days']) ?? DEFAULT_EXPIRING_DAYS;
}

/** Contract state of a partner, with the same cut-offs as the partner/contract-* rules. */
export function contractBucket(status: unknown, end: unknown, today: string, days: number): ContractBucket {
  if (status !== 'active') return 'inactive';
  if (!isIsoDate(end)) return 'no-contract';
  if (end < today) return 'expired';
  return end <= addDays(today, days) ? 'expiring' : 'active';
}

/** Partner contracts by end date (expired, expiring within N days, active), counted by type, region and tier. */
export function partnerSection(ws: Workspace): PartnerSection {
  const today = ws.todayDate;
  const days = expiringDays(ws);
  const rows = ws
    .entities('partner')
    .map((e): PartnerRow => {
      const end = field(e, 'contract.end');
      const start = field(e, 'contract.start');
      const regions = Array.isArray(e.data['regions']) ? e.data['regions'].filter((r): r is string => typeof r === 'string') : [];
      const row: PartnerRow = {
        id: e.id,
        name: e.title,
        regions,
        bucket: contractBucket(e.data['status'], end, today, days),
        file: e.file,
        line: lineOf(ws, e),
      };
      assign(row, 'type', str(e.data['type']));
      assign(row, 'tier', str(e.data['tier']));
      assign(row, 'status', str(e.data['status']));
      assign(row, 'owner', str(e.data['owner']));
      if (isIsoDate(start)) row.contractStart = start;
      if (isIsoDate(end)) {
        row.contractEnd = end;
        row.daysLeft = daysBetween(today, end);
      }
      assign(row, 'value', num(field(e, 'contract.value')));
      assign(row, 'currency', str(field(e, 'contract.currency')));
      return row;
    })
    .sort((a, b) => byString<PartnerRow>((r) => r.contractEnd ?? '9999')(a, b) || byString<PartnerRow>((r) => r.id)(a, b));
  return {
    expiringDays: days,
    buckets: contractBuckets(rows),
    byType: partnerCounts(rows, (r) => [r.type ?? '(none)']),
    byRegion: partnerCounts(rows, (r) => (r.regions.length > 0 ? r.regions : ['(none)'])),
    byTier: partnerCounts(rows, (r) => [r.tier ?? '(none)']),
    rows,
  };
}
