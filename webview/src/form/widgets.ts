/**
 * One control per form field. Values reach the page through properties and `textContent`
 * only. A control reports a change once it is committed (Enter, leaving the field, a pick),
 * never on each keystroke, so one change is one edit and one undo step.
 */
import * as l10n from '@vscode/l10n';
import type { FormChange } from '../../../src/core/form/protocol';
import type { CandidateSearch } from '../../../src/core/form/fuzzy';
import type { FieldProblem, FormField, TableRow } from '../../../src/core/form/types';
import type { JsonValue } from '../../../src/core/types';
import { h, type Child } from '../dom';
import { optionSuggestions, referenceSuggestions, suggestField } from './suggest';

export interface FormContext {
  change(change: FormChange['change']): void;
  search(kind: string): CandidateSearch | undefined;
  titleOf(kind: string, id: string): string | undefined;
  openRecord(kind: string, id: string): void;
  openText(line?: number): void;
}

const pathKey = (path: (string | number)[]): string => JSON.stringify(path);

/** A `@vscode-elements` control: its value is a property, its `change` event fires on commit. */
type ValueElement = HTMLElement & { value: string; type?: string; checked?: boolean };

function control(
  tag: 'vscode-textfield' | 'vscode-textarea' | 'vscode-single-select' | 'vscode-checkbox',
  attrs: Record<string, string | number | boolean>,
): ValueElement {
  return h(tag, attrs) as ValueElement;
}

export function problemList(problems: readonly FieldProblem[], ctx: FormContext): HTMLElement | null {
  if (problems.length === 0) return null;
  return h(
    'ul',
    { class: 'problems' },
    ...problems.map((p) => {
      const link = h('button', { class: 'link', type: 'button', title: l10n.t('Show line {0} in the text', p.line) }, l10n.t('line {0}', p.line));
      link.addEventListener('click', () => ctx.openText(p.line));
      return h(
        'li',
        { class: `problem ${p.severity}` },
        h('span', { class: 'sev' }, severityWord(p.severity)),
        ` ${p.message} `,
        h('span', { class: 'rule' }, p.ruleId),
        ' ',
        link,
      );
    }),
  );
}

function severityWord(s: FieldProblem['severity']): string {
  return s === 'error' ? l10n.t('Error') : s === 'warning' ? l10n.t('Warning') : l10n.t('Info');
}

