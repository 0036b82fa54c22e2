import * as assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseFile } from '../../src/core/index';
import { closeParsers, parallelParser, resolveRangesInWorkers } from '../../src/node/parallel';
import { openMem } from '../core/memfs';

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

  it("resolve the diagnostics' source ranges as this thread would, for YAML files and Markdown front matter", async () => {
    // A bakery chain's stores and standards with their own mistakes: unknown regions, a bad date, no title.
    const tree: Record<string, string> = { 'opsbook.yaml': 'opsbook: 1\npacks: [ops]\n', 'org/regions.yaml': 'regions:\n  - id: 区-华东\n    name: 华东\n' };
    for (let i = 0; i < 40; i++) {
      tree[`partners/店-${i}.yaml`] =
        `# 第${i}号合作方\npartners:\n  - id: 合-${i}\n    name: 合作方${i}\n    type: supplier\n    status: active\n    regions: [区-华南-${i}]\n    contract:\n      end: 2026-02-3${i % 10}\n`;
      tree[`standards/规范-${i}.md`] = `---\nid: STD-烘焙-${i}\nowner: 不存在的人-${i}\nstatus: 草稿\n---\n\n# 规范 ${i}\n\n正文。\n`;
    }
    const { workspace } = await openMem(tree);
    const { workspace: inThread } = await openMem(tree);
    const jobs = workspace.pendingRanges();
    assert.equal(jobs.length, 80);
    assert.ok(
      jobs.some((j) => j.lineOffset > 0),
      'front matter is shifted to its lines in the Markdown file',
    );
    await resolveRangesInWorkers(workspace, WORKER);
    await closeParsers();
    assert.deepEqual(workspace.pendingRanges(), [], 'every range came from the workers');
    const brief = (ws: typeof workspace): string[] =>
      ws.diagnostics().map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column} ${d.ruleId}`);
    assert.deepEqual(brief(workspace), brief(inThread));
    assert.ok(brief(workspace).length >= 160, String(brief(workspace).length));
  });
});
