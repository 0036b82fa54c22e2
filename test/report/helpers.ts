import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { run } from '../../src/cli/main';

export const REPO = path.resolve(__dirname, '../..');

declare const document: BrowserDocument;
export const RESULTS = path.join(REPO, 'test-results');
export const TAB_IDS = ['kpi', 'budget', 'timeline', 'partners', 'inventory', 'training', 'health', 'people', 'market'] as const;

let built: Promise<void> | undefined;

/** Builds the webview bundle (dist/webview/dashboard.{js,css}) from source, once per run, as esbuild.mjs does. */
export function buildWebview(): Promise<void> {
  built ??= esbuild
    .build({
      entryPoints: { dashboard: path.join(REPO, 'webview/src/main.ts') },
      outdir: path.join(REPO, 'dist/webview'),
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      loader: { '.css': 'css' },
      sourcemap: true,
      logLevel: 'silent',
      legalComments: 'none',
    })
    .then(() => undefined);
  return built;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Runs the CLI in-process; returns the exit code and output. */
export async function cli(args: string[], cwd = REPO): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Collects what must not happen on a page: console errors, page errors, failed requests, dialogs. */
export function watch(page: Page): { problems: string[]; dialogs: string[] } {
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return { problems, dialogs };
}

export function resultsDir(): string {
  mkdirSync(RESULTS, { recursive: true });
  return RESULTS;
}

/** Selects a tab by clicking its header and waits for its content. */
export async function showTab(page: Page, tab: string): Promise<void> {
  await page.click(`vscode-tab-header[data-tab="${tab}"]`);
  await page.waitForSelector(`vscode-tab-panel[data-tab="${tab}"] .card`, { state: 'visible' });
}

/** The visible text of each cell of the table row with `data-key`. */
export async function rowCells(page: Page, tab: string, key: string): Promise<string[]> {
  const row = page.locator(`vscode-tab-panel[data-tab="${tab}"] tr[data-key="${key}"]`).first();
  await row.waitFor();
  return row.locator('td').allInnerTexts();
}

/** Sets a filter the way a user's choice does (value + change event on the vscode-single-select). */
export async function setFilter(page: Page, tab: string, key: string, value: string): Promise<void> {
  await page.evaluate(
    ([t, k, v]) => {
      const el = document.querySelector(`vscode-tab-panel[data-tab="${t}"] vscode-single-select[data-filter="${k}"]`);
      if (!el) throw new Error(`no ${k} filter on ${t}`);
      el.value = v as string;
      el.dispatchEvent(new Event('change'));
    },
    [tab, key, value],
  );
}

/*
 * page.evaluate callbacks run in the browser. The root tsconfig has no DOM lib (the engine
 * must not use it), so test files declare these few browser globals module-locally.
 */
export interface BrowserElement {
  textContent: string | null;
  value: string;
  getAttribute(name: string): string | null;
  dispatchEvent(e: unknown): boolean;
  appendChild(node: BrowserElement): BrowserElement;
}

export interface BrowserDocument {
  body: BrowserElement;
  activeElement: BrowserElement | null;
  scripts: Iterable<BrowserElement>;
  createElement(tag: string): BrowserElement;
  querySelector(selector: string): BrowserElement | null;
  querySelectorAll(selector: string): { length: number };
}

export interface BrowserWindow {
  postMessage(message: unknown, origin: string): void;
}

export type ComputedStyle = (el: BrowserElement) => { backgroundColor: string; stroke: string };
