// @ts-check
/**
 * End-to-end test of the extension in Simplified Chinese (issue 10, "a second run with the
 * editor's locale set to Simplified Chinese"): code-server started with `--locale zh-cn`
 * (see registerEmptyLanguagePack in codeServer.mjs: without a language pack code-server ignores
 * the flag). The workbench's own strings stay English (no language pack can be downloaded
 * here); the extension's must switch: view names and welcome texts (package.nls.zh-cn.json),
 * status bar, commands' messages (l10n/bundle.l10n.zh-cn.json). Its own code-server session on
 * a copy of samples/maitian-bakery (a Chinese company's data) with `locale: zh-CN` added to its
 * opsbook.yaml, as its planners would after `init --infer`: money and dates in Chinese formats.
 *
 * Named to run after editor.e2e.mjs: that suite clears test-results/e2e-*.png when it starts;
 * this one saves test-results/e2e-zh-cn-plans.png, e2e-zh-cn-dashboard.png and
 * e2e-zh-cn-dashboard-budget.png.
 *
 *   npm run test:e2e
 *   npx mocha --no-config --timeout 60000 test/e2e/locale.e2e.mjs   (this file alone)
 *
 * Environment: OPSBOOK_E2E_VSIX=FILE installs FILE instead of building and packaging.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { before, describe, it } from 'mocha';
import { PROJECT_ROOT, runCommand, screenshot, treeItems } from './codeServer.mjs';
import { resizeSidebar, webviewFrame } from './workbench.mjs';
import { RESULTS_DIR, editorSessionHooks, log } from './setup.mjs';
import { commitAll } from './workspace.mjs';

/** The bakery sample's README writes its findings as of this date. */
const TODAY = '2026-06-15';
/** Its monthly plan, by title (titles first in the Plans view). */
const PLAN_TITLE = '上海区六月经营计划';

/**
 * Copies samples/maitian-bakery into `dir` with `locale: zh-CN` appended to its opsbook.yaml and
 * commits it to a fresh git repository (the Changes view compares with HEAD).
 * @param {string} dir
 */
async function prepareBakery(dir) {
  await fs.cp(path.join(PROJECT_ROOT, 'samples', 'maitian-bakery'), dir, { recursive: true });
  await fs.appendFile(path.join(dir, 'opsbook.yaml'), '\n# Added by the planners: numbers, money and dates in Chinese formats.\nlocale: zh-CN\n');
  await commitAll(dir, '麦田烘焙');
  return dir;
}

const SETTINGS = { 'opsbook.today': TODAY, 'editor.minimap.enabled': false };

describe('Opsbook in Simplified Chinese (code-server --locale zh-cn)', function () {
  const editor = editorSessionHooks('zh-cn', {
    settings: SETTINGS,
    locale: 'zh-cn',
    prepare: async (scratch) => {
      for (const name of ['e2e-zh-cn-plans.png', 'e2e-zh-cn-dashboard.png', 'e2e-zh-cn-dashboard-budget.png'])
        await fs.rm(path.join(RESULTS_DIR, name), { force: true });
      return prepareBakery(path.join(scratch, 'maitian-bakery'));
    },
  });
  /** @type {import('playwright-core').Page} */
  let page;
  before(() => {
    page = editor.page;
  });

  it('11. the views, the status bar, Check Workspace and Search speak Chinese', async function () {
    await treeItems(page, 'Opsbook', { timeoutMs: 60_000, waitFor: PLAN_TITLE });
    const titles = await page.locator('.part.sidebar .pane-header h3.title').allTextContents();
    assert.deepEqual(
      titles.map((t) => t.trim()),
      ['计划', '登记册', '文档', '变更', '历史'],
    );

    // The Changes view of the seeded repository (one commit, no edit) has nothing to show: its welcome text.
    const changes = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: /^\s*变更/ }) });
    await changes.locator('.welcome-view-content', { hasText: '相对于基准没有结构化变更' }).waitFor({ state: 'visible', timeout: 60_000 });

    const status = page.locator('.part.statusbar .statusbar-item[aria-label^="Opsbook："]').first();
    await status.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match((await status.getAttribute('aria-label')) ?? '', /^Opsbook：\d+ 个错误，\d+ 个警告$/);

    await runCommand(page, 'Opsbook: 检查工作区', { timeoutMs: 30_000 });
    const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: '个文件中有' }).first();
    await toast.waitFor({ state: 'visible', timeout: 60_000 });
    const text = await toast.innerText();
    assert.match(text, /Opsbook：\d+ 个文件中有 \d+ 个错误、\d+ 个警告、\d+ 条信息。/, text);
    assert.match(text, /显示问题/, 'the notification’s button');
    await toast
      .locator('.codicon-notifications-clear')
      .click()
      .catch(() => undefined);

    // Search rows are built outside the vscode module (@vscode/l10n, handed VS Code's bundle at activation).
    await runCommand(page, 'Opsbook: 搜索', { timeoutMs: 30_000 });
    const box = page.locator('.quick-input-widget .quick-input-box input');
    await box.waitFor({ state: 'visible' });
    assert.match((await box.getAttribute('placeholder')) ?? '', /^搜索：关键词/);
    await box.fill('茉莉不存在的词');
    const none = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: '没有找到 茉莉不存在的词 的结果' });
    await none.first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Escape');

    await resizeSidebar(page, 520);
    // The plan is named by its title; its budget in the workspace's locale (zh-CN: ¥, not CN¥).
    const rows = await treeItems(page, 'Opsbook', { waitFor: PLAN_TITLE });
    const plan = rows.find((l) => l.startsWith(PLAN_TITLE));
    assert.ok(plan, `no row titled ${PLAN_TITLE}: ${rows.join(' | ')}`);
    assert.match(plan, /¥/, plan);
    assert.doesNotMatch(plan, /CN¥/, plan);
    const shot = await screenshot(page, 'e2e-zh-cn-plans');
    log(`screenshot ${path.relative(PROJECT_ROOT, shot)}`);
  });

  it('12. the dashboard opens from its Chinese command and speaks Chinese: tabs, titles, money', async function () {
    await runCommand(page, 'Opsbook: 打开仪表板', { timeoutMs: 30_000 });
    const frame = await webviewFrame(page, '[data-section="kpi-attainment"]', 30_000);
    await frame.locator('[data-section="kpi-attainment"] svg').first().waitFor({ state: 'visible', timeout: 30_000 });
    const text = await frame.locator('body').innerText();
    for (const word of ['关键指标', '预算']) assert.ok(text.includes(word), `the dashboard shows no "${word}": ${text.slice(0, 400)}`);
    assert.ok(text.includes(PLAN_TITLE), `the dashboard names no plan by its title: ${text.slice(0, 400)}`);
    const shot = await screenshot(page, 'e2e-zh-cn-dashboard');
    log(`screenshot ${path.relative(PROJECT_ROOT, shot)}`);
    // Money in the zh-CN format (¥, not CN¥) on the budget tab.
    await frame.locator('vscode-tab-header[data-tab="budget"]').click();
    const budget = frame.locator('vscode-tab-panel[data-tab="budget"] [data-section]', { hasText: /¥[\d,]/ }).first();
    await budget.waitFor({ state: 'visible', timeout: 15_000 });
    assert.doesNotMatch(await frame.locator('body').innerText(), /CN¥/);
    const budgetShot = await screenshot(page, 'e2e-zh-cn-dashboard-budget');
    log(`screenshot ${path.relative(PROJECT_ROOT, budgetShot)}`);
  });
});
