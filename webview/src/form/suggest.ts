/**
 * A text field with a list of suggestions under it: the reference picker (candidates of one
 * kind, searched by title and id with fuse.js) and the combobox of open vocabularies (the
 * values in use). Free entry is kept: an unknown id or a new word is the file's to hold and the
 * diagnostics' to judge. Keyboard: ↓/↑ move, Enter picks, Escape closes.
 */
import * as l10n from '@vscode/l10n';
import type { CandidateSearch } from '../../../src/core/form/fuzzy';
import { clear, h } from '../dom';

export interface Suggestion {
  value: string;
  /** What a person reads first (a title), the value after it. */
  label: string;
  detail?: string;
}

export interface SuggestOptions {
  value: string;
  ariaLabel: string;
  placeholder?: string;
  /** Suggestions for the text typed so far. */
  suggest(query: string): Suggestion[];
  /** Called with the final value (Enter, a pick, or leaving the field changed). */
  commit(value: string): void;
  /** The label shown beside the field for the current value (a referenced record's title). */
  describe?(value: string): string | undefined;
}

let counter = 0;

export function suggestField(o: SuggestOptions): HTMLElement {
  const listId = `suggest-${++counter}`;
  const input = h('input', {
    class: 'input',
    type: 'text',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-label': o.ariaLabel,
    ...(o.placeholder ? { placeholder: o.placeholder } : {}),
  });
  input.value = o.value;
  const list = h('ul', { class: 'suggestions', id: listId, role: 'listbox', hidden: true });
  const note = h('span', { class: 'ref-title' }, o.describe?.(o.value) ?? '');
  let items: Suggestion[] = [];
  let active = -1;
  let committed = o.value;
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const commit = (value: string) => {
    input.value = value;
    close();
    note.textContent = o.describe?.(value) ?? '';
    if (value === committed) return;
    committed = value;
    o.commit(value);
  };
  const show = () => {
    items = o.suggest(input.value);
    clear(list);
    items.forEach((s, i) => {
      const li = h(
        'li',
        { role: 'option', id: `${listId}-${i}`, 'aria-selected': i === active ? 'true' : 'false' },
        h('span', { class: 'label' }, s.label),
        s.detail ? h('span', { class: 'detail' }, s.detail) : null,
      );
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        commit(s.value);
      });
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(items.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listId}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  input.addEventListener('input', () => {
    active = -1;
    show();
  });
  input.addEventListener('focus', show);
  input.addEventListener('blur', () => {
    close();
    if (input.value !== committed) commit(input.value);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (list.hidden) show();
      if (items.length === 0) return;
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      show();
      e.preventDefault();
    } else if (e.key === 'Enter') {
      commit(active >= 0 && items[active] ? items[active].value : input.value);
      e.preventDefault();
    } else if (e.key === 'Escape') {
      if (!list.hidden) {
        close();
        e.preventDefault();
      } else input.value = committed;
    }
  });
  return h('div', { class: 'suggest' }, input, note, list);
}

/** Suggestions from a reference kind's candidates: the title first, the id after it. */
export function referenceSuggestions(search: CandidateSearch | undefined): (query: string) => Suggestion[] {
  return (query) => (search ? search(query, 30).map((c) => ({ value: c.id, label: c.title || c.id, detail: c.id })) : []);
}

/** Suggestions from vocabulary options: those containing the typed text, most used first. */
export function optionSuggestions(options: readonly { value: string; count?: number }[]): (query: string) => Suggestion[] {
  return (query) => {
    const q = query.trim().toLowerCase();
    return options
      .filter((o) => q === '' || o.value.toLowerCase().includes(q))
      .slice(0, 30)
      .map((o) => ({ value: o.value, label: o.value, ...(o.count ? { detail: l10n.t('used {0}×', o.count) } : {}) }));
  };
}
