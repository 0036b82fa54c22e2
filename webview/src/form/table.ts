/**
 * The register table: a virtualized grid (only the rows in view are in the DOM) with sorting,
 * a filter in the search query syntax (run by the host), a column chooser, inline editing with
 * the record form's controls, add / duplicate / delete rows, a totals row, problems per cell
 * and keyboard navigation (arrows, Enter to edit, Escape to leave).
 */
import * as l10n from '@vscode/l10n';
import { candidateSearch, type CandidateSearch } from '../../../src/core/form/fuzzy';
import type { RegisterRow, RegisterTable } from '../../../src/core/form/register';
import { isToTable, rowKey, type FromTable, type TableChange, type ToTable } from '../../../src/core/form/tableProtocol';
import type { FormField } from '../../../src/core/form/types';
import type { JsonValue } from '../../../src/core/types';
import { clear, h } from '../dom';
import { scalarControl, type FormContext } from './widgets';

export interface TableHost {
  post(msg: FromTable): void;
  listen(handler: (msg: unknown) => void): void;
}

const ROW_HEIGHT = 28;
const OVERSCAN = 8;
const EDITABLE = new Set(['text', 'textarea', 'number', 'date', 'select', 'combo', 'ref', 'toggle']);

function display(v: JsonValue | undefined, unit?: string): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map((x) => display(x)).join(', ');
  if (typeof v === 'number') return unit ? `${v.toLocaleString()} ${unit}` : v.toLocaleString();
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  return typeof v === 'object' ? JSON.stringify(v) : v;
}

function columnWidth(f: FormField): number {
  if (f.widget === 'number') return 130;
  if (f.widget === 'date' || f.widget === 'toggle') return 120;
  return Math.min(260, Math.max(140, f.label.length * 8 + 24));
}

