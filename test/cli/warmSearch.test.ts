import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { agedCopy, builtCli as cli, filesUnder as files, TODAY, warmCacheHooks } from './run';

/** Queries per sample: words, typos, CJK, phrases, kinds, fields, negations, ranges, periods. */
const SAMPLES: Record<string, string[]> = {
  'maitian-bakery': [
    '蛋糕',
    '草莓奶油',
    '面粉 -kind:plan',
    'kind:partner status:active',
    'tier:战略伙伴',
    'list_price:>100',
    'contract.end:<2027-01-01',
    'due:<2026-08-01',
    'period:>=2026-Q2',
    '"西溪店"',
    'P-0001',
    'store-openin',
  ],
  'lumen-oak': [
    'stockroom',
    'stokroom',
    '"mall counter"',
    'walnut sofa',
    'status:active -kind:plan',
    'renewal -status:prospect',
    'list_price:>2000',
    'period:>=2026-Q1',
    'st',
  ],
};

describe('search from the warm-start cache (the search part)', function () {
  this.timeout(240000);
  const warm = warmCacheHooks('warmsearch');
  let root = '';
  function setUp(sample: string): void {
    root = agedCopy(sample, 'warmsearch');
  }
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = '';
  });

  const at = () => ['--root', root, ...TODAY];

  /** Every query's output (json, and text for a few), each in its own process. */
  async function outputs(queries: string[], extra: string[] = []): Promise<Record<string, string>> {
    const runs: [string, string[]][] = [
      ...queries.map((q): [string, string[]] => [`${q} json`, ['search', q, '--format', 'json', '--limit', '100']]),
      ...queries.slice(0, 4).map((q): [string, string[]] => [`${q} text`, ['search', q, '--limit', '3']]),
    ];
    const out: Record<string, string> = {};
    for (const [name, argv] of runs) {
      const r = await cli([...argv, ...at(), ...extra]);
      assert.equal(r.code, 0, r.stderr);
      out[name] = r.stdout;
    }
    return out;
  }

  function searchPart(): string {
    const parts = files(warm.cacheDir).filter((f) => f.endsWith('.search'));
    assert.equal(parts.length, 1, 'one search part written');
    return parts[0]!;
  }

  function assertSame(actual: Record<string, string>, expected: Record<string, string>): void {
    assert.deepEqual(Object.keys(actual), Object.keys(expected));
    for (const k of Object.keys(expected)) assert.equal(actual[k], expected[k], `search ${k} differs from the cold run`);
  }

  for (const [sample, queries] of Object.entries(SAMPLES)) {
    it(`answers ${sample}'s query mix from the search part exactly as a cold run, without reading unchanged files`, async () => {
      setUp(sample);
      const cold = await outputs(queries, ['--no-cache']);
      for (const q of queries) assert.match(cold[`${q} json`]!, /"total": [1-9]/, `${q} finds something`);
      assert.equal(files(warm.cacheDir).length, 0);
      // The first search opens the workspace and writes the part after answering.
      const first = await cli(['search', queries[0]!, ...at()]);
      assert.equal(first.code, 0, first.stderr);
      const part = searchPart();
      assertSame(await outputs(queries), cold);
      // Proof the part answered: a file rewritten behind its stamp (same size, same time) is not read.
      const hitFile = (JSON.parse(cold[`${queries[0]} json`]!) as { results: { file: string }[] }).results[0]!.file;
      const file = path.join(root, hitFile);
      const text = readFileSync(file, 'utf8');
      const stamp = statSync(file);
      writeFileSync(file, text.split(queries[0]!).join('X'.repeat(Buffer.byteLength(queries[0]!))));
      utimesSync(file, stamp.atime, stamp.mtime);
      const stale = await cli(['search', queries[0]!, '--format', 'json', '--limit', '100', ...at()]);
      assert.equal(stale.stdout, cold[`${queries[0]} json`], 'answered from the part');
      const truth = await cli(['search', queries[0]!, '--format', 'json', '--limit', '100', ...at(), '--no-cache']);
      assert.notEqual(truth.stdout, stale.stdout, 'a cold run reads the rewritten file');
      writeFileSync(file, text);
      utimesSync(file, stamp.atime, stamp.mtime);
      assert.ok(statSync(part).size > 0);
    });
  }

  it('brings the part up to date when a file changes, appears or disappears, as a cold run answers', async () => {
    setUp('maitian-bakery');
    const queries = SAMPLES['maitian-bakery']!;
    assert.equal((await cli(['search', '蛋糕', ...at()])).code, 0);
    searchPart();
    const cakes = path.join(root, 'catalog', 'cakes.yaml');
    writeFileSync(cakes, readFileSync(cakes, 'utf8').replace('草莓奶油蛋糕', '芒果奶油蛋糕').replace('list_price: 198', 'list_price: 99'));
    writeFileSync(
      path.join(root, 'partners', 'delivery.yaml'),
      'partners:\n  - id: P-0900\n    name: 闪送外卖\n    type: delivery\n    regions: [R-HQ]\n    tier: 战略伙伴\n    status: active\n    owner: E001\n',
    );
    unlinkSync(path.join(root, 'projects', 'mid-autumn-gift.md'));
    const mix = [...queries, '芒果', '闪送', 'mid-autumn', '"中秋"'];
    const warm = await outputs(mix);
    const cold = await outputs(mix, ['--no-cache']);
    assertSame(warm, cold);
    assert.match(warm['芒果 json']!, /"total": [1-9]/, 'the changed name is found');
    assert.match(warm['闪送 json']!, /"total": [1-9]/, 'the new file is found');
  });

  it('falls back to a cold answer when the part is damaged, cut short, or written for another configuration', async () => {
    setUp('lumen-oak');
    const queries = SAMPLES['lumen-oak']!.slice(0, 5);
    const cold = await outputs(queries, ['--no-cache']);
    assert.equal((await cli(['search', 'oak', ...at()])).code, 0);
    const part = searchPart();
    const whole = readFileSync(part);
    for (const offset of [100, Math.floor(whole.length / 2), whole.length - 12]) {
      const damaged = Buffer.from(whole);
      damaged[offset] = damaged[offset]! ^ 0x55;
      writeFileSync(part, damaged);
      // Stale answers would show if the damaged part were used: rewrite a file behind its stamp.
      assertSame(
        await outputs(queries.slice(0, 2)),
        Object.fromEntries(Object.entries(cold).filter(([k]) => queries.slice(0, 2).some((q) => k.startsWith(`${q} `)))),
      );
    }
    writeFileSync(part, whole.subarray(0, whole.length >> 1));
    assertSame(await outputs(queries), cold);
    // Another configuration: another signature, so the part is not read (the answer follows the new configuration).
    writeFileSync(part, whole);
    const config = path.join(root, 'opsbook.yaml');
    writeFileSync(config, readFileSync(config, 'utf8') + '\n# edited\nexclude: ["catalog/**"]\n');
    const otherCold = await outputs(['walnut sofa'], ['--no-cache']);
    assertSame(await outputs(['walnut sofa']), otherCold);
    assert.notEqual(otherCold['walnut sofa json'], cold['walnut sofa json'], 'the configuration change matters to this query');
  });
});
