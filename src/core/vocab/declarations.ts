import type { VocabularyConfig } from '../config/types';
import type { NodePath } from '../types';

/** A problem in one `vocabularies.<name>` declaration, at a path below it. */
export interface DeclarationProblem {
  path: NodePath;
  message: string;
}

/**
 * What a workspace (or a pack other than the built-in ones) may change in a vocabulary: a
 * rule-bearing vocabulary's values are the meanings rules and views depend on, so it takes
 * aliases only. Returns the problems and the declaration with the refused parts left out.
 */
export function checkDeclaration(
  prev: VocabularyConfig | undefined,
  name: string,
  value: unknown,
  builtin: boolean,
): { problems: DeclarationProblem[]; allowed: unknown } {
  const problems: DeclarationProblem[] = [];
  if (builtin || prev?.class !== 'rule') return { problems, allowed: value };
  const meanings = (prev.values ?? []).join(', ');
  const why = `${name} is rule-bearing: rules and views depend on its meanings (${meanings}), so a workspace may only map its own words to them with aliases, e.g. ${name}: { aliases: { <your word>: ${prev.values?.[0] ?? '<meaning>'} } }`;
  if (Array.isArray(value)) {
    problems.push({ path: [], message: `vocabularies.${name}: cannot replace its values — ${why}` });
    return { problems, allowed: undefined };
  }
  if (!value || typeof value !== 'object') return { problems, allowed: value };
  const allowed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'values' || k === 'add' || k === 'strict' || (k === 'class' && v !== 'rule')) {
      problems.push({ path: [k], message: `vocabularies.${name}.${k}: not allowed here — ${why}` });
    } else allowed[k] = v;
  }
  return { problems, allowed };
}

/** Aliases of one declaration that point outside the merged vocabulary's values. */
export function aliasProblems(merged: VocabularyConfig, value: unknown): DeclarationProblem[] {
  if (!merged.values || !value || typeof value !== 'object' || Array.isArray(value)) return [];
  const aliases = (value as Record<string, unknown>)['aliases'];
  if (!aliases || typeof aliases !== 'object') return [];
  const out: DeclarationProblem[] = [];
  for (const [word, meaning] of Object.entries(aliases)) {
    if (typeof meaning === 'string' && merged.values.includes(meaning)) continue;
    out.push({
      path: ['aliases', word],
      message: `vocabularies.${merged.name}.aliases: "${word}" maps to ${JSON.stringify(meaning)}, which is not a value of ${merged.name} (${merged.values.join(', ')})`,
    });
  }
  return out;
}
