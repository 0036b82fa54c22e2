import { strict as assert } from 'node:assert';
import { parse as parseYaml } from 'yaml';
import { exportSheet, importSummary, parseDate, parseNumber, planImport, rejectionLine, sheetColumns, SheetImportError } from '../../src/core';
import type { InputCell, OpsbookWorkspace } from '../../src/core';
import { editRecords } from '../../src/core/edit/records';
import { listItemStarts } from '../../src/core/parse/listItems';
import { openMem } from './memfs';

/** A tea chain's workspace: their own ids, Chinese names and categories, comments everywhere. */
const PRICES = `# 2026 春季价目表 — 采购部维护
products:
  # 绿茶
  - id: LJ-250
    name: 西湖龙井 250g
    category: 绿茶
    currency: CNY
    list_price: 1280   # 含税
    floor_price: 980
    channel_prices: { flagship: 1280, online: 1180 }
    effective: 2026-04-01
    tags: [明前, 礼盒]

  - id: DHP-100
    name: "大红袍 100g"
    category: 红茶
    currency: CNY
    list_price: 460
`;

const TEA: Record<string, string> = {
  'opsbook.yaml': 'vocabularies:\n  product.category: [绿茶, 红茶, 乌龙]\n  partner.tier: [金牌, 银牌]\n',
  'catalog/春茶.yaml': PRICES,
  'org/regions.yaml': 'regions:\n  - { id: 华东, name: 华东大区 }\n  - { id: 华南, name: 华南大区 }\n',
  'org/people.yaml':
    'people:\n  - id: 员工-007\n    name: 周采购\n    role: 采购\n    region: 华东\n    trainings:\n      - { course: 茶艺-1, completed: 2026-01-10, score: 90 }\n',
  'org/courses.yaml': 'courses:\n  - { id: 茶艺-1, title: 茶艺基础 }\n',
  'partners/供应商.yaml': `partners:
  - id: 供-001
    name: 武夷山茶厂
    type: supplier
    tier: 金牌
    status: active
    regions: [华东]
    contract: { start: 2026-01-01, end: 2026-12-31, value: 300000, currency: CNY }
`,
};

async function tea(extra: Record<string, string> = {}): Promise<OpsbookWorkspace> {
  const { workspace, configProblems } = await openMem({ ...TEA, ...extra });
  assert.deepEqual(configProblems, []);
  assert.deepEqual(
    workspace.diagnostics().map((d) => `${d.file}:${d.range.start.line} ${d.ruleId}`),
    [],
  );
  return workspace;
}

/** The exported sheet as a reader gives it back: header row first. */
function asRows(ws: OpsbookWorkspace, kind: string): InputCell[][] {
  const s = exportSheet(ws, kind);
  return [s.columns.map((c) => c.header), ...s.rows.map((r) => [...r])];
}

function col(rows: InputCell[][], header: string): number {
  const i = rows[0]!.indexOf(header);
  assert.ok(i >= 0, `no column ${header}`);
  return i;
}

describe('spreadsheet columns and rows', () => {
  it('puts the id first and the title next, flattens nested objects to dotted columns and leaves out lists of records', async () => {
    const ws = await tea();
    assert.deepEqual(
      sheetColumns(ws, 'partner').map((c) => c.header),
      [
        'id',
        'name',
        'type',
        'regions',
        'tier',
        'status',
        'contract.start',
        'contract.end',
        'contract.value',
        'contract.currency',
        'contact.name',
        'contact.email',
        'contact.phone',
        'owner',
        'tags',
        'notes',
      ],
    );
    const partner = sheetColumns(ws, 'partner');
    assert.equal(partner[0]!.header, 'id');
    assert.equal(partner[1]!.header, 'name');
    assert.deepEqual(
      partner.filter((c) => c.header.startsWith('contract.')).map((c) => `${c.header}:${c.type}`),
      ['contract.start:date', 'contract.end:date', 'contract.value:number', 'contract.currency:string'],
    );
    const regions = partner.find((c) => c.header === 'regions')!;
    assert.equal(regions.list, true);
    assert.equal(regions.ref, 'region');
    const people = sheetColumns(ws, 'person').map((c) => c.header);
    assert.ok(!people.some((h) => h.startsWith('trainings')), `trainings (a list of records) must be left out: ${people.join(', ')}`);
  });

  it('gives a map of prices one column per channel of the vocabulary and per key in use', async () => {
    const ws = await tea();
    const headers = sheetColumns(ws, 'product').map((c) => c.header);
    assert.deepEqual(
      headers.filter((h) => h.startsWith('channel_prices.')),
      ['channel_prices.flagship', 'channel_prices.mall-counter', 'channel_prices.online', 'channel_prices.distributor', 'channel_prices.wholesale'],
    );
  });

  it('writes values as typed: numbers as numbers, lists joined with "; ", absent fields empty, dates as text', async () => {
    const ws = await tea();
    const rows = asRows(ws, 'product');
    assert.equal(rows.length, 3);
    assert.equal(rows[1]![col(rows, 'name')], '西湖龙井 250g');
    assert.equal(rows[1]![col(rows, 'list_price')], 1280);
    assert.equal(rows[1]![col(rows, 'channel_prices.online')], 1180);
    assert.equal(rows[1]![col(rows, 'tags')], '明前; 礼盒');
    assert.equal(rows[1]![col(rows, 'effective')], '2026-04-01');
    assert.equal(rows[2]![col(rows, 'floor_price')], null);
  });
});

