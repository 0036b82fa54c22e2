import * as l10n from '@vscode/l10n';
import { barChart } from '../charts';
import { label } from '../format';
import type { Colour } from '../charts';
import { named, optionsOf, passes, pill, refOf, section, stats, table, type TabDef } from '../ui';

type Standing = 'due' | 'current' | 'none';

/** Where a person's assessment stands: overdue, current, or none on record (neither of the two). */
const standingOf = (a: { overdue?: boolean; lastPeriod?: string | undefined }): Standing => (a.overdue ? 'due' : a.lastPeriod ? 'current' : 'none');

/** Each standing's word and pill, for the filter and the Status column alike. */
const STANDINGS: Record<Standing, { label: () => string; colour: Colour; symbol: string }> = {
  due: { label: () => l10n.t('overdue'), colour: 'red', symbol: '✖' },
  current: { label: () => l10n.t('current'), colour: 'green', symbol: '✔' },
  none: { label: () => l10n.t('not assessed'), colour: 'grey', symbol: '–' },
};

/** People: assessments due (as the assessment/overdue rule judges them) and bench strength by role. */
export const peopleTab: TabDef = {
  id: 'people',
  get label() {
    return l10n.t('People');
  },
  filters: (d) => [
    {
      key: 'region',
      label: l10n.t('Region'),
      options: optionsOf(
        d.people.assessments.map((p) => p.region),
        (v) => d.regions.find((x) => x.id === v)?.name ?? v,
      ),
    },
    {
      key: 'type',
      label: l10n.t('Role'),
      options: optionsOf(
        d.people.assessments.map((p) => p.role),
        label,
      ),
    },
    {
      key: 'status',
      label: l10n.t('Assessment'),
      options: (Object.keys(STANDINGS) as Standing[]).map((value) => ({ value, label: STANDINGS[value].label() })),
    },
  ],
  badge: (d) => d.people.assessments.filter((a) => a.overdue).length + d.people.bench.filter((b) => b.key && b.withReady < b.holders).length,
  render(ctx) {
    const { fmt, filters, data } = ctx;
    const rows = data.people.assessments.filter((a) => passes(filters, { region: a.region, type: a.role, status: standingOf(a) }));
    const overdue = rows.filter((a) => a.overdue);
    const bench = data.people.bench.filter((b) => filters.type === undefined || b.role === filters.type);
    const keyGaps = bench.filter((b) => b.key).reduce((n, b) => n + b.holders - b.withReady, 0);
    const out: Node[] = [
      stats([
        { label: l10n.t('People'), value: fmt.number(rows.length) },
        { label: l10n.t('Assessments overdue'), value: fmt.number(overdue.length), colour: overdue.length ? 'red' : 'green' },
        { label: l10n.t('Key-role holders without a ready successor'), value: fmt.number(keyGaps), colour: keyGaps ? 'yellow' : 'green' },
      ]),
    ];
    out.push(
      section(ctx, {
        id: 'people-bench',
        title: l10n.t('Bench strength by role'),
        note: l10n.t('Holders of each role by their best successor: one ready now, only later (1-2y, 3y+), or none. Key roles (rule succession/gap) first.'),
        legend: [
          { colour: 'green', label: l10n.t('successor ready') },
          { colour: 'yellow', label: l10n.t('successor later') },
          { colour: 'red', label: l10n.t('no successor') },
        ],
        chart: () =>
          barChart({
            title: l10n.t('Bench strength by role'),
            desc: bench.map((b) => l10n.t('{0}: {1} holders, {2} with a ready successor', label(b.role), b.holders, b.withReady)).join('; '),
            tick: (v) => fmt.number(v),
            rows: bench.map((b) => ({
              label: `${b.key ? '★ ' : ''}${label(b.role)}`,
              value: l10n.t('{0} of {1} ready', fmt.number(b.withReady), fmt.number(b.holders)),
              bars: [
                [
                  { value: b.withReady, colour: 'green' },
                  { value: b.withLater, colour: 'yellow' },
                  { value: b.withNone, colour: 'red' },
                ],
              ],
            })),
          }),
        table: () =>
          table(ctx, {
            caption: l10n.t('Bench strength by role'),
            rows: bench,
            key: (b) => b.role,
            ref: () => undefined,
            columns: [
              { header: l10n.t('Role'), cell: (b) => label(b.role) },
              { header: l10n.t('Key role'), cell: (b) => (b.key ? '★' : '') },
              { header: l10n.t('Holders'), cell: (b) => fmt.number(b.holders), numeric: true },
              { header: l10n.t('Successor ready'), cell: (b) => fmt.number(b.withReady), numeric: true },
              { header: l10n.t('Successor later'), cell: (b) => fmt.number(b.withLater), numeric: true },
              { header: l10n.t('No successor'), cell: (b) => fmt.number(b.withNone), numeric: true },
            ],
          }),
      }),
    );
    out.push(
      section(ctx, {
        id: 'people-assessments',
        title: l10n.t('Assessments'),
        note: data.people.assessed
          ? l10n.t(
              'An assessment is due {0} months after the end of the latest period assessed, as of {1}.',
              data.people.assessmentMonths,
              fmt.longDate(data.asOf),
            )
          : l10n.t('No assessments are recorded yet (org/assessments/).'),
        table: () =>
          table(ctx, {
            caption: l10n.t('Assessments'),
            rows: [...overdue, ...rows.filter((a) => !a.overdue)],
            key: (a) => a.person,
            ref: refOf,
            rowClass: (a) => (a.overdue ? 'flagged' : undefined),
            columns: [
              { header: l10n.t('Person'), cell: (a) => named(a.name, a.person) },
              { header: l10n.t('Role'), cell: (a) => label(a.role) },
              { header: l10n.t('Region'), cell: (a) => ctx.region(a.region) },
              { header: l10n.t('Last period'), cell: (a) => a.lastPeriod ?? '–' },
              { header: l10n.t('Rating'), cell: (a) => a.rating ?? '–' },
              { header: l10n.t('Score'), cell: (a) => fmt.number(a.score), numeric: true },
              { header: l10n.t('Next due'), cell: (a) => a.due ?? '–' },
              {
                header: l10n.t('Status'),
                cell: (a) => {
                  const s = STANDINGS[standingOf(a)];
                  return pill(s.label(), s.colour, s.symbol);
                },
              },
            ],
          }),
      }),
    );
    return out;
  },
};
