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
