import * as assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { agedCopy, builtCli as cli, TODAY, warmCacheHooks } from './run';

/** The one value that differs from run to run: the time the report was generated. */
const pinned = (text: string): string =>
  text.replace(/"generatedAt":"[^"]*"/, '"generatedAt":"-"').replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ/, '(generation time)');

/**
 * `opsbook report` from the report part of the warm-start cache: the same four files as a cold
 * run (data.js and index.html byte for byte but for the generation time), on a Chinese bakery
 * chain's workspace in zh-CN, unchanged and after one file changed.
 */
describe('report from the warm-start cache', function () {
  this.timeout(180000);
  const warm = warmCacheHooks('warmreport', ['cli.js', 'webview/dashboard.js']);
  let root: string;
  let outDir: string;
  beforeEach(() => {
    root = agedCopy('maitian-bakery', 'warmreport', (r) => appendFileSync(path.join(r, 'opsbook.yaml'), '\nlocale: zh-CN\n'));
    outDir = mkdtempSync(path.join(tmpdir(), 'opsbook-warmreport-out-'));
  });
  afterEach(() => {
    for (const d of [root, outDir]) rmSync(d, { recursive: true, force: true });
  });

  const at = () => ['--root', root, ...TODAY];
  async function report(extra: string[] = []): Promise<Record<string, string>> {
    const r = await cli(['report', ...at(), '--out', outDir, '--title', '麦田烘焙 六月', ...extra]);
    assert.equal(r.code, 0, r.stderr);
    return Object.fromEntries(['data.js', 'index.html', 'dashboard.js', 'dashboard.css'].map((n) => [n, pinned(readFileSync(path.join(outDir, n), 'utf8'))]));
  }
  const part = (): string | undefined => {
    const name = readdirSync(warm.cacheDir).find((n) => n.endsWith('.report'));
    return name && path.join(warm.cacheDir, name);
  };

  it('writes the same report as a cold run from an unchanged folder, answering from the part', async () => {
    const cold = await report(['--no-cache']);
    assert.ok(cold['data.js']!.includes('"locale":"zh-CN"') && cold['data.js']!.includes('JH-2026-06-SH'));
    assert.ok(cold['index.html']!.includes('2026年6月15日'), 'the header in zh-CN');
    assert.equal(readdirSync(warm.cacheDir).length, 0, '--no-cache writes nothing');
    assert.equal((await cli(['check', ...at()])).code <= 1, true);
    assert.deepEqual(await report(), cold, 'the first report opens the workspace');
    const written = part();
    assert.ok(written, 'and writes the report part');
    const bytes = readFileSync(written);
    const mtime = statSync(written).mtimeMs;
    assert.deepEqual(await report(), cold, 'the next ones answer from the part');
    // A report that opened the workspace would have written the part again (another time in it).
    assert.deepEqual(readFileSync(written), bytes);
    assert.equal(statSync(written).mtimeMs, mtime);
  });

  it('writes the same report as a cold run after one file changed, and answers the next one from the rewritten part', async () => {
    await report();
    const file = path.join(root, 'partners', 'partners.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('value: 960000', 'value: 990000'));
    const warm = await report();
    const cold = await report(['--no-cache']);
    assert.deepEqual(warm, cold);
    assert.ok(warm['data.js']!.includes('990000'), 'the changed value is in the report');
    const bytes = readFileSync(part()!);
    assert.deepEqual(await report(), cold);
    assert.deepEqual(readFileSync(part()!), bytes, 'answered from the part written after the change');
  });

  it('falls back to the model when the part is damaged', async () => {
    const cold = await report(['--no-cache']);
    await report();
    const p = part()!;
    const damaged = readFileSync(p);
    damaged[Math.floor(damaged.length / 2)] ^= 0xff;
    writeFileSync(p, damaged);
    assert.deepEqual(await report(), cold);
    assert.notDeepEqual(readFileSync(p), damaged, 'and writes it again');
  });
});
