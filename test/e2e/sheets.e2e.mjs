// @ts-check
/**
 * End-to-end test of *Opsbook: Import from Spreadsheet…* (issue 12, spreadsheets): the price
 * list of a copy of samples/lumen-oak exported to CSV with the CLI, two cells edited as a buyer
 * would in Excel, and the CSV imported from its context menu in the Explorer. The preview of the
 * structured changes (the Changes view's phrasing) shows before anything is written; Apply
 * changes exactly those two lines of the file.
 *
 * Its own code-server session; screenshots test-results/e2e-import-preview.png and
 * e2e-import-applied.png.
 *
 *   npx mocha --no-config --timeout 120000 test/e2e/sheets.e2e.mjs   (this file alone)
 *
 * Environment: OPSBOOK_E2E_VSIX=FILE installs FILE instead of building and packaging.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import process from 'node:process';
import { promisify } from 'node:util';
import { describe, it } from 'mocha';
import { PROJECT_ROOT, openFile, runCommand, screenshot } from './codeServer.mjs';
import { waitForActiveFile, waitUntil } from './workbench.mjs';
import { sampleEditorSession } from './setup.mjs';

const FILE = 'catalog/bedroom.yaml';
const SHEET = 'prices.csv';
const TODAY = '2026-06-15';
const SETTINGS = { 'opsbook.today': TODAY, 'editor.minimap.enabled': false, 'problems.autoReveal': false };

/** The two cells a buyer changes: SKU-2001's online price and SKU-2002's floor price (CSV rows as the export writes them). */
const EDITS = [
  { row: /^SKU-2001,(.*),10999,10999,10229,/m, to: 'SKU-2001,$1,10999,10999,10199,', line: 14, before: '      online: 10229', after: '      online: 10199' },
  { row: /^SKU-2002,(.*),9299,5800,/m, to: 'SKU-2002,$1,9299,5900,', line: 25, before: '    floor_price: 5800', after: '    floor_price: 5900' },
];

