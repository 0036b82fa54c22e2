import { load as jsYamlLoadAll, CORE_SCHEMA } from './jsYaml';
import { isMap, isPair, isSeq, parseAllDocuments, type Document } from 'yaml';
import type { JsonValue, NodePath } from '../types';
import { duplicateKeyProblem, MAX_DETAILED_DUPLICATES, openedAbove, ownerPath, type ChildCache, type YamlProblem } from './yamlRecovery';

export type { YamlProblem } from './yamlRecovery';

/** Where a syntax error sits in a document that was still read: the innermost node that owns it. */
export interface DamagedNode {
  doc: number;
  path: NodePath;
}

export interface YamlParse {
  docs: JsonValue[];
  problems: YamlProblem[];
  /**
   * Nodes holding a syntax error in documents the parser recovered (absent when there is none).
   * Their values may be half-read: readers skip what contains them and keep the rest.
   */
  damaged?: DamagedNode[];
}

/** Beyond this many alias expansions a document is treated as a billion-laughs attack. */
export const MAX_ALIAS_COUNT = 100;

// Anchors and aliases need the `yaml` package's alias limit; js-yaml shares alias targets
// without counting them, which is safe to parse but not to walk.
const ALIAS_OR_ANCHOR = /(?:^|[\s[{,:-])[&*][^\s,[\]{}]/m;
const TAG = /(?:^|[\s[{,:-])!/m;

/**
 * Parses YAML text to plain values. The common case (valid, alias-free, no tags) goes through
 * js-yaml, which is about three times faster than building a `yaml` Document; anything unusual
 * (a syntax error, a duplicate key, anchors, tags) goes through `yaml`, whose positioned errors
 * become diagnostics. Both read the YAML 1.2 core schema, so dates stay strings.
 */
export function parseYaml(text: string): YamlParse {
  if (readsWithJsYaml(text)) {
    try {
      const docs: JsonValue[] = [];
      jsYamlLoadAll(text, (d) => docs.push(d as JsonValue), { schema: CORE_SCHEMA });
      return { docs, problems: [] };
    } catch {
      // fall through: the full parser explains the problem with a position
    }
  }
  return parseYamlFull(text).result;
}

/** Whether a text may be read by js-yaml (no anchors, aliases or tags, no absurd nesting); it may still fail there. */
export function readsWithJsYaml(text: string): boolean {
  return !ALIAS_OR_ANCHOR.test(text) && !TAG.test(text) && excessiveNesting(text) === -1;
}

/** Deeper flow nesting than this is refused before parsing (no hand-written YAML goes near it). */
export const MAX_NESTING = 500;

/**
 * Offset where flow collections (`[`, `{`) nest deeper than MAX_NESTING, else -1. Checked before
 * parsing because the `yaml` composer recurses per level: thousands of levels overflow its stack,
 * and V8 may abort the process on a later parse. Quoted scalars and comments are skipped.
 */
export function excessiveNesting(text: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (quote === '"' && c === 92 /* \ */) i++;
      else if (text[i] === quote) quote = '';
      else if (c === 10) quote = quote === "'" || quote === '"' ? quote : '';
      continue;
    }
    if (c === 34 || c === 39) {
      const prev = i > 0 ? text[i - 1] : ' ';
      if (prev === ' ' || prev === '[' || prev === '{' || prev === ',' || prev === ':' || prev === '\n' || prev === '-') quote = text[i] as string;
    } else if (c === 35 /* # */ && (i === 0 || /\s/.test(text[i - 1] as string))) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl;
    } else if (c === 91 || c === 123) {
      if (++depth > MAX_NESTING) return i;
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    }
  }
  return -1;
}

// `logLevel: 'error'`: the parser's console warnings (collection keys stringified) would reach the CLI's stderr.
const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: false, strict: true, keepSourceTokens: false, logLevel: 'error' } as const;

/** The `yaml` Documents of a text, or the reason none could be built (absurd nesting, stack overflow). */
export function composeDocuments(text: string): { documents: Document[]; problem?: YamlProblem } {
  const deep = excessiveNesting(text);
  if (deep !== -1) {
    return {
      documents: [],
      problem: {
        ruleId: 'yaml/syntax',
        message: `collections nested more than ${MAX_NESTING} levels deep: the file was not read`,
        start: deep,
        end: deep + 1,
        severity: 'error',
      },
    };
  }
  try {
    const documents = parseAllDocuments(text, YAML_OPTIONS) as Document[];
    return { documents: Array.isArray(documents) ? documents : [] };
  } catch (err) {
    // The parser recurses per nesting level; absurd nesting may exhaust the stack.
    return { documents: [], problem: { ruleId: 'yaml/syntax', message: `YAML could not be parsed: ${errorText(err)}`, start: 0, end: 0, severity: 'error' } };
  }
}

