import { barChart } from '../charts';
import { h } from '../dom';
import { chartRows, optionsOf, passes, periodChoices, pill, refOf, section, stats, table, type TabDef } from '../ui';

const over = (flag: boolean) => (flag ? 'over' : 'within');

export const budgetTab: TabDef = {
  id: 'budget',
  label: 'Budget',
  filters: (d) => [
    { key: 'region', label: 'Region', options: optionsOf([...d.budget.plans.map((p) => p.region), ...d.budget.projects.map((p) => p.region)], (v) => d.regions.find((x) => x.id === v)?.name ?? v) },
    { key: 'period', label: 'Period', options: periodChoices(d) },
    { key: 'status', label: 'Budget', options: [{ value: 'over', label: 'over budget' }, { value: 'within', label: 'within budget' }] },
  ],
  badge: (d) => d.budget.projects.filter((p) => p.overBudget).length + d.budget.plans.filter((p) => p.overAllocated || p.overSpent).length,
  render(ctx) {
    const { fmt, filters, data } = ctx;
    const cur = data.currency;
    const money = (n: number | undefined, c = cur) => fmt.currency(n, c);
    const short = (n: number | undefined, c = cur) => fmt.currency(n, c, true);
    const plans = data.budget.plans.filter((p) => passes(filters, { region: p.region, period: p.period, status: over(p.overAllocated || p.overSpent) }, data.periods));
    const regions = data.budget.regions.filter((r) => passes({ region: filters.region }, { region: r.region }) && (filters.status === undefined || over(r.overAllocated || r.overSpent) === filters.status));
    const projects = data.budget.projects.filter((p) => passes(filters, { region: p.region, period: p.period, status: over(p.overBudget) }, data.periods));
    const overProjects = projects.filter((p) => p.overBudget);
    const roots = plans.filter((p) => !p.parent || !plans.some((q) => q.plan === p.parent));
    const out: Node[] = [
      stats([
        { label: 'Plan budgets (top level)', value: money(roots.reduce((s, p) => s + (p.budget ?? 0), 0)) },
        { label: 'Allocated (incl. sub-plans)', value: money(roots.reduce((s, p) => s + p.rollupAllocated, 0)) },
        { label: 'Spent (incl. sub-plans)', value: money(roots.reduce((s, p) => s + p.rollupSpent, 0)) },
        { label: 'Projects over budget', value: fmt.number(overProjects.length), colour: overProjects.length ? 'red' : 'green' },
      ]),
    ];
    const legend = [
      { colour: 'grey' as const, label: 'budget' },
      { colour: 'blue' as const, label: 'allocated to initiatives' },
      { colour: 'green' as const, label: 'spent' },
      { colour: 'red' as const, label: 'spent, over budget' },
    ];
    const planChart = chartRows(plans, 'plans', (a, b) => Number(b.overAllocated || b.overSpent) - Number(a.overAllocated || a.overSpent) || (b.budget ?? 0) - (a.budget ?? 0));
    out.push(
      section(ctx, {
        id: 'budget-plans',
        chartNote: planChart.note,
        title: 'Plans: budget vs allocated vs spent',
        note: "A plan's own initiatives; the table adds its sub-plans (regional plans roll up into the company plan).",
        legend,
        chart: () =>
          barChart({
            title: 'Plan budget, allocated and spent',
            desc: planChart.rows.map((p) => `${p.plan}: budget ${money(p.budget, p.currency)}, allocated ${money(p.allocated, p.currency)}, spent ${money(p.spent, p.currency)}`).join('; '),
            tick: (v) => short(v),
            rows: planChart.rows.map((p) => ({
              label: `${p.plan}`,
              value: `${short(p.spent, p.currency)} spent of ${short(p.budget, p.currency)}`,
              bars: [[{ value: p.budget ?? 0, colour: 'grey' }], [{ value: p.allocated, colour: p.overAllocated ? 'red' : 'blue' }], [{ value: p.spent, colour: p.overSpent ? 'red' : 'green' }]],
              tooltip: `${p.title}: budget ${money(p.budget, p.currency)}, allocated ${money(p.allocated, p.currency)}, spent ${money(p.spent, p.currency)}`,
              ref: refOf(p),
            })),
            onOpen: ctx.open,
          }),
        table: () =>
          table(ctx, {
            caption: 'Plan budgets',
            rows: plans,
            key: (p) => p.plan,
            ref: refOf,
            rowClass: (p) => (p.overAllocated || p.overSpent ? 'flagged' : undefined),
            columns: [
              { header: 'Plan', cell: (p) => h('span', {}, h('strong', {}, p.plan), ` ${p.title}`) },
              { header: 'Region', cell: (p) => ctx.region(p.region) },
              { header: 'Period', cell: (p) => p.period ?? '–' },
              { header: 'Budget', cell: (p) => money(p.budget, p.currency), numeric: true },
              { header: 'Allocated', cell: (p) => money(p.allocated, p.currency), numeric: true },
              { header: 'Spent', cell: (p) => money(p.spent, p.currency), numeric: true },
              { header: 'Allocated incl. sub-plans', cell: (p) => money(p.rollupAllocated, p.currency), numeric: true },
              { header: 'Spent incl. sub-plans', cell: (p) => money(p.rollupSpent, p.currency), numeric: true },
              { header: 'Flags', cell: (p) => (p.overAllocated ? pill('over-allocated', 'red', '✖') : p.overSpent ? pill('over budget', 'red', '✖') : pill('within budget', 'green', '✔')) },
            ],
          }),
      }),
    );
    const regionChart = chartRows(regions, 'regions', (a, b) => b.budget - a.budget);
    out.push(
      section(ctx, {
        id: 'budget-regions',
        chartNote: regionChart.note,
        title: 'Regions: budget vs allocated vs spent',
        legend,
        chart: () =>
          barChart({
            title: 'Budget by region',
            desc: regionChart.rows.map((r) => `${ctx.region(r.region)}: budget ${money(r.budget, r.currency)}, allocated ${money(r.allocated, r.currency)}, spent ${money(r.spent, r.currency)}`).join('; '),
            tick: (v) => short(v),
            rows: regionChart.rows.map((r) => ({
              label: ctx.region(r.region),
              value: `${short(r.spent, r.currency)} spent of ${short(r.budget, r.currency)}`,
              bars: [[{ value: r.budget, colour: 'grey' }], [{ value: r.allocated, colour: r.overAllocated ? 'red' : 'blue' }], [{ value: r.spent, colour: r.overSpent ? 'red' : 'green' }]],
              ref: refOf(r),
            })),
            onOpen: ctx.open,
          }),
        table: () =>
          table(ctx, {
            caption: 'Budget by region',
            rows: regions,
            key: (r) => `${r.region}/${r.currency ?? ''}`,
            ref: refOf,
            columns: [
              { header: 'Region', cell: (r) => ctx.region(r.region) },
              { header: 'Plan budget', cell: (r) => money(r.budget, r.currency), numeric: true },
              { header: 'Allocated', cell: (r) => money(r.allocated, r.currency), numeric: true },
              { header: 'Spent on initiatives', cell: (r) => money(r.spent, r.currency), numeric: true },
              { header: 'Project budgets', cell: (r) => money(r.projectBudget, r.currency), numeric: true },
              { header: 'Project spend', cell: (r) => money(r.projectSpent, r.currency), numeric: true },
              { header: 'Expenses booked', cell: (r) => money(r.expenses, r.currency), numeric: true },
            ],
          }),
      }),
    );
    const ratio = (p: { spent: number; budget?: number | undefined }) => (p.budget ? p.spent / p.budget : 0);
    const projectChart = chartRows(projects, 'projects', (a, b) => Number(b.overBudget) - Number(a.overBudget) || ratio(b) - ratio(a));
    out.push(
      section(ctx, {
        id: 'budget-projects',
        chartNote: projectChart.note,
        title: 'Projects: spent vs budget',
        note: 'Spent is the declared figure, else the sum of expenses booked against the project. The tick marks the budget.',
        legend: [
          { colour: 'green', label: 'spent' },
          { colour: 'red', label: 'over budget' },
        ],
        chart: () =>
          barChart({
            title: 'Project spend against budget',
            desc: projectChart.rows.map((p) => `${p.project}: spent ${money(p.spent, p.currency)} of ${money(p.budget, p.currency)}${p.overBudget ? ', over budget' : ''}`).join('; '),
            tick: (v) => short(v),
            rows: projectChart.rows.map((p) => ({
              label: p.project,
              value: p.overBudget ? `${short(p.spent, p.currency)} · ${short(p.spent - (p.budget ?? 0), p.currency)} over` : `${short(p.spent, p.currency)} of ${short(p.budget, p.currency)}`,
              bars: [[{ value: p.spent, colour: p.overBudget ? 'red' : 'green' }]],
              markers: p.budget !== undefined ? [{ value: p.budget, label: `budget ${money(p.budget, p.currency)}` }] : [],
              tooltip: p.title,
              ref: refOf(p),
            })),
            onOpen: ctx.open,
          }),
        table: () =>
          table(ctx, {
            caption: 'Project budgets',
            rows: projects,
            key: (p) => p.project,
            ref: refOf,
            rowClass: (p) => (p.overBudget ? 'flagged' : undefined),
            columns: [
              { header: 'Project', cell: (p) => h('span', {}, h('strong', {}, p.project), ` ${p.title}`) },
              { header: 'Region', cell: (p) => ctx.region(p.region) },
              { header: 'Status', cell: (p) => p.status ?? '–' },
              { header: 'Budget', cell: (p) => money(p.budget, p.currency), numeric: true },
              { header: 'Spent', cell: (p) => `${money(p.spent, p.currency)}${p.spentSource === 'expenses' ? ' (expenses)' : ''}`, numeric: true },
              { header: 'Remaining', cell: (p) => (p.budget === undefined ? '–' : money(p.budget - p.spent, p.currency)), numeric: true },
              { header: 'Flag', cell: (p) => (p.overBudget ? pill('over budget', 'red', '✖') : pill('within budget', 'green', '✔')) },
            ],
          }),
      }),
    );
    return out;
  },
};
