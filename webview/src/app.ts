import * as l10n from '@vscode/l10n';
import { assertNever, TAB_IDS, type Filters, type TabId, type ToWebview, type ViewState } from '../../src/core/dashboard/protocol';
import type { DashboardData, SourceRef } from '../../src/core/dashboard/types';
import { resolveLocale } from '../../src/core/format/format';
import { clear, h } from './dom';
import { Format } from './format';
import type { Host } from './host';
import { budgetTab } from './tabs/budget';
import { healthTab } from './tabs/health';
import { inventoryTab } from './tabs/inventory';
import { kpiTab } from './tabs/kpi';
import { partnersTab } from './tabs/partners';
import { timelineTab } from './tabs/timeline';
import { trainingTab } from './tabs/training';
import { peopleTab } from './tabs/people';
import { marketTab } from './tabs/market';
import type { Ctx, TabDef } from './ui';

const TABS: TabDef[] = [kpiTab, budgetTab, timelineTab, partnersTab, inventoryTab, trainingTab, healthTab, peopleTab, marketTab];

interface TabParts {
  header: HTMLElement;
  badge: HTMLElement;
  filters: HTMLElement;
  content: HTMLElement;
}

/** The dashboard: header, tabs with filters, and a status line. Re-renders the active tab on every change. */
export class App {
  private data: DashboardData | undefined;
  private state: ViewState;
  private fmt = new Format();
  private readonly tabs: HTMLElement;
  private readonly parts = new Map<TabId, TabParts>();
  private readonly title = h('h1', {}, l10n.t('Opsbook dashboard'));
  private readonly meta = h('p', { class: 'meta' }, l10n.t('Loading…'));
  private readonly status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });

  constructor(
    root: HTMLElement,
    private readonly host: Host,
  ) {
    this.state = host.loadState() ?? { tab: 'kpi', filters: {} };
    this.tabs = h('vscode-tabs', { 'selected-index': TAB_IDS.indexOf(this.state.tab) });
    for (const tab of TABS) {
      const badge = h('vscode-badge', { variant: 'counter', slot: 'content-after', class: 'tab-badge', hidden: true });
      const header = h('vscode-tab-header', { slot: 'header', 'data-tab': tab.id }, h('span', { class: 'tab-label' }, tab.label), badge);
      const filters = h('div', { class: 'filters', role: 'group', 'aria-label': l10n.t('{0} filters', tab.label) });
      const content = h('div', { class: 'content' });
      const panel = h('vscode-tab-panel', { 'data-tab': tab.id }, filters, content);
      this.tabs.appendChild(header);
      this.tabs.appendChild(panel);
      this.parts.set(tab.id, { header, badge, filters, content });
    }
    this.tabs.addEventListener('vsc-tabs-select', (e) => {
      const id = TAB_IDS[(e as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex];
      if (!id || id === this.state.tab) return;
      this.state.tab = id;
      this.saveState();
      this.render();
    });
    host.onReveal = (file, line) => this.reveal(file, line);
    clear(root);
    root.appendChild(h('header', { class: 'page-header' }, this.title, this.meta));
    root.appendChild(this.status);
    root.appendChild(this.tabs);
  }

  start(): void {
    this.host.listen((m) => this.onMessage(m));
    this.host.post({ type: 'ready' });
  }

  private onMessage(m: ToWebview): void {
    switch (m.type) {
      case 'init':
        // Before any update: every string rendered from here on comes from the bundle.
        l10n.config({ contents: m.l10n ?? {} });
        this.relabel();
        return;
      case 'update':
        this.data = m.data;
        if (resolveLocale(m.data.locale) !== this.fmt.locale) this.fmt = new Format(m.data.locale);
        if (m.state) {
          // The host's copy of tab and filters wins (it survives reloads); chart/table toggles stay the webview's.
          this.state = { ...this.state, ...m.state, filters: { ...m.state.filters }, tables: m.state.tables ?? this.state.tables };
          this.host.saveState(this.state);
        }
        this.render();
        return;
      case 'error':
        this.showStatus(m.message, true);
        return;
      default:
        assertNever(m);
    }
  }

  /** Strings built before the bundle arrived: tab names, the page title and the loading line. */
  private relabel(): void {
    for (const tab of TABS) {
      const parts = this.parts.get(tab.id) as TabParts;
      const text = parts.header.querySelector('.tab-label');
      if (text) text.textContent = tab.label;
      parts.filters.setAttribute('aria-label', l10n.t('{0} filters', tab.label));
    }
    this.title.textContent = l10n.t('Opsbook dashboard');
    if (!this.data) this.meta.textContent = l10n.t('Loading…');
  }

  private saveState(): void {
    this.host.saveState(this.state);
    this.host.post({ type: 'filter', tab: this.state.tab, filters: this.state.filters[this.state.tab] ?? {} });
  }

  private showStatus(text: string, error = false): void {
    clear(this.status);
    this.status.classList.toggle('error', error);
    this.status.appendChild(h('span', {}, text));
  }

  /** Report only: where the row lives, as a selectable `file:line`. */
  private reveal(file: string, line: number): void {
    clear(this.status);
    this.status.classList.remove('error');
    const loc = `${file}:${line}`;
    const input = h('input', { class: 'location', readonly: true, 'aria-label': l10n.t('Source location'), size: Math.min(80, loc.length + 2) });
    input.value = loc;
    const copy = h('vscode-button', { secondary: true, 'aria-label': l10n.t('Copy {0}', loc) }, l10n.t('Copy'));
    copy.addEventListener('click', () => {
      input.select();
      void navigator.clipboard?.writeText(loc).catch(() => undefined);
    });
    this.status.appendChild(h('span', {}, l10n.t('Source: ')));
    this.status.appendChild(input);
    this.status.appendChild(copy);
    input.focus();
    input.select();
  }

  private ctx(tab: TabId, data: DashboardData): Ctx {
    const names = new Map(data.regions.map((r) => [r.id, r.name]));
    return {
      data,
      fmt: this.fmt,
      filters: this.state.filters[tab] ?? {},
      open: (ref: SourceRef) => this.host.post({ type: 'open', file: ref.file, line: ref.line }),
      isTable: (id) => this.state.tables?.[id] === true,
      setTable: (id, on) => {
        this.state.tables = { ...this.state.tables, [id]: on };
        this.host.saveState(this.state);
      },
      isOpen: (id) => this.state.tables?.[`open:${id}`],
      setOpen: (id, on) => {
        this.state.tables = { ...this.state.tables, [`open:${id}`]: on };
        this.host.saveState(this.state);
      },
      region: (id) => (id === undefined ? '–' : (names.get(id) ?? id)),
    };
  }

  private render(): void {
    const data = this.data;
    if (!data) return;
    this.title.textContent = data.title ? l10n.t('Opsbook dashboard — {0}', data.title) : l10n.t('Opsbook dashboard');
    const asOf = l10n.t('Data as of {0}', this.fmt.longDate(data.asOf));
    this.meta.textContent = data.generatedAt ? `${asOf} · ${l10n.t('generated {0}', data.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'))}` : asOf;
    const index = TAB_IDS.indexOf(this.state.tab);
    if (this.tabs.getAttribute('selected-index') !== String(index)) this.tabs.setAttribute('selected-index', String(index));
    for (const tab of TABS) {
      const parts = this.parts.get(tab.id) as TabParts;
      const n = tab.badge(data);
      parts.badge.hidden = n === 0;
      parts.badge.textContent = String(n);
      parts.header.setAttribute('aria-label', n ? l10n.t('{0} ({1} need attention)', tab.label, n) : tab.label);
    }
    const tab = TABS[index] as TabDef;
    const parts = this.parts.get(tab.id) as TabParts;
    // Keep keyboard focus on the same row across live updates.
    const focused =
      document.activeElement instanceof HTMLElement && parts.content.contains(document.activeElement) ? document.activeElement.getAttribute('data-key') : null;
    this.renderFilters(tab, data, parts.filters);
    clear(parts.content);
    try {
      for (const node of tab.render(this.ctx(tab.id, data))) parts.content.appendChild(node);
    } catch (err) {
      parts.content.appendChild(h('p', { class: 'error' }, l10n.t('Could not render this tab: {0}', err instanceof Error ? err.message : String(err))));
      this.host.post({ type: 'error', message: `render ${tab.id}: ${err instanceof Error ? err.message : String(err)}` });
    }
    if (focused) {
      for (const el of parts.content.querySelectorAll<HTMLElement>('[data-key]')) {
        if (el.getAttribute('data-key') === focused) {
          el.focus();
          break;
        }
      }
    }
  }

  private renderFilters(tab: TabDef, data: DashboardData, el: HTMLElement): void {
    clear(el);
    const current: Filters = this.state.filters[tab.id] ?? {};
    for (const def of tab.filters(data)) {
      const value = current[def.key];
      const options = [...def.options];
      // A saved filter stays selected even when the data no longer has that value.
      if (value !== undefined && !options.some((o) => o.value === value)) options.push({ value, label: l10n.t('{0} (none now)', value) });
      const id = `filter-${tab.id}-${def.key}`;
      const select = h('vscode-single-select', { id, 'aria-label': def.label, 'data-filter': def.key });
      select.appendChild(h('vscode-option', { value: '', selected: value === undefined }, l10n.t('All')));
      for (const o of options) select.appendChild(h('vscode-option', { value: o.value, selected: o.value === value }, o.label));
      select.addEventListener('change', () => {
        const v = (select as HTMLElement & { value: string }).value;
        const next: Filters = { ...(this.state.filters[tab.id] ?? {}) };
        if (v) next[def.key] = v;
        else delete next[def.key];
        this.state.filters = { ...this.state.filters, [tab.id]: next };
        this.saveState();
        this.render();
      });
      el.appendChild(h('div', { class: 'filter' }, h('label', { for: id }, def.label), select));
    }
    if (Object.keys(current).length > 0) {
      const reset = h('vscode-button', { secondary: true, class: 'reset' }, l10n.t('Clear filters'));
      reset.addEventListener('click', () => {
        this.state.filters = { ...this.state.filters, [tab.id]: {} };
        this.saveState();
        this.render();
      });
      el.appendChild(reset);
    }
  }
}
