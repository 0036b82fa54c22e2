// The built-in pack's schemas precompiled to ajv standalone code (src/node/precompile.ts), put in
// place of src/core/schema/standalone.ts in the bundles that validate: no schema of the built-in
// pack is compiled at runtime (no `new Function`, no cold-JIT block when the editor activates).
// Generated on every build, never written to the source tree. Used by esbuild.mjs and its test.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/** The generated module's source for the project at `root`. */
export async function precompiledValidators(root) {
  const out = await esbuild.build({
    entryPoints: [path.join(root, 'src/node/precompile.ts')],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(path.join(root, 'package.json')));
  return mod.exports.precompiledModule(path.join(root, 'schemas'), './src/core/config/safeRegExp');
}

/** An esbuild plugin that loads `source` (from `precompiledValidators`) for src/core/schema/standalone.ts. */
export function precompiledPlugin(root, source) {
  return {
    name: 'precompiled-validators',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]core[\\/]schema[\\/]standalone\.ts$/ }, () => ({ contents: source, loader: 'js', resolveDir: root }));
    },
  };
}
