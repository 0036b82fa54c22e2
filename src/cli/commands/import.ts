import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { importSummary, planImport, rejectionLine, SheetImportError, unknownColumnLine, type ImportPlan } from '../../core';
import { readSheet, sheetFormatOf } from '../../node/spreadsheet';
import { COMMON_HELP, open, parse, rootOf } from '../common';
import { NodeWorkspaceFs } from '../../node/fs';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from '../io';

export const importHelp = `Usage: opsbook import <kind> FILE.csv|FILE.xlsx [--into FILE] [--dry-run]

Upserts the sheet's rows by id into the kind's YAML files. Row 1 is the header: columns are
field paths as "opsbook export" writes them, in any order; columns left out are left alone; an
emptied cell removes the field. Existing records change only in the changed fields (comments,
order and formatting of everything else stay as they were); new records are appended to
--into or the kind's one file. Cells are converted by the schema: numbers (1,280, ¥1,280 and
full-width digits read as numbers), dates (date cells, YYYY-MM-DD, YYYY/M/D, YYYY年M月D日),
booleans (true/false, yes/no, 是/否), lists joined with ";". Values of checked vocabularies
and references to other records are checked.

All or nothing: a rejected row (named by its row number as the spreadsheet shows it, the
header being row 1, with the column and the reason), or an error the result would introduce
in the workspace's check, means nothing is written. Unknown columns are reported and ignored.
Markdown documents (standards, projects) cannot be imported.

Options:
  --into FILE    file for new records, relative to the root (created when missing)
  --dry-run      print the changes, write nothing
${COMMON_HELP}

Exit codes: 0 imported (or nothing to change), 1 a row rejected (nothing written), 2 usage,
configuration or an unreadable sheet.`;

export async function runImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { into: { type: 'string' }, 'dry-run': { type: 'boolean' } });
  if (values.help) {
    io.stdout(importHelp + '\n');
    return EXIT_OK;
  }
  const [kind, file] = positionals;
  if (!kind || !file || positionals.length > 2) throw new UsageError('expected a kind and a sheet, e.g. opsbook import product prices.xlsx');
  const format = sheetFormatOf(file);
  if (!format) throw new UsageError(`${file}: expected a .csv or .xlsx file`);
  let bytes: Uint8Array;
  try {
    bytes = await fsp.readFile(path.resolve(io.cwd, file));
  } catch (err) {
    throw new UsageError(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(err)}`);
  }
  let rows;
  try {
    rows = await readSheet(bytes, format);
  } catch (err) {
    throw new UsageError(`${file} cannot be read as ${format}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const ws = await open(io, values);
  const fs = new NodeWorkspaceFs(rootOf(io, values));
  if (values.into !== undefined && !fs.resolve(values.into)) throw new UsageError(`--into ${values.into}: must be inside the workspace root`);
  let plan: ImportPlan;
  try {
    plan = planImport(ws, kind, rows, values.into !== undefined ? { into: values.into.split(path.sep).join('/') } : {});
  } catch (err) {
    if (err instanceof SheetImportError) throw new UsageError(err.message);
    throw err;
  }
  io.stdout(report(plan, file));
  if (plan.rejections.length > 0) return EXIT_FINDINGS;
  if (!values['dry-run']) {
    for (const w of plan.writes) {
      const target = fs.resolve(w.path)!;
      await fsp.mkdir(path.dirname(target), { recursive: true });
      await fsp.writeFile(target, w.after, 'utf8');
    }
  }
  io.stdout(
    plan.writes.length === 0
      ? 'Nothing to change.\n'
      : values['dry-run']
        ? `Dry run: would write ${plan.writes.map((w) => w.path).join(', ')}.\n`
        : `Wrote ${plan.writes.map((w) => w.path).join(', ')}.\n`,
  );
  return EXIT_OK;
}

function report(plan: ImportPlan, file: string): string {
  const lines: string[] = [];
  const rowWord = (n: number) => `${n} row${n === 1 ? '' : 's'}`;
  lines.push(`opsbook import ${plan.kind} ${file}: ${plan.added} added, ${plan.modified} modified, ${rowWord(plan.unchanged)} unchanged`);
  for (const u of plan.unknownColumns) lines.push(`  ${unknownColumnLine(u)}`);
  if (plan.rejections.length > 0) {
    lines.push('', `Rejected: ${rowWord(plan.rejections.length)}; nothing was written.`);
    for (const r of plan.rejections) lines.push(`  ${rejectionLine(r)}`);
    return lines.join('\n') + '\n';
  }
  const summary = importSummary(plan);
  if (summary.length > 0) lines.push('', ...summary);
  const introduced = (plan.diff?.introduced ?? []).filter((d) => d.severity !== 'error');
  if (introduced.length > 0) {
    lines.push('', `Introduced: ${introduced.length} warning${introduced.length === 1 ? '' : 's'} (not blocking)`);
    for (const d of introduced) lines.push(`  ${d.file}:${d.range.start.line}:${d.range.start.column}  ${d.severity}  ${d.message}  ${d.ruleId}`);
  }
  lines.push('');
  return lines.join('\n');
}
