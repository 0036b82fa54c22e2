import type { AnchorPart, NodePath } from '../types';
import { CORE_SCHEMA, load } from './jsYaml';
import { readsWithJsYaml } from './yaml';

/** Start and end offsets in the text. */
export type Offsets = [number, number];

/** Where one node of a js-yaml parse opened and closed, and what it read to. */
interface Span {
  open: number;
  close: number;
  kind: string;
  result: unknown;
  children: Span[];
}

/**
 * Source offsets from a js-yaml parse, for the common case: exactly where `YamlPositions.rangeOf`
 * points, or undefined where that is not certain (the caller then builds `yaml` Documents).
 *
 * Written by hand because no library does this cheaply: a `yaml` Document gives exact ranges
 * but costs ~0.6 ms per 4 KB plan file to build (0.3 s for a 500-plan workspace, which the
 * warm-start cache's plan tree needs every entity line of); js-yaml, already the fast parser,
 * reports where each node opens and closes through its `listener` at almost no cost, but
 * neither which key a node belongs to nor where a scalar's own text ends. Both are recovered
 * here and every answer is checked against the text: single-line scalars, plain or quoted;
 * block collections spanning lines (their first line, as `rangeOf` points at); no comment where
 * a node starts. Anything else (flow collections on one line, multi-line or block scalars,
 * empty values, keys that are not strings) is left to `yaml`.
 */
export class JsYamlSpans {
  private constructor(
    private readonly text: string,
    private readonly roots: Span[],
  ) {}

  /** The spans of a text, or undefined when js-yaml does not read it as the fast path would. */
  static of(text: string): JsYamlSpans | undefined {
    // js-yaml drops a byte order mark before reading, which would shift every offset by one.
    if (text.charCodeAt(0) === 0xfeff || !readsWithJsYaml(text)) return undefined;
    const roots: Span[] = [];
    const stack: Span[] = [];
    const listener = (event: 'open' | 'close', state: { position: number; kind: string | null; result: unknown }): void => {
      if (event === 'open') {
        stack.push({ open: state.position, close: -1, kind: '', result: undefined, children: [] });
        return;
      }
      const span = stack.pop();
      if (!span) return;
      span.close = state.position;
      span.kind = state.kind ?? '';
      span.result = state.result;
      (stack.length > 0 ? stack[stack.length - 1]!.children : roots).push(span);
    };
    let docs = 0;
    try {
      load(text, (d) => (docs += d === null || d === undefined ? Infinity : 1), { schema: CORE_SCHEMA, listener } as Parameters<typeof load>[2]);
    } catch {
      return undefined;
    }
    // One root per document, none empty: document numbers then mean what they mean to `yaml`.
    return stack.length === 0 && docs === roots.length ? new JsYamlSpans(text, roots) : undefined;
  }

  /** The start and end offsets `YamlPositions.rangeOf(doc, path, part)` gives, when this parse can tell for certain. */
  rangeOf(doc: number, path: NodePath, part: AnchorPart): Offsets | undefined {
    let node: Span | undefined = this.roots[doc] ?? this.roots[0];
    if (!node) return undefined;
    let keyNode: Span | undefined;
    for (const seg of path) {
      const next = this.childOf(node, seg);
      if (next === null) return undefined;
      if (!next) return this.span(keyNode ?? node);
      node = next.value;
      keyNode = next.key;
    }
    if (part === 'key' && keyNode) return this.span(keyNode);
    if (part === 'entity') return this.entityRange(node, keyNode);
    return this.span(node);
  }

  /** Range of the `id:` value of a mapping, else its key (map layout), else its first key. */
  private entityRange(node: Span, keyNode: Span | undefined): Offsets | undefined {
    if (node.kind === 'mapping') {
      const pairs = this.pairsOf(node);
      if (!pairs) return undefined;
      const id = pairs.find((p) => p.key.result === 'id');
      if (id) return this.span(id.value);
      if (keyNode) return this.span(keyNode);
      if (pairs[0]) return this.span(pairs[0].key);
    }
    return this.span(node);
  }

  /** The child at `seg`: undefined when there is none, null when this parse cannot tell. */
  private childOf(node: Span, seg: string | number): { key: Span | undefined; value: Span } | undefined | null {
    if (node.kind === 'mapping') {
      const pairs = this.pairsOf(node);
      if (!pairs) return null;
      const pair = pairs.find((p) => p.key.result === String(seg));
      return pair ? { key: pair.key, value: pair.value } : undefined;
    }
    if (node.kind === 'sequence') {
      if (!Array.isArray(node.result) || node.children.length !== node.result.length) return null;
      const item = typeof seg === 'number' ? node.children[seg] : undefined;
      return item ? { key: undefined, value: item } : undefined;
    }
    return undefined;
  }

  /** A mapping's children as key/value pairs, when every key is a string and every pair was seen. */
  private pairsOf(node: Span): { key: Span; value: Span }[] | undefined {
    const result = node.result;
    if (!result || typeof result !== 'object' || node.children.length !== 2 * Object.keys(result).length) return undefined;
    const pairs: { key: Span; value: Span }[] = [];
    for (let i = 0; i < node.children.length; i += 2) {
      const key = node.children[i]!;
      if (key.kind !== 'scalar' || typeof key.result !== 'string') return undefined;
      pairs.push({ key, value: node.children[i + 1]! });
    }
    return pairs;
  }

  /** A node's range as `rangeOf` gives it: a scalar whole, a block collection's first line. */
  private span(node: Span): Offsets | undefined {
    if (node.result === null || node.result === undefined) return undefined;
    const text = this.text;
    let start = node.open;
    while (start < node.close && isSpace(text.charCodeAt(start))) start++;
    let end = node.close;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end <= start || UNSURE_START.includes(text[start]!)) return undefined;
    const lineEnd = text.indexOf('\n', start);
    if (node.kind === 'scalar') {
      if (lineEnd !== -1 && lineEnd < end) return undefined;
      const q = text[start];
      if ((q === '"' || q === "'") && (end - start < 2 || text[end - 1] !== q)) return undefined;
      return [start, end];
    }
    if (node.kind !== 'mapping' && node.kind !== 'sequence') return undefined;
    // A block collection on several lines: `rangeOf` points at its first line.
    if (text[start] === '[' || text[start] === '{' || lineEnd === -1 || lineEnd >= end) return undefined;
    return [start, text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd];
  }
}

/** Characters a node may not start with for its range to be certain: comments, block scalars, anchors, tags. */
const UNSURE_START = '#|>&*!%@`';

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
