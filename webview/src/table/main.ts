/**
 * The register table's front end: a grid of one kind's records with a virtualized body (only
 * the rows in view are in the DOM, so 5,000 rows open and scroll like 50), sort by header,
 * filter with the search syntax, a column chooser, a totals row, problems per cell, keyboard
 * navigation and inline editing. Written by hand rather than with a grid library: the grid
 * needs the editor's theme colours, its fonts and its keyboard conventions, CSP-safe
 * rendering (no inline styles from data) and a small bundle; tabulator-tables (~400 KB) and
 * ag-grid (~1 MB) would each be larger than everything else in the webview together.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import './table.css';
import * as l10n from '@vscode/l10n';
import {
  applyGridDelta,
  type FromGrid,
  type GridCell,
  type GridColumn,
  type GridRow,
  type GridSort,
  type GridTable,
  type GridTotal,
  type GridView,
  type ToGrid,
} from '../../../src/core/table/protocol';
import { candidateSearch, type CandidateSearch } from '../../../src/core/form/fuzzy';
import { h } from '../dom';
import { optionSuggestions, referenceSuggestions, suggestField } from '../form/suggest';

interface VsCodeApi {
  postMessage(msg: FromGrid): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const ROW_HEIGHT = 26;
const OVERSCAN = 8;
const vscode = acquireVsCodeApi();

interface Saved {
  query?: string;
  sort?: GridSort;
  scrollTop?: number;
}

class Grid {
  private table: GridTable | undefined;
  /** The version of the table held, which the host's deltas are computed from. */
  private version = -1;
  private view: GridView | undefined;
  private sort: GridSort | undefined;
  /** Active cell: position in `view.order` and column index. */
  private active = { row: 0, col: 0 };
  private editing: { input: HTMLInputElement | HTMLSelectElement; row: GridRow; col: number; was: GridCell } | undefined;
  private queryTimer: ReturnType<typeof setTimeout> | undefined;
  private numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

  private readonly search = h('input', { class: 'query', type: 'search', spellcheck: false });
  private readonly count = h('span', { class: 'count' });
  private readonly notice = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  private readonly chooser = h('div', { class: 'chooser', hidden: true, role: 'dialog' });
  private readonly buttons = {
    add: h('vscode-button', {}, ''),
    duplicate: h('vscode-button', { secondary: true }, ''),
    remove: h('vscode-button', { secondary: true }, ''),
    open: h('vscode-button', { secondary: true }, ''),
    columns: h('vscode-button', { secondary: true }, ''),
  };
  private readonly scroller = h('div', { class: 'scroller', tabindex: 0, role: 'grid' });
  private readonly head = h('div', { class: 'row head', role: 'row' });
  private readonly body = h('div', { class: 'body', role: 'rowgroup' });
  private readonly foot = h('div', { class: 'row foot', role: 'row' });
  private readonly datalist = h('datalist', { id: 'opsbook-suggestions' });
  private rendered = new Map<number, HTMLElement>();

  constructor(private readonly root: HTMLElement) {
    const saved = (vscode.getState() ?? {}) as Saved;
    this.search.value = saved.query ?? '';
    this.sort = saved.sort;
    root.replaceChildren(
      h(
        'div',
        { class: 'toolbar' },
        this.search,
        this.count,
        h('span', { class: 'spacer' }),
        this.buttons.add,
        this.buttons.duplicate,
        this.buttons.remove,
        this.buttons.open,
        this.buttons.columns,
      ),
      this.notice,
      this.chooser,
      this.scroller,
      this.datalist,
    );
    this.scroller.append(this.head, this.body, this.foot);
    this.labels();
    this.search.addEventListener('input', () => {
      if (this.queryTimer) clearTimeout(this.queryTimer);
      this.queryTimer = setTimeout(() => this.postQuery(), 150);
    });
    this.scroller.addEventListener('scroll', () => {
      this.paint();
      this.save();
    });
    this.scroller.addEventListener('keydown', (e) => this.key(e));
    window.addEventListener('resize', () => this.paint());
    this.buttons.add.addEventListener('click', () => vscode.postMessage({ type: 'add' }));
    this.buttons.duplicate.addEventListener('click', () => this.onActiveRow((r) => vscode.postMessage({ type: 'duplicate', row: r.key })));
    this.buttons.remove.addEventListener('click', () => this.onActiveRow((r) => vscode.postMessage({ type: 'delete', row: r.key })));
    this.buttons.open.addEventListener('click', () => this.onActiveRow((r) => vscode.postMessage({ type: 'open', row: r.key })));
    this.buttons.columns.addEventListener('click', () => this.toggleChooser());
    window.addEventListener('message', (e: MessageEvent<ToGrid>) => this.receive(e.data));
    this.askedAt = performance.now();
    performance.mark('opsbook:table-ready');
    vscode.postMessage({ type: 'ready' });
  }

  /** When the page asked for its table; `data-timing` on the root says when it arrived and how long drawing took (for tests and profiling). */
  private askedAt = 0;

  private labels(): void {
    this.search.placeholder = l10n.t('Filter: words, tier:gold, price:>100, -status:ended');
    this.search.setAttribute('aria-label', l10n.t('Filter rows'));
    this.buttons.add.textContent = l10n.t('Add row');
    this.buttons.duplicate.textContent = l10n.t('Duplicate');
    this.buttons.remove.textContent = l10n.t('Delete');
    this.buttons.open.textContent = l10n.t('Open in editor');
    this.buttons.columns.textContent = l10n.t('Columns…');
  }

  private receive(m: ToGrid): void {
    if (m.type === 'table') {
      if (m.l10n) {
        l10n.config({ contents: m.l10n });
        this.labels();
      }
      const first = !this.table;
      this.table = m.table;
      this.version = m.version;
      this.searches.clear();
      this.view = m.view;
      this.sort = m.sort;
      this.numberFormat = new Intl.NumberFormat(m.table.locale, { maximumFractionDigits: 2 });
      this.buttons.add.toggleAttribute('disabled', !m.table.canAdd);
      this.buttons.add.title = m.table.addBlocked ?? '';
      const arrived = performance.now();
      this.build();
      if (first) {
        this.root.dataset['timing'] = `${Math.round(arrived - this.askedAt)} ${Math.round(performance.now() - arrived)}`;
        // From the page's first message to the rows on screen (the frame after they were drawn): `opsbook:table-open`.
        requestAnimationFrame(() => {
          performance.mark('opsbook:table-shown');
          performance.measure('opsbook:table-open', 'opsbook:table-ready', 'opsbook:table-shown');
        });
        const saved = (vscode.getState() ?? {}) as Saved;
        if (saved.query && saved.query !== m.query) this.postQuery();
        if (saved.scrollTop) this.scroller.scrollTop = saved.scrollTop;
      }
    } else if (m.type === 'rows') {
      // Only the rows that changed; a delta from a table this page does not hold asks for the whole one.
      if (!this.table || m.base !== this.version) {
        this.version = -1;
        vscode.postMessage({ type: 'ready' });
        return;
      }
      this.table = applyGridDelta(this.table, m.delta);
      this.version = m.version;
      for (const kind of Object.keys(m.delta.candidates ?? {})) this.searches.delete(kind);
      this.view = m.view;
      this.sort = m.sort;
      // A cell being typed in stays open when the delta leaves it as it was where it was (the
      // previous cell's edit coming back, another line of the file changed): nothing typed is lost.
      const e = this.editing;
      const rows = this.table.rows;
      const now = e ? rows.find((r) => r.key === e.row.key) : undefined;
      const at = now ? m.view.order.findIndex((i) => rows[i] === now) : -1;
      if (e && now && !m.delta.columns && at === this.active.row && (now.cells[e.col] ?? null) === e.was) return this.redrawAround(at);
      this.active.row = Math.min(this.active.row, Math.max(0, m.view.order.length - 1));
      this.build();
    } else if (m.type === 'view') {
      this.view = m.view;
      this.sort = m.sort;
      this.active.row = Math.min(this.active.row, Math.max(0, m.view.order.length - 1));
      this.build();
    } else if (m.type === 'notice') {
      this.show(m.severity, m.message);
    }
  }

  private show(severity: string, message: string): void {
    this.notice.className = `notice ${severity}`;
    this.notice.textContent = message;
    this.notice.hidden = false;
  }

  private postQuery(): void {
    this.save();
    vscode.postMessage(this.sort ? { type: 'query', query: this.search.value, sort: this.sort } : { type: 'query', query: this.search.value });
  }

  private save(): void {
    const s: Saved = { query: this.search.value, scrollTop: this.scroller.scrollTop };
    if (this.sort) s.sort = this.sort;
    vscode.setState(s);
  }

  private visibleColumns(): number[] {
    return (this.table?.columns ?? []).map((c, i) => (c.visible ? i : -1)).filter((i) => i >= 0);
  }

  /** Header, body height, totals; then the rows in view. */
  private build(): void {
    const t = this.table;
    const v = this.view;
    if (!t || !v) return;
    this.cancelEdit();
    const cols = this.visibleColumns();
    this.active.col = Math.min(this.active.col, Math.max(0, cols.length - 1));
    this.drawCount();
    if (v.queryErrors.length > 0) this.show('warning', v.queryErrors.join(' '));
    else if (this.notice.classList.contains('warning') && this.notice.dataset['query']) this.notice.hidden = true;
    this.head.replaceChildren(
      h('div', { class: 'cell gutter', role: 'columnheader' }, '#'),
      ...cols.map((c) => {
        const sorted = this.sort?.column === c ? (this.sort.descending ? ' ▼' : ' ▲') : '';
        // A dotted column shows its group above its own name (`contract` / `end`), so narrow headers stay readable.
        const key = t.columns[c]!.key;
        const dot = key.lastIndexOf('.');
        const cell = h(
          'div',
          {
            class: `cell ${widthClass(t.columns[c]!)}`,
            role: 'columnheader',
            'data-key': key,
            title: l10n.t('Sort by {0}', key),
            'aria-sort': sorted ? (this.sort?.descending ? 'descending' : 'ascending') : 'none',
          },
          h('span', { class: 'group' }, dot > 0 ? key.slice(0, dot) : ''),
          h('span', { class: 'name' }, (dot > 0 ? key.slice(dot + 1) : key) + sorted),
        );
        cell.addEventListener('click', () => this.sortBy(c));
        return cell;
      }),
    );
    this.drawTotals(cols);
    for (const el of this.rendered.values()) el.remove();
    this.rendered.clear();
    if (v.order.length === 0) {
      const empty = h('div', { class: 'empty' }, t.rows.length === 0 ? l10n.t('No {0} records yet.', t.kind) : l10n.t('No row matches the filter.'));
      this.body.append(empty);
      this.rendered.set(-1, empty);
    }
    this.paint();
  }

  private drawCount(): void {
    const t = this.table!;
    const v = this.view!;
    this.count.textContent = v.order.length === t.rows.length ? l10n.t('{0} rows', t.rows.length) : l10n.t('{0} of {1} rows', v.order.length, t.rows.length);
  }

  /** The totals row and the body's height for the rows shown. */
  private drawTotals(cols: number[]): void {
    const t = this.table!;
    const v = this.view!;
    this.foot.replaceChildren(
      h('div', { class: 'cell gutter', role: 'rowheader', title: l10n.t('Totals of the rows shown') }, 'Σ'),
      ...cols.map((c) => this.totalCell(t.columns[c]!, v.totals[c])),
    );
    this.body.style.height = `${v.order.length * ROW_HEIGHT}px`;
  }

  /** Redraws everything but the row at `keep` (its cell is being typed in; it is drawn again when the edit ends). */
  private redrawAround(keep: number): void {
    this.drawCount();
    this.drawTotals(this.visibleColumns());
    for (const [i, el] of this.rendered) {
      if (i === keep) continue;
      el.remove();
      this.rendered.delete(i);
    }
    this.paint();
  }

  private totalCell(col: GridColumn, totals: GridTotal[] | undefined): HTMLElement {
    if (!totals || totals.length === 0) return h('div', { class: `cell ${widthClass(col)}` });
    const fmt = (t: GridTotal) => `${this.numberFormat.format(t.sum)}${t.unit ? ` ${t.unit}` : ''}`;
    const tip = totals
      .map((t) => l10n.t('{0}: sum {1}, average {2}, {3} values', t.unit ?? '—', this.numberFormat.format(t.sum), this.numberFormat.format(t.average), t.count))
      .join('\n');
    return h('div', { class: `cell num ${widthClass(col)}`, title: tip }, totals.map(fmt).join(' · '));
  }

  /** Renders the rows in view (plus a margin), reusing none: rows are cheap and data changes often. */
  private paint(): void {
    const t = this.table;
    const v = this.view;
    if (!t || !v || v.order.length === 0) return;
    const top = Math.max(0, Math.floor(this.scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const bottom = Math.min(v.order.length, Math.ceil((this.scroller.scrollTop + this.scroller.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    for (const [i, el] of this.rendered) {
      if (i < top || i >= bottom) {
        el.remove();
        this.rendered.delete(i);
      }
    }
    const cols = this.visibleColumns();
    for (let i = top; i < bottom; i++) {
      if (this.rendered.has(i)) continue;
      const row = t.rows[v.order[i]!]!;
      const el = this.rowElement(row, i, cols);
      el.style.transform = `translateY(${i * ROW_HEIGHT}px)`;
      this.body.append(el);
      this.rendered.set(i, el);
    }
  }

  private rowElement(row: GridRow, i: number, cols: number[]): HTMLElement {
    const t = this.table!;
    const whole = row.problems[-1] ?? [];
    const gutter = h(
      'div',
      { class: `cell gutter ${severityClass(whole)}`, role: 'rowheader', title: [row.file, ...whole.map((p) => p.message)].join('\n') },
      String(i + 1),
    );
    gutter.addEventListener('dblclick', () => vscode.postMessage({ type: 'open', row: row.key }));
    const el = h('div', { class: 'row', role: 'row', 'aria-rowindex': i + 2 }, gutter);
    cols.forEach((c, j) => {
      const col = t.columns[c]!;
      const problems = row.problems[c] ?? [];
      const value = row.cells[c] ?? null;
      const cell = h(
        'div',
        {
          class: `cell ${widthClass(col)} ${typeof value === 'number' ? 'num' : ''} ${severityClass(problems)} ${col.id ? 'id' : ''}`,
          role: 'gridcell',
          title: problems.length > 0 ? problems.map((p) => `${p.message} (${p.ruleId})`).join('\n') : undefined,
          'aria-selected': this.active.row === i && this.active.col === j ? 'true' : undefined,
        },
        this.display(col, value, t),
      );
      cell.addEventListener('click', () => this.activate(i, j));
      cell.addEventListener('dblclick', () => {
        this.activate(i, j);
        this.edit();
      });
      el.append(cell);
    });
    return el;
  }

  private display(col: GridColumn, value: GridCell, t: GridTable): string {
    if (value === null) return '';
    if (typeof value === 'number') return this.numberFormat.format(value);
    if (typeof value === 'boolean') return value ? l10n.t('yes') : l10n.t('no');
    if (col.ref && typeof value === 'string') {
      const title = (t.candidates[col.ref] ?? []).find(([id]) => id === value)?.[1];
      return title && title !== value ? `${title} · ${value}` : value;
    }
    return value;
  }

  private searches = new Map<string, CandidateSearch>();

  private searchFor(kind: string): CandidateSearch {
    let s = this.searches.get(kind);
    if (!s) {
      s = candidateSearch((this.table?.candidates[kind] ?? []).map(([id, title]) => ({ id, title })));
      this.searches.set(kind, s);
    }
    return s;
  }

  private activate(row: number, col: number): void {
    this.active = { row, col };
    for (const el of this.scroller.querySelectorAll('[aria-selected]')) el.removeAttribute('aria-selected');
    const el = this.rendered.get(row)?.children[col + 1];
    el?.setAttribute('aria-selected', 'true');
    this.scroller.focus({ preventScroll: true });
  }

  private onActiveRow(f: (row: GridRow) => void): void {
    const idx = this.view?.order[this.active.row];
    const row = idx !== undefined ? this.table?.rows[idx] : undefined;
    if (row) f(row);
    else this.show('info', l10n.t('Select a row first.'));
  }

  private sortBy(c: number): void {
    this.sort = this.sort?.column !== c ? { column: c, descending: false } : !this.sort.descending ? { column: c, descending: true } : undefined;
    this.postQuery();
  }

  private key(e: KeyboardEvent): void {
    if (this.editing || !this.view) return;
    const cols = this.visibleColumns().length;
    const rows = this.view.order.length;
    let { row, col } = this.active;
    const page = Math.max(1, Math.floor(this.scroller.clientHeight / ROW_HEIGHT) - 2);
    switch (e.key) {
      case 'ArrowDown':
        row = Math.min(rows - 1, row + 1);
        break;
      case 'ArrowUp':
        row = Math.max(0, row - 1);
        break;
      case 'ArrowRight':
        col = Math.min(cols - 1, col + 1);
        break;
      case 'ArrowLeft':
        col = Math.max(0, col - 1);
        break;
      case 'PageDown':
        row = Math.min(rows - 1, row + page);
        break;
      case 'PageUp':
        row = Math.max(0, row - page);
        break;
      case 'Home':
        if (e.ctrlKey) row = 0;
        col = 0;
        break;
      case 'End':
        if (e.ctrlKey) row = rows - 1;
        col = cols - 1;
        break;
      case 'Enter':
      case 'F2':
        e.preventDefault();
        this.edit();
        return;
      default:
        return;
    }
    e.preventDefault();
    this.activate(row, col);
    this.reveal(row);
  }

  private reveal(row: number): void {
    const top = row * ROW_HEIGHT;
    const headH = this.head.offsetHeight;
    const footH = this.foot.offsetHeight;
    if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > this.scroller.scrollTop + this.scroller.clientHeight - headH - footH)
      this.scroller.scrollTop = top + ROW_HEIGHT - this.scroller.clientHeight + headH + footH;
    this.paint();
    this.activate(row, this.active.col);
  }

  /** Opens the active cell's editor: a dropdown for checked values and yes/no, a date picker, else text with suggestions. */
  private edit(): void {
    const t = this.table;
    const v = this.view;
    if (!t || !v) return;
    const c = this.visibleColumns()[this.active.col];
    const row = t.rows[v.order[this.active.row] ?? -1];
    if (c === undefined || !row) return;
    const col = t.columns[c]!;
    if (col.id) {
      this.show('info', l10n.t('Ids are renamed with Rename Symbol (F2) in the file, which also updates every reference.'));
      return;
    }
    const was = row.cells[c] ?? null;
    const current = was === null ? '' : String(was);
    let input: HTMLInputElement | HTMLSelectElement;
    let wrapper: HTMLElement | undefined;
    if ((col.options && !col.list) || col.type === 'boolean') {
      const options =
        col.type === 'boolean'
          ? [
              ['true', l10n.t('yes')],
              ['false', l10n.t('no')],
            ]
          : col.options!.map((o) => [o, o]);
      if (current !== '' && !options.some(([o]) => o === current)) options.unshift([current, current]);
      const select = h(
        'select',
        { class: 'editor', 'aria-label': col.key },
        h('option', { value: '' }, ''),
        ...options.map(([value, label]) => h('option', { value: value! }, label!)),
      );
      select.value = current;
      input = select;
    } else if (!col.list && (col.ref || col.suggestions)) {
      // The record form's picker: a reference searched by title and id (fuse.js), an open
      // vocabulary's values in use; free entry stays possible.
      const ref = col.ref;
      wrapper = suggestField({
        value: current,
        ariaLabel: col.key,
        suggest: ref ? referenceSuggestions(this.searchFor(ref)) : optionSuggestions((col.suggestions ?? []).map((value) => ({ value }))),
        commit: () => this.commit(),
        ...(ref ? { describe: (v: string) => (t.candidates[ref] ?? []).find(([id]) => id === v)?.[1] } : {}),
      });
      input = wrapper.querySelector('input') as HTMLInputElement;
      input.classList.add('editor');
    } else {
      const text = h('input', { class: 'editor', type: col.type === 'date' && !col.list ? 'date' : 'text', spellcheck: false, 'aria-label': col.key });
      text.value = current;
      const values = (col.options ?? []).map((s) => [s, '']);
      if (values.length > 0) {
        this.datalist.replaceChildren(...values.map(([value, label]) => h('option', { value: value!, label: label || undefined })));
        text.setAttribute('list', 'opsbook-suggestions');
      }
      input = text;
    }
    const cell = this.rendered.get(this.active.row)?.children[this.active.col + 1] as HTMLElement | undefined;
    if (!cell) return;
    cell.replaceChildren(wrapper ?? input);
    const list = wrapper?.querySelector('.suggestions') as HTMLElement | null;
    if (list) {
      // Cells clip their content and rows are transformed (a fixed child would follow the row):
      // the suggestions live in the page's root while editing, under the cell.
      const r = cell.getBoundingClientRect();
      this.floating = list;
      document.body.append(list);
      list.style.position = 'fixed';
      const width = Math.max(r.width, 280);
      list.style.left = `${Math.max(0, Math.min(r.left, window.innerWidth - width - 4))}px`;
      list.style.top = `${r.bottom}px`;
      list.style.minWidth = `${width}px`;
    }
    this.editing = { input, row, col: c, was };
    input.focus();
    if (input instanceof HTMLInputElement && input.type === 'text') input.select();
    input.addEventListener('keydown', (e) => {
      const ke = e as KeyboardEvent;
      // The picker handles its own keys first (it prevents them when it closes its list).
      if (ke.defaultPrevented && ke.key === 'Escape') return;
      if (ke.key === 'Escape') {
        ke.preventDefault();
        this.cancelEdit();
        this.scroller.focus();
      } else if (ke.key === 'Enter' || ke.key === 'Tab') {
        ke.preventDefault();
        this.commit();
        if (ke.key === 'Enter') this.activate(Math.min(this.active.row + 1, (this.view?.order.length ?? 1) - 1), this.active.col);
        else this.activate(this.active.row, Math.min(this.active.col + 1, this.visibleColumns().length - 1));
        this.reveal(this.active.row);
      }
    });
    input.addEventListener('blur', () => this.commit());
  }

  private commit(): void {
    const e = this.editing;
    if (!e) return;
    this.editing = undefined;
    const value = e.input.value;
    const before = e.was === null ? '' : String(e.was);
    if (value !== before) vscode.postMessage({ type: 'edit', row: e.row.key, column: e.col, value, was: e.was });
    this.repaintRow(this.active.row);
  }

  private cancelEdit(): void {
    if (!this.editing) return;
    this.editing = undefined;
    this.repaintRow(this.active.row);
  }

  /** The picker's suggestion list while it floats in the page's root. */
  private floating: HTMLElement | undefined;

  private repaintRow(i: number): void {
    this.floating?.remove();
    this.floating = undefined;
    const el = this.rendered.get(i);
    if (!el) return;
    el.remove();
    this.rendered.delete(i);
    this.paint();
    this.activate(this.active.row, this.active.col);
  }

  private toggleChooser(): void {
    const t = this.table;
    if (!t) return;
    if (!this.chooser.hidden) {
      this.chooser.hidden = true;
      return;
    }
    this.chooser.replaceChildren(
      h('p', {}, l10n.t('Columns to show')),
      ...t.columns.map((c) => {
        const box = h('input', { type: 'checkbox', checked: c.visible, disabled: c.id, id: `col-${c.key}` });
        box.addEventListener('change', () => {
          c.visible = box.checked;
          vscode.postMessage({ type: 'columns', visible: t.columns.filter((x) => x.visible).map((x) => x.key) });
          this.build();
        });
        return h('label', { class: 'choice' }, box, c.key);
      }),
    );
    this.chooser.hidden = false;
  }
}

function widthClass(c: GridColumn): string {
  if (c.id) return 'w-id';
  if (c.title) return 'w-title';
  if (c.type === 'number' || c.type === 'integer') return 'w-num';
  if (c.type === 'date') return 'w-date';
  if (c.type === 'boolean') return 'w-bool';
  return 'w-text';
}

function severityClass(problems: { severity: string }[]): string {
  if (problems.some((p) => p.severity === 'error')) return 'has-error';
  if (problems.some((p) => p.severity === 'warning')) return 'has-warning';
  return problems.length > 0 ? 'has-info' : '';
}

new Grid(document.getElementById('app') ?? document.body);
