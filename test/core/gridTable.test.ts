import { strict as assert } from 'node:assert';
import { editFileText } from '../../src/core/edit/edit';
import { buildGridTable } from '../../src/core/table/model';
import { itemLists } from '../../src/core/table/items';
import { addRowEdit, cellEdit, deleteRowEdit, duplicateRowEdit, type GridEditResult } from '../../src/core/table/edits';
import { gridView } from '../../src/core/table/view';
import { openMem } from './memfs';

// A tea chain's partner register and price list, written by its buyers: Chinese names, their
// own ids and tiers, comments, a flow map, one partner with a bad contract and one unknown tier.
const PARTNERS = `# 合作伙伴登记表 — 采购部维护
partners:
  - id: HZ-001   # 杭州总代
    name: 杭州茶源贸易
    type: supplier
    status: active
    tier: 金牌
    contract: { start: 2026-01-01, end: 2026-12-31, value: 500000, currency: CNY }

  - id: HZ-002
    name: 西湖包材
    type: supplier
    status: active
    tier: 银牌
    contract:
      start: 2026-07-01
      end: 2026-03-31
  - id: SH-010
    name: "上海: 冷链物流"
    type: supplier
    status: ended
    tier: 铜牌
    owner: E-9
`;

const PRODUCTS = `products:
  - id: YZGL-M
    name: 杨枝甘露（中杯）
    category: 果茶
    currency: CNY
    list_price: 18
    floor_price: 15
  - id: YZGL-L
    name: 杨枝甘露（大杯）
    category: 果茶
    currency: CNY
    list_price: 22
    floor_price: 18
  - id: HK-MILK
    name: 港式奶茶
    category: 奶茶
    currency: HKD
    list_price: 28
    floor_price: 24
  - id: NEW-1
    name: 季节限定
    category: 奶茶
    currency: CNY
`;

const FILES = {
  'opsbook.yaml': 'opsbook: 1\nvocabularies:\n  partner.tier: [金牌, 银牌]\n',
  'partners/list.yaml': PARTNERS,
  'catalog/drinks.yaml': PRODUCTS,
  'org/people.yaml': 'people:\n  - id: E-1\n    name: 陈静\n    role: 采购\n',
};

async function open(files: Record<string, string> = FILES) {
  const { workspace } = await openMem(files);
  return workspace;
}

function applied(text: string, r: GridEditResult): string {
  assert.ok(r.ok, r.ok ? '' : r.message);
  const out = editFileText(r.write.format, text, r.write.doc, r.write.op);
  assert.ok(out.ok, out.ok ? '' : out.message);
  return out.text;
}

