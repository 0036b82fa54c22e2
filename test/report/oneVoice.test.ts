import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { buildDashboard } from '../../src/core/dashboard/model';
import { openWorkspace } from '../../src/core/engine';
import { NodeWorkspaceFs } from '../../src/node/fs';
import { builtinPacks } from '../../src/node/host';
import { dashboardHtml } from '../../src/vscode/dashboard/html';
import { buildPlansView } from '../../src/vscode/views/planView';
import type { ViewNode } from '../../src/vscode/views/viewNode';
import { buildWebview, cli, launch, REPO, rowCells, showTab, tempDir, watch } from './helpers';
import type { BrowserWindow } from './helpers';

declare const window: BrowserWindow;

/**
 * One voice: a tea chain's plan rendered by the four hosts — `opsbook tree`, the Plans view's
 * row builders, the dashboard model as the editor's webview renders it, and the static report —
 * must print the same KPI's attainment, the same money and the same as-of date with the same
 * text. Twice: in Chinese (`locale: zh-CN`) and, the same files without a locale, in English.
 */
const PLAN = `id: 计划-华东-2026
title: 华东区 2026 年经营计划
region: 华东
period: "2026"
status: approved
budget: { amount: 1280000, currency: CNY }
objectives:
  - id: 目标-营收
    title: 提升门店营业额
    kpis:
      - { id: 指标-营业额, metric: 华东门店营业额, unit: CNY, target: 160000000, actual: 74300000, direction: up }
    initiatives:
      - { id: 举措-新店, title: 新开两家茶饮门店, status: in-progress, due: 2026-08-31, budget: 1280 }
`;

const TODAY = '2026-06-15';

interface Voice {
  name: string;
  config: string;
  /** What every host must print, written out here (not computed by the code under test). */
  attainment: string;
  target: string;
  actual: string;
  budget: string;
  asOf: string;
}

const VOICES: Voice[] = [
  {
    name: 'zh-CN',
    config: 'opsbook: 1\nlocale: zh-CN\n',
    attainment: '46.4%',
    target: '¥160,000,000',
    actual: '¥74,300,000',
    budget: '¥1,280,000',
    asOf: '2026年6月15日',
  },
  {
    name: 'English (no locale)',
    config: 'opsbook: 1\n',
    attainment: '46.4%',
    target: 'CN¥160,000,000',
    actual: 'CN¥74,300,000',
    budget: 'CN¥1,280,000',
    asOf: 'June 15, 2026',
  },
];

/** The same facts as each host shows them. */
interface Seen {
  attainment: string;
  target: string;
  actual: string;
  budget: string;
  asOf: string;
}

const FAKE_API =
  'window.__posted = []; window.acquireVsCodeApi = function () { return { postMessage: function (m) { window.__posted.push(m); }, getState: function () { return undefined; }, setState: function () {} }; };\n';

function find(nodes: readonly ViewNode[], id: string): ViewNode | undefined {
  for (const n of nodes) {
    if (n.entity?.id === id) return n;
    const hit = find(n.children, id);
    if (hit) return hit;
  }
  return undefined;
}

function tooltipValue(n: ViewNode | undefined, label: string): string {
  const row = n?.tooltip?.rows.find(([l]) => l === label);
  if (!row) throw new Error(`no ${label} row in ${JSON.stringify(n?.tooltip)}`);
  return row[1];
}

/** The KPI and the plan as the dashboard page (panel or report) shows them. */
async function fromPage(page: Page): Promise<Seen> {
  await page.waitForSelector('vscode-tab-panel[data-tab="kpi"] .card');
  const meta = await page.locator('.page-header .meta').innerText();
  await page.click('vscode-button[data-toggle="kpi-attainment"]');
  const kpi = await rowCells(page, 'kpi', '指标-营业额');
  await showTab(page, 'budget');
  await page.click('vscode-button[data-toggle="budget-plans"]');
  const plan = await rowCells(page, 'budget', '计划-华东-2026');
  const asOf = /^(?:Data as of|数据截至) (.+?)(?: · |$)/.exec(meta)?.[1] ?? `(no date in "${meta}")`;
  return { target: kpi[3] ?? '', actual: kpi[4] ?? '', attainment: kpi[5] ?? '', budget: plan[3] ?? '', asOf };
}

