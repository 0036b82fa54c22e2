import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { openWorkspace, type OpenResult } from '../core/engine';
import type { Workspace } from '../core/model/workspace';
import { isIsoDate } from '../core/util/dates';
import { NodeWorkspaceFs } from '../node/fs';
import { builtinPacks, systemToday } from '../node/host';
import { parallelParser } from '../node/parallel';
import { UsageError, type CliIo } from './io';

export const COMMON_OPTIONS = {
  root: { type: 'string' },
  config: { type: 'string' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export const COMMON_HELP = `Common options:
  --root DIR           workspace folder (default: current directory)
  --config FILE        configuration file relative to the root (default: opsbook.yaml)
  --today YYYY-MM-DD   fixed date for date rules (default: config "today", else the clock)
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
}

export function rootOf(io: CliIo, values: CommonValues): string {
  return path.resolve(io.cwd, values.root ?? '.');
}

/** Opens the workspace for a command; configuration problems become a usage error (exit 2). */
export async function open(io: CliIo, values: CommonValues): Promise<Workspace> {
  if (values.today !== undefined && !isIsoDate(values.today)) throw new UsageError(`--today must be a date YYYY-MM-DD, got "${values.today}"`);
  const root = rootOf(io, values);
  const fs = new NodeWorkspaceFs(root);
  const ok = await fs.size('.');
  if (ok === undefined) throw new UsageError(`--root ${values.root ?? '.'}: no such folder`);
  if (values.config !== undefined && fs.resolve(values.config) === undefined) throw new UsageError(`--config ${values.config}: must be inside the root`);
  const init: Parameters<typeof openWorkspace>[0] = { fs, builtinPacks: builtinPacks(), clock: systemToday, parseMany: parallelParser() };
  if (values.config !== undefined) {
    init.configPath = values.config.split(path.sep).join('/');
    if ((await fs.size(init.configPath)) === undefined) throw new UsageError(`--config ${values.config}: file not found`);
  }
  if (values.today !== undefined) init.today = values.today;
  const result: OpenResult = await openWorkspace(init);
  if (result.configProblems.length > 0) {
    throw new UsageError(`configuration problems:\n${result.configProblems.map((p) => `  ${p.file}:${p.line}:${p.column}  ${p.message}`).join('\n')}`);
  }
  return result.workspace;
}
