import type { WorkspaceModel } from '../model/queries';
import type { SheetColumn } from '../sheet/columns';
import type { GridRow } from './protocol';

/**
 * Puts each diagnostic of the rows' files in the cell it is about, from the node path its
 * finding was made at (no re-parsing): the row is the record (or list item) whose path is the
 * longest prefix of that path, the cell the column whose field path is the longest prefix of the rest
 * (`contract.end`, a list's item → the list's column); a problem of the record as a whole, or
 * inside a nested record of another kind (a KPI of a plan), goes to the row (-1).
 */
export function placeProblems(ws: WorkspaceModel, files: readonly string[], rows: GridRow[], columns: readonly SheetColumn[]): void {
  const rowOf = new Map<string, number>();
  rows.forEach((r, i) => rowOf.set(r.key, i));
  for (const file of files) {
    for (const { diagnostic: d, anchor } of ws.anchoredDiagnostics(file)) {
      if (anchor.file !== file) continue;
      let i: number | undefined;
      let depth = anchor.path.length;
      for (; depth >= 0 && i === undefined; depth--) i = rowOf.get(`${file}\0${anchor.doc}\0${anchor.path.slice(0, depth).join('\0')}`);
      if (i === undefined) continue;
      const rest = anchor.path.slice(depth + 1).map(String);
      let column = -1;
      let best = 0;
      columns.forEach((c, j) => {
        if (c.path.length <= best || c.path.length > rest.length) return;
        if (c.path.every((seg, k) => seg === rest[k])) {
          column = j;
          best = c.path.length;
        }
      });
      (rows[i]!.problems[column] ??= []).push({ severity: d.severity, message: d.message, ruleId: d.ruleId, line: d.range.start.line });
    }
  }
}
