import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { buildWebview, cli, launch, setFilter, tempDir, watch } from './helpers';

const plan = (id: string, title: string, period: string, extra = '') => `id: ${id}
title: ${title}
region: RGN-BJ
period: "${period}"
owner: PER-B01
status: approved
${extra}objectives:
  - id: OBJ-${id.slice(4)}
    title: 销售
    kpis:
      - id: KPI-${id.slice(4)}
        metric: 营业额
        unit: CNY
        target: 1200
        actual: 300
`;

// A cosmetics retailer whose fiscal year starts in April, with fiscal, monthly and calendar plans.
const FILES: Record<string, string> = {
  'opsbook.yaml': 'opsbook: 1\nfiscalYearStart: 4\n',
  'org/regions.yaml': 'regions:\n  - id: RGN-BJ\n    name: 北京\n',
  'org/people.yaml': 'people:\n  - id: PER-B01\n    name: 陈静\n    role: director\n    region: RGN-BJ\n',
  'plans/fy.yaml': plan('PLN-FY26', 'FY2026 年度计划', 'FY2026'),
  'plans/q1.yaml': plan('PLN-FY26Q1', 'FY2026 第一季度', 'FY2026-Q1', 'parent: PLN-FY26\n'),
  'plans/jun.yaml': plan('PLN-JUN', '六月计划', '2026-06', 'parent: PLN-FY26Q1\n'),
  'plans/cal.yaml': plan('PLN-CAL', '2026 自然年', '2026'),
};

describe('dashboard period filter (static report in Chromium)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let dir: string;

  before(async () => {
    await buildWebview();
    dir = tempDir('opsbook-periods-report-');
    const ws = path.join(dir, 'ws');
    for (const [file, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(ws, file)), { recursive: true });
      writeFileSync(path.join(ws, file), text);
    }
    const res = await cli(['report', '--root', ws, '--today', '2026-05-01', '--out', path.join(dir, 'out')]);
    assert.equal(res.code, 0, res.stderr);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const w = watch(page);
    await page.goto(pathToFileURL(path.join(dir, 'out', 'index.html')).href);
    await page.waitForSelector('vscode-tab-panel[data-tab="kpi"] .card');
    return { page, problems: w.problems };
  }

  const planRows = async (page: Page): Promise<string[]> => {
    const keys: string[] = [];
    for (const row of await page.locator('vscode-tab-panel[data-tab="kpi"] tr[data-key^="PLN-"]').all()) keys.push((await row.getAttribute('data-key')) ?? '');
    return keys.sort();
  };

  it('offers the periods in time order, fiscal ones with their dates, and a period shows the plans inside it', async () => {
    const { page, problems } = await open();
    const options = await page.locator('vscode-tab-panel[data-tab="kpi"] vscode-single-select[data-filter="period"] vscode-option').allInnerTexts();
    assert.deepEqual(
      options.map((o) => o.trim()),
      ['All', '2026', 'FY2026 (2026-04-01 – 2027-03-31)', 'FY2026-Q1 (2026-04-01 – 2026-06-30)', '2026-06'],
    );
    await page.click('vscode-button[data-toggle="kpi-plans"]');
    assert.deepEqual(await planRows(page), ['PLN-CAL', 'PLN-FY26', 'PLN-FY26Q1', 'PLN-JUN']);
    await setFilter(page, 'kpi', 'period', 'FY2026-Q1');
    assert.deepEqual(await planRows(page), ['PLN-FY26Q1', 'PLN-JUN']);
    await setFilter(page, 'kpi', 'period', '2026');
    assert.deepEqual(await planRows(page), ['PLN-CAL', 'PLN-FY26Q1', 'PLN-JUN']);
    await setFilter(page, 'kpi', 'period', '2026-06');
    assert.deepEqual(await planRows(page), ['PLN-JUN']);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
