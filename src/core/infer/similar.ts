/**
 * Typo detection for inference: a rare value (or field name) that is one or two edits away from
 * a frequent one is probably a mistake, not a word of the company's own.
 */

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), by code point. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const rows: number[][] = [];
  for (let i = 0; i <= x.length; i++) {
    const row: number[] = new Array<number>(y.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= y.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= x.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = d;
    }
  }
  return (rows[x.length] as number[])[y.length] as number;
}

/**
 * Whether `rare` looks like a misspelling of `known`: same word in another case, or within one
 * edit (words of 3–5 characters) or two (6 and more). One- and two-character words (common in
 * Chinese: 面包, 蛋糕) are never judged by spelling: they differ by design.
 */
export function looksLikeTypo(rare: string, known: string): boolean {
  if (rare === known) return false;
  if (rare.toLowerCase() === known.toLowerCase()) return true;
  const n = Math.min([...rare].length, [...known].length);
  if (n <= 2) return false;
  const max = n <= 5 ? 1 : 2;
  return editDistance(rare.toLowerCase(), known.toLowerCase()) <= max;
}

/** The first of `candidates` (in the given order) that `rare` looks like a misspelling of. */
export function typoOf(rare: string, candidates: Iterable<string>): string | undefined {
  for (const c of candidates) if (looksLikeTypo(rare, c)) return c;
  return undefined;
}
