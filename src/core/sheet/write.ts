import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { inline, pairLines, pairsLines, scalarText } from './render';
import { parseYaml } from '../parse/yaml';
import { listItemStarts } from '../parse/listItems';
import type { JsonObject, JsonValue, NodePath } from '../types';

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
 * Applies record edits to a YAML file's text by splicing only the changed nodes: comments, key
 * order, quoting and blank lines of everything else stay byte for byte. The result is parsed
 * back and compared with what was asked; where the splice cannot express an edit (flow
 * mappings, an empty list) the `yaml` document model writes the file instead, which keeps
 * comments but may re-indent. Throws when an edit names a path that is not a mapping.
 */
export function editYamlText(text: string, edits: RecordEdit[], appends: RecordAppend[]): string {
  const windowed = editListWindows(text, edits, appends);
  if (windowed !== undefined && matches(windowed, edits, appends)) return windowed;
  const docs = parseAllDocuments(text) as Document[];
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) throw new Error('the file does not parse as YAML');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  try {
    const splices: Splice[] = [];
    for (const e of edits) splices.push(...recordSplices(text, nodeAt(docs, e.doc, e.path), e, eol));
    for (const a of appends) splices.push(appendSplice(text, nodeAt(docs, a.doc, a.container), a, eol));
    splices.forEach((s, i) => (s.seq = i));
    const out = applySplices(text, splices);
    if (matches(out, edits, appends)) return out;
  } catch (err) {
    if (!(err instanceof Unsupported)) throw err;
  }
  return viaDocumentModel(text, edits, appends);
}

class Unsupported extends Error {}

/**
 * The edits of records in one block list, each made on its own item's text: a 10,000-entry
 * price list is not built as one document for a hundred changed prices. Undefined when the
 * file or the edits are of another shape (the caller builds the whole document).
 */
function editListWindows(text: string, edits: RecordEdit[], appends: RecordAppend[]): string | undefined {
  const container = edits[0]?.path.slice(0, -1) ?? appends[0]?.container;
  if (!container) return undefined;
  const key = JSON.stringify(container);
  if (edits.some((e) => e.doc !== 0 || typeof e.path[e.path.length - 1] !== 'number' || JSON.stringify(e.path.slice(0, -1)) !== key)) return undefined;
  if (appends.some((a) => a.doc !== 0 || a.key !== undefined || JSON.stringify(a.container) !== key)) return undefined;
  const { docs, problems } = parseYaml(text);
  let list: unknown = docs[0];
  for (const seg of container) list = list && typeof list === 'object' ? (list as Record<string, unknown>)[seg] : undefined;
  if (docs.length !== 1 || problems.length > 0 || !Array.isArray(list) || list.length === 0) return undefined;
  const items = listItemStarts(text, container, list.length);
  if (!items) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const item = (i: number): { base: number; snippet: string; seq: YamlNode } | undefined => {
    const base = items.starts[i]!;
    const snippet = text.slice(base, items.starts[i + 1] ?? items.end);
    const [doc, ...more] = parseAllDocuments(snippet) as Document[];
    if (!doc || more.length > 0 || doc.errors.length > 0 || !isSeq(doc.contents) || doc.contents.items.length !== 1) return undefined;
    return { base, snippet, seq: doc.contents };
  };
  const shift = (sp: Splice, base: number): Splice => ({ ...sp, start: sp.start + base, end: sp.end + base });
  try {
    const splices: Splice[] = [];
    for (const e of edits) {
      const w = item(e.path[e.path.length - 1] as number);
      if (!w) return undefined;
      const record = (w.seq as YAMLSeq).items[0] as YamlNode;
      for (const sp of recordSplices(w.snippet, record, e, eol)) splices.push(shift(sp, w.base));
    }
    if (appends.length > 0) {
      const w = item(list.length - 1);
      if (!w) return undefined;
      for (const a of appends) splices.push(shift(appendSplice(w.snippet, w.seq, a, eol), w.base));
    }
    splices.forEach((sp, i) => (sp.seq = i));
    return applySplices(text, splices);
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}

interface Splice {
  start: number;
  end: number;
  text: string;
  seq: number;
}

function nodeAt(docs: Document[], doc: number, path: NodePath): YamlNode {
  const d = docs[doc];
  if (!d) throw new Error(`document ${doc + 1} is missing`);
  const node = path.length === 0 ? d.contents : d.getIn(path, true);
  if (!node || typeof node !== 'object') throw new Error(`nothing at ${path.join('.')}`);
  return node as YamlNode;
}

function recordSplices(text: string, record: YamlNode, e: RecordEdit, eol: string): Splice[] {
  if (!isMap(record)) throw new Error('the record is not a mapping');
  const out: Splice[] = [];
  for (const s of e.set) out.push(setSplice(text, record, s.path, s.value, eol));
  for (const r of wholeMaps(record, e)) {
    const sp = removeSplice(text, record, r);
    if (sp) out.push(sp);
  }
  return out;
}

/** The removals, with every nested mapping whose keys all go removed as a whole (`channel_prices`, not each price). */
function wholeMaps(record: YAMLMap, e: RecordEdit): string[][] {
  const byParent = new Map<string, string[][]>();
  for (const r of e.remove) {
    const k = JSON.stringify(r.slice(0, -1));
    byParent.set(k, [...(byParent.get(k) ?? []), r]);
  }
  const out: string[][] = [];
  for (const [k, removes] of byParent) {
    const parent = JSON.parse(k) as string[];
    const node = parent.length > 0 ? record.getIn(parent, true) : undefined;
    const all = isMap(node) && node.items.every((p) => removes.some((r) => r[r.length - 1] === keyText(p as Pair)));
    const setInside = e.set.some((s) => JSON.stringify(s.path.slice(0, parent.length)) === k);
    out.push(...(all && !setInside ? [parent] : removes));
  }
  return out;
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key) as Pair | undefined;
}

