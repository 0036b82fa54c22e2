import * as l10n from '@vscode/l10n';
import type { TrainingCell, TrainingGapReason } from '../../../src/core/dashboard/types';
import { gridChart, type Colour } from '../charts';
import { label } from '../format';
import { named, optionsOf, passes, pill, refOf, section, stats, table, type TabDef } from '../ui';

const REASON: Record<TrainingGapReason, () => string> = {
  missing: () => l10n.t('never completed'),
  expired: () => l10n.t('completion expired'),
  'below-pass': () => l10n.t('score below pass mark'),
  future: () => l10n.t('completion dated in the future'),
};

const rateColour = (rate: number): Colour => (rate >= 1 ? 'green' : rate >= 0.8 ? 'yellow' : 'red');

export const trainingTab: TabDef = {
  id: 'training',
  get label() {
    return l10n.t('Training');
  },
  filters: (d) => [
    {
      key: 'region',
      label: l10n.t('Region'),
      options: optionsOf(
        d.training.people.map((p) => p.region),
        (v) => d.regions.find((x) => x.id === v)?.name ?? v,
      ),
    },
    {
      key: 'type',
      label: l10n.t('Role'),
      options: optionsOf(
        d.training.people.map((p) => p.role),
        label,
      ),
    },
    {
      key: 'status',
      label: l10n.t('Compliance'),
      options: [
        { value: 'compliant', label: l10n.t('compliant') },
        { value: 'gap', label: l10n.t('with gaps') },
      ],
    },
  ],
  badge: (d) => d.training.gaps.length,
  render(ctx) {
    const { fmt, filters, data } = ctx;
    const people = data.training.people.filter((p) => passes(filters, { region: p.region, type: p.role, status: p.compliant ? 'compliant' : 'gap' }));
    const names = new Set(people.map((p) => p.person));
    const gaps = data.training.gaps.filter((g) => names.has(g.person));
    const cells = new Map<string, TrainingCell>();
    for (const p of people) {
      const region = p.region ?? '(none)';
      const k = `${region}\u0000${p.role}`;
      const c = cells.get(k) ?? { region, role: p.role, people: 0, compliant: 0, required: 0, valid: 0, rate: 0 };
      c.people++;
      if (p.compliant) c.compliant++;
      c.required += p.required;
      c.valid += p.valid;
      c.rate = c.compliant / c.people;
      cells.set(k, c);
    }
    const cellRows = [...cells.values()].sort((a, b) => (a.region + a.role < b.region + b.role ? -1 : 1));
    const compliant = people.filter((p) => p.compliant).length;
    const out: Node[] = [
      stats([
        { label: l10n.t('People with required courses'), value: fmt.number(people.length) },
        { label: l10n.t('Fully compliant'), value: fmt.number(compliant), colour: 'green' },
        {
          label: l10n.t('Compliance'),
          value: fmt.percent(people.length ? compliant / people.length : undefined),
          colour: rateColour(people.length ? compliant / people.length : 1),
        },
        { label: l10n.t('Missing or lapsed courses'), value: fmt.number(gaps.length), colour: gaps.length ? 'red' : undefined },
      ]),
    ];
    const regions = [...new Set(cellRows.map((c) => c.region))].sort();
    const roles = [...new Set(cellRows.map((c) => c.role))].sort();
    const firstPerson = (region: string, role: string) =>
      people.find((p) => (p.region ?? '(none)') === region && p.role === role && !p.compliant) ??
      people.find((p) => (p.region ?? '(none)') === region && p.role === role);
    out.push(
      section(ctx, {
        id: 'training-grid',
        title: l10n.t('Compliance by region and role'),
        note: l10n.t(
          "People holding a valid completion (within the course's validity, at or above its pass mark) of every course their role requires, as of {0}.",
          fmt.longDate(data.asOf),
        ),
        legend: [
          { colour: 'green', label: l10n.t('all compliant') },
          { colour: 'yellow', label: l10n.t('80 % or more') },
          { colour: 'red', label: l10n.t('below 80 %') },
        ],
        chart: () =>
          gridChart({
            title: l10n.t('Training compliance by region and role'),
            desc: cellRows.map((c) => l10n.t('{0}, {1}: {2} of {3} compliant', ctx.region(c.region), label(c.role), c.compliant, c.people)).join('; '),
            rows: regions.map((r) => ({ key: r, label: ctx.region(r) })),
            cols: roles.map((r) => ({ key: r, label: label(r) })),
            cell: (region, role) => {
              const c = cells.get(`${region}\u0000${role}`);
              if (!c) return undefined;
              const ref = firstPerson(region, role);
              return {
                text: `${c.compliant}/${c.people}`,
                colour: rateColour(c.rate),
                tooltip: l10n.t(
                  '{0}, {1}: {2} of {3} compliant, {4} of {5} courses valid',
                  ctx.region(region),
                  label(role),
                  c.compliant,
                  c.people,
                  c.valid,
                  c.required,
                ),
                ...(ref ? { ref: refOf(ref) } : {}),
              };
            },
            onOpen: ctx.open,
          }),
        table: () =>
          table(ctx, {
            caption: l10n.t('Training compliance by region and role'),
            rows: cellRows,
            key: (c) => `${c.region}/${c.role}`,
            ref: (c) => {
              const p = firstPerson(c.region, c.role);
              return p ? refOf(p) : undefined;
            },
            rowClass: (c) => (c.rate < 1 ? 'flagged' : undefined),
            columns: [
              { header: l10n.t('Region'), cell: (c) => ctx.region(c.region) },
              { header: l10n.t('Role'), cell: (c) => label(c.role) },
              { header: l10n.t('People'), cell: (c) => fmt.number(c.people), numeric: true },
              { header: l10n.t('Compliant'), cell: (c) => fmt.number(c.compliant), numeric: true },
              { header: l10n.t('Courses valid'), cell: (c) => l10n.t('{0} of {1}', fmt.number(c.valid), fmt.number(c.required)), numeric: true },
              { header: l10n.t('Rate'), cell: (c) => fmt.percent(c.rate), numeric: true },
            ],
          }),
      }),
    );
    out.push(
      section(ctx, {
        id: 'training-gaps',
        title: l10n.t('Missing or lapsed required courses'),
        table: () =>
          table(ctx, {
            caption: l10n.t('Training gaps'),
            rows: gaps,
            key: (g) => `${g.person}/${g.course}`,
            ref: refOf,
            empty: l10n.t('Everyone holds their required courses.'),
            columns: [
              { header: l10n.t('Person'), cell: (g) => named(g.name, g.person) },
              { header: l10n.t('Role'), cell: (g) => label(g.role) },
              { header: l10n.t('Region'), cell: (g) => ctx.region(g.region) },
              { header: l10n.t('Course'), cell: (g) => named(g.courseTitle, g.course) },
              { header: l10n.t('Last completed'), cell: (g) => g.lastCompleted ?? '–' },
              { header: l10n.t('Why'), cell: (g) => pill(REASON[g.reason](), 'red', '✖') },
            ],
          }),
      }),
    );
    out.push(
      section(ctx, {
        id: 'training-people',
        title: l10n.t('People'),
        table: () =>
          table(ctx, {
            caption: l10n.t('People and their required courses'),
            rows: people,
            key: (p) => p.person,
            ref: refOf,
            rowClass: (p) => (p.compliant ? undefined : 'flagged'),
            columns: [
              { header: l10n.t('Person'), cell: (p) => named(p.name, p.person) },
              { header: l10n.t('Role'), cell: (p) => label(p.role) },
              { header: l10n.t('Region'), cell: (p) => ctx.region(p.region) },
              { header: l10n.t('Courses valid'), cell: (p) => l10n.t('{0} of {1}', fmt.number(p.valid), fmt.number(p.required)), numeric: true },
              { header: l10n.t('Next lapse'), cell: (p) => p.nextExpiry ?? '–' },
              { header: l10n.t('Compliance'), cell: (p) => (p.compliant ? pill(l10n.t('compliant'), 'green', '✔') : pill(l10n.t('gap'), 'red', '✖')) },
            ],
          }),
      }),
    );
    return out;
  },
};
