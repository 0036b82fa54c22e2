import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import type { NodePath } from '../../core';

/** What sits at an offset of a YAML text: a key or a value, and its path from the document root. */
export interface NodeAt {
  doc: number;
  path: NodePath;
  part: 'key' | 'value';
  /** Source offsets of the node (quotes included for quoted scalars). */
  start: number;
  end: number;
  /** The scalar's value; `undefined` for collections. */
  value: unknown;
  scalar: boolean;
}

interface YamlNodeLike {
  range?: [number, number, number] | null;
}

function parse(text: string): Document[] {
  try {
    return parseAllDocuments(text, { keepSourceTokens: false, uniqueKeys: false }) as Document[];
  } catch {
    // Absurd nesting can exhaust the parser's stack: nothing to locate then.
    return [];
  }
}

const within = (n: unknown, offset: number): boolean => {
  const r = (n as YamlNodeLike | null | undefined)?.range;
  return !!r && r[0] <= offset && offset <= r[1];
};

const keyText = (k: unknown): string => (isScalar(k) ? String(k.value) : String(k));

/**
 * Answers position questions about one YAML text, parsing it once (a file with hundreds of
 * entities asks once per entity).
 */
export class YamlLocator {
  private docs: Document[] | undefined;

  constructor(readonly text: string) {}

  private get documents(): Document[] {
    this.docs ??= parse(this.text);
    return this.docs;
  }

  /** The innermost key or value node at `offset` (an end-of-word cursor counts as inside). */
  nodeAt(offset: number): NodeAt | undefined {
    const docs = this.documents;
    for (let d = 0; d < docs.length; d++) {
      const doc = docs[d] as Document;
      const range = doc.range;
      if (!range || offset < range[0] || offset > range[2]) continue;
      const hit = descend(doc.contents, offset, [], d);
      if (hit) return hit;
    }
    return undefined;
  }

  /** The node at `path` in document `doc`. */
  node(doc: number, path: NodePath): unknown {
    const document = this.documents[doc];
    if (!document) return undefined;
    let node: unknown = document.contents;
    for (const seg of path) {
      if (isMap(node)) node = node.items.find((p) => keyText(p.key) === String(seg))?.value;
      else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
      else return undefined;
    }
    return node;
  }

  /** Source span of the node at `path` in document `doc` (a whole mapping for an entity). */
  nodeSpan(doc: number, path: NodePath): { start: number; end: number } | undefined {
    const r = (this.node(doc, path) as YamlNodeLike | undefined)?.range;
    return r ? { start: r[0], end: r[1] } : undefined;
  }

  /** A block mapping's layout, for inserting a field: where its last line ends and its key indentation. */
  mappingInsertPoint(doc: number, path: NodePath): { offset: number; indent: string; keys: string[] } | undefined {
    const node = this.node(doc, path);
    if (!isMap(node) || node.flow || node.items.length === 0) return undefined;
    const text = this.text;
    const first = node.items[0]?.key as YamlNodeLike | undefined;
    const last = node.items[node.items.length - 1];
    const lastEnd = (last?.value as YamlNodeLike | undefined)?.range?.[1] ?? (last?.key as YamlNodeLike | undefined)?.range?.[1];
    if (!first?.range || lastEnd === undefined) return undefined;
    const lineStart = text.lastIndexOf('\n', first.range[0] - 1) + 1;
    const indent = ' '.repeat(first.range[0] - lineStart);
    const eol = text.indexOf('\n', Math.max(lastEnd - 1, 0));
    const offset = eol === -1 ? text.length : eol + 1;
    return { offset, indent, keys: node.items.map((p) => keyText(p.key)) };
  }

  /** Keys of the mapping at `path`. */
  keysAt(doc: number, path: NodePath): string[] {
    const node = this.node(doc, path);
    return isMap(node) ? node.items.map((p) => keyText(p.key)) : [];
  }
}

/** The innermost key or value node at `offset` of `text`. */
export function nodeAt(text: string, offset: number): NodeAt | undefined {
  return new YamlLocator(text).nodeAt(offset);
}

