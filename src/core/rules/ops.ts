import { compareEntities, entityAnchor, field, num, str, wordOf, type Entity, type Reference } from '../model/entity';
import { Formatter } from '../format/format';
import { addDays, isIsoDate } from '../util/dates';
import { periodRange } from '../period/parse';
import type { Rule } from './rule';
import { requiredCourseStatus } from './training';

/** `date/order`: a start after its end or due date. */
export const dateOrder: Rule = {
  id: 'date/order',
  kinds: ['project', 'partner', 'plan', 'initiative'],
  check(e, ctx) {
    const pairs: [string, string][] = [
      ['start', 'due'],
      ['start', 'end'],
      ['contract.start', 'contract.end'],
    ];
    for (const [a, b] of pairs) {
      const start = field(e, a);
      const end = field(e, b);
      if (isIsoDate(start) && isIsoDate(end) && start > end) {
        ctx.report({
          anchor: entityAnchor(e, b.split('.'), 'value'),
          ruleId: 'date/order',
          entity: e.id,
          message: `${e.kind} ${e.id}: ${a} ${start} is after ${b} ${end}; fix one of the dates`,
        });
      }
    }
  },
};

/** `plan/rollup-mismatch`: contributing KPI targets must sum to the parent KPI's target. */
export const rollupMismatch: Rule = {
  id: 'plan/rollup-mismatch',
  kinds: ['kpi'],
  check(e, ctx) {
    const target = num(e.data['target']);
    if (target === undefined || !ctx.isAdditive(e.data['unit'])) return;
    const contributors = ctx
      .referrers('kpi', e.id)
      .filter((r) => r.field === 'contributes_to' && r.from.kind === 'kpi')
      .map((r) => r.from)
      .sort(compareEntities);
    if (contributors.length === 0) return;
    if (contributors.some((c) => c.data['unit'] !== e.data['unit'])) {
      const odd = contributors.find((c) => c.data['unit'] !== e.data['unit']) as Entity;
      ctx.report({
        anchor: entityAnchor(e, ['unit'], 'value'),
        ruleId: 'plan/rollup-mismatch',
        entity: e.id,
        message: `KPI ${e.id} is in ${String(e.data['unit'])} but contributing KPI ${odd.id} is in ${String(odd.data['unit'])}; use one unit to roll up`,
      });
      return;
    }
    const sum = contributors.reduce((s, c) => s + (num(c.data['target']) ?? 0), 0);
    if (Math.abs(sum - target) > Math.max(1e-6, Math.abs(target) * 1e-9)) {
      ctx.report({
        anchor: entityAnchor(e, ['target'], 'value'),
        ruleId: 'plan/rollup-mismatch',
        entity: e.id,
        message: `KPI ${e.id} target ${fmt(target)} ${String(e.data['unit'])} ≠ ${fmt(sum)}, the sum of its ${contributors.length} contributing KPIs (${contributors.map((c) => `${c.id} ${fmt(num(c.data['target']) ?? 0)}`).join(', ')})`,
        related: contributors.map((c) => ({ anchor: entityAnchor(c, ['target'], 'value'), message: `${c.id} target` })),
      });
    }
  },
};

function initiativesOf(plan: Entity, children: (e: Entity) => Entity[]): Entity[] {
  return children(plan)
    .flatMap((o) => children(o))
    .filter((x) => x.kind === 'initiative');
}

/** `plan/budget-exceeded`: initiative budgets above the plan budget. */
export const budgetExceeded: Rule = {
  id: 'plan/budget-exceeded',
  kinds: ['plan'],
  check(e, ctx) {
    const budget = num(field(e, 'budget.amount'));
    if (budget === undefined) return;
    const inis = initiativesOf(e, ctx.children);
    const allocated = inis.reduce((s, i) => s + (num(i.data['budget']) ?? 0), 0);
    if (allocated > budget) {
      const cur = str(field(e, 'budget.currency')) ?? '';
      ctx.report({
        anchor: entityAnchor(e, ['budget', 'amount'], 'value'),
        ruleId: 'plan/budget-exceeded',
        entity: e.id,
        message: `plan ${e.id}: initiatives allocate ${fmt(allocated)} ${cur}, ${fmt(allocated - budget)} over the plan budget of ${fmt(budget)} ${cur}`,
      });
    }
  },
};

