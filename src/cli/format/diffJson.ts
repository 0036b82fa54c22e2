import { diagnosticJson } from './diagnostics';
import { type Diagnostic, type FieldChange, hunkPhrase, plainStyle, type SectionChange } from '../../core';
import { CHANGE_TYPES, reviewCounts, type DiffReport } from './diffReport';

/**
 * The JSON of SPEC §4 (`base`, `head`, `changes[{kind, id, change, file, fields[{path, before,
 * after}], sections[{heading, change}]}]`, `approvers`, `diagnostics`), with extra keys that
 * never replace those. `before` / `after` are `null` when the value did not exist on that side
 * (`change` on the field says which).
 */
export function formatDiffJson(r: DiffReport): string {
  const d = r.diff;
  const counts = Object.fromEntries(CHANGE_TYPES.map((t) => [t, d.changes.filter((c) => c.change === t).length]));
  const review = reviewCounts(r);
  const out = {
    version: 1,
    base: r.base,
    head: r.head,
    baseCommit: r.baseCommit,
    headCommit: r.headCommit,
    summary: {
      changes: d.changes.length,
      ...counts,
      reviewErrors: review.errors,
      reviewWarnings: review.warnings,
      introduced: d.introduced.length,
      resolved: d.resolved.length,
      parseErrors: d.parseErrors.length,
    },
    changes: d.changes.map((c) => ({
      kind: c.kind,
      id: c.id,
      change: c.change,
      file: c.file,
      fields: c.fields.map(field),
      sections: c.sections.map(section),
      title: c.title,
      line: c.line,
      ...(c.previousFile !== undefined ? { previousFile: c.previousFile } : {}),
      ...(c.previousId !== undefined ? { previousId: c.previousId } : {}),
      ...(c.nested.length ? { nested: c.nested } : {}),
      ...(c.status ? { status: c.status } : {}),
      ...(c.version ? { version: c.version } : {}),
      approvers: c.approvers,
      review: c.review,
    })),
    approvers: d.approvers,
    diagnostics: [...d.review.map((x) => diagnostic(x, 'review')), ...d.introduced.map((x) => ({ ...diagnostic(x, 'check'), introduced: true }))],
    resolved: d.resolved.map((x) => diagnostic(x, 'check')),
    parseErrors: d.parseErrors,
  };
  return JSON.stringify(out, null, 2) + '\n';
}

function field(f: FieldChange): Record<string, unknown> {
  return {
    path: f.path,
    before: f.before ?? null,
    after: f.after ?? null,
    change: f.change,
    ...(f.delta !== undefined ? { delta: f.delta } : {}),
    ...(f.percent !== undefined ? { percent: f.percent } : {}),
    ...(f.added ? { added: f.added } : {}),
    ...(f.removed ? { removed: f.removed } : {}),
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.followsRename ? { followsRename: f.followsRename } : {}),
  };
}

function section(s: SectionChange): Record<string, unknown> {
  return {
    heading: s.heading,
    change: s.change,
    ...(s.previousHeading !== undefined ? { previousHeading: s.previousHeading } : {}),
    ...(s.clause !== undefined ? { clause: s.clause } : {}),
    level: s.level,
    line: s.line,
    textChanged: s.textChanged,
    ...(s.hunks?.length ? { excerpt: s.hunks.map((h) => hunkPhrase(h, plainStyle)), hunks: s.hunks } : {}),
  };
}

function diagnostic(d: Diagnostic, source: 'review' | 'check'): Record<string, unknown> {
  return { ...diagnosticJson(d), source };
}
