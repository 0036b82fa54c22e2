import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { run } from '../../src/cli/main';

export const REPO = path.resolve(__dirname, '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with buffered output (cwd: the repository unless given). */
export async function cli(argv: string[], cwd: string = REPO): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, isTty: false });
  return { code, stdout, stderr };
}

export const TODAY = ['--today', '2026-06-15'];
export const LUMEN = ['--root', 'samples/lumen-oak', ...TODAY];
export const BROKEN = ['--root', 'samples/broken', ...TODAY];

/** A usage error: exit 2, one clear line on stderr, no stack trace, nothing on stdout. */
export function isUsageError(r: CliResult, message: RegExp): void {
  if (r.code !== 2) throw new Error(`expected exit 2, got ${r.code}: ${r.stderr}${r.stdout}`);
  if (!message.test(r.stderr)) throw new Error(`stderr does not match ${message}: ${r.stderr}`);
  if (/\n\s+at .+\(.*:\d+:\d+\)/.test(r.stderr) || /internal error/.test(r.stderr)) throw new Error(`stack trace or internal error on stderr: ${r.stderr}`);
  if (r.stdout !== '') throw new Error(`unexpected stdout: ${r.stdout}`);
}

/**
 * The built CLI in a fresh process, as a script or a terminal runs it: only a build (with its
 * build hash) reads and writes the warm-start cache, so the in-process `cli` would never use it.
 */
export async function builtCli(argv: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.join(REPO, 'bin', 'opsbook.js'), ...argv], {
      env: process.env,
      maxBuffer: 1 << 26,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw err;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Every file below `dir`, as absolute paths. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** A copy of a sample in a temporary folder, its files an hour old: stamps outside the cache's racy window are trusted. */
export function agedCopy(sample: string, prefix: string, prepare?: (root: string) => void): string {
  const root = mkdtempSync(path.join(tmpdir(), `opsbook-${prefix}-`));
  cpSync(path.join(REPO, 'samples', sample), root, { recursive: true });
  prepare?.(root);
  const past = new Date(Date.now() - 3600_000);
  for (const f of filesUnder(root)) utimesSync(f, past, past);
  return root;
}

const CACHE_ENV = ['OPSBOOK_CACHE_DIR', 'OPSBOOK_CACHE', 'OPSBOOK_NO_CACHE', 'CI'];

/**
 * Mocha hooks for tests of the built CLI with its warm-start cache on (even where CI is set):
 * the build is checked once, each test gets its own cache folder through OPSBOOK_CACHE_DIR, and
 * the environment is put back after it.
 */
export function warmCacheHooks(prefix: string, needs: string[] = ['cli.js']): { readonly cacheDir: string } {
  const state = { cacheDir: '' };
  const saved: Record<string, string | undefined> = {};
  before(function () {
    if (needs.some((f) => !existsSync(path.join(REPO, 'dist', f)))) throw new Error('the CLI is not built: run "npm run build" first (npm test does)');
  });
  beforeEach(() => {
    for (const k of CACHE_ENV) saved[k] = process.env[k];
    state.cacheDir = mkdtempSync(path.join(tmpdir(), `opsbook-${prefix}-cache-`));
    process.env['OPSBOOK_CACHE_DIR'] = state.cacheDir;
    process.env['OPSBOOK_CACHE'] = '1';
    delete process.env['OPSBOOK_NO_CACHE'];
  });
  afterEach(() => {
    for (const k of CACHE_ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    rmSync(state.cacheDir, { recursive: true, force: true });
  });
  return state;
}
