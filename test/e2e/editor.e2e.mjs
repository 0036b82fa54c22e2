// @ts-check
/**
 * End-to-end tests of the packaged extension in a real VS Code (code-server)
 * in a real browser (Debian's Chromium driven by playwright-core). SPEC §7,
 * issue 3 "Tests", issue 4 "In the real editor".
 *
 *   npm run test:e2e      (mocha --config test/e2e/.mocharc.json)
 *
 * One code-server session serves every scenario (in order; later ones rely on
 * the state earlier ones leave, as noted). Everything waits on conditions —
 * DOM state, files on disk — never on fixed sleeps; there are no retries; when
 * the editor cannot start the `before all` hook fails and so does the run.
 * Each step saves a screenshot as test-results/e2e-<nn>-<name>.png; a failing
 * test also saves e2e-FAILED-<nn>.png and copies VS Code's logs to
 * test-results/e2e-logs/.
 *
 * Scenarios and their screenshots (test-results/):
 *   1 views: Opsbook container, Plans with attainment          e2e-01-views
 *   2 Problems: seeded defects + the sample's 8, with rule ids  e2e-02-problems
 *   3 validate on type: wrong partner id, then fixed           e2e-03-typed-wrong-id, e2e-03-fixed
 *   4 completion of partner ids (Ctrl+Space)                    e2e-04-completion
 *   5 go to definition (F12)                                    e2e-05-definition
 *   6 rename (F2) across files, saved                           e2e-06-rename-input, e2e-06-renamed
 *   7 Opsbook: Search by a body word                            e2e-07-search-results, e2e-07-search-opened
 *   8 dashboard: KPI data, live update, click-through           e2e-08-dashboard, e2e-08-dashboard-live-update,
 *                                                               e2e-08-dashboard-updated, e2e-08-dashboard-click-through
 *   9 in-host suite (test/inhost, vscode API in the extension host; runs first, at startup) e2e-09-inhost
 *  10 warm start: a window reload loads from the cache in the extension's storage,
 *     with the same problems; a second reload shows the cached problems first  e2e-10-warm-start
 *
 * Environment:
 *   OPSBOOK_E2E_VSIX=FILE     install FILE instead of building and packaging the extension
 *   OPSBOOK_E2E_HEADED=1      show the browser (where a display exists)
 *   OPSBOOK_E2E_KEEP=1        keep the workspace copy (its path is logged)
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import process from 'node:process';
import { promisify } from 'node:util';
import { after, afterEach, before, describe, it } from 'mocha';
import { packageInhost } from '../inhost/build.mjs';
import { PROJECT_ROOT, openEditorSession, openFile, runCommand, screenshot, treeItems } from './codeServer.mjs';
import {
  cursor,
  filterProblems,
  goTo,
  insertAtCursor,
  maximizePanel,
  resetWorkbench,
  resizeSidebar,
  revertDirtyEditors,
  showOutputChannel,
  showProblems,
  suggestLabels,
  visibleEditorText,
  waitForActiveFile,
  waitForProblems,
  waitUntil,
  webviewFrame,
} from './workbench.mjs';
import { RESULTS_DIR, buildProductVsix, ensureEditor, log } from './setup.mjs';
import { BASELINE, SEEDS, TODAY, positionOf, prepareWorkspace } from './workspace.mjs';

const run = promisify(execFile);

/** How long a change typed in an unsaved editor may take to show in the Problems panel. */
const ON_TYPE_MS = 5000;

/** User settings of the session, over the harness's BASE_SETTINGS. */
const SETTINGS = {
  'opsbook.today': TODAY,
  // Suggestions only when asked for (Ctrl+Space), so typing never lands in a suggest widget.
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.hover.enabled': false,
  'editor.minimap.enabled': false,
  'workbench.editor.enablePreview': false,
  'problems.defaultViewMode': 'tree',
  'problems.autoReveal': false,
};

/**
 * `file:line ruleId`, the key findings are compared by.
 * @param {{ file: string, line: number, ruleId?: string, code?: string }} f
 */
