// @ts-check
/**
 * End-to-end test of a folder from another business (issue 10): samples/maitian-bakery — a
 * Chinese bakery chain with its own ids, words and fields — copied WITHOUT its opsbook.yaml.
 * The extension offers *Initialize from Existing Files*; clicking it writes the inferred
 * configuration (byte for byte what `opsbook init --infer` writes, i.e. the committed file),
 * after which the Problems panel lists exactly the findings `opsbook check` reports on the
 * configured sample: the seeded defects of its README, no false error.
 *
 * Its own code-server session; screenshots test-results/e2e-foreign-offer.png and
 * e2e-foreign-problems.png.
 *
 *   npx mocha --no-config --timeout 60000 test/e2e/foreign.e2e.mjs   (this file alone)
 *
 * Environment: OPSBOOK_E2E_VSIX=FILE installs FILE instead of building and packaging.
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
import { PROJECT_ROOT, openEditorSession, screenshot } from './codeServer.mjs';
import { filterProblems, maximizePanel, waitForActiveFile, waitForProblems, waitUntil } from './workbench.mjs';
import { RESULTS_DIR, buildProductVsix, ensureEditor, log } from './setup.mjs';

const run = promisify(execFile);
const SAMPLE = path.join(PROJECT_ROOT, 'samples', 'maitian-bakery');
/** The sample's README writes its findings as of this date. */
const TODAY = '2026-06-15';
const SETTINGS = { 'opsbook.today': TODAY, 'editor.minimap.enabled': false, 'problems.defaultViewMode': 'tree', 'problems.autoReveal': false };

/** @param {{ file: string, line: number, ruleId?: string, code?: string }} f */
const key = (f) => `${f.file}:${f.line} ${f.ruleId ?? f.code}`;

describe('A folder from another business: Initialize from Existing Files (code-server + Chromium)', function () {
  /** @type {import('./codeServer.mjs').EditorSession | undefined} */
  let session;
  /** @type {import('playwright-core').Page} */
  let page;
  let scratch = '';
  let ws = '';
  let failed = false;
  /** `file:line ruleId` of every finding the CLI reports on the configured sample. */
  let expected = /** @type {string[]} */ ([]);

  before(async function () {
    this.timeout(600_000);
    await ensureEditor();
    for (const name of ['e2e-foreign-offer.png', 'e2e-foreign-problems.png']) await fs.rm(path.join(RESULTS_DIR, name), { force: true });
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'opsbook-e2e-foreign-'));
    ws = path.join(scratch, 'maitian-bakery');
    await fs.cp(SAMPLE, ws, { recursive: true, filter: (src) => path.basename(src) !== 'opsbook.yaml' });
    assert.ok(!existsSync(path.join(ws, 'opsbook.yaml')));

    const { stdout } = await run(
      process.execPath,
      [path.join(PROJECT_ROOT, 'bin', 'opsbook.js'), 'check', '--root', SAMPLE, '--today', TODAY, '--format', 'json'],
      { timeout: 60_000 },
    ).catch((/** @type {{ stdout: string }} */ err) => err); // exit 1: the sample has errors
    /** @type {{ diagnostics: { file: string, line: number, ruleId: string }[] }} */
    const report = JSON.parse(stdout);
    expected = report.diagnostics.map(key).sort();
    assert.ok(expected.length >= 5, `the sample should have its seeded defects: ${expected.join(', ')}`);

    const vsix = await buildProductVsix();
    session = await openEditorSession({ workspace: ws, vsixPaths: [vsix], settings: SETTINGS, log });
    page = session.page;
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    if (page) await screenshot(page, 'e2e-FAILED-foreign').catch(() => undefined);
  });

  after(async function () {
    this.timeout(60_000);
    if (session && failed) {
      await fs.cp(session.server.logsDir, path.join(RESULTS_DIR, 'e2e-logs-foreign'), { recursive: true }).catch(() => undefined);
      await fs.writeFile(path.join(RESULTS_DIR, 'e2e-logs-foreign', 'code-server.txt'), session.server.output()).catch(() => undefined);
    }
    await session?.close();
    if (scratch && process.env.OPSBOOK_E2E_KEEP !== '1') await fs.rm(scratch, { recursive: true, force: true });
  });

  it('13. offers Initialize from Existing Files; the inferred opsbook.yaml leaves only the seeded defects in the Problems panel', async function () {
    this.timeout(180_000);
    const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: 'has records but no opsbook.yaml' }).first();
    await toast.waitFor({ state: 'visible', timeout: 90_000 });
    await screenshot(page, 'e2e-foreign-offer');
    await toast.getByRole('button', { name: 'Initialize from Existing Files' }).click();

    const written = path.join(ws, 'opsbook.yaml');
    await waitUntil(page, 'opsbook.yaml written', async () => existsSync(written), { timeoutMs: 60_000 });
    assert.equal(readFileSync(written, 'utf8'), readFileSync(path.join(SAMPLE, 'opsbook.yaml'), 'utf8'), 'the editor writes what opsbook init --infer writes');
    // The command opens the new file and says what it did; commands typed before the editor has
    // taken focus would land in the file.
    await waitForActiveFile(page, 'opsbook.yaml', 30_000);
    await page
      .locator('.notifications-toasts .notification-toast', { hasText: 'created opsbook.yaml from' })
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });

    await filterProblems(page, '');
    await maximizePanel(page, true);
    try {
      const rows = await waitForProblems(page, 'only the seeded defects', (r) => r.map(key).sort().join('\n') === expected.join('\n'), 90_000);
      for (const r of rows) assert.equal(r.source, 'opsbook');
      await screenshot(page, 'e2e-foreign-problems');
      assert.equal(readFileSync(written, 'utf8'), readFileSync(path.join(SAMPLE, 'opsbook.yaml'), 'utf8'), 'nothing typed into the new file');
    } finally {
      await maximizePanel(page, false);
    }
  });
});
