/**
 * Regular expressions for schema `pattern`s. Schemas come from the workspace and packs, and
 * JavaScript's backtracking engine can take exponential time on patterns such as `^(a+)+$`.
 * Two guards, written by hand because no maintained pure-JS library does both without a native
 * engine (RE2 needs a native module, which the editor and the webview cannot load):
 *  - patterns with a quantified group that itself contains a quantifier (star height > 1) or
 *    a back-reference are refused when the schema is compiled, with a message naming them —
 *    unless the group starts with a literal separator its rest can never match, as in
 *    `(-[A-Z0-9]+)*`: then every repetition is anchored at that separator and the match is
 *    unambiguous (linear);
 *  - values longer than MAX_TESTED_LENGTH are not matched (they fail the pattern): no id, code
 *    or date a pattern is meant for is that long, and it bounds the work per value.
 */
export const MAX_TESTED_LENGTH = 10_000;

const NESTED_QUANTIFIER = /\(((?:[^()\\]|\\.)*(?:[+*]|\{\d+,?\d*\})(?:[^()\\]|\\.)*)\)(?:[+*]|\{\d+,?\d*\})/g;
const BACKREFERENCE = /\\[1-9]|\\k</;

export class UnsafePatternError extends Error {}

export function checkPattern(pattern: string): void {
  const unsafe = [...pattern.matchAll(NESTED_QUANTIFIER)].some((m) => !separatorAnchored(m[1] ?? ''));
  if (unsafe)
    throw new UnsafePatternError(
      `pattern ${JSON.stringify(pattern)} repeats a group that itself repeats (like (a+)+), which can take exponential time; rewrite it without nested quantifiers`,
    );
  if (BACKREFERENCE.test(pattern))
    throw new UnsafePatternError(`pattern ${JSON.stringify(pattern)} uses a back-reference, which can take exponential time; rewrite it without one`);
}

/** Ajv's `code.regExp` engine: checked patterns, bounded inputs. */
export function safeRegExp(pattern: string, flags: string): { test(s: string): boolean; toString(): string } {
  checkPattern(pattern);
  const re = new RegExp(pattern, flags);
  return {
    test(s: string): boolean {
      if (s.length > MAX_TESTED_LENGTH) return false;
      re.lastIndex = 0;
      return re.test(s);
    },
    // Ajv caches compiled patterns by this text: it must differ per pattern.
    toString: () => re.toString(),
  };
}
(safeRegExp as unknown as { code: string }).code = 'safeRegExp';

/** `-[A-Z0-9]+`: a literal first character that the rest of the group can never match. */
function separatorAnchored(group: string): boolean {
  const body = group.replace(/^\?:/, '');
  let sep: string;
  let rest: string;
  if (body.startsWith('\\') && /^\\[-./_:|+*?()[\]{}^$]/.test(body)) {
    sep = body[1] as string;
    rest = body.slice(2);
  } else if (/^[-_:/,;@#~=]/.test(body)) {
    sep = body[0] as string;
    rest = body.slice(1);
  } else return false;
  if (/^[+*?{]/.test(rest) || rest.includes('|') || rest.includes('(')) return false;
  // Anything in the rest that could match the separator makes repetitions ambiguous.
  if (/(^|[^\\])\./.test(rest) || /\\[WSDbB]/.test(rest) || rest.includes('[^')) return false;
  if (/\\s/.test(rest) && /\s/.test(sep)) return false;
  if (/\\w/.test(rest) && /\w/.test(sep)) return false;
  if (/\\d/.test(rest) && /\d/.test(sep)) return false;
  for (const cls of rest.matchAll(/\[((?:[^\]\\]|\\.)*)\]/g)) if (classContains(cls[1] ?? '', sep)) return false;
  const literals = rest.replace(/\[(?:[^\]\\]|\\.)*\]/g, '').replace(/\\[dws]/g, '');
  return !literals.replace(/\\(.)/g, '$1').includes(sep);
}

function classContains(cls: string, c: string): boolean {
  const chars = [...cls.replace(/\\(.)/g, '$1')];
  for (let i = 0; i < chars.length; i++) {
    const a = chars[i] as string;
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined) {
      const b = chars[i + 2] as string;
      if (c >= a && c <= b) return true;
      i += 2;
    } else if (a === c) return true;
  }
  return false;
}