const key = (f) => `${f.file}:${f.line} ${f.ruleId ?? f.code}`;

/** Every finding the seeded workspace starts with, sorted. */
const EXPECTED = [...BASELINE.map(key), ...SEEDS.filter((s) => s.ruleId).map((s) => key({ file: s.file, line: s.line ?? 0, ruleId: s.ruleId }))].sort();

/**
 * Names of the entries of a zip file (its central directory), without unzip.
 * @param {string} file
 * @returns {Promise<string[]>}
 */
async function zipEntries(file) {
  const buf = await fs.readFile(file);
  const names = [];
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, `${file} is not a zip file`);
  let at = buf.readUInt32LE(eocd + 16);
  const count = buf.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'zip central directory entry');
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/**
 * The plan attainments the CLI computes (`opsbook tree`), by plan id, in %.
 * @param {string} root
 * @returns {Promise<Map<string, number>>}
 */
async function cliAttainments(root) {
  const { stdout } = await run(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'opsbook.js'), 'tree', '--root', root, '--today', TODAY], { timeout: 60_000 });
  const out = new Map();
  // Lines name plans title first: `East China plan 2026 (PLN-2026-EAST)  [RGN-EAST · … | attainment 77.7% | …]`.
  for (const m of stdout.matchAll(/\((PLN-[\w-]+)\)\s.*?\|\s*attainment ([\d.]+)%/g)) out.set(m[1], Number(m[2]));
  return out;
}

