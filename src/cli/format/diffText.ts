import { type Diagnostic, fieldPhrase, gist, hunkPhrase, plainStyle, plural, sectionPhrase, titled } from '../../core';
import { CHANGE_TYPES, countByKind, reviewCounts, type DiffReport } from './diffReport';

/** For terminals: a summary line, one block per changed entity, then review findings and approvers. */
export function formatDiffText(r: DiffReport): string {
  const d = r.diff;
  const lines: string[] = [];
  const totals = CHANGE_TYPES.map((t) => [t, d.changes.filter((c) => c.change === t).length] as const).filter(([, n]) => n > 0);
  lines.push(
    `opsbook diff ${r.base} → ${r.head}: ${plural(d.changes.length, 'change')}${totals.length ? ` (${totals.map(([t, n]) => `${n} ${t}`).join(', ')})` : ''}`,
  );
  for (const { kind, counts } of countByKind(d.changes)) {
    lines.push(
      `  ${kind.padEnd(12)} ${CHANGE_TYPES.filter((t) => counts[t] > 0)
        .map((t) => `${counts[t]} ${t}`)
        .join(', ')}`,
    );
  }
  for (const c of d.changes) {
    lines.push('');
    lines.push(`${c.kind} ${titled(c.id, c.title)}  (${c.file}:${c.line})`);
    lines.push(`  ${gist(c, plainStyle, 0)}`);
    for (const s of c.sections) {
      lines.push(`  ${sectionPhrase(s, plainStyle)}`);
      for (const h of s.hunks ?? []) lines.push(`      ${hunkPhrase(h, plainStyle)}`);
      if ((s.hunkCount ?? 0) > (s.hunks?.length ?? 0)) lines.push(`      (${(s.hunkCount ?? 0) - (s.hunks?.length ?? 0)} more changes in this section)`);
    }
    for (const f of c.fields) lines.push(`  ${fieldPhrase(f, plainStyle)}`);
    if (c.approvers.length) lines.push(`  approval: ${c.approvers.join(', ')}`);
  }
  if (d.parseErrors.length) {
    lines.push('', 'Files that do not parse:');
    for (const p of d.parseErrors)
      lines.push(`  ${p.file}:${p.line}  ${p.side}  ${p.message}  ${p.ruleId}${p.entities.length ? ` (not compared: ${p.entities.join(', ')})` : ''}`);
  }
  const rc = reviewCounts(r);
  lines.push('', d.review.length === 0 ? 'Review rules: passed' : `Review rules: ${plural(rc.errors, 'error')}, ${plural(rc.warnings, 'warning')}`);
  for (const x of d.review) lines.push(`  ${diagLine(x)}`);
  if (d.approvers.length) {
    lines.push('', 'Approvals required:');
    for (const a of d.approvers) lines.push(`  ${a.id}${a.name ? ` (${a.name}${a.github ? `, @${a.github}` : ''})` : ''}: ${a.for.join(', ')}`);
  }
  lines.push('', `Introduced by this change: ${plural(d.introduced.length, 'problem')}${d.resolved.length ? `; resolved: ${d.resolved.length}` : ''}`);
  for (const x of d.introduced) lines.push(`  ${diagLine(x)}`);
  return lines.join('\n') + '\n';
}

function diagLine(d: Diagnostic): string {
  return `${d.file}:${d.range.start.line}:${d.range.start.column}  ${d.severity.padEnd(7)}  ${d.message}  ${d.ruleId}`;
}
