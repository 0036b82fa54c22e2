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

// exceljs (~1.2 MB minified) is bundled apart into dist/xlsx.js and required from there on first
// use (src/node/spreadsheet.ts imports it dynamically), keeping it out of start-up.
const lazyXlsx = {
  name: 'lazy-xlsx',
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, () => ({ path: './xlsx.js', external: true }));
  },
};

// archiver-utils (under exceljs's streaming writer) still calls the deprecated `new Buffer()`;
// bundled, Node no longer sees it is a dependency and prints DEP0005 to the user.
const modernBuffer = {
  name: 'modern-buffer',
  setup(build) {
    build.onLoad({ filter: /archiver-utils[\\/]index\.js$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8')
        .replace(/new Buffer\((size|0)\)/g, 'Buffer.alloc($1)')
        .replace(/new Buffer\(source\)/g, 'Buffer.from(source)'),
      loader: 'js',
    }));
  },
};

const targets = [
  {
    ...common,
    entryPoints: { cli: 'src/cli/main.ts', engine: 'src/node/engineApi.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [lazyXlsx, precompiled],
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
  {
    ...common,
    entryPoints: { xlsx: 'src/node/xlsx.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [modernBuffer],
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
    plugins: [lazyXlsx, precompiled],
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

if (existsSync('webview/src/form/main.ts')) {
  // The record form (Edit as Form) and the register table (Open as Table): dist/webview/{form,table}.{js,css}.
  targets.push({
    ...common,
    entryPoints: { form: 'webview/src/form/main.ts', table: 'webview/src/table/main.ts' },
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
