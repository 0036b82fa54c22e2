import type { MilestoneRow, TimelineProject } from '../../../src/core/dashboard/types';
import { ganttChart, type Colour } from '../charts';
import { h } from '../dom';
import { label } from '../format';
import { chartRows, optionsOf, passes, pill, refOf, section, stats, table, type TabDef } from '../ui';

function state(p: TimelineProject): { colour: Colour; text: string; symbol: string } {
  if (p.done) return { colour: 'green', text: 'done', symbol: '✔' };
  if (p.status === 'cancelled') return { colour: 'grey', text: 'cancelled', symbol: '–' };
  if (p.overdue) return { colour: 'red', text: 'overdue', symbol: '✖' };
  if (p.status === 'proposed') return { colour: 'grey', text: 'proposed', symbol: '○' };
  return { colour: 'blue', text: label(p.status ?? 'open'), symbol: '▶' };
}

type Line = { project: TimelineProject; milestone?: MilestoneRow };

export const timelineTab: TabDef = {
  id: 'timeline',
  label: 'Timeline',
  filters: (d) => [
    { key: 'region', label: 'Region', options: optionsOf(d.timeline.projects.map((p) => p.region), (v) => d.regions.find((x) => x.id === v)?.name ?? v) },
    { key: 'type', label: 'Type', options: optionsOf(d.timeline.projects.map((p) => p.type), label) },
    { key: 'status', label: 'Status', options: optionsOf(d.timeline.projects.map((p) => p.status), label) },
  ],
  badge: (d) => d.timeline.projects.filter((p) => p.overdue).length,
  render(ctx) {
    const { fmt, filters, data } = ctx;
    const projects = data.timeline.projects.filter((p) => passes(filters, p));
    const msOverdue = projects.reduce((n, p) => n + p.milestones.filter((m) => m.overdue).length, 0);
    const out: Node[] = [
      stats([
        { label: 'Projects', value: fmt.number(projects.length) },
        { label: 'In progress', value: fmt.number(projects.filter((p) => p.status === 'in-progress').length), colour: 'blue' },
        { label: 'Overdue', value: fmt.number(projects.filter((p) => p.overdue).length), colour: 'red' },
        { label: 'Overdue milestones', value: fmt.number(msOverdue), colour: msOverdue ? 'red' : undefined },
        { label: 'Done', value: fmt.number(projects.filter((p) => p.done).length), colour: 'green' },
      ]),
    ];
    const monthFmt = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const lines: Line[] = projects.flatMap((p) => [{ project: p }, ...p.milestones.map((m) => ({ project: p, milestone: m }))]);
    const urgency = (p: TimelineProject) => (p.overdue ? 0 : p.done || p.status === 'cancelled' ? 2 : 1);
    const ganttRows = chartRows(projects, 'projects', (a, b) => urgency(a) - urgency(b) || (a.due ?? '9999').localeCompare(b.due ?? '9999'));
    out.push(
      section(ctx, {
        id: 'timeline-gantt',
        chartNote: ganttRows.note,
        title: 'Projects and milestones',
        note: `Bars run from start to due; diamonds are milestones; the vertical line is ${data.asOf}.`,
        legend: [
          { colour: 'blue', label: 'open' },
          { colour: 'red', label: 'overdue' },
          { colour: 'green', label: 'done' },
          { colour: 'grey', label: 'proposed / cancelled' },
        ],
        chart: () =>
          ganttChart({
            title: 'Project timeline',
            desc: ganttRows.rows.map((p) => `${p.id} ${p.start ?? '?'} to ${p.due ?? '?'}, ${state(p).text}, ${p.milestonesDone} of ${p.milestones.length} milestones done`).join('; '),
            start: data.timeline.start ?? data.asOf,
            end: data.timeline.end ?? data.asOf,
            today: data.asOf,
            todayLabel: `today ${data.asOf}`,
            month: (iso) => monthFmt.format(new Date(`${iso}T00:00:00Z`)),
            rows: ganttRows.rows.map((p) => ({
              label: p.id,
              ...(p.start ? { start: p.start } : {}),
              ...(p.due ? { end: p.due } : {}),
              colour: state(p).colour,
              milestones: p.milestones.filter((m) => m.due).map((m) => ({ date: m.due as string, state: m.done ? 'done' : m.overdue ? 'overdue' : 'open', label: `${m.id} ${m.title}: due ${m.due}${m.done ? ', done' : m.overdue ? ', overdue' : ''}` })),
              tooltip: `${p.title} (${state(p).text})`,
              ref: refOf(p),
            })),
            onOpen: ctx.open,
          }),
        table: () =>
          table(ctx, {
            caption: 'Projects and milestones',
            rows: lines,
            key: (l) => (l.milestone ? `${l.project.id}/${l.milestone.id}` : l.project.id),
            ref: (l) => refOf(l.milestone ?? l.project),
            rowClass: (l) => (l.milestone ? 'sub' : l.project.overdue ? 'flagged' : undefined),
            columns: [
              { header: 'Project / milestone', cell: (l) => (l.milestone ? h('span', { class: 'indent' }, `◆ ${l.milestone.id} `, l.milestone.title) : h('span', {}, h('strong', {}, l.project.id), ` ${l.project.title}`)) },
              { header: 'Region', cell: (l) => (l.milestone ? '' : ctx.region(l.project.region)) },
              { header: 'Type', cell: (l) => (l.milestone ? '' : label(l.project.type)) },
              { header: 'Start', cell: (l) => (l.milestone ? '' : (l.project.start ?? '–')) },
              { header: 'Due', cell: (l) => (l.milestone ? (l.milestone.due ?? '–') : (l.project.due ?? '–')) },
              { header: 'Due in', cell: (l) => (l.milestone ? '' : l.project.done ? '' : fmt.days(l.project.daysToDue)) },
              { header: 'Milestones', cell: (l) => (l.milestone ? '' : `${l.project.milestonesDone}/${l.project.milestones.length}`), numeric: true },
              {
                header: 'State',
                cell: (l) => {
                  if (!l.milestone) {
                    const st = state(l.project);
                    return pill(st.text, st.colour, st.symbol);
                  }
                  return l.milestone.done ? pill('done', 'green', '✔') : l.milestone.overdue ? pill('overdue', 'red', '✖') : pill('open', 'blue', '○');
                },
              },
            ],
          }),
      }),
    );
    return out;
  },
};
