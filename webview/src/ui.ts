import * as l10n from '@vscode/l10n';
import type { Filters, TabId } from '../../src/core/dashboard/protocol';
import type { DashboardData, PeriodOption, SourceRef } from '../../src/core/dashboard/types';
import type { Colour } from './charts';
import { h, type Child } from './dom';
import type { Format } from './format';

/** What a tab needs to render: the data, its filters, formatting and the click-through. */
export interface Ctx {
  data: DashboardData;
  fmt: Format;
  filters: Filters;
  open(ref: SourceRef): void;
  isTable(id: string): boolean;
  setTable(id: string, on: boolean): void;
  /** Whether a disclosure (a drill-down) was left open or closed (undefined: never toggled); kept across updates and reloads like the chart/table toggles. */
  isOpen(id: string): boolean | undefined;
  setOpen(id: string, on: boolean): void;
  /** Display name of a region id ("East China"), the id when unknown. */
  region(id: string | undefined): string;
}

export interface FilterDef {
  key: keyof Filters;
  label: string;
  options: { value: string; label: string }[];
}

export interface TabDef {
  id: TabId;
  label: string;
  filters(d: DashboardData): FilterDef[];
  /** Items needing attention, shown as a badge on the tab. */
  badge(d: DashboardData): number;
  render(ctx: Ctx): Node[];
}

/**
 * Whether a row passes the filters; `region` may be a list (partners serve several regions).
 * With the engine's `periods`, a period filter also passes the periods lying within it.
 */
export function passes(
  f: Filters,
  row: { region?: string | string[] | undefined; period?: string | undefined; type?: string | undefined; status?: string | undefined },
  periods?: readonly PeriodOption[],
): boolean {
  if (f.region !== undefined) {
    const r = row.region;
    if (Array.isArray(r) ? !r.includes(f.region) : r !== f.region) return false;
  }
  if (
    f.period !== undefined &&
    row.period !== f.period &&
    !(row.period !== undefined && periods?.find((o) => o.value === f.period)?.covers.includes(row.period))
  )
    return false;
  if (f.type !== undefined && row.type !== f.type) return false;
  if (f.status !== undefined && row.status !== f.status) return false;
  return true;
}

/** The period filter's options, in the engine's order and wording. */
export function periodChoices(d: DashboardData): { value: string; label: string }[] {
  return d.periods.map((o) => ({ value: o.value, label: o.label }));
}

/** Distinct values as filter options, sorted, labelled by `name`. */
export function optionsOf(values: (string | undefined)[], name: (v: string) => string = (v) => v): { value: string; label: string }[] {
  return [...new Set(values.filter((v): v is string => v !== undefined && v !== ''))].sort().map((v) => ({ value: v, label: name(v) }));
}

export interface Column<T> {
  header: string;
  cell: (row: T) => Child;
  numeric?: boolean;
}

export interface TableSpec<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  key: (row: T) => string;
  ref: (row: T) => SourceRef | undefined;
  rowClass?: (row: T) => string | undefined;
  empty?: string;
}

/** A table whose rows open their source on click or Enter. */
export function table<T>(ctx: Ctx, spec: TableSpec<T>): HTMLElement {
  const thead = h('thead', {}, h('tr', {}, ...spec.columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : undefined }, c.header))));
  const tbody = h('tbody');
  for (const row of spec.rows) {
    const ref = spec.ref(row);
    const tr = h('tr', { 'data-key': spec.key(row), class: [ref ? 'open-row' : undefined, spec.rowClass?.(row)].filter(Boolean).join(' ') || undefined });
    if (ref) {
      tr.tabIndex = 0;
      tr.title = l10n.t('Open {0}', `${ref.file}:${ref.line}`);
      tr.addEventListener('click', () => ctx.open(ref));
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          ctx.open(ref);
        }
      });
    }
    for (const c of spec.columns) tr.appendChild(h('td', { class: c.numeric ? 'num' : undefined }, c.cell(row)));
    tbody.appendChild(tr);
  }
  if (spec.rows.length === 0)
    tbody.appendChild(h('tr', {}, h('td', { colspan: spec.columns.length, class: 'empty' }, spec.empty ?? l10n.t('Nothing matches the filters.'))));
  return h('div', { class: 'table-wrap' }, h('table', {}, h('caption', { class: 'visually-hidden' }, spec.caption), thead, tbody));
}

