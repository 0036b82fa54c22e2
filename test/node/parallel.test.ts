import * as assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseFile } from '../../src/core/index';
import { closeParsers, parallelParser } from '../../src/node/parallel';

// The worker bundled from source as esbuild.mjs does, into a temporary folder (no `npm run build` needed).
const WORKER = path.join(mkdtempSync(path.join(tmpdir(), 'opsbook-worker-')), 'parse-worker.js');

describe('parse workers', () => {
  before(async function () {
    this.timeout(60000);
    await esbuild.build({
      entryPoints: [path.resolve(__dirname, '..', '..', 'src', 'node', 'parse-worker.ts')],
      outfile: WORKER,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
    });
  });
  after(() => rmSync(path.dirname(WORKER), { recursive: true, force: true }));

  // A bakery's products, one file each, enough for a batch to go to the workers.
  const files = Array.from({ length: 80 }, (_, i) => ({
    path: `catalog/面包-${i}.yaml`,
    content: `products:\n  - id: 面包-${i}\n    name: 全麦吐司 ${i}\n    list_price: ${1200 + i}\n`,
  }));

  it('parse as this thread does, and after being closed (a CLI closes them once its files are read) start again on the next batch', async () => {
    const parse = parallelParser(WORKER);
    assert.ok(parse, `the bundled worker is missing: ${WORKER}`);
    const expected = files.map((f) => parseFile(f.path, f.content));
    assert.deepEqual(await parse(files), expected);
    await closeParsers();
    await closeParsers(); // closing twice is harmless
    assert.deepEqual(await parse(files), expected);
    await closeParsers();
  });
});
