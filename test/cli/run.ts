import * as path from 'node:path';
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