describe('Opsbook in a real editor (code-server + Chromium)', function () {
  /** @type {import('./codeServer.mjs').EditorSession | undefined} */
  let session;
  /** @type {import('playwright-core').Page} */
  let page;
  let scratch = '';
  let ws = '';
  let resultsFile = '';
  /** @type {string | undefined} why the in-host results never came */
  let inhostMissing;
  let failed = false;
  let n = 0;

  /** A screenshot of the current step: test-results/e2e-<nn>-<name>.png. */
  const shot = async (/** @type {string} */ name) => {
    const file = await screenshot(page, `e2e-${String(n).padStart(2, '0')}-${name}`);
    log(`screenshot ${path.relative(PROJECT_ROOT, file)}`);
  };
  const wsFile = (/** @type {string} */ rel) => path.join(ws, ...rel.split('/'));
  const readWs = (/** @type {string} */ rel) => readFileSync(wsFile(rel), 'utf8');

  before(async function () {
    this.timeout(600_000); // a first run installs code-server (about 2 minutes)
    const started = Date.now();
    await ensureEditor();
    // Only its own screenshots (e2e-NN-name.png): the other specs, some of which run before it, remove theirs.
    for (const f of await fs.readdir(RESULTS_DIR)) if (/^e2e-\d\d-.*\.png$/.test(f)) await fs.rm(path.join(RESULTS_DIR, f));
    await fs.rm(path.join(RESULTS_DIR, 'e2e-logs'), { recursive: true, force: true });

    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'opsbook-e2e-ws-'));
    const [productVsix, inhostVsix] = await Promise.all([buildProductVsix(), packageInhost({ out: path.join(scratch, 'opsbook-inhost-tests.vsix') })]);
    const entries = await zipEntries(productVsix);
    assert.ok(entries.includes('extension/dist/extension.js'), `the VSIX has no extension/dist/extension.js: ${entries.join(', ')}`);
    const stray = entries.filter((e) => /^extension\/(node_modules|test|samples|src)\//.test(e) || e.endsWith('.map'));
    assert.deepEqual(stray, [], 'the VSIX ships tests, samples, sources, node_modules or source maps');
    log(`packaged ${path.basename(productVsix)} (${entries.length} files) and the in-host test VSIX in ${Math.round((Date.now() - started) / 1000)} s`);

    ws = await prepareWorkspace(path.join(scratch, 'lumen-oak'));
    resultsFile = path.join(scratch, 'inhost-results.json');
    session = await openEditorSession({
      workspace: ws,
      vsixPaths: [productVsix, inhostVsix],
      settings: SETTINGS,
      env: { OPSBOOK_INHOST_RESULTS: resultsFile },
      log,
    });
    page = session.page;
    log(`workbench ready in ${Math.round((Date.now() - started) / 1000)} s (workspace ${ws})`);

    // The in-host suite (scenario 9) runs on startup and edits opsbook.yaml for its pack test:
    // let it finish before the UI scenarios look at the workspace; scenario 9 asserts its results.
    const deadline = Date.now() + 120_000;
    while (!existsSync(resultsFile)) {
      if (Date.now() > deadline) {
        inhostMissing = `no results in ${resultsFile} within 120 s of the workbench opening`;
        break;
      }
      await page.waitForTimeout(200); // poll for the file
    }
    log(`in-host suite ${inhostMissing ? 'silent' : 'finished'} ${Math.round((Date.now() - started) / 1000)} s after start`);
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    if (!page) return;
    await screenshot(page, `e2e-FAILED-${String(n).padStart(2, '0')}`).catch(() => undefined);
    // Leave the workbench usable for the next scenario.
    const dialogs = await resetWorkbench(page).catch(() => []);
    for (const d of dialogs) log(`closed a dialog: ${d}`);
    await revertDirtyEditors(page).catch((err) => log(`could not revert the unsaved editors: ${err}`));
    await filterProblems(page, '').catch(() => undefined);
  });

  after(async function () {
    this.timeout(60_000);
    if (session && (failed || inhostMissing)) {
      await fs.cp(session.server.logsDir, path.join(RESULTS_DIR, 'e2e-logs'), { recursive: true }).catch(() => undefined);
      await fs.writeFile(path.join(RESULTS_DIR, 'e2e-logs', 'code-server.txt'), session.server.output()).catch(() => undefined);
    }
    await session?.close();
    if (scratch && process.env.OPSBOOK_E2E_KEEP !== '1') await fs.rm(scratch, { recursive: true, force: true });
  });

  it('1. shows the Opsbook activity-bar container; Plans lists the company and regional plans with attainment', async function () {
    n = 1;
    await treeItems(page, 'Opsbook', { timeoutMs: 30_000, waitFor: 'PLN-2026' });
    const plansHeader = page.locator('.part.sidebar .pane-header', { hasText: /^\s*Plans/ }).first();
    await plansHeader.waitFor({ state: 'visible' });
    assert.equal(await plansHeader.getAttribute('aria-expanded'), 'true', 'the Plans view is collapsed');
    // The container's other views (Registers, Documents, …) collapse, so Plans has the height
    // to render every plan row (trees render only the rows in view).
    const otherHeaders = page.locator('.part.sidebar .pane-header[aria-expanded="true"]').filter({ hasNotText: /^\s*Plans/ });
    for (let left = await otherHeaders.count(); left > 0; left--) {
      await otherHeaders.first().click({ position: { x: 40, y: 10 } });
      await waitUntil(page, 'a view collapsed', async () => (await otherHeaders.count()) < left, { timeoutMs: 5000 });
    }
    const items = await treeItems(page, 'Opsbook', { waitFor: 'PLN-2026-SOUTH' });
    await resizeSidebar(page, 620); // room for the descriptions (attainment, budget) in the screenshots
    const cli = await cliAttainments(ws);
    for (const id of ['PLN-2026-COMPANY', 'PLN-2026-EAST', 'PLN-2026-NORTH', 'PLN-2026-SOUTH']) {
      // Titles first: `East China plan 2026, PLN-2026-EAST · 77.7% · CN¥7.5M budget · …`; the same text as opsbook tree.
      const row = items.find((l) => l.includes(`, ${id} · `) || l.includes(`, ${id}, `));
      assert.ok(row, `no ${id} in the Opsbook views: ${items.join(' | ')}`);
      const m = / · ([\d.]+)%/.exec(row);
      assert.ok(m, `${id} shows no attainment %: ${row}`);
      const want = cli.get(id);
      assert.ok(want !== undefined, `opsbook tree printed no attainment for ${id}`);
      assert.equal(Number(m[1]), want, `${id}: the view shows ${m[1]}%, opsbook tree ${want}%`);
    }
    await shot('views');
    await resizeSidebar(page, 360); // the editor gets the room back
  });

  it("2. lists the seeded defects and the sample's 8 findings, with rule ids, in the Problems panel", async function () {
    n = 2;
    await showProblems(page);
    await filterProblems(page, '');
    await maximizePanel(page, true);
    try {
      const rows = await waitForProblems(page, 'the seeded and baseline findings', (r) => r.length === EXPECTED.length);
      const got = rows.map(key).sort();
      assert.deepEqual(got, EXPECTED);
      for (const seed of SEEDS.filter((s) => s.ruleId)) {
        const row = rows.find((r) => r.file === seed.file && r.code === seed.ruleId);
        assert.ok(row, `no ${seed.ruleId} row for ${seed.file}`);
        assert.equal(row.source, 'opsbook');
        assert.equal(row.severity, 'error');
        if (seed.text) assert.ok(row.message.includes(seed.text), `the ${seed.ruleId} message does not name ${seed.text}: ${row.message}`);
      }
      assert.equal(rows.filter((r) => BASELINE.some((b) => key(b) === key(r))).length, 8);
      await shot('problems');
    } finally {
      await maximizePanel(page, false);
    }
  });

  it('3. validates as you type: a wrong partner id in an unsaved plan is a ref/missing problem within seconds; fixing it clears it', async function () {
    n = 3;
    const file = 'plans/2026/south.yaml';
    const wrong = 'PTN-SUP-NOSUCH';
    await filterProblems(page, wrong);
    await openFile(page, file);
    const at = positionOf(readWs(file), 'partners: [PTN-KC-BANYAN]', 'partners: [PTN-KC-BANYAN'.length);
    await goTo(page, at.line, at.column);
    await insertAtCursor(page, `, ${wrong}`);
    const typed = Date.now();
    const rows = await waitForProblems(
      page,
      `a ref/missing problem for ${wrong}`,
      (r) => r.some((x) => x.file === file && x.code === 'ref/missing'),
      ON_TYPE_MS,
    );
    const ms = Date.now() - typed;
    log(`problem shown ${ms} ms after typing`);
    const row = rows.find((x) => x.code === 'ref/missing');
    assert.equal(row?.line, at.line);
    assert.ok(row?.message.includes(wrong));
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'visible' }); // still unsaved
    await shot('typed-wrong-id');

    for (let i = 0; i < wrong.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.insertText('PTN-SUP-OAKCRAFT');
    await waitForProblems(page, `the ${wrong} problem gone`, (r) => r.length === 0, ON_TYPE_MS);
    assert.match(await visibleEditorText(page), /partners: \[PTN-KC-BANYAN, PTN-SUP-OAKCRAFT\]/);
    await shot('fixed');

    await runCommand(page, 'File: Revert File');
    await page.locator('.tabs-container .tab.active:not(.dirty)').waitFor({ state: 'visible' });
    await filterProblems(page, '');
  });

  it('4. completes partner ids at `partners: [` (Ctrl+Space)', async function () {
    n = 4;
    const file = 'plans/2026/south.yaml';
    await openFile(page, file);
    const at = positionOf(readWs(file), 'partners: [PTN-KC-BANYAN]', 'partners: [PTN-KC-BANYAN'.length);
    await goTo(page, at.line, at.column);
    await insertAtCursor(page, ', ');
    await page.keyboard.press('Control+Space');
    const rows = page.locator('.editor-widget.suggest-widget .monaco-list-row');
    await rows.filter({ hasText: /PTN-/ }).first().waitFor({ state: 'visible', timeout: 10_000 });
    const labels = await suggestLabels(page);
    assert.ok(labels.length > 0 && labels.every((l) => /^PTN-[A-Z]+-[A-Z0-9-]+$/.test(l)), `suggestions: ${labels.join(', ')}`);
    assert.ok(labels.includes('PTN-CH-SKYCART'), `PTN-CH-SKYCART is not suggested: ${labels.join(', ')}`);
    // The focused suggestion shows the partner's name as its detail.
    assert.match((await rows.first().locator('.details-label').textContent()) ?? '', /\S/, 'a partner suggestion without its name as detail');
    await shot('completion');
    await page.keyboard.press('Escape');
    await page.locator('.editor-widget.suggest-widget').waitFor({ state: 'hidden' });
    await runCommand(page, 'File: Revert File');
    await page.locator('.tabs-container .tab.active:not(.dirty)').waitFor({ state: 'visible' });
  });

  it("5. goes to the definition of a partner id (F12): the partner's file at its id", async function () {
    n = 5;
    const file = 'plans/2026/south.yaml';
    await openFile(page, file);
    const at = positionOf(readWs(file), 'PTN-KC-BANYAN]', 4);
    await goTo(page, at.line, at.column);
    await page.keyboard.press('F12');
    await waitForActiveFile(page, 'partners/relations.yaml');
    const def = positionOf(readWs('partners/relations.yaml'), 'id: PTN-KC-BANYAN');
    await waitUntil(page, `the cursor on line ${def.line}`, async () => (await cursor(page))?.line === def.line, {
      describe: async () => JSON.stringify(await cursor(page)),
    });
    await shot('definition');
  });

  it('6. renames a partner id (F2) in a plan; the partner file is updated on disk', async function () {
    n = 6;
    const file = 'plans/2026/south.yaml';
    const oldId = 'PTN-KC-BANYAN';
    const newId = 'PTN-KC-BANYANTREE';
    await openFile(page, file);
    const at = positionOf(readWs(file), `${oldId}]`, 4);
    await goTo(page, at.line, at.column);
    await page.keyboard.press('F2');
    const input = page.locator('.rename-box .rename-input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await input.inputValue(), oldId);
    await input.fill(newId);
    await shot('rename-input');
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
    await waitUntil(page, `${newId} in the editor`, async () => (await visibleEditorText(page)).includes(`partners: [${newId}]`));
    await runCommand(page, 'File: Save All Files');
    await page
      .locator('.tabs-container .tab.dirty')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
    await waitUntil(
      page,
      'both files renamed on disk',
      async () => readWs('partners/relations.yaml').includes(`id: ${newId}\n`) && readWs(file).includes(`partners: [${newId}]`),
      {
        describe: () => `relations.yaml has ${newId}: ${readWs('partners/relations.yaml').includes(newId)}; south.yaml: ${readWs(file).includes(newId)}`,
      },
    );
    assert.ok(!readWs('partners/relations.yaml').includes(`${oldId}\n`), `${oldId} is still in partners/relations.yaml`);
    // Nothing dangles: no problem names either id.
    await filterProblems(page, 'BANYAN');
    await waitForProblems(page, 'no problem about the renamed partner', (r) => r.length === 0);
    await filterProblems(page, '');
    await openFile(page, 'partners/relations.yaml');
    const def = positionOf(readWs('partners/relations.yaml'), `id: ${newId}`);
    await goTo(page, def.line, def.column);
    await shot('renamed');
  });

  it('7. the search quick pick finds a standard by a word in its body and opens it at the line', async function () {
    n = 7;
    const word = 'cycle';
    const std = 'standards/STD-INV-005-inventory-counting.md';
    assert.ok(!/^title:.*cycle/im.test(readWs(std)) && readWs(std).includes(word), 'the word must be in the body only');
    await runCommand(page, 'Opsbook: Search');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Opsbook Search' }).waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('.quick-input-widget .quick-input-box input').fill(word);
    const hit = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'STD-INV-005' }).first();
    await hit.waitFor({ state: 'visible', timeout: 10_000 });
    const description = (await hit.locator('.label-description').first().textContent()) ?? '';
    const m = /standards\/STD-INV-005-inventory-counting\.md:(\d+)/.exec(description);
    assert.ok(m, `the hit's description names no file:line: ${description}`);
    const snippet = (await hit.textContent()) ?? '';
    assert.match(snippet, new RegExp(word, 'i'), `the hit shows no snippet with "${word}": ${snippet}`);
    await shot('search-results');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await waitForActiveFile(page, std);
    await waitUntil(page, `the cursor on line ${m[1]}`, async () => (await cursor(page))?.line === Number(m[1]), {
      describe: async () => JSON.stringify(await cursor(page)),
    });
    const lineText = readWs(std).split('\n')[Number(m[1]) - 1] ?? '';
    log(`search opened ${std}:${m[1]}: ${lineText.trim()}`);
    await shot('search-opened');
  });

  it('8. the dashboard opens with KPI data, updates when a KPI actual is saved, and a row opens the file at the line', async function () {
    n = 8;
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
    /** @type {{ command: string, title: string, category?: string }[]} */
    const commands = pkg.contributes?.commands ?? [];
    // Titles are %keys% of package.nls.json (the English bundle).
    const nls = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.nls.json'), 'utf8'));
    const english = (/** @type {string | undefined} */ s) => s?.replace(/^%([^%]+)%$/, (_, key) => nls[key] ?? s);
    const command = commands.find((c) => english(c.title) === 'Open Dashboard' && english(c.category) === 'Opsbook');
    const hasSource = existsSync(path.join(PROJECT_ROOT, 'src', 'vscode', 'dashboard'));
    if (!command || !hasSource) {
      throw new Error(
        `Precondition failed: the dashboard is not in the extension yet (package.json contributes "Opsbook: Open Dashboard": ${!!command}; src/vscode/dashboard exists: ${hasSource}). Issue 4 requires this scenario.`,
      );
    }
    // Room for the dashboard: no panel, no side bar (back at the end).
    await runCommand(page, 'View: Hide Panel');
    await runCommand(page, 'View: Close Primary Side Bar');
    await page.locator('.part.sidebar').first().waitFor({ state: 'hidden', timeout: 5000 });
    try {
      await dashboardScenario();
    } finally {
      if (await page.locator('.part.sidebar').first().isHidden()) await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    }
  });

  /** Scenario 8's steps (the test above sets up the layout). */
  async function dashboardScenario() {
    const planFile = 'plans/2026/east.yaml';
    const kpi = 'KPI-EAST-NPS';
    await runCommand(page, 'Opsbook: Open Dashboard');
    let frame = await webviewFrame(page, `[data-section="kpi-attainment"]`, 30_000);
    // The attainment section as a table (the chart's table toggle).
    const tableRow = (/** @type {import('playwright-core').Frame} */ f) => f.locator(`[data-section="kpi-attainment"] tr[data-key="${kpi}"]`);
    /** The text of the KPI's cell under `header` (e.g. Actual). */
    const cell = async (/** @type {import('playwright-core').Frame} */ f, /** @type {string} */ header) =>
      tableRow(f).evaluate((tr, h) => {
        const headers = [...(tr.closest('table')?.querySelectorAll('thead th') ?? [])].map((th) => (th.textContent ?? '').trim());
        const i = headers.indexOf(h);
        const row = /** @type {HTMLTableRowElement} */ (tr);
        return i >= 0 ? (row.cells[i]?.textContent ?? '').trim() : `(no ${h} column in ${headers.join(', ')})`;
      }, header);
    if ((await tableRow(frame).count()) === 0) await frame.locator('[data-toggle="kpi-attainment"]').click();
    await tableRow(frame).waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(await cell(frame, 'Actual'), /^63\b/, `${kpi}'s Actual cell`);
    assert.match(await cell(frame, 'Target'), /^62\b/, `${kpi}'s Target cell`);
    await tableRow(frame).scrollIntoViewIfNeeded();
    await shot('dashboard');

    // Edit and save the KPI's actual beside the dashboard; the dashboard follows while visible.
    await openFile(page, planFile);
    await runCommand(page, 'View: Move Editor into Next Group');
    await page.locator('.editor-group-container').nth(1).waitFor({ state: 'visible', timeout: 10_000 });
    await waitForActiveFile(page, planFile);
    frame = await webviewFrame(page, `[data-section="kpi-attainment"] tr[data-key="${kpi}"]`, 30_000);
    const text = readWs(planFile);
    const kpiAt = text.indexOf(`id: ${kpi}`);
    const actualAt = text.indexOf('actual: 63', kpiAt);
    assert.ok(kpiAt >= 0 && actualAt > kpiAt, `no "actual: 63" under ${kpi} in ${planFile}`);
    const upTo = text.slice(0, actualAt + 'actual: '.length);
    await goTo(page, upTo.split('\n').length, upTo.length - upTo.lastIndexOf('\n'));
    await page.keyboard.press('Shift+End');
    await insertAtCursor(page, '48');
    await page.keyboard.press('Control+S');
    await page.locator('.editor-group-container.active .tabs-container .tab.active:not(.dirty)').waitFor({ state: 'visible' });
    await waitUntil(page, 'the saved actual on disk', async () => readWs(planFile).includes('actual: 48'));
    // The webview may be re-created meanwhile: look its frame up on each round.
    const actualNow = async () =>
      cell(await webviewFrame(page, `[data-section="kpi-attainment"] tr[data-key="${kpi}"]`, 5000), 'Actual').catch((err) => String(err));
    await waitUntil(page, `the dashboard showing ${kpi}'s new actual 48`, async () => /^48\b/.test(await actualNow()), { describe: actualNow });
    await tableRow(await webviewFrame(page, `[data-section="kpi-attainment"] tr[data-key="${kpi}"]`, 5000)).scrollIntoViewIfNeeded();
    await shot('dashboard-live-update');

    // Back to the dashboard alone (closing the plan's editor closes its group): it shows 48, and a
    // click on the row opens the plan beside it at the KPI's line.
    await runCommand(page, 'View: Close Editor');
    await page.locator('.editor-group-container').nth(1).waitFor({ state: 'detached', timeout: 10_000 });
    frame = await webviewFrame(page, `[data-section="kpi-attainment"] tr[data-key="${kpi}"]`, 30_000);
    await waitUntil(page, `the dashboard still showing ${kpi}'s new actual 48`, async () => /^48\b/.test(await actualNow()), { describe: actualNow });
    await tableRow(frame).scrollIntoViewIfNeeded();
    await shot('dashboard-updated');
    const line = positionOf(readWs(planFile), `id: ${kpi}`).line;
    await tableRow(frame).click();
    await waitForActiveFile(page, planFile);
    await waitUntil(page, `the cursor on line ${line}`, async () => (await cursor(page))?.line === line, {
      describe: async () => JSON.stringify(await cursor(page)),
    });
    await shot('dashboard-click-through');
  }

  it('9. the in-host suite (the vscode API inside the extension host) passed', async function () {
    n = 9;
    assert.ok(!inhostMissing, `the in-host test extension wrote no results: ${inhostMissing}`);
    /** @type {import('../inhost/src/runner').SuiteResults & { error?: string }} */
    const results = JSON.parse(await fs.readFile(resultsFile, 'utf8'));
    for (const t of results.tests ?? []) log(`in-host ${t.state}: ${t.title}${t.durationMs !== undefined ? ` (${t.durationMs} ms)` : ''}`);
    const failures = (results.tests ?? []).filter((t) => t.state !== 'passed');
    assert.ok(!results.error, `the in-host suite could not run: ${results.error}`);
    assert.deepEqual(
      failures.map((t) => `${t.title}\n${t.error ?? t.state}`),
      [],
    );
    assert.ok(results.total > 0 && results.passes === results.total && results.ok, `in-host: ${results.passes}/${results.total} passed`);

    // Show its output channel for the screenshot.
    await showOutputChannel(page, 'Opsbook In-host Tests', 'passed, 0 failed');
    await maximizePanel(page, true);
    await shot('inhost');
    await maximizePanel(page, false);
  });
  it("10. a window reload starts warm from the cache in the extension's storage, with the same problems; the next shows them from the cache first", async function () {
    n = 10;
    this.timeout(180_000);
    assert.ok(session);
    const logsDir = session.server.logsDir;
    /** The Opsbook log files (the extension's log output channel; one per extension host). */
    const logFiles = async () => /** @type {string[]} */ (await fs.readdir(logsDir, { recursive: true })).filter((f) => /Opsbook\.log$/.test(path.basename(f)));
    /** The text of the Opsbook logs, except those in `skip`. */
    const opsbookLog = async (/** @type {string[]} */ skip = []) => {
      const files = (await logFiles()).filter((f) => !skip.includes(f));
      return (await Promise.all(files.map((f) => fs.readFile(path.join(logsDir, f), 'utf8')))).join('\n');
    };
    const loads = (/** @type {string} */ text) => text.match(/\d+ files, \d+ entities in \d+ ms[^\n]*/g) ?? [];
    const warmLoads = (/** @type {string} */ text) => loads(text).filter((l) => l.includes('(warm start:'));
    const before = await opsbookLog();
    assert.ok(loads(before).length > 0, `no load in the Opsbook log yet:\n${before.slice(-2000)}`);
    // The reloaded window gets a new extension host, which logs to a new file.
    const oldLogs = await logFiles();
    const counts = (/** @type {string} */ l) => /^\d+ files, \d+ entities/.exec(l)?.[0];
    const countsBefore = counts(loads(before).at(-1) ?? '');
    // A file changed on disk since the cache was written is re-read on the warm start.
    const touched = 'partners/media.yaml';
    await fs.appendFile(wsFile(touched), '\n# touched before the reload\n');

    await revertDirtyEditors(page);
    await showProblems(page);
    await filterProblems(page, '');
    await maximizePanel(page, true);
    const rowsBefore = (await waitForProblems(page, 'the problems before the reload', (r) => r.length > 0)).map(key).sort();
    await maximizePanel(page, false);

    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.part.statusbar .statusbar-item').first().waitFor({ state: 'visible', timeout: 60_000 });
    let after = '';
    await waitUntil(page, 'a warm start in the Opsbook log after the reload', async () => warmLoads((after = await opsbookLog(oldLogs))).length > 0, {
      timeoutMs: 90_000,
      describe: async () => loads(after).slice(-4).join(' | '),
    });
    const line = warmLoads(after)[0] ?? '';
    log(`after the reload: ${line}`);
    assert.equal(counts(line), countsBefore);
    const changed = Number(/warm start: (\d+) file/.exec(line)?.[1]);
    assert.ok(changed >= 1, `the file changed on disk (${touched}) was not re-read: ${line}`);

    await showProblems(page);
    await filterProblems(page, '');
    await maximizePanel(page, true);
    try {
      const rows = await waitForProblems(
        page,
        'the same problems as before the reload',
        (r) => JSON.stringify(r.map(key).sort()) === JSON.stringify(rowsBefore),
        30_000,
      );
      assert.deepEqual(rows.map(key).sort(), rowsBefore);
    } finally {
      await maximizePanel(page, false);
    }

    // Reloaded again with nothing changed, the problems the cache remembers are shown before
    // the model is restored (the summary written after the first reload's publish).
    const logsBeforeSecond = await logFiles();
    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    let second = '';
    await waitUntil(
      page,
      'problems shown from the cache, then a warm start, after the second reload',
      async () => {
        second = await opsbookLog(logsBeforeSecond);
        return /problem\(s\) shown from the warm-start cache/.test(second) && warmLoads(second).length > 0;
      },
      { timeoutMs: 90_000, describe: async () => second.slice(-600) },
    );
    const early = /(\d+) problem\(s\) shown from the warm-start cache/.exec(second);
    log(`after the second reload: ${early?.[0]}; ${warmLoads(second)[0]}`);
    assert.equal(Number(early?.[1]), rowsBefore.length);
    assert.ok(second.indexOf('shown from the warm-start cache') < second.indexOf('(warm start:'), 'the cached problems come first');
    assert.match(warmLoads(second)[0] ?? '', /warm start: 0 file\(s\) changed/);

    // Show the Opsbook log with the warm-start line for the screenshot.
    await showOutputChannel(page, 'Opsbook', 'warm start');
    await maximizePanel(page, true);
    await shot('warm-start');
    await maximizePanel(page, false);
  });
});