describe('spreadsheet cell conversion', () => {
  it('reads numbers the way buyers type them and refuses ambiguous ones', () => {
    assert.equal(parseNumber('1,280'), 1280);
    assert.equal(parseNumber('¥1,280'), 1280);
    assert.equal(parseNumber('￥１２８０．５'), 1280.5);
    assert.equal(parseNumber('1280元'), 1280);
    assert.equal(parseNumber('-12.5'), -12.5);
    assert.equal(parseNumber('abc'), undefined);
    assert.equal(parseNumber('1.280,50'), undefined);
    assert.equal(parseNumber('12,80'), undefined);
  });

  it('reads ISO and Chinese dates, refusing day-first or impossible ones', () => {
    assert.equal(parseDate('2026-04-01'), '2026-04-01');
    assert.equal(parseDate('2026/4/1'), '2026-04-01');
    assert.equal(parseDate('2026年4月1日'), '2026-04-01');
    assert.equal(parseDate('01/04/2026'), undefined);
    assert.equal(parseDate('2026-02-30'), undefined);
  });
});

describe('spreadsheet import', () => {
  it('changes nothing when the exported sheet comes back unchanged', async () => {
    const ws = await tea();
    for (const kind of ['product', 'partner', 'person', 'region']) {
      const plan = planImport(ws, kind, asRows(ws, kind));
      assert.deepEqual(plan.rejections, [], kind);
      assert.deepEqual(plan.writes, [], kind);
      assert.equal(plan.unchanged, ws.entities(kind).length, kind);
    }
  });

  it('edits only the changed lines and keeps every comment', async () => {
    const ws = await tea();
    const rows = asRows(ws, 'product');
    rows[1]![col(rows, 'list_price')] = '¥1,380';
    rows[2]![col(rows, 'floor_price')] = 399;
    rows[2]![col(rows, 'name')] = '大红袍 100g 礼盒';
    const plan = planImport(ws, 'product', rows);
    assert.deepEqual(plan.rejections, []);
    assert.equal(plan.writes.length, 1);
    assert.equal(
      plan.writes[0]!.after,
      PRICES.replace('list_price: 1280   # 含税', 'list_price: 1380   # 含税')
        .replace('name: "大红袍 100g"', 'name: "大红袍 100g 礼盒"')
        .replace('list_price: 460\n', 'list_price: 460\n    floor_price: 399\n'),
    );
    assert.deepEqual(importSummary(plan), [
      'product 大红袍 100g 礼盒 (DHP-100)  modified  (catalog/春茶.yaml:14)',
      '  name 大红袍 100g → 大红袍 100g 礼盒',
      '  floor_price added: 399',
      'product 西湖龙井 250g (LJ-250)  modified  (catalog/春茶.yaml:4)',
      '  list_price 1280 → 1380 (+100, +7.8%)',
    ]);
  });

  it("appends a new id to the kind's file and removes a field whose cell was emptied", async () => {
    const ws = await tea();
    const rows = asRows(ws, 'product');
    rows[1]![col(rows, 'tags')] = '';
    const blank = rows[0]!.map(() => null as InputCell);
    blank[col(rows, 'id')] = 'TGY-500';
    blank[col(rows, 'name')] = '安溪铁观音 500g';
    blank[col(rows, 'category')] = '乌龙';
    blank[col(rows, 'currency')] = 'CNY';
    blank[col(rows, 'list_price')] = '2,680';
    blank[col(rows, 'effective')] = new Date(Date.UTC(2026, 4, 1));
    blank[col(rows, 'tags')] = '秋茶；浓香';
    rows.push(blank);
    const plan = planImport(ws, 'product', rows);
    assert.deepEqual(plan.rejections, []);
    assert.equal(
      plan.writes[0]!.after,
      PRICES.replace('    tags: [明前, 礼盒]\n', '') +
        '  - id: TGY-500\n    name: 安溪铁观音 500g\n    category: 乌龙\n    currency: CNY\n    list_price: 2680\n    effective: 2026-05-01\n    tags: [秋茶, 浓香]\n',
    );
    assert.equal(plan.added, 1);
    assert.equal(plan.modified, 1);
  });

  it('rejects every bad row by its spreadsheet row number and writes nothing while one is rejected', async () => {
    const ws = await tea();
    const rows = asRows(ws, 'product');
    rows[1]![col(rows, 'list_price')] = 1300;
    rows[2]![col(rows, 'list_price')] = 'abc';
    rows[2]![col(rows, 'category')] = '白茶';
    const plan = planImport(ws, 'product', rows);
    assert.deepEqual(plan.rejections.map(rejectionLine), [
      'row 3 (DHP-100), category: "白茶" is not in vocabulary product.category (绿茶, 红茶, 乌龙); did you mean "红茶"?',
      'row 3 (DHP-100), list_price: "abc" is not a number',
    ]);
    assert.deepEqual(plan.writes, []);
  });

  it('checks references against the ids of their kind, and lists against their vocabulary', async () => {
    const ws = await tea();
    const rows = asRows(ws, 'partner');
    rows[1]![col(rows, 'regions')] = '华东; 华北';
    rows[1]![col(rows, 'tier')] = '金卡';
    const plan = planImport(ws, 'partner', rows);
    assert.deepEqual(plan.rejections.map(rejectionLine), [
      'row 2 (供-001), tier: "金卡" is not in vocabulary partner.tier (金牌, 银牌); did you mean "金牌"?',
      'row 2 (供-001), regions: no region with id "华北"; did you mean "华东"?',
    ]);
  });

  it('reports unknown columns with the closest field and ignores them', async () => {
    const ws = await tea();
    const rows = asRows(ws, 'product');
    rows[0]!.push('list_prise');
    rows[1]!.push(999);
    const plan = planImport(ws, 'product', rows);
    assert.deepEqual(plan.unknownColumns, [{ column: 'list_prise', didYouMean: 'list_price' }]);
    assert.deepEqual(plan.writes, []);
  });

  it('rejects the row of a record whose result the check refuses (a channel price below the floor)', async () => {
    const ws = await tea();
    const rows = asRows(ws, 'product');
    rows[1]![col(rows, 'channel_prices.online')] = 900;
    const plan = planImport(ws, 'product', rows);
    assert.deepEqual(
      plan.rejections.map((r) => `${r.row} ${r.id} ${r.ruleId}`),
      ['2 LJ-250 price/below-floor'],
    );
    assert.deepEqual(plan.writes, []);
  });

  it('refuses a sheet without an id column, the same id twice and an id with spaces', async () => {
    const ws = await tea();
    assert.deepEqual(planImport(ws, 'product', [['name'], ['x']]).rejections.map(rejectionLine), [
      'row 1, id: the header has no "id" column: rows are matched to records by id',
    ]);
    const rows = asRows(ws, 'product');
    rows.push([...rows[1]!]);
    rows.push(['LJ 250']);
    assert.deepEqual(planImport(ws, 'product', rows).rejections.map(rejectionLine), [
      'row 4 (LJ-250), id: id LJ-250 is also on row 2',
      'row 5 (LJ 250), id: id "LJ 250" contains spaces',
    ]);
  });

  it('refuses Markdown-layout kinds as a whole, with a clear message', async () => {
    const ws = await tea();
    assert.throws(
      () => planImport(ws, 'standard', [['id']]),
      (e: unknown) => e instanceof SheetImportError && /Markdown documents/.test(e.message),
    );
  });

  it('asks where new records go when the kind keeps them in several files', async () => {
    const ws = await tea({ 'catalog/秋茶.yaml': 'products:\n  - { id: QC-1, name: 秋茶, category: 乌龙, currency: CNY, list_price: 10 }\n' });
    const plan = planImport(ws, 'product', [
      ['id', 'name', 'category', 'currency', 'list_price'],
      ['NEW-1', '新茶', '绿茶', 'CNY', 5],
    ]);
    assert.deepEqual(plan.rejections.map(rejectionLine), [
      'row 2 (NEW-1): product NEW-1 is new, and product records live in 2 files: name the one for new records with --into FILE',
    ]);
    const into = planImport(
      ws,
      'product',
      [
        ['id', 'name', 'category', 'currency', 'list_price'],
        ['NEW-1', '新茶', '绿茶', 'CNY', 5],
      ],
      { into: 'catalog/秋茶.yaml' },
    );
    assert.deepEqual(into.rejections, []);
    assert.equal(
      into.writes[0]!.after,
      'products:\n  - { id: QC-1, name: 秋茶, category: 乌龙, currency: CNY, list_price: 10 }\n  - id: NEW-1\n    name: 新茶\n    category: 绿茶\n    currency: CNY\n    list_price: 5\n',
    );
  });
});

