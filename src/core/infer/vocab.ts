import type { VocabularyClass, VocabularyConfig } from '../config/types';
import type { Anchor } from '../types';
import { editDistance, looksLikeTypo, typoOf } from './similar';

/** One use of a value in a field bound to a vocabulary. */
export interface VocabularyUse {
  value: string;
  anchor: Anchor;
  /** `partner P-0003`, for messages. */
  entity: string;
  field: string;
}

export interface InferredVocabulary {
  name: string;
  class: VocabularyClass;
  /** Company vocabulary: the values declared. */
  values?: string[];
  /** Default vocabulary: the values added to the pack's list. */
  add?: string[];
  /** How many uses, in which files. */
  uses: number;
  files: string[];
  /** Why it was inferred, when not from values in use (the comment starts with it). */
  comment?: string;
}

/**
 * A value (or field) left as a finding, with the reason: a likely typo, an unknown status; or
 * (`check`) a value that was declared but deserves a look.
 */
export interface Suspect {
  anchor: Anchor;
  message: string;
  /** `check`: declared, worth a look; `unsure`: not declared, the user should decide; the rest stay findings. */
  kind: 'typo' | 'unknown-rule-value' | 'note' | 'check' | 'unsure';
}

/**
 * What a workspace's values say about one vocabulary. Company vocabularies are declared with the
 * values in use; default ones extended (`add:`) with the values outside the pack's list; rule-bearing
 * ones never change: a value outside them stays a finding, with an alias suggested. A value used
 * once that looks like a misspelling of a frequent (or listed) value is never declared.
 */
export function inferVocabulary(vocabulary: VocabularyConfig, uses: readonly VocabularyUse[]): { inferred?: InferredVocabulary; suspects: Suspect[] } {
  const suspects: Suspect[] = [];
  const counts = new Map<string, number>();
  for (const u of uses) counts.set(u.value, (counts.get(u.value) ?? 0) + 1);
  const listed = vocabulary.values ?? [];
  const aliases = Object.keys(vocabulary.aliases);
  const isKnown = (v: string) => listed.includes(v) || aliases.includes(v);
  const frequent = [
    ...listed,
    ...[...counts]
      .filter(([, n]) => n >= 2)
      .sort((a, b) => b[1] - a[1])
      .map(([v]) => v),
  ];
  const firstUse = new Map<string, VocabularyUse>();
  for (const u of uses) if (!firstUse.has(u.value)) firstUse.set(u.value, u);

  if (vocabulary.class === 'rule') {
    for (const [value, u] of firstUse) {
      if (isKnown(value)) continue;
      const typo = typoOf(value, listed);
      const n = counts.get(value) as number;
      const where = n > 1 ? ` (${n} uses)` : '';
      suspects.push({
        anchor: u.anchor,
        kind: typo ? 'typo' : 'unknown-rule-value',
        message: typo
          ? `${u.field} "${value}" of ${u.entity} looks like a typo of "${typo}"${where}: left as a finding`
          : `${u.field} "${value}" of ${u.entity} is not one of the ${vocabulary.name} values (${listed.join(', ')})${where}: rules depend on these meanings, so it stays a finding; if it means one of them, map it with an alias in opsbook.yaml: vocabularies: { ${vocabulary.name}: { aliases: { ${value}: <${listed.join(' | ')}> } } }`,
      });
    }
    return { suspects };
  }

  const declared: string[] = [];
  for (const [value, u] of firstUse) {
    if (isKnown(value)) continue;
    const n = counts.get(value) as number;
    const typo =
      n === 1
        ? typoOf(
            value,
            frequent.filter((f) => f !== value),
          )
        : undefined;
    if (typo) {
      suspects.push({
        anchor: u.anchor,
        kind: 'typo',
        message: `${u.field} "${value}" of ${u.entity} (used once) looks like a typo of "${typo}": not declared in ${vocabulary.name}, left as a finding`,
      });
      continue;
    }
    declared.push(value);
    // Short words (two characters, the norm in Chinese: 奶茶, 果茶) are not judged by spelling, as
    // siblings differ by one character by design; a one-off one character away from a frequent
    // value is still declared, but named in the summary so a person can look (奶荼 for 奶茶).
    const near =
      n === 1
        ? frequent.find((f) => f !== value && (counts.get(f) ?? 0) >= 3 && [...f].length === [...value].length && editDistance(f, value) === 1)
        : undefined;
    if (near !== undefined) {
      suspects.push({
        anchor: u.anchor,
        kind: 'check',
        message: `${u.field} "${value}" of ${u.entity} (used once) is one character from "${near}" (used ${counts.get(near)} times): declared in ${vocabulary.name}; if it is a typo, fix it and remove it there`,
      });
    }
  }
  if (declared.length === 0) return { suspects };
  // Two one-off values a misspelling apart (Platinum, Platnum): spelling cannot tell which is
  // right, so both are declared, and the later one is named in the summary with the other.
  const named = new Set(suspects.map((s) => s.anchor));
  declared.forEach((value, i) => {
    const u = firstUse.get(value) as VocabularyUse;
    if (counts.get(value) !== 1 || named.has(u.anchor)) return;
    const twin = declared.slice(0, i).find((d) => counts.get(d) === 1 && looksLikeTypo(value, d));
    if (twin === undefined) return;
    suspects.push({
      anchor: u.anchor,
      kind: 'check',
      message: `${u.field} "${value}" of ${u.entity} and "${twin}" of ${(firstUse.get(twin) as VocabularyUse).entity} are each used once and differ by a letter or two: both declared in ${vocabulary.name}; if one is a typo, fix it and remove it there`,
    });
  });
  // Where the declared values are used (the comment says what they came from).
  const used = uses.filter((u) => declared.includes(u.value));
  const files = [...new Set(used.map((u) => u.anchor.file))];
  const inferred: InferredVocabulary = { name: vocabulary.name, class: vocabulary.class, uses: used.length, files };
  if (vocabulary.class === 'company' && vocabulary.values === undefined) inferred.values = declared;
  else inferred.add = declared;
  return { inferred, suspects };
}
