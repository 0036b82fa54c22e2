import { compareEntities, field, num, str, type Entity } from '../model/entity';
import type { WorkspaceModel as Workspace } from '../model/queries';
import { assign, lineOf } from '../dashboard/common';
import { fmt, projectExpenses, projectSpent } from '../rules/ops';
import { additiveUnitList, unitClassifier, type UnitClassifier } from '../vocab/units';
import { elapsedShare } from '../period/order';
import { isIsoDate } from '../util/dates';
import { attainment } from '../forecast/forecast';
import { kpiForecast, type KpiForecast } from '../forecast/kpi';
import { planBurn, planExpenses, type Burn } from '../forecast/burn';
import { explainForecast } from '../forecast/explain';
import { kpiSeries, seriesActual } from '../forecast/series';

export { attainment };

export interface Located {
  file: string;
  line: number;
}

export interface KpiNode extends Located {
  id: string;
  metric: string;
  unit: string;
  direction: 'up' | 'down';
  target?: number;
  actual?: number;
  /** actual / target (up) or target / actual (down); 1 = 100 %. */
  attainment?: number;
  /** True when `actual` was summed from contributing KPIs because the KPI has none of its own. */
  actualRolledUp: boolean;
  /** Sum of contributing KPIs' targets (additive units), for comparison with `target`. */
  contributorsTarget?: number;
  contributors: string[];
  contributesTo?: string;
  /** Pace against the elapsed share of the plan's period (see `kpiPace`). */
  pace?: Pace;
  /** True when `actual` was derived from the KPI's own `actuals` (their sum, or the latest for a level). */
  actualFromSeries?: boolean;
  /** Forecast for the end of the plan's period, for a KPI with a series (its own or its contributors'). */
  forecast?: KpiForecastNode;
}

/** A KPI's forecast as trees, views and `tree --format json` carry it. */
export interface KpiForecastNode {
  value: number;
  /** attainment(target, value) in the KPI's direction: 1 = the target is reached. */
  ratio?: number;
  method: KpiForecast['method'];
  /** Which way the series moves per period (least squares); absent under two periods. */
  trend?: KpiForecast['trend'];
  /** `own` actuals, or the `contributors`' series summed by period. */
  source: KpiForecast['source'];
  /** Periods used: how many, the first and the last. */
  points: number;
  from: string;
  through: string;
  /** The method and arithmetic in words (English, plain numbers), for hovers and notes. */
  explanation: string;
}

export type Pace = 'on-track' | 'at-risk' | 'off-track';

/**
 * Pace of a KPI against the elapsed share of its period. Cumulative KPIs (money, counts)
 * accrue over the period: half-way through the year, half the target is on track for an
 * up-KPI, and for a down-KPI (an allowance such as damaged deliveries) using more than half of
 * it is behind. Level KPIs (%, scores, days) are compared with the full target. On track from
 * 95 % of the expectation, at risk from 80 %.
 */
export function kpiPace(
  target: number | undefined,
  actual: number | undefined,
  direction: 'up' | 'down',
  additive: boolean,
  elapsed: number | undefined,
): Pace | undefined {
  const share = additive ? (elapsed ?? 1) : 1;
  const ratio = attainment(target === undefined ? undefined : target * share, actual, direction);
  if (ratio === undefined) return undefined;
  return ratio >= 0.95 ? 'on-track' : ratio >= 0.8 ? 'at-risk' : 'off-track';
}

export interface InitiativeNode extends Located {
  id: string;
  title: string;
  owner?: string;
  due?: string;
  status?: string;
  budget?: number;
  spent: number;
  overdue: boolean;
  project?: string;
}

export interface ObjectiveNode extends Located {
  id: string;
  title: string;
  attainment?: number;
  kpis: KpiNode[];
  initiatives: InitiativeNode[];
}

export interface Money {
  budget?: number;
  allocated: number;
  spent: number;
}

export interface PlanNode extends Located {
  id: string;
  title: string;
  region?: string;
  period?: string;
  status?: string;
  owner?: string;
  currency?: string;
  attainment?: number;
  /** This plan's own figures. */
  money: Money;
  /** This plan plus every plan below it. */
  rollup: Money;
  /** Budget burn: dated spending (this plan and its sub-plans) against its phasing or elapsed time. */
  burn?: Burn;
  objectives: ObjectiveNode[];
  children: PlanNode[];
}

