import type { CachedFile, CachedSummary, FileStamp, WarmCache, WorkspaceFileSystem } from '../host';
import { stampTrusted } from './restore';

/** Files re-read to re-verify a cached answer by content; beyond this the caller computes it again. */
export const MAX_RECHECK = 64;

/** A file table as stored with a cached answer: looked up by path. */
export interface TableView {
  readonly size: number;
  get(path: string): CachedFile | undefined;
}

export interface RecheckInputs {
  fs: WorkspaceFileSystem;
  hash(content: Uint8Array | string): string;
  /** The workspace's documents now, and their stamps (in the same order). */
  paths: readonly string[];
  stamps: readonly (FileStamp | undefined)[];
  /** When the stamps were taken (host clock, ms, before the first stat): undefined when not known. */
  stampedAt?: number | undefined;
}

export interface Recheck {
  /** Files re-read and found with the content they had. */
  reverified: number;
  /**
   * Every stamp is the one in the table and the files modified just before `savedAt` were
   * re-read and found unchanged, at least one of them now older than the racy window: the
   * table is what a write at `stampedAt` would store, so its time can move there (`restamp`).
   */
  restampable: boolean;
}

/**
 * Whether the files a cached answer was computed from are the workspace's files now, with the
 * content they had: the same paths, and each file with its stamp unchanged and not modified
 * just before `savedAt` (the racy window, where a later edit can keep the stamp), or else
 * re-read and found with the same content hash. Undefined when anything differs, or when more
 * than `MAX_RECHECK` files would have to be read. Only the suspect files are read, so a file
 * edited just before the cache was written costs one read, not a rebuild.
 */
export async function recheck(table: TableView, savedAt: number, inputs: RecheckInputs): Promise<Recheck | undefined> {
  const { paths, stamps } = inputs;
  if (paths.length !== table.size) return undefined;
  const suspect: [string, CachedFile][] = [];
  let stampsSame = true;
  let trustedNow = false;
  for (let i = 0; i < paths.length; i++) {
    const p = paths[i]!;
    const c = table.get(p);
    const st = stamps[i];
    if (!c || !st) return undefined;
    const same = st.size === c.size && st.mtimeMs === c.mtimeMs;
    if (same && stampTrusted(st.mtimeMs, savedAt)) continue;
    if (!same) stampsSame = false;
    else if (inputs.stampedAt !== undefined && stampTrusted(st.mtimeMs, inputs.stampedAt)) trustedNow = true;
    suspect.push([p, c]);
    if (suspect.length > MAX_RECHECK) return undefined;
  }
  for (const [p, c] of suspect) {
    const content = await inputs.fs.readFile(p);
    if (content === undefined || inputs.hash(content) !== c.hash) return undefined;
  }
  return { reverified: suspect.length, restampable: stampsSame && trustedNow };
}

/** A table kept as an object by path (the summary's). */
export function tableOf(files: Record<string, CachedFile>): TableView {
  const size = Object.keys(files).length;
  return { size, get: (p) => (Object.prototype.hasOwnProperty.call(files, p) ? files[p] : undefined) };
}

/** What `recheck` needs of a workspace setup (the engine's `WorkspaceSetup`). */
export interface StampedSetup {
  paths(): Promise<string[]>;
  stamps(): Promise<(FileStamp | undefined)[]>;
  stampedAt(): number | undefined;
}

/** The inputs of `recheck` for a setup. */
export async function recheckInputs(cache: WarmCache, fs: WorkspaceFileSystem, setup: StampedSetup): Promise<RecheckInputs> {
  const [paths, stamps] = [await setup.paths(), await setup.stamps()];
  return { fs, hash: (c) => cache.hash(c), paths, stamps, stampedAt: setup.stampedAt() };
}

/**
 * Whether the summary's answers hold for the files now (see `recheck`); when only files
 * modified just before it was written were re-read, and found unchanged, the cache's stamps
 * count from now on (`restamp`), so the next commands do not re-read them.
 */
export async function summaryHolds(
  cache: WarmCache,
  fs: WorkspaceFileSystem,
  setup: StampedSetup,
  summary: CachedSummary,
  signature: string,
): Promise<boolean> {
  const inputs = await recheckInputs(cache, fs, setup);
  const r = await recheck(tableOf(summary.files), summary.savedAt, inputs);
  if (r?.restampable && inputs.stampedAt !== undefined) await cache.restamp?.(signature, summary.savedAt, inputs.stampedAt).catch(() => undefined);
  return r !== undefined;
}
