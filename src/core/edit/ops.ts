/**
 * The three edits a form or table makes — set a field, delete a field or list item, append a
 * list item — as text replacements computed from the `yaml` Document's node ranges. Only the
 * edited node's text changes; comments, quoting, flow/block style and blank lines elsewhere
 * are not rewritten because nothing else is re-serialized.
 */
import { isMap, isScalar, isSeq, type Document, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { JsonValue, NodePath } from '../types';
import { columnOf, EditRefusal, isFlow, lineStart, locate, nextLineStart, pairRange, type Step } from './locate';
import { blockLines, flowSource, literalBlock, pairLines, scalarSource, seqItemLines, type ScalarStyle } from './render';

/** A replacement of `text.slice(start, end)`; offsets into the edited YAML text. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export type EditOp = { op: 'set'; path: NodePath; value: JsonValue } | { op: 'delete'; path: NodePath } | { op: 'append'; path: NodePath; value: JsonValue };

export interface Layout {
  eol: string;
  /** The file's indentation unit (two spaces unless the file uses another). */
  step: string;
}

const isScalarValue = (v: JsonValue): v is string | number | boolean | null => v === null || typeof v !== 'object';
const indentOf = (text: string, offset: number): string => ' '.repeat(columnOf(text, offset));

/** The edit for `op` on document `doc` of `text` (offsets into `text`). */
export function planOp(text: string, doc: Document, op: EditOp, layout: Layout): OffsetEdit {
  const found = locate(doc, op.path);
  if (op.op === 'delete') {
    if (found.depth < op.path.length) throw new EditRefusal(`${label(op.path)} is not in the file`);
    return deleteAt(text, found.steps[found.steps.length - 1] as Step, layout);
  }
  if (op.op === 'append') {
    if (found.depth === op.path.length && isSeq(found.node)) return appendItem(text, found.node, op.value, layout);
    if (found.depth === op.path.length && !(isScalar(found.node) && found.node.value === null))
      throw new EditRefusal(`${label(op.path)} is not a list`, found.node?.range?.[0]);
    return planOp(text, doc, { op: 'set', path: op.path, value: [op.value] }, layout);
  }
  if (found.depth === op.path.length) return replaceNode(text, found.node, found.steps[found.steps.length - 1], op.value, layout);
  // Missing: the deepest existing node gets the rest of the path as a new key (or list item).
  let value: JsonValue = op.value;
  for (let i = op.path.length - 1; i > found.depth; i--) {
    const seg = op.path[i] as string | number;
    if (typeof seg === 'number') throw new EditRefusal(`${label(op.path.slice(0, i))} has no item ${seg}`);
    value = { [seg]: value };
  }
  const seg = op.path[found.depth] as string | number;
  const host = found.node;
  if (typeof seg === 'number') {
    if (isSeq(host) && seg === host.items.length) return appendItem(text, host, value, layout);
    throw new EditRefusal(`${label(op.path.slice(0, found.depth))} has no item ${seg}`);
  }
  if (isMap(host)) return insertPair(text, host, seg, value, layout);
  if (host === null || host === undefined || (isScalar(host) && host.value === null)) {
    return replaceNode(text, host, found.steps[found.steps.length - 1], { [seg]: value }, layout);
  }
  throw new EditRefusal(`${label(op.path.slice(0, found.depth)) || 'the record'} is not a mapping, so it cannot hold ${seg}`, host.range?.[0]);
}

