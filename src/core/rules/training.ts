import { num, type Entity } from '../model/entity';
import { addMonths, isIsoDate } from '../util/dates';

/** Why a required course does not count for a person, when it does not. */
export type TrainingGapReason = 'missing' | 'expired' | 'below-pass' | 'future';

/** One course a person's role requires, and whether they hold a valid completion of it. */
export interface RequiredCourseStatus {
  course: Entity;
  valid: boolean;
  /** Set when `valid` is false. */
  reason?: TrainingGapReason;
  /** Most recent completion date on record for the course, valid or not. */
  lastCompleted?: string;
  /** Date the valid completion stops counting (completed + valid_months). */
  validUntil?: string;
}

/**
 * The courses required for `person`'s role and whether each has a valid completion at `today`:
 * completed on or before today, within the course's `valid_months`, with a score at or above
 * its `pass_score` (a record without a score counts). Shared by `training/missing-required`
 * and the training dashboard so both always agree.
 */
export function requiredCourseStatus(person: Entity, courses: readonly Entity[], today: string): RequiredCourseStatus[] {
  const role = person.data['role'];
  if (typeof role !== 'string') return [];
  const trainings = Array.isArray(person.data['trainings']) ? person.data['trainings'] : [];
  const out: RequiredCourseStatus[] = [];
  for (const course of courses) {
    const required = course.data['required_for'];
    if (!Array.isArray(required) || !required.includes(role)) continue;
    const months = num(course.data['valid_months']);
    const pass = num(course.data['pass_score']);
    const reasons: TrainingGapReason[] = [];
    let lastCompleted: string | undefined;
    let validUntil: string | undefined;
    for (const t of trainings) {
      if (!t || typeof t !== 'object' || Array.isArray(t) || t['course'] !== course.id || !isIsoDate(t['completed'])) continue;
      const completed = t['completed'];
      if (!lastCompleted || completed > lastCompleted) lastCompleted = completed;
      const until = months !== undefined ? addMonths(completed, months) : undefined;
      const score = num(t['score']);
      if (completed > today) reasons.push('future');
      else if (until !== undefined && until < today) reasons.push('expired');
      else if (pass !== undefined && score !== undefined && score < pass) reasons.push('below-pass');
      else if (validUntil === undefined || (until !== undefined && until > validUntil)) validUntil = until ?? '9999-12-31';
    }
    const status: RequiredCourseStatus = { course, valid: validUntil !== undefined };
    if (!status.valid)
      status.reason = reasons.includes('below-pass')
        ? 'below-pass'
        : reasons.includes('expired')
          ? 'expired'
          : reasons.includes('future')
            ? 'future'
            : 'missing';
    if (lastCompleted) status.lastCompleted = lastCompleted;
    if (validUntil && validUntil !== '9999-12-31') status.validUntil = validUntil;
    out.push(status);
  }
  return out;
}