function planOf(e: Entity): Entity | undefined {
  let p = e.parent;
  while (p && p.kind !== 'plan') p = p.parent;
  return p;
}

/** `plan/due-outside-period`: an initiative due outside its plan's period. */
export const dueOutsidePeriod: Rule = {
  id: 'plan/due-outside-period',
  kinds: ['initiative'],
  check(e, ctx) {
    const due = e.data['due'];
    const plan = planOf(e);
    const range = plan ? periodRange(plan.data['period'], ctx.fiscalYearStart) : undefined;
    if (!plan || !range || !isIsoDate(due)) return;
    if (due < range.start || due > range.end) {
      ctx.report({
        anchor: entityAnchor(e, ['due'], 'value'),
        ruleId: 'plan/due-outside-period',
        entity: e.id,
        message: `initiative ${e.id} is due ${due}, outside its plan ${plan.id}'s period ${String(plan.data['period'])} (${range.start} – ${range.end})`,
      });
    }
  },
};

/** Expenses booked against a project (`project:` field), from the references to the project. */
export function projectExpenses(referrers: readonly Reference[]): Entity[] {
  return referrers.filter((r) => r.from.kind === 'expense' && r.field === 'project').map((r) => r.from);
}

/** Spent of a project: declared `spent`, else the sum of expenses that name it. */
export function projectSpent(e: Entity, expenses: Entity[]): { spent: number; source: 'declared' | 'expenses' } {
  const declared = num(e.data['spent']);
  if (declared !== undefined) return { spent: declared, source: 'declared' };
  return { spent: expenses.reduce((s, x) => s + (num(x.data['amount']) ?? 0), 0), source: 'expenses' };
}

/** `project/over-budget`: spent (declared or from expenses) above budget. */
export const overBudget: Rule = {
  id: 'project/over-budget',
  kinds: ['project'],
  check(e, ctx) {
    const budget = num(e.data['budget']);
    if (budget === undefined) return;
    const expenses = projectExpenses(ctx.referrers('project', e.id));
    const { spent, source } = projectSpent(e, expenses);
    if (spent > budget) {
      const cur = str(e.data['currency']) ?? '';
      ctx.report({
        anchor: entityAnchor(e, source === 'declared' ? ['spent'] : ['budget'], 'value'),
        ruleId: 'project/over-budget',
        entity: e.id,
        message: `project ${e.id}: spent ${fmt(spent)} ${cur}${source === 'expenses' ? ` (sum of ${expenses.length} expenses)` : ''} is ${fmt(spent - budget)} over its budget of ${fmt(budget)} ${cur}`,
      });
    }
  },
};

/** `project/overdue`: due before today and not done or cancelled. */
export const overdue: Rule = {
  id: 'project/overdue',
  kinds: ['project'],
  check(e, ctx) {
    const due = e.data['due'];
    const status = e.data['status'];
    if (isIsoDate(due) && due < ctx.today && status !== 'done' && status !== 'cancelled') {
      ctx.report({
        anchor: entityAnchor(e, ['due'], 'value'),
        ruleId: 'project/overdue',
        entity: e.id,
        message: `project ${e.id} was due ${due} and is still ${wordOf(e, 'status') ?? 'open'}; update its status or due date`,
      });
    }
  },
};

/** `price/below-floor`: a channel price under the product's floor price. */
export const belowFloor: Rule = {
  id: 'price/below-floor',
  kinds: ['product'],
  check(e, ctx) {
    const floor = num(e.data['floor_price']);
    const prices = e.data['channel_prices'];
    if (floor === undefined || !prices || typeof prices !== 'object' || Array.isArray(prices)) return;
    for (const [channel, value] of Object.entries(prices)) {
      const price = num(value);
      if (price !== undefined && price < floor) {
        ctx.report({
          anchor: entityAnchor(e, ['channel_prices', channel], 'value'),
          ruleId: 'price/below-floor',
          entity: e.id,
          message: `${e.id} ${channel} price ${fmt(price)} is below the floor price ${fmt(floor)} ${str(e.data['currency']) ?? ''}`.trim(),
        });
      }
    }
  },
};

