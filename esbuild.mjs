// One bundler script for every target: CLI, parse worker, extension, webview.
import * as esbuild from 'esbuild';
import { readFileSync, existsSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { OPSBOOK_VERSION: JSON.stringify(pkg.version) },
  legalComments: 'none',
};

const targets = [
  { ...common, entryPoints: { cli: 'src/cli/main.ts', 'parse-worker': 'src/node/parse-worker.ts', engine: 'src/node/engineApi.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', target: 'node20' },
];
if (existsSync('src/vscode/extension.ts')) {
  targets.push({ ...common, entryPoints: { extension: 'src/vscode/extension.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] });
}
if (existsSync('webview/src/main.ts')) {
  // main.ts imports dashboard.css: esbuild writes it next to the bundle as dist/webview/dashboard.css.
  targets.push({ ...common, entryPoints: { dashboard: 'webview/src/main.ts' }, outdir: 'dist/webview', platform: 'browser', format: 'iife', target: 'es2022', loader: { '.css': 'css' } });
}

if (watch) {
  for (const t of targets) await (await esbuild.context(t)).watch();
} else {
  await Promise.all(targets.map((t) => esbuild.build(t)));
}