export function nodeSpan(text: string, doc: number, path: NodePath): { start: number; end: number } | undefined {
  return new YamlLocator(text).nodeSpan(doc, path);
}

export function mappingInsertPoint(text: string, doc: number, path: NodePath): { offset: number; indent: string; keys: string[] } | undefined {
  return new YamlLocator(text).mappingInsertPoint(doc, path);
}

function descend(node: unknown, offset: number, path: NodePath, doc: number): NodeAt | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = keyText(pair.key);
      if (within(pair.key, offset)) return leaf(pair.key, [...path, key], 'key', doc);
      if (within(pair.value, offset)) return descend(pair.value, offset, [...path, key], doc);
    }
    return within(node, offset) ? collection(node, path, doc) : undefined;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i];
      // A flow-style `- key: value` inside a sequence arrives as a Pair.
      if (isPair(item)) {
        if (within(item.key, offset)) return leaf(item.key, [...path, i, keyText(item.key)], 'key', doc);
        if (within(item.value, offset)) return descend(item.value, offset, [...path, i, keyText(item.key)], doc);
        continue;
      }
      if (within(item, offset)) return descend(item, offset, [...path, i], doc);
    }
    return within(node, offset) ? collection(node, path, doc) : undefined;
  }
  if (isScalar(node) && within(node, offset)) return leaf(node, path, 'value', doc);
  return undefined;
}

function leaf(node: unknown, path: NodePath, part: 'key' | 'value', doc: number): NodeAt {
  const r = (node as YamlNodeLike).range as [number, number, number];
  const value = isScalar(node) ? node.value : undefined;
  return { doc, path, part, start: r[0], end: r[1], value, scalar: isScalar(node) };
}

function collection(node: unknown, path: NodePath, doc: number): NodeAt {
  const r = (node as YamlNodeLike).range as [number, number, number];
  return { doc, path, part: 'value', start: r[0], end: r[1], value: undefined, scalar: false };
}

/** Where a completion applies: a new or edited key of a mapping, or a value. Offsets are of the text. */
export type CompletionSite =
  | { type: 'key'; doc: number; mapPath: NodePath; existing: string[]; start: number; end: number; prefix: string }
  | {
      type: 'value';
      doc: number;
      path: NodePath;
      start: number;
      end: number;
      prefix: string;
      /** A bare `- ` item: the item may also become a mapping, so keys of the item schema fit too. */
      newItem: boolean;
    };

const MARK = 'x0psb00kMark';
const WORD = /[^\s,[\]{}:#'"]/;

/**
 * The completion site at `offset`. The word under the cursor is replaced by a marker (made a
 * key when it starts a line) and the text re-parsed, so unfinished lines still have a path.
 */
export function completionSite(text: string, offset: number): CompletionSite | undefined {
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1] as string)) start--;
  let end = offset;
  while (end < text.length && WORD.test(text[end] as string)) end++;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = text.length;
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  const prefix = text.slice(start, offset);
  if (/#/.test(before.replace(/"[^"]*"|'[^']*'/g, ''))) return undefined;

  const lineHead = /^\s*$/.test(before);
  const itemHead = /^\s*(-\s+)+$/.test(before);
  const editsKey = /^\s*:/.test(after) && (lineHead || itemHead || /[{,]\s*$/.test(before));
  let variant: string;
  if (editsKey) variant = text.slice(0, start) + MARK + text.slice(end);
  else if (lineHead) variant = text.slice(0, start) + `${MARK}: ` + text.slice(end);
  else variant = text.slice(0, start) + MARK + text.slice(end);

  const locator = new YamlLocator(variant);
  const hit = locator.nodeAt(start + 1);
  if (!hit || !String(hit.value ?? '').includes(MARK)) return undefined;
  if (hit.part === 'key') {
    const mapPath = hit.path.slice(0, -1);
    const existing = locator.keysAt(hit.doc, mapPath).filter((k) => !k.includes(MARK));
    return { type: 'key', doc: hit.doc, mapPath, existing, start, end, prefix };
  }
  return { type: 'value', doc: hit.doc, path: hit.path, start, end, prefix, newItem: itemHead && after.trim() === '' };
}