/** `inventory/below-reorder`: on hand below the reorder point. */
export const belowReorder: Rule = {
  id: 'inventory/below-reorder',
  kinds: ['inventory'],
  check(e, ctx) {
    const items = e.data['items'];
    if (!Array.isArray(items)) return;
    items.forEach((item, i) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) return;
      const onHand = num(item['on_hand']);
      const reorder = num(item['reorder_point']);
      if (onHand !== undefined && reorder !== undefined && onHand < reorder) {
        ctx.report({
          anchor: entityAnchor(e, ['items', i, 'on_hand'], 'value'),
          ruleId: 'inventory/below-reorder',
          entity: e.id,
          message: `${e.id}: ${String(item['sku'])} has ${onHand} on hand, below its reorder point of ${reorder}; reorder`,
        });
      }
    });
  },
};

/** `partner/contract-expired` and `partner/contract-expiring`. */
export const contractDates: Rule = {
  id: 'partner/contract-expired',
  reports: ['partner/contract-expiring'],
  kinds: ['partner'],
  check(e, ctx) {
    const end = field(e, 'contract.end');
    if (e.data['status'] !== 'active' || !isIsoDate(end)) return;
    const anchor = entityAnchor(e, ['contract', 'end'], 'value');
    if (end < ctx.today) {
      ctx.report({
        anchor,
        ruleId: 'partner/contract-expired',
        entity: e.id,
        message: `partner ${e.id} (${e.title}) is active but its contract ended ${end}; renew it or set status to ended`,
      });
      return;
    }
    const days = num(ctx.options('partner/contract-expiring')['days']) ?? 60;
    if (end <= addDays(ctx.today, days)) {
      ctx.report({
        anchor,
        ruleId: 'partner/contract-expiring',
        entity: e.id,
        message: `partner ${e.id} (${e.title}): contract ends ${end}, within ${days} days; plan the renewal`,
      });
    }
  },
};

/** `standard/approval-missing`: approved without approvers. */
export const approvalMissing: Rule = {
  id: 'standard/approval-missing',
  kinds: ['standard', 'brand'],
  check(e, ctx) {
    if (e.data['status'] !== 'approved') return;
    const by = e.data['approved_by'];
    if (Array.isArray(by) ? by.length > 0 : typeof by === 'string' && by.trim() !== '') return;
    ctx.report({
      anchor: entityAnchor(e, ['status'], 'value'),
      ruleId: 'standard/approval-missing',
      entity: e.id,
      message: `${e.kind} ${e.id} is approved but lists no approved_by; add the approvers`,
    });
  },
};

/** `training/missing-required`: a person without a valid completion of a course their role needs. */
export const trainingRequired: Rule = {
  id: 'training/missing-required',
  kinds: ['person'],
  check(e, ctx) {
    const role = e.data['role'];
    if (typeof role !== 'string') return;
    for (const { course, valid } of requiredCourseStatus(e, ctx.all('course'), ctx.today)) {
      if (valid) continue;
      const months = num(course.data['valid_months']);
      const pass = num(course.data['pass_score']);
      ctx.report({
        anchor: entityAnchor(e, ['role'], 'value'),
        ruleId: 'training/missing-required',
        entity: e.id,
        message: `${e.id} (${e.title}, ${role}) has no valid completion of required course ${course.id} "${course.title}"${months ? ` (valid ${months} months` : ''}${pass !== undefined ? `${months ? ', ' : ' ('}pass ${pass})` : months ? ')' : ''}`,
      });
    }
  },
};

/** Findings are English: numbers as the English formatter writes them everywhere else (`1,280`, `3.46`); built on first use. */
let english: Formatter | undefined;

export function fmt(n: number): string {
  return (english ??= new Formatter()).number(n);
}
