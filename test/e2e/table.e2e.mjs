// @ts-check
/**
 * End-to-end test of *Opsbook: Open as Table* (issue 12, register table) on a tea chain's
 * partner register written the way its buyers write it: Chinese names, their own ids and
 * tiers, a comment on every record, one undeclared tier. The grid opens from the file, shows
 * the problem in its cell, filters with the search syntax, and a cell edit changes exactly
 * one line of the file.
 *
 * Its own code-server session; screenshots test-results/e2e-table-dark.png,
 * e2e-table-filtered.png and e2e-table-light.png.
 *
 *   npx mocha --no-config --timeout 60000 test/e2e/table.e2e.mjs   (this file alone)
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import process from 'node:process';
import { after, afterEach, before, describe, it } from 'mocha';
import { openEditorSession, openFile, runCommand, screenshot } from './codeServer.mjs';
import { waitUntil, webviewFrame } from './workbench.mjs';
import { RESULTS_DIR, buildProductVsix, ensureEditor, log } from './setup.mjs';

const SETTINGS = { 'opsbook.today': '2026-06-15', 'editor.minimap.enabled': false };

const PARTNERS = `# 合作伙伴登记表（采购部维护）
partners:
  - id: HZ-001   # 杭州总代
    name: 杭州茶源贸易
    type: supplier
    status: active
    tier: 金牌
    owner: E-1
    contract: { start: 2026-01-01, end: 2026-12-31, value: 500000, currency: CNY }
  - id: HZ-002   # 包材
    name: 西湖包材
    type: supplier
    status: active
    tier: 银牌
    owner: E-1
    contract: { start: 2026-01-01, end: 2027-03-31, value: 86000, currency: CNY }
  - id: SH-010   # 冷链
    name: 上海冷链物流
    type: supplier
    status: active
    tier: 铜牌
    owner: E-1
    contract: { start: 2025-07-01, end: 2026-09-30, value: 120000, currency: CNY }
`;

describe('Open as Table: a register as an editable grid (code-server + Chromium)', function () {
  /** @type {import('./codeServer.mjs').EditorSession | undefined} */
  let session;
  /** @type {import('playwright-core').Page} */
  let page;
  let ws = '';
  let failed = false;

  before(async function () {
    this.timeout(600_000);
    await ensureEditor();
    ws = await fs.mkdtemp(path.join(os.tmpdir(), 'opsbook-e2e-table-'));
    await fs.mkdir(path.join(ws, 'partners'));
    await fs.writeFile(path.join(ws, 'opsbook.yaml'), 'opsbook: 1\nvocabularies:\n  partner.tier: [金牌, 银牌]\n');
    await fs.writeFile(path.join(ws, 'partners', 'list.yaml'), PARTNERS);
    await fs.mkdir(path.join(ws, 'org'));
    await fs.writeFile(
      path.join(ws, 'org', 'people.yaml'),
      'people:\n  - id: E-1\n    name: 陈静\n    role: 采购主管\n  - id: E-2\n    name: 王磊\n    role: 采购\n',
    );
    const vsix = await buildProductVsix();
    session = await openEditorSession({ workspace: ws, vsixPaths: [vsix], settings: SETTINGS, log });
    page = session.page;
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    if (page) await screenshot(page, 'e2e-FAILED-table').catch(() => undefined);
  });

  after(async function () {
    this.timeout(60_000);
    if (session && failed) await fs.writeFile(path.join(RESULTS_DIR, 'e2e-logs-table.txt'), session.server.output()).catch(() => undefined);
    await session?.close();
    if (ws && process.env.OPSBOOK_E2E_KEEP !== '1') await fs.rm(ws, { recursive: true, force: true });
  });

  it('14. opens the file as a grid with the problem in its cell, filters, and a cell edit changes one line', async function () {
    this.timeout(240_000);
    await openFile(page, 'partners/list.yaml');
    // The editor title's table button appears once the extension has read the folder
    // (`opsbook.active`); it opens this file's records.
    const button = page.locator('.editor-actions .action-label[aria-label*="Open as Table"]').first();
    await button.waitFor({ state: 'visible', timeout: 90_000 });
    await button.click();
    let frame = await webviewFrame(page, '.body .row', 60_000);
    const count = () => frame.locator('.toolbar .count').textContent();
    await waitUntil(page, 'three rows', async () => (await count()) === '3 rows', { describe: async () => String(await count()) });
    const headers = await frame.locator('.head .cell').evaluateAll((els) => els.map((el) => el.getAttribute('data-key') ?? el.textContent ?? ''));
    assert.deepEqual(headers.slice(0, 4), ['#', 'id', 'name', 'type']);
    // 铜牌 is not a declared tier: its cell carries the problem.
    const bad = frame.locator('.body .cell.has-error');
    await bad.first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await bad.count(), 1);
    assert.equal((await bad.textContent())?.trim(), '铜牌');
    assert.match((await bad.getAttribute('title')) ?? '', /vocab\/unknown/);
    // The totals row sums the contract values.
    const totals = await frame.locator('.foot .cell').allTextContents();
    assert.ok(
      totals.some((t) => t.replace(/\s/g, '') === '706,000CNY'),
      totals.join(' | '),
    );
    await screenshot(page, 'e2e-table-dark');

    await frame.locator('.toolbar .query').fill('tier:金牌');
    await waitUntil(page, 'one row after the filter', async () => (await count()) === '1 of 3 rows', { describe: async () => String(await count()) });
    await screenshot(page, 'e2e-table-filtered');
    await frame.locator('.toolbar .query').fill('');
    await waitUntil(page, 'all rows again', async () => (await count()) === '3 rows');

    // Edit HZ-002's name in place: double-click, type, Enter.
    const nameCell = frame.locator('.body .row').filter({ hasText: 'HZ-002' }).locator('.cell').nth(2);
    await nameCell.dblclick();
    const editor = frame.locator('.body input.editor');
    await editor.waitFor({ state: 'visible', timeout: 10_000 });
    await editor.fill('西湖包装材料');
    await editor.press('Enter');
    await runCommand(page, 'File: Save All');
    const file = path.join(ws, 'partners', 'list.yaml');
    await waitUntil(page, 'the edit saved', async () => readFileSync(file, 'utf8').includes('西湖包装材料'));
    assert.equal(readFileSync(file, 'utf8'), PARTNERS.replace('name: 西湖包材', 'name: 西湖包装材料'), 'only that value changed');
    frame = await webviewFrame(page, '.body .row', 30_000);
    await waitUntil(page, 'the grid showing the new name', async () => (await frame.locator('.body .row').filter({ hasText: '西湖包装材料' }).count()) === 1);

    // The owner through the form's reference picker: type part of a name, pick the person.
    const ownerCol = (await frame.locator('.head .cell').evaluateAll((els) => els.map((el) => el.getAttribute('data-key')))).indexOf('owner');
    assert.ok(ownerCol > 0, 'an owner column');
    const ownerCell = frame.locator('.body .row').filter({ hasText: 'SH-010' }).locator('.cell').nth(ownerCol);
    assert.equal((await ownerCell.textContent())?.trim(), '陈静 · E-1', 'a reference shows its title first');
    await ownerCell.dblclick();
    const picker = frame.locator('.body input.editor');
    await picker.waitFor({ state: 'visible', timeout: 10_000 });
    await picker.fill('王');
    await frame.locator('.suggestions li').filter({ hasText: '王磊' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot(page, 'e2e-table-picker');
    await frame.locator('.suggestions li').filter({ hasText: '王磊' }).first().dispatchEvent('mousedown');
    await waitUntil(page, 'the grid showing the new owner', async () => (await ownerCell.textContent())?.trim() === '王磊 · E-2', {
      describe: async () => String(await ownerCell.textContent()),
    });
    await runCommand(page, 'File: Save All');
    await waitUntil(page, 'the new owner saved', async () => /tier: 铜牌\n {4}owner: E-2\n/.test(readFileSync(file, 'utf8')), {
      describe: async () => readFileSync(file, 'utf8'),
    });

    // The same grid in the light theme.
    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    await waitUntil(page, 'the light theme', async () => (await page.locator('.monaco-workbench.vs').count()) > 0, { timeoutMs: 20_000 });
    await page.waitForTimeout(500);
    await screenshot(page, 'e2e-table-light');
  });
});
