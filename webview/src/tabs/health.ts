import type { DocumentFlag, RuleCount, Severity } from '../../../src/core/dashboard/types';
import { barChart, type Colour } from '../charts';
import { h } from '../dom';
import { label } from '../format';
import { optionsOf, passes, pill, refOf, section, stats, table, type TabDef } from '../ui';

const SEV: Record<Severity, { colour: Colour; symbol: string }> = {
  error: { colour: 'red', symbol: '✖' },
  warning: { colour: 'yellow', symbol: '⚠' },
  info: { colour: 'blue', symbol: 'ℹ' },
};

const FLAG: Record<DocumentFlag, string> = {
  'review-overdue': 'review overdue',
  'review-due': 'review due soon',
  'effective-unapproved': 'effective date near, not approved',
  'effective-soon': 'takes effect soon',
};

const STATUS_COLOUR: Record<string, Colour> = { draft: 'grey', 'in-review': 'yellow', approved: 'green', retired: 'purple' };

export const healthTab: TabDef = {
  id: 'health',
  label: 'Health',
  filters: (d) => [
    { key: 'type', label: 'Kind', options: optionsOf([...d.health.byKind.map((k) => k.kind), ...d.health.documents.map((x) => x.kind)], label) },
    { key: 'status', label: 'Severity', options: (['error', 'warning', 'info'] as const).map((v) => ({ value: v, label: v })) },
  ],
  badge: (d) => d.health.summary.errors + d.health.summary.warnings,
  render(ctx) {
    const { fmt, filters, data } = ctx;
    const hl = data.health;
    const diagnostics = hl.diagnostics.filter((x) => passes(filters, { type: x.kind, status: x.severity }));
    const byRule = filters.type === undefined ? hl.byRule.filter((r) => passes({ status: filters.status }, { status: r.severity })) : countRules(diagnostics);
    const byKind = hl.byKind.filter((k) => passes({ type: filters.type }, { type: k.kind }));
    const docs = hl.documents.filter((x) => passes({ type: filters.type }, { type: x.kind }));
    const statusKinds = [...new Set(hl.documentsByStatus.map((x) => x.kind))].filter((k) => passes({ type: filters.type }, { type: k }));
    const statuses = [...new Set(hl.documentsByStatus.map((x) => x.status))];
    const out: Node[] = [
      stats([
        { label: 'Files', value: fmt.number(hl.files) },
        { label: 'Entities', value: fmt.number(hl.entities) },
        { label: 'Errors', value: fmt.number(hl.summary.errors), colour: hl.summary.errors ? 'red' : 'green' },
        { label: 'Warnings', value: fmt.number(hl.summary.warnings), colour: hl.summary.warnings ? 'yellow' : undefined },
        { label: 'Infos', value: fmt.number(hl.summary.infos), colour: 'blue' },
      ]),
    ];
    out.push(
      section(ctx, {
        id: 'health-rules',
        title: 'Diagnostics by rule',
        legend: [
          { colour: 'red', label: 'error' },
          { colour: 'yellow', label: 'warning' },
          { colour: 'blue', label: 'info' },
        ],
        chart: byRule.length
          ? () =>
              barChart({
                title: 'Diagnostics by rule',
                desc: byRule.map((r) => `${r.ruleId}: ${r.count} ${r.severity}${r.count === 1 ? '' : 's'}`).join('; '),
                tick: (v) => fmt.number(v),
                rows: byRule.map((r) => ({ label: r.ruleId, value: `${fmt.number(r.count)} ${r.severity}${r.count === 1 ? '' : 's'}`, bars: [[{ value: r.count, colour: SEV[r.severity].colour }]], ref: refOf(r) })),
                onOpen: ctx.open,
              })
          : undefined,
        table: () =>
          table(ctx, {
            caption: 'Diagnostics by rule',
            rows: byRule,
            key: (r) => `${r.ruleId}/${r.severity}`,
            ref: refOf,
            empty: 'No diagnostics.',
            columns: [
              { header: 'Rule', cell: (r) => h('code', {}, r.ruleId) },
              { header: 'Severity', cell: (r) => pill(r.severity, SEV[r.severity].colour, SEV[r.severity].symbol) },
              { header: 'Count', cell: (r) => fmt.number(r.count), numeric: true },
            ],
          }),
      }),
    );
    out.push(
      section(ctx, {
        id: 'health-kinds',
        title: 'Diagnostics by kind',
        legend: [
          { colour: 'red', label: 'errors' },
          { colour: 'yellow', label: 'warnings' },
          { colour: 'blue', label: 'infos' },
        ],
        chart: byKind.length
          ? () =>
              barChart({
                title: 'Diagnostics by kind of document',
                desc: byKind.map((k) => `${k.kind}: ${k.errors} errors, ${k.warnings} warnings, ${k.infos} infos`).join('; '),
                tick: (v) => fmt.number(v),
                rows: byKind.map((k) => ({ label: label(k.kind), value: [k.errors ? `${k.errors} error${k.errors === 1 ? '' : 's'}` : '', k.warnings ? `${k.warnings} warning${k.warnings === 1 ? '' : 's'}` : '', k.infos ? `${k.infos} info${k.infos === 1 ? '' : 's'}` : ''].filter(Boolean).join(' · '), bars: [[{ value: k.errors, colour: 'red' }, { value: k.warnings, colour: 'yellow' }, { value: k.infos, colour: 'blue' }]], ref: refOf(k) })),
                onOpen: ctx.open,
              })
          : undefined,
        table: () =>
          table(ctx, {
            caption: 'Diagnostics by kind',
            rows: byKind,
            key: (k) => k.kind,
            ref: refOf,
            empty: 'No diagnostics.',
            columns: [
              { header: 'Kind', cell: (k) => label(k.kind) },
              { header: 'Errors', cell: (k) => fmt.number(k.errors), numeric: true },
              { header: 'Warnings', cell: (k) => fmt.number(k.warnings), numeric: true },
              { header: 'Infos', cell: (k) => fmt.number(k.infos), numeric: true },
            ],
          }),
      }),
    );
    out.push(
      section(ctx, {
        id: 'health-status',
        title: 'Standards and brand manual by status',
        legend: statuses.map((s) => ({ colour: STATUS_COLOUR[s] ?? 'orange', label: label(s) })),
        chart: statusKinds.length
          ? () =>
              barChart({
                title: 'Documents by status',
                desc: statusKinds.map((k) => `${k}: ${hl.documentsByStatus.filter((x) => x.kind === k).map((x) => `${x.count} ${label(x.status)}`).join(', ')}`).join('; '),
                tick: (v) => fmt.number(v),
                rows: statusKinds.map((k) => {
                  const counts = hl.documentsByStatus.filter((x) => x.kind === k);
                  return {
                    label: label(k),
                    value: counts.filter((x) => x.count > 0).map((x) => `${x.count} ${label(x.status)}`).join(' · '),
                    bars: [counts.map((x) => ({ value: x.count, colour: STATUS_COLOUR[x.status] ?? ('orange' as const) }))],
                  };
                }),
              })
          : undefined,
        table: () =>
          table(ctx, {
            caption: 'Documents by status',
            rows: hl.documentsByStatus.filter((x) => statusKinds.includes(x.kind)),
            key: (x) => `${x.kind}/${x.status}`,
            ref: refOf,
            columns: [
              { header: 'Kind', cell: (x) => label(x.kind) },
              { header: 'Status', cell: (x) => label(x.status) },
              { header: 'Documents', cell: (x) => fmt.number(x.count), numeric: true },
            ],
          }),
      }),
    );
    const flagged = docs.filter((x) => x.flags.length > 0);
    out.push(
      section(ctx, {
        id: 'health-due',
        title: `Standards and brand chapters due (within ${hl.dueWithinDays} days)`,
        table: () =>
          table(ctx, {
            caption: 'Documents whose review or effective date is due',
            rows: flagged,
            key: (x) => `${x.kind}/${x.id}`,
            ref: refOf,
            empty: 'No review or effective date is due.',
            columns: [
              { header: 'Document', cell: (x) => h('span', {}, h('strong', {}, x.id), ` ${x.title}`) },
              { header: 'Kind', cell: (x) => label(x.kind) },
              { header: 'Status', cell: (x) => label(x.status) },
              { header: 'Version', cell: (x) => x.version ?? '–' },
              { header: 'Effective', cell: (x) => x.effective ?? '–' },
              { header: 'Review due', cell: (x) => x.reviewDue ?? '–' },
              { header: 'Why', cell: (x) => h('span', {}, ...x.flags.map((f) => pill(FLAG[f], f === 'review-overdue' || f === 'effective-unapproved' ? 'yellow' : 'blue', '⚠'))) },
            ],
          }),
      }),
    );
    out.push(
      section(ctx, {
        id: 'health-diagnostics',
        title: 'Diagnostics',
        note: hl.diagnosticsTotal > hl.diagnostics.length ? `Showing the first ${fmt.number(hl.diagnostics.length)} of ${fmt.number(hl.diagnosticsTotal)}; run opsbook check for all.` : undefined,
        table: () =>
          table(ctx, {
            caption: 'Diagnostics',
            rows: diagnostics,
            key: (x) => `${x.file}:${x.line}:${x.column}:${x.ruleId}`,
            ref: refOf,
            empty: 'No diagnostics.',
            columns: [
              { header: 'Where', cell: (x) => h('code', {}, `${x.file}:${x.line}:${x.column}`) },
              { header: 'Severity', cell: (x) => pill(x.severity, SEV[x.severity].colour, SEV[x.severity].symbol) },
              { header: 'Message', cell: (x) => x.message },
              { header: 'Rule', cell: (x) => h('code', {}, x.ruleId) },
            ],
          }),
      }),
    );
    return out;
  },
};

function countRules(rows: { ruleId: string; severity: Severity; file: string; line: number }[]): RuleCount[] {
  const m = new Map<string, RuleCount>();
  for (const r of rows) {
    const k = `${r.ruleId}/${r.severity}`;
    const c = m.get(k) ?? { ruleId: r.ruleId, severity: r.severity, count: 0, file: r.file, line: r.line };
    c.count++;
    m.set(k, c);
  }
  return [...m.values()].sort((a, b) => b.count - a.count);
}
