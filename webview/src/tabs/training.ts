import type { TrainingCell, TrainingGapReason } from '../../../src/core/dashboard/types';
import { gridChart, type Colour } from '../charts';
import { h } from '../dom';
import { label } from '../format';
import { optionsOf, passes, pill, refOf, section, stats, table, type TabDef } from '../ui';

const REASON: Record<TrainingGapReason, string> = {
  missing: 'never completed',
  expired: 'completion expired',
  'below-pass': 'score below pass mark',
  future: 'completion dated in the future',
};

const rateColour = (rate: number): Colour => (rate >= 1 ? 'green' : rate >= 0.8 ? 'yellow' : 'red');

export const trainingTab: TabDef = {
  id: 'training',
  label: 'Training',
  filters: (d) => [
    { key: 'region', label: 'Region', options: optionsOf(d.training.people.map((p) => p.region), (v) => d.regions.find((x) => x.id === v)?.name ?? v) },
    { key: 'type', label: 'Role', options: optionsOf(d.training.people.map((p) => p.role), label) },
    { key: 'status', label: 'Compliance', options: [{ value: 'compliant', label: 'compliant' }, { value: 'gap', label: 'with gaps' }] },
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
        { label: 'People with required courses', value: fmt.number(people.length) },
        { label: 'Fully compliant', value: fmt.number(compliant), colour: 'green' },
        { label: 'Compliance', value: fmt.percent(people.length ? compliant / people.length : undefined), colour: rateColour(people.length ? compliant / people.length : 1) },
        { label: 'Missing or lapsed courses', value: fmt.number(gaps.length), colour: gaps.length ? 'red' : undefined },
      ]),
    ];
    const regions = [...new Set(cellRows.map((c) => c.region))].sort();
    const roles = [...new Set(cellRows.map((c) => c.role))].sort();
    const firstPerson = (region: string, role: string) => people.find((p) => (p.region ?? '(none)') === region && p.role === role && !p.compliant) ?? people.find((p) => (p.region ?? '(none)') === region && p.role === role);
    out.push(
      section(ctx, {
        id: 'training-grid',
        title: 'Compliance by region and role',
        note: `People holding a valid completion (within the course's validity, at or above its pass mark) of every course their role requires, as of ${data.asOf}.`,
        legend: [
          { colour: 'green', label: 'all compliant' },
          { colour: 'yellow', label: '80 % or more' },
          { colour: 'red', label: 'below 80 %' },
        ],
        chart: () =>
          gridChart({
            title: 'Training compliance by region and role',
            desc: cellRows.map((c) => `${ctx.region(c.region)}, ${label(c.role)}: ${c.compliant} of ${c.people} compliant`).join('; '),
            rows: regions.map((r) => ({ key: r, label: ctx.region(r) })),
            cols: roles.map((r) => ({ key: r, label: label(r) })),
            cell: (region, role) => {
              const c = cells.get(`${region}\u0000${role}`);
              if (!c) return undefined;
              const ref = firstPerson(region, role);
              return { text: `${c.compliant}/${c.people}`, colour: rateColour(c.rate), tooltip: `${ctx.region(region)}, ${label(role)}: ${c.compliant} of ${c.people} compliant, ${c.valid} of ${c.required} courses valid`, ...(ref ? { ref: refOf(ref) } : {}) };
            },
            onOpen: ctx.open,
          }),
        table: () =>
          table(ctx, {
            caption: 'Training compliance by region and role',
            rows: cellRows,
            key: (c) => `${c.region}/${c.role}`,
            ref: (c) => {
              const p = firstPerson(c.region, c.role);
              return p ? refOf(p) : undefined;
            },
            rowClass: (c) => (c.rate < 1 ? 'flagged' : undefined),
            columns: [
              { header: 'Region', cell: (c) => ctx.region(c.region) },
              { header: 'Role', cell: (c) => label(c.role) },
              { header: 'People', cell: (c) => fmt.number(c.people), numeric: true },
              { header: 'Compliant', cell: (c) => fmt.number(c.compliant), numeric: true },
              { header: 'Courses valid', cell: (c) => `${fmt.number(c.valid)} of ${fmt.number(c.required)}`, numeric: true },
              { header: 'Rate', cell: (c) => fmt.percent(c.rate), numeric: true },
            ],
          }),
      }),
    );
    out.push(
      section(ctx, {
        id: 'training-gaps',
        title: 'Missing or lapsed required courses',
        table: () =>
          table(ctx, {
            caption: 'Training gaps',
            rows: gaps,
            key: (g) => `${g.person}/${g.course}`,
            ref: refOf,
            empty: 'Everyone holds their required courses.',
            columns: [
              { header: 'Person', cell: (g) => h('span', {}, h('strong', {}, g.person), ` ${g.name}`) },
              { header: 'Role', cell: (g) => label(g.role) },
              { header: 'Region', cell: (g) => ctx.region(g.region) },
              { header: 'Course', cell: (g) => h('span', {}, h('strong', {}, g.course), ` ${g.courseTitle}`) },
              { header: 'Last completed', cell: (g) => g.lastCompleted ?? '–' },
              { header: 'Why', cell: (g) => pill(REASON[g.reason], 'red', '✖') },
            ],
          }),
      }),
    );
    out.push(
      section(ctx, {
        id: 'training-people',
        title: 'People',
        table: () =>
          table(ctx, {
            caption: 'People and their required courses',
            rows: people,
            key: (p) => p.person,
            ref: refOf,
            rowClass: (p) => (p.compliant ? undefined : 'flagged'),
            columns: [
              { header: 'Person', cell: (p) => h('span', {}, h('strong', {}, p.person), ` ${p.name}`) },
              { header: 'Role', cell: (p) => label(p.role) },
              { header: 'Region', cell: (p) => ctx.region(p.region) },
              { header: 'Courses valid', cell: (p) => `${p.valid} of ${p.required}`, numeric: true },
              { header: 'Next lapse', cell: (p) => p.nextExpiry ?? '–' },
              { header: 'Compliance', cell: (p) => (p.compliant ? pill('compliant', 'green', '✔') : pill('gap', 'red', '✖')) },
            ],
          }),
      }),
    );
    return out;
  },
};
