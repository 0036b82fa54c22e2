/**
 * What an id may be (SPEC 3.1: ids are the company's own): text in any script that starts with
 * a letter or digit and holds no whitespace, and none of the characters that would make it
 * something else in YAML (`,` `[` `]` `{` `}` `#` `:`), so a template can write it unquoted.
 */
const ID = /^[\p{L}\p{N}][^\s,[\]{}#:]*$/u;

/** Whether `id` can be an entity's id (new documents, renames, proposals). */
export function isValidId(id: string): boolean {
  return ID.test(id);
}
