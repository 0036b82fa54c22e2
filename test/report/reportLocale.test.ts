import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { DashboardData } from '../../src/core/dashboard/types';
import { dashboardHtml } from '../../src/vscode/dashboard/html';
import { buildWebview, cli, launch, REPO, rowCells, showTab, tempDir, watch } from './helpers';
import type { BrowserDocument, BrowserWindow } from './helpers';

declare const document: BrowserDocument;
declare const window: BrowserWindow;

/** A tea chain that writes in Chinese: `locale: zh-CN`, its own ids, CNY money. */
const TEA: Record<string, string> = {
  'opsbook.yaml': 'locale: zh-CN\n',
  'plans/2026/huadong.yaml': `id: 计划-华东-2026
title: 华东区 2026 年经营计划
period: "2026"
status: approved
budget: { amount: 1280000, currency: CNY }
objectives:
  - id: 目标-营收
    title: 提升门店营业额
    kpis:
      - { id: 指标-营业额, metric: 华东门店营业额（含外卖平台与团购渠道的全部收入）, unit: CNY, target: 160000000, actual: 74300000, direction: up }
    initiatives:
      - { id: 举措-新店, title: 新开两家茶饮门店, status: in-progress, due: 2026-08-31, budget: 1280 }
`,
};

describe('report and dashboard in the workspace locale (zh-CN)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let dir: string;

  before(async () => {
    await buildWebview();
    dir = tempDir('opsbook-report-zh-');
    for (const [file, text] of Object.entries(TEA)) {
      mkdirSync(path.dirname(path.join(dir, 'ws', file)), { recursive: true });
      writeFileSync(path.join(dir, 'ws', file), text);
    }
    const res = await cli(['report', '--root', path.join(dir, 'ws'), '--today', '2026-06-15', '--out', path.join(dir, 'out')]);
    assert.equal(res.code, 0, res.stderr);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the locale into the data, the page language and a Chinese long as-of date into the static header', () => {
    const html = readFileSync(path.join(dir, 'out', 'index.html'), 'utf8');
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /<p class="meta">数据截至 2026年6月15日 · 生成于 /);
    const js = readFileSync(path.join(dir, 'out', 'data.js'), 'utf8');
    const data = JSON.parse(js.slice(js.indexOf('{'), js.indexOf(';\nwindow.OPSBOOK_L10N'))) as DashboardData;
    assert.equal(data.locale, 'zh-CN');
    assert.equal(data.kpi.rows[0]?.metric, '华东门店营业额（含外卖平台与团购渠道的全部收入）');
    assert.match(js, /^window\.OPSBOOK_L10N = \{.*"Training":"培训"/m);
  });

  it('shows ¥ money, Chinese long dates, Chinese UI strings and titles before ids', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const w = watch(page);
    await page.goto(pathToFileURL(path.join(dir, 'out', 'index.html')).href);
    await page.waitForSelector('vscode-tab-panel[data-tab="kpi"] .card');
    assert.match(await page.locator('.page-header .meta').innerText(), /^数据截至 2026年6月15日 · 生成于 /);
    assert.equal(await page.locator('vscode-tab-header[data-tab="training"] .tab-label').innerText(), '培训');
    await page.click('vscode-button[data-toggle="kpi-attainment"]');
    const kpi = await rowCells(page, 'kpi', '指标-营业额');
    assert.equal(kpi[0], '华东门店营业额（含外卖平台与团购渠道的全部收入） 指标-营业额');
    assert.deepEqual(kpi.slice(3, 5), ['¥160,000,000', '¥74,300,000']);
    await showTab(page, 'budget');
    await page.click('vscode-button[data-toggle="budget-plans"]');
    assert.deepEqual((await rowCells(page, 'budget', '计划-华东-2026')).slice(0, 4), ['华东区 2026 年经营计划 计划-华东-2026', '–', '2026', '¥1,280,000']);
    assert.deepEqual(w.problems, []);
    await page.close();
  });

  it('labels chart rows by title, truncated by display width without splitting characters', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(path.join(dir, 'out', 'index.html')).href);
    await page.waitForSelector('section[data-section="kpi-attainment"] svg');
    const labels = await page.locator('section[data-section="kpi-attainment"] svg text.label').allTextContents();
    // 30 columns: 14 wide characters and the ellipsis.
    assert.deepEqual(labels, ['华东门店营业额（含外卖平台与…']);
    assert.match((await page.locator('section[data-section="kpi-attainment"] svg g.row > title').first().textContent()) ?? '', /\(指标-营业额\)/);
    await page.close();
  });
});

