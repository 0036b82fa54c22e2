// Words are runs of letters, digits and combining marks in any script. Scripts written
// without spaces (CJK) are also indexed as character bigrams, so a word inside a longer
// run can be found without a dictionary-based segmenter.

const RUN = /[\p{L}\p{N}\p{M}]+/gu;
const CJK_CHAR = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;
const SEGMENT = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]+|[^\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]+/gu;

/** Longer tokens (hashes, base64, minified blobs) are cut so they cannot bloat the index. */
export const MAX_TOKEN_LENGTH = 64;

/** Terms to index for a piece of text. */
export function indexTokens(text: string): string[] {
  const runs = text.toLowerCase().match(RUN);
  if (!runs) return [];
  if (!CJK_CHAR.test(text)) return runs.map(cut);
  const out: string[] = [];
  for (const run of runs) {
    if (!CJK_CHAR.test(run)) {
      out.push(cut(run));
      continue;
    }
    for (const segment of run.match(SEGMENT) ?? []) {
      out.push(cut(segment));
      if (CJK_CHAR.test(segment)) pushBigrams(segment, out);
    }
  }
  return out;
}

/**
 * Terms a typed query word must match, all of them. A CJK run longer than two characters
 * becomes its bigrams, which the index holds for every run.
 */
export function queryTokens(word: string): string[] {
  const runs = word.toLowerCase().match(RUN);
  if (!runs) return [];
  const out: string[] = [];
  for (const run of runs) {
    for (const segment of CJK_CHAR.test(run) ? (run.match(SEGMENT) ?? []) : [run]) {
      if (CJK_CHAR.test(segment) && [...segment].length > 2) pushBigrams(segment, out);
      else out.push(cut(segment));
    }
  }
  return [...new Set(out)];
}

/**
 * Calls `visit` with each term of `text`, in order, until it returns true, and returns
 * the offsets of that term in the original string.
 */
export function findToken(text: string, visit: (term: string) => boolean): { start: number; end: number } | undefined {
  const re = new RegExp(RUN.source, RUN.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const run = m[0];
    if (!CJK_CHAR.test(run)) {
      if (visit(cut(run.toLowerCase()))) return { start: m.index, end: m.index + run.length };
      continue;
    }
    const seg = new RegExp(SEGMENT.source, SEGMENT.flags);
    for (let s = seg.exec(run); s; s = seg.exec(run)) {
      const start = m.index + s.index;
      const segment = s[0].toLowerCase();
      if (visit(cut(segment))) return { start, end: start + s[0].length };
      if (!CJK_CHAR.test(segment)) continue;
      const chars = [...s[0]];
      let offset = start;
      for (let i = 0; i + 1 < chars.length; i++) {
        const bigram = (chars[i] + chars[i + 1]).toLowerCase();
        if (visit(bigram)) return { start: offset, end: offset + chars[i].length + chars[i + 1].length };
        offset += chars[i].length;
      }
    }
  }
  return undefined;
}

function pushBigrams(segment: string, out: string[]): void {
  const chars = [...segment];
  if (chars.length < 3) return; // the segment itself already covers it
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
}

function cut(token: string): string {
  return token.length > MAX_TOKEN_LENGTH ? token.slice(0, MAX_TOKEN_LENGTH) : token;
}
