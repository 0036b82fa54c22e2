import { buildPlanTree, burnText, forecastText, Formatter, PACE_SYMBOLS, paceText, planTreeFromCache, type PlanNode, type PlanTree, titled } from '../../core';
import { COMMON_HELP, open, parse, session } from '../common';
import { EXIT_OK, UsageError, type CliIo } from '../io';

export const treeHelp = `Usage: opsbook tree [options]

Prints the plan tree: company plan → regional plans → objectives → KPIs and initiatives, with
target, actual, attainment %, budget, allocated and spent roll-ups; for KPIs with monthly
actuals the forecast at period end (run rate or trend) and its trend arrow; for plans with a
budget the burn (spent vs expected by phasing or time elapsed).

Options:
  --format text|json   output format (default: text)
${COMMON_HELP}`;

export async function runTree(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { format: { type: 'string' } }, false);
  if (values.help) {
    io.stdout(treeHelp + '\n');
    return EXIT_OK;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, got "${format}"`);
  // An unchanged workspace's tree comes from the warm-start cache a `check` wrote, without the model.
  const started = await session(io, values);
  let tree: PlanTree | undefined;
  try {
    tree = await planTreeFromCache(started.init, started.setup);
  } catch {
    tree = undefined;
  }
  let locale = started.setup.config.locale;
  if (!tree) {
    const ws = await open(io, values, started);
    tree = buildPlanTree(ws);
    locale = ws.config.locale;
  }
  if (format === 'json') {
    io.stdout(JSON.stringify({ version: 1, today: tree.today, plans: tree.roots }, null, 2) + '\n');
    return EXIT_OK;
  }
  const lines: string[] = [];
  if (tree.roots.length === 0) lines.push('No plans found (plans live in plans/**/*.yaml or *.md).');
  const fmt = new Formatter(locale);
  if (tree.roots.length > 0) lines.push(`Plans as of ${fmt.longDate(tree.today)} (pace: the time elapsed in each period)`, '');
  tree.roots.forEach((r) => renderPlan(r, fmt, '', true, true, lines));
  io.stdout(lines.join('\n') + '\n');
  return EXIT_OK;
}

/**
 * Titles first, ids in parentheses; money, percents and dates in the workspace's locale exactly
 * as the Plans view, the dashboard and the report print them (`CN¥7,500,000`, `¥7,500,000` in zh-CN).
 */
function renderPlan(p: PlanNode, fmt: Formatter, prefix: string, last: boolean, root: boolean, out: string[]): void {
  const cur = p.currency ?? '';
  const formatMoney = (n: number, c: string) => fmt.currency(n, c);
  const formatPercent = (r: number) => fmt.percent(r);
  const facts = [
    [p.region, p.period, p.status].filter(Boolean).join(' · '),
    p.attainment !== undefined ? `attainment ${formatPercent(p.attainment)}` : undefined,
    p.money.budget !== undefined ? `budget ${formatMoney(p.money.budget, cur)}` : undefined,
    `allocated ${formatMoney(p.money.allocated, cur)}`,
    `spent ${formatMoney(p.money.spent, cur)}`,
    p.children.length > 0 ? `with sub-plans: allocated ${formatMoney(p.rollup.allocated, cur)}, spent ${formatMoney(p.rollup.spent, cur)}` : undefined,
    p.burn ? burnText(formatPercent(p.burn.spentShare), formatPercent(p.burn.expectedShare), p.burn.method) : undefined,
  ].filter(Boolean);
  out.push(`${prefix}${root ? '' : last ? '└─ ' : '├─ '}${titled(p.id, p.title)}  [${facts.join(' | ')}]`);
  const childPrefix = prefix + (root ? '' : last ? '   ' : '│  ');
  const entries: { render: (pre: string, isLast: boolean) => void }[] = [];
  for (const o of p.objectives) {
    entries.push({
      render: (pre, isLast) => {
        out.push(`${pre}${isLast ? '└─ ' : '├─ '}${titled(o.id, o.title)}${o.attainment !== undefined ? `  attainment ${formatPercent(o.attainment)}` : ''}`);
        const inner = pre + (isLast ? '   ' : '│  ');
        const rows: string[] = [];
        for (const k of o.kpis) {
          const flag = k.pace ? `  ${PACE_SYMBOLS[k.pace]} ${paceText(k.pace)}` : '';
          const f = k.forecast;
          const forecast = f ? `  ${forecastText(f, (n) => fmt.unit(n, k.unit), formatPercent)}` : '';
          rows.push(
            `KPI ${titled(k.id, k.metric)}  target ${fmt.unit(k.target, k.unit)}  actual ${fmt.unit(k.actual, k.unit)}${k.actualRolledUp ? ' (rolled up)' : ''}  ${k.attainment !== undefined ? formatPercent(k.attainment) : ''}${k.direction === 'down' ? ' (lower is better)' : ''}${flag}${forecast}`,
          );
        }
        for (const i of o.initiatives) {
          rows.push(
            `INI ${titled(i.id, i.title)}  ${i.status ?? ''}${i.due ? `  due ${i.due}` : ''}${i.overdue ? '  ⚠ overdue' : ''}${i.budget !== undefined ? `  budget ${formatMoney(i.budget, cur)}` : ''}  spent ${formatMoney(i.spent, cur)}`,
          );
        }
        rows.forEach((r, n) => out.push(`${inner}${n === rows.length - 1 ? '└─ ' : '├─ '}${r.replace(/ +$/, '')}`));
      },
    });
  }
  for (const c of p.children) entries.push({ render: (pre, isLast) => renderPlan(c, fmt, pre, isLast, false, out) });
  entries.forEach((e, n) => e.render(childPrefix, n === entries.length - 1));
}
