import * as l10n from '@vscode/l10n';
import { barChart } from '../charts';
import { sumOf } from '../../../src/core/dashboard/aggregate';
import { titled } from '../../../src/core/format/words';
import { chartRows, named, optionsOf, passes, periodChoices, pill, refOf, section, stats, table, type TabDef } from '../ui';
import { burnSection } from './trends';

const over = (flag: boolean) => (flag ? 'over' : 'within');

export const budgetTab: TabDef = {
  id: 'budget',
  get label() {
    return l10n.t('Budget');
  },
  filters: (d) => [
    {
      key: 'region',
      label: l10n.t('Region'),
      options: optionsOf(
        [...d.budget.plans.map((p) => p.region), ...d.budget.projects.map((p) => p.region)],
        (v) => d.regions.find((x) => x.id === v)?.name ?? v,
      ),
    },
    { key: 'period', label: l10n.t('Period'), options: periodChoices(d) },
    {
      key: 'status',
      label: l10n.t('Budget'),
      options: [
        { value: 'over', label: l10n.t('over budget') },
        { value: 'within', label: l10n.t('within budget') },
      ],
    },
  ],
  badge: (d) => d.budget.projects.filter((p) => p.overBudget).length + d.budget.plans.filter((p) => p.overAllocated || p.overSpent).length,
  render(ctx) {
    const { fmt, filters, data } = ctx;
    const cur = data.currency;
    const money = (n: number | undefined, c = cur) => fmt.currency(n, c);
    const short = (n: number | undefined, c = cur) => fmt.currency(n, c, { compact: true });
    const plans = data.budget.plans.filter((p) =>
      passes(filters, { region: p.region, period: p.period, status: over(p.overAllocated || p.overSpent) }, data.periods),
    );
    const regions = data.budget.regions.filter(
      (r) =>
        passes({ region: filters.region }, { region: r.region }) && (filters.status === undefined || over(r.overAllocated || r.overSpent) === filters.status),
    );
    const projects = data.budget.projects.filter((p) => passes(filters, { region: p.region, period: p.period, status: over(p.overBudget) }, data.periods));
    const overProjects = projects.filter((p) => p.overBudget);
    const roots = plans.filter((p) => !p.parent || !plans.some((q) => q.plan === p.parent));
    const out: Node[] = [
      stats([
        { label: l10n.t('Plan budgets (top level)'), value: money(sumOf(roots, (p) => p.budget)) },
        { label: l10n.t('Allocated (incl. sub-plans)'), value: money(sumOf(roots, (p) => p.rollupAllocated)) },
        { label: l10n.t('Spent (incl. sub-plans)'), value: money(sumOf(roots, (p) => p.rollupSpent)) },
        { label: l10n.t('Projects over budget'), value: fmt.number(overProjects.length), colour: overProjects.length ? 'red' : 'green' },
      ]),
    ];
    const legend = [
      { colour: 'grey' as const, label: l10n.t('budget') },
      { colour: 'blue' as const, label: l10n.t('allocated to initiatives') },
      { colour: 'green' as const, label: l10n.t('spent') },
      { colour: 'red' as const, label: l10n.t('spent, over budget') },
    ];
    const planChart = chartRows(
      plans,
      l10n.t('plans'),
      (a, b) => Number(b.overAllocated || b.overSpent) - Number(a.overAllocated || a.overSpent) || (b.budget ?? 0) - (a.budget ?? 0),
    );
    out.push(
      section(ctx, {
        id: 'budget-plans',
        chartNote: planChart.note,
        title: l10n.t('Plans: budget vs allocated vs spent'),
        note: l10n.t("A plan's own initiatives; the table adds its sub-plans (regional plans roll up into the company plan)."),
        legend,
        chart: () =>
          barChart({
            title: l10n.t('Plan budget, allocated and spent'),
            desc: planChart.rows
              .map((p) =>
                l10n.t(
                  '{0}: budget {1}, allocated {2}, spent {3}',
                  p.title || p.plan,
                  money(p.budget, p.currency),
                  money(p.allocated, p.currency),
                  money(p.spent, p.currency),
                ),
              )
              .join('; '),
            tick: (v) => short(v),
            rows: planChart.rows.map((p) => ({
              label: p.title || p.plan,
              value: l10n.t('{0} spent of {1}', short(p.spent, p.currency), short(p.budget, p.currency)),
              bars: [
                [{ value: p.budget ?? 0, colour: 'grey' }],
                [{ value: p.allocated, colour: p.overAllocated ? 'red' : 'blue' }],
                [{ value: p.spent, colour: p.overSpent ? 'red' : 'green' }],
              ],
              tooltip: l10n.t(
                '{0}: budget {1}, allocated {2}, spent {3}',
                titled(p.plan, p.title),
                money(p.budget, p.currency),
                money(p.allocated, p.currency),
                money(p.spent, p.currency),
              ),
              ref: refOf(p),
            })),
            onOpen: ctx.open,
          }),
        table: () =>
          table(ctx, {
            caption: l10n.t('Plan budgets'),
            rows: plans,
            key: (p) => p.plan,
            ref: refOf,
            rowClass: (p) => (p.overAllocated || p.overSpent ? 'flagged' : undefined),
            columns: [
              { header: l10n.t('Plan'), cell: (p) => named(p.title, p.plan) },
              { header: l10n.t('Region'), cell: (p) => ctx.region(p.region) },
              { header: l10n.t('Period'), cell: (p) => p.period ?? '–' },
              { header: l10n.t('Budget'), cell: (p) => money(p.budget, p.currency), numeric: true },
              { header: l10n.t('Allocated'), cell: (p) => money(p.allocated, p.currency), numeric: true },
              { header: l10n.t('Spent'), cell: (p) => money(p.spent, p.currency), numeric: true },
              { header: l10n.t('Allocated incl. sub-plans'), cell: (p) => money(p.rollupAllocated, p.currency), numeric: true },
              { header: l10n.t('Spent incl. sub-plans'), cell: (p) => money(p.rollupSpent, p.currency), numeric: true },
              {
                header: l10n.t('Flags'),
                cell: (p) =>
                  p.overAllocated
                    ? pill(l10n.t('over-allocated'), 'red', '✖')
                    : p.overSpent
                      ? pill(l10n.t('over budget'), 'red', '✖')
                      : pill(l10n.t('within budget'), 'green', '✔'),
              },
            ],
          }),
      }),
    );
    const regionChart = chartRows(regions, l10n.t('regions'), (a, b) => b.budget - a.budget);
    out.push(
      section(ctx, {
        id: 'budget-regions',
        chartNote: regionChart.note,
        title: l10n.t('Regions: budget vs allocated vs spent'),
        legend,
        chart: () =>
          barChart({
            title: l10n.t('Budget by region'),
            desc: regionChart.rows
              .map((r) =>
                l10n.t(
                  '{0}: budget {1}, allocated {2}, spent {3}',
                  ctx.region(r.region),
                  money(r.budget, r.currency),
                  money(r.allocated, r.currency),
                  money(r.spent, r.currency),
                ),
              )
              .join('; '),
            tick: (v) => short(v),
            rows: regionChart.rows.map((r) => ({
              label: ctx.region(r.region),
              value: l10n.t('{0} spent of {1}', short(r.spent, r.currency), short(r.budget, r.currency)),
              bars: [
                [{ value: r.budget, colour: 'grey' }],
                [{ value: r.allocated, colour: r.overAllocated ? 'red' : 'blue' }],
                [{ value: r.spent, colour: r.overSpent ? 'red' : 'green' }],
              ],
              ref: refOf(r),
            })),
            onOpen: ctx.open,
          }),
        table: () =>
          table(ctx, {
            caption: l10n.t('Budget by region'),
            rows: regions,
            key: (r) => `${r.region}/${r.currency ?? ''}`,
            ref: refOf,
            columns: [
              { header: l10n.t('Region'), cell: (r) => ctx.region(r.region) },
              { header: l10n.t('Plan budget'), cell: (r) => money(r.budget, r.currency), numeric: true },
              { header: l10n.t('Allocated'), cell: (r) => money(r.allocated, r.currency), numeric: true },
              { header: l10n.t('Spent on initiatives'), cell: (r) => money(r.spent, r.currency), numeric: true },
              { header: l10n.t('Project budgets'), cell: (r) => money(r.projectBudget, r.currency), numeric: true },
              { header: l10n.t('Project spend'), cell: (r) => money(r.projectSpent, r.currency), numeric: true },
              { header: l10n.t('Expenses booked'), cell: (r) => money(r.expenses, r.currency), numeric: true },
            ],
          }),
      }),
    );
    const ratio = (p: { spent: number; budget?: number | undefined }) => (p.budget ? p.spent / p.budget : 0);
    const projectChart = chartRows(projects, l10n.t('projects'), (a, b) => Number(b.overBudget) - Number(a.overBudget) || ratio(b) - ratio(a));
    out.push(
      section(ctx, {
        id: 'budget-projects',
        chartNote: projectChart.note,
        title: l10n.t('Projects: spent vs budget'),
        note: l10n.t('Spent is the declared figure, else the sum of expenses booked against the project. The tick marks the budget.'),
        legend: [
          { colour: 'green', label: l10n.t('spent') },
          { colour: 'red', label: l10n.t('over budget') },
        ],
        chart: () =>
          barChart({
            title: l10n.t('Project spend against budget'),
            desc: projectChart.rows
              .map(
                (p) =>
                  `${l10n.t('{0}: spent {1} of {2}', p.title || p.project, money(p.spent, p.currency), money(p.budget, p.currency))}${p.overBudget ? `, ${l10n.t('over budget')}` : ''}`,
              )
              .join('; '),
            tick: (v) => short(v),
            rows: projectChart.rows.map((p) => ({
              label: p.title || p.project,
              value: p.overBudget
                ? l10n.t('{0} · {1} over', short(p.spent, p.currency), short(p.spent - (p.budget ?? 0), p.currency))
                : l10n.t('{0} of {1}', short(p.spent, p.currency), short(p.budget, p.currency)),
              bars: [[{ value: p.spent, colour: p.overBudget ? 'red' : 'green' }]],
              markers: p.budget !== undefined ? [{ value: p.budget, label: l10n.t('budget {0}', money(p.budget, p.currency)) }] : [],
              tooltip: titled(p.project, p.title),
              ref: refOf(p),
            })),
            onOpen: ctx.open,
          }),
        table: () =>
          table(ctx, {
            caption: l10n.t('Project budgets'),
            rows: projects,
            key: (p) => p.project,
            ref: refOf,
            rowClass: (p) => (p.overBudget ? 'flagged' : undefined),
            columns: [
              { header: l10n.t('Project'), cell: (p) => named(p.title, p.project) },
              { header: l10n.t('Region'), cell: (p) => ctx.region(p.region) },
              { header: l10n.t('Status'), cell: (p) => p.status ?? '–' },
              { header: l10n.t('Budget'), cell: (p) => money(p.budget, p.currency), numeric: true },
              {
                header: l10n.t('Spent'),
                cell: (p) => `${money(p.spent, p.currency)}${p.spentSource === 'expenses' ? ` (${l10n.t('expenses')})` : ''}`,
                numeric: true,
              },
              { header: l10n.t('Remaining'), cell: (p) => (p.budget === undefined ? '–' : money(p.budget - p.spent, p.currency)), numeric: true },
              { header: l10n.t('Flag'), cell: (p) => (p.overBudget ? pill(l10n.t('over budget'), 'red', '✖') : pill(l10n.t('within budget'), 'green', '✔')) },
            ],
          }),
      }),
    );
    out.push(burnSection(ctx));
    return out;
  },
};
