import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { exportSheet } from '../../core';
import { sheetFormatOf, sheetToCsv, sheetToXlsx, type SheetFormat } from '../../node/spreadsheet';
import { COMMON_HELP, open, parse } from '../common';
import { EXIT_OK, UsageError, type CliIo } from '../io';

export const exportHelp = `Usage: opsbook export <kind> [--format csv|xlsx] [--out FILE]

Writes one row per record of a kind: the id first, then the title and every field of plain
values by its path (contract.end, channel_prices.online); lists joined with "; ". Lists of
records (KPIs, milestones, trainings) are left out of the flat sheet. CSV is UTF-8 with a byte
order mark so Excel shows Chinese text; xlsx has a bold frozen header and typed cells
(numbers, dates, booleans). Import the edited sheet back with "opsbook import".

Options:
  --format csv|xlsx    sheet format (default: from --out's extension, else csv)
  --out FILE           file to write, relative to the current directory (default: CSV on
                       stdout, without the byte order mark; xlsx needs --out)
${COMMON_HELP}

Examples:
  opsbook export product --out prices.xlsx
  opsbook export partner --format csv > partners.csv`;

export async function runExport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' }, out: { type: 'string' } });
  if (values.help) {
    io.stdout(exportHelp + '\n');
    return EXIT_OK;
  }
  const kind = positionals[0];
  if (!kind || positionals.length > 1) throw new UsageError('expected one kind, e.g. opsbook export product --out prices.xlsx');
  const byName = values.out !== undefined ? sheetFormatOf(values.out) : undefined;
  const format = (values.format ?? byName ?? 'csv') as SheetFormat;
  if (format !== 'csv' && format !== 'xlsx') throw new UsageError(`--format must be csv or xlsx, got "${values.format}"`);
  if (values.out !== undefined && byName !== undefined && byName !== format) throw new UsageError(`--out ${values.out} does not end in .${format}`);
  if (format === 'xlsx' && values.out === undefined) throw new UsageError('xlsx is written to a file: add --out FILE.xlsx');
  const ws = await open(io, values);
  if (!ws.config.kinds.has(kind)) throw new UsageError(`unknown kind "${kind}"; kinds: ${[...ws.config.kinds.keys()].sort().join(', ')}`);
  const sheet = exportSheet(ws, kind);
  if (values.out === undefined) {
    io.stdout(sheetToCsv(sheet, false).toString('utf8'));
    return EXIT_OK;
  }
  const out = path.resolve(io.cwd, values.out);
  const bytes = format === 'xlsx' ? await sheetToXlsx(sheet) : sheetToCsv(sheet);
  await fsp.mkdir(path.dirname(out), { recursive: true });
  await fsp.writeFile(out, bytes);
  io.stdout(`Wrote ${values.out}: ${sheet.rows.length} ${kind} row${sheet.rows.length === 1 ? '' : 's'}, ${sheet.columns.length} columns.\n`);
  return EXIT_OK;
}
