import { BUILD, VERSION, type Clock, type EngineInit, type PackSource, type SchemaCache, type WorkspaceFileSystem } from '../core';
import { existsSync } from 'node:fs';
import { defaultCacheDir, NodeWarmCache } from './cache';
import { builtinPacks, systemToday } from './host';
import { parallelParser, parallelRanger, startParsers } from './parallel';

/**
 * What the CLI and the editor say about a folder when they open it. Everything else (parse
 * workers, the built-in pack, the clock, the warm-start cache's key) is the same for both and
 * decided here.
 */
export interface EngineInputOptions {
  /** The folder's files: the working tree on disk, the editor's file system, a git revision. */
  fs: WorkspaceFileSystem;
  /** Built-in packs by name (default: the package's `ops` pack); the editor adds packs other extensions contribute. */
  builtinPacks?: ReadonlyMap<string, PackSource>;
  /** The configuration file relative to the root (default `opsbook.yaml`). */
  configPath?: string;
  /** A fixed date for date rules (`--today`, a setting). */
  today?: string;
  /** Rule severities set outside `opsbook.yaml` (editor settings). */
  ruleOverrides?: Record<string, unknown>;
  /** Today's date (default: the system clock in the local time zone). */
  clock?: Clock;
  /** Given by a host that must stay responsive (the editor): awaited between slices of a load. */
  pause?: () => Promise<void>;
  /** Parse in worker threads when the machine has cores for it (default true). */
  parallel?: boolean;
  /**
   * The warm-start cache of a folder on disk (`root`, absolute) in `dir` (default
   * `defaultCacheDir()`); none when absent or in a build without a build hash.
   */
  cache?: { root: string; dir?: string };
  /** Compiled schemas shared by the host's folders and reloads: one per process. */
  schemas?: SchemaCache;
  /** See `EngineInit.oneShot` (the CLI). */
  oneShot?: boolean;
  /**
   * The caller opens the workspace next, and nothing but the state cache could spare it parsing
   * every file (`check`, `diff`): without a cache file the parse workers start now, loading their
   * code (~90 ms each) while this thread reads the configuration, instead of at the first batch.
   */
  parsesAll?: boolean;
}

/** The engine's inputs for a folder, assembled the same way for the CLI and the editor. */
export function engineInputs(options: EngineInputOptions): EngineInit {
  const init: EngineInit = { fs: options.fs, builtinPacks: options.builtinPacks ?? builtinPacks(), clock: options.clock ?? systemToday };
  if (options.configPath !== undefined) init.configPath = options.configPath;
  if (options.today !== undefined) init.today = options.today;
  if (options.ruleOverrides) init.ruleOverrides = options.ruleOverrides;
  if (options.parallel !== false) {
    const parseMany = parallelParser();
    if (parseMany) {
      init.parseMany = parseMany;
      // The workers read the files (fs.directPath) and hash them as the cache below does.
      init.parseReadsFiles = true;
    }
    const rangeMany = parallelRanger();
    if (rangeMany) init.rangeMany = rangeMany;
  }
  if (options.pause) init.pause = options.pause;
  if (options.schemas) init.schemas = options.schemas;
  if (options.oneShot) init.oneShot = true;
  // Keyed by folder, configuration file and engine build: another build never reads it.
  if (options.cache && BUILD)
    init.cache = new NodeWarmCache(options.cache.root, `${VERSION}+${BUILD}`, options.cache.dir ?? defaultCacheDir(), options.configPath ?? 'opsbook.yaml');
  if (options.parsesAll && init.parseMany && !(init.cache instanceof NodeWarmCache && existsSync(init.cache.file))) startParsers();
  return init;
}
