// @ts-check
/**
 * End-to-end test of *Opsbook: Open as Table* (issue 12, register table) on a tea chain's
 * partner register written the way its buyers write it: Chinese names, their own ids and
 * tiers, a comment on every record, one undeclared tier. The grid opens from the file, shows
 * the problem in its cell, filters with the search syntax, and a cell edit changes exactly
 * one line of the file. Then a generated register of 5,000 rows opens, timed from the page's
 * first message to the rows on screen (performance marks the page posts).
 *
 * Its own code-server session; screenshots test-results/e2e-table-dark.png,
 * e2e-table-filtered.png and e2e-table-light.png.
 *
 *   npx mocha --no-config --timeout 60000 test/e2e/table.e2e.mjs   (this file alone)
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import { openFile, runCommand, screenshot } from './codeServer.mjs';
import { waitUntil, webviewFrame } from './workbench.mjs';
import { editorSessionHooks, log } from './setup.mjs';

const SETTINGS = { 'opsbook.today': '2026-06-15', 'editor.minimap.enabled': false };
/** Rows of the generated register the opening time is measured on (SPEC §6: a 5,000-row table opens in ≤ 1 s). */
const ROWS = 5000;

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
  const editorSession = editorSessionHooks('table', {
    settings: SETTINGS,
    prepare: async (dir) => {
      await fs.mkdir(path.join(dir, 'partners'));
      await fs.writeFile(path.join(dir, 'opsbook.yaml'), 'opsbook: 1\nvocabularies:\n  partner.tier: [金牌, 银牌]\n');
      await fs.writeFile(path.join(dir, 'partners', 'list.yaml'), PARTNERS);
      await fs.mkdir(path.join(dir, 'org'));
      await fs.writeFile(
        path.join(dir, 'org', 'people.yaml'),
        'people:\n  - id: E-1\n    name: 陈静\n    role: 采购主管\n  - id: E-2\n    name: 王磊\n    role: 采购\n',
      );
      // A purchasing office's generated ingredient list of 5,000 lines (its own ids, Chinese names, two currencies).
      await fs.mkdir(path.join(dir, 'catalog'));
      const lines = ['# 原料价目表（系统导出）', 'products:'];
      for (let i = 0; i < ROWS; i++)
        lines.push(
          `  - { id: YL-${String(i).padStart(5, '0')}, name: 原料 ${i} 号, category: 原料, currency: ${i % 10 === 0 ? 'HKD' : 'CNY'}, list_price: ${20 + (i % 300)}, floor_price: 10 }`,
        );
      await fs.writeFile(path.join(dir, 'catalog', 'ingredients.yaml'), lines.join('\n') + '\n');
      return dir;
    },
  });

  it('14. opens the file as a grid with the problem in its cell, filters, and a cell edit changes one line', async function () {
    this.timeout(240_000);
    const { page, ws } = editorSession;
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
    // Enter moved to the next row: typing there goes on while the first edit comes back from the
    // file (the table sends the changed row; the cell being typed in stays open).
    await frame.locator('.scroller').press('Enter');
    const next = frame.locator('.body input.editor');
    await next.waitFor({ state: 'visible', timeout: 10_000 });
    await next.fill('上海冷链物流有限公司');
    await waitUntil(page, 'the first edit back in the grid', async () => (await frame.locator('.body .row').filter({ hasText: '西湖包装材料' }).count()) === 1);
    assert.equal(await next.inputValue({ timeout: 1000 }), '上海冷链物流有限公司', 'the cell being typed in is still open');
    await next.press('Enter');
    await runCommand(page, 'File: Save All');
    const file = path.join(ws, 'partners', 'list.yaml');
    await waitUntil(page, 'the edits saved', async () => readFileSync(file, 'utf8').includes('上海冷链物流有限公司'));
    assert.equal(
      readFileSync(file, 'utf8'),
      PARTNERS.replace('name: 西湖包材', 'name: 西湖包装材料').replace('name: 上海冷链物流', 'name: 上海冷链物流有限公司'),
      'only those two values changed',
    );
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

  it('19. a generated register of 5,000 rows opens as a grid; the time from the page asking to the rows on screen is measured', async function () {
    this.timeout(240_000);
    const { page } = editorSession;
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, 'catalog/ingredients.yaml', { timeoutMs: 60_000 });
    const button = page.locator('.editor-actions .action-label[aria-label*="Open as Table"]').first();
    await button.waitFor({ state: 'visible', timeout: 90_000 });
    const clicked = Date.now();
    await button.click();
    const frame = await webviewFrame(page, `.toolbar .count:text("${ROWS} rows")`, 60_000);
    const shown = Date.now();
    // Marks the page itself posts: its first message (ready) → the first frame with rows drawn.
    const open = await waitUntil(
      page,
      'the opsbook:table-open measure',
      () => frame.evaluate(() => performance.getEntriesByName('opsbook:table-open')[0]?.duration),
      { timeoutMs: 10_000 },
    );
    const [arrived, drawn] = ((await frame.locator('#app').getAttribute('data-timing')) ?? '').split(' ');
    // When the page began loading and when its script asked for the table, on the same clock as the click.
    const [origin, asked] = await frame.evaluate(() => [performance.timeOrigin, performance.getEntriesByName('opsbook:table-ready')[0]?.startTime ?? NaN]);
    log(
      `${ROWS}-row table open: ${Math.round(open)} ms from the page's first message to rows on screen (table arrived after ${arrived} ms, drawn in ${drawn} ms); ` +
        `from the click: page loading after ${Math.round(origin - clicked)} ms, asking after ${Math.round(origin + asked - clicked)} ms, rows counted after ${shown - clicked} ms`,
    );
    assert.ok((await frame.locator('.body .row').count()) < 200, 'only the rows in view are drawn');
    assert.match((await frame.locator('.body .row').first().textContent()) ?? '', /YL-00000/);
    // A hang guard, not the target (≤ 1 s is measured by the bench on a quiet machine).
    assert.ok(open < 5000, `the table took ${Math.round(open)} ms to open`);
    // Totals per currency over all rows: 500 lines in HKD, 4,500 in CNY.
    const totals = (await frame.locator('.foot').textContent()) ?? '';
    assert.match(totals, /CNY/);
    assert.match(totals, /HKD/);
  });
});
