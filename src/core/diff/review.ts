import { entityAnchor, type Entity } from '../model/entity';
import type { WorkspaceModel as Workspace } from '../model/queries';
import type { Severity, SeveritySetting } from '../types';
import { isHigherVersion, parseVersion } from './semver';
import type { EntityChange, ReviewDiagnostic } from './types';

/** Kinds whose approved documents need a version bump and a fresh approval on every content change. */
export const VERSIONED_KINDS: readonly string[] = ['standard', 'brand'];

/** Fields that record an approval rather than content: changing them alone is no content change. */
export const APPROVAL_FIELDS: readonly string[] = ['status', 'approved_by', 'effective', 'review_due', 'version'];

const DEFAULTS: Record<string, Severity> = { 'review/version-not-bumped': 'error', 'review/approval-stale': 'warning' };
const RANK: Record<SeveritySetting, number> = { off: 0, info: 1, warning: 2, error: 3 };

/**
 * The stricter of the two sides' settings: a pull request that turns a review rule off in
 * `opsbook.yaml` does not escape the rule in the same pull request.
 */
export function reviewSeverity(ruleId: string, base: Workspace, head: Workspace): SeveritySetting {
  const of = (ws: Workspace): SeveritySetting => ws.config.rules.get(ruleId)?.severity ?? DEFAULTS[ruleId] ?? 'warning';
  const a = of(base);
  const b = of(head);
  return RANK[a] >= RANK[b] ? a : b;
}

/** What changed in the content of a document, in words ("clause 3.2", "field scope"), or [] when nothing did. */
export function contentChanges(c: EntityChange): string[] {
  const out: string[] = [];
  for (const s of c.sections) out.push(s.clause ? `clause ${s.clause}` : s.heading ? `section "${s.heading}"` : 'introduction');
  const fields = new Set<string>();
  for (const f of c.fields) {
    const top = /^[^.[]*/.exec(f.path)?.[0] ?? f.path;
    if (!APPROVAL_FIELDS.includes(top)) fields.add(top);
  }
  for (const f of fields) out.push(`field ${f}`);
  return out;
}

/** `review/version-not-bumped` and `review/approval-stale` for one change. */
export function reviewChange(
  c: EntityChange,
  baseEntity: Entity | undefined,
  headEntity: Entity | undefined,
  base: Workspace,
  head: Workspace,
): ReviewDiagnostic[] {
  if (!baseEntity || !headEntity || !VERSIONED_KINDS.includes(c.kind)) return [];
  if (baseEntity.data['status'] !== 'approved') return [];
  const what = contentChanges(c);
  if (what.length === 0) return [];
  const out: ReviewDiagnostic[] = [];
  const summary = what.length > 3 ? `${what.slice(0, 3).join(', ')} and ${what.length - 3} more` : what.join(', ');
  const label = `${c.kind} ${c.id}`;
  const vBefore = baseEntity.data['version'];
  const vAfter = headEntity.data['version'];
  const bumped = isHigherVersion(vBefore, vAfter) || (!parseVersion(vBefore) && !!parseVersion(vAfter) && String(vBefore) !== String(vAfter));
  const notBumped = reviewSeverity('review/version-not-bumped', base, head);
  if (!bumped && notBumped !== 'off') {
    const shown = (v: unknown) => (v === undefined || v === null ? 'none' : String(v));
    const state =
      vAfter === undefined || vAfter === null
        ? 'has no version'
        : !parseVersion(vAfter)
          ? `has version "${shown(vAfter)}", which is not MAJOR.MINOR.PATCH`
          : String(vAfter) === String(vBefore)
            ? `stays at version ${shown(vAfter)}`
            : `goes from version ${shown(vBefore)} to ${shown(vAfter)}, which is not higher`;
    out.push(
      diag(
        head,
        headEntity,
        'version',
        notBumped,
        'review/version-not-bumped',
        `approved ${label} changed (${summary}) but ${state}: bump the version (patch for wording, minor for changed clauses, major for a rewrite) and have it approved again`,
      ),
    );
  }
  const stale = reviewSeverity('review/approval-stale', base, head);
  const sameApprovers = sameSet(baseEntity.data['approved_by'], headEntity.data['approved_by']);
  if (stale !== 'off' && headEntity.data['status'] === 'approved' && sameApprovers) {
    const by = Array.isArray(headEntity.data['approved_by']) ? headEntity.data['approved_by'].join(', ') : String(headEntity.data['approved_by'] ?? 'nobody');
    out.push(
      diag(
        head,
        headEntity,
        'approved_by',
        stale,
        'review/approval-stale',
        `${label} changed (${summary}) but stays approved by ${by}: set status to in-review until the new text is approved, or record the new approval in approved_by`,
      ),
    );
  }
  return out;
}

function diag(ws: Workspace, e: Entity, field: string, severity: SeveritySetting, ruleId: string, message: string): ReviewDiagnostic {
  const anchor = Object.prototype.hasOwnProperty.call(e.data, field) ? entityAnchor(e, [field], 'value') : entityAnchor(e);
  return { file: e.file, range: ws.rangeOf(anchor), severity: severity as Severity, ruleId, message, entity: e.id };
}

function sameSet(a: unknown, b: unknown): boolean {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)]);
  const x = new Set(list(a));
  const y = new Set(list(b));
  return x.size === y.size && [...x].every((v) => y.has(v));
}