export interface PlanTree {
  today: string;
  /** Month in which fiscal periods start, for the plans' `FY…` periods. */
  fiscalYearStart: number;
  /** Units that add up, lower-cased (`additiveUnitList`), for views that weigh pace by elapsed time. */
  additiveUnits: string[];
  roots: PlanNode[];
}

/** The kinds whose entities the plan tree shows, each with its line. */
export const PLAN_TREE_KINDS = ['plan', 'objective', 'kpi', 'initiative'] as const;

/** The plan tree: company plan → regional plans (via `parent`) → objectives → KPIs and initiatives. */
export function buildPlanTree(ws: Workspace): PlanTree {
  // By id; plans sharing an id (an id/duplicate error) in source order, however they were loaded.
  const plans = ws.entities('plan').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : compareEntities(a, b)));
  const nodes = new Map<Entity, PlanNode>();
  const additiveUnits = additiveUnitList(ws.config);
  const additive = unitClassifier(additiveUnits);
  for (const p of plans) nodes.set(p, planNode(ws, p, additive));
  const roots: PlanNode[] = [];
  for (const p of plans) {
    const parentId = str(p.data['parent']);
    const parent = parentId ? ws.get('plan', parentId) : undefined;
    const node = nodes.get(p) as PlanNode;
    // A parent chain that loops (ref/cycle) would hide plans; such plans stay roots.
    if (parent && parent !== p && nodes.has(parent) && !reaches(ws, parent, p)) nodes.get(parent)?.children.push(node);
    else roots.push(node);
  }
  for (const r of roots) rollUp(r);
  return { today: ws.todayDate, fiscalYearStart: ws.config.fiscalYearStart, additiveUnits, roots };
}

function reaches(ws: Workspace, from: Entity, target: Entity): boolean {
  const seen = new Set<Entity>();
  let cur: Entity | undefined = from;
  while (cur && !seen.has(cur)) {
    if (cur === target) return true;
    seen.add(cur);
    const pid = str(cur.data['parent']);
    cur = pid ? ws.get('plan', pid) : undefined;
  }
  return false;
}

function rollUp(n: PlanNode): Money {
  const total: Money = { allocated: n.money.allocated, spent: n.money.spent };
  if (n.money.budget !== undefined) total.budget = n.money.budget;
  for (const c of n.children) {
    const m = rollUp(c);
    total.allocated += m.allocated;
    total.spent += m.spent;
  }
  n.rollup = total;
  return total;
}

function planNode(ws: Workspace, p: Entity, additive: UnitClassifier): PlanNode {
  const elapsed = elapsedShare(p.data['period'], ws.todayDate, ws.config.fiscalYearStart);
  const objectives = ws
    .children(p)
    .filter((c) => c.kind === 'objective')
    .map((o) => objectiveNode(ws, o, elapsed, additive));
  const allocated = objectives.reduce((s, o) => s + o.initiatives.reduce((t, i) => t + (i.budget ?? 0), 0), 0);
  const spent = objectives.reduce((s, o) => s + o.initiatives.reduce((t, i) => t + i.spent, 0), 0);
  const money: Money = { allocated, spent };
  const budget = num(field(p, 'budget.amount'));
  if (budget !== undefined) money.budget = budget;
  const node: PlanNode = { id: p.id, title: p.title, file: p.file, line: lineOf(ws, p), money, rollup: { ...money }, objectives, children: [] };
  assign(node, 'region', str(p.data['region']));
  assign(node, 'period', str(p.data['period']));
  assign(node, 'status', str(p.data['status']));
  assign(node, 'owner', str(p.data['owner']));
  assign(node, 'currency', str(field(p, 'budget.currency')));
  assign(node, 'attainment', mean(objectives.map((o) => o.attainment)));
  const parentOf = (x: Entity) => {
    const id = str(x.data['parent']);
    return id ? ws.get('plan', id) : undefined;
  };
  const expenses = planExpenses(
    p,
    (kind, id) => ws.referencesTo(kind, id),
    (x) => ws.children(x),
    parentOf,
  );
  assign(node, 'burn', planBurn(p, expenses, ws.todayDate, ws.config.fiscalYearStart));
  return node;
}

function objectiveNode(ws: Workspace, o: Entity, elapsed: number | undefined, additive: UnitClassifier): ObjectiveNode {
  const kids = ws.children(o);
  const kpis = kids.filter((k) => k.kind === 'kpi').map((k) => kpiNode(ws, k, elapsed, additive));
  const initiatives = kids.filter((k) => k.kind === 'initiative').map((i) => initiativeNode(ws, i));
  const node: ObjectiveNode = { id: o.id, title: o.title, file: o.file, line: lineOf(ws, o), kpis, initiatives };
  assign(node, 'attainment', mean(kpis.map((k) => k.attainment)));
  return node;
}

