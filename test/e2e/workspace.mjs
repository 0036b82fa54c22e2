// @ts-check
/**
 * The workspace the end-to-end tests open: a copy of samples/lumen-oak with a
 * few seeded defects, made a git repository (for the git features). Shared by
 * the Playwright driver (editor.e2e.mjs) and the in-host suite's desktop runner
 * (test/inhost/runElectron.mjs); the in-host suite itself imports only
 * `seeds.mjs` (no Node APIs at import time).
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './codeServer.mjs';
import { SEEDS } from './seeds.mjs';

export { BASELINE, INHOST_PACK, SEEDS, TODAY } from './seeds.mjs';

const run = promisify(execFile);

/** The sample the workspace is copied from. */
export const SAMPLE_DIR = path.join(PROJECT_ROOT, 'samples', 'lumen-oak');

/**
 * Copies samples/lumen-oak into `dir` (created; must not exist or be empty),
 * applies {@link SEEDS} (each `find` must occur exactly once in its file) and
 * commits the result to a fresh git repository.
 * @param {string} dir
 * @returns {Promise<string>} `dir`
 */
export async function prepareWorkspace(dir) {
  await fs.mkdir(dir, { recursive: true });
  await fs.cp(SAMPLE_DIR, dir, { recursive: true, filter: (src) => path.basename(src) !== '.git' });
  for (const seed of SEEDS) {
    const file = path.join(dir, seed.file);
    if (seed.create !== undefined) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, seed.create);
      continue;
    }
    const text = await fs.readFile(file, 'utf8');
    const at = text.indexOf(seed.find);
    if (at < 0 || text.indexOf(seed.find, at + 1) >= 0) {
      throw new Error(`Seeding ${seed.file}: "${seed.find}" must occur exactly once (the sample changed?)`);
    }
    await fs.writeFile(file, text.slice(0, at) + seed.replace + text.slice(at + seed.find.length));
  }
  await commitAll(dir, 'Seeded lumen-oak sample');
  return dir;
}

/**
 * Makes `dir` a fresh git repository with everything in it committed (the Changes and History
 * views compare with HEAD).
 * @param {string} dir
 * @param {string} message
 */
export async function commitAll(dir, message) {
  const git = (/** @type {string[]} */ ...args) =>
    run(
      'git',
      ['-c', 'user.name=Opsbook E2E', '-c', 'user.email=e2e@opsbook.invalid', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args],
      { cwd: dir },
    );
  await git('init', '-q');
  await git('add', '-A');
  await git('commit', '-q', '-m', message);
}

/**
 * 1-based line and column of the first occurrence of `needle` in `text`
 * (column of its first character, or of `offset` characters into it).
 * @param {string} text
 * @param {string} needle
 * @param {number} [offset]
 * @returns {{ line: number, column: number }}
 */
export function positionOf(text, needle, offset = 0) {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, at + offset);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { line, column };
}
