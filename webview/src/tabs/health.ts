import * as l10n from '@vscode/l10n';
import type { DocumentFlag, RuleCount, Severity } from '../../../src/core/dashboard/types';
import { barChart, type Colour } from '../charts';
import { h } from '../dom';
import { label } from '../format';
import { named, optionsOf, passes, pill, refOf, section, stats, table, type TabDef } from '../ui';

const SEV: Record<Severity, { colour: Colour; symbol: string }> = {
  error: { colour: 'red', symbol: '✖' },
  warning: { colour: 'yellow', symbol: '⚠' },
  info: { colour: 'blue', symbol: 'ℹ' },
};

const FLAG: Record<DocumentFlag, () => string> = {
  'review-overdue': () => l10n.t('review overdue'),
  'review-due': () => l10n.t('review due soon'),
  'effective-unapproved': () => l10n.t('effective date near, not approved'),
  'effective-soon': () => l10n.t('takes effect soon'),
};

const severityWord = (sev: Severity): string => (sev === 'error' ? l10n.t('error') : sev === 'warning' ? l10n.t('warning') : l10n.t('info'));

/** `3 errors`, `1 warning` in the display language. */
function severityCount(sev: Severity, n: number, text: string): string {
  if (sev === 'error') return n === 1 ? l10n.t('{0} error', text) : l10n.t('{0} errors', text);
  if (sev === 'warning') return n === 1 ? l10n.t('{0} warning', text) : l10n.t('{0} warnings', text);
  return n === 1 ? l10n.t('{0} info', text) : l10n.t('{0} infos', text);
}

const STATUS_COLOUR: Record<string, Colour> = { draft: 'grey', 'in-review': 'yellow', approved: 'green', retired: 'purple' };

