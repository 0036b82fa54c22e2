import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
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
