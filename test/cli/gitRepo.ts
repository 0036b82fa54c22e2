import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Runs git in `cwd` as the tests' fixed author, at a fixed date, with no system or user
 * configuration (only `home/gitconfig`), so commits and their output are reproducible.
 */
export function gitIn(cwd: string, home: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Opsbook Test', '-c', 'user.email=test@opsbook.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
    {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'),
        GIT_AUTHOR_DATE: '2026-06-15T09:00:00Z',
        GIT_COMMITTER_DATE: '2026-06-15T09:00:00Z',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/** Replaces `from` in a file; fails when it does not occur (the sample changed). */
export function replaceIn(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  assert.notEqual(next, text, `${String(from)} not found in ${file}`);
  writeFileSync(file, next);
}
