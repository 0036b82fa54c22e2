import * as l10n from '@vscode/l10n';
import type { NodePath, VocabularyBinding, VocabularyConfig } from '../../core';
import type { ItemSpec } from './completionItems';
import { entityChain, stepsMatch, type KindShape } from './entityPath';
import { yamlScalar } from './schemaInfo';

/** What each class means, for hovers (a function: the bundle is set at activation, after import). */
function className(c: VocabularyConfig['class']): string {
  switch (c) {
    case 'rule':
      return l10n.t('rule-bearing: rules and views rely on these meanings; add your own words as aliases');
    case 'default':
      return l10n.t("the pack's list: extend it with add: or replace it with values:");
    case 'company':
      return l10n.t("the company's own words");
  }
}

/** The vocabulary of the value (or map key) at `path`, for the innermost entity that holds it. */
export function vocabularyAt(
  path: NodePath,
  isKey: boolean,
  shape: KindShape,
  bindingsOf: (kind: string) => readonly VocabularyBinding[],
): VocabularyConfig | undefined {
  const chain = entityChain(path, shape);
  for (let i = chain.length - 1; i >= 0; i--) {
    const link = chain[i]!;
    const sub = path.slice(link.base.length);
    for (const b of bindingsOf(link.kind)) if (stepsMatch(b.steps, sub, isKey)) return b.vocabulary;
  }
  return undefined;
}

/**
 * Completion items for a vocabulary field: the declared values in their order, the aliases
 * (with their meaning), then values the workspace already uses that the list does not hold
 * (all of an open vocabulary's values), marked as such.
 */
export function vocabularyItems(v: VocabularyConfig, inUse: ReadonlyMap<string, number> = new Map()): ItemSpec[] {
  const out: ItemSpec[] = [];
  const seen = new Set<string>();
  const usedNote = (value: string) => {
    const n = inUse.get(value);
    return n ? ` · ${n === 1 ? l10n.t('used once in this workspace') : l10n.t('used {0} times in this workspace', n)}` : '';
  };
  (v.values ?? []).forEach((value, i) => {
    seen.add(value);
    out.push({
      label: value,
      kind: 'enum',
      detail: `${v.name}${usedNote(value)}`,
      documentation: vocabularyHover(v, value),
      insertText: yamlScalar(value),
      sortText: `0${String(i).padStart(4, '0')}`,
    });
  });
  Object.entries(v.aliases).forEach(([word, meaning], i) => {
    if (seen.has(word)) return;
    seen.add(word);
    out.push({
      label: word,
      kind: 'enum',
      detail: `${v.name} · ${l10n.t('alias of {0}', meaning)}${usedNote(word)}`,
      documentation: vocabularyHover(v, word),
      insertText: yamlScalar(word),
      sortText: `1${String(i).padStart(4, '0')}`,
    });
  });
  [...inUse.keys()].forEach((value, i) => {
    if (seen.has(value)) return;
    seen.add(value);
    const note = v.values ? l10n.t('used in this workspace, not in the declared list') : l10n.t('already used in this workspace');
    out.push({
      label: value,
      kind: 'value',
      detail: `${v.name} · ${note}${usedNote(value).replace(' · ', ', ')}`,
      insertText: yamlScalar(value),
      sortText: `2${String(i).padStart(4, '0')}`,
    });
  });
  return out;
}

/** Markdown for a hover on a vocabulary value: its vocabulary and class, and for an alias its meaning. */
export function vocabularyHover(v: VocabularyConfig, value: string): string {
  const lines: string[] = [];
  const meaning = Object.prototype.hasOwnProperty.call(v.aliases, value) && !(v.values ?? []).includes(value) ? v.aliases[value] : undefined;
  if (meaning !== undefined) lines.push(l10n.t('{0} is an alias of **{1}** in vocabulary {2}.', code(value), code(meaning), code(v.name)));
  else if (v.values?.includes(value)) lines.push(l10n.t('{0} is a value of vocabulary {1}.', code(value), code(v.name)));
  else if (v.values) lines.push(`$(warning) ${l10n.t('{0} is not in vocabulary {1}.', code(value), code(v.name))}`);
  else lines.push(l10n.t('Vocabulary {0} is open: any value is accepted until the workspace declares its list.', code(v.name)));
  lines.push(l10n.t('Class: {0} ({1}).', v.class, className(v.class)));
  if (v.values) {
    const list = v.values.map((x) => code(x)).join(', ');
    lines.push(v.strict ? l10n.t('Values: {0}.', list) : l10n.t('Values: {0} (not strict: others only warn).', list));
  }
  if (v.description) lines.push(escape(v.description));
  return lines.join('\n\n');
}

/** A Markdown code span (backslash escapes do not work inside one). */
function code(s: string): string {
  return `\`${s.replace(/`/g, "'")}\``;
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!<>|$]/g, '\\$&');
}