describe('register table: a kind as rows and columns', () => {
  it('has the sheet columns, the cells as written, and each problem in the cell it is about', async () => {
    const ws = await open();
    const { table } = buildGridTable(ws, { kind: 'partner', file: 'partners/list.yaml' });
    const keys = table.columns.map((c) => c.key);
    assert.deepEqual(keys.slice(0, 3), ['id', 'name', 'type']);
    assert.ok(keys.includes('contract.end'));
    assert.deepEqual(
      table.rows.map((r) => r.id),
      ['HZ-001', 'HZ-002', 'SH-010'],
    );
    const col = (k: string) => keys.indexOf(k);
    assert.equal(table.rows[1]!.cells[col('contract.end')], '2026-03-31');
    assert.equal(table.rows[0]!.cells[col('contract.value')], 500000);
    assert.deepEqual(table.columns[col('tier')]!.options, ['金牌', '银牌']);
    assert.deepEqual(table.columns[col('owner')]!.ref, 'person');
    // 铜牌 is not a declared tier; E-9 names no person; HZ-002's contract ends before it starts.
    const problems = table.rows.map((r) =>
      Object.entries(r.problems)
        .flatMap(([c, list]) => list.map((p) => `${c === '-1' ? '(row)' : keys[Number(c)]} ${p.ruleId}`))
        .sort(),
    );
    assert.deepEqual(problems[0], []);
    assert.ok(
      problems[1]!.some((p) => /^contract\.(start|end) date\/order$/.test(p)),
      problems[1]!.join(),
    );
    assert.deepEqual(problems[2], ['owner ref/missing', 'tier vocab/unknown']);
    assert.equal(table.canAdd, true);
    assert.deepEqual(table.candidates['person'], [['E-1', '陈静']]);
    // A number's unit is the currency beside it (contract.currency), as the record form shows it.
    assert.equal(table.rows[0]!.units[col('contract.value')], 'CNY');
    assert.equal(table.rows[1]!.units[col('contract.value')], undefined);
  });

  it('filters with the search syntax, sorts with empty cells last, and totals numbers per currency', async () => {
    const ws = await open();
    const built = buildGridTable(ws, { kind: 'product' });
    const ids = (q: string, sort?: { column: number; descending: boolean }) => gridView(built, q, sort).order.map((i) => built.table.rows[i]!.id);
    const price = built.table.columns.findIndex((c) => c.key === 'list_price');
    assert.deepEqual(ids(''), ['YZGL-M', 'YZGL-L', 'HK-MILK', 'NEW-1']);
    assert.deepEqual(ids('category:奶茶'), ['HK-MILK', 'NEW-1']);
    assert.deepEqual(ids('杨枝'), ['YZGL-M', 'YZGL-L']);
    assert.deepEqual(ids('-currency:HKD list_price:>=20'), ['YZGL-L']);
    assert.deepEqual(ids('', { column: price, descending: true }), ['HK-MILK', 'YZGL-L', 'YZGL-M', 'NEW-1']);
    assert.deepEqual(ids('', { column: price, descending: false }), ['YZGL-M', 'YZGL-L', 'HK-MILK', 'NEW-1']);
    const view = gridView(built, '', undefined);
    assert.deepEqual(view.totals[price], [
      { unit: 'CNY', sum: 40, average: 20, count: 2 },
      { unit: 'HKD', sum: 28, average: 28, count: 1 },
    ]);
    assert.deepEqual(gridView(built, 'category:果茶', undefined).totals[price], [{ unit: 'CNY', sum: 40, average: 20, count: 2 }]);
    assert.deepEqual(gridView(built, '- "unclosed', undefined).queryErrors.length > 0, true);
  });
});

describe('register table: edits that keep the file', () => {
  it('sets a cell from typed text (¥1,280 → 1280) touching only that value, comments and flow style kept', async () => {
    const ws = await open();
    const built = buildGridTable(ws, { kind: 'partner', file: 'partners/list.yaml' });
    const c = built.table.columns.findIndex((x) => x.key === 'contract.value');
    const out = applied(PARTNERS, cellEdit(built, built.table.rows[0]!.key, c, '¥1,280', 500000));
    assert.equal(out, PARTNERS.replace('value: 500000', 'value: 1280'));
    const tier = built.table.columns.findIndex((x) => x.key === 'tier');
    assert.equal(applied(PARTNERS, cellEdit(built, built.table.rows[2]!.key, tier, '银牌', '铜牌')), PARTNERS.replace('tier: 铜牌', 'tier: 银牌'));
  });

  it('empties a cell by removing the field, and refuses ids, bad numbers and cells changed meanwhile', async () => {
    const ws = await open();
    const built = buildGridTable(ws, { kind: 'partner', file: 'partners/list.yaml' });
    const col = (k: string) => built.table.columns.findIndex((x) => x.key === k);
    const row = built.table.rows[2]!.key;
    assert.equal(applied(PARTNERS, cellEdit(built, row, col('owner'), '  ', 'E-9')), PARTNERS.replace('    owner: E-9\n', ''));
    const id = cellEdit(built, row, col('id'), 'SH-011', 'SH-010');
    assert.ok(!id.ok && /Rename Symbol/.test(id.message));
    const bad = cellEdit(built, built.table.rows[0]!.key, col('contract.value'), '五十万', 500000);
    assert.ok(!bad.ok && bad.message === 'HZ-001 contract.value: "五十万" is not a number', bad.ok ? '' : bad.message);
    const stale = cellEdit(built, row, col('tier'), '金牌', '银牌');
    assert.ok(!stale.ok && stale.conflict === true && /changed in the file meanwhile \(now "铜牌"\)/.test(stale.message));
  });

  it('adds, duplicates and deletes rows in the list, keeping every other line', async () => {
    const ws = await open();
    const built = buildGridTable(ws, { kind: 'partner', file: 'partners/list.yaml' });
    assert.equal(applied(PARTNERS, addRowEdit(ws, built, 'SH-011')), PARTNERS + '  - id: SH-011\n');
    const dup = applied(PARTNERS, duplicateRowEdit(ws, built, built.table.rows[2]!.key, 'SH-012'));
    assert.equal(dup, PARTNERS + "  - id: SH-012\n    name: '上海: 冷链物流'\n" + '    type: supplier\n    status: ended\n    tier: 铜牌\n    owner: E-9\n');
    const del = applied(PARTNERS, deleteRowEdit(built, built.table.rows[1]!.key));
    assert.ok(!del.includes('西湖包材') && del.includes('  - id: SH-010') && del.includes('# 杭州总代'), del);
    const taken = addRowEdit(ws, built, 'HZ-001');
    assert.ok(!taken.ok && taken.message === 'partner HZ-001 already exists.');
  });

  it('cannot add rows to kinds kept one per file or as Markdown, and says how to create one', async () => {
    const ws = await open({
      'projects/a.md': '---\nid: P1\ntitle: 门店装修\ntype: decoration\nowner: E-1\nstatus: approved\n---\n# 门店装修\n',
      'org/people.yaml': FILES['org/people.yaml'],
    });
    const built = buildGridTable(ws, { kind: 'project' });
    assert.equal(built.table.canAdd, false);
    const r = addRowEdit(ws, built, 'P2');
    assert.ok(!r.ok && /New Document from Template/.test(r.message));
  });
});

