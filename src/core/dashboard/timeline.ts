import { str } from '../model/entity';
import type { WorkspaceModel as Workspace } from '../model/queries';
import { daysBetween, isIsoDate } from '../util/dates';
import { assign, byString, lineOf } from './common';
import type { MilestoneRow, TimelineProject, TimelineSection } from './types';

const CLOSED = new Set(['done', 'cancelled']);

/** Projects and their milestones on a time axis, with the project/overdue rule's overdue logic. */
export function timelineSection(ws: Workspace): TimelineSection {
  const today = ws.todayDate;
  const dates: string[] = [today];
  const projects = ws.entities('project').map((e): TimelineProject => {
    const status = str(e.data['status']);
    const start = isoOrUndefined(e.data['start']);
    const due = isoOrUndefined(e.data['due']);
    const closed = status !== undefined && CLOSED.has(status);
    const milestones = ws
      .children(e)
      .filter((m) => m.kind === 'milestone')
      .map((m): MilestoneRow => {
        const mDue = isoOrUndefined(m.data['due']);
        const done = m.data['done'] === true;
        const row: MilestoneRow = {
          id: m.id,
          title: m.title,
          done,
          overdue: !done && !closed && mDue !== undefined && mDue < today,
          file: m.file,
          line: lineOf(ws, m),
        };
        assign(row, 'due', mDue);
        if (mDue) dates.push(mDue);
        return row;
      })
      .sort(byString((m) => m.due));
    const p: TimelineProject = {
      id: e.id,
      title: e.title,
      done: status === 'done',
      overdue: due !== undefined && due < today && !closed,
      milestones,
      milestonesDone: milestones.filter((m) => m.done).length,
      file: e.file,
      line: lineOf(ws, e),
    };
    assign(p, 'type', str(e.data['type']));
    assign(p, 'region', str(e.data['region']));
    assign(p, 'status', status);
    assign(p, 'start', start);
    assign(p, 'due', due);
    if (due) p.daysToDue = daysBetween(today, due);
    if (start) dates.push(start);
    if (due) dates.push(due);
    return p;
  });
  projects.sort((a, b) => byString<TimelineProject>((p) => p.start ?? p.due ?? '9999')(a, b) || byString<TimelineProject>((p) => p.id)(a, b));
  dates.sort();
  const out: TimelineSection = { projects };
  if (projects.length > 0) {
    out.start = dates[0];
    out.end = dates[dates.length - 1];
  }
  return out;
}

function isoOrUndefined(v: unknown): string | undefined {
  return isIsoDate(v) ? v : undefined;
}
