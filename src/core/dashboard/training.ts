import { str } from '../model/entity';
import type { WorkspaceModel as Workspace } from '../model/queries';
import { requiredCourseStatus } from '../rules/training';
import { assign, byString, lineOf, refFirst, tally } from './common';
import type { TrainingCell, TrainingGap, TrainingPersonRow, TrainingSection } from './types';

/**
 * Training compliance per region and role: people whose role requires courses, and whether
 * they hold a valid completion of each (the training/missing-required rule's logic).
 */
export function trainingSection(ws: Workspace): TrainingSection {
  const today = ws.todayDate;
  const courses = ws.entities('course').sort(byString((c) => c.id));
  const people: TrainingPersonRow[] = [];
  const gaps: TrainingGap[] = [];
  const cells = new Map<string, TrainingCell>();
  for (const e of ws.entities('person').sort(byString((p) => p.id))) {
    const role = str(e.data['role']);
    if (!role) continue;
    const statuses = requiredCourseStatus(e, courses, today);
    if (statuses.length === 0) continue;
    const region = str(e.data['region']);
    const valid = statuses.filter((s) => s.valid).length;
    const row: TrainingPersonRow = {
      person: e.id,
      name: e.title,
      role,
      required: statuses.length,
      valid,
      compliant: valid === statuses.length,
      file: e.file,
      line: lineOf(ws, e),
    };
    assign(row, 'region', region);
    const expiries = statuses
      .map((s) => s.validUntil)
      .filter((d): d is string => d !== undefined)
      .sort();
    assign(row, 'nextExpiry', expiries[0]);
    people.push(row);
    const roleLine = lineOf(ws, e, ['role'], 'value');
    for (const s of statuses) {
      if (s.valid) continue;
      const gap: TrainingGap = {
        person: e.id,
        name: e.title,
        role,
        course: s.course.id,
        courseTitle: s.course.title,
        reason: s.reason ?? 'missing',
        file: e.file,
        line: roleLine,
      };
      assign(gap, 'region', region);
      assign(gap, 'lastCompleted', s.lastCompleted);
      gaps.push(gap);
    }
    const r = region ?? '(none)';
    tally(
      cells,
      `${r}\u0000${role}`,
      (): TrainingCell => ({ region: r, role, people: 0, compliant: 0, required: 0, valid: 0, rate: 0 }),
      (c) => {
        c.people++;
        if (row.compliant) c.compliant++;
        c.required += statuses.length;
        c.valid += valid;
      },
    );
  }
  const cellRows = [...cells.values()].sort((a, b) => byString<TrainingCell>((c) => c.region)(a, b) || byString<TrainingCell>((c) => c.role)(a, b));
  for (const c of cellRows) {
    c.rate = c.people === 0 ? 1 : c.compliant / c.people;
    // A cell points at its first person with a gap, else its first person.
    const members = people.filter((p) => (p.region ?? '(none)') === c.region && p.role === c.role);
    const first = members.find((p) => !p.compliant) ?? members[0];
    if (first) refFirst(c, first);
  }
  const compliant = people.filter((p) => p.compliant).length;
  return { cells: cellRows, people, gaps, total: { people: people.length, compliant, rate: people.length === 0 ? 1 : compliant / people.length } };
}
