// @ts-check
/**
 * Runs the in-host suite in desktop VS Code through @vscode/test-electron, for
 * machines that can download VS Code (CI here uses code-server instead:
 * `npm run test:e2e` runs the same suite from the test VSIX).
 *
 *   npm i --no-save @vscode/test-electron
 *   node test/inhost/runElectron.mjs            # add `xvfb-run -a` on a headless Linux
 *
 * It builds the extension (node esbuild.mjs) and the suite bundle, copies the
 * seeded workspace (test/e2e/workspace.mjs), then starts VS Code with the
 * project as `--extensionDevelopmentPath` and dist/inhost/dist/extension.js
 * (its `run` export) as `--extensionTestsPath`. Exit code 1 when a test fails.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import process from 'node:process';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../e2e/codeServer.mjs';
import { TODAY, prepareWorkspace } from '../e2e/workspace.mjs';
import { bundleInhost } from './build.mjs';

/** @type {{ runTests(opts: Record<string, unknown>): Promise<number> }} */
let testElectron;
try {
  testElectron = await import(/* not a dependency: installed on demand */ '@vscode/test-electron');
} catch {
  console.error('@vscode/test-electron is not installed: npm i --no-save @vscode/test-electron (it downloads VS Code when run)');
  process.exit(1);
}

await promisify(execFile)(process.execPath, ['esbuild.mjs'], { cwd: PROJECT_ROOT });
const suite = await bundleInhost();
const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'opsbook-inhost-'));
try {
  const ws = await prepareWorkspace(path.join(scratch, 'lumen-oak'));
  // The sample is written as of TODAY: date rules must see that date, as in code-server.
  await fs.mkdir(path.join(ws, '.vscode'), { recursive: true });
  await fs.writeFile(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'opsbook.today': TODAY }, null, 2) + '\n');
  const code = await testElectron.runTests({
    extensionDevelopmentPath: PROJECT_ROOT,
    extensionTestsPath: suite,
    launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { OPSBOOK_INHOST_RESULTS: path.join(scratch, 'results.json') },
  });
  process.exitCode = code;
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await fs.rm(scratch, { recursive: true, force: true });
}
