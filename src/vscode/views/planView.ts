import { buildPlanTree, countOf, type Entity, Formatter, type OpsbookWorkspace, type PlanNode } from '../../core';
import { initiativeRow, kpiRow, objectiveRow, planRow, type PlanContext } from './planLabels';
import * as l10n from '@vscode/l10n';
import { perFolder, type FolderInput, type ViewNode } from './viewNode';

/** Kinds the Plans view shows; `opsbook.plans.reveal` accepts ids of these. */
export const PLAN_KINDS: readonly string[] = ['plan', 'objective', 'kpi', 'initiative'];

function planBranch(p: PlanNode, folder: string, fmt: Formatter, top: boolean, asOf: string): ViewNode {
  const ctx: PlanContext = { folder, fmt, asOf };
  const node = planRow(p, ctx);
  if (p.currency) ctx.currency = p.currency;
  for (const o of p.objectives) {
    const obj = objectiveRow(o, ctx);
    obj.children = [...o.kpis.map((k) => kpiRow(k, ctx)), ...o.initiatives.map((i) => initiativeRow(i, ctx))];
    node.children.push(obj);
  }
  for (const c of p.children) node.children.push(planBranch(c, folder, fmt, false, asOf));
  if (top) node.expanded = true;
  return node;
}

function countPlans(nodes: readonly ViewNode[]): number {
  return nodes.reduce((n, x) => n + (x.entity?.kind === 'plan' ? 1 : 0) + countPlans(x.children), 0);
}

/**
 * The Plans view: plan → objectives (→ KPIs, initiatives) and sub-plans, with one root per
 * folder when several folders have plans.
 */
export function buildPlansView(folders: readonly FolderInput[]): ViewNode[] {
  return perFolder(
    folders,
    (f) => {
      const fmt = new Formatter(f.workspace.config.locale);
      const tree = buildPlanTree(f.workspace);
      return tree.roots.map((p) => planBranch(p, f.key, fmt, true, tree.today));
    },
    (nodes) => {
      const n = countPlans(nodes);
      return countOf(n, l10n.t('1 plan'), l10n.t('{0} plans', n));
    },
  );
}

/**
 * The plan, objective, KPI or initiative a cursor is in: the last one whose id line is at or
 * above `line` (1-based) in `file`. Nested entries start below their parent, so this is the innermost.
 */
export function planEntityAt(ws: OpsbookWorkspace, file: string, line: number): Entity | undefined {
  let best: Entity | undefined;
  let bestLine = 0;
  for (const e of ws.entitiesIn(file)) {
    if (!PLAN_KINDS.includes(e.kind)) continue;
    const start = ws.entityRange(e).start.line;
    if (start <= line && start >= bestLine) {
      best = e;
      bestLine = start;
    }
  }
  return best;
}
