import * as vscode from 'vscode';
import { exportSheet, planImport, SheetImportError, type ImportPlan, type OpsbookWorkspace } from '../../core';
import { readSheet, sheetFormatOf, sheetToCsv, sheetToXlsx, type SheetFormat } from '../../node/spreadsheet';
import type { OpsbookFolder } from '../model/folder';
import type { Hub } from '../model/hub';
import { previewLines, splitWrites, type PreviewLine } from '../sheets/preview';
import { pickFolder, readyFolders, type Command } from './command';

/** Kinds a sheet can be imported into: YAML registers with files of their own. */
function importableKinds(ws: OpsbookWorkspace): string[] {
  return [...ws.config.kinds.values()]
    .filter((k) => k.files.length > 0 && k.layout !== 'markdown' && k.layout !== 'none')
    .map((k) => k.name)
    .sort();
}

async function pickKind(ws: OpsbookWorkspace, kinds: string[], title: string): Promise<string | undefined> {
  const items = kinds.map((k) => ({ label: k, description: vscode.l10n.t('{0} records', ws.entities(k).length) }));
  return (await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Kind of records') }))?.label;
}

/** The folder to export from or import into: the one holding `near` (a sheet chosen in the Explorer), else the only one or the user's pick. */
async function folderForSheets(hub: Hub, near?: vscode.Uri): Promise<OpsbookFolder | undefined> {
  const folders = readyFolders(hub);
  if (!folders) return undefined;
  const holding = near && hub.folderFor(near);
  const folder = holding && folders.includes(holding) ? holding : await pickFolder(hub, folders);
  if (folder && folder.configProblems.length > 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Fix the problems in {0} first: the kinds come from the configuration.', folder.settings.configPath));
    return undefined;
  }
  return folder;
}

/** Opsbook: Export to Excel / CSV — asks the kind, the format and where to save. */
export class ExportSpreadsheetCommand implements Command {
  readonly id = 'opsbook.exportSpreadsheet';

  constructor(private readonly hub: Hub) {}

  async execute(): Promise<void> {
    const folder = await folderForSheets(this.hub);
    if (!folder) return;
    const ws = folder.workspace;
    const title = vscode.l10n.t('Opsbook: Export to Excel / CSV');
    const kind = await pickKind(ws, [...ws.config.kinds.keys()].filter((k) => ws.entities(k).length > 0).sort(), title);
    if (!kind) return;
    const format = (
      await vscode.window.showQuickPick(
        [
          { label: 'xlsx', description: vscode.l10n.t('Excel workbook: typed cells, frozen header') },
          { label: 'csv', description: vscode.l10n.t('CSV, UTF-8 with byte order mark (opens in Excel)') },
        ],
        { title, placeHolder: vscode.l10n.t('Format') },
      )
    )?.label as SheetFormat | undefined;
    if (!format) return;
    const target = await vscode.window.showSaveDialog({
      title,
      defaultUri: vscode.Uri.joinPath(folder.folder.uri, `${kind}.${format}`),
      filters: format === 'xlsx' ? { Excel: ['xlsx'] } : { CSV: ['csv'] },
    });
    if (!target) return;
    const sheet = exportSheet(ws, kind);
    const bytes = format === 'xlsx' ? await sheetToXlsx(sheet) : sheetToCsv(sheet);
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Exported {0} {1} records to {2}.', sheet.rows.length, kind, vscode.workspace.asRelativePath(target)),
    );
  }
}

/**
 * Opsbook: Import from Spreadsheet… — asks the kind and the file (unless the command comes from
 * a .csv or .xlsx file's context menu in the Explorer, which gives the file), previews the
 * structured changes (or the rejected rows) and writes only after Apply, as one undoable edit.
 */
export class ImportSpreadsheetCommand implements Command {
  readonly id = 'opsbook.importSpreadsheet';

  constructor(private readonly hub: Hub) {}

  async execute(target?: unknown): Promise<void> {
    const given = target instanceof vscode.Uri && sheetFormatOf(target.path) ? target : undefined;
    const folder = await folderForSheets(this.hub, given);
    if (!folder) return;
    const title = vscode.l10n.t('Opsbook: Import from Spreadsheet');
    const kind = await pickKind(folder.workspace, importableKinds(folder.workspace), title);
    if (!kind) return;
    const picked = given
      ? [given]
      : await vscode.window.showOpenDialog({
          title,
          defaultUri: folder.folder.uri,
          canSelectMany: false,
          filters: { [vscode.l10n.t('Spreadsheets')]: ['xlsx', 'csv'] },
        });
    const file = picked?.[0];
    if (!file) return;
    const format = sheetFormatOf(file.path);
    if (!format) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not a .csv or .xlsx file.', file.path));
      return;
    }
    let plan: ImportPlan;
    try {
      plan = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading {0}…', vscode.workspace.asRelativePath(file)) },
        async () => planImport(folder.workspace, kind, await readSheet(await vscode.workspace.fs.readFile(file), format)),
      );
    } catch (err) {
      const message =
        err instanceof SheetImportError ? err.message : vscode.l10n.t('{0} cannot be read: {1}', file.path, err instanceof Error ? err.message : String(err));
      void vscode.window.showErrorMessage(message);
      return;
    }
    const action = await showPreview(previewLines(plan), title);
    if (action !== 'apply') return;
    await applyPlan(folder, plan);
  }
}

async function showPreview(lines: PreviewLine[], title: string): Promise<'apply' | 'cancel' | undefined> {
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { action?: 'apply' | 'cancel' }>();
  qp.title = title;
  qp.placeholder = vscode.l10n.t('Review the changes, then choose Apply or Cancel');
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.items = lines.map((l) =>
    l.separator
      ? { label: l.label, kind: vscode.QuickPickItemKind.Separator }
      : {
          label: l.label,
          ...(l.description ? { description: l.description } : {}),
          ...(l.detail ? { detail: l.detail } : {}),
          ...(l.action ? { action: l.action } : {}),
        },
  );
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      const action = qp.selectedItems[0]?.action;
      if (!action) return;
      resolve(action);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

/** Writes the plan as one workspace edit (one undo step), after checking no file changed since the preview. */
async function applyPlan(folder: OpsbookFolder, plan: ImportPlan): Promise<void> {
  const { create, edit } = splitWrites(plan);
  const we = new vscode.WorkspaceEdit();
  for (const w of edit) {
    const uri = folder.uriOf(w.path);
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.getText() !== w.before) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} changed since the preview; nothing was written. Run the import again.', w.path));
      return;
    }
    const r = w.replacement;
    we.replace(uri, new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), r.text);
  }
  for (const w of create) {
    const uri = folder.uriOf(w.path);
    we.createFile(uri, { ignoreIfExists: false, contents: new TextEncoder().encode(w.after) });
  }
  if (!(await vscode.workspace.applyEdit(we))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The import could not be applied; nothing was written.'));
    return;
  }
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Imported {0} added, {1} modified into {2} (unsaved: review and save).',
      plan.added,
      plan.modified,
      plan.writes.map((w) => w.path).join(', '),
    ),
  );
}
