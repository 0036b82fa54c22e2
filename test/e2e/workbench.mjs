// @ts-check
/**
 * More workbench helpers for the end-to-end suite, on top of codeServer.mjs:
 * cursor placement, the Problems panel with rule ids, tabs, the suggest
 * widget and webviews. Like the harness, each waits on a condition with a
 * timeout and never sleeps for a fixed time.
 */
import * as path from 'node:path';
import { runCommand } from './codeServer.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Frame} Frame */

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = '.quick-input-widget .quick-input-box input';
const ACTIVE_EDITOR = '.editor-group-container.active .monaco-editor';

/**
 * Polls `probe` until it returns a truthy value (returned) or the time is up
 * (throws with `describe()` of the last state).
 * @template T
 * @param {Page} page
 * @param {string} what
 * @param {() => Promise<T | undefined | false | null>} probe
 * @param {{ timeoutMs?: number, describe?: () => Promise<string> | string }} [opts]
 * @returns {Promise<T>}
 */
export async function waitUntil(page, what, probe, { timeoutMs = 15_000, describe } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) {
      const state = describe ? await describe() : '';
      throw new Error(`${what}: not within ${timeoutMs} ms${state ? `; now: ${state}` : ''}`);
    }
    await page.waitForTimeout(100); // poll interval, not a wait for an outcome
  }
}

/**
 * Presses `key` until the quick input's box shows (the first key press can be
 * lost while the workbench wires its keybindings) and returns the box.
 * @param {Page} page
 * @param {string} key
 */
export async function openQuickInput(page, key) {
  const box = page.locator(QUICK_INPUT_BOX);
  for (let tries = 0; ; tries++) {
    await page.keyboard.press(key);
    try {
      await box.waitFor({ state: 'visible', timeout: 5000 });
      return box;
    } catch (err) {
      if (tries >= 2) throw err;
    }
  }
}

/**
 * Shows the output channel labelled `name` (Output: Show Output Channels) and waits until
 * it shows `text`.
 * @param {Page} page
 * @param {string} name
 * @param {string} text
 */
export async function showOutputChannel(page, name, text) {
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  const command = rows.filter({ hasText: 'Output: Show Output Channels' }).first();
  // Right after a window reload the command may not be registered yet: ask again until it is.
  for (let tries = 0; ; tries++) {
    const box = await openQuickInput(page, 'F1');
    await box.fill('>Output: Show Output Channels');
    try {
      await command.waitFor({ state: 'visible', timeout: 5000 });
      break;
    } catch (err) {
      if (tries >= 5) throw err;
      await page.keyboard.press('Escape');
    }
  }
  await command.click();
  const channel = rows
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }) })
    .first();
  await channel.waitFor({ state: 'visible', timeout: 10_000 });
  await channel.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.part.panel .view-lines', { hasText: text }).first().waitFor({ state: 'visible', timeout: 10_000 });
}

/**
 * The active editor's cursor as the status bar shows it.
 * @param {Page} page
 * @returns {Promise<{ line: number, column: number } | undefined>}
 */
export async function cursor(page) {
  const text = (await page.locator('[id="status.editor.selection"]').textContent({ timeout: 5000 })) ?? '';
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

/**
 * Moves the cursor of the active editor to a 1-based line and column (Go to
 * Line, Ctrl+G) and waits until the status bar shows it; the editor has focus.
 * @param {Page} page
 * @param {number} line
 * @param {number} column
 */
export async function goTo(page, line, column) {
  const box = await openQuickInput(page, 'Control+G');
  await box.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 5000 });
  await waitUntil(
    page,
    `the cursor at ${line}:${column}`,
    async () => {
      const c = await cursor(page);
      return c?.line === line && c.column === column;
    },
    { timeoutMs: 5000, describe: async () => JSON.stringify(await cursor(page)) },
  );
  await page.locator(`${ACTIVE_EDITOR}.focused`).first().waitFor({ state: 'visible', timeout: 5000 });
}

/**
 * Inserts text at the cursor of the focused editor (no auto-closing, no
 * auto-indent) and waits until the tab shows the edit (dirty).
 * @param {Page} page
 * @param {string} text
 */
