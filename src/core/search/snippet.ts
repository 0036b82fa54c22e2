// Snippets are plain single-line text around the first match: the match is never cut,
// context is trimmed at word boundaries and marked with an ellipsis where text was left out.

/** Target length of a snippet, match included. */
export const SNIPPET_LENGTH = 120;
const ELLIPSIS = '…';
const BLOCK_MARKER = /(\n)[ \t]*(?:#{1,6}|>|[-*+]|\d{1,3}[.)])[ \t]+/g;
const BLOCK_MARKER_AT_START = /(^|\n)[ \t]*(?:#{1,6}|>|[-*+]|\d{1,3}[.)])[ \t]+/g;
const EMPHASIS = /\*\*|__|`/g;

/** A snippet of `text` around the characters `start`..`end`. */
export function snippetAround(text: string, start: number, end: number): string {
  const match = oneLine(text.slice(start, end));
  const room = Math.max(0, SNIPPET_LENGTH - match.length);
  const reach = SNIPPET_LENGTH * 2;
  const from = Math.max(0, start - reach);
  let before = oneLine(plain(text.slice(from, start), from === 0 || text[from - 1] === '\n')).trimStart();
  let after = oneLine(plain(text.slice(end, end + reach), end === 0 || text[end - 1] === '\n')).trimEnd();
  // A third of the room goes before the match; room one side cannot use goes to the other.
  const afterRoom = Math.min(after.length, room - Math.min(before.length, Math.floor(room / 3)));
  const beforeRoom = Math.min(before.length, room - afterRoom);
  const cutBefore = start > reach || beforeRoom < before.length;
  const cutAfter = end + reach < text.length || afterRoom < after.length;
  if (beforeRoom < before.length) before = trimStartToWord(before.slice(before.length - beforeRoom));
  if (afterRoom < after.length) after = trimEndToWord(after.slice(0, afterRoom));
  return `${cutBefore ? ELLIPSIS : ''}${`${before}${match}${after}`.trim()}${cutAfter ? ELLIPSIS : ''}`;
}

/** The first `SNIPPET_LENGTH` characters of `text`, on one line. */
export function snippetStart(text: string): string {
  return snippetAround(text, 0, 0);
}

/** 1-based file line of `offset` in a text that starts on `firstLine`. */
export function lineAt(text: string, offset: number, firstLine: number): number {
  let line = firstLine;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Context without Markdown block markers and emphasis, so a snippet reads as text. Only the
 * context is cleaned: the match itself stays exactly as written.
 */
function plain(text: string, startsLine: boolean): string {
  return text.replace(startsLine ? BLOCK_MARKER_AT_START : BLOCK_MARKER, '$1').replace(EMPHASIS, '');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function trimStartToWord(text: string): string {
  const space = text.indexOf(' ');
  // Only drop a partial word when that leaves most of the context.
  return space >= 0 && space < 15 ? text.slice(space + 1) : text;
}

function trimEndToWord(text: string): string {
  const space = text.lastIndexOf(' ');
  return space >= 0 && text.length - space < 15 ? text.slice(0, space) : text;
}
