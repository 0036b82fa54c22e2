import type { ParsedFile } from '../parse/file';
import type { SectionChange } from './types';
import { joinWords, tokenize, wordHunks } from './words';

/** A heading of a Markdown body with the words under it (up to the next heading). */
export interface BodySection {
  heading: string;
  level: number;
  line: number;
  words: string[];
  /** `3.2` for `3.2 Greeting`, `§ 3.2. Greeting`. */
  clause?: string;
  /** The heading without its clause number. */
  title: string;
}

const NUMBERED = /^(?:§\s*)?(\d+(?:\.\d+)*)\.?(?:\s+(.*))?$/;

/** The sections of a Markdown file's body; text before the first heading is a section with heading `''`. */
export function bodySections(file: ParsedFile): BodySection[] {
  if (!file.body) return [];
  const lines = file.text.split('\n');
  const text = (from: number, to: number) => tokenize(lines.slice(from - 1, to).join('\n'));
  const out: BodySection[] = [];
  const first = file.body.sections[0];
  const preamble = text(file.body.line, first ? first.line - 1 : lines.length);
  if (preamble.length > 0) out.push({ heading: '', level: 0, line: file.body.line, words: preamble, title: '' });
  for (const s of file.body.sections) {
    const m = NUMBERED.exec(s.heading);
    const section: BodySection = {
      heading: s.heading,
      level: s.level,
      line: s.line,
      words: text(s.line + 1, s.endLine),
      title: m ? (m[2] ?? '').trim() : s.heading,
    };
    if (m) section.clause = m[1] as string;
    out.push(section);
  }
  return out;
}

/**
 * Sections added, removed and changed between two bodies. Sections are matched by heading
 * text; what is left is matched by heading without its number (a renumbered clause), then by
 * clause number (a retitled clause). Text is compared word by word, so re-wrapping is no change.
 */
export function diffSections(before: BodySection[], after: BodySection[]): SectionChange[] {
  const match = new Map<number, number>(); // head index → base index
  const usedBase = new Set<number>();
  const pair = (key: (s: BodySection) => string | undefined) => {
    const free = new Map<string, number[]>();
    before.forEach((s, i) => {
      const k = key(s);
      if (k === undefined || usedBase.has(i)) return;
      const list = free.get(k);
      if (list) list.push(i);
      else free.set(k, [i]);
    });
    after.forEach((s, j) => {
      if (match.has(j)) return;
      const k = key(s);
      const i = k === undefined ? undefined : free.get(k)?.shift();
      if (i === undefined) return;
      match.set(j, i);
      usedBase.add(i);
    });
  };
  pair((s) => `${s.level}\u0000${s.heading}`);
  pair((s) => s.heading);
  pair((s) => (s.clause && s.title ? s.title : undefined));
  pair((s) => s.clause);

  const out: SectionChange[] = [];
  let nextBase = 0;
  const flushRemoved = (upTo: number) => {
    for (; nextBase < upTo; nextBase++) if (!usedBase.has(nextBase)) out.push(removedOrAdded(before[nextBase] as BodySection, 'removed'));
  };
  // Removed sections go where they stood: before the next head section that has a base partner.
  const nextMatched: number[] = new Array(after.length + 1).fill(before.length);
  for (let j = after.length - 1; j >= 0; j--) nextMatched[j] = match.get(j) ?? (nextMatched[j + 1] as number);
  after.forEach((s, j) => {
    flushRemoved(nextMatched[j] as number);
    const i = match.get(j);
    if (i === undefined) {
      out.push(removedOrAdded(s, 'added'));
      return;
    }
    nextBase = Math.max(nextBase, i + 1);
    const b = before[i] as BodySection;
    const textChanged = !sameWords(b.words, s.words);
    const headingChanged = b.heading !== s.heading;
    if (!textChanged && !headingChanged) return;
    const change: SectionChange = { heading: s.heading, change: headingChanged ? 'renamed' : 'changed', level: s.level, textChanged, line: s.line };
    if (headingChanged) change.previousHeading = b.heading;
    if (s.clause ?? b.clause) change.clause = (s.clause ?? b.clause) as string;
    if (textChanged) {
      const { hunks, count } = wordHunks(joinWords(b.words), joinWords(s.words));
      change.hunks = hunks;
      change.hunkCount = count;
    }
    out.push(change);
  });
  flushRemoved(before.length);
  return out;
}

function removedOrAdded(s: BodySection, change: 'added' | 'removed'): SectionChange {
  const c: SectionChange = { heading: s.heading, change, level: s.level, textChanged: s.words.length > 0, line: s.line };
  if (s.clause) c.clause = s.clause;
  if (s.words.length > 0) {
    const { hunks, count } = change === 'added' ? wordHunks('', joinWords(s.words)) : wordHunks(joinWords(s.words), '');
    c.hunks = hunks;
    c.hunkCount = count;
  }
  return c;
}

function sameWords(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}
