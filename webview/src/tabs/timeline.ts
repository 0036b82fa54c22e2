import * as l10n from '@vscode/l10n';
import type { MilestoneRow, TimelineProject } from '../../../src/core/dashboard/types';
import { ganttChart, type Colour } from '../charts';
import { h } from '../dom';
import { label } from '../format';
import { titled } from '../../../src/core/format/words';
import { chartRows, named, optionsOf, passes, pill, refOf, section, stats, table, type TabDef } from '../ui';

function state(p: TimelineProject): { colour: Colour; text: string; symbol: string } {
  if (p.done) return { colour: 'green', text: l10n.t('done'), symbol: '✔' };
  if (p.status === 'cancelled') return { colour: 'grey', text: l10n.t('cancelled'), symbol: '–' };
  if (p.overdue) return { colour: 'red', text: l10n.t('overdue'), symbol: '✖' };
  if (p.status === 'proposed') return { colour: 'grey', text: l10n.t('proposed'), symbol: '○' };
  return { colour: 'blue', text: label(p.status ?? 'open'), symbol: '▶' };
}

type Line = { project: TimelineProject; milestone?: MilestoneRow };

export const timelineTab: TabDef = {
  id: 'timeline',
  get label() {
    return l10n.t('Timeline');
  },
  filters: (d) => [
    {
      key: 'region',
      label: l10n.t('Region'),
      options: optionsOf(
        d.timeline.projects.map((p) => p.region),
        (v) => d.regions.find((x) => x.id === v)?.name ?? v,
      ),
    },
    {
      key: 'type',
      label: l10n.t('Type'),
      options: optionsOf(
        d.timeline.projects.map((p) => p.type),
        label,
      ),
    },
    {
      key: 'status',
      label: l10n.t('Status'),
      options: optionsOf(
        d.timeline.projects.map((p) => p.status),
        label,
      ),
    },
  ],
  badge: (d) => d.timeline.projects.filter((p) => p.overdue).length,
  render(ctx) {
    const { fmt, filters, data } = ctx;
    const projects = data.timeline.projects.filter((p) => passes(filters, p));
    const msOverdue = projects.reduce((n, p) => n + p.milestones.filter((m) => m.overdue).length, 0);
    const out: Node[] = [
      stats([
        { label: l10n.t('Projects'), value: fmt.number(projects.length) },
        { label: l10n.t('In progress'), value: fmt.number(projects.filter((p) => p.status === 'in-progress').length), colour: 'blue' },
        { label: l10n.t('Overdue'), value: fmt.number(projects.filter((p) => p.overdue).length), colour: 'red' },
        { label: l10n.t('Overdue milestones'), value: fmt.number(msOverdue), colour: msOverdue ? 'red' : undefined },
        { label: l10n.t('Done'), value: fmt.number(projects.filter((p) => p.done).length), colour: 'green' },
      ]),
    ];
    const lines: Line[] = projects.flatMap((p) => [{ project: p }, ...p.milestones.map((m) => ({ project: p, milestone: m }))]);
    const urgency = (p: TimelineProject) => (p.overdue ? 0 : p.done || p.status === 'cancelled' ? 2 : 1);
    const ganttRows = chartRows(projects, l10n.t('projects'), (a, b) => urgency(a) - urgency(b) || (a.due ?? '9999').localeCompare(b.due ?? '9999'));
    out.push(
      section(ctx, {
        id: 'timeline-gantt',
        chartNote: ganttRows.note,
        title: l10n.t('Projects and milestones'),
        note: l10n.t('Bars run from start to due; diamonds are milestones; the vertical line is {0}.', fmt.longDate(data.asOf)),
        legend: [
          { colour: 'blue', label: l10n.t('open') },
          { colour: 'red', label: l10n.t('overdue') },
          { colour: 'green', label: l10n.t('done') },
          { colour: 'grey', label: l10n.t('proposed / cancelled') },
        ],
        chart: () =>
          ganttChart({
            title: l10n.t('Project timeline'),
            desc: ganttRows.rows
              .map((p) =>
                l10n.t(
                  '{0} {1} to {2}, {3}, {4} of {5} milestones done',
                  p.title || p.id,
                  p.start ?? '?',
                  p.due ?? '?',
                  state(p).text,
                  p.milestonesDone,
                  p.milestones.length,
                ),
              )
              .join('; '),
            start: data.timeline.start ?? data.asOf,
            end: data.timeline.end ?? data.asOf,
            today: data.asOf,
            todayLabel: l10n.t('today {0}', fmt.longDate(data.asOf)),
            month: (iso) => fmt.month(iso),
            rows: ganttRows.rows.map((p) => ({
              label: p.title || p.id,
              ...(p.start ? { start: p.start } : {}),
              ...(p.due ? { end: p.due } : {}),
              colour: state(p).colour,
              milestones: p.milestones
                .filter((m) => m.due)
                .map((m) => ({
                  date: m.due as string,
                  state: m.done ? 'done' : m.overdue ? 'overdue' : 'open',
                  label: `${l10n.t('{0}: due {1}', titled(m.id, m.title), m.due as string)}${m.done ? `, ${l10n.t('done')}` : m.overdue ? `, ${l10n.t('overdue')}` : ''}`,
                })),
              tooltip: `${titled(p.id, p.title)} · ${state(p).text}`,
              ref: refOf(p),
            })),
            onOpen: ctx.open,
          }),
        table: () =>
          table(ctx, {
            caption: l10n.t('Projects and milestones'),
            rows: lines,
            key: (l) => (l.milestone ? `${l.project.id}/${l.milestone.id}` : l.project.id),
            ref: (l) => refOf(l.milestone ?? l.project),
            rowClass: (l) => (l.milestone ? 'sub' : l.project.overdue ? 'flagged' : undefined),
            columns: [
              {
                header: l10n.t('Project / milestone'),
                cell: (l) =>
                  l.milestone ? h('span', { class: 'indent' }, '◆ ', named(l.milestone.title, l.milestone.id)) : named(l.project.title, l.project.id),
              },
              { header: l10n.t('Region'), cell: (l) => (l.milestone ? '' : ctx.region(l.project.region)) },
              { header: l10n.t('Type'), cell: (l) => (l.milestone ? '' : label(l.project.type)) },
              { header: l10n.t('Start'), cell: (l) => (l.milestone ? '' : (l.project.start ?? '–')) },
              { header: l10n.t('Due'), cell: (l) => (l.milestone ? (l.milestone.due ?? '–') : (l.project.due ?? '–')) },
              { header: l10n.t('Due in'), cell: (l) => (l.milestone ? '' : l.project.done ? '' : fmt.days(l.project.daysToDue)) },
              { header: l10n.t('Milestones'), cell: (l) => (l.milestone ? '' : `${l.project.milestonesDone}/${l.project.milestones.length}`), numeric: true },
              {
                header: l10n.t('State'),
                cell: (l) => {
                  if (!l.milestone) {
                    const st = state(l.project);
                    return pill(st.text, st.colour, st.symbol);
                  }
                  return l.milestone.done
                    ? pill(l10n.t('done'), 'green', '✔')
                    : l.milestone.overdue
                      ? pill(l10n.t('overdue'), 'red', '✖')
                      : pill(l10n.t('open'), 'blue', '○');
                },
              },
            ],
          }),
      }),
    );
    return out;
  },
};
