import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  type CachedCheck,
  checkFromCache,
  type ConfigProblem,
  configDiagnostics,
  type Diagnostic,
  type EngineInit,
  isIsoDate,
  type OpenResult,
  openWorkspace,
  prepareWorkspace,
  type OpsbookWorkspace,
  type SchemaCache,
  type WorkspaceSetup,
} from '../core';
import { engineInputs } from '../node/engineInputs';
import { ConfigProblemsError } from './configProblems';
import { NodeWorkspaceFs } from '../node/fs';
import { closeParsers } from '../node/parallel';
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

/**
 * Writes the warm-start cache of a workspace opened by `open`, after the command has read what
 * it needs (so resolved source positions are kept too). Failures are ignored: the cache only
 * saves time.
 */
export async function persist(ws: OpsbookWorkspace, diagnostics?: Diagnostic[]): Promise<void> {
  try {
    await ws.save(diagnostics ? { diagnostics } : {});
  } catch {
    // e.g. a read-only home directory
  }
}

export function rootOf(io: CliIo, values: CommonValues): string {
  return path.resolve(io.cwd, values.root ?? '.');
}

/**
 * Checks the options every command shares (bad values are usage errors) and returns the
 * workspace folder; `--today` is checked here too.
 */
export async function checkedRoot(io: CliIo, values: CommonValues): Promise<NodeWorkspaceFs> {
  if (values.today !== undefined && !isIsoDate(values.today)) throw new UsageError(`--today must be a date YYYY-MM-DD, got "${values.today}"`);
  const fs = new NodeWorkspaceFs(rootOf(io, values));
  if ((await fs.size('.')) === undefined) throw new UsageError(`--root ${values.root ?? '.'}: no such folder`);
  if (values.config !== undefined && fs.resolve(values.config) === undefined) throw new UsageError(`--config ${values.config}: must be inside the root`);
  return fs;
}

/**
 * The engine's inputs for a folder (the working tree, or a git revision) and a command's
 * options; `cacheRoot`: the folder on disk whose warm-start cache to use.
 */
export function engineInitFor(
  fs: EngineInit['fs'],
  values: CommonValues,
  options: { cacheRoot?: string; schemas?: SchemaCache; parsesAll?: boolean } = {},
): EngineInit {
  return engineInputs({
    fs,
    oneShot: true,
    ...(options.parsesAll ? { parsesAll: true } : {}),
    ...(values.config !== undefined ? { configPath: values.config.split(path.sep).join('/') } : {}),
    ...(values.today !== undefined ? { today: values.today } : {}),
    ...(options.cacheRoot !== undefined ? { cache: { root: options.cacheRoot } } : {}),
    ...(options.schemas ? { schemas: options.schemas } : {}),
  });
}

/** Configuration problems as the usage error they become (exit 2), carrying them as diagnostics for `check --format`. */
export function configProblemsError(problems: readonly ConfigProblem[], where = '', configPath = 'opsbook.yaml'): ConfigProblemsError {
  return new ConfigProblemsError(configDiagnostics(problems, configPath), where);
}

/** A command's engine inputs and the folder's setup, made once for the cache check and the open. */
export interface Session {
  init: EngineInit;
  setup: WorkspaceSetup;
}

export async function session(io: CliIo, values: CommonValues, options: { parsesAll?: boolean } = {}): Promise<Session> {
  const fs = await checkedRoot(io, values);
  // CI machines start from scratch every run: writing a cache there only costs time.
  const cacheWanted = process.env['OPSBOOK_CACHE'] === '1' || (!process.env['CI'] && !process.env['OPSBOOK_NO_CACHE']);
  const init = engineInitFor(fs, values, { ...(!values['no-cache'] && cacheWanted ? { cacheRoot: fs.root } : {}), ...options });
  if (init.configPath !== undefined && (await fs.size(init.configPath)) === undefined) throw new UsageError(`--config ${values.config}: file not found`);
  return { init, setup: await prepareWorkspace(init) };
}

/**
 * The diagnostics of an unchanged workspace from the warm-start cache (see `checkFromCache`),
 * or undefined: then `open` it with the same session.
 */
export async function cachedCheck({ init, setup }: Session): Promise<CachedCheck | undefined> {
  try {
    return await checkFromCache(init, setup);
  } catch {
    return undefined;
  }
}

/**
 * Opens the workspace for a command; configuration problems become a usage error (exit 2).
 * `ranges`: the command reads every diagnostic (see `resolveRanges`).
 * Only `check` writes the cache back (`persist`): the others read it, and writing would cost
 * them more time than they take.
 */
export async function open(io: CliIo, values: CommonValues, given?: Session, options: { ranges?: boolean } = {}): Promise<OpsbookWorkspace> {
  return (await opened(io, values, given, options)).workspace;
}

/** `open`, with what else opening gives (writing the cache's parts for what the command built). */
export async function opened(io: CliIo, values: CommonValues, given?: Session, options: { ranges?: boolean } = {}): Promise<OpenResult> {
  const { init, setup } = given ?? (await session(io, values));
  const result: OpenResult = await openWorkspace(init, setup);
  // A command that prints every diagnostic has their ranges worked out by the workers, still running.
  if (options.ranges && result.configProblems.length === 0) await result.workspace.resolveRanges();
  // Every file is read: the workers' heaps go back to the system (their exit is not waited for).
  void closeParsers().catch(() => undefined);
  if (result.configProblems.length > 0) throw configProblemsError(result.configProblems, '', init.configPath);
  return result;
}
