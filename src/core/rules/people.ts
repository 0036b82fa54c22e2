import { entityAnchor, num, str, type Entity } from '../model/entity';
import { parsePeriod } from '../period/parse';
import { addMonths } from '../util/dates';
import type { RuleContext } from './rule';
import type { Rule } from './rule';

/** A person's assessments (`person:` on an assessment), latest period end first. */
export function assessmentsOf(person: Entity, ctx: Pick<RuleContext, 'referrers' | 'fiscalYearStart'>): { assessment: Entity; end: string }[] {
  return ctx
    .referrers('person', person.id)
    .filter((r) => r.from.kind === 'assessment' && r.field === 'person')
    .flatMap((r) => {
      const p = parsePeriod(r.from.data['period'], ctx.fiscalYearStart);
      return p ? [{ assessment: r.from, end: p.end }] : [];
    })
    .sort((a, b) => (a.end < b.end ? 1 : a.end > b.end ? -1 : 0));
}

/**
 * `assessment/overdue`: once the workspace records assessments, a person whose latest assessment
 * period ended more than `months` (default 12) before today, or who has none.
 */
export const assessmentOverdue: Rule = {
  id: 'assessment/overdue',
  kinds: ['person'],
  check(e, ctx) {
    if (ctx.ids('assessment')[Symbol.iterator]().next().done) return;
    const months = num(ctx.options('assessment/overdue')['months']) ?? 12;
    const [latest] = assessmentsOf(e, ctx);
    if (!latest) {
      ctx.report({
        anchor: entityAnchor(e),
        ruleId: 'assessment/overdue',
        entity: e.id,
        message: `${e.id} (${e.title}) has no assessment on record; assess them (assessments are due every ${months} months)`,
      });
      return;
    }
    const due = addMonths(latest.end, months);
    if (due >= ctx.today) return;
    const a = latest.assessment;
    ctx.report({
      anchor: entityAnchor(e),
      ruleId: 'assessment/overdue',
      entity: e.id,
      message: `${e.id} (${e.title}) was last assessed for ${String(a.data['period'])} (${a.id}, ended ${latest.end}); the next was due ${due}, every ${months} months`,
      related: [{ anchor: entityAnchor(a, ['period'], 'value'), message: `${a.id} period` }],
    });
  },
};

/** `succession/gap`: a person in one of the `roles` the workspace lists without a successor marked `ready`. */
export const successionGap: Rule = {
  id: 'succession/gap',
  kinds: ['person'],
  check(e, ctx) {
    const roles = ctx.options('succession/gap')['roles'];
    const role = str(e.data['role']);
    if (!Array.isArray(roles) || role === undefined || !roles.includes(role)) return;
    const successors = Array.isArray(e.data['successors']) ? (e.data['successors'] as unknown[]) : [];
    const ready = successors.filter(
      (s) =>
        s &&
        typeof s === 'object' &&
        !Array.isArray(s) &&
        (s as Record<string, unknown>)['readiness'] === 'ready' &&
        (s as Record<string, unknown>)['person'] !== e.id,
    );
    if (ready.length > 0) return;
    const named =
      successors.length === 0 ? 'names no successor' : `has ${successors.length} ${successors.length === 1 ? 'successor' : 'successors'}, none ready`;
    ctx.report({
      anchor: successors.length > 0 ? entityAnchor(e, ['successors'], 'key') : entityAnchor(e, ['role'], 'value'),
      ruleId: 'succession/gap',
      entity: e.id,
      message: `${e.id} (${e.title}, ${role}) ${named}; ${role} is a key role (succession/gap roles): mark a successor ready or develop one`,
    });
  },
};
