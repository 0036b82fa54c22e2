// One bundler script for every target: CLI, parse worker, extension, webview.
import * as esbuild from 'esbuild';
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { precompiledPlugin, precompiledValidators } from './esbuild.precompiled.mjs';
import * as path from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

// A hash of everything that decides results: the warm-start cache is keyed by it.
function treeHash(dirs) {
  const h = createHash('sha256');
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(p).update(readFileSync(p));
    }
  };
  for (const d of dirs) if (existsSync(d)) walk(d);
  return h.digest('hex').slice(0, 16);
}
const build = treeHash(['src/core', 'src/node', 'schemas']);

// The built-in pack's schemas precompiled (see esbuild.precompiled.mjs), in the bundles that validate.
const root = path.dirname(fileURLToPath(import.meta.url));
const precompiled = precompiledPlugin(root, await precompiledValidators(root));

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { OPSBOOK_VERSION: JSON.stringify(pkg.version), OPSBOOK_BUILD: JSON.stringify(build) },
  legalComments: 'none',
};

const targets = [
  {
    ...common,
    entryPoints: { cli: 'src/cli/main.ts', engine: 'src/node/engineApi.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [precompiled],
  },
  // Parses only: no validators.
  {
    ...common,
    entryPoints: { 'parse-worker': 'src/node/parse-worker.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
];
if (existsSync('src/vscode/extension.ts')) {
  targets.push({
    ...common,
    entryPoints: { extension: 'src/vscode/extension.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [precompiled],
  });
}
if (existsSync('webview/src/main.ts')) {
  // main.ts imports dashboard.css: esbuild writes it next to the bundle as dist/webview/dashboard.css.
  targets.push({
    ...common,
    entryPoints: { dashboard: 'webview/src/main.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    loader: { '.css': 'css' },
  });
}

if (watch) {
  for (const t of targets) await (await esbuild.context(t)).watch();
} else {
  await Promise.all(targets.map((t) => esbuild.build(t)));
}
