import type { ResolvedConfig } from '../config/types';
import type { FileStamp, SearchPart, SearchPartChunks, WorkspaceFileSystem } from '../host';
import { searchDocsOf } from '../model/searchDocs';
import { Workspace } from '../model/workspace';
import { parseFile, type ParsedFile } from '../parse/file';
import { YamlPositions } from '../parse/positions';
import { SearchIndex } from '../search/searchIndex';
import { SectionReader, SectionWriter } from '../search/sections';
import type { SearchDoc, SearchOptions, SearchResponse } from '../search/types';
import { stampTrusted, type FileTable } from './restore';
import { readTable, writeTable } from './table';

/** Layout version of the search part; another one is ignored (and rewritten by the next search). */
const FORMAT = 1;
/**
 * Changed files brought up to date in the loaded index; beyond this the caller opens the
 * workspace and writes the part again (a branch switch changes thousands).
 */
export const MAX_SEARCH_CHANGES = 64;

/** The search part: the index (`SearchIndex.pack`) and the file table it was built from. */
export function packSearch(pack: (out: SectionWriter) => boolean, files: FileTable, savedAt: number): SearchPartChunks | undefined {
  const out = new SectionWriter();
  if (!pack(out) || !writeTable(out, files)) return undefined;
  return out.finish({ format: FORMAT, savedAt });
}

export interface SearchPartInputs {
  fs: WorkspaceFileSystem;
  hash(content: Uint8Array | string): string;
  config: ResolvedConfig;
  today: string;
  /** The workspace's documents now, and their stamps (in the same order). */
  paths: readonly string[];
  stamps: readonly (FileStamp | undefined)[];
}

/**
 * Answers a query from the search part: files whose stamp is unchanged (and was not racy when
 * the part was written) are taken as indexed; the others are hashed, and those whose content
 * changed are parsed and their documents replaced; files gone are removed. Hits whose line is
 * not known yet get it from their file, as the opened workspace resolves it. Undefined when the
 * part is unusable or too much changed: the caller then opens the workspace.
 */
export async function searchInPart(
  part: SearchPart,
  inputs: SearchPartInputs,
  query: string,
  options: SearchOptions = {},
): Promise<SearchResponse | undefined> {
  try {
    return await searchIn(part, inputs, query, options);
  } finally {
    part.close();
  }
}

async function searchIn(part: SearchPart, inputs: SearchPartInputs, query: string, options: SearchOptions): Promise<SearchResponse | undefined> {
  const data = new SectionReader(part);
  const meta = data.meta as { format?: unknown; savedAt?: unknown } | null;
  if (!meta || meta.format !== FORMAT || typeof meta.savedAt !== 'number') return undefined;
  const savedAt = meta.savedAt;
  const table = readTable(data);
  if (!table) return undefined;

  const suspect: string[] = [];
  inputs.paths.forEach((p, i) => {
    const c = table.get(p);
    const st = inputs.stamps[i];
    if (!c || !st || st.size !== c.size || st.mtimeMs !== c.mtimeMs || !stampTrusted(st.mtimeMs, savedAt)) suspect.push(p);
  });
  const present = new Set(inputs.paths);
  const gone = table.paths.filter((p) => !present.has(p));
  if (suspect.length + gone.length > MAX_SEARCH_CHANGES) return undefined;

  const changed: ParsedFile[] = [];
  for (const p of suspect) {
    const content = await inputs.fs.readFile(p);
    if (content === undefined) {
      gone.push(p);
      continue;
    }
    if (table.get(p)?.hash === inputs.hash(content)) continue;
    changed.push(parseFile(p, content));
  }

  const index = SearchIndex.unpack(data);
  // The documents of some files, found in one pass over the index (nothing kept for the others).
  const docsOf = (files: ReadonlySet<string>): Map<string, SearchDoc[]> => {
    const byFile = new Map<string, SearchDoc[]>();
    if (files.size === 0) return byFile;
    for (const doc of index.documents()) {
      const file = doc.file;
      if (!files.has(file)) continue;
      const list = byFile.get(file);
      if (list) list.push(doc);
      else byFile.set(file, [doc]);
    }
    return byFile;
  };
  if (changed.length > 0 || gone.length > 0) {
    for (const docs of docsOf(new Set([...gone, ...changed.map((c) => c.path)])).values()) for (const doc of docs) index.remove(doc.key);
    if (changed.length > 0) {
      // The changed files' entities, as the workspace reads them (kinds, vocabularies). Schemas
      // only add findings (validation changes no data): none are compiled for this.
      const scratch = new Workspace(inputs.config, [], inputs.today, [], { byKind: new Map(), problems: [] });
      scratch.indexParsedFiles(changed);
      for (const c of changed) for (const doc of searchDocsOf(scratch, c.path)) index.add(doc);
    }
  }

  const res = index.search(query, { fiscalYearStart: inputs.config.fiscalYearStart, ...options });
  const parsedNow = new Map(changed.map((c) => [c.path, c]));
  const hitDocs = docsOf(new Set(res.results.filter((h) => h.line <= 0).map((h) => h.file)));
  for (const hit of res.results) {
    if (hit.line > 0) continue;
    const anchor = hitDocs.get(hit.file)?.find((d) => d.kind === hit.kind && d.id === hit.id)?.anchor;
    let parsed = parsedNow.get(hit.file);
    if (anchor && !parsed) {
      const content = await inputs.fs.readFile(hit.file);
      if (content === undefined) return undefined;
      parsed = parseFile(hit.file, content);
      parsedNow.set(hit.file, parsed);
    }
    hit.line = anchor && parsed ? new YamlPositions(parsed.yamlText, parsed.yamlLineOffset).rangeOf(anchor.doc, anchor.path, 'entity').start.line : 1;
  }
  return res;
}
