import type { FieldFilter, FilterOp, ParsedQuery } from './types';

const FIELD_NAME = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;
const HAS_WORD = /[\p{L}\p{N}]/u;
// eslint-disable-next-line no-control-regex -- removing them is the point
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
const OPS: readonly FilterOp[] = ['>=', '<=', '>', '<'];

/**
 * Splits a search query into words, phrases and field filters (SPEC §4). Never throws:
 * malformed pieces are reported in `errors` and the rest of the query is kept.
 */
export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { terms: [], phrases: [], filters: [], excludedTerms: [], excludedPhrases: [], errors: [] };
  const n = query.length;
  let i = 0;
  while (i < n) {
    if (isSpace(query[i])) {
      i++;
      continue;
    }
    let negate = false;
    if (query[i] === '-') {
      if (i + 1 >= n || isSpace(query[i + 1])) {
        parsed.errors.push(`Ignored '-': write -word or -field:value to exclude.`);
        i++;
        continue;
      }
      negate = true;
      i++;
    }
    if (query[i] === '"') {
      const quoted = readQuoted(query, i, parsed.errors);
      i = quoted.end;
      addPhrase(parsed, quoted.text, negate);
      continue;
    }
    let end = i;
    while (end < n && !isSpace(query[end]) && query[end] !== '"') end++;
    const token = query.slice(i, end);
    i = end;
    const colon = token.indexOf(':');
    if (colon < 0 || (colon > 0 && !FIELD_NAME.test(token.slice(0, colon))) || token.startsWith('//', colon + 1)) {
      // Not a filter (`10:30`, `https://…`): its letters and digits are searched as words.
      addWord(parsed, token, negate);
      continue;
    }
    const field = token.slice(0, colon);
    const rest = token.slice(colon + 1);
    const op = OPS.find((o) => rest.startsWith(o)) ?? ':';
    let value = op === ':' ? rest : rest.slice(op.length);
    let written = `${negate ? '-' : ''}${token}`;
    if (value === '' && query[i] === '"') {
      const quoted = readQuoted(query, i, parsed.errors);
      i = quoted.end;
      value = quoted.text;
      written += `"${value}"`;
    }
    value = value.trim();
    if (field === '') {
      parsed.errors.push(`Ignored '${written}': a filter needs a field name before ':'.`);
    } else if (value === '') {
      parsed.errors.push(`Ignored '${written}': a filter needs a value after '${op === ':' ? ':' : `:${op}`}'.`);
    } else {
      const filter: FieldFilter = { field, op, value, negate };
      parsed.filters.push(filter);
    }
  }
  return parsed;
}

function readQuoted(query: string, open: number, errors: string[]): { text: string; end: number } {
  const close = query.indexOf('"', open + 1);
  if (close < 0) {
    const text = query.slice(open + 1);
    errors.push(`Unclosed quote: searched "${text}" as a phrase.`);
    return { text, end: query.length };
  }
  return { text: query.slice(open + 1, close), end: close + 1 };
}

function addPhrase(parsed: ParsedQuery, text: string, negate: boolean): void {
  // Control characters never belong in a phrase (and NUL separates sections of indexed text).
  const phrase = text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  if (phrase === '') {
    parsed.errors.push(`Ignored '""': the phrase is empty.`);
    return;
  }
  (negate ? parsed.excludedPhrases : parsed.phrases).push(phrase);
}

function addWord(parsed: ParsedQuery, word: string, negate: boolean): void {
  // Punctuation alone (`&`, `—`) can never match a word, so it is dropped rather than reported.
  if (!HAS_WORD.test(word)) return;
  (negate ? parsed.excludedTerms : parsed.terms).push(word);
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0' || ch === '\u3000';
}
