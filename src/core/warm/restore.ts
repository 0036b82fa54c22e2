import type { CachedFile, CachedWorkspace, FileStamp, WarmCache, WorkspaceFileSystem } from '../host';
import { parseFile } from '../parse/file';
import type { Workspace } from '../model/workspace';
import { fromCached } from './state';

/**
 * Files modified less than this before the cache was written are re-hashed on the next start:
 * their stamp could match a later edit made within the file system's timestamp resolution.
 */
const RACY_MS = 2000;
/** Changed files re-parsed between pauses when restoring for the editor. */
const PARSE_SLICE = 16;

/** Whether a stamp taken at `savedAt` can be trusted (not modified within the racy window). */
export function stampTrusted(mtimeMs: number, savedAt: number): boolean {
  return mtimeMs < savedAt - RACY_MS;
}

/** Per-file stamps and hashes of a loaded workspace, saved with its state. */
export type FileTable = Record<string, CachedFile>;

/**
 * Restores a workspace from the cache and brings it up to date: files whose stamp changed are
 * re-hashed, and re-parsed through the incremental path only when their content changed; files
 * gone from disk are removed. Returns the file table, or undefined when the cache was unusable.
 */
export async function restoreWarm(
  ws: Workspace,
  fs: WorkspaceFileSystem,
  cache: WarmCache,
  signature: string,
  paths: readonly string[],
  stampsOf: () => Promise<readonly (FileStamp | undefined)[]>,
  pause?: () => Promise<void>,
): Promise<{ files: FileTable; changed: number; reverified: number; summaryIntact: boolean } | undefined> {
  let cached: CachedWorkspace | undefined;
  try {
    cached = await cache.load(signature, pause);
  } catch {
    cached = undefined;
  }
  if (!cached || !fs.stamp) return undefined;
  if (pause) await ws.importStateInSlices(fromCached(cached.state), pause);
  else ws.importState(fromCached(cached.state));
  const files: FileTable = {};
  const now = cache.now();
  const stamps = await stampsOf();
  const suspect: string[] = [];
  paths.forEach((p, i) => {
    const st = stamps[i];
    const c = cached.files[p];
    if (st && c && c.size === st.size && c.mtimeMs === st.mtimeMs && stampTrusted(st.mtimeMs, cached.savedAt) && ws.parsedFile(p)) files[p] = c;
    else suspect.push(p);
  });
  let changed = 0;
  // Suspect files found unchanged whose stamp a write now would trust: the next save records them.
  let reverified = 0;
  const present = new Set(paths);
  for (const p of ws.filePaths()) {
    if (!present.has(p)) {
      ws.deleteFile(p);
      changed++;
    }
  }
  const index = new Map(paths.map((p, i) => [p, i]));
  let sinceBreak = 0;
  for (const p of suspect) {
    // A branch switch can change thousands of files: give the host a turn every few of them.
    if (pause && ++sinceBreak % PARSE_SLICE === 0) await pause();
    const content = await fs.readFile(p);
    const st = stamps[index.get(p)!];
    if (content === undefined) {
      if (ws.parsedFile(p)) ws.deleteFile(p);
      changed++;
      continue;
    }
    const hash = cache.hash(content);
    if (st) files[p] = { ...st, hash };
    if (cached.files[p]?.hash === hash && ws.parsedFile(p)) {
      if (st && stampTrusted(st.mtimeMs, now)) reverified++;
      continue;
    }
    ws.setParsedFile(parseFile(p, content));
    changed++;
  }
  return { files, changed, reverified, summaryIntact: cached.summaryIntact === true };
}

/** Stats in flight at once: starting 50,000 at a time would itself hold the event loop. */
const STAMP_BATCH = 256;

/**
 * Every file's stamp, a batch at a time, with `pause` between batches (a file system whose
 * stat is synchronous would otherwise hold the event loop for all of them).
 */
export async function stampAll(fs: WorkspaceFileSystem, paths: readonly string[], pause?: () => Promise<void>): Promise<(FileStamp | undefined)[]> {
  const stamps: (FileStamp | undefined)[] = [];
  for (let i = 0; i < paths.length; i += STAMP_BATCH) {
    if (pause && i > 0) await pause();
    stamps.push(...(await Promise.all(paths.slice(i, i + STAMP_BATCH).map((p) => fs.stamp?.(p)))));
  }
  return stamps;
}
