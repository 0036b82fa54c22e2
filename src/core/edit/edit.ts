/**
 * The write layer: one field edit on a YAML file or a Markdown file's front matter, as the
 * smallest text replacement. The result is checked by reading the new text back: every other
 * value of every document must be unchanged and the edited one must be the new value, else
 * nothing is written and the reason is returned.
 */
import { parseAllDocuments, type Document } from 'yaml';
import { parseMarkdown } from '../parse/markdown';
import { LineIndex } from '../parse/text';
import type { JsonValue, NodePath, TextEdit } from '../types';
import { EditRefusal } from './locate';
import { planOp, type EditOp, type Layout, type OffsetEdit } from './ops';

export type { EditOp, Layout, OffsetEdit } from './ops';

export type EditResult = { ok: true; edit: OffsetEdit; text: string } | { ok: false; message: string; offset?: number };

const OPTIONS = { uniqueKeys: true, prettyErrors: false, strict: true, keepSourceTokens: false, logLevel: 'silent' } as const;

/** Where the YAML sits in a file: the whole file, or the front matter between the fences. */
export function yamlRegion(format: 'yaml' | 'markdown', text: string): { start: number; end: number } | undefined {
  if (format === 'yaml') return { start: 0, end: text.length };
  const fm = parseMarkdown(text).frontMatter;
  if (!fm) return undefined;
  const start = text.indexOf('\n') + 1;
  // The fence's line break belongs to the fence: a value added at the end goes before it.
  const body = fm.text.endsWith('\r') ? fm.text.slice(0, -1) : fm.text;
  return { start, end: start + body.length };
}

