import { strict as assert } from 'node:assert';
import { buildRegisterTable } from '../../src/core/form/register';
import { openMem } from './memfs';

/** A bakery chain's price list: its own SKUs, Chinese channel names, two currencies, one price under the floor. */
const PRICES = `# 价目表 2026 (HKD for the Hong Kong shop)
products:
  - id: MB-001
    name: 全麦面包
    category: 面包
    currency: CNY
    list_price: 18
    floor_price: 15
    channel_prices: { 门店: 18, 外卖: 19.5 }
  - id: MB-002
    name: 菠萝包
    category: 面包
    currency: HKD
    list_price: 12
    floor_price: 10
    channel_prices: { 门店: 12 }
  - id: DG-001
    name: 芝士蛋糕
    category: 蛋糕
    currency: CNY
    list_price: 68
    floor_price: 60
    channel_prices: { 门店: 68, 外卖: 55 }
`;

const MORE = `products:
  - id: MB-003
    name: 法棍
    category: 面包
    currency: CNY
    list_price: 16
    floor_price: 12
`;

async function open() {
  return openMem({ 'opsbook.yaml': 'vocabularies:\n  channel: { add: [门店, 外卖] }\n', 'catalog/prices.yaml': PRICES, 'catalog/more.yaml': MORE });
}

describe('register table model (core/form/register)', () => {
  it('a list file: its records in file order, schema columns with nested maps flattened per key', async () => {
    const { workspace } = await open();
    const t = buildRegisterTable(workspace, { file: 'catalog/prices.yaml' });
    assert.equal(t.kind, 'product');
    assert.deepEqual(
      t.rows.map((r) => [r.id, r.title, JSON.stringify(r.entityPath)]),
      [
        ['MB-001', '全麦面包', '["products",0]'],
        ['MB-002', '菠萝包', '["products",1]'],
        ['DG-001', '芝士蛋糕', '["products",2]'],
      ],
    );
    const keys = t.columns.map((c) => `${c.key}:${c.widget}`);
    for (const k of [
      'id:text',
      'name:text',
      'category:combo',
      'list_price:number',
      'floor_price:number',
      'channel_prices.门店:number',
      'channel_prices.外卖:number',
    ]) {
      assert.ok(keys.includes(k), `${k} in ${keys.join(', ')}`);
    }
  });

  it('numbers carry their row’s currency, and totals are per currency', async () => {
    const { workspace } = await open();
    const t = buildRegisterTable(workspace, { file: 'catalog/prices.yaml' });
    const col = t.columns.findIndex((c) => c.key === 'list_price');
    assert.deepEqual(
      t.rows.map((r) => [r.cells[col]?.value, r.cells[col]?.unit]),
      [
        [18, 'CNY'],
        [12, 'HKD'],
        [68, 'CNY'],
      ],
    );
    const total = t.totals.find((x) => x.column === col);
    assert.deepEqual(total, {
      column: col,
      count: 3,
      byUnit: [
        { unit: 'CNY', sum: 86, average: 43, count: 2 },
        { unit: 'HKD', sum: 12, average: 12, count: 1 },
      ],
    });
    const takeaway = t.columns.findIndex((c) => c.key === 'channel_prices.外卖');
    assert.match(t.columns[takeaway]?.label ?? '', / · 外卖$/, 'a free key is its own label');
    assert.deepEqual(t.rows[0]?.cells[takeaway], { value: 19.5, unit: 'CNY' });
    assert.deepEqual(t.rows[1]?.cells[takeaway], { unit: 'HKD' }, 'an empty cell still says its currency');
  });

  it('a price under the floor is marked on its cell, with the rule id and line', async () => {
    const { workspace } = await open();
    const t = buildRegisterTable(workspace, { file: 'catalog/prices.yaml' });
    const takeaway = t.columns.findIndex((c) => c.key === 'channel_prices.外卖');
    assert.deepEqual(
      t.rows[2]?.cells[takeaway]?.problems?.map((p) => [p.ruleId, p.line, p.severity]),
      [['price/below-floor', 23, 'error']],
    );
    assert.equal(t.rows.flatMap((r) => r.cells.flatMap((c) => c.problems ?? [])).length, 1, 'no other cell is marked');
  });

  it('a kind across files lists every product; a file table proposes the next id in the company’s style', async function () {
    this.timeout(10_000);
    const { workspace } = await open();
    const all = buildRegisterTable(workspace, { kind: 'product' });
    assert.deepEqual(all.rows.map((r) => `${r.file}#${r.id}`).sort(), [
      'catalog/more.yaml#MB-003',
      'catalog/prices.yaml#DG-001',
      'catalog/prices.yaml#MB-001',
      'catalog/prices.yaml#MB-002',
    ]);
    assert.equal(all.add, undefined, 'a table across files has no single place to add to');
    const one = buildRegisterTable(workspace, { file: 'catalog/prices.yaml' });
    assert.deepEqual(one.add, { file: 'catalog/prices.yaml', doc: 0, listPath: ['products'], map: false, nextId: 'MB-004' });
  });

  it('a map-layout file adds under a new key', async () => {
    const { workspace } = await openMem({
      'opsbook.yaml': `kinds:\n  store:\n    files: [stores.yaml]\n    layout: map\n    title: name\n`,
      'stores.yaml': `S01: { name: 静安店, seats: 30 }\nS02: { name: 徐汇店, seats: 24 }\n`,
    });
    const t = buildRegisterTable(workspace, { file: 'stores.yaml' });
    assert.deepEqual(
      t.rows.map((r) => [r.id, JSON.stringify(r.entityPath)]),
      [
        ['S01', '["S01"]'],
        ['S02', '["S02"]'],
      ],
    );
    assert.deepEqual(t.add, { file: 'stores.yaml', doc: 0, listPath: [], map: true, nextId: 'S03' });
    const seats = t.columns.findIndex((c) => c.key === 'seats');
    assert.deepEqual(t.totals.find((x) => x.column === seats)?.byUnit, [{ sum: 54, average: 27, count: 2 }]);
  });

  it('5,000 rows, each with a problem, each problem on its own row’s cell', async function () {
    this.timeout(30_000);
    const lines = ['products:'];
    for (let i = 0; i < 5000; i++)
      lines.push(`  - { id: P${i}, name: 商品${i}, category: 杂货, currency: CNY, list_price: ${i === 0 ? 5 : 0}, floor_price: 5 }`);
    const { workspace } = await openMem({ 'catalog/big.yaml': lines.join('\n') + '\n' });
    const t = buildRegisterTable(workspace, { file: 'catalog/big.yaml' });
    assert.equal(t.rows.length, 5000);
    const col = t.columns.findIndex((c) => c.key === 'list_price');
    assert.deepEqual(t.rows[0]?.cells[col]?.problems, undefined);
    assert.deepEqual(
      t.rows[4999]?.cells[col]?.problems?.map((p) => [p.ruleId, p.line]),
      [['schema/exclusiveMinimum', 5001]],
    );
    assert.equal(t.rows.filter((r) => r.cells[col]?.problems?.length === 1).length, 4999);
  });
});