describe('dashboard webview strings from the host’s bundle', function () {
  this.timeout(120_000);
  let browser: Browser;
  let dir: string;
  let data: DashboardData;

  before(async () => {
    await buildWebview();
    dir = tempDir('opsbook-webview-l10n-');
    const res = await cli(['report', '--root', 'samples/lumen-oak', '--today', '2026-06-15', '--out', path.join(dir, 'lumen')]);
    assert.equal(res.code, 0, res.stderr);
    const js = readFileSync(path.join(dir, 'lumen', 'data.js'), 'utf8');
    data = JSON.parse(js.slice(js.indexOf('{'), js.lastIndexOf('}') + 1)) as DashboardData;
    copyFileSync(path.join(REPO, 'dist/webview/dashboard.js'), path.join(dir, 'dashboard.js'));
    copyFileSync(path.join(REPO, 'dist/webview/dashboard.css'), path.join(dir, 'dashboard.css'));
    writeFileSync(
      path.join(dir, 'fake-vscode.js'),
      'window.__posted = []; window.acquireVsCodeApi = function () { return { postMessage: function (m) { window.__posted.push(m); }, getState: function () { return undefined; }, setState: function () {} }; };\n',
    );
    const nonce = 'bDEwbnRlc3Rub25jZTEyMzQ=';
    const html = dashboardHtml({ cspSource: "'self'", nonce, scriptUri: 'dashboard.js', styleUri: 'dashboard.css' });
    writeFileSync(path.join(dir, 'panel.html'), html.replace('<script nonce', `<script nonce="${nonce}" src="fake-vscode.js"></script>\n<script nonce`));
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function panel(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const w = watch(page);
    await page.goto(pathToFileURL(path.join(dir, 'panel.html')).href);
    await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
    return { page, problems: w.problems };
  }

  it('translates tab names, headings, table headers and pace words with the bundle of the init message', async () => {
    const { page, problems } = await panel();
    const bundle = JSON.parse(readFileSync(path.join(REPO, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    await page.evaluate((m) => window.postMessage(m, '*'), { type: 'init', l10n: bundle } as Record<string, unknown>);
    await page.evaluate((m) => window.postMessage(m, '*'), { type: 'update', data } as unknown as Record<string, unknown>);
    await page.waitForSelector('vscode-tab-panel[data-tab="kpi"] .card');
    assert.deepEqual(await page.locator('vscode-tab-header .tab-label').allInnerTexts(), [
      '关键指标',
      '预算',
      '时间线',
      '合作伙伴',
      '库存',
      '培训',
      '健康度',
      '人员',
      '市场',
    ]);
    assert.equal(await page.locator('section[data-section="kpi-attainment"] h2').innerText(), '达成率与期间已过进度对比');
    await page.click('vscode-button[data-toggle="kpi-attainment"]');
    assert.equal(await page.locator('section[data-section="kpi-attainment"] th').first().innerText(), '关键指标');
    const row = await rowCells(page, 'kpi', 'KPI-CO-REVENUE');
    assert.equal(row[0], 'Retail net revenue (all channels) KPI-CO-REVENUE');
    // The bundle changes words, not numbers: lumen-oak has no locale, so money stays English.
    assert.deepEqual(row.slice(3, 8), ['CN¥360,000,000', 'CN¥167,000,000', '46.4%', '45.5%', '✔ 正常']);
    assert.equal(await page.evaluate(() => document.querySelector('.filters label')?.textContent), '区域');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('stays English without a bundle', async () => {
    const { page } = await panel();
    await page.evaluate((m) => window.postMessage(m, '*'), { type: 'init' } as Record<string, unknown>);
    await page.evaluate((m) => window.postMessage(m, '*'), { type: 'update', data } as unknown as Record<string, unknown>);
    await page.waitForSelector('vscode-tab-panel[data-tab="kpi"] .card');
    assert.equal(await page.locator('vscode-tab-header[data-tab="training"] .tab-label').innerText(), 'Training');
    await page.close();
  });
});
