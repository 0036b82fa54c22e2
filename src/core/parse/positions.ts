import { isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { AnchorPart, JsonValue, NodePath, Range } from '../types';
import { ItemWindows } from './listItems';
import { JsYamlSpans } from './spans';
import { LineIndex } from './text';
import { composeDocuments } from './yaml';
import { keyName } from './yamlRecovery';

/** Texts from this size on resolve positions in long lists item by item. */
const WINDOWED_TEXT = 64 * 1024;

/**
 * Source positions of one YAML text (or front matter block), built lazily from `yaml` Documents.
 * `lineOffset` shifts lines for front matter embedded in Markdown.
 */
export class YamlPositions {
  private composed: Document[] | undefined;
  private spans: JsYamlSpans | null | undefined;
  private readonly lines: LineIndex;
  private readonly windows: ItemWindows<unknown> | undefined;

  /**
   * `docs`: the documents as read (without problems), for a long list file: a path into one of
   * its items is then resolved on that item's text alone.
   */
  constructor(
    private readonly text: string,
    private readonly lineOffset = 0,
    docs?: readonly JsonValue[],
  ) {
    this.lines = new LineIndex(text);
    if (docs?.length === 1 && text.length >= WINDOWED_TEXT)
      this.windows = new ItemWindows(text, docs[0], (t) => {
        const { documents, problem } = composeDocuments(t);
        const d = documents[0];
        return !problem && documents.length === 1 && d && d.errors.length === 0 && isSeq(d.contents) ? d.contents : undefined;
      });
  }

  private get documents(): Document[] {
    return (this.composed ??= composeDocuments(this.text).documents);
  }

  /** Range of the node at `path` in document `doc`; falls back to the nearest existing ancestor. */
  rangeOf(doc: number, path: NodePath, part: AnchorPart): Range {
    // Most ranges are read off a js-yaml parse (several times cheaper); `yaml` answers the rest.
    if (this.spans === undefined) this.spans = this.composed ? null : (JsYamlSpans.of(this.text) ?? null);
    const fast = this.spans?.rangeOf(doc, path, part);
    if (fast) return this.rangeAtOffsets(fast[0], fast[1]);
    const w = doc === 0 && !this.composed ? this.windows?.item(path) : undefined;
    if (w) return this.walk(w.node, path.slice(w.depth), part, w.base);
    const document = this.documents[doc] ?? this.documents[0];
    if (!document) return this.shift(this.lines.range(0, 0));
    return this.walk(document.contents, path, part, 0);
  }

  /** `path` walked from `node`, whose offsets start at `base` of the text. */
  private walk(root: unknown, path: NodePath, part: AnchorPart, base: number): Range {
    let node = root;
    let keyNode: unknown;
    for (const seg of path) {
      const next = childOf(node, seg);
      if (!next) {
        // The path does not exist (e.g. a missing required field): point at the parent's key.
        return this.fromNode(keyNode ?? node, base);
      }
      node = next.value;
      keyNode = next.key;
    }
    if (part === 'key' && keyNode) return this.fromNode(keyNode, base);
    if (part === 'entity') return this.entityRange(node, keyNode, base);
    return this.fromNode(node ?? keyNode, base);
  }

  /** Range of `id:` value of the entity node, else its first line. */
  private entityRange(node: unknown, keyNode: unknown, base: number): Range {
    if (isMap(node)) {
      const idPair = node.items.find((p) => isScalar(p.key) && p.key.value === 'id');
      if (idPair && idPair.value) return this.fromNode(idPair.value, base);
      if (isScalar(keyNode)) return this.fromNode(keyNode, base); // a map-layout entry: its key is its id
      const first = node.items[0];
      if (first && first.key) return this.fromNode(first.key, base);
    }
    return this.fromNode(node ?? keyNode, base);
  }

  private fromNode(node: unknown, base: number): Range {
    const range = (node as YamlNode | undefined)?.range;
    if (!range) return this.shift(this.lines.range(0, 0));
    const start = base + range[0];
    let end = base + range[1];
    // Block collections end after their last line; point at their first line only.
    if (isMap(node) || isSeq(node)) {
      const firstLineEnd = this.text.indexOf('\n', start);
      end = firstLineEnd === -1 ? end : Math.min(end, firstLineEnd);
      if (end > start && this.text[end - 1] === '\r') end--;
    }
    return this.shift(this.lines.range(start, end));
  }

  rangeAtOffsets(start: number, end: number): Range {
    return this.shift(this.lines.range(start, end));
  }

  private shift(r: Range): Range {
    if (this.lineOffset === 0) return r;
    return { start: { line: r.start.line + this.lineOffset, column: r.start.column }, end: { line: r.end.line + this.lineOffset, column: r.end.column } };
  }
}

function childOf(node: unknown, seg: string | number): { key: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    // A repeated key's last value is the one read: point at it.
    for (let i = node.items.length - 1; i >= 0; i--) {
      const pair = node.items[i];
      if (pair && keyName(pair.key) === String(seg)) return { key: pair.key, value: pair.value };
    }
    return undefined;
  }
  if (isSeq(node) && typeof seg === 'number') {
    const item = node.items[seg];
    return item !== undefined ? { key: undefined, value: item } : undefined;
  }
  return undefined;
}

/** One file's anchors to place: its YAML text (or front matter) and where that text starts. */
export interface RangeJob {
  path: string;
  text: string;
  lineOffset: number;
  anchors: { doc: number; path: NodePath; part: AnchorPart }[];
}

/**
 * Works out the ranges of many jobs, possibly in parallel (`EngineInit.rangeMany`). `background`:
 * this thread goes on working meanwhile, so the host should not take every core for it.
 */
export type RangeMany = (jobs: RangeJob[], options?: { background?: boolean }) => Promise<Range[][]>;

/** The ranges of a job's anchors, in order: what `rangeOf` gives for each (in a worker, off the main thread). */
export function rangesOf(job: RangeJob): Range[] {
  const positions = new YamlPositions(job.text, job.lineOffset);
  return job.anchors.map((a) => positions.rangeOf(a.doc, a.path, a.part));
}
