/**
 * Many records of one YAML file edited at once (a spreadsheet imported into a price list):
 * fields set and removed, records appended to a list or a map. Each change is one of the
 * write layer's ops, so the bytes are those the form and the table write; in a long block list
 * the ops of each record are made on that record's text alone, so a hundred changed prices in
 * a 5,000-record file do not build the whole file's document.
 */
import { listItemStarts } from '../parse/listItems';
import { parseYaml } from '../parse/yaml';
import { isObject, valueAt } from '../util/json';
import type { JsonObject, JsonValue, NodePath } from '../types';
import { editYamlOps, layoutOf } from './edit';
import type { EditOp, Layout } from './ops';

/** A change to one record: fields set (nested paths create the maps they need) or removed. */
export interface RecordEdit {
  doc: number;
  /** Path of the record's mapping in its document. */
  path: NodePath;
  set: { path: string[]; value: JsonValue }[];
  remove: string[][];
}

/** A new record at the end of a list (`key` absent) or of a map (`key`: the new entry's key). */
export interface RecordAppend {
  doc: number;
  /** Path of the list or map in its document. */
  container: NodePath;
  key?: string;
  record: JsonObject;
}

/**
 * The text with the edits and appends made. `docs`: the file's documents as already read (else
 * the text is read). Throws an Error saying why when the write layer refuses an edit (a syntax
 * error, a field under a value that is not a mapping, an alias).
 */
export function editRecords(text: string, edits: RecordEdit[], appends: RecordAppend[], docs?: readonly JsonValue[]): string {
  const data = docs ?? parseYaml(text).docs;
  const layout = layoutOf(text);
  const windowed = editListItems(text, data, edits, appends, layout);
  if (windowed !== undefined) return windowed;
  const byDoc = new Map<number, EditOp[]>();
  const add = (doc: number, op: EditOp) => (byDoc.get(doc) ?? byDoc.set(doc, []).get(doc)!).push(op);
  for (const e of edits) for (const op of recordOps(e, valueAt(data[e.doc], e.path))) add(e.doc, { ...op, path: [...e.path, ...op.path] });
  for (const a of appends) add(a.doc, appendOp(a));
  let out = text;
  for (const [doc, ops] of [...byDoc].sort((a, b) => a[0] - b[0])) {
    const r = editYamlOps(out, doc, ops, layout);
    if (!r.ok) throw new Error(r.message);
    out = r.text;
  }
  return out;
}

/** A record's changes as ops on paths below the record. */
function recordOps(e: RecordEdit, record: JsonValue | undefined): EditOp[] {
  const ops: EditOp[] = e.set.map((s) => ({ op: 'set', path: s.path, value: s.value }));
  for (const path of wholeMaps(e, record)) ops.push({ op: 'delete', path });
  return ops;
}

function appendOp(a: RecordAppend): EditOp {
  return a.key !== undefined ? { op: 'set', path: [...a.container, a.key], value: a.record } : { op: 'append', path: a.container, value: a.record };
}

/**
 * The fields to remove that are in the record, with a nested mapping whose keys all go removed
 * as a whole (`channel_prices`, not an empty `{}` left behind).
 */
function wholeMaps(e: RecordEdit, record: JsonValue | undefined): string[][] {
  const byParent = new Map<string, string[][]>();
  for (const r of e.remove) {
    if (valueAt(record, r) === undefined) continue;
    const k = JSON.stringify(r.slice(0, -1));
    byParent.set(k, [...(byParent.get(k) ?? []), r]);
  }
  const out: string[][] = [];
  for (const [k, removes] of byParent) {
    const parent = JSON.parse(k) as string[];
    const node = parent.length > 0 ? valueAt(record, parent) : undefined;
    const all = isObject(node) && Object.keys(node).every((key) => removes.some((r) => r[r.length - 1] === key));
    const setInside = e.set.some((s) => JSON.stringify(s.path.slice(0, parent.length)) === k);
    out.push(...(all && !setInside ? [parent] : removes));
  }
  return out;
}

const ALIAS = /(?:^|[\s[{,:-])\*[^\s,[\]{}]/m;

/**
 * The edits of records in one block list of a one-document file, each made on its own item's
 * text (appends on the last item's). Undefined when the file or the edits are of another shape,
 * or an item's edit is refused: the caller edits the whole document (and reports a refusal).
 */
function editListItems(text: string, docs: readonly JsonValue[], edits: RecordEdit[], appends: RecordAppend[], layout: Layout): string | undefined {
  const container = edits[0]?.path.slice(0, -1) ?? appends[0]?.container;
  // An alias anywhere may repeat a value of the edited item: the write layer must see the whole document.
  if (!container || docs.length !== 1 || ALIAS.test(text)) return undefined;
  const key = JSON.stringify(container);
  if (edits.some((e) => e.doc !== 0 || typeof e.path[e.path.length - 1] !== 'number' || JSON.stringify(e.path.slice(0, -1)) !== key)) return undefined;
  if (appends.some((a) => a.doc !== 0 || a.key !== undefined || JSON.stringify(a.container) !== key)) return undefined;
  const list = valueAt(docs[0], container);
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const items = listItemStarts(text, container, list.length);
  if (!items) return undefined;
  const byItem = new Map<number, EditOp[]>();
  const add = (i: number, op: EditOp) => (byItem.get(i) ?? byItem.set(i, []).get(i)!).push(op);
  for (const e of edits) {
    const i = e.path[e.path.length - 1] as number;
    for (const op of recordOps(e, list[i])) add(i, { ...op, path: [0, ...op.path] });
  }
  for (const a of appends) add(list.length - 1, { op: 'append', path: [], value: a.record });
  const parts: string[] = [];
  let at = 0;
  for (const [i, ops] of [...byItem].sort((a, b) => a[0] - b[0])) {
    const start = items.starts[i]!;
    const end = items.starts[i + 1] ?? items.end;
    const item = text.slice(start, end);
    const r = editYamlOps(item, 0, ops, layout);
    // The next item must still start on a line of its own.
    if (!r.ok || (item.endsWith('\n') && !r.text.endsWith('\n'))) return undefined;
    parts.push(text.slice(at, start), r.text);
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
