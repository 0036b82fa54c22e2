import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DashboardData } from '../../src/core/dashboard/types';
import { buildWebview, cli, launch, resultsDir, rowCells, setFilter, showTab, TAB_IDS, tempDir, watch } from './helpers';
import type { BrowserDocument, BrowserWindow, ComputedStyle } from './helpers';

declare const document: BrowserDocument;
declare const window: BrowserWindow;
declare const getComputedStyle: ComputedStyle;

/** The data the report embeds, read back from its data.js. */
function reportData(dir: string): DashboardData {
  const js = readFileSync(path.join(dir, 'data.js'), 'utf8');
  return JSON.parse(js.slice(js.indexOf('{'), js.lastIndexOf('}') + 1)) as DashboardData;
}

describe('static report (opsbook report) in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let dir: string;
  let url: string;
  let data: DashboardData;
  let context: BrowserContext;

  before(async () => {
    await buildWebview();
    dir = tempDir('opsbook-report-');
    const res = await cli(['report', '--root', 'samples/lumen-oak', '--today', '2026-06-15', '--out', dir]);
    assert.equal(res.code, 0, res.stderr);
    url = pathToFileURL(path.join(dir, 'index.html')).href;
    data = reportData(dir);
    browser = await launch();
  });

  beforeEach(async () => {
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  });

  afterEach(async () => {
    await context.close();
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function openReport(): Promise<{ page: Page; problems: string[]; dialogs: string[] }> {
    const page = await context.newPage();
    const w = watch(page);
    await page.goto(url);
    await page.waitForSelector('vscode-tab-panel[data-tab="kpi"] .card');
    return { page, ...w };
  }

  it('opens from file:// with its CSP, without console errors, and prints the as-of and generation dates', async () => {
    const { page, problems } = await openReport();
    assert.match(await page.locator('.page-header .meta').innerText(), /^Data as of June 15, 2026 · generated \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    assert.equal(await page.locator('.page-header h1').innerText(), `Opsbook dashboard — lumen-oak`);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp ?? '', /^default-src 'none'; script-src 'self'; style-src 'self'/);
    assert.deepEqual(problems, []);
  });

  it('enforces the CSP from disk: an injected inline script does not run', async () => {
    const { page, problems } = await openReport();
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.appendChild(s);
      return (window as unknown as { __inline?: number }).__inline;
    });
    assert.equal(ran, undefined);
    assert.ok(
      problems.some((p) => /Content Security Policy/i.test(p)),
      problems.join('\n'),
    );
  });

  it('renders every tab, with a chart or a table in each section', async () => {
    const { page, problems } = await openReport();
    for (const tab of TAB_IDS) {
      await showTab(page, tab);
      const sections = page.locator(`vscode-tab-panel[data-tab="${tab}"] section.card`);
      const n = await sections.count();
      assert.ok(n >= 1, `${tab}: ${n} sections`);
      for (let i = 0; i < n; i++) assert.equal((await sections.nth(i).locator('svg.chart[role="img"], table').count()) >= 1, true, `${tab} section ${i}`);
      assert.ok((await page.locator(`vscode-tab-panel[data-tab="${tab}"] svg.chart title`).count()) >= 1, `${tab} has an accessible chart`);
    }
    assert.deepEqual(problems, []);
  });

  it('shows the data model’s numbers in the tables behind the charts', async () => {
    const { page } = await openReport();
    const rev = data.kpi.rows.find((r) => r.id === 'KPI-CO-REVENUE');
    assert.equal(rev?.pace, 'on-track');
    await page.click('vscode-button[data-toggle="kpi-attainment"]');
    const kpi = await rowCells(page, 'kpi', 'KPI-CO-REVENUE');
    assert.deepEqual(kpi.slice(1), ['National HQ (Shanghai)', '2026', 'CN¥360,000,000', 'CN¥167,000,000', '46.4%', '45.5%', '✔ on track']);
    assert.deepEqual((await rowCells(page, 'kpi', 'KPI-NORTH-NEW-STORES')).slice(3, 8), ['2', '0', '0.0%', '45.5%', '✖ off track']);

    await showTab(page, 'budget');
    await page.click('vscode-button[data-toggle="budget-projects"]');
    const popup = await rowCells(page, 'budget', 'PRJ-SOUTH-COBRAND-POPUP');
    assert.deepEqual(popup.slice(1), ['South China', 'in-progress', 'CN¥650,000', 'CN¥720,000', '-CN¥70,000', '✖ over budget']);
    await page.click('vscode-button[data-toggle="budget-plans"]');
    assert.deepEqual((await rowCells(page, 'budget', 'PLN-2026-COMPANY')).slice(3, 8), [
      'CN¥24,000,000',
      'CN¥5,050,000',
      'CN¥1,725,000',
      'CN¥16,720,000',
      'CN¥8,401,200',
    ]);

    await showTab(page, 'timeline');
    await page.click('vscode-button[data-toggle="timeline-gantt"]');
    const windows = await rowCells(page, 'timeline', 'PRJ-NORTH-SANLITUN-WINDOWS');
    assert.deepEqual(windows.slice(3), ['2026-03-01', '2026-05-31', '15 days ago', '2/3', '✖ overdue']);

    await showTab(page, 'partners');
    await page.click('vscode-button[data-toggle="partners-contracts"]');
    const petal = await rowCells(page, 'partners', 'PTN-MED-PETAL');
    assert.deepEqual(petal.slice(5), ['2026-07-31', 'in 46 days', 'CN¥520,000', '⚠ expiring']);

    await showTab(page, 'inventory');
    await page.click('vscode-button[data-toggle="inventory-below"]');
    const below = await page
      .locator('vscode-tab-panel[data-tab="inventory"] section[data-section="inventory-below"] tr[data-key]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    assert.deepEqual(below.sort(), ['INV-EAST-2026-06/SKU-1003', 'INV-NORTH-2026-06/SKU-2009', 'INV-SOUTH-2026-06/SKU-3002']);
    assert.deepEqual((await rowCells(page, 'inventory', 'INV-EAST-2026-06/SKU-1003')).slice(3, 7), ['2', '4', '10', '2']);

    await showTab(page, 'training');
    const gaps = await page.locator('section[data-section="training-gaps"] tr[data-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    assert.deepEqual(gaps, ['PER-FENG-RUI/CRS-SAFE-110', 'PER-SONG-JIA/CRS-PROD-201']);

    await showTab(page, 'health');
    assert.deepEqual(await page.locator('vscode-tab-panel[data-tab="health"] .stats dd').allInnerTexts(), [
      String(data.health.files),
      String(data.health.entities),
      '0',
      '7',
      '1',
    ]);
  });

  it('opens a row with Enter or a click: the report shows its file:line', async () => {
    const { page, problems } = await openReport();
    await page.click('vscode-button[data-toggle="kpi-attainment"]');
    const row = page.locator('tr[data-key="KPI-EAST-REVENUE"]');
    await row.focus();
    await page.keyboard.press('Enter');
    const loc = page.locator('.status input.location');
    assert.equal(await loc.inputValue(), 'plans/2026/east.yaml:17');
    await page.locator('tr[data-key="KPI-CO-REVENUE"]').click();
    assert.equal(await loc.inputValue(), 'plans/2026/company.yaml:20');
    // Keyboard-only: Tab reaches the rows.
    await page.locator('tr[data-key="KPI-SOUTH-DAMAGE"]').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    assert.equal(await loc.inputValue(), `plans/2026/south.yaml:${data.kpi.rows.find((r) => r.id === 'KPI-SOUTH-RETURN-RATE')?.line}`);
    assert.deepEqual(problems, []);
  });

  it('switches tabs from the keyboard (arrow keys, Enter)', async () => {
    const { page } = await openReport();
    await page.locator('vscode-tab-header[data-tab="kpi"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForSelector('vscode-tab-panel[data-tab="budget"] .card', { state: 'visible' });
    assert.equal(await page.locator('vscode-tabs').getAttribute('selected-index'), '1');
    await page.locator('vscode-tab-panel[data-tab="budget"] vscode-button[data-toggle="budget-plans"]').press('Enter');
    assert.equal(await page.locator('section[data-section="budget-plans"] table').count(), 1);
  });

  it('keeps tab, filters and table toggles across a reload', async () => {
    const { page } = await openReport();
    await showTab(page, 'kpi');
    await page.click('vscode-button[data-toggle="kpi-attainment"]');
    await setFilter(page, 'kpi', 'region', 'RGN-NORTH');
    const rows = () => page.locator('section[data-section="kpi-attainment"] tr[data-key]').evaluateAll((r) => r.map((x) => x.getAttribute('data-key')));
    assert.deepEqual(await rows(), ['KPI-NORTH-REVENUE', 'KPI-NORTH-NEW-STORES', 'KPI-NORTH-TRAINING', 'KPI-NORTH-CONVERSION']);
    await showTab(page, 'partners');
    await page.reload();
    await page.waitForSelector('vscode-tab-panel[data-tab="partners"] .card', { state: 'visible' });
    await showTab(page, 'kpi');
    assert.deepEqual(await rows(), ['KPI-NORTH-REVENUE', 'KPI-NORTH-NEW-STORES', 'KPI-NORTH-TRAINING', 'KPI-NORTH-CONVERSION']);
    await page.click('vscode-tab-panel[data-tab="kpi"] vscode-button.reset');
    assert.equal((await rows()).length, 20);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`saves a screenshot of each tab in the ${theme} theme`, async () => {
      const ctx = await browser.newContext({ locale: 'en-US', colorScheme: theme, viewport: { width: 1280, height: 900 } });
      try {
        const page = await ctx.newPage();
        const { problems } = watch(page);
        await page.goto(url);
        await page.waitForSelector('.card');
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert.equal(background, theme === 'dark' ? 'rgb(31, 31, 31)' : 'rgb(255, 255, 255)');
        for (const tab of TAB_IDS) {
          await showTab(page, tab);
          await page.screenshot({ path: path.join(resultsDir(), `report-${tab}-${theme}.png`), fullPage: true });
        }
        assert.deepEqual(problems, []);
      } finally {
        await ctx.close();
      }
    });
  }
});

describe('static report of hostile values (samples/xss)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let dir: string;

  before(async () => {
    await buildWebview();
    dir = tempDir('opsbook-report-xss-');
    const res = await cli(['report', '--root', 'samples/xss', '--out', dir]);
    assert.equal(res.code, 0, res.stderr);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('embeds the data with no raw <, > or & that could end the script', () => {
    const js = readFileSync(path.join(dir, 'data.js'), 'utf8');
    const body = js.slice(js.indexOf('window.'));
    assert.doesNotMatch(body, /[<>&]/);
    assert.ok(body.includes('\\u003c/script\\u003e'));
  });

  it('renders every hostile value as text and runs none of it', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    const { problems, dialogs } = watch(page);
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
    await page.waitForSelector('.card');
    const texts: string[] = [];
    for (const tab of TAB_IDS) {
      await showTab(page, tab);
      // Charts and tables: show every table too.
      for (const b of await page.locator(`vscode-tab-panel[data-tab="${tab}"] vscode-button[data-toggle]`).all()) await b.click();
      texts.push(await page.locator(`vscode-tab-panel[data-tab="${tab}"]`).innerText());
      await page.locator(`vscode-tab-panel[data-tab="${tab}"] tr.open-row`).first().press('Enter');
    }
    const all = texts.join('\n');
    for (const s of [
      '<script>alert(1)</script>',
      '<img src=x onerror=window.__pwned=1>',
      'javascript:alert(1)',
      '</script><script>window.__pwned=1</script>',
      '<img src=x onerror=window.__pwned=1>Evil region',
    ])
      assert.ok(all.includes(s), `shown as text: ${s}`);
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      injected: document.querySelectorAll('img, iframe, object, embed, a[href], [onerror], [onload], [onclick]').length,
      scripts: [...document.scripts].map((s) => s.getAttribute('src')),
    }));
    assert.deepEqual(state, { pwned: undefined, injected: 0, scripts: ['data.js', 'dashboard.js'] });
    assert.deepEqual(dialogs, []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