export async function insertAtCursor(page, text) {
  await page.keyboard.insertText(text);
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'visible', timeout: 10_000 });
}

/**
 * The text of the active editor's visible lines (Monaco renders only those).
 * @param {Page} page
 */
export async function visibleEditorText(page) {
  const lines = await page.locator(`${ACTIVE_EDITOR} .view-lines .view-line`).evaluateAll((els) =>
    els
      .map((el) => ({ top: parseFloat(/** @type {HTMLElement} */ (el).style.top) || 0, text: (el.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text),
  );
  return lines.join('\n');
}

/**
 * The active tab: its file name and, from its tooltip/aria label, the path.
 * @param {Page} page
 * @returns {Promise<{ name: string, label: string }>}
 */
export async function activeTab(page) {
  const tab = page.locator('.editor-group-container.active .tabs-container .tab.active').first();
  await tab.waitFor({ state: 'visible', timeout: 5000 });
  return {
    name: (await tab.getAttribute('data-resource-name')) ?? '',
    label: (await tab.getAttribute('aria-label')) ?? '',
  };
}

/**
 * Waits until the active tab shows `relPath` (its file name, and its folder in
 * the breadcrumbs) — the way to tell partners/south.yaml from plans/2026/south.yaml.
 * @param {Page} page
 * @param {string} relPath
 * @param {number} [timeoutMs]
 */
export async function waitForActiveFile(page, relPath, timeoutMs = 10_000) {
  const base = path.posix.basename(relPath);
  const dirs = path.posix
    .dirname(relPath)
    .split('/')
    .filter((d) => d !== '.');
  await waitUntil(
    page,
    `the active editor showing ${relPath}`,
    async () => {
      const tab = await activeTab(page).catch(() => undefined);
      if (tab?.name !== base) return false;
      const crumbs = await breadcrumbs(page);
      return dirs.every((d, i) => crumbs[i] === d) && crumbs[dirs.length] === base;
    },
    { timeoutMs, describe: async () => `${JSON.stringify(await activeTab(page).catch(() => undefined))} ${JSON.stringify(await breadcrumbs(page))}` },
  );
}

/**
 * The breadcrumbs of the active editor: folders, file, then symbols.
 * @param {Page} page
 * @returns {Promise<string[]>}
 */
export async function breadcrumbs(page) {
  return page
    .locator('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item')
    .evaluateAll((els) => els.map((el) => (el.textContent ?? '').trim()));
}

/**
 * @typedef {object} ProblemRow
 * @property {string} file workspace-relative path, e.g. `plans/2026/north.yaml`
 * @property {'error' | 'warning' | 'info' | string} severity
 * @property {string} message
 * @property {string} code the rule id (the marker's code)
 * @property {string} source e.g. `opsbook`
 * @property {number} line
 * @property {number} column
 * @property {string} label the row's aria-label
 */

/**
 * Reads the marker rows the Problems panel renders, with their file (from the
 * file rows above them) and rule id (the `.marker-code` cell: the aria-label
 * leaves the code out). Only rendered rows: maximize the panel or filter it
 * to see them all.
 * @param {Page} page
 * @returns {Promise<ProblemRow[]>}
 */
export async function problemRows(page) {
  const raw = await page.locator('.markers-panel .monaco-list-row').evaluateAll((els) =>
    els.map((el) => ({
      index: Number(el.getAttribute('data-index')),
      level: Number(el.getAttribute('aria-level')),
      label: el.getAttribute('aria-label') ?? '',
      code: el.querySelector('.marker-code')?.textContent?.trim() ?? '',
      source: el.querySelector('.marker-source')?.textContent?.trim() ?? '',
      message: el.querySelector('.marker-message')?.textContent?.trim() ?? '',
    })),
  );
  raw.sort((a, b) => a.index - b.index);
  /** @type {ProblemRow[]} */
  const rows = [];
  let file = '';
  for (const r of raw) {
    const fileRow = /problems? in file (.+?) of folder (.+)$/.exec(r.label) ?? /problems? in file (.+)$/.exec(r.label);
    if (r.level === 1 && fileRow) {
      file = fileRow[2] ? `${fileRow[2]}/${fileRow[1]}` : fileRow[1];
      continue;
    }
    const m = /^(\w+): [\s\S]* at line (\d+) and character (\d+)\./.exec(r.label);
    if (!m) continue;
    rows.push({
      file,
      severity: m[1].toLowerCase(),
      message: r.message,
      code: r.code,
      source: r.source,
      line: Number(m[2]),
      column: Number(m[3]),
      label: r.label,
    });
  }
  return rows;
}

/**
 * Shows the Problems panel (View: Focus Problems).
 * @param {Page} page
 */
export async function showProblems(page) {
  const panel = page.locator('.markers-panel');
  if (await panel.isVisible()) return;
  await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
  await panel.waitFor({ state: 'visible', timeout: 10_000 });
}

/**
 * Types `text` into the Problems panel's filter box ('' clears it).
 * @param {Page} page
 * @param {string} text
 */
export async function filterProblems(page, text) {
  await showProblems(page);
  const input = page.locator('.part.panel input[aria-label="Filter Problems"]').first();
  await input.waitFor({ state: 'visible', timeout: 5000 });
  await input.fill(text);
}

/**
 * Waits until the Problems panel's rendered rows satisfy `predicate`.
 * @param {Page} page
 * @param {string} what
 * @param {(rows: ProblemRow[]) => boolean} predicate
 * @param {number} [timeoutMs]
 * @returns {Promise<ProblemRow[]>}
 */
export async function waitForProblems(page, what, predicate, timeoutMs = 15_000) {
  await showProblems(page);
  /** @type {ProblemRow[]} */
  let rows = [];
  await waitUntil(
    page,
    what,
    async () => {
      rows = await problemRows(page);
      return predicate(rows);
    },
    {
      timeoutMs,
      describe: () => {
        const shown = rows
          .slice(0, 30)
          .map((r) => `${r.file}:${r.line} ${r.code}`)
          .join(', ');
        return rows.length ? `${rows.length} rows: ${shown}${rows.length > 30 ? ', …' : ''}` : '(no rows)';
      },
    },
  );
  return rows;
}

/**
 * Whether the panel (Problems, Output…) takes most of the window.
 * @param {Page} page
 */
async function panelMaximized(page) {
  const box = await page.locator('.part.panel').first().boundingBox();
  const size = page.viewportSize();
  return !!box && !!size && box.height > size.height * 0.6;
}

/**
 * Maximizes the panel (true) or restores it (false) with View: Toggle Maximized Panel.
 * @param {Page} page
 * @param {boolean} on
 */
export async function maximizePanel(page, on) {
  if ((await panelMaximized(page)) === on) return;
  await runCommand(page, 'View: Toggle Maximized Panel');
  await waitUntil(page, on ? 'the maximized panel' : 'the restored panel', async () => (await panelMaximized(page)) === on);
}

/**
 * The labels of the rows the suggest widget shows.
 * @param {Page} page
 * @returns {Promise<string[]>}
 */
export async function suggestLabels(page) {
  return page.locator('.editor-widget.suggest-widget .monaco-list-row').evaluateAll((els) =>
    els.map((el) => {
      const label = el.querySelector('.label-name, .monaco-highlighted-label')?.textContent ?? el.getAttribute('aria-label') ?? '';
      return label.trim();
    }),
  );
}

/**
 * Finds the frame of a webview whose document has `selector` (webviews sit in
 * nested iframes: `iframe.webview` → `#active-frame`), waiting for it.
 * @param {Page} page
 * @param {string} selector
 * @param {number} [timeoutMs]
 * @returns {Promise<Frame>}
 */
export async function webviewFrame(page, selector, timeoutMs = 20_000) {
  return waitUntil(
    page,
    `a webview showing ${selector}`,
    async () => {
      const dialog = await dialogText(page);
      if (dialog) throw new Error(`Waiting for a webview showing ${selector}, the workbench shows a dialog: ${dialog}`);
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        try {
          if ((await frame.locator(selector).count()) > 0) return frame;
        } catch {
          // A frame navigating or detached: look again on the next round.
        }
      }
      return undefined;
    },
    {
      timeoutMs,
      describe: () =>
        `${page.frames().length} frames: ${page
          .frames()
          .map((f) => f.url().slice(0, 80))
          .join(' | ')}`,
    },
  );
}

/**
 * Puts the workbench back in a usable state after a failed step: closes modal
 * dialogs (reporting their text), the quick input and the suggest widget, and
 * moves keyboard focus out of any webview.
 * @param {Page} page
 * @returns {Promise<string[]>} the texts of the dialogs it closed
 */
export async function resetWorkbench(page) {
  const texts = [];
  const dialog = page.locator('.monaco-dialog-box');
  for (let i = 0; i < 5 && (await dialog.count()) > 0; i++) {
    texts.push(((await dialog.first().textContent()) ?? '').trim());
    const button = dialog.first().locator('.dialog-buttons a.monaco-button, .dialog-buttons .monaco-button').first();
    if ((await button.count()) > 0) await button.click();
    else await page.keyboard.press('Escape');
    await dialog
      .first()
      .waitFor({ state: 'detached', timeout: 5000 })
      .catch(() => undefined);
  }
  // Focus the workbench itself (not a webview's iframe), then close transient widgets.
  await page
    .locator('.part.statusbar')
    .first()
    .click({ position: { x: 2, y: 2 } })
    .catch(() => undefined);
  for (const sel of ['.quick-input-widget', '.editor-widget.suggest-widget.visible', '.rename-box']) {
    if (
      await page
        .locator(sel)
        .first()
        .isVisible()
        .catch(() => false)
    )
      await page.keyboard.press('Escape');
  }
  return texts;
}

/**
 * The text of a modal dialog the workbench shows, if any (e.g. "command … not found").
 * @param {Page} page
 * @returns {Promise<string | undefined>}
 */
export async function dialogText(page) {
  const dialog = page.locator('.monaco-dialog-box').first();
  return (await dialog.isVisible().catch(() => false)) ? ((await dialog.textContent()) ?? '').trim() : undefined;
}

/**
 * Reverts every editor with unsaved changes (File: Revert File on each dirty tab).
 * @param {Page} page
 */
export async function revertDirtyEditors(page) {
  for (let i = 0; i < 20; i++) {
    const dirty = page.locator('.tabs-container .tab.dirty').first();
    if ((await dirty.count()) === 0) return;
    await dirty.click();
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'visible', timeout: 5000 });
    await runCommand(page, 'File: Revert File');
    await page.locator('.tabs-container .tab.active:not(.dirty)').waitFor({ state: 'visible', timeout: 5000 });
  }
}

