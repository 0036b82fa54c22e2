import { fieldPhrase, plainStyle } from '../diff/phrases';
import { titled } from '../format/words';
import type { ImportPlan } from './import';
import type { Rejection, UnknownColumn } from './rows';

/** `row 7 (SKU-LJ-250), list_price: "abc" is not a number` — the row as the spreadsheet numbers it. */
export function rejectionLine(r: Rejection): string {
  const where = r.row !== undefined ? `row ${r.row}${r.id ? ` (${r.id})` : ''}` : `${r.file ?? ''}${r.line ? `:${r.line}` : ''}`;
  return `${where}${r.column ? `, ${r.column}` : ''}: ${r.reason}${r.ruleId ? `  ${r.ruleId}` : ''}`;
}

/** `column "list_prise" ignored: no such field (did you mean "list_price"?)` */
export function unknownColumnLine(u: UnknownColumn): string {
  return `column "${u.column}" ignored: no such field${u.didYouMean ? ` (did you mean "${u.didYouMean}"?)` : ''}`;
}

/**
 * The import's changes as `opsbook diff` and the Changes view phrase them: one line per record
 * (`product Longjing 250 g (SKU-LJ-250)  modified`), then one indented line per field
 * (`list_price 128 → 138 (+10, +7.8%)`).
 */
export function importSummary(plan: ImportPlan): string[] {
  const lines: string[] = [];
  for (const c of plan.diff?.changes ?? []) {
    lines.push(`${c.kind} ${titled(c.id, c.title)}  ${c.change}  (${c.file}:${c.line})`);
    for (const f of c.fields) lines.push(`  ${fieldPhrase(f, plainStyle)}`);
  }
  return lines;
}