describe('spreadsheet import into other layouts', () => {
  it('upserts into a map-layout kind: the id is the key, a new id becomes a new key', async () => {
    const { workspace: ws } = await openMem({
      'opsbook.yaml':
        'kinds:\n  shop:\n    files: data/门店.yml\n    layout: map\n    title: name\n    fields:\n      name: { type: string }\n      seats: { type: integer }\n',
      'data/门店.yml': '# 门店名册\nSH-01:\n  name: 静安店  # 旗舰\n  seats: 40\n',
    });
    assert.deepEqual(ws.diagnostics(), []);
    const rows = [
      ['id', 'name', 'seats'],
      ['SH-01', '静安店', '42'],
      ['SH-02', '徐汇店', 28],
    ];
    const plan = planImport(ws, 'shop', rows);
    assert.deepEqual(plan.rejections, []);
    assert.equal(plan.writes[0]!.after, '# 门店名册\nSH-01:\n  name: 静安店  # 旗舰\n  seats: 42\nSH-02:\n  name: 徐汇店\n  seats: 28\n');
    assert.deepEqual(
      planImport(ws, 'shop', [
        ['id', 'seats'],
        ['SH-01', 40.5],
      ]).rejections.map(rejectionLine),
      ['row 2 (SH-01), seats: 40.5 is not a whole number'],
    );
  });

  it("creates the --into file for new records with the kind's list key", async () => {
    const ws = await tea();
    const plan = planImport(
      ws,
      'product',
      [
        ['id', 'name', 'category', 'currency', 'list_price'],
        ['QC-1', '秋茶', '乌龙', 'CNY', '1,000'],
      ],
      { into: 'catalog/秋季.yaml' },
    );
    assert.deepEqual(plan.rejections, []);
    assert.deepEqual(plan.writes, [
      {
        path: 'catalog/秋季.yaml',
        before: undefined,
        after: 'products:\n  - id: QC-1\n    name: 秋茶\n    category: 乌龙\n    currency: CNY\n    list_price: 1000\n',
      },
    ]);
    assert.deepEqual(
      planImport(
        ws,
        'product',
        [
          ['id', 'name'],
          ['QC-1', '秋茶'],
        ],
        { into: 'partners/x.yaml' },
      ).rejections.map(rejectionLine),
      ['row 2 (QC-1): product QC-1 is new, and partners/x.yaml is not a product file (kinds.product.files: catalog/**/*.yaml, catalog/**/*.yml)'],
    );
  });

  it('never adds records to a file the workspace could not read (too large)', async () => {
    const big = `products:\n${'  - { id: X, name: x, category: 绿茶, currency: CNY, list_price: 1 }\n'.repeat(40000)}`;
    const ws = await openMem({ ...TEA, 'catalog/春茶.yaml': big }).then((r) => r.workspace);
    const plan = planImport(
      ws,
      'product',
      [
        ['id', 'name'],
        ['NEW-1', '新茶'],
      ],
      { into: 'catalog/春茶.yaml' },
    );
    assert.deepEqual(plan.rejections.map(rejectionLine), [
      'row 2 (NEW-1): product NEW-1 is new, and catalog/春茶.yaml was not read (too-large): new records cannot be added to it',
    ]);
    assert.deepEqual(plan.writes, []);
  });

  it('refuses new records of a kind whose records are files of their own, and edits an existing one in place', async () => {
    const inv = 'id: INV-华东-01\nregion: 华东\nas_of: 2026-06-01\nitems:\n  - { sku: LJ-250, on_hand: 12, reorder_point: 5 }\n';
    const ws = await tea({ 'inventory/华东.yaml': inv });
    const plan = planImport(ws, 'inventory', [
      ['id', 'as_of'],
      ['INV-华东-01', '2026/6/15'],
      ['INV-华南-01', '2026-06-15'],
    ]);
    assert.deepEqual(plan.rejections.map(rejectionLine), [
      'row 3 (INV-华南-01): inventory INV-华南-01 is new, and each inventory is a file of its own: create it first (opsbook new inventory --id INV-华南-01)',
    ]);
    const ok = planImport(ws, 'inventory', [
      ['id', 'as_of'],
      ['INV-华东-01', '2026/6/15'],
    ]);
    assert.deepEqual(ok.rejections, []);
    assert.equal(ok.writes[0]!.after, inv.replace('as_of: 2026-06-01', 'as_of: 2026-06-15'));
  });
});

