import * as l10n from '@vscode/l10n';
import { buildPlanTree, flattenPlans, forecastText, Formatter, paceText, type KpiNode, type OpsbookWorkspace, type PlanTree } from '../../core';

// The plan tree of a workspace version: a hover over several KPIs, or hovers while nothing is
// edited, build it once.
const trees = new WeakMap<OpsbookWorkspace, { version: number; tree: PlanTree }>();

function planTreeOf(ws: OpsbookWorkspace): PlanTree {
  let t = trees.get(ws);
  if (!t || t.version !== ws.version) trees.set(ws, (t = { version: ws.version, tree: buildPlanTree(ws) }));
  return t.tree;
}

/** The KPI node (with attainment, pace and forecast) the plan tree made for the KPI `id` in `file`. */
function kpiNodeOf(ws: OpsbookWorkspace, id: string, file: string): KpiNode | undefined {
  let found: KpiNode | undefined;
  for (const { node: p } of flattenPlans(planTreeOf(ws)))
    for (const o of p.objectives) for (const k of o.kpis) if (k.id === id && (found === undefined || (k.file === file && found.file !== file))) found = k;
  return found;
}

/**
 * A KPI's figures for a hover, as Markdown: attainment and pace as of `asOf`, then the forecast
 * with its method (run rate or trend) and its arithmetic in words — the Plans view's tooltip, so
 * both say the same. Every value is escaped with `escape` (KPI texts are user text).
 */
function kpiHoverMarkdown(k: KpiNode, fmt: Formatter, asOf: string, escape: (s: string) => string): string {
  const full = (n: number) => fmt.unit(n, k.unit);
  const field = (label: string, value: string) => `**${escape(label)}** ${escape(value)}`;
  const lines: string[] = [];
  const figures: string[] = [];
  if (k.target !== undefined) figures.push(field(l10n.t('Target'), full(k.target)));
  if (k.actual !== undefined) figures.push(field(l10n.t('Actual'), full(k.actual) + (k.actualRolledUp ? ` (${l10n.t('sum of contributing KPIs')})` : '')));
  if (figures.length > 0) lines.push(figures.join(' · '));
  const standing: string[] = [];
  if (k.attainment !== undefined) standing.push(field(l10n.t('Attainment'), fmt.percent(k.attainment)));
  if (k.pace) standing.push(field(l10n.t('Pace'), l10n.t('{0} for the time elapsed in the period, as of {1}', paceText(k.pace, l10n), fmt.longDate(asOf))));
  if (standing.length > 0) lines.push(standing.join(' · '));
  const f = k.forecast;
  if (f) {
    lines.push(`$(graph-line) ${escape(forecastText(f, full, (r) => fmt.percent(r), l10n))}`);
    lines.push(field(l10n.t('How'), f.explanation));
  } else lines.push(escape(l10n.t('No forecast: the KPI has no actuals by period (actuals: {month: value}).')));
  return lines.join('  \n');
}

/** The hover's KPI section, or undefined for a KPI the plan tree does not hold (outside a plan). */
export function kpiHover(ws: OpsbookWorkspace, id: string, file: string, escape: (s: string) => string): string | undefined {
  const k = kpiNodeOf(ws, id, file);
  return k && kpiHoverMarkdown(k, new Formatter(ws.config.locale), ws.todayDate, escape);
}
