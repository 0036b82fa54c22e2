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
 * The mocha hooks of a spec with its own editor session, for use inside `describe`: a fresh
 * scratch folder in which `prepare` makes the workspace (returning its path), the product VSIX
 * installed, code-server and Chromium started; a failed scenario leaves `e2e-FAILED-NAME.png`
 * and the editor's logs with the server's output (`e2e-logs-NAME/`) in test-results; at the end the session and the
 * scratch folder go (`OPSBOOK_E2E_KEEP=1` keeps the folder).
 * @param {string} name
 * `locale`: the editor's display language (`zh-cn`).
 * @param {{ settings: Record<string, unknown>, prepare: (scratch: string) => Promise<string>, locale?: string }} opts
 * @returns {{ readonly page: import('playwright-core').Page, readonly ws: string }}
 */
export function editorSessionHooks(name, { settings, prepare, locale }) {
  /** @type {import('./codeServer.mjs').EditorSession | undefined} */
  let session;
  let scratch = '';
  let ws = '';
  let failed = false;
  before(async function () {
    this.timeout(600_000);
    await ensureEditor();
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), `opsbook-e2e-${name}-`));
    ws = await prepare(scratch);
    session = await openEditorSession({ workspace: ws, vsixPaths: [await buildProductVsix()], settings, ...(locale ? { locale } : {}), log });
  });
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    if (session) await screenshot(session.page, `e2e-FAILED-${name}`).catch(() => undefined);
  });
  after(async function () {
    this.timeout(60_000);
    if (session && failed) {
      const logs = path.join(RESULTS_DIR, `e2e-logs-${name}`);
      await fs.cp(session.server.logsDir, logs, { recursive: true }).catch(() => undefined);
      await fs.mkdir(logs, { recursive: true });
      await fs.writeFile(path.join(logs, 'code-server.txt'), session.server.output()).catch(() => undefined);
    }
    await session?.close();
    if (scratch && process.env.OPSBOOK_E2E_KEEP !== '1') await fs.rm(scratch, { recursive: true, force: true });
  });
  return {
    get page() {
      if (!session) throw new Error('The editor session has not started');
      return session.page;
    },
    get ws() {
      return ws;
    },
  };
}

/**
 * `editorSessionHooks` on a copy of samples/lumen-oak (then `prepare(ws)`). `screenshots`:
 * names (without .png) removed before the run.
 * @param {{ name: string, screenshots?: string[], settings?: Record<string, unknown>, prepare?: (ws: string) => Promise<void> }} opts
 * @returns {{ readonly page: import('playwright-core').Page, readonly ws: string }}
 */
export function sampleEditorSession({ name, screenshots = [], settings = {}, prepare }) {
  return editorSessionHooks(name, {
    settings,
    prepare: async (scratch) => {
      for (const shot of screenshots) await fs.rm(path.join(RESULTS_DIR, `${shot}.png`), { force: true });
      const ws = path.join(scratch, 'lumen-oak');
      await fs.cp(path.join(PROJECT_ROOT, 'samples', 'lumen-oak'), ws, { recursive: true, filter: (src) => path.basename(src) !== '.git' });
      await prepare?.(ws);
      return ws;
    },
  });
}