describe('spreadsheet import through the write layer', () => {
  it('rejects the row of a value the write layer will not edit (an anchor another record repeats), and writes nothing', async () => {
    const anchored = [
      'products:',
      '  - id: TGY-500',
      '    name: 铁观音 500g',
      '    category: 乌龙',
      '    currency: &rmb CNY',
      '    list_price: 520',
      '  - id: TGY-250',
      '    name: 铁观音 250g',
      '    category: 乌龙',
      '    currency: *rmb',
      '    list_price: 280',
      '',
    ].join('\n');
    const ws = await tea({ 'catalog/春茶.yaml': anchored });
    const plan = planImport(ws, 'product', [
      ['id', 'currency', 'list_price'],
      ['TGY-500', 'HKD', '540'],
    ]);
    assert.deepEqual(plan.writes, []);
    assert.deepEqual(plan.rejections.map(rejectionLine), [
      'row 2: catalog/春茶.yaml cannot be edited: products[0].currency is anchored as &rmb and repeated elsewhere by *rmb: edit it as text',
    ]);
  });
});

describe('YAML edits that keep the file', () => {
  it('keeps CRLF line ends, quoting style and the comments around an edited value', () => {
    const text = "items:\r\n  - id: A # first\r\n    name: 'Old name'  # keep\r\n    qty: 1\r\n";
    const out = editRecords(
      text,
      [
        {
          doc: 0,
          path: ['items', 0],
          set: [
            { path: ['name'], value: "Tom's" },
            { path: ['unit'], value: '箱' },
          ],
          remove: [],
        },
      ],
      [],
    );
    assert.equal(out, "items:\r\n  - id: A # first\r\n    name: 'Tom''s'  # keep\r\n    qty: 1\r\n    unit: 箱\r\n");
  });

  it('removes a whole field line, or the first field after a list dash, without touching its neighbours', () => {
    const text = 'items:\n  - id: A\n    note: x   # gone\n    qty: 1\n';
    assert.equal(editRecords(text, [{ doc: 0, path: ['items', 0], set: [], remove: [['note']] }], []), 'items:\n  - id: A\n    qty: 1\n');
    const first = 'items:\n  - note: x\n    id: A\n';
    assert.equal(editRecords(first, [{ doc: 0, path: ['items', 0], set: [], remove: [['note']] }], []), 'items:\n  - id: A\n');
  });

  it('creates the nested mapping a dotted field needs and adds to an existing one in place', () => {
    const text = 'id: X\ncontract:\n  start: 2026-01-01  # signed\n';
    const out = editRecords(
      text,
      [
        {
          doc: 0,
          path: [],
          set: [
            { path: ['contract', 'end'], value: '2026-12-31' },
            { path: ['budget', 'amount'], value: 5 },
          ],
          remove: [],
        },
      ],
      [],
    );
    assert.equal(out, 'id: X\ncontract:\n  start: 2026-01-01  # signed\n  end: 2026-12-31\nbudget:\n  amount: 5\n');
  });

  it('edits the right document of a multi-document file and adds an entry to a map layout', () => {
    const text = '# a\nA1:\n  name: one\n---\nB1:\n  name: two # 2\n';
    const out = editRecords(
      text,
      [{ doc: 1, path: ['B1'], set: [{ path: ['name'], value: 'deux' }], remove: [] }],
      [{ doc: 1, container: [], key: 'B2', record: { name: '三' } }],
    );
    assert.equal(out, '# a\nA1:\n  name: one\n---\nB1:\n  name: deux # 2\nB2:\n  name: 三\n');
  });

  it('quotes values that would read back as another type, and writes into flow mappings correctly', () => {
    const text = 'items:\n  - { id: A, code: x }\n';
    const out = editRecords(
      text,
      [
        {
          doc: 0,
          path: ['items', 0],
          set: [
            { path: ['code'], value: '007' },
            { path: ['note'], value: 'a, b' },
          ],
          remove: [],
        },
      ],
      [],
    );
    assert.deepEqual(parseYaml(out), { items: [{ id: 'A', code: '007', note: 'a, b' }] });
    assert.equal(out, "items:\n  - { id: A, code: '007', note: 'a, b' }\n");
  });

  it('adds and removes keys of a flow mapping in place (a channel price column filled or emptied)', () => {
    const text = 'products:\n  - id: A\n    channel_prices: { flagship: 1280, online: 1180 }  # 春季\n    list_price: 1280\n';
    const edit = (set: { path: string[]; value: number }[], remove: string[][]) => editRecords(text, [{ doc: 0, path: ['products', 0], set, remove }], []);
    assert.equal(edit([{ path: ['channel_prices', 'tmall'], value: 1199 }], []), text.replace('online: 1180 }', 'online: 1180, tmall: 1199 }'));
    assert.equal(edit([], [['channel_prices', 'flagship']]), text.replace('{ flagship: 1280, online: 1180 }', '{ online: 1180 }'));
    assert.equal(edit([], [['channel_prices', 'online']]), text.replace('{ flagship: 1280, online: 1180 }', '{ flagship: 1280 }'));
    assert.equal(
      edit(
        [],
        [
          ['channel_prices', 'online'],
          ['channel_prices', 'flagship'],
        ],
      ),
      text.replace('    channel_prices: { flagship: 1280, online: 1180 }  # 春季\n', ''),
    );
  });
});

