import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openWorkspace, type EngineInit } from '../../src/core/engine';
import { NodeWarmCache } from '../../src/node/cache';
import { NodeWorkspaceFs } from '../../src/node/fs';
import { builtinPacks } from '../../src/node/host';
import { parseFile } from '../../src/core/parse/file';
import { parseYaml } from '../../src/core/parse/yaml';
import type { Diagnostic } from '../../src/core/types';
import { brief, briefRange, rangeAt } from './fixture';
import { MemFs, openMem } from './memfs';

/**
 * A tea chain's workspace, written the way its staff write: Chinese names and notes, their own
 * product codes. Only the file under test is asserted; the others are context.
 */
function teaChain(): Record<string, string> {
  return {
    'org/regions.yaml': `regions:
  - id: RGN-SH
    name: 上海大区
  - id: RGN-HZ
    name: 杭州大区
`,
    'org/people.yaml': `people:
  - id: PER-WANG-LEI
    name: 王磊
    role: 店长
    region: RGN-SH
`,
    'catalog/茶叶.yaml': `products:
  - id: SKU-TGY-250
    name: 安溪铁观音 250克
    category: 乌龙茶
    currency: CNY
    list_price: 168
  - id: SKU-LJ-250
    name: 西湖龙井 250克
    category: 绿茶
    currency: CNY
    list_price: 298
`,
  };
}

async function diagnosticsOf(
  file: string,
  text: string,
  extra: Record<string, string> = {},
): Promise<{ ds: Diagnostic[]; ws: Awaited<ReturnType<typeof openMem>>['workspace'] }> {
  const { workspace, configProblems } = await openMem({ ...teaChain(), [file]: text, ...extra });
  assert.deepEqual(configProblems, []);
  return { ds: workspace.diagnostics().filter((d) => d.file === file), ws: workspace };
}

const INVENTORY = `# 上海大区 6月盘点
id: INV-SH-2026-06
region: RGN-SH
as_of: 2026-06-01
items:
  - sku: SKU-TGY-250   # 铁观音
    on_hand: 30
    reorder_point: 10
    on_hand: 40
  - sku: SKU-LJ-250    # 龙井，快断货了
    on_hand: 3
    reorder_point: 12
`;