function label(path: NodePath): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** Indentation of block content under the node reached by `step` (the key's column plus one unit). */
function childIndent(text: string, step: Step | undefined, layout: Layout): string {
  if (!step) return '';
  if (step.pair) return indentOf(text, (step.pair.key as YamlNode).range?.[0] ?? 0) + layout.step;
  const item = step.parent.items[step.index ?? 0] as YamlNode | null;
  const dash = text.lastIndexOf('-', item?.range?.[0] ?? 0);
  return indentOf(text, dash) + '  ';
}

/** The new value's text in place of `node` (a scalar, a collection or an empty value). */
function replaceNode(text: string, node: YamlNode | null | undefined, step: Step | undefined, value: JsonValue, layout: Layout): OffsetEdit {
  const inFlow = !!step && isFlow(step.parent);
  if (!node || !node.range) {
    if (!step) return { start: 0, end: text.length, newText: blockLines(value, '', layout.step, layout.eol) };
    throw new EditRefusal('the value has no place in the text to edit');
  }
  const [start, valueEnd] = node.range;
  const lead = start === valueEnd ? ' ' : '';
  const eolAt = (end: number): string => (text.slice(0, end).endsWith('\n') ? layout.eol : '');
  const blockCollection = (isMap(node) || isSeq(node)) && !isFlow(node);
  if (isScalarValue(value)) {
    const style = isScalar(node) ? (node.type as ScalarStyle | undefined) : undefined;
    const blockScalar = style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED';
    if (typeof value === 'string' && value.includes('\n') && !inFlow) {
      const block = literalBlock(value, childIndent(text, step, layout), layout.eol);
      if (block && blockScalar) return { start, end: valueEnd, newText: block.slice(0, block.length - layout.eol.length) + eolAt(valueEnd) };
      if (block && !blockCollection && sameLineOnly(text, valueEnd)) {
        const end = nextLineStart(text, valueEnd);
        const comment = text.slice(valueEnd, end).trim();
        const header = block.indexOf(layout.eol);
        const withComment = block.slice(0, header) + (comment ? ` ${comment}` : '') + block.slice(header);
        return { start, end, newText: lead + withComment.slice(0, withComment.length - layout.eol.length) + eolAt(end) };
      }
    }
    const src = scalarSource(value, { flow: inFlow, style: blockScalar ? undefined : style });
    if (blockCollection) return { start: collectionStart(text, start), end: valueEnd, newText: ` ${src}${eolAt(valueEnd)}` };
    return { start, end: valueEnd, newText: lead + src + (blockScalar ? eolAt(valueEnd) : '') };
  }
  if (inFlow || isFlow(node)) return { start, end: valueEnd, newText: lead + flowSource(value) };
  if (blockCollection) {
    // A block collection starts at its first item (the indentation before it stays) and ends after a line break.
    const col = columnOf(text, start);
    const lines = blockLines(value, ' '.repeat(col), layout.step, layout.eol).slice(col);
    return { start, end: valueEnd, newText: eolAt(valueEnd) ? lines : lines.slice(0, lines.length - layout.eol.length) };
  }
  if (Array.isArray(value) && value.length > 0 && value.every(isScalarValue)) return { start, end: valueEnd, newText: lead + flowSource(value) };
  if (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0) return { start, end: valueEnd, newText: lead + flowSource(value) };
  if (!step?.pair) {
    // A list item: the first line follows the dash, the rest sit under it.
    const indent = childIndent(text, step, layout);
    const lines = blockLines(value, indent, layout.step, layout.eol).slice(indent.length);
    if (!sameLineOnly(text, valueEnd)) throw new EditRefusal('the value is followed by more text on its line: edit it as text', valueEnd);
    return { start, end: valueEnd, newText: lines.slice(0, lines.length - layout.eol.length) };
  }
  // A scalar or an empty value after `key:` becomes a block collection starting on the next line.
  const lineEnd = nextLineStart(text, valueEnd);
  const rest = text.slice(valueEnd, lineEnd).replace(/\r?\n$/, '');
  const comment = rest.trim().startsWith('#') ? rest : '';
  if (rest.trim() !== '' && !comment) throw new EditRefusal('the value is followed by more text on its line: edit it as text', valueEnd);
  const body = blockLines(value, childIndent(text, step, layout), layout.step, layout.eol);
  const from = lead ? start : start - (text[start - 1] === ' ' ? 1 : 0);
  return { start: from, end: lineEnd, newText: comment + layout.eol + (eolAt(lineEnd) ? body : body.slice(0, body.length - layout.eol.length)) };
}

function sameLineOnly(text: string, offset: number): boolean {
  const rest = text.slice(offset, nextLineStart(text, offset)).trim();
  return rest === '' || rest.startsWith('#');
}

/** Where a block collection written after `key:` really starts: back over the line break to just after the colon. */
function collectionStart(text: string, start: number): number {
  let i = start;
  while (i > 0 && /[ \t\r\n]/.test(text[i - 1] as string)) i--;
  return i;
}

/** Inserts `key: value` as the map's last pair. */
function insertPair(text: string, map: YAMLMap, key: string, value: JsonValue, layout: Layout): OffsetEdit {
  const pairs = map.items as Pair<YamlNode, YamlNode | null>[];
  const last = pairs[pairs.length - 1];
  if (map.flow) {
    if (!last) {
      const [s, e] = map.range ?? [0, 0];
      return { start: s, end: e, newText: `{ ${flowSource({ [key]: value }).slice(2, -2)} }` };
    }
    const end = pairRange(last).valueEnd;
    return { start: end, end, newText: `, ${flowSource({ [key]: value }).slice(2, -2)}` };
  }
  if (!last) throw new EditRefusal('an empty mapping has no place to add to');
  const first = pairs[0] as Pair<YamlNode, YamlNode | null>;
  const indent = indentOf(text, pairRange(first).start);
  const at = nextLineStart(text, Math.max(...pairs.map((p) => pairRange(p).nodeEnd)));
  const lines = pairLines(key, value, indent, layout.step, layout.eol);
  if (at === text.length && !text.endsWith('\n')) return { start: at, end: at, newText: layout.eol + lines.slice(0, -layout.eol.length) };
  return { start: at, end: at, newText: lines };
}

/** Appends an item to a list. */
function appendItem(text: string, seq: YAMLSeq, value: JsonValue, layout: Layout): OffsetEdit {
  const items = seq.items as (YamlNode | null)[];
  const last = items[items.length - 1];
  if (seq.flow) {
    if (!last) {
      const [s, e] = seq.range ?? [0, 0];
      return { start: s, end: e, newText: `[${flowSource(value)}]` };
    }
    const end = last.range?.[1] ?? 0;
    return { start: end, end, newText: `, ${flowSource(value)}` };
  }
  if (!last || !items[0]?.range) throw new EditRefusal('an empty list has no place to add to');
  const dash = text.lastIndexOf('-', items[0].range[0]);
  const indent = indentOf(text, dash);
  const at = nextLineStart(text, Math.max(...items.map((i) => i?.range?.[2] ?? 0)));
  const lines = seqItemLines(value, indent, layout.step, layout.eol);
  if (at === text.length && !text.endsWith('\n')) return { start: at, end: at, newText: layout.eol + lines.slice(0, -layout.eol.length) };
  return { start: at, end: at, newText: lines };
}

/** Removes a pair or a list item with its line (block) or its comma (flow). */
function deleteAt(text: string, step: Step, layout: Layout): OffsetEdit {
  const parent = step.parent;
  const siblings = parent.items as unknown[];
  const index = step.pair ? siblings.indexOf(step.pair) : (step.index ?? 0);
  const span = (i: number): { start: number; end: number; nodeEnd: number } => {
    const it = siblings[i];
    if (step.pair) {
      const r = pairRange(it as Pair<YamlNode, YamlNode | null>);
      return { start: r.start, end: r.valueEnd, nodeEnd: r.nodeEnd };
    }
    const n = it as YamlNode | null;
    if (!n?.range) throw new EditRefusal('an empty list item cannot be located: edit it as text');
    return { start: n.range[0], end: n.range[1], nodeEnd: n.range[2] };
  };
  const me = span(index);
  if (siblings.length === 1) {
    const [s, e] = parent.range ?? [0, 0];
    const empty = isMap(parent) ? '{}' : '[]';
    if (parent.flow) return { start: s, end: e, newText: empty };
    const from = collectionStart(text, s);
    const keepsBreak = text.slice(s, e).endsWith('\n');
    return { start: from, end: keepsBreak ? e - (text.slice(0, e).endsWith('\r\n') ? 2 : 1) : e, newText: (from === 0 ? '' : ' ') + empty };
  }
  if (parent.flow) {
    if (index < siblings.length - 1) return { start: me.start, end: span(index + 1).start, newText: '' };
    return { start: span(index - 1).end, end: me.end, newText: '' };
  }
  const from = lineStart(text, me.start);
  const before = text.slice(from, me.start);
  const to = nextLineStart(text, me.nodeEnd);
  if (step.pair && before.trim() !== '') {
    // The first pair of a list item (`- id: x`): the next pair moves up after the dash.
    return { start: me.start, end: span(index + 1).start, newText: '' };
  }
  if (!step.pair && !/^[ \t]*-[ \t]*$/.test(before)) throw new EditRefusal('this list item shares its line with other text: edit it as text', me.start);
  void layout;
  return { start: from, end: to, newText: '' };
}