function kpiNode(ws: Workspace, k: Entity, elapsed: number | undefined, additive: UnitClassifier): KpiNode {
  const direction = k.data['direction'] === 'down' ? 'down' : 'up';
  const unit = str(k.data['unit']) ?? '';
  const contributors = ws
    .referencesTo('kpi', k.id)
    .filter((r) => r.field === 'contributes_to' && r.from.kind === 'kpi')
    .map((r) => r.from)
    .sort(compareEntities);
  const fy = ws.config.fiscalYearStart;
  let actual = kpiActual(k, additive, fy);
  let actualRolledUp = false;
  const target = num(k.data['target']);
  const node: KpiNode = {
    id: k.id,
    metric: str(k.data['metric']) ?? k.title,
    unit,
    direction,
    file: k.file,
    line: lineOf(ws, k),
    actualRolledUp,
    contributors: contributors.map((c) => c.id),
  };
  if (contributors.length > 0 && additive(unit) && contributors.every((c) => c.data['unit'] === unit)) {
    node.contributorsTarget = contributors.reduce((s, c) => s + (num(c.data['target']) ?? 0), 0);
    if (actual === undefined && contributors.every((c) => kpiActual(c, additive, fy) !== undefined)) {
      actual = contributors.reduce((s, c) => s + (kpiActual(c, additive, fy) ?? 0), 0);
      actualRolledUp = true;
    }
  }
  node.actualRolledUp = actualRolledUp;
  assign(node, 'target', target);
  assign(node, 'actual', actual);
  assign(node, 'attainment', attainment(target, actual, direction));
  assign(node, 'contributesTo', str(k.data['contributes_to']));
  assign(node, 'pace', kpiPace(target, actual, direction, additive(unit), elapsed));
  if (num(k.data['actual']) === undefined && kpiSeries(k.data['actuals'], fy).length > 0) node.actualFromSeries = true;
  const f = kpiForecast(k, (kind, id) => ws.referencesTo(kind, id), additive, fy, ws.todayDate);
  if (f) {
    const forecast: KpiForecastNode = {
      value: f.value,
      ...(f.ratio !== undefined && { ratio: f.ratio }),
      method: f.method,
      ...(f.trend !== undefined && { trend: f.trend }),
      source: f.source,
      points: f.points,
      from: f.from,
      through: f.through,
      explanation: explainForecast(f, unit, (x) => fmt(Math.round(x * 100) / 100)),
    };
    node.forecast = forecast;
  }
  return node;
}

/** A KPI's actual: as written, else derived from its own `actuals` (sum, or the latest for a level). */
function kpiActual(k: Entity, additive: UnitClassifier, fiscalYearStart: number): number | undefined {
  return num(k.data['actual']) ?? seriesActual(kpiSeries(k.data['actuals'], fiscalYearStart), additive(k.data['unit']));
}

/** Spent on an initiative: its own expenses plus what its linked projects spent. */
export function initiativeSpent(ws: Workspace, i: Entity): number {
  let spent = 0;
  for (const r of ws.referencesTo('initiative', i.id)) {
    if (r.from.kind === 'expense' && r.field === 'initiative' && !str(r.from.data['project'])) spent += num(r.from.data['amount']) ?? 0;
    if (r.from.kind === 'project' && r.field === 'plan') {
      spent += projectSpent(r.from, projectExpenses(ws.referencesTo('project', r.from.id))).spent;
    }
  }
  return spent;
}

function initiativeNode(ws: Workspace, i: Entity): InitiativeNode {
  const due = str(i.data['due']);
  const status = str(i.data['status']);
  const node: InitiativeNode = {
    id: i.id,
    title: i.title,
    file: i.file,
    line: lineOf(ws, i),
    spent: initiativeSpent(ws, i),
    overdue: isIsoDate(due) && due < ws.todayDate && status !== 'done' && status !== 'cancelled',
  };
  assign(node, 'owner', str(i.data['owner']));
  assign(node, 'due', due);
  assign(node, 'status', status);
  assign(node, 'budget', num(i.data['budget']));
  assign(node, 'project', str(i.data['project']));
  return node;
}

function mean(values: (number | undefined)[]): number | undefined {
  const v = values.filter((x): x is number => x !== undefined && Number.isFinite(x));
  return v.length === 0 ? undefined : v.reduce((s, x) => s + x, 0) / v.length;
}
