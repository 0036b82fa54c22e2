// @ts-check
/**
 * `npm start`: opens the packaged extension in a real VS Code (code-server) on
 * samples/lumen-oak and prints the URL to open in a browser. Runs until Ctrl+C.
 *
 * Options:
 *   --port N          listen on 127.0.0.1:N (default: a free port; or $OPSBOOK_PORT)
 *   --workspace DIR   open DIR instead of samples/lumen-oak
 *   --settings JSON   extra user settings, e.g. '{"opsbook.today":"2026-06-15"}'
 *   --locale LOCALE   display language, e.g. zh-cn (the extension's strings switch; the workbench's stay English)
 *   --vsix FILE       install FILE instead of packaging dist/opsbook.vsix
 *   --screenshot      also open it in headless Chromium and save test-results/start.png
 *   --once            with --screenshot: stop after the screenshot (a smoke check)
 */
import * as fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import {
  PROJECT_ROOT,
  checkPrerequisites,
  ensureCodeServer,
  installExtension,
  launchBrowser,
  openWorkbench,
  packageVsix,
  screenshot,
  startCodeServer,
} from './codeServer.mjs';

const { values: opts } = parseArgs({
  options: {
    port: { type: 'string' },
    workspace: { type: 'string' },
    settings: { type: 'string' },
    locale: { type: 'string' },
    vsix: { type: 'string' },
    screenshot: { type: 'boolean', default: false },
    once: { type: 'boolean', default: false },
  },
});

const log = (/** @type {string} */ message) => console.log(`[start] ${message}`);

async function main() {
  const missing = await checkPrerequisites();
  if (missing.length) {
    console.error('Missing system prerequisites; install them (as root) and run again:');
    for (const m of missing) console.error(`  ${m.what}:\n    ${m.install}`);
    return 1;
  }
  const workspace = path.resolve(PROJECT_ROOT, opts.workspace ?? path.join('samples', 'lumen-oak'));
  if (!existsSync(workspace)) {
    console.error(`No workspace folder at ${workspace}`);
    return 1;
  }
  await ensureCodeServer({ log });

  const vsix = opts.vsix ? path.resolve(opts.vsix) : await packageVsix(PROJECT_ROOT, { log: (l) => log(`vsce: ${l}`) });
  log(`Extension: ${path.relative(PROJECT_ROOT, vsix)}`);

  // A fresh editor profile per run, in a short path (code-server puts a unix socket in it).
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'opsbook-start-'));
  const userDataDir = path.join(dir, 'ud');
  const extensionsDir = path.join(dir, 'ext');
  await installExtension(vsix, { extensionsDir, userDataDir, log });

  const portText = opts.port ?? process.env.OPSBOOK_PORT;
  const server = await startCodeServer({
    workspace,
    userDataDir,
    extensionsDir,
    port: portText ? Number(portText) : undefined,
    // The sample is written "as of" 2026-06-15: show it on that day unless told otherwise.
    settings: { ...(opts.workspace ? {} : { 'opsbook.today': '2026-06-15' }), ...(opts.settings ? JSON.parse(opts.settings) : {}) },
    locale: opts.locale,
    log,
  });

  let stopping = false;
  const shutdown = async (/** @type {number} */ code) => {
    if (stopping) return;
    stopping = true;
    log('Stopping code-server');
    await server.stop();
    await fs.rm(dir, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  if (opts.screenshot) {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await openWorkbench(page, server.url);
      // Let the extension's own views appear: its activity-bar entry is the sign it activated.
      await page
        .locator('.part.activitybar .action-item a[aria-label^="Opsbook"]')
        .first()
        .waitFor({ state: 'visible', timeout: 30_000 })
        .catch(() => log('No Opsbook entry in the activity bar within 30 s'));
      // And its diagnostics: the sample has warnings, so the Problems item stops saying "No Problems".
      await page
        .waitForFunction(
          () => {
            const item = globalThis.document.querySelector('[id="status.problems"] a, [id="status.problems"]');
            const label = item?.getAttribute('aria-label') ?? '';
            return label !== '' && !/no problems/i.test(label);
          },
          undefined,
          { timeout: 30_000 },
        )
        .catch(() => log('No problems shown in the status bar within 30 s'));
      log(`Screenshot: ${await screenshot(page, 'start')}`);
    } finally {
      await browser.close();
    }
    if (opts.once) {
      await shutdown(0);
      return 0;
    }
  }

  console.log(`\nOpsbook in VS Code (code-server): ${server.url}\nOpen it in a browser; Ctrl+C stops it.\n`);
  // Runs until a signal arrives; code-server ending by itself ends this too.
  const code = await server.exited;
  if (!stopping) {
    console.error(`code-server exited by itself (${code}):\n${server.output().slice(-4000)}`);
    await fs.rm(dir, { recursive: true, force: true });
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    if (code) process.exit(code);
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