/** The file's line break and indentation unit, so inserted lines look like their neighbours. */
export function layoutOf(text: string): Layout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let min = Infinity;
  for (const m of text.matchAll(/^( +)[^\s#]/gm)) min = Math.min(min, (m[1] as string).length);
  const width = Number.isFinite(min) && min <= 8 ? min : 2;
  return { eol, step: ' '.repeat(width) };
}

/**
 * The edit that applies `op` to document `doc` of a file's text. Paths are from the document
 * root (an entity's path followed by the field's path). Refuses, with a message for the user,
 * when the file has a syntax error or a repeated key, when the path goes through an alias, a
 * merge key or an anchor repeated elsewhere, and when the result would read back differently.
 */
export function editFileText(format: 'yaml' | 'markdown', text: string, doc: number, op: EditOp): EditResult {
  const region = yamlRegion(format, text);
  if (!region) return { ok: false, message: 'the file has no front matter to edit' };
  const yamlText = text.slice(region.start, region.end);
  const result = editYamlText(yamlText, doc, op, { ...layoutOf(yamlText), eol: layoutOf(text).eol });
  if (!result.ok) return result.offset === undefined ? result : { ...result, offset: result.offset + region.start };
  const edit = { ...result.edit, start: result.edit.start + region.start, end: result.edit.end + region.start };
  return { ok: true, edit, text: text.slice(0, edit.start) + edit.newText + text.slice(edit.end) };
}

/** The documents of a text to edit, or why it cannot be edited. */
function editableDocuments(text: string): Document[] | { ok: false; message: string; offset?: number } {
  let docs: Document[];
  try {
    docs = parseAllDocuments(text, OPTIONS) as Document[];
  } catch {
    return { ok: false, message: 'the file could not be read as YAML: edit it as text' };
  }
  if (!Array.isArray(docs)) return { ok: false, message: 'the file could not be read as YAML: edit it as text' };
  for (const d of docs) {
    const e = d.errors[0];
    if (e) {
      const line = new LineIndex(text).position(e.pos[0]).line;
      const what = e.code === 'DUPLICATE_KEY' ? 'a key is repeated' : 'the YAML has a syntax error';
      return { ok: false, message: `${what} at line ${line}: fix it in the text first, so the edit cannot land in the wrong place`, offset: e.pos[0] };
    }
  }
  return docs;
}

export function editYamlText(text: string, doc: number, op: EditOp, layout: Layout = layoutOf(text)): EditResult {
  const docs = editableDocuments(text);
  if (!Array.isArray(docs)) return docs;
  const target = docs[doc];
  if (!target) return { ok: false, message: `the file has no document ${doc + 1}` };
  let edit: OffsetEdit;
  try {
    edit = planOp(text, target, op, layout);
  } catch (err) {
    if (err instanceof EditRefusal) return { ok: false, message: err.message, ...(err.offset !== undefined ? { offset: err.offset } : {}) };
    if (err instanceof RangeError) return { ok: false, message: err.message };
    throw err;
  }
  const next = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  const problem = verify(docs, next, doc, [op]);
  if (problem) return { ok: false, message: `the edit was not made: ${problem}` };
  return { ok: true, edit, text: next };
}

/**
 * Several ops on document `doc` (a spreadsheet row's fields, a hundred rows of a list), made on
 * one reading of the text and checked once; where they meet (two fields of a mapping that does
 * not exist yet) they are made one after another, each checked. Fails with the first refusal.
 */
export function editYamlOps(
  text: string,
  doc: number,
  ops: EditOp[],
  layout: Layout = layoutOf(text),
): { ok: true; text: string } | { ok: false; message: string } {
  const docs = editableDocuments(text);
  if (!Array.isArray(docs)) return docs;
  const target = docs[doc];
  if (target && ops.length > 1) {
    try {
      const edits = ops.map((op, i) => ({ ...planOp(text, target, op, layout), i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
      if (edits.every((e, k) => k === 0 || e.start >= edits[k - 1]!.end)) {
        let next = '';
        let at = 0;
        for (const e of edits) {
          next += text.slice(at, e.start) + e.newText;
          at = e.end;
        }
        next += text.slice(at);
        if (!verify(docs, next, doc, ops)) return { ok: true, text: next };
      }
    } catch (err) {
      if (!(err instanceof EditRefusal || err instanceof RangeError)) throw err;
    }
  }
  let current = text;
  for (const op of ops) {
    const r = editYamlText(current, doc, op, layout);
    if (!r.ok) return r;
    current = r.text;
  }
  return { ok: true, text: current };
}

/** Why the new text does not read back as the old data with exactly `ops` applied in order, if it does not. */
function verify(before: Document[], text: string, doc: number, ops: EditOp[]): string | undefined {
  const after = parseAllDocuments(text, OPTIONS) as Document[];
  if (!Array.isArray(after) || after.length !== before.length) return 'the result would change the documents of the file';
  if (after.some((d) => d.errors.length > 0)) return 'the result would not be valid YAML';
  for (let i = 0; i < before.length; i++) {
    const old = (before[i] as Document).toJS({ maxAliasCount: 100 }) as JsonValue;
    const expected = i === doc ? ops.reduce(applyToValue, old) : old;
    const got = (after[i] as Document).toJS({ maxAliasCount: 100 }) as JsonValue;
    if (JSON.stringify(got) !== JSON.stringify(expected)) return i === doc ? 'the value would read back differently' : 'another document would change';
  }
  return undefined;
}

/** `op` applied to plain data (a copy): what the file must read back as. */
export function applyToValue(root: JsonValue, op: EditOp): JsonValue {
  const copy = structuredClone(root);
  const path = op.path;
  if (path.length === 0) {
    // The document itself: replaced, or a top-level list appended to.
    if (op.op === 'append') return Array.isArray(copy) ? [...copy, op.value] : [op.value];
    return op.op === 'set' ? op.value : copy;
  }
  let holder: JsonValue = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i] as string | number;
    const next: unknown = (holder as Record<string | number, JsonValue> | null)?.[seg];
    if (next === undefined || next === null) {
      const fresh: JsonValue = typeof path[i + 1] === 'number' ? [] : {};
      (holder as Record<string | number, JsonValue>)[seg] = fresh;
      holder = fresh;
    } else holder = next as JsonValue;
  }
  const last = path[path.length - 1] as string | number;
  const h = holder as Record<string | number, JsonValue> & JsonValue[];
  if (op.op === 'set') h[last] = op.value;
  else if (op.op === 'delete') {
    if (Array.isArray(holder) && typeof last === 'number') holder.splice(last, 1);
    else delete h[last];
  } else {
    const list = h[last];
    if (Array.isArray(list)) list.push(op.value);
    else h[last] = [op.value];
  }
  return copy;
}

/** Offset edits as the core's 1-based text edits of `file`. */
export function toTextEdit(file: string, text: string, edit: OffsetEdit): TextEdit {
  return { file, range: new LineIndex(text).range(edit.start, edit.end), newText: edit.newText };
}

/** An entity's path joined with a field path below it. */
export function fieldPath(entityPath: NodePath, field: NodePath): NodePath {
  return [...entityPath, ...field];
}