function setSplice(text: string, map: YAMLMap, path: string[], value: JsonValue, eol: string): Splice {
  const [head, ...rest] = path as [string, ...string[]];
  const pair = findPair(map, head);
  const node = pair?.value as YamlNode | null | undefined;
  if (pair && rest.length > 0 && isMap(node)) return setSplice(text, node, rest, value, eol);
  if (pair && rest.length > 0 && node && !(isScalar(node) && node.value === null)) throw new Error(`${head} is not a mapping`);
  const full = rest.reduceRight<JsonValue>((v, k) => ({ [k]: v }), value);
  if (pair && node && node.range) return replaceValue(text, map, pair, node, full, eol);
  if (pair) throw new Unsupported();
  return insertPair(text, map, head, full, eol);
}

function replaceValue(text: string, map: YAMLMap, pair: Pair, node: YamlNode, value: JsonValue, eol: string): Splice {
  const [start, end] = node.range as [number, number, number];
  const old = text.slice(start, end);
  const keepEol = /\r?\n$/.exec(old)?.[0] ?? '';
  if (isScalar(node) && start === end) return { start, end, text: ` ${inline(value, map.flow === true)}`, seq: 0 };
  if (isSeq(node) && !node.flow && Array.isArray(value) && value.length > 0) {
    const indent = ' '.repeat(column(text, start));
    return { start, end, text: value.map((v) => `- ${scalarText(v, undefined, false)}`).join(eol + indent) + keepEol, seq: 0 };
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if (map.flow) throw new Unsupported();
    // A scalar becomes a mapping: the pair is written anew.
    const keyStart = (pair.key as YamlNode).range![0];
    const indent = column(text, keyStart);
    const lines = pairLines(keyText(pair), value, indent, eol);
    return { start: keyStart, end, text: lines.slice(indent).replace(/\r?\n$/, '') + keepEol, seq: 0 };
  }
  const flow = map.flow === true;
  return { start, end, text: inline(value, flow, isScalar(node) ? node : undefined) + keepEol, seq: 0 };
}

