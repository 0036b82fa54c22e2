import { str, type Entity } from '../model/entity';
import type { WorkspaceModel as Workspace } from '../model/queries';
import { addDays, isIsoDate } from '../util/dates';
import { assign, byString, lineOf, refFirst } from './common';
import type { DiagnosticRow, DocumentFlag, DocumentRow, HealthSection, KindCount, RuleCount, StatusCount } from './types';

const DOCUMENT_KINDS = ['standard', 'brand'];
const DOCUMENT_STATUSES = ['draft', 'in-review', 'approved', 'retired'];

/** True when the document's `review_due` date has passed; a retired document is never overdue. */
export function reviewOverdue(e: Entity, today: string): boolean {
  const due = e.data['review_due'];
  return isIsoDate(due) && due < today && e.data['status'] !== 'retired';
}

/** Diagnostics by rule and kind, documents by status, and standards/brand chapters whose dates are due. */
export function healthSection(ws: Workspace, dueWithinDays: number, diagnosticsLimit: number): HealthSection {
  const all = ws.diagnostics();
  const summary = { errors: 0, warnings: 0, infos: 0 };
  const rules = new Map<string, RuleCount>();
  const kinds = new Map<string, KindCount>();
  const diagnostics: DiagnosticRow[] = [];
  for (const d of all) {
    const kind = ws.fileKind(d.file) ?? '(other)';
    if (d.severity === 'error') summary.errors++;
    else if (d.severity === 'warning') summary.warnings++;
    else summary.infos++;
    const rk = `${d.ruleId}\u0000${d.severity}`;
    let rc = rules.get(rk);
    if (!rc) rules.set(rk, (rc = { ruleId: d.ruleId, severity: d.severity, count: 0 }));
    rc.count++;
    const at = { file: d.file, line: d.range.start.line };
    refFirst(rc, at);
    let kc = kinds.get(kind);
    if (!kc) kinds.set(kind, (kc = { kind, errors: 0, warnings: 0, infos: 0 }));
    refFirst(kc, at);
    if (d.severity === 'error') kc.errors++;
    else if (d.severity === 'warning') kc.warnings++;
    else kc.infos++;
    if (diagnostics.length < diagnosticsLimit) {
      const row: DiagnosticRow = {
        file: d.file,
        line: d.range.start.line,
        column: d.range.start.column,
        severity: d.severity,
        ruleId: d.ruleId,
        message: d.message,
        kind,
      };
      assign(row, 'entity', d.entity);
      diagnostics.push(row);
    }
  }
  const sevRank = { error: 0, warning: 1, info: 2 };
  const byRule = [...rules.values()].sort(
    (a, b) => sevRank[a.severity] - sevRank[b.severity] || b.count - a.count || byString<RuleCount>((r) => r.ruleId)(a, b),
  );
  const byKind = [...kinds.values()].sort(byString((k) => k.kind));

  const today = ws.todayDate;
  const horizon = addDays(today, dueWithinDays);
  const documents: DocumentRow[] = [];
  const statusCounts = new Map<string, StatusCount>();
  for (const kind of DOCUMENT_KINDS) {
    const entities = ws.entities(kind);
    if (entities.length === 0) continue;
    for (const status of DOCUMENT_STATUSES) statusCounts.set(`${kind}\u0000${status}`, { kind, status, count: 0 });
    for (const e of entities.sort(byString((x) => x.id))) {
      const status = str(e.data['status']);
      const effective = isIsoDate(e.data['effective']) ? e.data['effective'] : undefined;
      const reviewDue = isIsoDate(e.data['review_due']) ? e.data['review_due'] : undefined;
      const flags: DocumentFlag[] = [];
      if (reviewOverdue(e, today)) flags.push('review-overdue');
      else if (reviewDue && reviewDue >= today && reviewDue <= horizon) flags.push('review-due');
      const live = status === 'approved' || status === 'retired';
      if (effective && effective <= horizon && !live) flags.push('effective-unapproved');
      else if (effective && effective > today && effective <= horizon && status === 'approved') flags.push('effective-soon');
      const row: DocumentRow = { id: e.id, kind, title: e.title, flags, file: e.file, line: lineOf(ws, e) };
      assign(row, 'status', status);
      assign(row, 'version', str(e.data['version']));
      assign(row, 'owner', str(e.data['owner']));
      assign(row, 'effective', effective);
      assign(row, 'reviewDue', reviewDue);
      documents.push(row);
      const sk = `${kind}\u0000${status ?? '(none)'}`;
      let sc = statusCounts.get(sk);
      if (!sc) statusCounts.set(sk, (sc = { kind, status: status ?? '(none)', count: 0 }));
      sc.count++;
      refFirst(sc, row);
    }
  }
  return {
    files: ws.fileCount,
    entities: ws.entityCount,
    summary,
    byRule,
    byKind,
    diagnostics,
    diagnosticsTotal: all.length,
    documentsByStatus: [...statusCounts.values()],
    documents,
    dueWithinDays,
  };
}