describe('Import from Spreadsheet: a preview of the structured changes, then two changed lines (code-server + Chromium)', function () {
  const editor = sampleEditorSession({
    name: 'sheets',
    screenshots: ['e2e-import-preview', 'e2e-import-applied'],
    settings: SETTINGS,
    // The sheet as `opsbook export` writes it (the bundle built for the VSIX holds the CLI), then two cells edited.
    prepare: async (ws) => {
      await promisify(execFile)(
        process.execPath,
        [path.join(PROJECT_ROOT, 'bin', 'opsbook.js'), 'export', 'product', '--format', 'csv', '--out', SHEET, '--today', TODAY, '--no-cache'],
        { cwd: ws, timeout: 60_000 },
      );
      let csv = await fs.readFile(path.join(ws, SHEET), 'utf8');
      for (const e of EDITS) {
        assert.match(csv, e.row, 'the exported sheet holds the row');
        csv = csv.replace(e.row, e.to);
      }
      await fs.writeFile(path.join(ws, SHEET), csv);
    },
  });

  it('18. a CSV with two edited cells, imported from the Explorer, is previewed as record changes and changes exactly those two lines', async function () {
    this.timeout(300_000);
    const page = editor.page;
    const file = path.join(editor.ws, FILE);
    const before = readFileSync(file, 'utf8');
    const lines = before.split('\n');
    for (const e of EDITS) assert.equal(lines[e.line - 1], e.before, `line ${e.line} of ${FILE}`);
    await openFile(page, FILE, { timeoutMs: 60_000 });
    await waitForActiveFile(page, FILE, 30_000);

    // The sheet's context menu in the Explorer offers the import once the extension has read
    // the folder (`opsbook.active`): ask again until it does.
    await runCommand(page, 'View: Show Explorer');
    const sheetRow = page.locator('.explorer-folders-view .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: /^prices\.csv$/ }) });
    await sheetRow.waitFor({ state: 'visible', timeout: 30_000 });
    const menuItem = page.locator('.monaco-menu .action-item .action-label', { hasText: 'Import from Spreadsheet' });
    await waitUntil(
      page,
      'the Import from Spreadsheet item in the sheet’s context menu',
      async () => {
        await sheetRow.click({ button: 'right' });
        const shown = await menuItem
          .first()
          .waitFor({ state: 'visible', timeout: 3000 })
          .then(() => true)
          .catch(() => false);
        if (!shown) await page.keyboard.press('Escape');
        return shown;
      },
      { timeoutMs: 120_000 },
    );
    // The menu acts on the focused item: hover it until it has the focus, then Enter (a synthetic click can land between mousedown and mouseup handlers).
    await menuItem.first().hover();
    await page.locator('.monaco-menu .action-item.focused', { hasText: 'Import from Spreadsheet' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');

    // The kind of the rows: product.
    const quick = page.locator('.quick-input-widget');
    const rows = quick.locator('.quick-input-list .monaco-list-row');
    const box = quick.locator('.quick-input-box input');
    await box.waitFor({ state: 'visible', timeout: 30_000 });
    await box.fill('product');
    const kindRow = rows.filter({ has: page.locator('.label-name', { hasText: /^\s*product\s*$/ }) }).first();
    await kindRow.and(page.locator('.monaco-list-row.focused')).waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Enter');

    // The preview: Apply and Cancel, then each modified record with its changed field.
    const apply = rows.filter({ hasText: 'Apply: 0 added, 2 modified' }).first();
    await apply.waitFor({ state: 'visible', timeout: 60_000 });
    const first = rows.filter({ hasText: 'Haven bed frame, oak, 180 x 200 (SKU-2001)' }).first();
    const second = rows.filter({ hasText: 'Haven bed frame, oak, 150 x 200 (SKU-2002)' }).first();
    await first.waitFor({ state: 'visible', timeout: 10_000 });
    await second.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await first.textContent()) ?? '', /modified · catalog\/bedroom\.yaml:5.*channel_prices\.online 10229 → 10199 \(−30, −0\.3%\)/);
    assert.match((await second.textContent()) ?? '', /modified · catalog\/bedroom\.yaml:20.*floor_price 5800 → 5900 \(\+100, \+1\.7%\)/);
    assert.match((await apply.textContent()) ?? '', /catalog\/bedroom\.yaml/);
    assert.equal(await rows.filter({ hasText: 'Cancel' }).count(), 1);
    // Nothing is written while the preview shows; the progress of reading the sheet has ended.
    assert.equal(readFileSync(file, 'utf8'), before);
    const toast = (/** @type {string} */ text) => page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
    await toast('Reading prices.csv').waitFor({ state: 'hidden', timeout: 30_000 });
    await screenshot(page, 'e2e-import-preview');

    await apply.click();
    await quick.waitFor({ state: 'hidden', timeout: 30_000 });
    const done = toast('Imported 0 added, 2 modified into catalog/bedroom.yaml (unsaved: review and save).');
    await done.waitFor({ state: 'visible', timeout: 30_000 });
    // The toast slides in: wait until it stands still at full opacity.
    await waitUntil(page, 'the import’s message shown', async () =>
      done.evaluate(
        (el) =>
          el.ownerDocument.defaultView?.getComputedStyle(el).opacity === '1' && !el.getAnimations({ subtree: true }).some((a) => a.playState === 'running'),
      ),
    );
    // The file is edited in the editor, unsaved (one undo step); the disk is untouched until Save.
    await page.locator('.tabs-container .tab.active.dirty[data-resource-name="bedroom.yaml"]').waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(readFileSync(file, 'utf8'), before);
    await screenshot(page, 'e2e-import-applied');
    await runCommand(page, 'File: Save All');
    await waitUntil(page, 'the import saved', async () => readFileSync(file, 'utf8') !== before, { timeoutMs: 30_000 });

    const after = readFileSync(file, 'utf8').split('\n');
    assert.equal(after.length, lines.length, 'no line added or removed');
    const changed = lines.flatMap((l, i) => (after[i] !== l ? [`${i + 1}: ${l} → ${after[i]}`] : []));
    assert.deepEqual(
      changed,
      EDITS.map((e) => `${e.line}: ${e.before} → ${e.after}`),
    );
  });
});
