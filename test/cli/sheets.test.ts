import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { cli, isUsageError } from './run';

/** A tea chain's price list, as their buyer keeps it: comments, Chinese names, their own SKU style. */
const PRICES = `# 茶叶价目表（采购部，2026 春）
# 价格含税，单位：元
products:
  - id: 龙井-250   # 明前特级
    name: 西湖龙井 250g
    category: 绿茶
    currency: CNY
    list_price: 1280
    floor_price: 980
    effective: 2026-03-20

  - id: 碧螺春-250
    name: 洞庭碧螺春 250g
    category: 绿茶
    currency: CNY
    list_price: 860
    floor_price: 700   # 经销底价

  # 乌龙
  - id: 铁观音-500
    name: 安溪铁观音 500g
    category: 乌龙
    currency: CNY
    list_price: 560
  - id: 大红袍-100
    name: "武夷大红袍 100g"
    category: 乌龙
    currency: CNY
    list_price: 460
  - id: 滇红-200
    name: 滇红工夫 200g
    category: 红茶
    currency: CNY
    list_price: 198
  - id: 白毫-100
    name: 白毫银针 100g
    category: 白茶
    currency: CNY
    list_price: 520
`;

const CONFIG = `vocabularies:
  product.category: [绿茶, 乌龙, 红茶, 白茶]
`;

const ARGS = ['--today', '2026-06-15', '--no-cache'];

