import type { NodePath } from '../types';

/**
 * Where each item of a block list starts in a one-document YAML file (`products:` then
 * `  - id: …` lines, or a top-level list), found by scanning lines instead of building the
 * whole document: the items of a block sequence are exactly the lines holding a dash at the
 * list's indentation (block scalars, continuation lines and nested values are indented deeper).
 * Undefined when the layout is anything else (flow list, quoted key, several documents) or the
 * count differs from `count`, the items the parser read: the caller then builds the document.
 */
export function listItemStarts(text: string, container: NodePath, count: number): { starts: number[]; end: number } | undefined {
  if (container.length > 1 || /^(?:---|\.\.\.)(?:\s|$)/m.test(text)) return undefined;
  let pos = 0;
  if (container.length === 1) {
    const key = String(container[0]);
    if (!/^[\p{L}\p{N}_][\p{L}\p{N}_-]*$/u.test(key)) return undefined;
    const m = new RegExp(`^${key}:[ \\t]*(?:#.*)?\\r?$`, 'mu').exec(text);
    if (!m) return undefined;
    pos = m.index + m[0].length + 1;
  }
  const starts: number[] = [];
  let indent = -1;
  let end = text.length;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(pos, lineEnd);
    const content = line.trimStart();
    const lineIndent = line.length - content.length;
    if (content !== '' && content !== '\r' && !content.startsWith('#')) {
      if (indent < 0) {
        if (!content.startsWith('- ') && content.replace(/\r$/, '') !== '-') return undefined;
        indent = lineIndent;
      }
      const dash = lineIndent === indent && (content.startsWith('- ') || content.replace(/\r$/, '') === '-');
      if (dash) starts.push(pos);
      else if (lineIndent < indent || (lineIndent === indent && container.length === 1 && indent === 0)) {
        end = pos;
        break;
      } else if (lineIndent === indent) return undefined;
    }
    pos = nl < 0 ? text.length : nl + 1;
  }
  return starts.length === count ? { starts, end } : undefined;
}

/** One item of a long block list composed alone: its node, where its text starts, and how many path segments reach it. */
export interface ItemWindow<N> {
  node: N;
  base: number;
  depth: number;
}

/**
 * The items of a long one-document block list (a 5,000-record price list), each composed on
 * its own text when a path goes into it: resolving the lines of a hundred records does not
 * build the whole file's document. `compose` builds the documents of a text; `data` is the
 * document as the fast parser read it (the item count that validates the scan).
 */
export class ItemWindows<N> {
  private readonly lists = new Map<string, { starts: number[]; end: number } | undefined>();
  private readonly items = new Map<number, N | undefined>();

  constructor(
    private readonly text: string,
    private readonly data: unknown,
    private readonly compose: (text: string) => { items: N[] } | undefined,
  ) {}

  /** The window of the list item `path` goes into (`[i, …]` or `[key, i, …]`); undefined when the path or the file is of another shape. */
  item(path: NodePath): ItemWindow<N> | undefined {
    const depth = typeof path[0] === 'number' ? 1 : typeof path[1] === 'number' ? 2 : 0;
    if (depth === 0) return undefined;
    const container = path.slice(0, depth - 1);
    const index = path[depth - 1] as number;
    const list = container.length === 0 ? this.data : (this.data as Record<string, unknown> | null)?.[container[0] as string];
    if (!Array.isArray(list) || index < 0 || index >= list.length) return undefined;
    const key = String(container[0] ?? '');
    if (!this.lists.has(key)) this.lists.set(key, listItemStarts(this.text, container, list.length));
    const w = this.lists.get(key);
    if (!w) return undefined;
    const base = w.starts[index]!;
    if (!this.items.has(base)) {
      const composed = this.compose(this.text.slice(base, w.starts[index + 1] ?? w.end));
      this.items.set(base, composed?.items.length === 1 ? composed.items[0] : undefined);
    }
    const node = this.items.get(base);
    return node === undefined ? undefined : { node, base, depth };
  }
}
