// Snippets are plain single-line text around the first match: the match is never cut,
// context is trimmed at word boundaries and marked with an ellipsis where text was left out.

/** Target length of a snippet, match included. */
export const SNIPPET_LENGTH = 120;
const ELLIPSIS = '…';

/** A snippet of `text` around the characters `start`..`end`. */
export function snippetAround(text: string, start: number, end: number): string {
  const match = oneLine(text.slice(start, end));
  const room = Math.max(0, SNIPPET_LENGTH - match.length);
  const reach = SNIPPET_LENGTH * 2;
  let before = oneLine(text.slice(Math.max(0, start - reach), start)).trimStart();
  let after = oneLine(text.slice(end, end + reach)).trimEnd();
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