describe('recovery: a local YAML mistake does not silence the rest of the file', () => {
  describe('duplicate keys', () => {
    it('reports the repeated key in item 1 and still warns that item 2 is below its reorder point', async () => {
      const file = 'inventory/上海-2026-06.yaml';
      const { ds } = await diagnosticsOf(file, INVENTORY);
      assert.deepEqual(
        ds.map(brief).sort(),
        [
          briefRange(file, rangeAt(INVENTORY, '    on_hand: 40', 'on_hand'), 'yaml/duplicate-key'),
          briefRange(file, rangeAt(INVENTORY, 'on_hand: 3\n', '3'), 'inventory/below-reorder'),
        ].sort(),
      );
      const dup = ds.find((d) => d.ruleId === 'yaml/duplicate-key')!;
      assert.match(dup.message, /"on_hand"/);
      assert.deepEqual(
        dup.related?.map((r) => [r.file, r.range.start.line, r.range.start.column, r.message]),
        [[file, 7, 5, 'first "on_hand"']],
      );
    });

    it('reads the last value of a repeated key, and findings about it point at that last value', async () => {
      const file = 'inventory/杭州-2026-06.yaml';
      const text = INVENTORY.replace('INV-SH-2026-06', 'INV-HZ-2026-06').replace('on_hand: 40', 'on_hand: 4');
      const { ds, ws } = await diagnosticsOf(file, text);
      const below = ds.filter((d) => d.ruleId === 'inventory/below-reorder').map((d) => d.range.start.line);
      assert.deepEqual(below, [9, 11]);
      const items = ws.get('inventory', 'INV-HZ-2026-06')?.data['items'] as { on_hand: number }[];
      assert.deepEqual(
        items.map((i) => i.on_hand),
        [4, 3],
      );
    });

    it('keeps the entities of a list whose entry repeats a key: ids, references and schema checks all run', async () => {
      const file = 'partners/茶园.yaml';
      const text = `partners:
  - id: PTN-MINGCHA
    name: 明茶供应链
    name: 明茶供应链有限公司
    type: supplier
    status: active
    regions: [RGN-SZ]
  - id: PTN-PUER
    name: 云南普洱茶园
    type: supplier
    status: 合作中
`;
      const { ds, ws } = await diagnosticsOf(file, text);
      assert.equal(ws.get('partner', 'PTN-MINGCHA')?.title, '明茶供应链有限公司');
      assert.ok(ws.get('partner', 'PTN-PUER'));
      const got = ds.map((d) => `${d.range.start.line} ${d.ruleId}`);
      assert.ok(got.includes('4 yaml/duplicate-key'), got.join(', '));
      assert.ok(got.includes('7 ref/missing'), got.join(', '));
      // The status is outside the vocabulary: reported by the schema or the vocabulary check.
      assert.ok(
        got.some((g) => g === '11 schema/enum' || g === '11 vocab/unknown'),
        got.join(', '),
      );
    });

    it('front matter with a repeated key: the other rules of the document still run', async () => {
      const file = 'standards/STD-TEA-001.md';
      const text = `---
id: STD-TEA-001
title: 冲泡标准
title: 门店冲泡标准
owner: PER-WANG-LEI
status: approved
version: 1.0.0
---

# 水温

绿茶 80°C，乌龙茶 95°C。
`;
      const { ds, ws } = await diagnosticsOf(file, text);
      assert.deepEqual(
        ds.map(brief).sort(),
        [
          briefRange(file, rangeAt(text, 'title: 门店', 'title'), 'yaml/duplicate-key'),
          briefRange(file, rangeAt(text, 'status: approved', 'approved'), 'standard/approval-missing'),
        ].sort(),
      );
      assert.equal(ws.get('standard', 'STD-TEA-001')?.title, '门店冲泡标准');
    });
  });

  describe('syntax errors the parser recovers from', () => {
    const PARTNERS = `partners:
  - id: PTN-MINGCHA
    name: 明茶供应链
    type: supplier
    status: active
    regions: [RGN-SZ]
  - id: PTN-PUER
    name: 云南普洱茶园
    type: supplier
    status: prospect
  - id: PTN-CAIYIN
    name: 包装: 上海彩印
    type: supplier
    status: active
  - id: PTN-LENGLIAN
    name: 顺丰冷链
    type: channel
    status: active
`;

    it('a syntax error in the 3rd entry: the ref/missing of the 1st entry is still reported', async () => {
      const file = 'partners/供应商.yaml';
      const { ds, ws } = await diagnosticsOf(file, PARTNERS);
      assert.deepEqual(
        ds.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.ruleId}`),
        ['6:15 ref/missing', '12:11 yaml/syntax'],
      );
      // The entries that parsed completely keep their ids; the damaged one is left out.
      assert.deepEqual(
        ['PTN-MINGCHA', 'PTN-PUER', 'PTN-CAIYIN', 'PTN-LENGLIAN'].map((id) => !!ws.get('partner', id)),
        [true, true, false, true],
      );
    });

    it('references from other files to the kept entries still resolve', async () => {
      const file = 'partners/供应商.yaml';
      const other = 'partners/物流.yaml';
      const { ws } = await diagnosticsOf(file, PARTNERS, {
        [other]: `partners:
  - id: PTN-KUAIDI
    name: 同城快递
    type: channel
    status: prospect
    notes: 与 PTN-LENGLIAN 合作
`,
      });
      assert.deepEqual(
        ws
          .diagnostics()
          .filter((d) => d.file === other)
          .map(brief),
        [],
      );
    });

    it('a reference to an entry left out by a syntax error is not called missing; a reference to no entry still is', async () => {
      const catalog = teaChain()['catalog/茶叶.yaml']!.replace('name: 西湖龙井 250克', 'name: 西湖龙井: 250克');
      const inventory =
        'id: INV-SH-2026-07\nregion: RGN-SH\nas_of: 2026-07-01\nitems:\n  - { sku: SKU-LJ-250, on_hand: 20 }\n  - { sku: SKU-BLC-100, on_hand: 5 }\n';
      const { ds, ws } = await diagnosticsOf('inventory/sh-07.yaml', inventory, { 'catalog/茶叶.yaml': catalog });
      assert.deepEqual(
        ds.map((d) => `${d.range.start.line} ${d.ruleId}`),
        ['6 ref/missing'],
      );
      // Only the syntax error is about the broken entry (the kept entry's tea category may be
      // outside a furniture vocabulary: not this test's concern).
      const catalogFindings = ws.diagnostics().filter((d) => d.file === 'catalog/茶叶.yaml' && d.range.start.line >= 7);
      assert.deepEqual(
        catalogFindings.map((d) => `${d.range.start.line} ${d.ruleId}`),
        ['8 yaml/syntax'],
      );
    });

    it('a tab-indented stray line: the entry above it is left out, no other finding is invented', async () => {
      const file = 'partners/tab.yaml';
      const text = 'partners:\n  - id: PTN-MINGCHA\n    name: 明茶\n    type: supplier\n    status: active\n  - id: PTN-TAB\n\tname: 制表符\n';
      const { ds, ws } = await diagnosticsOf(file, text);
      assert.ok(ds.length >= 1 && ds.every((d) => d.ruleId === 'yaml/syntax'), ds.map(brief).join(', '));
      assert.equal(ds[0]!.range.start.line, 7);
      assert.ok(ws.get('partner', 'PTN-MINGCHA'));
      assert.equal(ws.get('partner', 'PTN-TAB'), undefined);
    });

    it('an unclosed flow list swallowing the next entry: both are left out, nothing else is invented', async () => {
      const file = 'catalog/新品.yaml';
      const text =
        'products:\n  - id: SKU-BLC-100\n    name: 白茶 100克\n    category: 白茶\n    currency: CNY\n    list_price: 88\n    tags: [新品, 限量\n  - id: SKU-HC-100\n    name: 红茶 100克\n    category: 红茶\n    currency: CNY\n    list_price: 66\n';
      const { ds, ws } = await diagnosticsOf(file, text);
      assert.deepEqual([...new Set(ds.map((d) => d.ruleId))], ['yaml/syntax']);
      assert.equal(ds[0]!.range.start.line, 8); // where the parser finds the list still open
      assert.equal(ws.get('product', 'SKU-BLC-100'), undefined);
      assert.equal(ws.get('product', 'SKU-HC-100'), undefined);
    });

    it('a store register (map layout) with an unclosed list: the store after the error keeps its ref/missing', async () => {
      const file = '门店/门店.yaml';
      const text = `上海南京西路店:
  region: RGN-SH
  tags: [旗舰, 24小时
杭州西湖店:
  region: RGN-HZ
上海徐汇店:
  region: RGN-SZ
`;
      const config = 'packs: [ops]\nkinds:\n  outlet: { files: "门店/*.yaml", layout: map }\nreferences:\n  - { kind: outlet, path: region, target: region }\n';
      const { ds, ws } = await diagnosticsOf(file, text, { 'opsbook.yaml': config });
      assert.deepEqual(
        ds.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.ruleId}`),
        ['4:1 yaml/syntax', '7:11 ref/missing'],
      );
      // The error is found where the next store starts: the open list above it and that store are both left out.
      assert.deepEqual(
        ['上海南京西路店', '杭州西湖店', '上海徐汇店'].map((id) => !!ws.get('outlet', id)),
        [false, false, true],
      );
    });

    it('front matter with a syntax error: yaml/syntax at the parser position, no invented findings', async () => {
      const file = 'standards/STD-TEA-002.md';
      const text = '---\nid: STD-TEA-002\ntitle: 门店: 开店流程\nowner: PER-WANG-LEI\nstatus: draft\nversion: 0.1.0\n---\n\n# 开店\n';
      const { ds, ws } = await diagnosticsOf(file, text);
      assert.deepEqual(
        ds.map((d) => `${d.range.start.line} ${d.ruleId}`),
        ['3 yaml/syntax'],
      );
      // The document's only entity holds the error: it is left out rather than half-read.
      assert.equal(ws.get('standard', 'STD-TEA-002'), undefined);
    });
  });

  describe('the parser', () => {
    it('reads a valid file on the fast path with no damaged nodes and no problems', () => {
      const r = parseYaml('items:\n  - sku: 茶\n    on_hand: 1\n');
      assert.deepEqual(r, { docs: [{ items: [{ sku: '茶', on_hand: 1 }] }], problems: [] });
    });

    it('names the node that holds each syntax error, and none for a duplicate key', () => {
      const r = parseYaml('a:\n  - x: 1\n  - x: 2: 3\n  - x: 4\nb: 1\nb: 2\n');
      assert.deepEqual(r.damaged, [{ doc: 0, path: ['a', 1, 'x', '2'] }]);
      assert.deepEqual(
        r.docs,
        [{ a: [{ x: 1 }, { x: { 2: 3 } }, { x: 4 }], b: 2 }].map((d) => JSON.parse(JSON.stringify(d))),
      );
      assert.deepEqual(
        r.problems.map((p) => p.ruleId),
        ['yaml/syntax', 'yaml/duplicate-key'],
      );
    });

    it('keeps the damage to its own document in a multi-document file', () => {
      const r = parseYaml('门店: 上海\n---\n门店: 杭州\n员工: [王磊, 李娜\n');
      assert.deepEqual(r.docs[0], { 门店: '上海' });
      assert.deepEqual(
        r.damaged?.map((d) => d.doc),
        [1],
      );
    });
  });

  describe('many mistakes in one file', function () {
    this.timeout(60000);

    it('8,000 broken entries and 8,000 repeated keys are read in seconds (a walk per error from the root took ~25 s here)', () => {
      const broken = 'partners:\n' + Array.from({ length: 8000 }, (_, i) => `  - id: PTN-X${i}\n    name: 茶: ${i}\n`).join('');
      const repeated = 'partners:\n' + Array.from({ length: 8000 }, (_, i) => `  - id: PTN-Y${i}\n    name: 甲\n    name: 乙\n`).join('');
      for (const text of [broken, repeated]) {
        const started = performance.now();
        const parsed = parseFile('partners/many.yaml', text);
        const ms = performance.now() - started;
        assert.equal(parsed.problems.length, 21, 'the first 20 problems and a line saying how many more');
        assert.ok(ms < 15000, `${ms.toFixed(0)} ms`);
      }
    });
  });

  describe('incremental edits agree with a fresh open', () => {
    it('breaking and fixing an entry that another file refers to', async () => {
      const good = teaChain()['catalog/茶叶.yaml']!;
      const fs = new MemFs({ ...teaChain(), 'inventory/sh.yaml': INVENTORY });
      const { workspace } = await openMem(fs);
      const freshOf = async () => (await openMem(new MemFs(new Map(fs.files)))).workspace.diagnostics();
      const broken = good.replace('name: 西湖龙井 250克', 'name: 西湖龙井: 250克');
      const gone = good.replace(/ {2}- id: SKU-LJ-250[\s\S]*$/, '');
      for (const text of [broken, good, broken, gone, broken]) {
        fs.set('catalog/茶叶.yaml', text);
        workspace.setFile('catalog/茶叶.yaml', text);
        const now = workspace.diagnostics();
        assert.deepEqual(JSON.parse(JSON.stringify(now)), JSON.parse(JSON.stringify(await freshOf())));
        const missing = now.filter((d) => d.file === 'inventory/sh.yaml' && d.ruleId === 'ref/missing').length;
        assert.equal(missing, text === gone ? 1 : 0);
      }
    });

    it('adding and removing a duplicate key keeps the below-reorder warnings', async () => {
      const fs = new MemFs({ ...teaChain(), 'inventory/sh.yaml': INVENTORY.replace('    on_hand: 40\n', '') });
      const { workspace } = await openMem(fs);
      const freshOf = async () => (await openMem(new MemFs(new Map(fs.files)))).workspace.diagnostics();
      for (const text of [
        INVENTORY,
        INVENTORY.replace('on_hand: 40', 'on_hand: 4'),
        INVENTORY.replace('    on_hand: 40\n', ''),
        INVENTORY.replace('  - sku: SKU-TGY-250', '  - sku: SKU-TGY-250: x'),
      ]) {
        fs.set('inventory/sh.yaml', text);
        workspace.setFile('inventory/sh.yaml', text);
        assert.deepEqual(JSON.parse(JSON.stringify(workspace.diagnostics())), JSON.parse(JSON.stringify(await freshOf())));
      }
    });
  });

  describe('warm start', function () {
    this.timeout(60000);
    let root = '';
    let cacheDir = '';
    beforeEach(() => {
      root = mkdtempSync(path.join(tmpdir(), 'opsbook-recovery-'));
      cacheDir = mkdtempSync(path.join(tmpdir(), 'opsbook-recovery-cache-'));
    });
    afterEach(() => {
      rmSync(root, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    });
    const write = (files: Record<string, string>) => {
      for (const [rel, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        writeFileSync(path.join(root, rel), text);
      }
      // Out of the cache's "just modified" window, so stamps are trusted.
      const past = new Date(Date.now() - 3600_000);
      for (const name of readdirSync(root, { recursive: true }) as string[]) {
        const p = path.join(root, name);
        if (statSync(p).isFile()) utimesSync(p, past, past);
      }
    };
    const init = (cache: boolean): EngineInit => {
      const i: EngineInit = { fs: new NodeWorkspaceFs(root), builtinPacks: builtinPacks(), clock: () => '2026-06-15', today: '2026-06-15' };
      if (cache) i.cache = new NodeWarmCache(root, 'test', cacheDir);
      return i;
    };

    it('a cached workspace with a broken entry, then the entry fixed (and broken again): equal to a fresh check', async () => {
      const good = teaChain()['catalog/茶叶.yaml']!;
      const broken = good.replace('name: 西湖龙井 250克', 'name: 西湖龙井: 250克');
      write({ ...teaChain(), 'catalog/茶叶.yaml': broken, 'inventory/sh.yaml': INVENTORY });
      for (const next of [good, broken]) {
        const cold = await openWorkspace(init(true));
        await cold.saveCache();
        write({ 'catalog/茶叶.yaml': next });
        const warm = await openWorkspace(init(true));
        assert.equal(warm.load?.warm, true);
        const expected = (await openWorkspace(init(false))).workspace.diagnostics();
        assert.deepEqual(warm.workspace.diagnostics(), expected);
        assert.ok(expected.some((d) => d.ruleId === 'inventory/below-reorder'));
        assert.ok(!expected.some((d) => d.ruleId === 'ref/missing'));
      }
    });
  });
});
