import type { WarmCache, WorkspaceFileSystem } from '../host';
import type { Workspace } from '../model/workspace';
import { parseInput, type ParsedFile, type ParseInput } from '../parse/file';
import type { FileTable } from '../warm/restore';

/** Files read and parsed per batch; batches stream through the parser while earlier ones are indexed. */
const BATCH = 256;
const RESPONSIVE_BATCH = 32;

/** What a load takes from `EngineInit` (see there). */
export interface LoadInputs {
  fs: WorkspaceFileSystem;
  parseMany?: ((files: ParseInput[]) => Promise<ParsedFile[]>) | undefined;
  parseReadsFiles?: boolean | undefined;
  pause?: (() => Promise<void>) | undefined;
  oneShot?: boolean | undefined;
}

/**
 * Reads, parses and indexes the files in batches, then checks every entity. With a parallel
 * parser (worker threads), several batches are parsed while this thread indexes the previous
 * ones, so both cores work; file contents are dropped as soon as their batch is parsed.

 * `indexed` is called once every file is indexed, before the entities are checked.
 */
export async function loadFiles(workspace: Workspace, init: LoadInputs, paths: string[], cache?: WarmCache, indexed?: () => void): Promise<FileTable> {
  const table: FileTable = {};
  const parse = init.parseMany ?? ((files: ParseInput[]) => Promise.resolve(files.map(parseInput)));
  const inflight: Promise<ParsedFile[]>[] = [];
  const depth = init.parseMany ? 3 : 1;
  // Smaller batches when the host must stay responsive between them.
  const size = init.pause ? RESPONSIVE_BATCH : BATCH;
  const direct = init.parseMany && init.parseReadsFiles && init.fs.directPath ? init.fs.directPath.bind(init.fs) : undefined;
  const take = (parsed: ParsedFile[]): ParsedFile[] => {
    for (const p of parsed) {
      if (p.read) table[p.path] = p.read;
      delete p.read;
    }
    return parsed;
  };
  for (let i = 0; i < paths.length; i += size) {
    const batch = paths.slice(i, i + size);
    // A parser that reads files itself gets their paths: the bytes never pass through this thread.
    const files = direct ? batch.map((p) => direct(p)) : [];
    const indirect = direct ? batch.filter((_, n) => files[n] === undefined) : batch;
    // Stamped before reading: an edit made after the read moves the stamp, so it is seen next time.
    const stamps = cache ? await Promise.all(indirect.map((p) => init.fs.stamp?.(p))) : [];
    const read = await readAll(init.fs, indirect);
    if (cache) {
      read.forEach((c, n) => {
        const st = stamps[n];
        if (st) table[c.path] = { ...st, hash: cache.hash(c.content) };
      });
    }
    let next = 0;
    const contents: ParseInput[] = direct
      ? batch.map((p, n) => (files[n] !== undefined ? { path: p, file: files[n], ...(cache ? { stamp: true } : {}) } : read[next++]!))
      : read;
    inflight.push(parse(contents));
    if (inflight.length >= depth) workspace.indexParsedFiles(take(await (inflight.shift() as Promise<ParsedFile[]>)));
    if (init.pause) await init.pause();
  }
  while (inflight.length > 0) workspace.indexParsedFiles(take(await (inflight.shift() as Promise<ParsedFile[]>)));
  indexed?.();
  if (init.pause) await workspace.evaluateAllInSlices(init.pause);
  else workspace.evaluateAll(init.oneShot);
  return table;
}

async function readAll(fs: WorkspaceFileSystem, paths: string[]): Promise<{ path: string; content: Uint8Array | string }[]> {
  const out: { path: string; content: Uint8Array | string }[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      const path = paths[i] as string;
      out[i] = { path, content: (await fs.readFile(path)) ?? '' };
    }
  };
  await Promise.all(Array.from({ length: Math.min(32, paths.length) }, worker));
  return out;
}
