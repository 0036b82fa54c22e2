import picomatch from 'picomatch/posix';
import { loadConfig } from './config/load';
import type { ConfigProblem } from './config/types';
import { configSignature } from './config/signature';
import type { Clock, FileStamp, PackSource, WarmCache, WorkspaceFileSystem } from './host';
import { restoreWarm, stampAll } from './warm/restore';
import { toCached } from './warm/state';
import { packSearch, searchInPart } from './warm/search';
import { recordPlanTree, staleFiles, treeAfterChanges } from './warm/treeDeps';
import { reportFromPart, type ReportHeader, saveReportPart } from './warm/report';
import { summaryHolds } from './warm/verify';
import type { DashboardData } from './dashboard/types';
import type { SearchOptions, SearchResponse } from './search/types';
import type { ResolvedConfig } from './config/types';
import type { CachedPlanTree, CachedSummary } from './host';
import type { Diagnostic } from './types';
import type { RangeMany } from './parse/positions';
import type { PlanTree } from './plan/tree';
import { formatOf, type ParsedFile, type ParseInput } from './parse/file';
import { builtinRules } from './rules/builtin';
import type { Rule } from './rules/rule';
import { OpenedWorkspace } from './front/opened';
import { loadFiles } from './front/load';
import type { OpsbookWorkspace, SaveOptions } from './front/api';
import { compileSchemas, type SchemaCache } from './schema/compiled';
import { isIsoDate } from './util/dates';

export interface EngineInit {
  fs: WorkspaceFileSystem;
  /** Built-in packs by name (`ops`), plus packs contributed by other extensions. */
  builtinPacks: ReadonlyMap<string, PackSource>;
  /** Configuration file relative to the root (default `opsbook.yaml`). */
  configPath?: string;
  /** Fixed date for date rules; wins over `today:` in the configuration. */
  today?: string;
  clock: Clock;
  ruleOverrides?: Record<string, unknown>;
  /** Extra rules (tests, packs from code). */
  rules?: readonly Rule[];
  /**
   * Parses many files, possibly in parallel (worker threads in the Node host). Defaults to
   * parsing in this thread. Must return the same results as `parseFile`.
   */
  parseMany?: (files: ParseInput[]) => Promise<ParsedFile[]>;
  /**
   * `parseMany` reads files itself (inputs with `file`, from `fs.directPath`) and, asked with
   * `stamp`, returns their stamps and hashes computed as `cache.hash` computes them.
   */
  parseReadsFiles?: boolean;
  /** Works out source ranges (`rangesOf` of each job), possibly in parallel: used by `resolveRanges`. */
  rangeMany?: RangeMany;
  /** A persistent cache of computed state (warm start); needs `fs.stamp`. */
  cache?: WarmCache;
  /**
   * Called between slices of a cold load (every 32 files, every ~12 ms of checking entities): the
   * editor passes a yield to its event loop so loading never blocks it for long.
   */
  pause?: () => Promise<void>;
  /**
   * The model is read once and seldom edited (a CLI command): what only speeds up re-checks
   * after an edit (which entities read what) is worked out at the first edit, not while loading.
   */
  oneShot?: boolean;
  /** Compiled schemas shared between folders and reloads (one per host process); compiled per open when absent. */
  schemas?: SchemaCache;
}

export interface OpenResult {
  workspace: OpsbookWorkspace;
  /** Problems in `opsbook.yaml` or packs: the CLI stops with exit 2 when there are any. */
  configProblems: ConfigProblem[];
  /** How the files were loaded: from scratch, or from the cache plus `changed` files. */
  load?: { warm: boolean; changed: number };
  /**
   * Writes the warm-start cache (with the ranges resolved so far: call it after reading the
   * diagnostics). A no-op without a cache or when nothing changed since it was read.
   */
  saveCache(options?: SaveOptions): Promise<void>;
  /**
   * Takes the state to cache now and returns the function that writes it, later: source
   * ranges resolved meanwhile for these same files (publishing diagnostics resolves them) are
   * written too, while files changed meanwhile are written as they were at the snapshot. The
   * editor snapshots right after loading, before unsaved editor text is applied. With
   * `summary: false`, the writer may be given the snapshot's diagnostics for the summary
   * (the editor computes them in slices as it publishes them), else none is written.
   */
  snapshotCache(options?: SaveOptions): (diagnostics?: Diagnostic[]) => Promise<void>;
  /** Writes the report part (`reportFromCache`) for dashboard data built from this workspace as loaded. */
  saveReport(data: DashboardData): Promise<void>;
}

