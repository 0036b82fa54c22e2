import type { InitiativeNode, KpiNode, ObjectiveNode, Pace, PlanNode } from '../../core/plan/tree';
import { compact, compactMoney, fullMoney, fullNumber, percent, plural, precisePercent, withUnit } from './format';
import type { IconSpec, ViewNode } from './viewNode';

/** What a row needs besides its node: the folder it lives in and its plan's currency. */
export interface PlanContext {
  folder: string;
  currency?: string;
}

const PACE_TEXT: Record<Pace, string> = { 'on-track': 'on track', 'at-risk': 'at risk', 'off-track': 'off track' };
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

/** `PLN-2026-EAST  East China plan 2026` · `78% · 7.5M CNY budget · 4.5M allocated`. */
export function planRow(p: PlanNode, folder: string): ViewNode {
  const cur = p.currency;
  const parts: string[] = [];
  if (p.status && p.status !== 'approved') parts.push(p.status);
  if (p.attainment !== undefined) parts.push(percent(p.attainment));
  if (p.money.budget !== undefined) {
    parts.push(`${compactMoney(p.money.budget, cur)} budget`);
    if (p.money.allocated > 0) parts.push(`${compact(p.money.allocated)} allocated`);
    if (p.money.allocated > p.money.budget) parts.push('over budget');
  } else if (p.money.allocated > 0) parts.push(`${compactMoney(p.money.allocated, cur)} allocated`);
  const rows: [string, string][] = [];
  if (p.region) rows.push(['Region', p.region]);
  if (p.period) rows.push(['Period', p.period]);
  if (p.status) rows.push(['Status', p.status]);
  if (p.owner) rows.push(['Owner', p.owner]);
  if (p.attainment !== undefined) rows.push(['Attainment', `${precisePercent(p.attainment)} (mean of objectives)`]);
  if (p.money.budget !== undefined) rows.push(['Budget', fullMoney(p.money.budget, cur)]);
  rows.push(['Allocated to initiatives', fullMoney(p.money.allocated, cur)], ['Spent', fullMoney(p.money.spent, cur)]);
  if (p.children.length > 0) rows.push(['With sub-plans', `allocated ${fullMoney(p.rollup.allocated, cur)}, spent ${fullMoney(p.rollup.spent, cur)}`]);
  rows.push(['File', where(p)]);
  return {
    id: `${folder}#plan:${p.id}`,
    label: `${p.id}  ${p.title}`,
    description: parts.join(' · '),
    icon: tinted('project', worstPace(p.objectives.flatMap((o) => o.kpis))),
    tooltip: { title: `${p.id} ${p.title}`, rows },
    location: { folder, file: p.file, line: p.line },
    entity: { folder, kind: 'plan', id: p.id },
    children: [],
  };
}

/** `Grow East China revenue…` · `51% · 3 KPIs · 3 initiatives`. */
export function objectiveRow(o: ObjectiveNode, ctx: PlanContext): ViewNode {
  const parts: string[] = [];
  if (o.attainment !== undefined) parts.push(percent(o.attainment));
  parts.push(plural(o.kpis.length, 'KPI'), plural(o.initiatives.length, 'initiative'));
  const rows: [string, string][] = [['Id', o.id]];
  if (o.attainment !== undefined) rows.push(['Attainment', `${precisePercent(o.attainment)} (mean of KPIs)`]);
  rows.push(['File', where(o)]);
  return {
    id: `${ctx.folder}#objective:${o.id}`,
    label: o.title,
    description: parts.join(' · '),
    icon: tinted('target', worstPace(o.kpis)),
    tooltip: { title: o.title, rows },
    location: { folder: ctx.folder, file: o.file, line: o.line },
    entity: { folder: ctx.folder, kind: 'objective', id: o.id },
    children: [],
  };
}

/** `Retail net revenue, East China` · `74.3M / 160M CNY · 46% · on track`. */
export function kpiRow(k: KpiNode, ctx: PlanContext): ViewNode {
  const parts: string[] = [];
  if (k.actual !== undefined && k.target !== undefined) parts.push(withUnit(`${compact(k.actual)} / ${compact(k.target)}`, k.unit));
  else if (k.target !== undefined) parts.push(`target ${withUnit(compact(k.target), k.unit)}`);
  else if (k.actual !== undefined) parts.push(`actual ${withUnit(compact(k.actual), k.unit)}`);
  if (k.attainment !== undefined) parts.push(percent(k.attainment));
  if (k.pace) parts.push(PACE_TEXT[k.pace]);
  const rows: [string, string][] = [['Id', k.id]];
  if (k.target !== undefined) rows.push(['Target', withUnit(fullNumber(k.target), k.unit)]);
  if (k.actual !== undefined) rows.push(['Actual', withUnit(fullNumber(k.actual), k.unit) + (k.actualRolledUp ? ' (sum of contributing KPIs)' : '')]);
  rows.push(['Direction', k.direction === 'down' ? 'lower is better' : 'higher is better']);
  if (k.attainment !== undefined) rows.push(['Attainment', precisePercent(k.attainment)]);
  if (k.pace) rows.push(['Pace', `${PACE_TEXT[k.pace]} for the time elapsed in the period`]);
  if (k.contributesTo) rows.push(['Contributes to', k.contributesTo]);
  if (k.contributors.length > 0) rows.push(['Contributors', k.contributors.join(', ')]);
  if (k.contributorsTarget !== undefined) rows.push(['Contributors’ targets', withUnit(fullNumber(k.contributorsTarget), k.unit)]);
  rows.push(['File', where(k)]);
  return {
    id: `${ctx.folder}#kpi:${k.id}`,
    label: k.metric,
    description: parts.join(' · '),
    icon: k.pace ? PACE_ICON[k.pace] : { id: 'graph' },
    tooltip: { title: k.metric, rows },
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

/** `Renovate the Shanghai Huaihai Road flagship` · `in-progress · due 2026-08-31 · 2.6M CNY`. */
export function initiativeRow(i: InitiativeNode, ctx: PlanContext): ViewNode {
  const cur = ctx.currency;
  const over = i.budget !== undefined && i.spent > i.budget;
  const parts: string[] = [];
  if (i.status) parts.push(i.status);
  if (i.due) parts.push(i.overdue ? `overdue since ${i.due}` : `due ${i.due}`);
  if (i.budget !== undefined) parts.push(compactMoney(i.budget, cur));
  if (over) parts.push('over budget');
  const rows: [string, string][] = [['Id', i.id]];
  if (i.status) rows.push(['Status', i.status]);
  if (i.owner) rows.push(['Owner', i.owner]);
  if (i.due) rows.push(['Due', i.due + (i.overdue ? ' (overdue)' : '')]);
  if (i.budget !== undefined) rows.push(['Budget', fullMoney(i.budget, cur)]);
  rows.push(['Spent', fullMoney(i.spent, cur) + (over ? ' (over budget)' : '')]);
  if (i.project) rows.push(['Project', i.project]);
  rows.push(['File', where(i)]);
  return {
    id: `${ctx.folder}#initiative:${i.id}`,
    label: i.title,
    description: parts.join(' · '),
    icon: i.overdue ? { id: 'warning', color: 'list.warningForeground' } : (STATUS_ICON[i.status ?? ''] ?? { id: 'circle-outline' }),
    tooltip: { title: i.title, rows },
    location: { folder: ctx.folder, file: i.file, line: i.line },
    entity: { folder: ctx.folder, kind: 'initiative', id: i.id },
    children: [],
  };
}
