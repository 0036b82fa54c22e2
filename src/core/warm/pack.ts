import type { ParsedFile } from '../parse/file';

/** Where a string of a parsed file lies in its text, so the cache stores the text once. */
type TextRef = { from: number; to: number };
type Packed<T> = T & { yamlRef?: TextRef; bodyRef?: TextRef };

/**
 * A file's state for the cache (or a parse worker's message) with the YAML text and the
 * Markdown body, which are pieces of the file's text (the whole of it for a YAML file),
 * replaced by their offsets: serialized strings are not shared, so each would otherwise be
 * stored again. The live objects are not touched; `unpackFileState` restores equal ones.
 */
export function packFileState<T extends object>(state: T): Packed<T> {
  const { parsed } = state as T & { parsed: ParsedFile };
  const yamlRef = refIn(parsed.text, parsed.yamlText);
  const bodyRef = parsed.body ? refIn(parsed.text, parsed.body.text) : undefined;
  if (!yamlRef && !bodyRef) return state;
  const packed: ParsedFile = { ...parsed };
  if (yamlRef) packed.yamlText = '';
  if (bodyRef && parsed.body) packed.body = { ...parsed.body, text: '' };
  const out: Packed<T> = { ...state, parsed: packed };
  if (yamlRef) out.yamlRef = yamlRef;
  if (bodyRef) out.bodyRef = bodyRef;
  return out;
}

/** Undoes `packFileState` (in place: the object was just deserialized). */
export function unpackFileState<T extends object>(state: Packed<T>): T {
  const { parsed, yamlRef, bodyRef } = state as Packed<T> & { parsed: ParsedFile };
  if (yamlRef) parsed.yamlText = parsed.text.slice(yamlRef.from, yamlRef.to);
  if (bodyRef && parsed.body) parsed.body.text = parsed.text.slice(bodyRef.from, bodyRef.to);
  delete state.yamlRef;
  delete state.bodyRef;
  return state;
}

/** Where `part` lies in `text`, when it is the whole, the start or the end of it (as parsing cuts it). */
function refIn(text: string, part: string): TextRef | undefined {
  if (part.length < 64) return undefined; // not worth it
  if (part === text) return { from: 0, to: text.length };
  if (text.startsWith(part)) return { from: 0, to: part.length };
  if (text.endsWith(part)) return { from: text.length - part.length, to: text.length };
  const at = text.indexOf(part);
  return at >= 0 ? { from: at, to: at + part.length } : undefined;
}
