import { type KpiNode, type PlanNode, type PlanTree } from '../plan/tree';
import { unitClassifier } from '../vocab/units';
import { comparePeriods, elapsedShare } from '../period/order';
import { meanAttainment, paceCounts, sumOf } from './aggregate';
import { assign, currencyOf } from './common';
import type { KpiPlanSummary, KpiRow, KpiSection } from './types';

/** Every plan of the tree, parents before children, with its parent plan. */
export function flattenPlans(tree: PlanTree): { node: PlanNode; parent?: PlanNode }[] {
  const out: { node: PlanNode; parent?: PlanNode }[] = [];
  const walk = (node: PlanNode, parent: PlanNode | undefined) => {
    out.push(parent ? { node, parent } : { node });
    for (const c of node.children) walk(c, node);
  };
  for (const r of tree.roots) walk(r, undefined);
  return out;
}

/** KPI attainment and pace per plan (a region in a period), with regional → company roll-ups. */
export function kpiSection(tree: PlanTree, asOf: string): KpiSection {
  const rows: KpiRow[] = [];
  const plans: KpiPlanSummary[] = [];
  const periods = new Set<string>();
  const additive = unitClassifier(tree.additiveUnits);
  for (const { node: p, parent } of flattenPlans(tree)) {
    const level = parent ? 'region' : 'company';
    const elapsed = elapsedShare(p.period, asOf, tree.fiscalYearStart);
    if (p.period) periods.add(p.period);
    const own = p.objectives.flatMap((o) => o.kpis.map((k) => kpiRow(k, p, o.id, o.title, level, elapsed, additive(k.unit))));
    rows.push(...own);
    const summary: KpiPlanSummary = { plan: p.id, title: p.title, file: p.file, line: p.line, level, kpis: own.length, ...paceCounts(own) };
    assign(summary, 'region', p.region);
    assign(summary, 'period', p.period);
    assign(summary, 'attainment', meanAttainment(own));
    plans.push(summary);
  }
  // Contributors' actuals, for the company KPI's regional breakdown.
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const r of rows) {
    if (r.contributors.length === 0 || r.contributorsTarget === undefined) continue;
    const actuals = r.contributors.map((c) => byId.get(c)?.actual);
    if (actuals.every((a) => a !== undefined)) r.contributorsActual = sumOf(actuals, (a) => a);
  }
  return { periods: [...periods].sort((a, b) => comparePeriods(a, b, tree.fiscalYearStart)), plans, rows };
}

function kpiRow(
  k: KpiNode,
  p: PlanNode,
  objective: string,
  objectiveTitle: string,
  level: 'company' | 'region',
  elapsed: number | undefined,
  additive: boolean,
): KpiRow {
  const row: KpiRow = {
    id: k.id,
    metric: k.metric,
    unit: k.unit,
    direction: k.direction,
    plan: p.id,
    planTitle: p.title,
    objective,
    objectiveTitle,
    level,
    actualRolledUp: k.actualRolledUp,
    contributors: [...k.contributors].sort(),
    file: k.file,
    line: k.line,
  };
  assign(row, 'currency', currencyOf(k.unit));
  assign(row, 'region', p.region);
  assign(row, 'period', p.period);
  assign(row, 'target', k.target);
  assign(row, 'actual', k.actual);
  assign(row, 'attainment', k.attainment);
  assign(row, 'elapsed', elapsed);
  if (k.attainment !== undefined) row.expected = additive ? (elapsed ?? 1) : 1;
  assign(row, 'pace', k.pace);
  assign(row, 'contributesTo', k.contributesTo);
  assign(row, 'contributorsTarget', k.contributorsTarget);
  return row;
}
