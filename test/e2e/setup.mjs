// @ts-check
/**
 * Set-up shared by the e2e specs: the editor's prerequisites, code-server, and the product
 * VSIX, built and packaged once per test run however many specs need it.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import process from 'node:process';
import { promisify } from 'node:util';
import { PROJECT_ROOT, checkPrerequisites, ensureCodeServer, packageVsix } from './codeServer.mjs';

export const RESULTS_DIR = path.join(PROJECT_ROOT, 'test-results');
export const log = (/** @type {string} */ m) => console.log(`      [e2e] ${m}`);

/** Fails loudly (never skips) when the editor cannot start; installs code-server on a first run. */
export async function ensureEditor() {
  const missing = await checkPrerequisites();
  if (missing.length) {
    throw new Error(`The editor cannot start; missing system prerequisites:\n${missing.map((m) => `  ${m.what}: ${m.install}`).join('\n')}`);
  }
  await ensureCodeServer({ log });
  await fs.mkdir(RESULTS_DIR, { recursive: true });
}

/** @type {Promise<string> | undefined} */
let productVsix;

/**
 * The production bundle packaged with vsce (as `npm run package` does), into a temporary
 * folder so a concurrent `npm run package` is not disturbed; once per run.
 * `OPSBOOK_E2E_VSIX=FILE` installs FILE instead.
 * @returns {Promise<string>}
 */
export function buildProductVsix() {
  if (process.env.OPSBOOK_E2E_VSIX) return Promise.resolve(path.resolve(process.env.OPSBOOK_E2E_VSIX));
  productVsix ??= (async () => {
    try {
      await promisify(execFile)(process.execPath, ['esbuild.mjs', '--production'], { cwd: PROJECT_ROOT, timeout: 120_000 });
    } catch (err) {
      const e = /** @type {Error & { stderr?: string }} */ (err);
      throw new Error(`Building the extension (node esbuild.mjs --production) failed:\n${e.stderr ?? e.message}`);
    }
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'opsbook-e2e-vsix-'));
    return packageVsix(PROJECT_ROOT, { out: path.join(dir, 'opsbook.vsix') });
  })();
  return productVsix;
}
