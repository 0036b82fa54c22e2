import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { agedCopy, builtCli as cli, filesUnder as files, TODAY, warmCacheHooks } from './run';

/**
 * search, tree and report answer from the warm-start cache a `check` wrote exactly as they do
 * cold: same bytes for a query mix, the tree (text and json) and the report's data, on an
 * unchanged folder, after one file changed, and when the cache is damaged.
 */
const QUERIES = [
  'stockroom', // one word
  'stokroom', // a typo
  '"mall counter"', // a phrase
  'walnut sofa', // two words
  'kind:partner', // kind
  'status:active', // a field
  'status:active -kind:plan', // negation of a filter
  'renewal -status:prospect', // a word and an excluded value
  'list_price:>2000', // a number range
  'due:<2026-11-01', // a date range
  'period:>=2026-Q1', // a period range
];

describe('search, tree and report from the warm-start cache', function () {
  this.timeout(180000);
  const warm = warmCacheHooks('warmcli', ['cli.js', 'webview/dashboard.js']);
  let root: string;
  let reportDir: string;
  beforeEach(() => {
    root = agedCopy('lumen-oak', 'warmcli');
    reportDir = mkdtempSync(path.join(tmpdir(), 'opsbook-warmcli-report-'));
  });
  afterEach(() => {
    for (const d of [root, reportDir]) rmSync(d, { recursive: true, force: true });
  });

  const at = () => ['--root', root, ...TODAY];

  /** Every output the three commands give, as text. */
  async function outputs(extra: string[] = []): Promise<Record<string, string>> {
    const runs: [string, string[]][] = [
      ...QUERIES.map((q): [string, string[]] => [`search ${q} json`, ['search', q, '--format', 'json', '--limit', '100']]),
      ...QUERIES.slice(0, 4).map((q): [string, string[]] => [`search ${q} text`, ['search', q]]),
      ['search --kind', ['search', 'renewal', '--kind', 'partner']],
      ['tree text', ['tree']],
      ['tree json', ['tree', '--format', 'json']],
    ];
    const out: Record<string, string> = {};
    // Two processes at a time; each reads the cache (a search may write its own search part).
    for (let i = 0; i < runs.length; i += 2) {
      const done = await Promise.all(runs.slice(i, i + 2).map(([, argv]) => cli([...argv, ...at(), ...extra])));
      done.forEach((r, n) => {
        assert.equal(r.code, 0, r.stderr);
        out[runs[i + n]![0]] = r.stdout;
      });
    }
    const rep = await cli(['report', ...at(), '--out', reportDir, ...extra]);
    assert.equal(rep.code, 0, rep.stderr);
    // The one value that differs from run to run is the time the report was generated.
    out['report data'] = readFileSync(path.join(reportDir, 'data.js'), 'utf8').replace(/"generatedAt":"[^"]*"/, '"generatedAt":"-"');
    return out;
  }

  async function writeCache(): Promise<string> {
    const r = await cli(['check', ...at()]);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const written = files(warm.cacheDir);
    assert.ok(written.length > 0, 'check wrote the cache');
    return written.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
  }

  function assertSame(actual: Record<string, string>, expected: Record<string, string>): void {
    assert.deepEqual(Object.keys(actual), Object.keys(expected));
    for (const k of Object.keys(expected)) assert.equal(actual[k], expected[k], `${k} differs from the cold run`);
  }

  it("gives the cold output byte for byte from an unchanged folder's cache, and again when the cache is corrupt, cut short or turned off", async () => {
    const cold = await outputs(['--no-cache']);
    assert.ok(cold['search stockroom text']!.includes('result'), 'the query mix finds something');
    assert.ok(/"total": [1-9]/.test(cold['search list_price:>2000 json']!), 'the range query finds something');
    assert.ok(cold['tree text']!.startsWith('Plans as of'));
    assert.equal(files(warm.cacheDir).length, 0, '--no-cache neither reads nor writes the cache');
    const cache = await writeCache();
    const whole = readFileSync(cache);
    assertSame(await outputs(), cold);
    // A damaged part (bytes flipped in the middle, a state slice, and near the end, the index): the cold result.
    const damaged = Buffer.from(whole);
    for (const at of [Math.floor(damaged.length / 2), damaged.length - 40]) damaged[at] = damaged[at]! ^ 0xff;
    writeFileSync(cache, damaged);
    assertSame(await outputs(), cold);
    // A cache file cut short: the cold result.
    writeFileSync(cache, whole.subarray(0, Math.floor(whole.length / 3)));
    assertSame(await outputs(), cold);
    // OPSBOOK_NO_CACHE=1 with an intact cache: the cold result, and the cache is left as it was.
    writeFileSync(cache, whole);
    process.env['OPSBOOK_NO_CACHE'] = '1';
    delete process.env['OPSBOOK_CACHE'];
    assertSame(await outputs(), cold);
    assert.deepEqual(readFileSync(cache), whole);
  });

  it('gives the cold output after one file changed since the cache was written', async () => {
    await writeCache();
    const file = path.join(root, 'catalog', 'living.yaml');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/list_price: \d+/, 'list_price: 2345');
    assert.notEqual(edited, text);
    writeFileSync(file, edited);
    const warm = await outputs();
    const cold = await outputs(['--no-cache']);
    assertSame(warm, cold);
    assert.ok(warm['search list_price:>2000 json']!.includes('2345'), 'the changed value is searched');
  });
});
