import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import type { InputCell, Sheet } from '../core';

export type SheetFormat = 'csv' | 'xlsx';

/** The format a file name asks for, by its extension. */
export function sheetFormatOf(file: string): SheetFormat | undefined {
  const lower = file.toLowerCase();
  return lower.endsWith('.csv') ? 'csv' : lower.endsWith('.xlsx') ? 'xlsx' : undefined;
}

const BOM = '\uFEFF';

/** CSV as UTF-8 with a byte order mark (so Excel reads Chinese correctly), CRLF line ends, the header first. */
export function sheetToCsv(sheet: Sheet, bom = true): Buffer {
  const text = stringifyCsv([sheet.columns.map((c) => c.header), ...sheet.rows.map((r) => r.map((c) => (c === null ? '' : c)))], {
    record_delimiter: '\r\n',
    cast: { boolean: (b) => (b ? 'true' : 'false') },
  });
  return Buffer.from((bom ? BOM : '') + text, 'utf8');
}

/** An xlsx workbook: one sheet named after the kind, a bold frozen header, numbers, booleans and dates as typed cells. */
export async function sheetToXlsx(sheet: Sheet): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Opsbook';
  const ws = wb.addWorksheet(sheet.kind.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({
    header: c.header,
    key: c.header,
    width: Math.min(40, Math.max(10, c.header.length + 2)),
    ...(c.type === 'date' && !c.list ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of sheet.rows) {
    ws.addRow(
      row.map((cell, i) => {
        const c = sheet.columns[i]!;
        if (c.type === 'date' && !c.list && typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(cell)) {
          const [y, m, d] = cell.split('-').map(Number) as [number, number, number];
          return new Date(Date.UTC(y, m - 1, d));
        }
        return cell;
      }),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A CSV or xlsx file's first sheet as rows of cells (row 0 = the header). */
export async function readSheet(bytes: Uint8Array, format: SheetFormat): Promise<InputCell[][]> {
  if (format === 'csv') return readCsv(bytes);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: InputCell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: InputCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => Array.from(r ?? [], (c) => c ?? null));
}

function readCsv(bytes: Uint8Array): InputCell[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel on Chinese Windows saves "CSV" in the ANSI code page (GBK).
    text = new TextDecoder('gb18030').decode(bytes);
  }
  if (text.startsWith(BOM)) text = text.slice(1);
  return parseCsv(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
}

/** Formula results, rich text and hyperlinks as the value they show. */
function cellValue(v: unknown): InputCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o) return cellValue(o['result']);
    if (Array.isArray(o['richText'])) return (o['richText'] as { text: string }[]).map((t) => t.text).join('');
    if (typeof o['text'] === 'string') return o['text'];
    if ('error' in o) return String(o['error']);
  }
  return String(v);
}
