import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { NOODLE } from '../core/noodleStores';
import { buildWebview, cli, launch, rowCells, setFilter, tempDir, watch } from './helpers';

/** 1-based line of the only line of `file` containing `text`. */
function lineOf(file: string, text: string): number {
  const lines = (NOODLE[file] as string).split('\n');
  const found = lines.flatMap((l, i) => (l.includes(text) ? [i + 1] : []));
  assert.equal(found.length, 1, `${text} once in ${file}`);
  return found[0] as number;
}

describe('static report: drill-down and small multiples (a noodle chain, three stores, fiscal years from April)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let root: string;
  let out: string;
  let page: Page;
  let problems: string[];

  before(async () => {
    await buildWebview();
    root = tempDir('opsbook-noodles-');
    for (const [f, c] of Object.entries(NOODLE)) {
      mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      writeFileSync(path.join(root, f), c);
    }
    out = path.join(tempDir('opsbook-noodles-report-'), 'r');
    const res = await cli(['report', '--root', root, '--out', out]);
    assert.equal(res.code, 0, res.stderr);
    browser = await launch();
  });

  beforeEach(async () => {
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    ({ problems } = watch(page));
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
    await page.waitForSelector('[data-section="kpi-trends"]');
  });

  afterEach(async () => {
    assert.deepEqual(problems, []);
    await page.close();
  });

  after(async () => {
    await browser?.close();
    for (const d of [root, out && path.dirname(out)]) if (d) rmSync(d, { recursive: true, force: true });
  });

  const panelTitles = (selector: string) => page.locator(`${selector} svg g.panel > text.label`).allTextContents();

  it('the company KPI’s chart links to its two regions; their charts open on one scale, a region’s link opens its stores', async () => {
    const links = await page.locator('[data-section="kpi-trends"] svg text.action').allTextContents();
    // 营业额 (2 regions), 华北区营业额 (1 store), 西南区营业额 (2 stores), in plan order.
    assert.deepEqual(links, ['2 contributors ▾', '1 contributor ▾', '2 contributors ▾']);
    await page.locator('[data-section="kpi-trends"] svg text.action').first().click();
    const company = page.locator('details[data-drill="ZB-YYE"]');
    await company.locator('svg').waitFor();
    assert.deepEqual(await panelTitles('details[data-drill="ZB-YYE"]'), ['华北区 · 华北区营业额', '西南区 · 西南区营业额']);
    // One scale: 华北 (target 1.2M) is drawn on 西南's 2.5M axis.
    const ticks = await company.locator('svg g.panel').first().locator('.axis text').allTextContents();
    assert.ok(ticks.includes('2.5M'), ticks.join(' '));
    await company.locator('svg text.action', { hasText: '2 contributors' }).click();
    await page.locator('details[data-drill="XN-YYE"] svg').waitFor();
    assert.deepEqual(await panelTitles('details[data-drill="XN-YYE"]'), ['春熙路店 · 西南区', '太古里专柜 · 西南区']);
    // Click-through: the report shows where the contributor's KPI lives.
    await page.locator('details[data-drill="XN-YYE"] svg g.panel', { hasText: '太古里专柜' }).click();
    assert.equal(await page.locator('.status input.location').inputValue(), `plans/fy2026/md-02.yaml:${lineOf('plans/fy2026/md-02.yaml', 'id: MD02-YYE')}`);
  });

  it('the table behind the drill-down lists every contributor with its numbers', async () => {
    await page.click('vscode-button[data-toggle="kpi-drill"]');
    // 290,000 to date; 290,000 × 365 / 91 = 1,163,186.81 forecast, 96.9 % of 1,200,000.
    assert.deepEqual(await rowCells(page, 'kpi', 'ZB-YYE/HB-YYE'), [
      '营业额 ZB-YYE',
      '华北区营业额 HB-YYE',
      '华北区',
      '–',
      'CN¥290,000',
      'CN¥1,200,000',
      'CN¥1,163,186.81',
      '96.9%',
    ]);
    assert.deepEqual((await rowCells(page, 'kpi', 'XN-YYE/MD02-YYE')).slice(2, 5), ['西南区', '太古里专柜', 'CN¥240,000']);
  });

  it('small multiples: revenue by region and by store, the repeat rate by store; a region filter keeps that region’s', async () => {
    const m = '[data-section="kpi-multiples"]';
    assert.deepEqual(await page.locator(`${m} h3`).allTextContents(), ['营业额 (CNY)', '复购率 (%)']);
    assert.deepEqual(await panelTitles(m), [
      '华北区 · 华北区营业额',
      '西南区 · 西南区营业额',
      '三里屯店 · 华北区',
      '春熙路店 · 西南区',
      '太古里专柜 · 西南区',
      '三里屯店 · 华北区',
      '春熙路店 · 西南区',
      '太古里专柜 · 西南区',
    ]);
    await setFilter(page, 'kpi', 'region', 'QY-XN');
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll(
          '[data-section="kpi-multiples"] svg g.panel',
        ).length === 5,
    );
    assert.deepEqual(await panelTitles(m), ['西南区 · 西南区营业额', '春熙路店 · 西南区', '太古里专柜 · 西南区', '春熙路店 · 西南区', '太古里专柜 · 西南区']);
    // The drill-down keeps the company KPI (its West contributor only) and West's stores; North's drops out.
    assert.deepEqual(await page.locator('details[data-drill]').evaluateAll((els) => els.map((e) => e.getAttribute('data-drill'))), ['ZB-YYE', 'XN-YYE']);
  });
});
