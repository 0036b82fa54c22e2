import { strict as assert } from 'node:assert';
import { gridDelta } from '../../src/core/table/delta';
import { buildGridTable } from '../../src/core/table/model';
import { applyGridDelta, type GridTable } from '../../src/core/table/protocol';
import { openMem } from './memfs';

// A noodle chain's ingredient price list, kept by its purchasing office in Chengdu: its own ids,
// prices in CNY and one in THB, a comment per line.
const item = (i: number) =>
  `  - id: CL-${String(i).padStart(3, '0')}   # 第${i}项\n    name: 原料${i}\n    category: 调料\n    currency: ${i === 7 ? 'THB' : 'CNY'}\n    list_price: ${10 + i}\n    floor_price: ${5 + i}\n    channel_prices: { online: ${9 + i} }\n`;
const LIST = (n: number) => `# 原料价目表（成都采购部）\nproducts:\n${Array.from({ length: n }, (_, i) => item(i + 1)).join('')}`;
const FILE = 'catalog/原料.yaml';

async function tableOf(text: string): Promise<GridTable> {
  const { workspace } = await openMem({ [FILE]: text });
  return buildGridTable(workspace, { kind: 'product', file: FILE }).table;
}

/** The delta from `a` to `b`, checked to turn `a` into exactly `b`. */
function roundTrip(a: GridTable, b: GridTable) {
  const d = gridDelta(a, b);
  assert.ok(d, 'a delta');
  assert.deepEqual(applyGridDelta(a, d), b);
  return d;
}

describe('register table: the rows that changed, not the whole table (core/table/delta)', () => {
  it('a channel price changed below the floor is one changed row, with its problem', async () => {
    const before = await tableOf(LIST(40));
    const after = await tableOf(LIST(40).replace('online: 12 }', 'online: 2 }'));
    const d = roundTrip(before, after);
    assert.deepEqual(
      d.changed.map((r) => r.id),
      ['CL-003'],
    );
    assert.deepEqual(d.removed, []);
    assert.deepEqual(d.added, []);
    const price = after.columns.findIndex((c) => c.key === 'channel_prices.online');
    assert.equal(d.changed[0]!.cells[price], 2);
    assert.deepEqual(
      d.changed[0]!.problems[price]?.map((p) => p.ruleId),
      ['price/below-floor'],
    );
    assert.equal(d.columns, undefined);
  });

  it('a row appended is one added row at its index; the last row deleted is one removed key', async () => {
    const before = await tableOf(LIST(40));
    const grown = await tableOf(LIST(41));
    const d = roundTrip(before, grown);
    assert.deepEqual(
      d.added.map((a) => [a.index, a.row.id]),
      [[40, 'CL-041']],
    );
    assert.equal(d.changed.length, 0);
    const shrunk = await tableOf(LIST(39));
    const back = roundTrip(before, shrunk);
    assert.deepEqual(back.removed, [before.rows[39]!.key]);
    assert.deepEqual([back.added, back.changed], [[], []]);
  });

  it('nothing changed is an empty delta', async () => {
    const d = roundTrip(await tableOf(LIST(5)), await tableOf(LIST(5).replace('# 第2项', '# 第二项')));
    assert.deepEqual(d, { removed: [], added: [], changed: [] });
  });

  it('sends the whole table when a column appears, or when a row deleted near the top moves the keys of most rows', async () => {
    const before = await tableOf(LIST(40));
    // A field the schema does not declare, written in a record: a new column.
    const noted = await tableOf(LIST(40).replace('    floor_price: 6\n', '    floor_price: 6\n    备注: 季节性\n'));
    assert.ok(noted.columns.some((c) => c.key === '备注'));
    assert.equal(gridDelta(before, noted), undefined);
    const cut = await tableOf(LIST(40).replace(item(2), ''));
    assert.equal(gridDelta(before, cut), undefined);
  });

  it('carries the columns when only their details changed (a column shown), and the candidates of a kind that changed', async () => {
    const before = await tableOf(LIST(10));
    const after = structuredClone(before);
    after.columns.find((c) => !c.visible)!.visible = true;
    after.candidates = { person: [['P-1', '王芳']] };
    const d = roundTrip(before, after);
    assert.deepEqual(d.columns, after.columns);
    assert.deepEqual(d.candidates, { person: [['P-1', '王芳']] });
  });
});