/** Most rows a chart draws; beyond it the chart shows the most urgent ones and the table has all. */
export const CHART_LIMIT = 60;

/** The rows a chart draws: all of them, or the `CHART_LIMIT` first by `urgency`, with a note saying so. */
export function chartRows<T>(rows: T[], what: string, urgency?: (a: T, b: T) => number): { rows: T[]; note?: string } {
  if (rows.length <= CHART_LIMIT) return { rows };
  const sorted = urgency ? [...rows].sort(urgency) : rows;
  return {
    rows: sorted.slice(0, CHART_LIMIT),
    note: l10n.t(
      'The chart shows the {0} most urgent of {1} {2}; the table lists all of them, and the filters narrow them down.',
      CHART_LIMIT,
      rows.length,
      what,
    ),
  };
}

export interface SectionSpec {
  id: string;
  title: string;
  note?: Child;
  /** Shown under the chart only (e.g. that it draws a subset). */
  chartNote?: string | undefined;
  chart?: (() => Element) | undefined;
  legend?: { colour: Colour; label: string }[];
  table: () => HTMLElement;
}

/** A titled block: a chart with a Chart/Table toggle, or just a table. */
export function section(ctx: Ctx, spec: SectionSpec): HTMLElement {
  const body = h('div', { class: 'section-body' });
  const el = h('section', { class: 'card', 'data-section': spec.id, 'aria-labelledby': `h-${spec.id}` });
  const header = h('div', { class: 'card-header' }, h('h2', { id: `h-${spec.id}` }, spec.title));
  el.appendChild(header);
  if (spec.note) el.appendChild(h('p', { class: 'note' }, spec.note));
  el.appendChild(body);
  const draw = () => {
    while (body.firstChild) body.removeChild(body.firstChild);
    if (spec.chart && !ctx.isTable(spec.id)) {
      body.appendChild(h('div', { class: 'chart-wrap' }, spec.chart()));
      if (spec.legend) body.appendChild(legend(spec.legend));
      if (spec.chartNote) body.appendChild(h('p', { class: 'note chart-note' }, spec.chartNote));
    } else {
      body.appendChild(spec.table());
    }
  };
  if (spec.chart) {
    const button = h('vscode-button', { secondary: true, class: 'toggle', 'data-toggle': spec.id });
    const sync = () => {
      const asTable = ctx.isTable(spec.id);
      const text = asTable ? l10n.t('Show chart') : l10n.t('Show table');
      button.textContent = text;
      button.setAttribute('aria-pressed', String(asTable));
      button.setAttribute('aria-label', `${text}: ${spec.title}`);
    };
    button.addEventListener('click', () => {
      ctx.setTable(spec.id, !ctx.isTable(spec.id));
      sync();
      draw();
    });
    sync();
    header.appendChild(button);
  }
  draw();
  return el;
}

export function legend(items: { colour: Colour; label: string }[]): HTMLElement {
  return h('ul', { class: 'legend' }, ...items.map((i) => h('li', {}, h('span', { class: `swatch sw-${i.colour}`, 'aria-hidden': 'true' }), i.label)));
}

/** A status word with a symbol, so state never depends on colour alone. */
export function pill(text: string, colour: Colour, symbol: string): HTMLElement {
  return h('span', { class: `pill pill-${colour}` }, h('span', { 'aria-hidden': 'true' }, `${symbol} `), text);
}

/** Summary figures at the top of a tab. */
export function stats(items: { label: string; value: string; colour?: Colour }[]): HTMLElement {
  return h(
    'dl',
    { class: 'stats' },
    ...items.map((i) => h('div', { class: `stat${i.colour ? ` stat-${i.colour}` : ''}` }, h('dt', {}, i.label), h('dd', {}, i.value))),
  );
}

/** An entity named for a person: its title, then its id muted (the id alone when there is no title). */
export function named(title: string | undefined, id: string): HTMLElement {
  const t = title?.trim();
  if (!t || t === id) return h('span', { class: 'named' }, h('span', { class: 'id' }, id));
  return h('span', { class: 'named', title: id }, t, ' ', h('span', { class: 'id muted' }, id));
}

export function refOf(r: SourceRef | { file?: string | undefined; line?: number | undefined }): SourceRef | undefined {
  return r.file !== undefined && r.line !== undefined ? { file: r.file, line: r.line } : undefined;
}
