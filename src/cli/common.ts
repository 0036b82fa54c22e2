import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkFromCache, openWorkspace, type CachedCheck, type EngineInit, type OpenResult } from '../core/engine';
import type { Workspace } from '../core/model/workspace';
import { isIsoDate } from '../core/util/dates';
import { NodeWorkspaceFs } from '../node/fs';
import { builtinPacks, systemToday } from '../node/host';
import { defaultCacheDir, NodeWarmCache } from '../node/cache';
import { parallelParser } from '../node/parallel';
import { BUILD, VERSION } from './version';
import { UsageError, type CliIo } from './io';

export const COMMON_OPTIONS = {
  root: { type: 'string' },
  config: { type: 'string' },
  today: { type: 'string' },
  'no-cache': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export const COMMON_HELP = `Common options:
  --root DIR           workspace folder (default: current directory)
  --config FILE        configuration file relative to the root (default: opsbook.yaml)
  --today YYYY-MM-DD   fixed date for date rules (default: config "today", else the clock)
  --no-cache           neither read nor write the warm-start cache (~/.cache/opsbook, or
                       $OPSBOOK_CACHE_DIR); off by default when $CI is set or
                       OPSBOOK_NO_CACHE=1, on with OPSBOOK_CACHE=1
  -h, --help           show this help`;

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message.replace(/\. To specify a positional argument.*$/, '') : String(err));
  }
}

export interface CommonValues {
  root?: string | undefined;
  config?: string | undefined;
  today?: string | undefined;
  'no-cache'?: boolean | undefined;
}

const savers = new WeakMap<Workspace, () => Promise<void>>();

/**
 * Writes the warm-start cache of a workspace opened by `open`, after the command has read what
 * it needs (so resolved source positions are kept too). Failures are ignored: the cache only
 * saves time.
 */
export async function persist(ws: Workspace): Promise<void> {
  try {
    await savers.get(ws)?.();
  } catch {
    // e.g. a read-only home directory
  }
}

export function rootOf(io: CliIo, values: CommonValues): string {
  return path.resolve(io.cwd, values.root ?? '.');
}

/** The engine's inputs for a command's options (validated: bad values are usage errors). */
async function engineInit(io: CliIo, values: CommonValues): Promise<EngineInit> {
  if (values.today !== undefined && !isIsoDate(values.today)) throw new UsageError(`--today must be a date YYYY-MM-DD, got "${values.today}"`);
  const root = rootOf(io, values);
  const fs = new NodeWorkspaceFs(root);
  const ok = await fs.size('.');
  if (ok === undefined) throw new UsageError(`--root ${values.root ?? '.'}: no such folder`);
  if (values.config !== undefined && fs.resolve(values.config) === undefined) throw new UsageError(`--config ${values.config}: must be inside the root`);
  const init: EngineInit = { fs, builtinPacks: builtinPacks(), clock: systemToday, parseMany: parallelParser() };
  if (values.config !== undefined) {
    init.configPath = values.config.split(path.sep).join('/');
    if ((await fs.size(init.configPath)) === undefined) throw new UsageError(`--config ${values.config}: file not found`);
  }
  if (values.today !== undefined) init.today = values.today;
  // CI machines start from scratch every run: writing a cache there only costs time.
  const cacheWanted = process.env['OPSBOOK_CACHE'] === '1' || (!process.env['CI'] && !process.env['OPSBOOK_NO_CACHE']);
  if (BUILD && !values['no-cache'] && cacheWanted) init.cache = new NodeWarmCache(root, `${VERSION}+${BUILD}`, defaultCacheDir(), init.configPath ?? 'opsbook.yaml');
  return init;
}

/**
 * The diagnostics of an unchanged workspace from the warm-start cache (see `checkFromCache`),
 * or undefined: then `open` it.
 */
export async function cachedCheck(io: CliIo, values: CommonValues): Promise<CachedCheck | undefined> {
  const init = await engineInit(io, values);
  try {
    return await checkFromCache(init);
  } catch {
    return undefined;
  }
}

/** Opens the workspace for a command; configuration problems become a usage error (exit 2). */
export async function open(io: CliIo, values: CommonValues): Promise<Workspace> {
  const init = await engineInit(io, values);
  const result: OpenResult = await openWorkspace(init);
  savers.set(result.workspace, result.saveCache);
  if (result.configProblems.length > 0) {
    throw new UsageError(`configuration problems:\n${result.configProblems.map((p) => `  ${p.file}:${p.line}:${p.column}  ${p.message}`).join('\n')}`);
  }
  return result.workspace;
}
