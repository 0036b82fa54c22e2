// @ts-check
/**
 * Builds the test-only extension in a staging folder outside the sources
 * (dist/inhost/ at the project root, git-ignored): its package.json and README
 * are copied there and src/extension.ts (the suite and mocha included, `vscode`
 * external) is bundled into dist/inhost/dist/extension.js with esbuild; with
 * `--package` or through {@link packageInhost} the folder is packaged with the
 * project's @vscode/vsce. Never shipped.
 *
 *   node test/inhost/build.mjs            # bundle only (for @vscode/test-electron)
 *   node test/inhost/build.mjs --package  # bundle + dist/inhost/opsbook-inhost-tests.vsix
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';

export const INHOST_DIR = path.dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = path.resolve(INHOST_DIR, '..', '..');
/** The packaged extension's folder: generated code stays out of test/. */
export const STAGING_DIR = path.join(PROJECT_ROOT, 'dist', 'inhost');

/** @returns {Promise<string>} the bundle's path */
export async function bundleInhost() {
  await fs.mkdir(STAGING_DIR, { recursive: true });
  for (const name of ['package.json', 'README.md']) await fs.copyFile(path.join(INHOST_DIR, name), path.join(STAGING_DIR, name));
  const outfile = path.join(STAGING_DIR, 'dist', 'extension.js');
  await esbuild.build({
    entryPoints: [path.join(INHOST_DIR, 'src', 'extension.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    keepNames: true,
    // Generated code: the repository's lint (eslint .) must not report on it.
    banner: { js: '/* eslint-disable */' },
    logLevel: 'error',
    // mocha's optional, dynamically required bits (ESM loading of spec files, CLI) are unused here.
    logOverride: { 'require-resolve-not-external': 'silent', 'unsupported-dynamic-import': 'silent' },
  });
  return outfile;
}

/**
 * Bundles and packages the test extension.
 * @param {{ out?: string }} [opts] the VSIX path (default dist/inhost/opsbook-inhost-tests.vsix)
 * @returns {Promise<string>} the VSIX path
 */
export async function packageInhost({ out = path.join(STAGING_DIR, 'opsbook-inhost-tests.vsix') } = {}) {
  await bundleInhost();
  const vsce = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'vsce');
  if (!existsSync(vsce)) throw new Error(`No ${vsce}: run npm ci first`);
  await fs.mkdir(path.dirname(out), { recursive: true });
  try {
    await promisify(execFile)(vsce, ['package', '--no-dependencies', '--skip-license', '-o', out], { cwd: STAGING_DIR, timeout: 120_000 });
  } catch (err) {
    const e = /** @type {Error & { stdout?: string, stderr?: string }} */ (err);
    throw new Error(`Packaging the in-host test extension failed:\n${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
  if (!existsSync(out)) throw new Error(`vsce reported success but wrote no ${out}`);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv.includes('--package') ? await packageInhost() : await bundleInhost();
  console.log(path.relative(process.cwd(), file));
}
