import type { CachedFile } from '../host';
import type { Finding, JsonValue, Range } from '../types';
import { parseMarkdown, type Section } from './markdown';
import { decodeText, LineIndex } from './text';
import { parseYaml, type DamagedNode } from './yaml';

/** Files above this size are skipped with a warning: they are not hand-written documents. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type FileFormat = 'yaml' | 'markdown';

const MAX_PROBLEMS_PER_FILE = 20;

/** A file to parse. */
export interface ParseInput {
  path: string;
  /** The file's bytes; absent when `file` names it for a parser that reads files itself. */
  content?: Uint8Array | string;
  /** The file's absolute path, read by the parser (`EngineInit.parseReadsFiles`) instead of `content`. */
  file?: string;
  /** With `file`: also return the file's stamp and hash for the warm-start cache (`ParsedFile.read`). */
  stamp?: boolean;
}

/** Parses a `ParseInput` that carries its content (in a worker or in this thread: the result is the same). */
export function parseInput(input: ParseInput): ParsedFile {
  return parseFile(input.path, input.content ?? '');
}

/** The result of reading one file: plain data, so it can cross a worker boundary. */
export interface ParsedFile {
  path: string;
  format: FileFormat;
  text: string;
  /** YAML documents (for Markdown: the front matter, when there is one). */
  docs: JsonValue[];
  /** The YAML text that `docs` came from and its line offset in the file. */
  yamlText: string;
  yamlLineOffset: number;
  /** Markdown only. */
  body?: { text: string; line: number; sections: Section[]; hasFrontMatter: boolean };
  /**
   * Nodes that hold a YAML syntax error in documents that were still read (absent when none):
   * the entities containing them are left out, their siblings are kept.
   */
  damaged?: DamagedNode[];
  /** Problems found while reading: syntax, encoding, size. Ranges resolved. */
  problems: Finding[];
  /** Why the file was not read (binary, too large, encoding). */
  skipped?: string;
  /** Stamp and hash of a file the parser read itself (`ParseInput.stamp`), taken over by the engine for the cache. */
  read?: CachedFile;
}

export function formatOf(path: string): FileFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return undefined;
}

/** Reads one file into plain values. Never throws: every failure becomes a problem. */
export function parseFile(path: string, content: Uint8Array | string, format: FileFormat = formatOf(path) ?? 'yaml'): ParsedFile {
  const size = typeof content === 'string' ? content.length : content.byteLength;
  const base: ParsedFile = { path, format, text: '', docs: [], yamlText: '', yamlLineOffset: 0, problems: [] };
  if (size > MAX_FILE_BYTES) {
    base.skipped = 'too-large';
    base.problems.push(
      fileProblem(path, 'file/too-large', `file is ${(size / 1048576).toFixed(1)} MB, above the ${MAX_FILE_BYTES / 1048576} MB limit: skipped`, 'warning'),
    );
    return base;
  }
  const decoded = decodeText(content);
  if (!decoded.ok) {
    base.skipped = decoded.reason;
    base.problems.push(
      fileProblem(
        path,
        decoded.reason === 'binary' ? 'file/binary' : 'file/encoding',
        decoded.message,
        decoded.reason === 'binary' ? 'warning' : 'error',
        decoded.line,
      ),
    );
    return base;
  }
  const text = decoded.text;
  base.text = text;
  try {
    if (format === 'markdown') return parseMarkdownFile(base, text);
    base.yamlText = text;
    const { docs, problems, damaged } = parseYaml(text);
    base.docs = docs;
    if (damaged) base.damaged = damaged;
    addYamlProblems(base, problems, text, 0);
    return base;
  } catch (err) {
    base.problems.push(fileProblem(path, 'yaml/syntax', `file could not be read: ${err instanceof Error ? err.message : String(err)}`, 'error'));
    return base;
  }
}

function parseMarkdownFile(base: ParsedFile, text: string): ParsedFile {
  const md = parseMarkdown(text);
  base.body = { text: md.body, line: md.bodyLine, sections: md.sections, hasFrontMatter: !!md.frontMatter };
  if (md.unclosedFrontMatterLine !== undefined) {
    base.problems.push(
      fileProblem(base.path, 'yaml/syntax', 'front matter is not closed: add a line with --- after the last field', 'error', md.unclosedFrontMatterLine),
    );
    return base;
  }
  if (md.frontMatter) {
    base.yamlText = md.frontMatter.text;
    base.yamlLineOffset = md.frontMatter.lineOffset;
    const { docs, problems, damaged } = parseYaml(md.frontMatter.text);
    base.docs = docs.length > 1 ? [docs[0] ?? null] : docs;
    const kept = damaged?.filter((d) => d.doc === 0);
    if (kept && kept.length > 0) base.damaged = kept;
    if (docs.length > 1) base.problems.push(fileProblem(base.path, 'yaml/syntax', 'front matter holds more than one YAML document', 'error', 2));
    addYamlProblems(base, problems, md.frontMatter.text, md.frontMatter.lineOffset);
  }
  return base;
}

function addYamlProblems(base: ParsedFile, problems: ReturnType<typeof parseYaml>['problems'], yamlText: string, lineOffset: number): void {
  if (problems.length === 0) return;
  const lines = new LineIndex(yamlText);
  // One broken bracket can make the parser report an error per line after it; the first ones
  // say what is wrong, the rest are noise.
  const shown = problems.slice(0, MAX_PROBLEMS_PER_FILE);
  if (problems.length > shown.length) {
    const last = shown[shown.length - 1] as (typeof problems)[number];
    shown.push({ ...last, message: `${problems.length - MAX_PROBLEMS_PER_FILE} more YAML problems after this one are not shown; fix the ones above first` });
  }
  const at = (start: number, end: number): Range => {
    const r = lines.range(start, end);
    return { start: { line: r.start.line + lineOffset, column: r.start.column }, end: { line: r.end.line + lineOffset, column: r.end.column } };
  };
  const anchor = { file: base.path, doc: 0, path: [], part: 'entity' } as const;
  for (const p of shown) {
    const finding: Finding = { anchor, ruleId: p.ruleId, message: p.message, severity: p.severity, range: at(p.start, p.end) };
    if (p.related) finding.related = [{ anchor, message: p.related.message, range: at(p.related.start, p.related.end) }];
    base.problems.push(finding);
  }
}

function fileProblem(path: string, ruleId: string, message: string, severity: 'error' | 'warning', line = 1): Finding {
  return {
    anchor: { file: path, doc: 0, path: [], part: 'entity' },
    ruleId,
    message,
    severity,
    range: { start: { line, column: 1 }, end: { line, column: 1 } },
  };
}