export type { SaveOptions } from './front/api';

/** Whether a workspace path is one the configuration includes (and does not exclude). */
export function fileFilter(include: string[], exclude: string[]): { included(path: string): boolean; excluded(path: string): boolean } {
  const inc = picomatch(include, { dot: true });
  const exc = picomatch(exclude, { dot: true });
  return {
    included: (p) => inc(p) && !exc(p) && formatOf(p) !== undefined,
    excluded: (p) => exc(p),
  };
}

/** The configuration of the folder, with its packs and settings. */
function loadEngineConfig(init: EngineInit): ReturnType<typeof loadConfig> {
  const readText = async (p: string): Promise<string | undefined> => {
    const c = await init.fs.readFile(p);
    return c === undefined ? undefined : typeof c === 'string' ? c : new TextDecoder().decode(c);
  };
  const configInput: Parameters<typeof loadConfig>[0] = { readWorkspaceFile: readText, builtinPacks: init.builtinPacks };
  if (init.configPath) configInput.configPath = init.configPath;
  if (init.ruleOverrides) configInput.ruleOverrides = init.ruleOverrides;
  if (init.pause) configInput.pause = init.pause;
  if (init.schemas) configInput.schemas = init.schemas;
  return loadConfig(configInput);
}

/**
 * What opening a folder and checking it from the cache both start from: the configuration,
 * the date, and (each read once, when first asked for) the documents and their stamps. The CLI
 * and the editor try `checkFromCache` and then `openWorkspace` with one setup, so the folder is
 * configured, listed and stat-ed once.
 */
export interface WorkspaceSetup {
  config: ResolvedConfig;
  /** Problems of `opsbook.yaml` and its packs. */
  problems: readonly ConfigProblem[];
  today: string;
  /** The configuration file, relative to the root. */
  configPath: string;
  /** The documents, sorted: every included file but the configuration. */
  paths(): Promise<string[]>;
  /** The documents' stamps, in the order of `paths()`. */
  stamps(): Promise<(FileStamp | undefined)[]>;
  /** When `stamps()` was first called (cache clock, ms): no stamp was taken before. */
  stampedAt(): number | undefined;
}

export async function prepareWorkspace(init: EngineInit): Promise<WorkspaceSetup> {
  const { config, problems } = await loadEngineConfig(init);
  // The configuration file is read by the config loader, not as a document of the workspace.
  const configPath = init.configPath ?? 'opsbook.yaml';
  const filter = fileFilter(config.include, config.exclude);
  let paths: Promise<string[]> | undefined;
  let stamps: Promise<(FileStamp | undefined)[]> | undefined;
  let stampedAt: number | undefined;
  const setup: WorkspaceSetup = {
    config,
    problems,
    today: init.today ?? config.today ?? init.clock(),
    configPath,
    paths: () => (paths ??= workspacePaths(init, filter, configPath)),
    stamps: () => {
      // Stamps count from when they were first asked for.
      stampedAt ??= init.cache?.now();
      return (stamps ??= setup.paths().then((p) => stampAll(init.fs, p, init.pause)));
    },
    stampedAt: () => stampedAt,
  };
  return setup;
}

