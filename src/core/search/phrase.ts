// Phrases match case-insensitively with any run of whitespace equal to one space, as a
// plain substring: "clause 3.2" finds "Clause\n  3.2" but not "clause 3-2".

const WHITESPACE = /\s+/g;

/** The form phrases are compared in; `phrase` itself must already be in this form. */
export function phraseForm(text: string): string {
  // NUL separates title, fields and body in IndexedDoc's phrase text, so text may not contain it.
  return text.replace(WHITESPACE, ' ').replaceAll('\u0000', ' ').toLowerCase();
}

/** Offsets in the original `text` of the first occurrence of a phrase in phrase form. */
export function findPhrase(text: string, phrase: string): { start: number; end: number } | undefined {
  if (phrase === '' || !phraseForm(text).includes(phrase)) return undefined;
  // Map every character of the normalised text back to its original offset.
  let normalised = '';
  const origin: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length;) {
    const code = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(code);
    if (/\s/.test(ch) || ch === '\u0000') {
      if (!inSpace) {
        normalised += ' ';
        origin.push(i);
      }
      inSpace = true;
    } else {
      const lower = ch.toLowerCase();
      normalised += lower;
      for (let k = 0; k < lower.length; k++) origin.push(i);
      inSpace = false;
    }
    i += ch.length;
  }
  origin.push(text.length);
  const at = normalised.indexOf(phrase);
  if (at < 0) return undefined; // lowercasing differed with context (final sigma): no position
  const last = origin[at + phrase.length - 1] ?? text.length;
  const lastChar = String.fromCodePoint(text.codePointAt(last) ?? 0);
  // A trailing space in the phrase stands for a whole whitespace run.
  let end = last + lastChar.length;
  if (phrase.endsWith(' ')) while (end < text.length && /\s/.test(text[end] ?? '')) end++;
  return { start: origin[at] ?? 0, end };
}
