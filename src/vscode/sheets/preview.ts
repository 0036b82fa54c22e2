import * as l10n from '@vscode/l10n';
import { fieldPhrase, plainStyle, rejectionLine, titled, unknownColumnLine, type FileWrite, type ImportPlan } from '../../core';

/** One line of the import preview (a QuickPick item without the vscode types, so it is testable). */
export interface PreviewLine {
  label: string;
  description?: string;
  detail?: string;
  /** What choosing the line does; lines without one only inform. */
  action?: 'apply' | 'cancel';
  separator?: boolean;
}

/**
 * The preview of an import before anything is written, in the Changes view's phrasing: Apply
 * and Cancel first, then each record added or modified with its changed fields, then the
 * ignored columns. An import with rejected rows shows the rows (spreadsheet numbering) instead,
 * and offers no Apply.
 */
export function previewLines(plan: ImportPlan): PreviewLine[] {
  const out: PreviewLine[] = [];
  if (plan.rejections.length > 0) {
    out.push({ label: l10n.t('Nothing was written: {0} rows rejected', plan.rejections.length), separator: true });
    for (const r of plan.rejections) out.push({ label: `$(error) ${rejectionLine(r)}` });
  } else if (plan.writes.length === 0) {
    out.push({ label: l10n.t('$(check) Nothing to change: {0} rows equal their records', plan.unchanged), action: 'cancel' });
  } else {
    out.push({
      label: l10n.t('$(check) Apply: {0} added, {1} modified', plan.added, plan.modified),
      description: plan.writes.map((w) => w.path).join(', '),
      action: 'apply',
    });
    out.push({ label: l10n.t('$(close) Cancel'), action: 'cancel' });
    out.push({ label: l10n.t('Changes'), separator: true });
    for (const c of plan.diff?.changes ?? []) {
      const line: PreviewLine = {
        label: `${c.change === 'added' ? '$(add)' : '$(edit)'} ${titled(c.id, c.title)}`,
        description: `${changeWord(c.change)} · ${c.file}:${c.line}`,
      };
      if (c.fields.length > 0) line.detail = c.fields.map((f) => fieldPhrase(f, plainStyle)).join(' · ');
      out.push(line);
    }
    const warnings = (plan.diff?.introduced ?? []).filter((d) => d.severity !== 'error');
    if (warnings.length > 0) {
      out.push({ label: l10n.t('Warnings the import introduces (not blocking)'), separator: true });
      for (const d of warnings) out.push({ label: `$(warning) ${d.message}`, description: `${d.file}:${d.range.start.line} ${d.ruleId}` });
    }
  }
  if (plan.unknownColumns.length > 0) {
    out.push({ label: l10n.t('Ignored columns'), separator: true });
    for (const u of plan.unknownColumns) out.push({ label: `$(info) ${unknownColumnLine(u)}` });
  }
  return out;
}

function changeWord(change: string): string {
  switch (change) {
    case 'added':
      return l10n.t('added');
    case 'removed':
      return l10n.t('removed');
    default:
      return l10n.t('modified');
  }
}

/** A replacement of a file's text by zero-based line and character (what a `WorkspaceEdit` takes). */
export interface TextReplacement {
  start: { line: number; character: number };
  end: { line: number; character: number };
  text: string;
}

/**
 * The smallest replacement turning `before` into `after`: the common start and end are kept,
 * so the undo step and the editor's markers only cover the changed lines.
 */
export function minimalReplacement(before: string, after: string): TextReplacement | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Start on a line boundary, so the change is whole lines where possible.
  start = before.lastIndexOf('\n', start - 1) + 1;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return {
    start: position(before, start),
    end: position(before, before.length - end),
    text: after.slice(start, after.length - end),
  };
}

function position(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** The writes of a plan split into files to create and files to edit. */
export function splitWrites(plan: ImportPlan): { create: FileWrite[]; edit: (FileWrite & { replacement: TextReplacement })[] } {
  const create: FileWrite[] = [];
  const edit: (FileWrite & { replacement: TextReplacement })[] = [];
  for (const w of plan.writes) {
    if (w.before === undefined) create.push(w);
    else {
      const replacement = minimalReplacement(w.before, w.after);
      if (replacement) edit.push({ ...w, replacement });
    }
  }
  return { create, edit };
}