/** Loads the configuration and every file of a workspace folder. */
export async function openWorkspace(init: EngineInit, setup?: WorkspaceSetup): Promise<OpenResult> {
  const { config, today, configPath } = (setup ??= await prepareWorkspace(init));
  const problems = [...setup.problems];
  if (!isIsoDate(today)) problems.push({ file: configPath, line: 1, column: 1, message: `today "${today}" is not a date (YYYY-MM-DD)` });
  // The editor compiles schemas one at a time between pauses; a reload reuses them.
  const compiled = await compileSchemas(config, init.schemas, init.pause);
  const workspace = new OpenedWorkspace(config, [...builtinRules, ...(init.rules ?? [])], today, problems, compiled);
  if (init.rangeMany) workspace.useRanger(init.rangeMany);
  for (const p of workspace.analyzer.problems) problems.push({ file: configPath, line: 1, column: 1, message: p });
  const noSave = async () => undefined;
  const none = { saveCache: noSave, snapshotCache: () => noSave, saveReport: noSave };
  if (problems.length > 0) return { workspace, configProblems: problems, ...none };

  const paths = await setup.paths();
  const cache = init.cache;
  if (cache && init.fs.stamp) {
    const signature = cacheSignature(config, init);
    // Stamps taken earlier (a `checkFromCache` with this setup) count from when they were taken.
    const startedAt = Math.min(cache.now(), setup.stampedAt() ?? Infinity);
    const warm = await restoreWarm(workspace, init.fs, cache, signature, paths, setup.stamps, init.pause);
    // A CLI save records the plan tree: its lines are worked out on the workers while the
    // entities are checked (the editor records no tree).
    const files = warm?.files ?? (await loadFiles(workspace, init, paths, cache, init.pause ? undefined : () => workspace.prefetchPlanRanges()));
    const rangesBefore = warm ? workspace.resolvedRangeCount : -1;
    const snapshotCache = (options: SaveOptions = {}): ((diagnostics?: Diagnostic[]) => Promise<void>) => {
      const counts = { files, savedAt: startedAt, today, fileCount: workspace.fileCount, entityCount: workspace.entityCount };
      const now =
        options.summary === false ? undefined : { ...counts, diagnostics: options.diagnostics ?? workspace.diagnostics(), ...recordedTree(workspace) };
      const state = workspace.snapshotState();
      return async (diagnostics) => {
        const summary = now ?? (diagnostics ? { ...counts, diagnostics } : undefined);
        if (warm && warm.changed === 0 && warm.reverified === 0 && workspace.resolvedRangeCount === rangesBefore && (warm.summaryIntact || !summary)) return;
        await cache.save(signature, { state: toCached(state()), files, savedAt: startedAt }, summary, init.pause);
      };
    };
    workspace.useCache(snapshotCache);
    workspace.useSearchCache(async (pack) => {
      const chunks = cache.saveSearch && packSearch(pack, files, startedAt);
      if (chunks) await cache.saveSearch!(signature, chunks);
    });
    return {
      workspace,
      configProblems: problems,
      load: { warm: !!warm, changed: warm?.changed ?? paths.length },
      saveCache: (options) => snapshotCache(options)(),
      snapshotCache,
      saveReport: (data) => saveReportPart(cache, signature, data, files, startedAt),
    };
  }
  await loadFiles(workspace, init, paths);
  return { workspace, configProblems: problems, load: { warm: false, changed: paths.length }, ...none };
}

export { createWorkspace } from './front/create';

/** Paths matched per slice: matching 50,000 paths against the globs takes ~100 ms. */
const MATCH_SLICE = 4096;

/** The workspace's documents, sorted: every file the configuration includes, except the configuration itself. */
async function workspacePaths(init: EngineInit, filter: ReturnType<typeof fileFilter>, configPath: string): Promise<string[]> {
  const all = await init.fs.listFiles(filter.excluded);
  const paths: string[] = [];
  for (let i = 0; i < all.length; i++) {
    const p = all[i]!;
    if (p !== configPath && filter.included(p)) paths.push(p);
    if (init.pause && i % MATCH_SLICE === MATCH_SLICE - 1) await init.pause();
  }
  return paths.sort();
}

function cacheSignature(config: ResolvedConfig, init: EngineInit): string {
  return `${configSignature(config)}\u0000${(init.rules ?? []).map((r) => r.id).join(',')}`;
}

export interface CachedCheck {
  files: number;
  entities: number;
  diagnostics: Diagnostic[];
}

