import {
  assessmentsOf,
  contractBucket,
  countOf,
  daysBetween,
  type Entity,
  expiringDays,
  field,
  type Formatter,
  isIsoDate,
  num,
  type OpsbookWorkspace,
  relativeDays,
  str,
} from '../../core';
import * as l10n from '@vscode/l10n';
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
export function partnerRow(ws: OpsbookWorkspace, e: Entity, folder: string, fmt: Formatter): ViewNode {
  const today = ws.todayDate;
  const end = str(field(e, 'contract.end'));
  const state = contractState(e, today, expiringDays(ws));
  const status = text(e, 'status');
  const tier = text(e, 'tier');
  const parts: string[] = [];
  if (status) parts.push(status);
  if (tier) parts.push(l10n.t('tier {0}', tier));
  if (end && state === 'expired') parts.push(l10n.t('expired {0}', end));
  else if (end && state === 'expiring') {
    const days = daysBetween(today, end);
    parts.push(
      l10n.t(
        'ends {0} ({1})',
        end,
        relativeDays(days, (n) => fmt.number(n), l10n),
      ),
    );
  } else if (end) parts.push(l10n.t('ends {0}', end));
  const icon: IconSpec =
    state === 'expired'
      ? { id: 'warning', color: 'list.warningForeground' }
      : state === 'expiring'
        ? { id: 'clock', color: 'charts.yellow' }
        : (PARTNER_ICON[status ?? ''] ?? { id: 'organization' });
  const rows: [string, string][] = [];
  optional(rows, l10n.t('Type'), text(e, 'type'));
  optional(rows, l10n.t('Tier'), tier);
  optional(rows, l10n.t('Status'), status);
  optional(rows, l10n.t('Regions'), list(e, 'regions'));
  const start = str(field(e, 'contract.start'));
  if (start || end)
    rows.push([
      l10n.t('Contract'),
      `${start ?? '?'} → ${end ?? '?'}${state === 'expired' ? ` (${l10n.t('expired')})` : state === 'expiring' ? ` (${l10n.t('expiring')})` : ''}`,
    ]);
  const value = num(field(e, 'contract.value'));
  if (value !== undefined) rows.push([l10n.t('Contract value'), fmt.currency(value, str(field(e, 'contract.currency')))]);
  optional(rows, l10n.t('Owner'), text(e, 'owner'));
  return entityRow(ws, e, folder, icon, parts.join(' · '), rows);
}

/** `Oslo 3-seat sofa, oatmeal linen` · `SKU-1001 · CN¥12,999`. */
export function productRow(ws: OpsbookWorkspace, e: Entity, folder: string, fmt: Formatter): ViewNode {
  const currency = text(e, 'currency');
  const price = num(e.data['list_price']);
  const status = text(e, 'status');
  const parts = [e.id];
  if (price !== undefined) parts.push(fmt.currency(price, currency));
  if (status && status !== 'active') parts.push(status);
  const rows: [string, string][] = [];
  optional(rows, l10n.t('Category'), text(e, 'category'));
  if (price !== undefined) rows.push([l10n.t('List price'), fmt.currency(price, currency)]);
  const floor = num(e.data['floor_price']);
  if (floor !== undefined) rows.push([l10n.t('Floor price'), fmt.currency(floor, currency)]);
  const channels = e.data['channel_prices'];
  if (channels && typeof channels === 'object' && !Array.isArray(channels)) {
    for (const [channel, p] of Object.entries(channels)) {
      const n = num(p);
      if (n !== undefined) rows.push([l10n.t('Price {0}', channel), fmt.currency(n, currency)]);
    }
  }
  optional(rows, l10n.t('Effective'), text(e, 'effective'));
  optional(rows, l10n.t('Status'), status);
  return entityRow(ws, e, folder, { id: 'package' }, parts.join(' · '), rows);
}

/** `Wang Lei` · `PER-WANG-LEI · assessed 2025-H2, meets · 1 ready successor`. */
export function personRow(ws: OpsbookWorkspace, e: Entity, folder: string, fmt: Formatter): ViewNode {
  const parts = [e.id];
  const rows: [string, string][] = [];
  optional(rows, l10n.t('Role'), text(e, 'role'));
  optional(rows, l10n.t('Region'), text(e, 'region'));
  optional(rows, l10n.t('Reports to'), text(e, 'reports_to'));
  optional(rows, l10n.t('Email'), text(e, 'email'));
  const trainings = e.data['trainings'];
  if (Array.isArray(trainings)) rows.push([l10n.t('Trainings'), fmt.number(trainings.length)]);
  const [latest] = assessmentsOf(e, { referrers: (kind, id) => ws.referencesTo(kind, id), fiscalYearStart: ws.config.fiscalYearStart });
  if (latest) {
    const a = latest.assessment;
    const period = String(a.data['period']);
    const rating = text(a, 'rating');
    const score = num(a.data['score']);
    parts.push(rating ? l10n.t('assessed {0}, {1}', period, rating) : l10n.t('assessed {0}', period));
    rows.push([l10n.t('Last assessment'), [period, rating, score !== undefined ? fmt.number(score) : undefined].filter(Boolean).join(' · ')]);
  }
  const successors = (Array.isArray(e.data['successors']) ? (e.data['successors'] as unknown[]) : []).filter(
    (s): s is Record<string, unknown> => !!s && typeof s === 'object' && !Array.isArray(s),
  );
  if (successors.length > 0) {
    const ready = successors.filter((s) => s['readiness'] === 'ready').length;
    parts.push(countOf(ready, l10n.t('1 ready successor'), l10n.t('{0} ready successors', ready)));
    rows.push([l10n.t('Successors'), successors.map((s) => `${String(s['person'])} (${String(s['readiness'])})`).join(', ')]);
  }
  // Where this person stands in someone else's succession: the readiness others see.
  const standsIn = ws
    .referencesTo('person', e.id)
    .filter((r) => r.from.kind === 'person' && r.field.startsWith('successors'))
    .map((r) => {
      const list = Array.isArray(r.from.data['successors']) ? (r.from.data['successors'] as unknown[]) : [];
      const entry = list.find((s) => !!s && typeof s === 'object' && (s as Record<string, unknown>)['person'] === e.id) as Record<string, unknown> | undefined;
      return `${r.from.id} (${String(entry?.['readiness'] ?? '?')})`;
    });
  if (standsIn.length > 0) rows.push([l10n.t('Successor to'), [...new Set(standsIn)].join(', ')]);
  return entityRow(ws, e, folder, { id: 'person' }, parts.join(' · '), rows);
}

