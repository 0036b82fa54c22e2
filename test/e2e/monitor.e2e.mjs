// @ts-check
/**
 * End-to-end test of the dashboard's drill-down and small multiples (issue 13.5) on data the
 * tests did not design for the dashboard: a noodle chain (test/core/noodleStores.ts) with
 * Chinese titles, fiscal years from April, two regions and three store plans whose revenue rolls
 * up store → region → company. The editor runs in Simplified Chinese (code-server --locale
 * zh-cn, see locale.e2e.mjs) with `locale: zh-CN` in the workspace.
 *
 * The company KPI's trend chart links to its contributors; their charts open (one scale), a
 * region's link opens its stores; the small multiples show revenue by region and by store and
 * the repeat-purchase rate by store; a contributor's chart opens its KPI in the editor.
 * Screenshots (dark, then light theme): test-results/e2e-dashboard-drill.png,
 * e2e-dashboard-multiples.png, e2e-dashboard-drill-light.png, e2e-dashboard-multiples-light.png.
 *
 *   npx mocha --no-config --timeout 120000 test/e2e/monitor.e2e.mjs   (this file alone)
 *
 * Environment: OPSBOOK_E2E_VSIX=FILE installs FILE instead of building and packaging.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import process from 'node:process';
import { before, describe, it } from 'mocha';
import { PROJECT_ROOT, runCommand, screenshot } from './codeServer.mjs';
import { waitForActiveFile, waitUntil, webviewFrame } from './workbench.mjs';
import { RESULTS_DIR, editorSessionHooks } from './setup.mjs';

const TODAY = '2026-07-15';
const SETTINGS = { 'opsbook.today': TODAY, 'editor.minimap.enabled': false, 'problems.autoReveal': false };
const SHOTS = ['e2e-dashboard-drill', 'e2e-dashboard-multiples', 'e2e-dashboard-drill-light', 'e2e-dashboard-multiples-light'];

/** Writes the noodle chain fixture (a TypeScript module) into `dir`, with `locale: zh-CN` as its planners would add. */
function writeNoodleChain(dir) {
  const script = `
    const fs = require('node:fs'); const path = require('node:path');
    const { NOODLE } = require(${JSON.stringify(path.join(PROJECT_ROOT, 'test/core/noodleStores.ts'))});
    for (const [f, c] of Object.entries(NOODLE)) {
      fs.mkdirSync(path.dirname(path.join(${JSON.stringify(dir)}, f)), { recursive: true });
      fs.writeFileSync(path.join(${JSON.stringify(dir)}, f), c);
    }`;
  execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  return fs.appendFile(path.join(dir, 'opsbook.yaml'), 'locale: zh-CN\n');
}

describe('Dashboard drill-down and small multiples on a noodle chain with three stores (code-server --locale zh-cn + Chromium)', function () {
  const editor = editorSessionHooks('monitor', {
    settings: SETTINGS,
    locale: 'zh-cn',
    prepare: async (scratch) => {
      for (const name of SHOTS) await fs.rm(path.join(RESULTS_DIR, `${name}.png`), { force: true });
      const ws = path.join(scratch, 'noodles');
      await writeNoodleChain(ws);
      return ws;
    },
  });
  /** @type {import('playwright-core').Page} */
  let page;
  before(() => {
    page = editor.page;
  });

  /** @type {import('playwright-core').Frame} */
  let frame;

  it('18. the company KPI’s chart opens its regions’ series, a region’s opens its stores; small multiples by region and by store', async function () {
    this.timeout(240_000);
    // The dashboard command shows once the workspace is loaded (opsbook.active): the status bar item says so.
    await page.locator('.part.statusbar .statusbar-item[aria-label^="Opsbook："]').first().waitFor({ state: 'visible', timeout: 90_000 });
    await runCommand(page, 'Opsbook: 打开仪表板', { timeoutMs: 30_000 });
    frame = await webviewFrame(page, '[data-section="kpi-trends"]', 90_000);
    // The company KPI (营业额) is the first trend; its link says how many KPIs contribute.
    const link = frame.locator('[data-section="kpi-trends"] svg text.action').first();
    assert.equal((await link.textContent())?.trim(), '2 个贡献指标 ▾');
    await link.click();
    const company = frame.locator('details[data-drill="ZB-YYE"]');
    await company.locator('svg').waitFor({ state: 'visible', timeout: 10_000 });
    const titles = await company.locator('svg g.panel > text.label').allTextContents();
    assert.deepEqual(titles, ['华北区 · 华北区营业额', '西南区 · 西南区营业额']);
    // West: its two stores, through the link on its chart.
    await company.locator('svg text.action', { hasText: '2 个贡献指标' }).click();
    const west = frame.locator('details[data-drill="XN-YYE"]');
    await west.locator('svg').waitFor({ state: 'visible', timeout: 10_000 });
    assert.deepEqual(await west.locator('svg g.panel > text.label').allTextContents(), ['春熙路店 · 西南区', '太古里专柜 · 西南区']);
    await frame.locator('[data-section="kpi-drill"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'e2e-dashboard-drill');

    const multiples = frame.locator('[data-section="kpi-multiples"]');
    await multiples.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    assert.deepEqual(await multiples.locator('h3').allTextContents(), ['营业额 (CNY)', '复购率 (%)']);
    assert.deepEqual(await multiples.locator('h4').allTextContents(), ['按区域', '按门店', '按门店']);
    const panels = await multiples.locator('svg g.panel > text.label').allTextContents();
    assert.deepEqual(panels, [
      '华北区 · 华北区营业额',
      '西南区 · 西南区营业额',
      '三里屯店 · 华北区',
      '春熙路店 · 西南区',
      '太古里专柜 · 西南区',
      '三里屯店 · 华北区',
      '春熙路店 · 西南区',
      '太古里专柜 · 西南区',
    ]);
    await screenshot(page, 'e2e-dashboard-multiples');
  });

  it('19. the same in the light theme; a contributor’s chart opens its KPI in the editor', async function () {
    this.timeout(240_000);
    // The workbench's own strings stay English under --locale zh-cn (no language pack): pick the theme by name.
    await runCommand(page, 'Preferences: Color Theme', { timeoutMs: 30_000 });
    const box = page.locator('.quick-input-widget .quick-input-box input');
    await box.fill('Light Modern');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Light Modern' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('.monaco-workbench.vs').waitFor({ state: 'visible', timeout: 30_000 });
    // The theme reaches the webview as CSS variables: the page's text turns dark.
    await waitUntil(page, 'the dashboard in the light theme', async () => {
      const colour = await frame.locator('body').evaluate((b) => b.ownerDocument.defaultView?.getComputedStyle(b).color ?? '');
      const [r = 255] = (colour.match(/\d+/g) ?? []).map(Number);
      return r < 128 || undefined;
    });
    await frame.locator('[data-section="kpi-drill"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'e2e-dashboard-drill-light');
    await frame.locator('[data-section="kpi-multiples"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'e2e-dashboard-multiples-light');

    // 太古里专柜's chart in the drill-down opens its plan file at the KPI.
    await frame.locator('details[data-drill="XN-YYE"] svg g.panel', { hasText: '太古里专柜' }).first().click();
    await waitForActiveFile(page, 'plans/fy2026/md-02.yaml', 30_000);
  });
});