describe('cli export and import (spreadsheets)', function () {
  this.timeout(60000);
  let dir = '';
  const file = () => path.join(dir, 'catalog/2026春.yaml');
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'opsbook-sheets-'));
    mkdirSync(path.join(dir, 'catalog'), { recursive: true });
    writeFileSync(path.join(dir, 'opsbook.yaml'), CONFIG);
    writeFileSync(file(), PRICES);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exports CSV as UTF-8 with a byte order mark, the id first and Chinese text intact', async () => {
    const r = await cli(['export', 'product', '--out', 'prices.csv', '--root', dir, ...ARGS], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'Wrote prices.csv: 6 product rows, 15 columns.\n');
    const bytes = readFileSync(path.join(dir, 'prices.csv'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    assert.equal(lines[0]!.split(',').slice(0, 6).join(','), 'id,name,category,currency,list_price,floor_price');
    assert.equal(lines[1], '龙井-250,西湖龙井 250g,绿茶,CNY,1280,980,,,,,,2026-03-20,,,');
  });

  it('exports xlsx with a frozen header and typed cells: numbers and Excel dates', async () => {
    const r = await cli(['export', 'product', '--out', 'prices.xlsx', '--root', dir, ...ARGS], dir);
    assert.equal(r.code, 0, r.stderr);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'prices.xlsx'));
    const ws = wb.worksheets[0]!;
    assert.equal(ws.name, 'product');
    assert.deepEqual([ws.views[0]?.state, (ws.views[0] as { ySplit?: number }).ySplit], ['frozen', 1]);
    assert.equal(ws.getRow(1).font?.bold, true);
    assert.equal(ws.getCell('A2').value, '龙井-250');
    assert.equal(ws.getCell('E2').value, 1280);
    assert.deepEqual(ws.getCell('L2').value, new Date(Date.UTC(2026, 2, 20)));
  });

  it('imports an unchanged export back as no change and touches no file (CSV and xlsx)', async () => {
    for (const out of ['prices.csv', 'prices.xlsx']) {
      assert.equal((await cli(['export', 'product', '--out', out, '--root', dir, ...ARGS], dir)).code, 0);
      const before = statSync(file()).mtimeMs;
      const r = await cli(['import', 'product', out, '--root', dir, ...ARGS], dir);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(r.stdout, `opsbook import product ${out}: 0 added, 0 modified, 6 rows unchanged\nNothing to change.\n`);
      assert.equal(readFileSync(file(), 'utf8'), PRICES);
      assert.equal(statSync(file()).mtimeMs, before);
    }
  });

  /** The buyer's own workbook: their column order, a misspelt column, a date cell, Chinese throughout. */
  async function buyersWorkbook(row7Price: string | number): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('春茶调价');
    ws.addRow(['name', 'id', 'list_price', 'flor_price', 'effective']);
    ws.addRow(['西湖龙井 250g', '龙井-250', 1280, 999, new Date(Date.UTC(2026, 2, 20))]);
    ws.addRow(['洞庭碧螺春 250g', '碧螺春-250', '¥880', null, new Date(Date.UTC(2026, 4, 1))]);
    ws.addRow(['安溪铁观音 500g', '铁观音-500', '560', null, null]);
    ws.addRow(['武夷大红袍 100g', '大红袍-100', 460, null, null]);
    ws.addRow(['滇红工夫 200g', '滇红-200', 198, null, null]);
    ws.addRow(['白毫银针 100g', '白毫-100', row7Price, null, null]);
    const out = path.join(dir, '调价.xlsx');
    await wb.xlsx.writeFile(out);
    return out;
  }

  it('rejects the buyer\'s bad number as "row 7" with the column and reason, writes nothing, exits 1', async () => {
    await buyersWorkbook('五百二');
    const r = await cli(['import', 'product', '调价.xlsx', '--root', dir, ...ARGS], dir);
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      [
        'opsbook import product 调价.xlsx: 0 added, 1 modified, 4 rows unchanged',
        '  column "flor_price" ignored: no such field (did you mean "floor_price"?)',
        '',
        'Rejected: 1 row; nothing was written.',
        '  row 7 (白毫-100), list_price: "五百二" is not a number',
        '',
      ].join('\n'),
    );
    assert.equal(readFileSync(file(), 'utf8'), PRICES);
  });

  it('imports the corrected workbook: a date cell and "¥880" typed by the schema, only those lines changed, every comment kept', async () => {
    await buyersWorkbook(540);
    const r = await cli(['import', 'product', '调价.xlsx', '--root', dir, ...ARGS], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(
      r.stdout,
      [
        'opsbook import product 调价.xlsx: 0 added, 2 modified, 4 rows unchanged',
        '  column "flor_price" ignored: no such field (did you mean "floor_price"?)',
        '',
        'product 白毫银针 100g (白毫-100)  modified  (catalog/2026春.yaml:36)',
        '  list_price 520 → 540 (+20, +3.9%)',
        'product 洞庭碧螺春 250g (碧螺春-250)  modified  (catalog/2026春.yaml:12)',
        '  list_price 860 → 880 (+20, +2.3%)',
        '  effective added: 2026-05-01',
        'Wrote catalog/2026春.yaml.',
        '',
      ].join('\n'),
    );
    assert.equal(
      readFileSync(file(), 'utf8'),
      PRICES.replace(
        'list_price: 860\n    floor_price: 700   # 经销底价\n',
        'list_price: 880\n    floor_price: 700   # 经销底价\n    effective: 2026-05-01\n',
      ).replace('list_price: 520', 'list_price: 540'),
    );
  });

  it('imports a CSV with a byte order mark saved by Excel: three edited cells change exactly three lines', async () => {
    const csv =
      '\uFEFFid,list_price,floor_price,name\r\n' +
      '龙井-250,"1,380",980,西湖龙井 250g\r\n' +
      '碧螺春-250,860,720,洞庭碧螺春 250g\r\n' +
      '铁观音-500,560,,安溪铁观音 500g（浓香）\r\n';
    writeFileSync(path.join(dir, 'buyer.csv'), csv);
    const r = await cli(['import', 'product', 'buyer.csv', '--root', dir, ...ARGS], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const after = readFileSync(file(), 'utf8');
    const changed = PRICES.split('\n').filter((l, i) => after.split('\n')[i] !== l);
    assert.deepEqual(changed, ['    list_price: 1280', '    floor_price: 700   # 经销底价', '    name: 安溪铁观音 500g']);
    assert.equal(after.split('\n').length, PRICES.split('\n').length);
    assert.match(after, /floor_price: 720 {3}# 经销底价/);
    assert.equal(after.match(/#/g)!.length, PRICES.match(/#/g)!.length);
  });

  it('prints the changes of a dry run and writes nothing', async () => {
    writeFileSync(path.join(dir, 'new.csv'), 'id,name,category,currency,list_price\r\n普洱-357,勐海普洱 357g,红茶,CNY,"2,680"\r\n');
    const r = await cli(['import', 'product', 'new.csv', '--dry-run', '--root', dir, ...ARGS], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /^opsbook import product new\.csv: 1 added, 0 modified, 0 rows unchanged\n\nproduct 勐海普洱 357g \(普洱-357\) {2}added {2}\(catalog\/2026春\.yaml:40\)\nDry run: would write catalog\/2026春\.yaml\.\n$/,
    );
    assert.equal(readFileSync(file(), 'utf8'), PRICES);
  });

  it('refuses Markdown kinds, unreadable sheets and xlsx on stdout as usage errors (exit 2)', async () => {
    writeFileSync(path.join(dir, 'x.csv'), 'id\r\nSTD-1\r\n');
    isUsageError(await cli(['import', 'standard', 'x.csv', '--root', dir, ...ARGS], dir), /Markdown documents/);
    isUsageError(await cli(['import', 'product', 'missing.xlsx', '--root', dir, ...ARGS], dir), /missing\.xlsx: no such file/);
    writeFileSync(path.join(dir, 'bad.xlsx'), 'not a zip');
    isUsageError(await cli(['import', 'product', 'bad.xlsx', '--root', dir, ...ARGS], dir), /bad\.xlsx cannot be read as xlsx/);
    isUsageError(await cli(['export', 'product', '--format', 'xlsx', '--root', dir, ...ARGS], dir), /xlsx is written to a file/);
    isUsageError(await cli(['export', 'nope', '--root', dir, ...ARGS], dir), /unknown kind "nope"/);
  });
});
