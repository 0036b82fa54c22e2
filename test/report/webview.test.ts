import * as assert from 'node:assert/strict';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { ToWebview } from '../../src/core/dashboard/protocol';
import type { DashboardData } from '../../src/core/dashboard/types';
import { dashboardHtml } from '../../src/vscode/dashboard/html';
import { buildWebview, cli, launch, REPO, resultsDir, rowCells, setFilter, showTab, tempDir, watch } from './helpers';
import type { BrowserDocument, BrowserElement, BrowserWindow, ComputedStyle } from './helpers';

declare const document: BrowserDocument;
declare const window: BrowserWindow;
declare const getComputedStyle: ComputedStyle;

/**
 * The bundle as the editor runs it: the panel's HTML (nonce CSP), a stand-in for
 * `acquireVsCodeApi` that records posted messages and state, and messages from the "host"
 * posted into the page — the webview half of the protocol without VS Code.
 */
const FAKE_API = `window.__posted = [];
window.__state = undefined;
window.acquireVsCodeApi = function () {
  return {
    postMessage: function (m) { window.__posted.push(JSON.parse(JSON.stringify(m))); },
    getState: function () { return window.__state; },
    setState: function (s) { window.__state = JSON.parse(JSON.stringify(s)); },
  };
};
`;

/** High-contrast theme variables as VS Code sets them on the webview's <html>. */
const HC_THEME = `html {
  --vscode-foreground: #ffffff; --vscode-editor-background: #000000; --vscode-descriptionForeground: #ffffffb3;
  --vscode-contrastBorder: #6fc3df; --vscode-contrastActiveBorder: #f38518; --vscode-focusBorder: #f38518;
  --vscode-panel-border: #6fc3df; --vscode-charts-foreground: #ffffff; --vscode-charts-lines: #ffffff80;
  --vscode-charts-green: #89d185; --vscode-charts-yellow: #ffd700; --vscode-charts-red: #f48771; --vscode-charts-blue: #75beff;
  --vscode-charts-orange: #ffa500; --vscode-charts-purple: #c586c0; --vscode-badge-background: #000000; --vscode-badge-foreground: #ffffff;
  --vscode-button-secondaryBackground: #000000; --vscode-button-secondaryForeground: #ffffff; --vscode-button-border: #6fc3df;
  --vscode-settings-dropdownBackground: #000000; --vscode-settings-dropdownForeground: #ffffff; --vscode-settings-dropdownBorder: #6fc3df;
  --vscode-panelTitle-activeBorder: #f38518; --vscode-panelTitle-activeForeground: #ffffff; --vscode-panelTitle-inactiveForeground: #ffffff;
  --vscode-list-hoverBackground: #000000; --vscode-input-background: #000000; --vscode-input-foreground: #ffffff;
}
`;

function dataOf(dir: string): DashboardData {
  const js = readFileSync(path.join(dir, 'data.js'), 'utf8');
  return JSON.parse(js.slice(js.indexOf('{'), js.lastIndexOf('}') + 1)) as DashboardData;
}

