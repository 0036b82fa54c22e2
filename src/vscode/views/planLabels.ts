import {
  burnText,
  countOf,
  forecastText,
  type Formatter,
  type InitiativeNode,
  type KpiNode,
  type ObjectiveNode,
  type Pace,
  paceText,
  type PlanNode,
  titled,
  titleOr,
  TREND_ARROWS,
} from '../../core';
import * as l10n from '@vscode/l10n';
import type { IconSpec, ViewNode } from './viewNode';

/** What a row needs besides its node: the folder it lives in, its plan's currency, the workspace's formatter and the date paces are measured at. */
export interface PlanContext {
  folder: string;
  fmt: Formatter;
  currency?: string;
  /** The plan tree's `today` (ISO): a KPI's pace is as of this date. */
  asOf?: string;
}

/** Pace words (defined once in core) in the display language. */
const pace = (p: Pace): string => paceText(p, l10n);
const PACE_ICON: Record<Pace, IconSpec> = {
  'on-track': { id: 'pass', color: 'testing.iconPassed' },
  'at-risk': { id: 'warning', color: 'charts.yellow' },
  'off-track': { id: 'error', color: 'errorForeground' },
};
const PACE_RANK: Record<Pace, number> = { 'on-track': 0, 'at-risk': 1, 'off-track': 2 };
const PACE_COLOR: Record<Pace, string | undefined> = { 'on-track': undefined, 'at-risk': 'charts.yellow', 'off-track': 'errorForeground' };

/** The worst pace among KPIs: a plan or objective is as healthy as its weakest KPI. */
export function worstPace(kpis: readonly KpiNode[]): Pace | undefined {
  let worst: Pace | undefined;
  for (const k of kpis) if (k.pace && (!worst || PACE_RANK[k.pace] > PACE_RANK[worst])) worst = k.pace;
  return worst;
}

function tinted(id: string, pace: Pace | undefined): IconSpec {
  const color = pace ? PACE_COLOR[pace] : undefined;
  return color ? { id, color } : { id };
}

function where(n: { file: string; line: number }): string {
  return `${n.file}:${n.line}`;
}

/** `East China plan 2026` · `PLN-2026-EAST · 77.7% · CN¥7.5M budget · 4.5M allocated`: attainment as every host prints it. */
export function planRow(p: PlanNode, ctx: PlanContext): ViewNode {
  const { folder, fmt } = ctx;
  const cur = p.currency;
  const money = (n: number) => fmt.currency(n, cur);
  const parts: string[] = [p.id];
  if (p.status && p.status !== 'approved') parts.push(p.status);
  if (p.attainment !== undefined) parts.push(fmt.percent(p.attainment));
  if (p.money.budget !== undefined) {
    parts.push(l10n.t('{0} budget', fmt.currency(p.money.budget, cur, { compact: true })));
    if (p.money.allocated > 0) parts.push(l10n.t('{0} allocated', fmt.compact(p.money.allocated)));
    if (p.money.allocated > p.money.budget) parts.push(l10n.t('over budget'));
  } else if (p.money.allocated > 0) parts.push(l10n.t('{0} allocated', fmt.currency(p.money.allocated, cur, { compact: true })));
  const rows: [string, string][] = [[l10n.t('Id'), p.id]];
  if (p.region) rows.push([l10n.t('Region'), p.region]);
  if (p.period) rows.push([l10n.t('Period'), p.period]);
  if (p.status) rows.push([l10n.t('Status'), p.status]);
  if (p.owner) rows.push([l10n.t('Owner'), p.owner]);
  if (p.attainment !== undefined) rows.push([l10n.t('Attainment'), l10n.t('{0} (mean of objectives)', fmt.percent(p.attainment))]);
  if (p.money.budget !== undefined) rows.push([l10n.t('Budget'), money(p.money.budget)]);
  rows.push([l10n.t('Allocated to initiatives'), money(p.money.allocated)], [l10n.t('Spent'), money(p.money.spent)]);
  if (p.children.length > 0) rows.push([l10n.t('With sub-plans'), l10n.t('allocated {0}, spent {1}', money(p.rollup.allocated), money(p.rollup.spent))]);
  if (p.burn) {
    rows.push([l10n.t('Burn'), burnText(fmt.percent(p.burn.spentShare), fmt.percent(p.burn.expectedShare), p.burn.method, l10n)]);
  }
  rows.push([l10n.t('File'), where(p)]);
  return {
    id: `${folder}#plan:${p.id}`,
    label: titleOr(p.id, p.title),
    description: parts.join(' · '),
    icon: tinted('project', worstPace(p.objectives.flatMap((o) => o.kpis))),
    tooltip: { title: titled(p.id, p.title), rows },
    location: { folder, file: p.file, line: p.line },
    entity: { folder, kind: 'plan', id: p.id },
    children: [],
  };
}