function keyText(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function insertPair(text: string, map: YAMLMap, key: string, value: JsonValue, eol: string): Splice {
  if (map.flow) return flowInsert(text, map, key, value);
  if (map.items.length === 0) throw new Unsupported();
  const first = map.items[0]!.key as YamlNode;
  const indent = column(text, first.range![0]);
  const at = afterLastLine(text, map);
  const lines = pairLines(key, value, indent, eol);
  return { start: at.pos, end: at.pos, text: (at.needsEol ? eol : '') + lines, seq: 0 };
}

function removeSplice(text: string, map: YAMLMap, path: string[]): Splice | undefined {
  const [head, ...rest] = path as [string, ...string[]];
  const i = map.items.findIndex((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === head);
  if (i < 0) return undefined;
  const pair = map.items[i] as Pair;
  if (rest.length > 0) {
    if (!isMap(pair.value)) return undefined;
    const inner = pair.value;
    // Removing the last field of a nested mapping removes the mapping.
    if (!(inner.items.length === 1 && keyText(inner.items[0] as Pair) === rest[0] && rest.length === 1)) return removeSplice(text, inner, rest);
  }
  if (map.flow) return flowRemove(map, i);
  const keyStart = (pair.key as YamlNode).range![0];
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  if (/^[ \t]*$/.test(text.slice(lineStart, keyStart))) {
    // Whole lines: from the key's line to the end of the value's last line.
    const end = lineEndOf(text, endOf(pair));
    const after = text.startsWith('\r\n', end) ? end + 2 : text[end] === '\n' ? end + 1 : end;
    return { start: lineStart, end: after, text: '', seq: 0 };
  }
  // The first field after a list dash: the next field moves up behind the dash.
  const next = map.items[i + 1] as Pair | undefined;
  if (!next) throw new Unsupported();
  return { start: keyStart, end: (next.key as YamlNode).range![0], text: '', seq: 0 };
}

/** `{ a: 1 }` → `{ a: 1, b: 2 }`: the pair goes after the last value, before the spaces and the brace. */
function flowInsert(text: string, map: YAMLMap, key: string, value: JsonValue): Splice {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) throw new Unsupported();
  const close = text.lastIndexOf('}', map.range![1] - 1);
  if (close < map.range![0]) throw new Unsupported();
  const last = map.items[map.items.length - 1] as Pair | undefined;
  const pair = `${scalarText(key, undefined, true)}: ${inline(value, true)}`;
  if (!last) return { start: close, end: close, text: pair, seq: 0 };
  const at = endOf(last);
  return { start: at, end: at, text: `, ${pair}`, seq: 0 };
}

/** A pair out of a flow mapping with its comma; the only pair leaves `{}`. */
function flowRemove(map: YAMLMap, i: number): Splice {
  const pair = map.items[i] as Pair;
  const next = map.items[i + 1] as Pair | undefined;
  const prev = map.items[i - 1] as Pair | undefined;
  if (next) return { start: (pair.key as YamlNode).range![0], end: (next.key as YamlNode).range![0], text: '', seq: 0 };
  if (prev) return { start: endOf(prev), end: endOf(pair), text: '', seq: 0 };
  throw new Unsupported();
}

function appendSplice(text: string, container: YamlNode, a: RecordAppend, eol: string): Splice {
  if (a.key !== undefined) {
    if (!isMap(container)) throw new Error('the file is not a mapping');
    return insertPair(text, container, a.key, a.record, eol);
  }
  if (!isSeq(container) || container.flow || container.items.length === 0) throw new Unsupported();
  const firstItem = container.items[0] as YamlNode;
  const dash = text.lastIndexOf('-', firstItem.range![0]);
  const indent = column(text, dash);
  const last = container.items[container.items.length - 1] as YamlNode;
  const at = afterLastLine(text, last);
  const body = pairsLines(a.record, indent + 2, eol);
  return { start: at.pos, end: at.pos, text: (at.needsEol ? eol : '') + ' '.repeat(indent) + '- ' + body.slice(indent + 2), seq: 0 };
}

/** The offset after the line where a node's last value ends. */
function afterLastLine(text: string, node: YamlNode): { pos: number; needsEol: boolean } {
  const end = isMap(node) && node.items.length > 0 ? endOf(node.items[node.items.length - 1] as Pair) : node.range![1];
  if (end > 0 && text[end - 1] === '\n') return { pos: end, needsEol: false };
  const nl = text.indexOf('\n', end);
  return nl < 0 ? { pos: text.length, needsEol: true } : { pos: nl + 1, needsEol: false };
}

function endOf(pair: Pair): number {
  const v = pair.value as YamlNode | null;
  if (v && v.range) {
    if (isMap(v) && v.items.length > 0) return Math.max(v.range[1], endOf(v.items[v.items.length - 1] as Pair));
    return v.range[1];
  }
  return (pair.key as YamlNode).range![1];
}

/** The offset of the line break that ends the line holding `pos - 1` (or `pos` itself when a line ended there). */
function lineEndOf(text: string, pos: number): number {
  if (pos > 0 && text[pos - 1] === '\n') return pos - (text[pos - 2] === '\r' ? 2 : 1);
  const nl = text.indexOf('\n', pos);
  if (nl < 0) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}

function column(text: string, pos: number): number {
  return pos - (text.lastIndexOf('\n', pos - 1) + 1);
}

function applySplices(text: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.seq - b.seq);
  const parts: string[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Unsupported();
    parts.push(text.slice(at, s.start), s.text);
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Whether the spliced text reads back as the edits asked (and still parses), read with the engine's fast parser. */
function matches(out: string, edits: RecordEdit[], appends: RecordAppend[]): boolean {
  const { docs, problems } = parseYaml(out);
  if (problems.length > 0) return false;
  const js = (doc: number, path: readonly (string | number)[]): unknown => {
    let v: unknown = docs[doc];
    for (const seg of path) {
      if (v === null || typeof v !== 'object') return undefined;
      v = (v as Record<string | number, unknown>)[seg];
    }
    return v;
  };
  for (const e of edits) {
    for (const s of e.set) if (!same(js(e.doc, [...e.path, ...s.path]), s.value)) return false;
    for (const r of e.remove) if (js(e.doc, [...e.path, ...r]) !== undefined) return false;
  }
  for (const a of appends) {
    const c = js(a.doc, a.container);
    const got = a.key !== undefined ? (c as Record<string, unknown> | undefined)?.[a.key] : Array.isArray(c) ? c[c.length - 1] : undefined;
    if (!same(got, a.record)) return false;
  }
  return true;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The `yaml` document model writes the edits (keeps comments; may change indentation and spacing). */
function viaDocumentModel(text: string, edits: RecordEdit[], appends: RecordAppend[]): string {
  const docs = parseAllDocuments(text) as Document[];
  for (const e of edits) {
    const d = docs[e.doc]!;
    for (const s of e.set) d.setIn([...e.path, ...s.path], d.createNode(s.value));
    for (const r of e.remove) d.deleteIn([...e.path, ...r]);
  }
  for (const a of appends) {
    const d = docs[a.doc]!;
    if (a.key !== undefined) d.setIn([...a.container, a.key], d.createNode(a.record));
    else d.addIn(a.container, d.createNode(a.record));
  }
  return docs.map((d) => d.toString({ lineWidth: 0 })).join('');
}