export const healthTab: TabDef = {
  id: 'health',
  get label() {
    return l10n.t('Health');
  },
  filters: (d) => [
    { key: 'type', label: l10n.t('Kind'), options: optionsOf([...d.health.byKind.map((k) => k.kind), ...d.health.documents.map((x) => x.kind)], label) },
    { key: 'status', label: l10n.t('Severity'), options: (['error', 'warning', 'info'] as const).map((v) => ({ value: v, label: severityWord(v) })) },
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
        { label: l10n.t('Files'), value: fmt.number(hl.files) },
        { label: l10n.t('Entities'), value: fmt.number(hl.entities) },
        { label: l10n.t('Errors'), value: fmt.number(hl.summary.errors), colour: hl.summary.errors ? 'red' : 'green' },
        { label: l10n.t('Warnings'), value: fmt.number(hl.summary.warnings), colour: hl.summary.warnings ? 'yellow' : undefined },
        { label: l10n.t('Infos'), value: fmt.number(hl.summary.infos), colour: 'blue' },
      ]),
    ];
    out.push(
      section(ctx, {
        id: 'health-rules',
        title: l10n.t('Diagnostics by rule'),
        legend: [
          { colour: 'red', label: l10n.t('error') },
          { colour: 'yellow', label: l10n.t('warning') },
          { colour: 'blue', label: l10n.t('info') },
        ],
        chart: byRule.length
          ? () =>
              barChart({
                title: l10n.t('Diagnostics by rule'),
                desc: byRule.map((r) => `${r.ruleId}: ${severityCount(r.severity, r.count, fmt.number(r.count))}`).join('; '),
                tick: (v) => fmt.number(v),
                rows: byRule.map((r) => ({
                  label: r.ruleId,
                  value: severityCount(r.severity, r.count, fmt.number(r.count)),
                  bars: [[{ value: r.count, colour: SEV[r.severity].colour }]],
                  ref: refOf(r),
                })),
                onOpen: ctx.open,
              })
          : undefined,
        table: () =>
          table(ctx, {
            caption: l10n.t('Diagnostics by rule'),
            rows: byRule,
            key: (r) => `${r.ruleId}/${r.severity}`,
            ref: refOf,
            empty: l10n.t('No diagnostics.'),
            columns: [
              { header: l10n.t('Rule'), cell: (r) => h('code', {}, r.ruleId) },
              { header: l10n.t('Severity'), cell: (r) => pill(severityWord(r.severity), SEV[r.severity].colour, SEV[r.severity].symbol) },
              { header: l10n.t('Count'), cell: (r) => fmt.number(r.count), numeric: true },
            ],
          }),
      }),
    );
    out.push(
      section(ctx, {
        id: 'health-kinds',
        title: l10n.t('Diagnostics by kind'),
        legend: [
          { colour: 'red', label: l10n.t('errors') },
          { colour: 'yellow', label: l10n.t('warnings') },
          { colour: 'blue', label: l10n.t('infos') },
        ],
        chart: byKind.length
          ? () =>
              barChart({
                title: l10n.t('Diagnostics by kind of document'),
                desc: byKind
                  .map(
                    (k) =>
                      `${label(k.kind)}: ${[severityCount('error', k.errors, fmt.number(k.errors)), severityCount('warning', k.warnings, fmt.number(k.warnings)), severityCount('info', k.infos, fmt.number(k.infos))].join(', ')}`,
                  )
                  .join('; '),
                tick: (v) => fmt.number(v),
                rows: byKind.map((k) => ({
                  label: label(k.kind),
                  value: [
                    k.errors ? severityCount('error', k.errors, fmt.number(k.errors)) : '',
                    k.warnings ? severityCount('warning', k.warnings, fmt.number(k.warnings)) : '',
                    k.infos ? severityCount('info', k.infos, fmt.number(k.infos)) : '',
                  ]
                    .filter(Boolean)
                    .join(' · '),
                  bars: [
                    [
                      { value: k.errors, colour: 'red' },
                      { value: k.warnings, colour: 'yellow' },
                      { value: k.infos, colour: 'blue' },
                    ],
                  ],
                  ref: refOf(k),
                })),
                onOpen: ctx.open,
              })
          : undefined,
        table: () =>
          table(ctx, {
            caption: l10n.t('Diagnostics by kind'),
            rows: byKind,
            key: (k) => k.kind,
            ref: refOf,
            empty: l10n.t('No diagnostics.'),
            columns: [
              { header: l10n.t('Kind'), cell: (k) => label(k.kind) },
              { header: l10n.t('Errors'), cell: (k) => fmt.number(k.errors), numeric: true },
              { header: l10n.t('Warnings'), cell: (k) => fmt.number(k.warnings), numeric: true },
              { header: l10n.t('Infos'), cell: (k) => fmt.number(k.infos), numeric: true },
            ],
          }),
      }),
    );
    out.push(
      section(ctx, {
        id: 'health-status',
        title: l10n.t('Standards and brand manual by status'),
        legend: statuses.map((s) => ({ colour: STATUS_COLOUR[s] ?? 'orange', label: label(s) })),
        chart: statusKinds.length
          ? () =>
              barChart({
                title: l10n.t('Documents by status'),
                desc: statusKinds
                  .map(
                    (k) =>
                      `${k}: ${hl.documentsByStatus
                        .filter((x) => x.kind === k)
                        .map((x) => `${x.count} ${label(x.status)}`)
                        .join(', ')}`,
                  )
                  .join('; '),
                tick: (v) => fmt.number(v),
                rows: statusKinds.map((k) => {
                  const counts = hl.documentsByStatus.filter((x) => x.kind === k);
                  return {
                    label: label(k),
                    value: counts
                      .filter((x) => x.count > 0)
                      .map((x) => `${x.count} ${label(x.status)}`)
                      .join(' · '),
                    bars: [counts.map((x) => ({ value: x.count, colour: STATUS_COLOUR[x.status] ?? ('orange' as const) }))],
                  };
                }),
              })
          : undefined,
        table: () =>
          table(ctx, {
            caption: l10n.t('Documents by status'),
            rows: hl.documentsByStatus.filter((x) => statusKinds.includes(x.kind)),
            key: (x) => `${x.kind}/${x.status}`,
            ref: refOf,
            columns: [
              { header: l10n.t('Kind'), cell: (x) => label(x.kind) },
              { header: l10n.t('Status'), cell: (x) => label(x.status) },
              { header: l10n.t('Documents'), cell: (x) => fmt.number(x.count), numeric: true },
            ],
          }),
      }),
    );
    const flagged = docs.filter((x) => x.flags.length > 0);
    out.push(
      section(ctx, {
        id: 'health-due',
        title: l10n.t('Standards and brand chapters due (within {0} days)', hl.dueWithinDays),
        table: () =>
          table(ctx, {
            caption: l10n.t('Documents whose review or effective date is due'),
            rows: flagged,
            key: (x) => `${x.kind}/${x.id}`,
            ref: refOf,
            empty: l10n.t('No review or effective date is due.'),
            columns: [
              { header: l10n.t('Document'), cell: (x) => named(x.title, x.id) },
              { header: l10n.t('Kind'), cell: (x) => label(x.kind) },
              { header: l10n.t('Status'), cell: (x) => label(x.status) },
              { header: l10n.t('Version'), cell: (x) => x.version ?? '–' },
              { header: l10n.t('Effective'), cell: (x) => x.effective ?? '–' },
              { header: l10n.t('Review due'), cell: (x) => x.reviewDue ?? '–' },
              {
                header: l10n.t('Why'),
                cell: (x) =>
                  h('span', {}, ...x.flags.map((f) => pill(FLAG[f](), f === 'review-overdue' || f === 'effective-unapproved' ? 'yellow' : 'blue', '⚠'))),
              },
            ],
          }),
      }),
    );
    out.push(
      section(ctx, {
        id: 'health-diagnostics',
        title: l10n.t('Diagnostics'),
        note:
          hl.diagnosticsTotal > hl.diagnostics.length
            ? l10n.t('Showing the first {0} of {1}; run opsbook check for all.', fmt.number(hl.diagnostics.length), fmt.number(hl.diagnosticsTotal))
            : undefined,
        table: () =>
          table(ctx, {
            caption: l10n.t('Diagnostics'),
            rows: diagnostics,
            key: (x) => `${x.file}:${x.line}:${x.column}:${x.ruleId}`,
            ref: refOf,
            empty: l10n.t('No diagnostics.'),
            columns: [
              { header: l10n.t('Where'), cell: (x) => h('code', {}, `${x.file}:${x.line}:${x.column}`) },
              { header: l10n.t('Severity'), cell: (x) => pill(severityWord(x.severity), SEV[x.severity].colour, SEV[x.severity].symbol) },
              { header: l10n.t('Message'), cell: (x) => x.message },
              { header: l10n.t('Rule'), cell: (x) => h('code', {}, x.ruleId) },
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
