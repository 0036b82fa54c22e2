import { entityAnchor, field, num, str, type Entity } from '../model/entity';
import { planBurn, planExpenses } from '../forecast/burn';
import { fmt } from './ops';
import type { Rule, RuleContext } from './rule';

/** `plan/burn-ahead`: spending runs ahead of the budget's phasing (or of elapsed time) by more than `margin` points. */
export const burnAhead: Rule = {
  id: 'plan/burn-ahead',
  kinds: ['plan'],
  check(e, ctx) {
    if (num(field(e, 'budget.amount')) === undefined) return;
    const burn = planBurn(
      e,
      planExpenses(e, ctx.referrers, ctx.children, (p) => parentPlan(p, ctx)),
      ctx.today,
      ctx.fiscalYearStart,
    );
    if (!burn) return;
    const margin = num(ctx.options('plan/burn-ahead')['margin']) ?? 15;
    const ahead = (burn.spentShare - burn.expectedShare) * 100;
    if (ahead <= margin + 1e-9) return;
    const cur = str(field(e, 'budget.currency')) ?? '';
    const pts = (x: number) => fmt(Math.round(x * 10) / 10);
    const expected =
      burn.method === 'phasing'
        ? `the ${pts(burn.expectedShare * 100)} % its phasing expects by ${ctx.today}`
        : `the ${pts(burn.expectedShare * 100)} % of its period ${String(e.data['period'])} elapsed by ${ctx.today} (no phasing)`;
    ctx.report({
      anchor: entityAnchor(e, burn.method === 'phasing' ? ['budget', 'phasing'] : ['budget', 'amount'], burn.method === 'phasing' ? 'key' : 'value'),
      ruleId: 'plan/burn-ahead',
      entity: e.id,
      message:
        `plan ${e.id} has spent ${pts(burn.spentShare * 100)} % of its budget (${fmt(Math.round(burn.spent * 100) / 100)} of ${fmt(burn.budget)} ${cur}, ` +
        `${burn.expenses} ${burn.expenses === 1 ? 'expense' : 'expenses'} booked to its initiatives, projects and sub-plans), ${pts(ahead)} points ahead of ${expected}; ` +
        `margin ${fmt(margin)} points. Slow the spending or re-phase the budget`,
    });
  },
};

function parentPlan(p: Entity, ctx: RuleContext): Entity | undefined {
  const id = str(p.data['parent']);
  return id ? ctx.lookup('plan', id)[0] : undefined;
}