/**
 * The diagnostics of an unchanged workspace straight from the warm-start cache, without
 * building the model: same configuration, same date, every file's stamp unchanged (and not
 * modified just before the cache was written), no file added or removed. Undefined otherwise;
 * the caller then opens the workspace normally.
 */
export async function checkFromCache(init: EngineInit, setup?: WorkspaceSetup): Promise<CachedCheck | undefined> {
  setup ??= await prepareWorkspace(init);
  const summary = await loadedSummary(init, setup);
  return summary && (await summaryHolds(init.cache!, init.fs, setup, summary, cacheSignature(setup.config, init)))
    ? { files: summary.fileCount, entities: summary.entityCount, diagnostics: summary.diagnostics }
    : undefined;
}

/**
 * The plan tree from the warm-start cache (written by a `check`): for an unchanged workspace, as
 * `checkFromCache`, and after a few changes that cannot touch what it was built from (see
 * `treeAfterChanges`); undefined otherwise.
 */
export async function planTreeFromCache(init: EngineInit, setup?: WorkspaceSetup): Promise<PlanTree | undefined> {
  setup ??= await prepareWorkspace(init);
  const summary = await loadedSummary(init, setup);
  const cache = init.cache;
  const stale = summary && cache && staleFiles(summary, await setup.paths(), await setup.stamps());
  if (!stale) return undefined;
  const { config, today } = setup;
  if (stale.suspect.length + stale.gone.length > 0 && !(await summaryHolds(cache, init.fs, setup, summary, cacheSignature(config, init))))
    return treeAfterChanges(summary, stale, { fs: init.fs, hash: (c) => cache.hash(c), config, today });
  return summary.planTree as PlanTree | undefined;
}

/**
 * A search answered from the search part of the warm-start cache (written by a `search` that
 * opened the workspace): unchanged files are not read, a few changed ones are re-indexed. Same
 * configuration required; undefined when there is no usable part (the caller opens the workspace).
 */
export async function searchFromCache(
  init: EngineInit,
  setup: WorkspaceSetup | undefined,
  query: string,
  options?: SearchOptions,
): Promise<SearchResponse | undefined> {
  const cache = init.cache;
  if (!cache?.loadSearch || !init.fs.stamp) return undefined;
  setup ??= await prepareWorkspace(init);
  if (setup.problems.length > 0 || !isIsoDate(setup.today)) return undefined;
  const bytes = await cache.loadSearch(cacheSignature(setup.config, init));
  const { config, today } = setup;
  const inputs = { fs: init.fs, hash: (c: Uint8Array | string) => cache.hash(c), config, today, paths: await setup.paths(), stamps: await setup.stamps() };
  return bytes && searchInPart(bytes, inputs, query, options);
}

/** The dashboard data for a report from the warm-start cache (see `reportFromPart`), or undefined. */
export async function reportFromCache(init: EngineInit, setup: WorkspaceSetup, header: ReportHeader): Promise<DashboardData | undefined> {
  const ok = init.cache && init.fs.stamp && setup.problems.length === 0 && isIsoDate(setup.today);
  return ok ? reportFromPart(init.cache!, init.fs, setup, cacheSignature(setup.config, init), header) : undefined;
}

function recordedTree(ws: OpsbookWorkspace): Pick<CachedSummary, 'planTree' | 'planTreeDeps'> {
  const { tree, deps } = recordPlanTree(ws);
  return deps ? { planTree: tree as unknown as CachedPlanTree, planTreeDeps: deps } : { planTree: tree as unknown as CachedPlanTree };
}

/** The summary written for this configuration and date, whatever changed since. */
async function loadedSummary(init: EngineInit, setup: WorkspaceSetup): Promise<CachedSummary | undefined> {
  const cache = init.cache;
  if (!cache || !init.fs.stamp || setup.problems.length > 0) return undefined;
  try {
    const summary = await cache.loadSummary(cacheSignature(setup.config, init));
    return summary && summary.today === setup.today ? summary : undefined;
  } catch {
    return undefined;
  }
}
