// @ts-check
/**
 * Checks the system prerequisites of the end-to-end tests and installs
 * code-server into its cache folder, so a test run does not spend its own
 * timeout on that. Exit code 1 with the commands to run when something is missing.
 */
import process from 'node:process';
import { checkPrerequisites, ensureCodeServer } from './codeServer.mjs';

const missing = await checkPrerequisites();
if (missing.length) {
  console.error('Missing system prerequisites for the end-to-end tests:');
  for (const m of missing) console.error(`  ${m.what}: ${m.install}`);
  process.exit(1);
}
const started = Date.now();
try {
  const entry = await ensureCodeServer({ log: (m) => console.log(m), verbose: process.argv.includes('--verbose') });
  console.log(`code-server ready: ${entry} (${Math.round((Date.now() - started) / 1000)}s)`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
