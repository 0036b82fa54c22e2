/**
 * The engine reaches the outside world only through these interfaces. The CLI implements them
 * with Node's fs, the extension with VS Code's workspace API, tests with in-memory maps.
 */

/** Read access to one workspace folder. Paths are posix, relative to the root. */
export interface WorkspaceFileSystem {
  /** Every file below the root that is not pruned by `exclude` (directories matching are skipped). */
  listFiles(exclude: (path: string) => boolean): Promise<string[]>;
  /** File contents; `undefined` when the file does not exist or cannot be read. */
  readFile(path: string): Promise<Uint8Array | string | undefined>;
  /** Size in bytes without reading the file, when cheap (lets oversized files be skipped). */
  size?(path: string): Promise<number | undefined>;
  /** Size and modification time, for the warm-start cache. */
  stamp?(path: string): Promise<FileStamp | undefined>;
  /** An absolute path a parser on this machine may read the file at directly, when there is one (`EngineInit.parseReadsFiles`). */
  directPath?(path: string): string | undefined;
}

/** A pack folder (built-in, local, or contributed by another extension): read-only files. */
export interface PackSource {
  /** Display name: `ops` for the built-in pack, the relative path for local packs. */
  readonly name: string;
  /** Text of a file in the pack, `undefined` when absent. Paths are relative to the pack. */
  read(path: string): Promise<string | undefined>;
}

/** Today's date as `YYYY-MM-DD`, from the system clock in the host. */
export type Clock = () => string;

/** Size and modification time of a file: a cheap way to tell it has not changed. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** What the warm-start cache keeps per file: its stamp and the hash of its content. */
export interface CachedFile extends FileStamp {
  hash: string;
}

/** The part of the cache a `check` of an unchanged workspace needs: read without the state. */
export interface CachedSummary {
  files: Record<string, CachedFile>;
  savedAt: number;
  today: string;
  fileCount: number;
  entityCount: number;
  diagnostics: import('./types').Diagnostic[];
  /** The plan tree for `today` (what `opsbook tree` prints), when the writer computed it. */
  planTree?: CachedPlanTree;
  /** What the plan tree was built from (files, kinds): a change elsewhere leaves it as it is. */
  planTreeDeps?: { files: string[]; kinds: string[]; referencedKinds: string[] };
}

/** The engine's plan tree as plain, V8-serializable data: opaque to hosts (and no type import of the plan module here). */
export interface CachedPlanTree {
  readonly [opaque]: 'CachedPlanTree';
}

declare const opaque: unique symbol;

/** One file's computed state: plain, V8-serializable data the host stores and hands back as is. */
export interface CachedFileState {
  readonly [opaque]: 'CachedFileState';
}

/**
 * The engine's computed state of a workspace, for the warm-start cache: the date it was
 * computed for and each file's state (which a host may store in slices). Opaque to hosts.
 */
export interface CachedState {
  format: 1;
  today: string;
  files: CachedFileState[];
}

export interface CachedWorkspace {
  state: CachedState;
  files: Record<string, CachedFile>;
  /** When the files were stamped (host clock, ms): files modified just before are re-hashed. */
  savedAt: number;
  /** Set by `load`: whether the file also holds an intact summary (else the next save rewrites it). */
  summaryIntact?: boolean;
}

/**
 * A persistent cache of a workspace's computed state, outside the repository. The engine
 * trusts an entry only for the same configuration signature, and a file only when its stamp
 * (or, if that moved, its content hash) is unchanged.
 */
export interface WarmCache {
  hash(content: Uint8Array | string): string;
  /** The host clock in ms (stored as `savedAt`). */
  now(): number;
  /** The whole state; with `pause`, read and checked in slices with `pause` between them. */
  load(signature: string, pause?: () => Promise<void>): Promise<CachedWorkspace | undefined>;
  /** Only the summary (file table and diagnostics), much smaller than the state. */
  loadSummary(signature: string): Promise<CachedSummary | undefined>;
  /**
   * Writes the state, and the summary when given (the editor has no use for it); with `pause`,
   * serialized in slices with `pause` between them.
   */
  save(signature: string, data: CachedWorkspace, summary: CachedSummary | undefined, pause?: () => Promise<void>): Promise<void>;
  /** The search part (`opsbook search`'s index) written for this signature, both payloads checked whole. */
  loadSearch?(signature: string): Promise<SearchPart | undefined>;
  /** Writes the search part: each payload from its chunks, one after the other. */
  saveSearch?(signature: string, chunks: SearchPartChunks): Promise<void>;
  /** The report part (`opsbook report`'s dashboard data), as `loadSearch`: written for this signature, checked whole. */
  loadReport?(signature: string): Promise<SearchPart | undefined>;
  /** Writes the report part, as `saveSearch`. */
  saveReport?(signature: string, chunks: SearchPartChunks): Promise<void>;
  /**
   * Moves the time the cache's stamps count from (`savedAt`) from `from` to `to`, when the
   * cache still is the one written at `from`: every stamp was found unchanged at `to` and the
   * files modified just before `from` were re-hashed and found unchanged.
   */
  restamp?(signature: string, from: number, to: number): Promise<void>;
}

/** The search part as stored: an eager payload (read whole) and a lazy one (read piece by piece). */
export interface SearchPartChunks {
  eager: readonly Uint8Array[];
  lazy: readonly Uint8Array[];
}

/** The search part as loaded: the eager payload, and reads of the lazy one (until `close`). */
export interface SearchPart {
  /** The eager payload whole; a host reading from a file may give `eagerAt` instead (`eager` then empty). */
  eager: Uint8Array;
  /**
   * `length` bytes at `at` of the eager payload, in a buffer of their own: sections decoded into
   * strings then leave nothing behind, and the payload is never in memory twice.
   */
  eagerAt?(at: number, length: number): Uint8Array;
  lazyLength: number;
  /** `length` bytes at `at` of the lazy payload; throws when they cannot be read. */
  readLazy(at: number, length: number): Uint8Array;
  close(): void;
}
