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
import { after, afterEach, before } from 'mocha';
import { PROJECT_ROOT, checkPrerequisites, ensureCodeServer, openEditorSession, packageVsix, screenshot } from './codeServer.mjs';

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

/**
 * The hooks a spec on a copy of samples/lumen-oak needs, registered in the calling `describe`:
 * the copy in a scratch folder (then `prepare(ws)`), the product VSIX in its own code-server
 * session, a screenshot and the server's output when a test fails, and the copy removed after
 * (kept with OPSBOOK_E2E_KEEP=1). `screenshots`: names (without .png) removed before the run.
 * @param {{ name: string, screenshots?: string[], settings?: Record<string, unknown>, prepare?: (ws: string) => Promise<void> }} opts
 * @returns {{ readonly page: import('playwright-core').Page, readonly ws: string }}
 */
export function sampleEditorSession({ name, screenshots = [], settings, prepare }) {
  /** @type {import('./codeServer.mjs').EditorSession | undefined} */
  let session;
  let scratch = '';
  let ws = '';
  let failed = false;
  before(async function () {
    this.timeout(600_000);
    await ensureEditor();
    for (const shot of screenshots) await fs.rm(path.join(RESULTS_DIR, `${shot}.png`), { force: true });
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), `opsbook-e2e-${name}-`));
    ws = path.join(scratch, 'lumen-oak');
    await fs.cp(path.join(PROJECT_ROOT, 'samples', 'lumen-oak'), ws, { recursive: true, filter: (src) => path.basename(src) !== '.git' });
    const vsix = await buildProductVsix();
    await prepare?.(ws);
    session = await openEditorSession({ workspace: ws, vsixPaths: [vsix], ...(settings ? { settings } : {}), log });
  });
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    if (session) await screenshot(session.page, `e2e-FAILED-${name}`).catch(() => undefined);
  });
  after(async function () {
    this.timeout(60_000);
    if (session && failed) await fs.writeFile(path.join(RESULTS_DIR, `e2e-logs-${name}.txt`), session.server.output()).catch(() => undefined);
    await session?.close();
    if (scratch && process.env.OPSBOOK_E2E_KEEP !== '1') await fs.rm(scratch, { recursive: true, force: true });
  });
  return {
    get page() {
      if (!session) throw new Error('the editor session has not started');
      return session.page;
    },
    get ws() {
      return ws;
    },
  };
}