/** `Grow East China revenue…` · `51.2% · 3 KPIs · 3 initiatives`. */
export function objectiveRow(o: ObjectiveNode, ctx: PlanContext): ViewNode {
  const parts: string[] = [];
  const { fmt } = ctx;
  if (o.attainment !== undefined) parts.push(fmt.percent(o.attainment));
  parts.push(
    countOf(o.kpis.length, l10n.t('1 KPI'), l10n.t('{0} KPIs', o.kpis.length)),
    countOf(o.initiatives.length, l10n.t('1 initiative'), l10n.t('{0} initiatives', o.initiatives.length)),
  );
  const rows: [string, string][] = [[l10n.t('Id'), o.id]];
  if (o.attainment !== undefined) rows.push([l10n.t('Attainment'), l10n.t('{0} (mean of KPIs)', fmt.percent(o.attainment))]);
  rows.push([l10n.t('File'), where(o)]);
  return {
    id: `${ctx.folder}#objective:${o.id}`,
    label: titleOr(o.id, o.title),
    description: parts.join(' · '),
    icon: tinted('target', worstPace(o.kpis)),
    tooltip: { title: titled(o.id, o.title), rows },
    location: { folder: ctx.folder, file: o.file, line: o.line },
    entity: { folder: ctx.folder, kind: 'objective', id: o.id },
    children: [],
  };
}

/** `Retail net revenue, East China` · `CN¥74.3M / CN¥160M · 46.4% · on track`. */
export function kpiRow(k: KpiNode, ctx: PlanContext): ViewNode {
  const { fmt } = ctx;
  const short = (n: number) => fmt.unit(n, k.unit, { compact: true });
  const full = (n: number) => fmt.unit(n, k.unit);
  const parts: string[] = [];
  if (k.actual !== undefined && k.target !== undefined) parts.push(`${short(k.actual)} / ${short(k.target)}`);
  else if (k.target !== undefined) parts.push(l10n.t('target {0}', short(k.target)));
  else if (k.actual !== undefined) parts.push(l10n.t('actual {0}', short(k.actual)));
  if (k.attainment !== undefined) parts.push(fmt.percent(k.attainment));
  const f = k.forecast;
  if (f)
    parts.push(`${l10n.t('forecast {0}', f.ratio !== undefined ? fmt.percentWhole(f.ratio) : short(f.value))}${f.trend ? ` ${TREND_ARROWS[f.trend]}` : ''}`);
  if (k.pace) parts.push(pace(k.pace));
  const rows: [string, string][] = [[l10n.t('Id'), k.id]];
  if (k.target !== undefined) rows.push([l10n.t('Target'), full(k.target)]);
  if (k.actual !== undefined) rows.push([l10n.t('Actual'), full(k.actual) + (k.actualRolledUp ? ` (${l10n.t('sum of contributing KPIs')})` : '')]);
  rows.push([l10n.t('Direction'), k.direction === 'down' ? l10n.t('lower is better') : l10n.t('higher is better')]);
  if (k.attainment !== undefined) rows.push([l10n.t('Attainment'), fmt.percent(k.attainment)]);
  if (k.pace)
    rows.push([
      l10n.t('Pace'),
      ctx.asOf
        ? l10n.t('{0} for the time elapsed in the period, as of {1}', pace(k.pace), fmt.longDate(ctx.asOf))
        : l10n.t('{0} for the time elapsed in the period', pace(k.pace)),
    ]);
  if (f) {
    rows.push([l10n.t('Forecast'), forecastText(f, full, (r) => fmt.percent(r), l10n)]);
    rows.push([l10n.t('How'), f.explanation]);
  }
  if (k.contributesTo) rows.push([l10n.t('Contributes to'), k.contributesTo]);
  if (k.contributors.length > 0) rows.push([l10n.t('Contributors'), k.contributors.join(', ')]);
  if (k.contributorsTarget !== undefined) rows.push([l10n.t('Contributors’ targets'), full(k.contributorsTarget)]);
  rows.push([l10n.t('File'), where(k)]);
  return {
    id: `${ctx.folder}#kpi:${k.id}`,
    label: titleOr(k.id, k.metric),
    description: parts.join(' · '),
    icon: k.pace ? PACE_ICON[k.pace] : { id: 'graph' },
    tooltip: { title: titled(k.id, k.metric), rows },
    location: { folder: ctx.folder, file: k.file, line: k.line },
    entity: { folder: ctx.folder, kind: 'kpi', id: k.id },
    children: [],
  };
}