describe('YAML edits in long lists (one item at a time)', () => {
  const LIST = `# 门店价目
products:
# 第一组（注释在列表缩进之外）
- id: A
  notes: |
    - 不是列表项
    - 也不是
  price: 1
- id: B   # 第二
  price: 2
other: 3`;

  it('finds the items of a block list by their dash lines, not by lines inside block scalars', () => {
    const w = listItemStarts(LIST, ['products'], 2)!;
    assert.deepEqual(
      w.starts.map((s) => LIST.slice(s, LIST.indexOf('\n', s))),
      ['- id: A', '- id: B   # 第二'],
    );
    assert.equal(LIST.slice(w.end), 'other: 3');
    assert.equal(listItemStarts(LIST, ['products'], 3), undefined);
    assert.equal(listItemStarts('products: [a, b]\n', ['products'], 2), undefined);
    assert.equal(listItemStarts('a: 1\n---\nproducts:\n  - x\n', ['products'], 1), undefined);
  });

  it("edits, removes and appends in a list whose items sit at the key's indentation, keeping everything else byte for byte", () => {
    const out = editRecords(
      LIST,
      [
        { doc: 0, path: ['products', 0], set: [{ path: ['price'], value: 10 }], remove: [['notes']] },
        { doc: 0, path: ['products', 1], set: [{ path: ['unit'], value: '盒' }], remove: [] },
      ],
      [{ doc: 0, container: ['products'], record: { id: 'C', price: 3 } }],
    );
    assert.equal(
      out,
      LIST.replace('  notes: |\n    - 不是列表项\n    - 也不是\n  price: 1', '  price: 10').replace(
        '  price: 2\n',
        '  price: 2\n  unit: 盒\n- id: C\n  price: 3\n',
      ),
    );
  });

  it('appends after a last item that ends the file without a line break (the file still ends without one), and edits a top-level list', () => {
    const text = '- id: A\n  qty: 1\n- id: B\n  qty: 2';
    assert.equal(
      editRecords(text, [{ doc: 0, path: [1], set: [{ path: ['qty'], value: 5 }], remove: [] }], [{ doc: 0, container: [], record: { id: 'C' } }]),
      '- id: A\n  qty: 1\n- id: B\n  qty: 5\n- id: C',
    );
  });
});