describe('dashboard webview (the editor panel’s page, with a stand-in VS Code API)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let dir: string;
  let data: DashboardData;
  let xss: DashboardData;

  before(async () => {
    await buildWebview();
    dir = tempDir('opsbook-webview-');
    for (const [root, out] of [
      ['samples/lumen-oak', 'lumen'],
      ['samples/xss', 'xss'],
    ]) {
      const res = await cli(['report', '--root', root as string, '--today', '2026-06-15', '--out', path.join(dir, out as string)]);
      assert.equal(res.code, 0, res.stderr);
    }
    data = dataOf(path.join(dir, 'lumen'));
    xss = dataOf(path.join(dir, 'xss'));
    copyFileSync(path.join(REPO, 'dist/webview/dashboard.js'), path.join(dir, 'dashboard.js'));
    copyFileSync(path.join(REPO, 'dist/webview/dashboard.css'), path.join(dir, 'dashboard.css'));
    writeFileSync(path.join(dir, 'fake-vscode.js'), FAKE_API);
    writeFileSync(path.join(dir, 'hc-theme.css'), HC_THEME);
    const nonce = 'dGVzdG5vbmNlMTIzNDU2Nzg=';
    const html = dashboardHtml({ cspSource: "'self'", nonce, scriptUri: 'dashboard.js', styleUri: 'dashboard.css' });
    writeFileSync(path.join(dir, 'panel.html'), html.replace('<script nonce', `<script nonce="${nonce}" src="fake-vscode.js"></script>\n<script nonce`));
    writeFileSync(
      path.join(dir, 'panel-hc.html'),
      html
        .replace('<script nonce', `<script nonce="${nonce}" src="fake-vscode.js"></script>\n<script nonce`)
        .replace('<link rel="stylesheet"', `<link rel="stylesheet" nonce="${nonce}" href="hc-theme.css">\n<link rel="stylesheet"`)
        .replace('<body>', '<body class="vscode-high-contrast">'),
    );
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function openPanel(file = 'panel.html'): Promise<{ page: Page; problems: string[]; dialogs: string[] }> {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const w = watch(page);
    await page.goto(pathToFileURL(path.join(dir, file)).href);
    await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
    return { page, ...w };
  }

  const posted = (page: Page) => page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted);
  const send = (page: Page, msg: ToWebview | Record<string, unknown>) => page.evaluate((m) => window.postMessage(m, '*'), msg as Record<string, unknown>);

  it('says ready, renders the update, and tells the host about filter changes', async () => {
    const { page, problems } = await openPanel();
    assert.deepEqual(await posted(page), [{ type: 'ready' }]);
    await send(page, { type: 'update', data });
    await page.waitForSelector('vscode-tab-panel[data-tab="kpi"] .card');
    await setFilter(page, 'kpi', 'region', 'RGN-NORTH');
    assert.deepEqual((await posted(page)).at(-1), { type: 'filter', tab: 'kpi', filters: { region: 'RGN-NORTH' } });
    const state = await page.evaluate(() => (window as unknown as { __state: unknown }).__state);
    assert.deepEqual(state, { tab: 'kpi', filters: { kpi: { region: 'RGN-NORTH' } } });
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('keeps filters, tab and the focused row across a live update', async () => {
    const { page } = await openPanel();
    await send(page, { type: 'update', data });
    await page.waitForSelector('.card');
    await page.click('vscode-button[data-toggle="kpi-attainment"]');
    await setFilter(page, 'kpi', 'region', 'RGN-NORTH');
    await page.locator('tr[data-key="KPI-NORTH-REVENUE"]').focus();
    const edited = structuredClone(data);
    const row = edited.kpi.rows.find((r) => r.id === 'KPI-NORTH-REVENUE');
    if (!row) throw new Error('no KPI-NORTH-REVENUE');
    row.actual = 40_000_000;
    row.attainment = 0.5;
    row.pace = 'on-track';
    await send(page, { type: 'update', data: edited });
    await page.waitForFunction(() => document.querySelector('tr[data-key="KPI-NORTH-REVENUE"]')?.textContent?.includes('CN¥40,000,000'));
    assert.deepEqual((await rowCells(page, 'kpi', 'KPI-NORTH-REVENUE')).slice(4, 8), ['CN¥40,000,000', '50.0%', '45.5%', '✔ on track']);
    assert.equal(await page.locator('section[data-section="kpi-attainment"] tr[data-key]').count(), 4);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-key')), 'KPI-NORTH-REVENUE');
    await page.close();
  });

  it('posts open with the row’s file and line on Enter', async () => {
    const { page } = await openPanel();
    await send(page, { type: 'update', data });
    await showTab(page, 'partners');
    await page.click('vscode-button[data-toggle="partners-contracts"]');
    await page.locator('tr[data-key="PTN-MED-PETAL"]').press('Enter');
    const petal = data.partners.rows.find((r) => r.id === 'PTN-MED-PETAL');
    assert.deepEqual((await posted(page)).at(-1), { type: 'open', file: 'partners/media.yaml', line: petal?.line });
    assert.equal(await page.locator('.status input.location').count(), 0); // the editor opens the file; no report status line
    await page.close();
  });

  it('restores the tab and filters the host sends (window reload through the serializer)', async () => {
    const { page } = await openPanel();
    await send(page, {
      type: 'update',
      data,
      state: { tab: 'timeline', filters: { timeline: { status: 'in-progress', region: 'RGN-NORTH' } }, source: 'file:///work/lumen-oak' },
    });
    await page.waitForSelector('vscode-tab-panel[data-tab="timeline"] .card', { state: 'visible' });
    assert.equal(await page.locator('vscode-tabs').getAttribute('selected-index'), '2');
    await page.click('vscode-button[data-toggle="timeline-gantt"]');
    const keys = await page.locator('vscode-tab-panel[data-tab="timeline"] tr[data-key]').evaluateAll((r) => r.map((x) => x.getAttribute('data-key')));
    assert.deepEqual(
      keys.filter((k) => !k?.includes('/')),
      ['PRJ-NORTH-SANLITUN-WINDOWS'],
    );
    const state = await page.evaluate(() => (window as unknown as { __state: { source?: string; tables?: Record<string, boolean> } }).__state);
    assert.equal(state.source, 'file:///work/lumen-oak');
    assert.deepEqual(state.tables, { 'timeline-gantt': true });
    await page.close();
  });

  it('shows host errors as text and reports malformed messages back', async () => {
    const { page } = await openPanel();
    await send(page, { type: 'error', message: '<b>boom</b>' });
    assert.equal(await page.locator('.status.error').innerText(), '<b>boom</b>');
    assert.equal(await page.locator('.status b').count(), 0);
    await send(page, { type: 'bogus' });
    await send(page, { type: 'update', data: { version: 99 } });
    const errors = (await posted(page)).filter((m) => m.type === 'error');
    assert.equal(errors.length, 2);
    await page.close();
  });

  it('renders hostile data as text, runs none of it', async () => {
    const { page, problems, dialogs } = await openPanel();
    await send(page, { type: 'update', data: xss });
    await page.waitForSelector('.card');
    let text = '';
    for (const tab of ['kpi', 'budget', 'timeline', 'partners', 'inventory', 'training', 'health', 'people', 'market']) {
      await showTab(page, tab);
      for (const b of await page.locator(`vscode-tab-panel[data-tab="${tab}"] vscode-button[data-toggle]`).all()) await b.click();
      text += await page.locator(`vscode-tab-panel[data-tab="${tab}"]`).innerText();
    }
    assert.ok(text.includes('<script>alert(1)</script>'));
    assert.ok(text.includes('javascript:alert(1)'));
    const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
    assert.equal(pwned, undefined);
    assert.equal(await page.locator('img, iframe, a[href], [onerror], [onload]').count(), 0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('follows a high-contrast theme through the VS Code variables (screenshot)', async () => {
    const { page, problems } = await openPanel('panel-hc.html');
    await send(page, { type: 'update', data });
    await page.waitForSelector('.card');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(0, 0, 0)');
    const stroke = await page.evaluate(() => getComputedStyle(document.querySelector('svg.chart .bar') as BrowserElement).stroke);
    assert.equal(stroke, 'rgb(111, 195, 223)');
    for (const tab of ['kpi', 'timeline']) {
      await showTab(page, tab);
      await page.screenshot({ path: path.join(resultsDir(), `webview-${tab}-high-contrast.png`), fullPage: true });
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
});
