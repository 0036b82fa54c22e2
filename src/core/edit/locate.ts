/** Finding the node a field path names in a `yaml` Document, and the reasons not to edit there. */
import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Document, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { NodePath } from '../types';

/** Why an edit was not made: shown to the user as is. */
export class EditRefusal extends Error {
  constructor(
    message: string,
    /** Offset in the edited text the refusal is about, when there is one. */
    readonly offset?: number,
  ) {
    super(message);
  }
}

/** One step down the path: the collection, and where the next node sits in it. */
export interface Step {
  /** The map or list holding the next node. */
  parent: YAMLMap | YAMLSeq;
  /** The pair of a map step. */
  pair?: Pair<YamlNode, YamlNode | null>;
  /** The index of a list step. */
  index?: number;
  /** The node reached (undefined: a key without value or a path step that does not exist). */
  node: YamlNode | null | undefined;
}

export interface Located {
  /** Steps taken, one per path segment that exists. */
  steps: Step[];
  /** The deepest node reached (the document's root when no segment exists). */
  node: YamlNode | null | undefined;
  /** How many path segments exist. */
  depth: number;
}

export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

/** Anchors that some alias in the document refers to. */
function usedAnchors(doc: Document): Set<string> {
  const used = new Set<string>();
  visit(doc, {
    Alias(_k, a) {
      used.add(a.source);
    },
  });
  return used;
}

function describe(path: NodePath, n: number): string {
  return path
    .slice(0, n)
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('');
}

/**
 * Walks `path` from the document root. Refuses to go through an alias (`*base`: the value lives
 * elsewhere), a map with a merge key (`<<:`: its fields may come from elsewhere), or a node whose
 * anchor an alias uses (the edit would change every place that repeats it).
 */
export function locate(doc: Document, path: NodePath): Located {
  const used = usedAnchors(doc);
  const steps: Step[] = [];
  let node = doc.contents as YamlNode | null;
  const guard = (n: YamlNode | null | undefined, depth: number): void => {
    if (!n) return;
    if (isAlias(n))
      throw new EditRefusal(`${describe(path, depth) || 'the record'} is an alias of &${n.source}: edit the anchored value instead`, n.range?.[0]);
    const anchor = (n as { anchor?: string }).anchor;
    if (anchor && used.has(anchor))
      throw new EditRefusal(
        `${describe(path, depth) || 'the record'} is anchored as &${anchor} and repeated elsewhere by *${anchor}: edit it as text`,
        n.range?.[0],
      );
    if (isMap(n) && n.items.some((p) => isScalar(p.key) && p.key.value === '<<'))
      throw new EditRefusal(`${describe(path, depth) || 'the record'} merges fields from elsewhere (<<): edit it as text`, n.range?.[0]);
  };
  guard(node, 0);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i] as string | number;
    if (typeof seg === 'number') {
      if (!isSeq(node)) break;
      const item = node.items[seg] as YamlNode | null | undefined;
      if (seg < 0 || seg >= node.items.length) break;
      steps.push({ parent: node, index: seg, node: item });
      node = item ?? null;
    } else {
      if (!isMap(node)) break;
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === seg) as Pair<YamlNode, YamlNode | null> | undefined;
      if (!pair) break;
      steps.push({ parent: node, pair, node: pair.value });
      node = pair.value;
    }
    guard(node, i + 1);
  }
  return { steps, node, depth: steps.length };
}

/** Offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the line break ending the line that holds `offset` (the text's end on the last line). */
export function nextLineStart(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** Column (0-based) of an offset. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Where a map pair's source starts (its key) and where its value ends (value end, not its comment). */
export function pairRange(p: Pair<YamlNode, YamlNode | null>): { start: number; valueEnd: number; nodeEnd: number } {
  const key = p.key as YamlNode;
  const v = p.value;
  const start = key.range?.[0] ?? 0;
  if (v && v.range) return { start, valueEnd: v.range[1], nodeEnd: v.range[2] };
  const kEnd = key.range?.[1] ?? start;
  return { start, valueEnd: kEnd, nodeEnd: key.range?.[2] ?? kEnd };
}

export function isFlow(n: YamlNode | null | undefined): boolean {
  return (isMap(n) || isSeq(n)) && !!(n as YAMLMap).flow;
}