// A tea shop's stock count: one record, its stock lines as rows.
const STOCK = `# 静安店 周盘点
id: INV-JA-0601
region: 华东
as_of: 2026-06-01
items:
  - { sku: YZGL-M, on_hand: 3, reorder_point: 20, max: 80 }   # 缺货风险
  - sku: HK-MILK
    on_hand: 40
    reorder_point: 10
`;

describe('register table: the stock lines of one inventory record', () => {
  const files = { ...FILES, 'inventory/jingan.yaml': STOCK, 'org/regions.yaml': 'regions:\n  - id: 华东\n    name: 华东区\n' };

  it('lists the lists of mappings a single-record kind holds, and shows its items as rows with their problems', async () => {
    const { workspace: ws } = await openMem(files);
    assert.deepEqual(itemLists(ws, 'inventory'), [{ field: 'items', required: ['sku', 'on_hand'] }]);
    const built = buildGridTable(ws, { kind: 'inventory', file: 'inventory/jingan.yaml', field: 'items' });
    const keys = built.table.columns.map((c) => c.key);
    assert.deepEqual(keys.slice(0, 3), ['sku', 'on_hand', 'reorder_point']);
    assert.deepEqual(
      built.table.rows.map((r) => [r.id, r.cells[1]]),
      [
        ['YZGL-M', 3],
        ['HK-MILK', 40],
      ],
    );
    assert.equal(built.table.columns[0]!.ref, 'product');
    // YZGL-M is below its reorder point: the warning sits in its on_hand cell.
    const first = Object.entries(built.table.rows[0]!.problems).flatMap(([c, list]) =>
      list.map((p) => `${c === '-1' ? '(row)' : keys[Number(c)]} ${p.ruleId}`),
    );
    assert.deepEqual(first, ['on_hand inventory/below-reorder']);
    assert.deepEqual(gridView(built, '', undefined).totals[1], [{ sum: 43, average: 21.5, count: 2 }]);
  });

  it('edits a stock line in its flow map, appends, duplicates and deletes lines, keeping the rest of the file', async () => {
    const { workspace: ws } = await openMem(files);
    const built = buildGridTable(ws, { kind: 'inventory', file: 'inventory/jingan.yaml', field: 'items' });
    const [a, b] = built.table.rows.map((r) => r.key) as [string, string];
    assert.equal(applied(STOCK, cellEdit(built, a, 1, '12', 3)), STOCK.replace('on_hand: 3,', 'on_hand: 12,'));
    assert.equal(applied(STOCK, addRowEdit(ws, built, 'YZGL-L')), STOCK + '  - sku: YZGL-L\n');
    assert.equal(applied(STOCK, duplicateRowEdit(ws, built, b, undefined)), STOCK + '  - sku: HK-MILK\n    on_hand: 40\n    reorder_point: 10\n');
    const del = applied(STOCK, deleteRowEdit(built, a));
    assert.ok(!del.includes('YZGL-M') && del.includes('# 静安店 周盘点') && del.includes('sku: HK-MILK'), del);
  });
});
