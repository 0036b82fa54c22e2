/**
 * The record form front end: draws the form the host sends, reports committed changes with the
 * document version they were made against, and keeps the field being typed in (focus and
 * draft text) across redraws.
 */
import * as l10n from '@vscode/l10n';
import { candidateSearch, type CandidateSearch } from '../../../src/core/form/fuzzy';
import { isToForm, type FormChange, type FromForm, type ToForm } from '../../../src/core/form/protocol';
import type { RecordForm } from '../../../src/core/form/types';
import { clear, h } from '../dom';
import { fieldRow, problemList, type FormContext } from './widgets';

export interface FormHost {
  post(msg: FromForm): void;
  listen(handler: (msg: unknown) => void): void;
}

export class FormApp {
  private form: RecordForm | undefined;
  private version = -1;
  private searches = new Map<string, CandidateSearch>();
  private titles = new Map<string, Map<string, string>>();

  constructor(
    private readonly root: HTMLElement,
    private readonly host: FormHost,
  ) {}

  start(): void {
    this.host.listen((m) => {
      if (isToForm(m)) this.onMessage(m);
    });
    this.host.post({ type: 'ready' });
  }

  private onMessage(m: ToForm): void {
    switch (m.type) {
      case 'init':
        l10n.config({ contents: m.l10n ?? {} });
        return;
      case 'form':
        this.form = m.form;
        this.version = m.version;
        this.searches.clear();
        this.titles.clear();
        this.render(m.notice);
        return;
      case 'version':
        this.version = m.version;
        return;
      case 'gone':
        clear(this.root);
        this.root.appendChild(h('p', { class: 'notice warning', role: 'status' }, m.message));
        return;
      default:
        return;
    }
  }

  private readonly ctx: FormContext = {
    change: (change: FormChange['change']) => this.host.post({ type: 'change', version: this.version, change }),
    search: (kind) => {
      let s = this.searches.get(kind);
      const list = this.form?.candidates[kind];
      if (!s && list) this.searches.set(kind, (s = candidateSearch(list)));
      return s;
    },
    titleOf: (kind, id) => {
      let t = this.titles.get(kind);
      if (!t) this.titles.set(kind, (t = new Map((this.form?.candidates[kind] ?? []).map((c) => [c.id, c.title]))));
      return t.get(id) ?? (this.form?.candidates[kind] ? l10n.t('not found') : undefined);
    },
    openRecord: (kind, id) => this.host.post({ type: 'openRecord', kind, id }),
    openText: (line) => this.host.post({ type: 'openText', ...(line !== undefined ? { line } : {}) }),
  };

  private render(notice?: { severity: string; message: string }): void {
    const form = this.form;
    if (!form) return;
    // Keep what is being typed: the focused field's path and its draft text.
    const active = document.activeElement as HTMLInputElement | HTMLTextAreaElement | null;
    const activePath = active?.getAttribute?.('data-path') ?? undefined;
    const draft = active && 'value' in active ? active.value : undefined;
    clear(this.root);
    const openText = h('button', { class: 'link', type: 'button' }, l10n.t('Open in text editor'));
    openText.addEventListener('click', () => this.ctx.openText());
    const parent = form.parent;
    const parentLink = parent ? h('button', { class: 'link', type: 'button' }, l10n.t('Part of {0}', parent.title || parent.id)) : null;
    if (parentLink && parent) parentLink.addEventListener('click', () => this.ctx.openRecord(parent.kind, parent.id));
    this.root.appendChild(
      h(
        'header',
        { class: 'form-header' },
        h('h1', {}, form.title || form.id),
        h(
          'p',
          { class: 'meta' },
          h('span', { class: 'kind' }, form.kind),
          ' · ',
          h('code', {}, form.id),
          ' · ',
          h('span', {}, form.file),
          ' ',
          openText,
          parentLink ? ' · ' : '',
          parentLink,
        ),
      ),
    );
    if (notice) {
      const banner = h('div', { class: `notice ${notice.severity}`, role: 'alert' }, notice.message);
      const dismiss = h('button', { class: 'icon-button', type: 'button', 'aria-label': l10n.t('Dismiss') }, '×');
      dismiss.addEventListener('click', () => banner.remove());
      banner.appendChild(dismiss);
      this.root.appendChild(banner);
    }
    const recordProblems = problemList(form.problems, this.ctx);
    if (recordProblems) this.root.appendChild(h('section', { class: 'record-problems', 'aria-label': l10n.t('Problems of the record') }, recordProblems));
    this.root.appendChild(h('form', { class: 'record', autocomplete: 'off' }, ...form.fields.map((f) => fieldRow(f, this.ctx))));
    this.root.querySelector('form')?.addEventListener('submit', (e) => e.preventDefault());
    if (activePath) {
      const again = this.root.querySelector<HTMLInputElement>(`[data-path="${CSS.escape(activePath)}"]`);
      if (again) {
        if (draft !== undefined && again.value !== draft) again.value = draft;
        again.focus();
      }
    }
  }
}
