/**
 * Opsbook's test-only extension (never shipped). Two entry points in one bundle:
 *
 * - `activate`: installed as a VSIX next to the product in code-server
 *   (test/e2e/editor.e2e.mjs). On startup (`onStartupFinished`, after the
 *   product: `extensionDependencies`) it runs the suite when
 *   `OPSBOOK_INHOST_RESULTS` names a file, and writes the results there as JSON
 *   (atomically: a temporary file, then a rename).
 * - `run`: the `--extensionTestsPath` entry of `@vscode/test-electron` for
 *   desktop VS Code (test/inhost/runElectron.mjs). Throws when a test fails.
 */
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { runSuite, type SuiteResults } from './runner';

export const RESULTS_ENV = 'OPSBOOK_INHOST_RESULTS';

async function writeResults(file: string, results: SuiteResults | { ok: false; error: string }): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(results, null, 2) + '\n');
  await fs.rename(tmp, file);
}

export function activate(context: vscode.ExtensionContext): void {
  const file = process.env[RESULTS_ENV];
  if (!file) return;
  const out = vscode.window.createOutputChannel('Opsbook In-host Tests');
  context.subscriptions.push(out);
  // Once per results file: a window reload (the warm-start scenario) must not run it again.
  if (existsSync(file)) {
    out.appendLine(`The in-host suite already ran; its results are in ${file}`);
    return;
  }
  out.appendLine(`Running the in-host suite; results go to ${file}`);
  void runSuite((l) => out.appendLine(l)).then(
    async (results) => {
      out.appendLine(`${results.passes} passed, ${results.failures} failed in ${results.durationMs} ms`);
      await writeResults(file, results);
    },
    async (err: unknown) => {
      const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
      out.appendLine(`The suite could not run: ${error}`);
      await writeResults(file, { ok: false, error });
    },
  );
}

export function deactivate(): void {
  // Nothing to clean up.
}

/** `@vscode/test-electron`'s test entry point. */
export async function run(): Promise<void> {
  const results = await runSuite((l) => console.log(l));
  const file = process.env[RESULTS_ENV];
  if (file) await writeResults(file, results);
  if (!results.ok) throw new Error(`${results.failures} of ${results.total} in-host tests failed`);
}
