import { isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { NodePath } from '../types';

/** A parse problem at string offsets of the parsed text. */
export interface YamlProblem {
  ruleId: 'yaml/syntax' | 'yaml/duplicate-key' | 'yaml/alias-limit' | 'yaml/unknown-tag' | 'yaml/warning';
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
  /** Another place the problem involves (the first occurrence of a repeated key). */
  related?: { start: number; end: number; message: string };
}

// How a YAML document with errors is still read: where each error sits in the recovered tree
// (so readers leave out what holds it), and which key a duplicate-key error repeats.

/** Beyond this many repeated keys in one file, the rest are reported without naming their first place. */
export const MAX_DETAILED_DUPLICATES = 50;

/** `yaml/duplicate-key` at the repeated key, related to its first occurrence in the same mapping. */
export function duplicateKeyProblem(doc: Document | undefined, start: number, end: number): YamlProblem {
  const problem: YamlProblem = {
    ruleId: 'yaml/duplicate-key',
    message: 'a key is repeated in one mapping: the last value is the one read; keep one',
    start,
    end,
    severity: 'error',
  };
  const found = doc ? repeatedKeyAt(doc.contents, start) : undefined;
  if (found) {
    problem.end = Math.max(found.end, start + 1);
    problem.message = `key "${found.name}" is repeated in one mapping: the last value is the one read; keep one`;
    problem.related = { start: found.first[0], end: found.first[1], message: `first "${found.name}"` };
  }
  return problem;
}

/** The key that starts at `offset` and the range of the earlier key it repeats, searched from `node` down. */
function repeatedKeyAt(node: unknown, offset: number): { name: string; end: number; first: [number, number] } | undefined {
  if (!isMap(node) && !isSeq(node)) return undefined;
  const range = (node as YamlNode).range;
  if (range && (offset < range[0] || offset > range[2])) return undefined;
  if (isMap(node)) {
    const at = node.items.findIndex((p) => (p.key as YamlNode | null)?.range?.[0] === offset);
    if (at > 0) {
      const key = node.items[at]?.key as YamlNode | null | undefined;
      const name = keyName(key);
      const first = node.items.slice(0, at).find((p) => keyName(p.key) === name);
      const r = (first?.key as YamlNode | null)?.range;
      if (r) return { name, end: key?.range?.[1] ?? offset + 1, first: [r[0], r[1]] };
    }
    for (const p of node.items) {
      const inKey = repeatedKeyAt(p.key, offset) ?? repeatedKeyAt(p.value, offset);
      if (inKey) return inKey;
    }
    return undefined;
  }
  for (const item of node.items) {
    const found = repeatedKeyAt(item, offset);
    if (found) return found;
  }
  return undefined;
}

export function keyName(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/**
 * Path of the innermost node that owns `offset`. A child of a collection owns the text from its
 * start up to the next sibling's start (the last one: up to its parent's end), so an error on a
 * stray line between two list entries belongs to the entry above it, whose value it broke.
 */
export function ownerPath(doc: Document, offset: number, textEnd: number, cache: ChildCache): NodePath {
  const path: (string | number)[] = [];
  let node: unknown = doc.contents;
  let end = textEnd + 1;
  while (isMap(node) || isSeq(node)) {
    const children = childrenOf(node, cache);
    // The last child starting at or before `offset` (binary search: files may hold thousands).
    let lo = 0;
    let hi = children.length - 1;
    let chosen = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((children[mid] as Child).start <= offset) {
        chosen = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (chosen === -1) break;
    const child = children[chosen] as Child;
    const childEnd = children[chosen + 1]?.start ?? end;
    if (offset >= childEnd) break;
    path.push(child.seg);
    node = child.value;
    end = childEnd;
  }
  return path;
}

interface Child {
  seg: string | number;
  start: number;
  value: unknown;
}
export type ChildCache = Map<unknown, Child[]>;

/** The positioned children of a collection, by start offset; computed once per collection and parse. */
function childrenOf(node: unknown, cache: ChildCache): Child[] {
  let children = cache.get(node);
  if (children) return children;
  const all: Child[] = isMap(node)
    ? node.items.map((p) => ({ seg: keyName(p.key), start: startOf(p.key) ?? startOf(p.value) ?? -1, value: p.value }))
    : isSeq(node)
      ? node.items.map((item, i) => ({ seg: i, start: startOf(item) ?? -1, value: item }))
      : [];
  children = all.filter((c) => c.start !== -1);
  if (children.some((c, i) => i > 0 && c.start < (children as Child[])[i - 1]!.start)) children.sort((x, y) => x.start - y.start);
  cache.set(node, children);
  return children;
}

/** Offset of the last non-blank character before the line of `offset`, when only blanks precede `offset` on its line; else -1. */
export function openedAbove(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0 || (text[i] !== '\n' && text[i] !== '\r')) return -1;
  while (i >= 0 && /\s/.test(text[i] as string)) i--;
  return i;
}

function startOf(node: unknown): number | undefined {
  return (node as YamlNode | null | undefined)?.range?.[0];
}
