import { str } from '../model/entity';
import type { WorkspaceModel as Workspace } from '../model/queries';
import { buildPlanTree } from '../plan/tree';
import { budgetSection } from './budget';
import { byString, lineOf } from './common';
import { healthSection } from './health';
import { inventorySection } from './inventory';
import { kpiSection } from './kpi';
import { burnRows, kpiTrends, marketSection, peopleSection } from './monitor';
import { partnerSection } from './partners';
import { periodOptions } from './periods';
import { timelineSection } from './timeline';
import { trainingSection } from './training';
import { DASHBOARD_DATA_VERSION, type DashboardData, type DashboardOptions, type RegionInfo } from './types';

/**
 * Everything the dashboards show, as plain versioned JSON, evaluated at `ws.todayDate`. The
 * editor panel and the static report render the same object, so both show the same numbers.
 */
export function buildDashboard(ws: Workspace, options: DashboardOptions = {}): DashboardData {
  const tree = buildPlanTree(ws);
  const regions = ws
    .entities('region')
    .sort(byString((r) => r.id))
    .map((r): RegionInfo => {
      const info: RegionInfo = { id: r.id, name: r.title, file: r.file, line: lineOf(ws, r) };
      const parent = str(r.data['parent']);
      if (parent) info.parent = parent;
      return info;
    });
  const kpi = kpiSection(tree, ws.todayDate);
  const budget = budgetSection(ws, tree);
  const data: DashboardData = {
    version: DASHBOARD_DATA_VERSION,
    asOf: ws.todayDate,
    regions,
    periods: periodOptions([...budget.plans.map((p) => p.period), ...budget.projects.map((p) => p.period)], tree.fiscalYearStart),
    kpi,
    budget,
    timeline: timelineSection(ws),
    partners: partnerSection(ws),
    inventory: inventorySection(ws),
    training: trainingSection(ws),
    health: healthSection(ws, options.dueWithinDays ?? 60, options.diagnosticsLimit ?? 1000),
    trends: kpiTrends(ws, tree),
    burn: burnRows(tree),
    people: peopleSection(ws),
    market: marketSection(ws),
  };
  if (options.title !== undefined) data.title = options.title;
  if (options.generatedAt !== undefined) data.generatedAt = options.generatedAt;
  if (ws.config.locale) data.locale = ws.config.locale;
  const currency = mainCurrency(data);
  if (currency) data.currency = currency;
  return data;
}

/** The most frequent currency among plans, projects and partner contracts. */
function mainCurrency(d: DashboardData): string | undefined {
  const counts = new Map<string, number>();
  const add = (c: string | undefined) => {
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  };
  d.budget.plans.forEach((p) => add(p.currency));
  d.budget.projects.forEach((p) => add(p.currency));
  d.partners.rows.forEach((p) => add(p.currency));
  let best: string | undefined;
  let n = 0;
  for (const [c, k] of counts) if (k > n) [best, n] = [c, k];
  return best;
}