for (const voice of VOICES) {
  describe(`one voice: the same KPI reads the same in opsbook tree, the Plans view, the dashboard and the report (${voice.name})`, function () {
    this.timeout(120_000);
    let browser: Browser;
    let dir = '';
    const ws = () => path.join(dir, 'ws');
    const want: Seen = { attainment: voice.attainment, target: voice.target, actual: voice.actual, budget: voice.budget, asOf: voice.asOf };

    before(async () => {
      await buildWebview();
      dir = tempDir('opsbook-one-voice-');
      mkdirSync(path.join(ws(), 'plans', '2026'), { recursive: true });
      writeFileSync(path.join(ws(), 'opsbook.yaml'), voice.config);
      writeFileSync(path.join(ws(), 'plans', '2026', '华东.yaml'), PLAN);
      browser = await launch();
    });

    after(async () => {
      await browser?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('opsbook tree', async () => {
      const r = await cli(['tree', '--root', ws(), '--today', TODAY]);
      assert.equal(r.code, 0, r.stderr);
      const kpi = /KPI 华东门店营业额 \(指标-营业额\) {2}target (\S+) {2}actual (\S+) {2}(\S+) {2}/.exec(r.stdout);
      const plan = /^华东区 2026 年经营计划 \(计划-华东-2026\) {2}\[.*\| budget ([^ |]+) \|/m.exec(r.stdout);
      const asOf = /^Plans as of (.+?) \(/.exec(r.stdout);
      assert.deepEqual({ target: kpi?.[1], actual: kpi?.[2], attainment: kpi?.[3], budget: plan?.[1], asOf: asOf?.[1] }, want, r.stdout);
    });

    it('the Plans view', async () => {
      const opened = await openWorkspace({ fs: new NodeWorkspaceFs(ws()), builtinPacks: builtinPacks(), clock: () => TODAY, today: TODAY });
      assert.deepEqual(opened.configProblems, []);
      const roots = buildPlansView([{ key: pathToFileURL(ws()).href, name: 'ws', workspace: opened.workspace }]);
      const kpi = find(roots, '指标-营业额');
      const plan = find(roots, '计划-华东-2026');
      // The row's short description shows the same attainment text as the tooltip and every other host.
      assert.match(kpi?.description ?? '', new RegExp(` · ${voice.attainment.replace('.', '\\.')} · `));
      const pace = /, as of (.+)$/.exec(tooltipValue(kpi, 'Pace'));
      assert.deepEqual(
        {
          target: tooltipValue(kpi, 'Target'),
          actual: tooltipValue(kpi, 'Actual'),
          attainment: tooltipValue(kpi, 'Attainment'),
          budget: tooltipValue(plan, 'Budget'),
          asOf: pace?.[1],
        },
        want,
      );
    });

    it('the dashboard model, rendered by the editor’s webview', async () => {
      const opened = await openWorkspace({ fs: new NodeWorkspaceFs(ws()), builtinPacks: builtinPacks(), clock: () => TODAY, today: TODAY });
      const data = buildDashboard(opened.workspace, { title: 'ws', generatedAt: '2026-06-15T08:00:00.000Z' });
      const panelDir = path.join(dir, 'panel');
      mkdirSync(panelDir, { recursive: true });
      writeFileSync(path.join(panelDir, 'fake-vscode.js'), FAKE_API);
      const nonce = 'b25ldm9pY2Vub25jZTEyMzQ=';
      const html = dashboardHtml({
        cspSource: "'self'",
        nonce,
        scriptUri: pathToFileURL(path.join(REPO, 'dist/webview/dashboard.js')).href,
        styleUri: pathToFileURL(path.join(REPO, 'dist/webview/dashboard.css')).href,
      });
      writeFileSync(path.join(panelDir, 'panel.html'), html.replace('<script nonce', `<script nonce="${nonce}" src="fake-vscode.js"></script>\n<script nonce`));
      const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
      const w = watch(page);
      await page.goto(pathToFileURL(path.join(panelDir, 'panel.html')).href);
      await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
      await page.evaluate((m) => window.postMessage(m, '*'), { type: 'init' } as Record<string, unknown>);
      await page.evaluate((m) => window.postMessage(m, '*'), { type: 'update', data } as unknown as Record<string, unknown>);
      assert.deepEqual(await fromPage(page), want);
      assert.deepEqual(w.problems, []);
      await page.close();
    });

    it('the static report', async () => {
      const r = await cli(['report', '--root', ws(), '--today', TODAY, '--out', path.join(dir, 'out')]);
      assert.equal(r.code, 0, r.stderr);
      const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
      const w = watch(page);
      await page.goto(pathToFileURL(path.join(dir, 'out', 'index.html')).href);
      assert.deepEqual(await fromPage(page), want);
      assert.deepEqual(w.problems, []);
      await page.close();
    });
  });
}
