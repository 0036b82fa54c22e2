import { fieldEntries, type FieldEntry } from './fields';
import { phraseForm } from './phrase';
import type { SearchDoc } from './types';

export type Section = 'title' | 'fields' | 'body';

// Separates title, field values and body in the phrase text so no phrase spans two of them.
const SEPARATOR = '\u0000';

/** A document as the index keeps it, with derived text computed on first use. */
export class IndexedDoc {
  #phraseText: string | undefined;
  #titleEnd = 0;
  #fieldsEnd = 0;
  #fieldEntries: FieldEntry[] | undefined;

  constructor(readonly doc: SearchDoc) {}

  /** Leaves of the fields as `path: value`, for snippets. */
  get fieldEntries(): FieldEntry[] {
    this.#fieldEntries ??= fieldEntries(this.doc.fields);
    return this.#fieldEntries;
  }

  /** Where a phrase (in phrase form) first occurs, if anywhere. */
  phraseSection(phrase: string): Section | undefined {
    const text = this.#phrases();
    const at = text.indexOf(phrase);
    if (at < 0) return undefined;
    return at < this.#titleEnd ? 'title' : at < this.#fieldsEnd ? 'fields' : 'body';
  }

  #phrases(): string {
    if (this.#phraseText === undefined) {
      const title = `${phraseForm(this.doc.title)}${SEPARATOR}${phraseForm(this.doc.id)}`;
      const fields = this.fieldEntries.map((e) => phraseForm(e.value)).join(SEPARATOR);
      this.#titleEnd = title.length;
      this.#fieldsEnd = title.length + 1 + fields.length;
      this.#phraseText = `${title}${SEPARATOR}${fields}${SEPARATOR}${phraseForm(this.doc.text)}`;
    }
    return this.#phraseText;
  }
}