/**
 * Drags the sash between the side bar and the editor until the side bar is
 * `width` pixels wide (so tree item descriptions show in screenshots).
 * @param {Page} page
 * @param {number} width
 */
export async function resizeSidebar(page, width) {
  const sidebar = page.locator('.part.sidebar').first();
  await sidebar.waitFor({ state: 'visible', timeout: 5000 });
  const box = await sidebar.boundingBox();
  if (!box) throw new Error('the side bar has no size');
  if (Math.abs(box.width - width) < 4) return;
  const edge = box.x + box.width;
  const sashes = await page.locator('.monaco-sash.vertical').evaluateAll((els) =>
    els.map((el, i) => {
      const r = el.getBoundingClientRect();
      return { i, x: r.left + r.width / 2, y: r.top + r.height / 2, h: r.height };
    }),
  );
  const sash = sashes.filter((s) => Math.abs(s.x - edge) <= 4 && s.h > 100).sort((a, b) => b.h - a.h)[0];
  if (!sash) throw new Error(`no sash at the side bar's edge (x=${edge}): ${JSON.stringify(sashes)}`);
  await page.mouse.move(sash.x, sash.y);
  await page.mouse.down();
  await page.mouse.move(sash.x + (width - box.width) / 2, sash.y, { steps: 2 });
  await page.mouse.move(sash.x + (width - box.width), sash.y, { steps: 2 });
  await page.mouse.up();
  await page.mouse.move(box.x + width + 200, box.y + box.height / 2); // off the sash, so it is not highlighted
  await waitUntil(page, `a side bar ${width} px wide`, async () => Math.abs(((await sidebar.boundingBox())?.width ?? 0) - width) < 8, {
    timeoutMs: 5000,
    describe: async () => `${(await sidebar.boundingBox())?.width} px`,
  });
}