const STATUS_ICON: Record<string, IconSpec> = {
  done: { id: 'check', color: 'charts.green' },
  blocked: { id: 'circle-slash', color: 'errorForeground' },
  cancelled: { id: 'close', color: 'disabledForeground' },
  'in-progress': { id: 'play-circle' },
  planned: { id: 'circle-outline' },
};

/** `Renovate the Shanghai Huaihai Road flagship` · `in-progress · due 2026-08-31 · CN¥2.6M`. */
export function initiativeRow(i: InitiativeNode, ctx: PlanContext): ViewNode {
  const { fmt, currency: cur } = ctx;
  const over = i.budget !== undefined && i.spent > i.budget;
  const parts: string[] = [];
  if (i.status) parts.push(i.status);
  if (i.due) parts.push(i.overdue ? l10n.t('overdue since {0}', i.due) : l10n.t('due {0}', i.due));
  if (i.budget !== undefined) parts.push(fmt.currency(i.budget, cur, { compact: true }));
  if (over) parts.push(l10n.t('over budget'));
  const rows: [string, string][] = [[l10n.t('Id'), i.id]];
  if (i.status) rows.push([l10n.t('Status'), i.status]);
  if (i.owner) rows.push([l10n.t('Owner'), i.owner]);
  if (i.due) rows.push([l10n.t('Due'), i.due + (i.overdue ? ` (${l10n.t('overdue')})` : '')]);
  if (i.budget !== undefined) rows.push([l10n.t('Budget'), fmt.currency(i.budget, cur)]);
  rows.push([l10n.t('Spent'), fmt.currency(i.spent, cur) + (over ? ` (${l10n.t('over budget')})` : '')]);
  if (i.project) rows.push([l10n.t('Project'), i.project]);
  rows.push([l10n.t('File'), where(i)]);
  return {
    id: `${ctx.folder}#initiative:${i.id}`,
    label: titleOr(i.id, i.title),
    description: parts.join(' · '),
    icon: i.overdue ? { id: 'warning', color: 'list.warningForeground' } : (STATUS_ICON[i.status ?? ''] ?? { id: 'circle-outline' }),
    tooltip: { title: titled(i.id, i.title), rows },
    location: { folder: ctx.folder, file: i.file, line: i.line },
    entity: { folder: ctx.folder, kind: 'initiative', id: i.id },
    children: [],
  };
}
