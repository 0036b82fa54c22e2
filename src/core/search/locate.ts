import type { IndexedDoc } from './indexedDoc';
import { findPhrase } from './phrase';
import { lineAt, snippetAround, snippetStart } from './snippet';
import { findToken } from './tokenize';
import type { FieldFilter } from './types';

/** What matched a document, as far as the line and snippet need to know. */
export interface MatchedParts {
  /** Index terms the words matched in the body. */
  bodyTerms: ReadonlySet<string>;
  /** Index terms the words matched in field values. */
  fieldTerms: ReadonlySet<string>;
  /** Phrases, in phrase form. */
  phrases: readonly string[];
  /** Positive field filters. */
  filters: readonly FieldFilter[];
}

// Fields that already show in the result's title and id column.
const SHOWN_ELSEWHERE = new Set(['id', 'title', 'name', 'kind']);

/**
 * The line to open and the snippet to show: the first body match if the body matched,
 * else the matching field as `name: value`, else the start of the body.
 */
export function locate(entry: IndexedDoc, parts: MatchedParts): { line: number; snippet: string } {
  const { doc } = entry;
  let first = parts.bodyTerms.size > 0 ? findToken(doc.text, (t) => parts.bodyTerms.has(t)) : undefined;
  for (const phrase of parts.phrases) {
    if (entry.phraseSection(phrase) === undefined) continue;
    const at = findPhrase(doc.text, phrase);
    if (at && (!first || at.start < first.start)) first = at;
  }
  if (first) return { line: lineAt(doc.text, first.start, doc.textLine), snippet: snippetAround(doc.text, first.start, first.end) };

  for (const { path, value } of entry.fieldEntries) {
    let at = parts.fieldTerms.size > 0 ? findToken(value, (t) => parts.fieldTerms.has(t)) : undefined;
    for (const phrase of parts.phrases) at ??= findPhrase(value, phrase);
    if (at) {
      const offset = path.length + 2;
      return { line: doc.line, snippet: snippetAround(`${path}: ${value}`, at.start + offset, at.end + offset) };
    }
  }

  for (const filter of parts.filters) {
    const field = filter.field.toLowerCase();
    if (SHOWN_ELSEWHERE.has(field)) continue;
    const entryOfField = entry.fieldEntries.find((e) => e.path.toLowerCase() === field);
    if (entryOfField) return { line: doc.line, snippet: snippetStart(`${entryOfField.path}: ${entryOfField.value}`) };
  }

  if (doc.text.trim() !== '') return { line: doc.line, snippet: snippetStart(doc.text) };
  const summary = entry.fieldEntries
    .filter((e) => !SHOWN_ELSEWHERE.has(e.path.toLowerCase()))
    .map((e) => `${e.path}: ${e.value}`)
    .join(' · ');
  return { line: doc.line, snippet: snippetStart(summary) };
}