function compare(a: JsonValue | undefined, b: JsonValue | undefined): number {
  if (a === undefined || a === null) return b === undefined || b === null ? 0 : 1;
  if (b === undefined || b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return display(a).localeCompare(display(b));
}

export class TableApp {
  private table: RegisterTable | undefined;
  private versions: Record<string, number> = {};
  private keys: Set<string> | null = null;
  private sort: { column: number; dir: 1 | -1 } | undefined;
  private hidden = new Set<string>();
  private view: RegisterRow[] = [];
  private active = { row: 0, col: 0 };
  private editing = false;
  private readonly searches = new Map<string, CandidateSearch>();
  private readonly scroller = h('div', { class: 'grid-scroll' });
  private readonly spacer = h('div', { class: 'grid-spacer' });
  private readonly windowEl = h('div', { class: 'grid-window', role: 'rowgroup' });
  private readonly head = h('div', { class: 'grid-row grid-head', role: 'row' });
  private readonly foot = h('div', { class: 'grid-row grid-foot', role: 'row' });
  private readonly status = h('span', { class: 'muted', role: 'status' });
  private readonly notice = h('div', { class: 'notice-slot' });
  private readonly chooser = h('div', { class: 'column-chooser' });
  private readonly addSlot = h('span', { class: 'add-slot' });
  private renderedRange = '';

  constructor(
    private readonly root: HTMLElement,
    private readonly host: TableHost,
  ) {}

  start(): void {
    clear(this.root);
    const filter = h('input', {
      class: 'input filter',
      type: 'search',
      placeholder: l10n.t('Filter: words, field:value, field:>n …'),
      'aria-label': l10n.t('Filter rows'),
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    filter.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.host.post({ type: 'filter', query: filter.value }), 250);
    });
    const columns = h('details', { class: 'columns' }, h('summary', {}, l10n.t('Columns')), this.chooser);
    this.root.appendChild(h('div', { class: 'toolbar' }, filter, columns, this.addSlot, this.status));
    this.root.appendChild(this.notice);
    this.spacer.appendChild(this.windowEl);
    this.scroller.append(this.head, this.spacer, this.foot);
    this.scroller.setAttribute('role', 'grid');
    this.scroller.setAttribute('aria-label', l10n.t('Register table'));
    this.root.appendChild(this.scroller);
    this.scroller.addEventListener('scroll', () => requestAnimationFrame(() => this.renderWindow(false)));
    this.scroller.addEventListener('keydown', (e) => this.onKey(e));
    this.host.listen((m) => {
      if (isToTable(m)) this.onMessage(m);
    });
    this.readyAt = performance.now();
    this.host.post({ type: 'ready' });
  }

  /** When `ready` was sent: the first table's arrival and drawing times go on the root (`data-timing`, ms) for tests. */
  private readyAt = 0;

  private onMessage(m: ToTable): void {
    switch (m.type) {
      case 'init':
        l10n.config({ contents: m.l10n ?? {} });
        return;
      case 'table':
        this.table = m.table;
        this.versions = m.versions;
        this.searches.clear();
        this.editing = false;
        this.showNotice(m.notice);
        {
          const arrived = performance.now();
          this.rebuild();
          if (!this.root.dataset['timing']) this.root.dataset['timing'] = `${Math.round(arrived - this.readyAt)} ${Math.round(performance.now() - arrived)}`;
        }
        return;
      case 'version':
        this.versions[m.file] = m.version;
        return;
      case 'filtered':
        this.keys = m.keys ? new Set(m.keys) : null;
        this.showNotice(m.errors.length ? { severity: 'warning', message: m.errors.join(' ') } : undefined);
        this.rebuild();
        return;
      default:
        return;
    }
  }

  private showNotice(n: { severity: string; message: string } | undefined): void {
    clear(this.notice);
    if (n) this.notice.appendChild(h('div', { class: `notice ${n.severity}`, role: 'alert' }, n.message));
  }

  private columns(): { field: FormField; index: number }[] {
    return (this.table?.columns ?? []).map((field, index) => ({ field, index })).filter((c) => !this.hidden.has(c.field.key));
  }

  /** Rows, header, chooser and totals after new data, a filter, a sort or a column change. */
  private rebuild(): void {
    const t = this.table;
    if (!t) return;
    let rows = t.rows.filter((r) => !this.keys || this.keys.has(rowKey(r.kind, r.id)));
    if (this.sort) {
      const { column, dir } = this.sort;
      rows = [...rows].sort((a, b) => dir * compare(a.cells[column]?.value, b.cells[column]?.value));
    }
    this.view = rows;
    this.status.textContent = l10n.t('{0} of {1} rows', rows.length, t.rows.length);
    const cols = this.columns();
    // Fixed widths: every row is its own grid, so only fixed tracks line up with the header.
    this.scroller.style.setProperty('--cols', `220px ${cols.map((c) => `${columnWidth(c.field)}px`).join(' ')} 96px`);
    clear(this.head);
    this.head.appendChild(h('div', { class: 'cell head', role: 'columnheader' }, l10n.t('Record')));
    for (const c of cols) {
      const sorted = this.sort?.column === c.index ? (this.sort.dir === 1 ? 'ascending' : 'descending') : 'none';
      // A flattened column (`Contract · Value`) shows its group above its own name.
      const parts = c.field.label.split(' · ');
      const name = parts.pop() ?? c.field.label;
      const button = h(
        'button',
        { class: 'sort', type: 'button', title: `${c.field.label} (${c.field.key})` },
        parts.length ? h('span', { class: 'group-label' }, parts.join(' · ')) : null,
        h('span', {}, name, sorted === 'none' ? '' : sorted === 'ascending' ? ' ▲' : ' ▼'),
      );
      button.addEventListener('click', () => {
        this.sort =
          this.sort?.column === c.index && this.sort.dir === 1
            ? { column: c.index, dir: -1 }
            : this.sort?.column === c.index
              ? undefined
              : { column: c.index, dir: 1 };
        this.rebuild();
      });
      this.head.appendChild(h('div', { class: 'cell head', role: 'columnheader', 'aria-sort': sorted }, button));
    }
    this.head.appendChild(h('div', { class: 'cell head', role: 'columnheader' }, ''));
    this.buildChooser();
    this.buildAdd();
    this.buildTotals(cols);
    this.spacer.style.height = `${rows.length * ROW_HEIGHT}px`;
    this.active.row = Math.min(this.active.row, Math.max(0, rows.length - 1));
    this.active.col = Math.min(this.active.col, cols.length);
    this.renderWindow(true);
  }

  private buildChooser(): void {
    clear(this.chooser);
    for (const c of this.table?.columns ?? []) {
      const box = h('input', { type: 'checkbox', id: `col-${c.key}` });
      box.checked = !this.hidden.has(c.key);
      box.addEventListener('change', () => {
        if (box.checked) this.hidden.delete(c.key);
        else this.hidden.add(c.key);
        this.rebuild();
      });
      this.chooser.appendChild(h('label', {}, box, ` ${c.label}`));
    }
  }

  private buildAdd(): void {
    clear(this.addSlot);
    const add = this.table?.add;
    if (!add) return;
    const id = h('input', { class: 'input id', type: 'text', 'aria-label': l10n.t('Id of the new record'), placeholder: l10n.t('New id') });
    id.value = add.nextId ?? '';
    const button = h('vscode-button', {}, l10n.t('Add row'));
    button.addEventListener('click', () => {
      const value = id.value.trim();
      if (!value) return id.focus();
      const version = this.versions[add.file] ?? -1;
      const change: TableChange['change'] = add.map ? { op: 'set', path: [value], value: {} } : { op: 'append', path: [], value: { id: value } };
      this.host.post({ type: 'change', file: add.file, version, entityPath: add.listPath, change });
    });
    this.addSlot.append(id, button);
  }

  private buildTotals(cols: { field: FormField; index: number }[]): void {
    clear(this.foot);
    const totals = new Map((this.table?.totals ?? []).map((t) => [t.column, t]));
    this.foot.appendChild(h('div', { class: 'cell foot' }, l10n.t('Totals')));
    for (const c of cols) {
      const t = totals.get(c.index);
      const lines = (t?.byUnit ?? []).map((u) =>
        h(
          'div',
          { title: l10n.t('sum, average and count of {0}', c.field.label) },
          `Σ ${display(u.sum, u.unit)} · ⌀ ${display(Math.round(u.average * 100) / 100)} · n ${u.count}`,
        ),
      );
      this.foot.appendChild(h('div', { class: 'cell foot' }, ...lines));
    }
    this.foot.appendChild(h('div', { class: 'cell foot' }, ''));
  }

  /** Draws the rows in view (and a few around them); `force` after data changes. */
  private renderWindow(force: boolean): void {
    if (this.editing && !force) return;
    const top = Math.max(0, this.scroller.scrollTop - this.head.offsetHeight);
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const count = Math.ceil(this.scroller.clientHeight / ROW_HEIGHT) + 2 * OVERSCAN;
    const last = Math.min(this.view.length, first + count);
    const range = `${first}:${last}`;
    if (!force && range === this.renderedRange) return;
    this.renderedRange = range;
    clear(this.windowEl);
    this.windowEl.style.transform = `translateY(${first * ROW_HEIGHT}px)`;
    const cols = this.columns();
    for (let i = first; i < last; i++) this.windowEl.appendChild(this.rowEl(this.view[i] as RegisterRow, i, cols));
  }

  private rowEl(row: RegisterRow, i: number, cols: { field: FormField; index: number }[]): HTMLElement {
    const el = h('div', { class: 'grid-row', role: 'row', 'aria-rowindex': i + 2 });
    const open = h('button', { class: 'link', type: 'button', title: l10n.t('Open {0} as a form', row.id), tabindex: -1 }, row.title || row.id);
    open.addEventListener('click', () => this.host.post({ type: 'openRecord', kind: row.kind, id: row.id }));
    const first = h(
      'div',
      { class: `cell record${row.problems.length ? ' has-problem' : ''}`, role: 'rowheader', title: row.problems.map((p) => p.message).join('\n') },
      open,
      h('span', { class: 'muted id' }, ` ${row.id}`),
    );
    el.appendChild(first);
    cols.forEach((c, j) => {
      const cell = row.cells[c.index] ?? {};
      const severity = cell.problems?.some((p) => p.severity === 'error') ? 'error' : cell.problems?.length ? 'warning' : '';
      const td = h(
        'div',
        {
          class: `cell${severity ? ` has-problem ${severity}` : ''}${c.field.widget === 'number' ? ' num' : ''}`,
          role: 'gridcell',
          tabindex: this.active.row === i && this.active.col === j + 1 ? 0 : -1,
          'data-row': i,
          'data-col': j + 1,
          title: (cell.problems ?? []).map((p) => `${p.message} (${p.ruleId})`).join('\n'),
        },
        display(cell.value, cell.unit),
      );
      td.addEventListener('click', () => this.focusCell(i, j + 1));
      td.addEventListener('dblclick', () => this.edit(i, j + 1));
      el.appendChild(td);
    });
    el.appendChild(this.actions(row));
    return el;
  }

  private actions(row: RegisterRow): HTMLElement {
    const version = () => this.versions[row.file] ?? -1;
    const dup = h('button', { class: 'icon-button', type: 'button', tabindex: -1, title: l10n.t('Duplicate {0}', row.id) }, '⧉');
    dup.addEventListener('click', () => this.host.post({ type: 'duplicate', file: row.file, version: version(), entityPath: row.entityPath }));
    const del = h('button', { class: 'icon-button', type: 'button', tabindex: -1, title: l10n.t('Delete {0}', row.id) }, '×');
    del.addEventListener('click', () => {
      // Deleting asks: the first click arms the button.
      if (del.dataset['armed'] !== 'yes') {
        del.dataset['armed'] = 'yes';
        del.textContent = l10n.t('Delete?');
        return;
      }
      this.host.post({ type: 'change', file: row.file, version: version(), entityPath: row.entityPath, change: { op: 'delete', path: [] } });
    });
    return h('div', { class: 'cell actions' }, dup, del);
  }

  private cellEl(row: number, col: number): HTMLElement | null {
    return this.windowEl.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`);
  }

  private focusCell(row: number, col: number): void {
    const cols = this.columns().length;
    this.active = { row: Math.max(0, Math.min(row, this.view.length - 1)), col: Math.max(1, Math.min(col, cols)) };
    const top = this.active.row * ROW_HEIGHT;
    const viewTop = this.scroller.scrollTop;
    const height = this.scroller.clientHeight - this.head.offsetHeight - this.foot.offsetHeight;
    if (top < viewTop) this.scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > viewTop + height) this.scroller.scrollTop = top + ROW_HEIGHT - height;
    this.renderWindow(true);
    this.cellEl(this.active.row, this.active.col)?.focus();
  }

  private onKey(e: KeyboardEvent): void {
    if (this.editing) {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.editing = false;
        this.focusCell(this.active.row, this.active.col);
      }
      return;
    }
    const moves: Record<string, [number, number]> = {
      ArrowDown: [1, 0],
      ArrowUp: [-1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      PageDown: [10, 0],
      PageUp: [-10, 0],
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      this.focusCell(this.active.row + move[0], this.active.col + move[1]);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      this.edit(this.active.row, this.active.col);
    }
  }

  /** Replaces the cell's text with the column's control; a committed value is one change. */
  private edit(row: number, col: number): void {
    const r = this.view[row];
    const c = this.columns()[col - 1];
    if (!r || !c || !EDITABLE.has(c.field.widget)) return;
    this.active = { row, col };
    const cell = this.cellEl(row, col);
    if (!cell) return;
    this.editing = true;
    const value = r.cells[c.index]?.value;
    const field: FormField = { ...c.field, path: c.field.path, widget: c.field.widget === 'textarea' ? 'text' : c.field.widget, problems: [] };
    if (value !== undefined) field.value = value;
    else delete field.value;
    const ctx: FormContext = {
      change: (change) => {
        this.editing = false;
        this.host.post({ type: 'change', file: r.file, version: this.versions[r.file] ?? -1, entityPath: r.entityPath, change });
      },
      search: (kind) => {
        let s = this.searches.get(kind);
        const list = this.table?.candidates[kind];
        if (!s && list) this.searches.set(kind, (s = candidateSearch(list)));
        return s;
      },
      titleOf: (kind, id) => this.table?.candidates[kind]?.find((x) => x.id === id)?.title,
      openRecord: (kind, id) => this.host.post({ type: 'openRecord', kind, id }),
      openText: () => undefined,
    };
    clear(cell);
    cell.addEventListener('focusout', (e) => {
      if (e.relatedTarget instanceof Node && cell.contains(e.relatedTarget)) return;
      // Left without a change: back to the text.
      setTimeout(() => {
        if (!this.editing) return;
        this.editing = false;
        this.renderWindow(true);
      }, 0);
    });
    const control = scalarControl(field, ctx, `${c.field.label} ${r.id}`);
    cell.appendChild(control);
    const input = control.matches('input, vscode-textfield, vscode-single-select, vscode-checkbox') ? control : control.querySelector<HTMLElement>('input');
    input?.focus();
  }
}