/** `Shanghai Huaihai Road flagship` · `ST-SH-HUAIHAI · open · 620 m²`. */
export function storeRow(ws: OpsbookWorkspace, e: Entity, folder: string, fmt: Formatter): ViewNode {
  const status = text(e, 'status');
  const area = num(e.data['area_m2']);
  const parts = [e.id];
  if (status) parts.push(status);
  if (area !== undefined) parts.push(`${fmt.number(area)} m²`);
  const rows: [string, string][] = [];
  optional(rows, l10n.t('Region'), text(e, 'region'));
  optional(rows, l10n.t('Channel'), text(e, 'channel'));
  optional(rows, l10n.t('Status'), status);
  optional(rows, l10n.t('Opened'), text(e, 'opened'));
  optional(rows, l10n.t('Closed'), text(e, 'closed'));
  optional(rows, l10n.t('Manager'), text(e, 'manager'));
  if (area !== undefined) rows.push([l10n.t('Area'), `${fmt.number(area)} m²`]);
  optional(rows, l10n.t('Address'), text(e, 'address'));
  const icon: IconSpec = status === 'closed' ? { id: 'close', color: 'disabledForeground' } : status === 'planned' ? { id: 'circle-outline' } : { id: 'home' };
  return entityRow(ws, e, folder, icon, parts.join(' · '), rows);
}

/** `Nordhaus Living` · `CMP-NORDHAUS · prices above ours · 10 stores`. */
export function competitorRow(ws: OpsbookWorkspace, e: Entity, folder: string, fmt: Formatter): ViewNode {
  const position = text(e, 'price_position');
  const stores = e.data['stores'];
  const counts = stores && typeof stores === 'object' && !Array.isArray(stores) ? Object.values(stores).map(num) : [];
  const total = counts.reduce((s: number, n) => s + (n ?? 0), 0);
  const parts = [e.id];
  if (position === 'below') parts.push(l10n.t('prices below ours'));
  else if (position === 'par') parts.push(l10n.t('prices at par'));
  else if (position === 'above') parts.push(l10n.t('prices above ours'));
  if (counts.length > 0) parts.push(countOf(total, l10n.t('1 store'), l10n.t('{0} stores', fmt.number(total))));
  const rows: [string, string][] = [];
  optional(rows, l10n.t('Segment'), text(e, 'segment'));
  optional(rows, l10n.t('Price position'), position);
  optional(rows, l10n.t('Regions'), list(e, 'regions'));
  if (counts.length > 0)
    rows.push([
      l10n.t('Stores'),
      Object.entries(stores as Record<string, unknown>)
        .map(([region, n]) => `${region} ${String(n)}`)
        .join(', '),
    ]);
  const words = (name: string) => (Array.isArray(e.data[name]) ? list(e, name) : text(e, name));
  optional(rows, l10n.t('Strengths'), words('strengths'));
  optional(rows, l10n.t('Watch'), words('watch'));
  optional(rows, l10n.t('Updated'), text(e, 'updated'));
  return entityRow(ws, e, folder, { id: 'eye' }, parts.join(' · '), rows);
}

/** `Customer Service Foundations` · `CRS-SVC-101 · valid 24 months · pass 80`. */
export function courseRow(ws: OpsbookWorkspace, e: Entity, folder: string, fmt: Formatter): ViewNode {
  const months = num(e.data['valid_months']);
  const pass = num(e.data['pass_score']);
  const parts = [e.id];
  const validFor = (m: number) => countOf(m, l10n.t('1 month'), l10n.t('{0} months', fmt.number(m)));
  if (months !== undefined) parts.push(l10n.t('valid {0}', validFor(months)));
  if (pass !== undefined) parts.push(l10n.t('pass {0}', fmt.number(pass)));
  const rows: [string, string][] = [];
  optional(rows, l10n.t('Required for'), list(e, 'required_for'));
  if (months !== undefined) rows.push([l10n.t('Valid for'), validFor(months)]);
  if (pass !== undefined) rows.push([l10n.t('Pass score'), fmt.number(pass)]);
  return entityRow(ws, e, folder, { id: 'mortar-board' }, parts.join(' · '), rows);
}
