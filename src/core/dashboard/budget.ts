import { num, str } from '../model/entity';
import type { WorkspaceModel as Workspace } from '../model/queries';
import type { PlanTree } from '../plan/tree';
import { projectExpenses, projectSpent } from '../rules/ops';
import { assign, byString, lineOf, refFirst, tally } from './common';
import { flattenPlans } from './kpi';
import type { BudgetPlanRow, BudgetProjectRow, BudgetRegionRow, BudgetSection } from './types';

/** Plan budget vs allocated to initiatives vs spent, per plan, per region and per project. */
export function budgetSection(ws: Workspace, tree: PlanTree): BudgetSection {
  const plans: BudgetPlanRow[] = flattenPlans(tree).map(({ node: p, parent }) => {
    const row: BudgetPlanRow = {
      plan: p.id,
      title: p.title,
      file: p.file,
      line: p.line,
      allocated: p.money.allocated,
      spent: p.money.spent,
      rollupAllocated: p.rollup.allocated,
      rollupSpent: p.rollup.spent,
      overAllocated: p.money.budget !== undefined && p.money.allocated > p.money.budget,
      overSpent: p.money.budget !== undefined && p.money.spent > p.money.budget,
    };
    assign(row, 'region', p.region);
    assign(row, 'period', p.period);
    assign(row, 'parent', parent?.id);
    assign(row, 'currency', p.currency);
    assign(row, 'budget', p.money.budget);
    return row;
  });

  const projects: BudgetProjectRow[] = ws
    .entities('project')
    .sort(byString((e) => e.id))
    .map((e) => {
      const expenses = projectExpenses(ws.referencesTo('project', e.id));
      const { spent, source } = projectSpent(e, expenses);
      const budget = num(e.data['budget']);
      const row: BudgetProjectRow = {
        project: e.id,
        title: e.title,
        file: e.file,
        line: lineOf(ws, e),
        spent,
        spentSource: source,
        expenseCount: expenses.length,
        overBudget: budget !== undefined && spent > budget,
      };
      assign(row, 'region', str(e.data['region']));
      assign(row, 'type', str(e.data['type']));
      assign(row, 'status', str(e.data['status']));
      assign(row, 'currency', str(e.data['currency']));
      assign(row, 'budget', budget);
      const iniId = str(e.data['plan']);
      assign(row, 'initiative', iniId);
      let plan = iniId ? ws.get('initiative', iniId)?.parent : undefined;
      while (plan && plan.kind !== 'plan') plan = plan.parent;
      assign(row, 'plan', plan?.id);
      assign(row, 'period', plan ? str(plan.data['period']) : undefined);
      return row;
    });

  const regions = new Map<string, BudgetRegionRow>();
  const regionRow = (region: string, currency: string | undefined) => (): BudgetRegionRow => {
    const r: BudgetRegionRow = {
      region,
      budget: 0,
      allocated: 0,
      spent: 0,
      expenses: 0,
      projectBudget: 0,
      projectSpent: 0,
      overAllocated: false,
      overSpent: false,
    };
    assign(r, 'currency', currency);
    return r;
  };
  const key = (region: string | undefined, currency: string | undefined) => `${region ?? ''}\u0000${currency ?? ''}`;
  for (const p of plans) {
    if (!p.region) continue;
    tally(regions, key(p.region, p.currency), regionRow(p.region, p.currency), (r) => {
      r.budget += p.budget ?? 0;
      r.allocated += p.allocated;
      r.spent += p.spent;
      refFirst(r, p);
    });
  }
  for (const p of projects) {
    if (!p.region) continue;
    tally(regions, key(p.region, p.currency), regionRow(p.region, p.currency), (r) => {
      r.projectBudget += p.budget ?? 0;
      r.projectSpent += p.spent;
    });
  }
  for (const x of ws.entities('expense')) {
    const region = str(x.data['region']);
    if (!region) continue;
    const currency = str(x.data['currency']);
    tally(regions, key(region, currency), regionRow(region, currency), (r) => {
      r.expenses += num(x.data['amount']) ?? 0;
    });
  }
  const regionRows = [...regions.values()].sort(byString((r) => `${r.region}\u0000${r.currency ?? ''}`));
  for (const r of regionRows) {
    r.overAllocated = r.budget > 0 && r.allocated > r.budget;
    r.overSpent = r.budget > 0 && r.spent > r.budget;
  }
  return { plans, regions: regionRows, projects };
}