/** The text a scalar shows in a field. */
function text(v: JsonValue | undefined): string {
  return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Sets a value, or removes the field when it is emptied (a required field keeps an empty string). */
function commitText(f: FormField, ctx: FormContext, raw: string, convert: (s: string) => JsonValue | undefined = (s) => s): void {
  if (raw.trim() === '') {
    if (f.value !== undefined && !f.required) ctx.change({ op: 'delete', path: f.path });
    else if (f.value !== undefined) ctx.change({ op: 'set', path: f.path, value: '' });
    return;
  }
  const value = convert(raw);
  if (value === undefined) return;
  ctx.change({ op: 'set', path: f.path, value });
}

/** The control of a scalar field (also used in table cells and list items). */
export function scalarControl(f: FormField, ctx: FormContext, label = f.label): HTMLElement {
  const key = pathKey(f.path);
  switch (f.widget) {
    case 'ref': {
      const kind = f.ref ?? '';
      return withKey(
        suggestField({
          value: text(f.value),
          ariaLabel: label,
          placeholder: l10n.t('Search {0} by title or id', kind),
          suggest: referenceSuggestions(ctx.search(kind)),
          describe: (v) => (v ? ctx.titleOf(kind, v) : undefined),
          commit: (v) => commitText(f, ctx, v),
        }),
        key,
      );
    }
    case 'combo':
      return withKey(
        suggestField({ value: text(f.value), ariaLabel: label, suggest: optionSuggestions(f.options ?? []), commit: (v) => commitText(f, ctx, v) }),
        key,
      );
    case 'select': {
      const select = control('vscode-single-select', { class: 'input', 'aria-label': label, 'data-path': key });
      const values = (f.options ?? []).map((o) => o.value);
      const current = text(f.value);
      if (!f.required || current === '') select.appendChild(h('vscode-option', { value: '' }, '—'));
      if (current !== '' && !values.includes(current)) select.appendChild(h('vscode-option', { value: current }, l10n.t('{0} (not in the list)', current)));
      for (const v of values) select.appendChild(h('vscode-option', { value: v }, v));
      select.value = current;
      select.addEventListener('change', () => commitText(f, ctx, select.value));
      return select;
    }
    case 'toggle': {
      const box = control('vscode-checkbox', { 'aria-label': label, 'data-path': key });
      box.checked = f.value === true;
      box.addEventListener('change', () => ctx.change({ op: 'set', path: f.path, value: box.checked === true }));
      return box;
    }
    case 'textarea': {
      const area = control('vscode-textarea', { class: 'input', rows: 4, 'aria-label': label, 'data-path': key });
      area.value = text(f.value);
      area.addEventListener('change', () => commitText(f, ctx, area.value));
      return area;
    }
    case 'number': {
      const input = control('vscode-textfield', { class: 'input number', inputmode: 'decimal', 'aria-label': label, 'data-path': key });
      input.value = text(f.value);
      const error = h('span', { class: 'input-error', role: 'alert' });
      input.addEventListener('change', () => {
        error.textContent = '';
        commitText(f, ctx, input.value, (s) => {
          const n = Number(s.replace(/[,\s_]/g, ''));
          if (!Number.isFinite(n) || (f.integer && !Number.isInteger(n))) {
            error.textContent = f.integer ? l10n.t('Enter a whole number.') : l10n.t('Enter a number.');
            return undefined;
          }
          return n;
        });
      });
      return h('span', { class: 'number-field' }, input, f.unit ? h('span', { class: 'unit' }, f.unit) : null, error);
    }
    case 'date': {
      const input = control('vscode-textfield', { class: 'input', type: 'date', 'aria-label': label, 'data-path': key });
      input.value = /^\d{4}-\d{2}-\d{2}$/.test(text(f.value)) ? text(f.value) : '';
      if (input.value === '' && f.value !== undefined) {
        // A value the date picker cannot show (a typo, a month) stays editable as text.
        input.type = 'text';
        input.value = text(f.value);
      }
      input.addEventListener('change', () => commitText(f, ctx, input.value));
      return input;
    }
    default: {
      const input = control('vscode-textfield', { class: 'input', 'aria-label': label, 'data-path': key });
      input.value = text(f.value);
      input.addEventListener('change', () => commitText(f, ctx, input.value));
      return input;
    }
  }
}

function withKey(el: HTMLElement, key: string): HTMLElement {
  el.querySelector('input')?.setAttribute('data-path', key);
  return el;
}

/** A field with its label, description, control and problems. */
export function fieldRow(f: FormField, ctx: FormContext): HTMLElement {
  const head = h(
    'div',
    { class: 'field-head' },
    h('span', { class: 'field-label' }, f.label),
    f.required ? h('span', { class: 'required', title: l10n.t('required') }, '*') : null,
    f.label !== f.key ? h('code', { class: 'key' }, f.key) : null,
    f.extra ? h('span', { class: 'extra' }, l10n.t('not in the schema')) : null,
  );
  const body: Child[] = [];
  if (f.widget === 'group') body.push(groupBody(f, ctx));
  else if (f.widget === 'table') body.push(tableBody(f, ctx));
  else if (f.widget === 'list') body.push(listBody(f, ctx));
  else body.push(scalarControl(f, ctx));
  const wrapper = h(
    f.widget === 'group' || f.widget === 'table' ? 'fieldset' : 'div',
    { class: `field ${f.widget}`, 'data-field': pathKey(f.path) },
    head,
    ...body,
  );
  if (f.description) wrapper.setAttribute('title', f.description);
  const problems = problemList(f.problems, ctx);
  if (problems) wrapper.appendChild(problems);
  return wrapper;
}

function groupBody(f: FormField, ctx: FormContext): HTMLElement {
  const box = h('div', { class: 'group-fields' }, ...(f.fields ?? []).map((c) => fieldRow(c, ctx)));
  if (f.openKeys) {
    const options = f.openKeys === true ? [] : f.openKeys;
    const keyField = suggestField({
      value: '',
      ariaLabel: l10n.t('New key of {0}', f.label),
      placeholder: l10n.t('New key'),
      suggest: optionSuggestions(options),
      commit: () => undefined,
    });
    const valueInput = control('vscode-textfield', { class: 'input', 'aria-label': l10n.t('Value'), placeholder: l10n.t('Value') });
    const add = h('vscode-button', { secondary: true }, l10n.t('Add'));
    add.addEventListener('click', () => {
      const k = (keyField.querySelector('input') as HTMLInputElement).value.trim();
      if (!k || valueInput.value.trim() === '') return;
      const n = Number(valueInput.value);
      ctx.change({ op: 'set', path: [...f.path, k], value: valueInput.value.trim() !== '' && Number.isFinite(n) ? n : valueInput.value });
    });
    box.appendChild(h('div', { class: 'add-row' }, keyField, valueInput, add));
  }
  return box;
}

function listBody(f: FormField, ctx: FormContext): HTMLElement {
  const values = Array.isArray(f.value) ? f.value : [];
  const template = f.item as FormField;
  const items = values.map((v, i) => {
    const item: FormField = { ...template, path: [...f.path, i], value: v, required: false };
    const remove = h('button', { class: 'icon-button', type: 'button', title: l10n.t('Remove'), 'aria-label': l10n.t('Remove {0}', text(v)) }, '×');
    remove.addEventListener('click', () => ctx.change({ op: 'delete', path: [...f.path, i] }));
    return h('li', {}, scalarControl(item, ctx, `${f.label} ${i + 1}`), remove);
  });
  const adder: FormField = { ...template, path: [...f.path, values.length], required: false };
  delete adder.value;
  const addControl = scalarControl(
    { ...adder, widget: template.widget === 'select' ? 'combo' : template.widget },
    { ...ctx, change: (c) => (c.op === 'set' ? ctx.change({ op: 'append', path: f.path, value: c.value }) : undefined) },
    l10n.t('Add to {0}', f.label),
  );
  return h(
    'div',
    { class: 'list' },
    h('ul', { class: 'list-items' }, ...items),
    h('div', { class: 'add-row' }, h('span', { class: 'muted' }, l10n.t('Add:')), addControl),
  );
}

function tableBody(f: FormField, ctx: FormContext): HTMLElement {
  const columns = f.columns ?? [];
  const rows = f.rows ?? [];
  const head = h(
    'tr',
    {},
    ...columns.map((c) => h('th', { scope: 'col', title: c.description ?? '' }, c.label, c.required ? '*' : '')),
    h('th', { class: 'actions' }, ''),
  );
  const body = rows.map((row, i) => tableRow(f, row, i, ctx));
  const table = h('table', { class: 'subtable' }, h('thead', {}, head), h('tbody', {}, ...body));
  return h('div', { class: 'table-wrap' }, table, newRow(f, columns, ctx));
}

function tableRow(f: FormField, row: TableRow, i: number, ctx: FormContext): HTMLElement {
  const cells = row.cells.map((c) =>
    h(
      'td',
      { class: c.problems.length ? `has-problem ${c.problems[0]?.severity}` : '' },
      scalarControl(c, ctx, `${c.label} ${i + 1}`),
      problemList(c.problems, ctx),
    ),
  );
  const actions = h('td', { class: 'actions' });
  if (row.entity) {
    const open = h('button', { class: 'link', type: 'button', title: l10n.t('Open {0} as a form', row.entity.id) }, l10n.t('Open'));
    const entity = row.entity;
    open.addEventListener('click', () => ctx.openRecord(entity.kind, entity.id));
    actions.appendChild(open);
  }
  if (row.more && row.more.length > 0) actions.appendChild(h('span', { class: 'muted', title: row.more.join(', ') }, ` +${row.more.length}`));
  const remove = h(
    'button',
    { class: 'icon-button', type: 'button', title: l10n.t('Delete row {0}', i + 1), 'aria-label': l10n.t('Delete row {0}', i + 1) },
    '×',
  );
  remove.addEventListener('click', () => {
    // Deleting asks once: the first click arms the button.
    if (remove.dataset['armed'] !== 'yes') {
      remove.dataset['armed'] = 'yes';
      remove.textContent = l10n.t('Delete?');
      return;
    }
    ctx.change({ op: 'delete', path: [...f.path, i] });
  });
  actions.appendChild(remove);
  return h('tr', {}, ...cells, actions);
}

/** A row of inputs for a new item: its fields are written together, in column order. */
function newRow(f: FormField, columns: FormField[], ctx: FormContext): HTMLElement {
  const draft: Record<string, JsonValue> = {};
  const inputs = columns.map((c) => {
    const field: FormField = { ...c, path: [c.key], required: false };
    delete field.value;
    return h(
      'td',
      {},
      scalarControl(field, { ...ctx, change: (ch) => (ch.op === 'set' ? (draft[c.key] = ch.value) : delete draft[c.key]) }, l10n.t('New {0}', c.label)),
    );
  });
  const add = h('vscode-button', { secondary: true }, l10n.t('Add row'));
  add.addEventListener('click', () => {
    (document.activeElement as HTMLElement | null)?.blur();
    const value: Record<string, JsonValue> = {};
    for (const c of columns) if (draft[c.key] !== undefined) value[c.key] = draft[c.key] as JsonValue;
    if (Object.keys(value).length === 0) return;
    ctx.change({ op: 'append', path: f.path, value });
  });
  return h('table', { class: 'subtable new-row' }, h('tbody', {}, h('tr', {}, ...inputs, h('td', { class: 'actions' }, add))));
}