/**
 * Parses with the `yaml` package, keeping the Documents for source positions. A document with
 * errors is still read, as the editor's YAML support reads it: a repeated key keeps its last
 * value, and after a syntax error the nodes the parser recovered are kept, with the nodes that
 * hold an error listed in `damaged` so that readers can leave those out.
 */
export function parseYamlFull(text: string): { result: YamlParse; documents: Document[] } {
  const problems: YamlProblem[] = [];
  const { documents, problem } = composeDocuments(text);
  if (problem) return { result: { docs: [], problems: [problem] }, documents };
  const docs: JsonValue[] = [];
  const damaged: DamagedNode[] = [];
  const cache: ChildCache = new Map();
  let duplicates = 0;
  documents.forEach((doc, docIndex) => {
    for (const e of doc.errors) {
      if (e.code === 'DUPLICATE_KEY') {
        // Naming the key and its first place costs a walk down the tree: done for the ones shown.
        const detailed = duplicates++ < MAX_DETAILED_DUPLICATES;
        problems.push(duplicateKeyProblem(detailed ? doc : undefined, e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)));
        continue;
      }
      problems.push({ ruleId: 'yaml/syntax', message: cleanMessage(e.message), start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1), severity: 'error' });
      damaged.push({ doc: docIndex, path: ownerPath(doc, e.pos[0], text.length, cache) });
      // An error found at the start of a line is often about something left open above it
      // (an unclosed `[` or quote): the node that ends there is damaged too.
      const before = openedAbove(text, e.pos[0]);
      if (before !== -1) damaged.push({ doc: docIndex, path: ownerPath(doc, before, text.length, cache) });
    }
    for (const w of doc.warnings) {
      // Unknown tags (`!foo`, `!!js/function`) are read as plain strings: nothing is executed.
      problems.push({
        ruleId: w.code === 'TAG_RESOLVE_FAILED' ? 'yaml/unknown-tag' : 'yaml/warning',
        message: cleanMessage(w.message),
        start: w.pos[0],
        end: w.pos[1],
        severity: 'warning',
      });
    }
    try {
      docs.push(sanitize(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })));
    } catch (err) {
      const isAlias = /alias/i.test(errorText(err));
      const at = isAlias ? firstAliasOffset(doc) : 0;
      problems.push({
        ruleId: isAlias ? 'yaml/alias-limit' : 'yaml/syntax',
        message: isAlias
          ? `alias expansion exceeds the safe limit of ${MAX_ALIAS_COUNT}; the document was not read (possible "billion laughs" input)`
          : `YAML could not be read: ${errorText(err)}`,
        start: at,
        end: at + 1,
        severity: 'error',
      });
      docs.push(null);
    }
  });
  const result: YamlParse = { docs, problems };
  if (damaged.length > 0) {
    const seen = new Set<string>();
    result.damaged = damaged.filter((d) => {
      const key = JSON.stringify([d.doc, d.path]);
      return !seen.has(key) && !!seen.add(key);
    });
  }
  return { result, documents };
}

function firstAliasOffset(doc: Document): number {
  const m = /(?:^|[\s[{,:-])\*[^\s,[\]{}]/m.exec(doc.toString?.() ? '' : '');
  void m;
  let found = 0;
  const visit = (node: unknown): boolean => {
    if (!node || typeof node !== 'object') return false;
    const n = node as { type?: string; range?: [number, number, number]; items?: unknown[]; key?: unknown; value?: unknown };
    if ((node as { constructor?: { name?: string } }).constructor?.name === 'Alias' && n.range) {
      found = n.range[0];
      return true;
    }
    if (isMap(node) || isSeq(node)) return (n.items ?? []).some(visit);
    if (isPair(node)) return visit(n.key) || visit(n.value);
    return false;
  };
  visit(doc.contents);
  return found;
}

/** Turns non-JSON values the core schema can still yield (Maps with complex keys, etc.) into JSON. */
function sanitize(v: unknown): JsonValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(sanitize);
  if (v instanceof Map) {
    const out: { [k: string]: JsonValue } = {};
    for (const [k, val] of v) defineKey(out, String(k), sanitize(val));
    return out;
  }
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v instanceof Uint8Array) return `<${v.length} bytes>`;
  if (typeof v === 'object') {
    const out: { [k: string]: JsonValue } = {};
    for (const k of Object.keys(v)) defineKey(out, k, sanitize((v as Record<string, unknown>)[k]));
    return out;
  }
  return String(v);
}

/** Sets a key as an own data property, so `__proto__` can never reach a prototype. */
export function defineKey(obj: { [k: string]: JsonValue }, key: string, value: JsonValue): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function cleanMessage(m: string): string {
  return m
    .replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '')
    .replace(/\n[\s\S]*$/, '')
    .trim();
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
