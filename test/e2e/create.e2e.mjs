// @ts-check
/**
 * End-to-end test of *Create missing record* (issue 12.5) through the editor's own UI: in the
 * seeded lumen-oak copy, north.yaml names a partner nobody wrote (PTN-SUP-GHOSTWOOD). Ctrl+.
 * on the reference offers *Create partner "PTN-SUP-GHOSTWOOD"*; choosing it appends the record
 * to the register that keeps the other PTN-SUP- partners, opens its form, and the ref/missing
 * problem goes away. Saved, the file is the old text plus exactly the new record.
 *
 * Its own code-server session (never in-host: the in-host suite runs beside the UI scenarios);
 * screenshot test-results/e2e-create-missing.png.
 *
 *   npx mocha --no-config --timeout 120000 test/e2e/create.e2e.mjs   (this file alone)
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import { openFile, runCommand, screenshot } from './codeServer.mjs';
import { goTo, waitForActiveFile, waitForProblems, waitUntil, webviewFrame } from './workbench.mjs';
import { RESULTS_DIR, editorSessionHooks, log } from './setup.mjs';
import { SEEDS, TODAY, positionOf, prepareWorkspace } from './workspace.mjs';

const SETTINGS = {
  'opsbook.today': TODAY,
  'editor.minimap.enabled': false,
  'editor.hover.enabled': false,
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'workbench.editor.enablePreview': false,
  'problems.defaultViewMode': 'tree',
  'problems.autoReveal': false,
};

const SEED = SEEDS.find((s) => s.ruleId === 'ref/missing' && s.file === 'plans/2026/north.yaml');
const TARGET = 'partners/suppliers.yaml';

describe('Create missing record: the quick fix on ref/missing, chosen in the editor (code-server + Chromium)', function () {
  const editorSession = editorSessionHooks('create', {
    settings: SETTINGS,
    prepare: async (scratch) => {
      await fs.rm(path.join(RESULTS_DIR, 'e2e-create-missing.png'), { force: true });
      return prepareWorkspace(path.join(scratch, 'lumen-oak'));
    },
  });

  it('18. Ctrl+. on an unknown partner creates it in the suppliers register, opens its form, and the ref/missing problem goes away', async function () {
    this.timeout(300_000);
    const { page, ws } = editorSession;
    assert.ok(SEED?.text && SEED.line, 'the seeded ref/missing in north.yaml');
    const id = SEED.text;
    const refFile = SEED.file;
    const before = readFileSync(path.join(ws, TARGET), 'utf8');
    await openFile(page, refFile, { timeoutMs: 60_000 });
    await waitForActiveFile(page, refFile, 30_000);
    // The problem is there before the fix is asked for (the quick fix comes with the diagnostic).
    const hasProblem = (/** @type {import('./workbench.mjs').ProblemRow[]} */ rows) => rows.some((r) => r.file === refFile && r.code === 'ref/missing');
    await waitForProblems(page, `the seeded ref/missing in ${refFile}`, hasProblem, 90_000);

    const at = positionOf(readFileSync(path.join(ws, refFile), 'utf8'), id, 3);
    assert.equal(at.line, SEED.line);
    await goTo(page, at.line, at.column);
    const action = page.locator('.action-widget .monaco-list-row', { hasText: `Create partner "${id}"` }).first();
    // Ctrl+. shows the code actions at the cursor; asked again if the menu came up before the fixes were known.
    await waitUntil(
      page,
      `the quick fix menu offering Create partner "${id}"`,
      async () => {
        if (!(await page.locator('.action-widget').isVisible())) await page.keyboard.press('Control+Period');
        try {
          await action.waitFor({ state: 'visible', timeout: 3000 });
          return true;
        } catch {
          await page.keyboard.press('Escape');
          return false;
        }
      },
      {
        timeoutMs: 30_000,
        describe: async () =>
          (
            (await page
              .locator('.action-widget')
              .textContent()
              .catch(() => '')) ?? ''
          ).trim(),
      },
    );
    // Chosen with the keyboard, as the menu is meant to be used (its pointer block takes clicks).
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    await waitUntil(
      page,
      `Create partner "${id}" focused in the menu`,
      async () => {
        if ((await focused.getAttribute('aria-label').catch(() => null)) === `Create partner "${id}"`) return true;
        await page.keyboard.press('ArrowDown');
        return false;
      },
      { timeoutMs: 10_000, describe: async () => String(await focused.getAttribute('aria-label').catch(() => null)) },
    );
    await page.keyboard.press('Enter');
    await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: 10_000 });

    // The form opens on the new record…
    const frame = await webviewFrame(page, 'form.record', 60_000);
    await waitUntil(page, `the form of ${id}`, async () => (await frame.locator('.form-header .meta code').textContent())?.trim() === id, {
      timeoutMs: 30_000,
      describe: async () => String(await frame.locator('.form-header').textContent()),
    });
    assert.equal((await frame.locator('.form-header .meta').textContent())?.includes(TARGET), true, 'the form names the suppliers register');
    assert.equal(
      await frame.locator(`vscode-single-select[data-path='["type"]']`).evaluate((el) => /** @type {HTMLElement & { value: string }} */ (el).value),
      'supplier',
    );

    // …and the reference resolves (the record is appended, unsaved: the model follows the editor).
    await waitForProblems(page, `the ref/missing problem for ${id} gone`, (rows) => !hasProblem(rows), 60_000);
    const tab = page.locator('.tabs-container .tab.dirty', { hasText: path.posix.basename(TARGET) });
    await tab.first().waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot(page, 'e2e-create-missing');

    await runCommand(page, 'File: Save All');
    const appended = `  - id: ${id}\n    name: ${id}\n    type: supplier\n    status: prospect\n`;
    const file = path.join(ws, TARGET);
    await waitUntil(page, `${TARGET} saved with the new partner`, async () => readFileSync(file, 'utf8').includes(`- id: ${id}\n`), {
      timeoutMs: 30_000,
      describe: () => readFileSync(file, 'utf8').slice(-400),
    });
    assert.equal(readFileSync(file, 'utf8'), before + appended, 'the old text, then exactly the new record');
    assert.equal(readFileSync(path.join(ws, refFile), 'utf8').includes(`, ${id}]`), true, 'the reference is as it was');
    await page.locator('.tabs-container .tab.dirty').first().waitFor({ state: 'detached', timeout: 10_000 });
    // Saved, the problem stays gone (the model read the file as the editor had it).
    const rows = await waitForProblems(page, 'the problems after saving', (r) => !hasProblem(r), 10_000);
    log(`after the fix and save: ${rows.filter((r) => r.code === 'ref/missing').length} ref/missing problems`);
  });
});
