// One editor start, as the extension does it, in a fresh process (an editor restart): the
// problems the warm-start cache remembers, then the model (sliced, yielding between slices),
// then all diagnostics (publishing), then the cache written from the snapshot taken at load.
// Prints one JSON line. Used by bench.mjs: node editor.mjs WORKSPACE CACHE_DIR TODAY
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';
import { fileURLToPath } from 'node:url';

const [ws, cacheDir, today] = process.argv.slice(2);
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const engine = createRequire(import.meta.url)(path.join(projectRoot, 'dist', 'engine.js'));

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const start = performance.now();
const init = {
  fs: new engine.NodeWorkspaceFs(ws),
  builtinPacks: engine.builtinPacks(path.join(projectRoot, 'schemas')),
  clock: () => today,
  today,
  parseMany: engine.parallelParser(path.join(projectRoot, 'dist', 'parse-worker.js')),
  parseReadsFiles: true,
  rangeMany: engine.parallelRanger(path.join(projectRoot, 'dist', 'parse-worker.js')),
  cache: new engine.NodeWarmCache(ws, 'bench-editor', cacheDir),
  pause: () => new Promise((resolve) => setImmediate(resolve)),
};
const setup = await engine.prepareWorkspace(init);
const cached = await engine.checkFromCache(init, setup);
const cachedMs = cached ? performance.now() - start : null;
const r = await engine.openWorkspace(init, setup);
await r.workspace.resolveRanges();
const loadMs = performance.now() - start;
delay.disable();
const write = r.snapshotCache({ summary: false });
const published = performance.now();
const list = r.workspace.diagnostics();
const publishMs = performance.now() - published;
const text = JSON.stringify(list);
if (cached && JSON.stringify(cached.diagnostics) !== text) throw new Error('the problems shown from the cache differ from the loaded ones');
const written = performance.now();
await write(list);
const writeMs = performance.now() - written;
console.log(
  JSON.stringify({
    warm: r.load?.warm ?? false,
    changed: r.load?.changed,
    cachedMs,
    loadMs,
    publishMs,
    writeMs,
    blockMs: delay.max / 1e6,
    diagnostics: createHash('sha256').update(text).digest('hex'),
  }),
);
process.exit(0);
