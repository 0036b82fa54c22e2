// @ts-check
/**
 * End-to-end test of the Changes view (issue 5, "e2e in the real editor: the
 * Changes view lists the price change after an edit") in a real VS Code
 * (code-server) in a real browser, in its own code-server session on its own
 * copy of the seeded workspace (a git repository with one commit, see
 * workspace.mjs), so it neither depends on nor disturbs editor.e2e.mjs.
 *
 * Saves test-results/e2e-changes.png (each spec removes only its own screenshots
 * when it starts).
 *
 *   npm run test:e2e
 *   npx mocha --no-config --timeout 60000 test/e2e/git-changes.e2e.mjs   (this file alone)
 *
 * Environment: OPSBOOK_E2E_VSIX=FILE installs FILE instead of building and
 * packaging the extension; OPSBOOK_E2E_KEEP=1 keeps the workspace copy.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import process from 'node:process';
import { after, afterEach, before, describe, it } from 'mocha';
import { PROJECT_ROOT, openEditorSession, openFile, runCommand, screenshot, treeItems } from './codeServer.mjs';
import { cursor, goTo, insertAtCursor, resizeSidebar, waitForActiveFile, waitUntil } from './workbench.mjs';
import { RESULTS_DIR, buildProductVsix, ensureEditor, log } from './setup.mjs';
import { TODAY, prepareWorkspace } from './workspace.mjs';

/** How long the Changes view may take to show a saved edit (it compares 500 ms after the last change). */
const CHANGES_MS = 20_000;

const SETTINGS = {
  'opsbook.today': TODAY,
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.suggestOnTriggerCharacters': false,
  'editor.hover.enabled': false,
  'editor.minimap.enabled': false,
  'workbench.editor.enablePreview': false,
};

describe('Opsbook Changes view in a real editor (code-server + Chromium)', function () {
  /** @type {import('./codeServer.mjs').EditorSession | undefined} */
  let session;
  /** @type {import('playwright-core').Page} */
  let page;
  let scratch = '';
  let ws = '';
  let failed = false;
  const readWs = (/** @type {string} */ rel) => readFileSync(path.join(ws, ...rel.split('/')), 'utf8');

  before(async function () {
    this.timeout(600_000);
    const started = Date.now();
    await ensureEditor();
    await fs.rm(path.join(RESULTS_DIR, 'e2e-changes.png'), { force: true });
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'opsbook-e2e-changes-'));
    const vsix = await buildProductVsix();
    ws = await prepareWorkspace(path.join(scratch, 'lumen-oak'));
    session = await openEditorSession({ workspace: ws, vsixPaths: [vsix], settings: SETTINGS, log });
    page = session.page;
    log(`workbench ready in ${Math.round((Date.now() - started) / 1000)} s (workspace ${ws})`);
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    if (page) await screenshot(page, 'e2e-FAILED-changes').catch(() => undefined);
  });

  after(async function () {
    this.timeout(60_000);
    if (session && failed) {
      await fs.cp(session.server.logsDir, path.join(RESULTS_DIR, 'e2e-logs-changes'), { recursive: true }).catch(() => undefined);
      await fs.writeFile(path.join(RESULTS_DIR, 'e2e-logs-changes', 'code-server.txt'), session.server.output()).catch(() => undefined);
    }
    await session?.close();
    if (scratch && process.env.OPSBOOK_E2E_KEEP !== '1') await fs.rm(scratch, { recursive: true, force: true });
  });

  it('10. the Changes view lists the price change after an edit, and its row opens the product at its line', async function () {
    const file = 'catalog/bedroom.yaml';
    const sku = 'SKU-2001';
    const pane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: /^\s*Changes/ }) });
    const rows = pane.locator('.monaco-list-row[role="treeitem"]');
    const labels = async () => (await rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))).join(' | ');

    // The extension is active once the Opsbook views show the workspace.
    await treeItems(page, 'Opsbook', { timeoutMs: 60_000, waitFor: 'PLN-2026' });
    // The view, before any edit: the working tree is the commit.
    await runCommand(page, 'Opsbook: Show Structured Changes');
    await pane.locator('.pane-header[aria-expanded="true"]').waitFor({ state: 'visible', timeout: 30_000 });
    // Room for Changes: the container's other views collapse.
    const others = page.locator('.part.sidebar .pane-header[aria-expanded="true"]').filter({ hasNotText: /^\s*Changes/ });
    for (let left = await others.count(); left > 0; left--) {
      await others.first().click({ position: { x: 40, y: 10 } });
      await waitUntil(page, 'a view collapsed', async () => (await others.count()) < left, { timeoutMs: 5000 });
    }
    await pane.locator('.welcome-view-content', { hasText: 'No structured changes' }).waitFor({ state: 'visible', timeout: 60_000 });

    // Raise SKU-2001's list price and save.
    const text = readWs(file);
    const idAt = text.indexOf(`id: ${sku}`);
    const priceAt = text.indexOf('list_price: ', idAt);
    assert.ok(idAt >= 0 && priceAt > idAt, `no list_price under ${sku} in ${file}`);
    const before = /^list_price: (\d+)/.exec(text.slice(priceAt))?.[1] ?? '';
    const after = String(Number(before) + 1000);
    const upTo = text.slice(0, priceAt + 'list_price: '.length);
    await openFile(page, file);
    await goTo(page, upTo.split('\n').length, upTo.length - upTo.lastIndexOf('\n'));
    await page.keyboard.press('Shift+End');
    await insertAtCursor(page, after);
    await page.keyboard.press('Control+S');
    await page.locator('.tabs-container .tab.active:not(.dirty)').waitFor({ state: 'visible' });
    await waitUntil(page, 'the saved price on disk', async () => readWs(file).includes(`list_price: ${after}`));

    // The view lists it: product → the product's name (titles first), its id and the business phrase of the change.
    const phrase = `list_price ${before} → ${after}`;
    const row = rows.filter({ has: page.locator('.label-description', { hasText: new RegExp(`^${sku} · `) }) }).first();
    await waitUntil(page, `${sku} with "${phrase}" in the Changes view`, async () => (await labels()).includes(`, ${sku} · ${phrase} (+1000, `), {
      timeoutMs: CHANGES_MS,
      describe: labels,
    });
    assert.match(await labels(), /(^| \| )product, 1 modified( \||$)/, 'the product group with its count');
    assert.match((await row.textContent()) ?? '', new RegExp(`${sku}.*${phrase}`), 'the row shows the phrase as its description');

    // Clicking the row opens the catalogue at the product; its twistie shows the changed field.
    await resizeSidebar(page, 620); // room for the descriptions in the screenshot
    await row.click();
    await waitForActiveFile(page, file);
    const line = readWs(file)
      .slice(0, readWs(file).indexOf(`id: ${sku}`))
      .split('\n').length;
    await waitUntil(page, `the cursor on line ${line}`, async () => (await cursor(page))?.line === line, {
      describe: async () => JSON.stringify(await cursor(page)),
    });
    await row.locator('.monaco-tl-twistie').click();
    await waitUntil(page, 'the list_price field row', async () => (await labels()).includes(`list_price, ${before} → ${after} (+1000, `), {
      timeoutMs: 5000,
      describe: labels,
    });
    const shot = await screenshot(page, 'e2e-changes');
    log(`screenshot ${path.relative(PROJECT_ROOT, shot)}; rows: ${await labels()}`);
  });
});
