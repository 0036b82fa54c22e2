import type { WordHunk } from './types';

/** Above this many cells the LCS table is not built: the changed middle is shown as one replacement. */
const MAX_LCS_CELLS = 250_000;

const CJK = '\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef';
const TOKEN = new RegExp(`[${CJK}]|[^\\s${CJK}]+`, 'g');
const IS_CJK = new RegExp(`^[${CJK}]$`);

/** Words of a text; each CJK character is a word of its own, as those scripts have no spaces. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Joins words back with single spaces (none between CJK characters). */
export function joinWords(words: readonly string[]): string {
  let out = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (i > 0 && !(IS_CJK.test(w) && IS_CJK.test(words[i - 1] as string))) out += ' ';
    out += w;
  }
  return out;
}

type Op = { type: 'eq' | 'del' | 'ins'; word: string };

export interface WordDiffOptions {
  /** Words of context on each side of a hunk. */
  context?: number;
  /** Hunks kept (the count of all hunks is returned too). */
  maxHunks?: number;
  /** Words kept of a hunk's removed and added text. */
  maxWords?: number;
}

/**
 * Word-level differences between two texts as a few hunks with context. Common prefix and
 * suffix are stripped first (edits are usually local); the middle is aligned with an LCS table
 * when small enough, else reported as one replacement, so the cost stays bounded.
 */
export function wordHunks(before: string, after: string, options: WordDiffOptions = {}): { hunks: WordHunk[]; count: number } {
  const context = options.context ?? 5;
  const maxHunks = options.maxHunks ?? 3;
  const maxWords = options.maxWords ?? 24;
  const ops = wordOps(tokenize(before), tokenize(after));
  const groups: { start: number; end: number }[] = [];
  for (let i = 0; i < ops.length; i++) {
    if ((ops[i] as Op).type === 'eq') continue;
    let j = i;
    while (j < ops.length && (ops[j] as Op).type !== 'eq') j++;
    const last = groups[groups.length - 1];
    // Changes a few words apart read better as one hunk.
    if (last && i - last.end <= 3) last.end = j;
    else groups.push({ start: i, end: j });
    i = j - 1;
  }
  const hunks = groups.slice(0, maxHunks).map((g) => {
    const removed: string[] = [];
    const added: string[] = [];
    for (let k = g.start; k < g.end; k++) {
      const op = ops[k] as Op;
      if (op.type !== 'ins') removed.push(op.word);
      if (op.type !== 'del') added.push(op.word);
    }
    const lead: string[] = [];
    for (let k = g.start - 1; k >= 0 && lead.length < context; k--) lead.unshift((ops[k] as Op).word);
    const trail: string[] = [];
    for (let k = g.end; k < ops.length && trail.length < context; k++) {
      const op = ops[k] as Op;
      if (op.type === 'eq') trail.push(op.word);
      else break;
    }
    const hunk: WordHunk = {
      before: joinWords(lead),
      removed: clip(removed, maxWords),
      added: clip(added, maxWords),
      after: joinWords(trail),
      leadingCut: g.start - lead.length > 0,
      trailingCut: g.end + trail.length < ops.length,
    };
    return hunk;
  });
  return { hunks, count: groups.length };
}

/** `... old words ...` as `[-old-]{+new+}` inline, the way `git diff --word-diff` prints it. */
export function hunkToString(h: WordHunk): string {
  const parts: string[] = [];
  if (h.leadingCut) parts.push('…');
  if (h.before) parts.push(h.before);
  if (h.removed) parts.push(`[-${h.removed}-]`);
  if (h.added) parts.push(`{+${h.added}+}`);
  if (h.after) parts.push(h.after);
  if (h.trailingCut) parts.push('…');
  return parts.join(' ');
}

function clip(words: string[], max: number): string {
  return words.length > max ? `${joinWords(words.slice(0, max - 4))} … ${joinWords(words.slice(-3))}` : joinWords(words);
}

function wordOps(a: string[], b: string[]): Op[] {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const ops: Op[] = a.slice(0, p).map((word) => ({ type: 'eq', word }));
  const midA = a.slice(p, a.length - s);
  const midB = b.slice(p, b.length - s);
  if ((midA.length + 1) * (midB.length + 1) <= MAX_LCS_CELLS) ops.push(...lcsOps(midA, midB));
  else ops.push(...midA.map((word): Op => ({ type: 'del', word })), ...midB.map((word): Op => ({ type: 'ins', word })));
  for (const word of a.slice(a.length - s)) ops.push({ type: 'eq', word });
  return ops;
}

function lcsOps(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  // table[i][j] = LCS length of a[i..] and b[j..]
  const table = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * w + j] =
        a[i] === b[j] ? (table[(i + 1) * w + j + 1] as number) + 1 : Math.max(table[(i + 1) * w + j] as number, table[i * w + j + 1] as number);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ type: 'eq', word: a[i] as string });
      i++;
      j++;
    } else if (j < m && (i >= n || (table[i * w + j + 1] as number) >= (table[(i + 1) * w + j] as number))) {
      ops.push({ type: 'ins', word: b[j] as string });
      j++;
    } else {
      ops.push({ type: 'del', word: a[i] as string });
      i++;
    }
  }
  // Deletions before insertions inside a run read as "old → new".
  return normalizeRuns(ops);
}

function normalizeRuns(ops: Op[]): Op[] {
  const out: Op[] = [];
  let dels: Op[] = [];
  let ins: Op[] = [];
  const flush = () => {
    out.push(...dels, ...ins);
    dels = [];
    ins = [];
  };
  for (const op of ops) {
    if (op.type === 'eq') {
      flush();
      out.push(op);
    } else if (op.type === 'del') dels.push(op);
    else ins.push(op);
  }
  flush();
  return out;
}
