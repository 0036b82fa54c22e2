import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseFile } from '../../src/core/index';
import { closeParsers, parallelParser } from '../../src/node/parallel';

// Needs the bundled worker (npm run build, which npm test runs first).
const WORKER = path.resolve(__dirname, '..', '..', 'dist', 'parse-worker.js');

describe('parse workers', () => {
  // A bakery's products, one file each, enough for a batch to go to the workers.
  const files = Array.from({ length: 80 }, (_, i) => ({
    path: `catalog/面包-${i}.yaml`,
    content: `products:\n  - id: 面包-${i}\n    name: 全麦吐司 ${i}\n    list_price: ${1200 + i}\n`,
  }));

  it('parse as this thread does, and after being closed (a CLI closes them once its files are read) start again on the next batch', async () => {
    const parse = parallelParser(WORKER);
    assert.ok(parse, `the bundled worker is missing: ${WORKER} (run npm run build)`);
    const expected = files.map((f) => parseFile(f.path, f.content));
    assert.deepEqual(await parse(files), expected);
    await closeParsers();
    await closeParsers(); // closing twice is harmless
    assert.deepEqual(await parse(files), expected);
    await closeParsers();
  });
});
