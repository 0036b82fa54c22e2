import * as vscode from 'vscode';
import { editFileText, planMissingRecord } from '../../core';
import type { Hub } from '../model/hub';
import type { Command } from './command';
import { waitForRecord } from './addRecord';
import { EDIT_AS_FORM_COMMAND } from '../form/commandIds';

export const CREATE_MISSING_COMMAND = 'opsbook.createMissingRecord';

/**
 * *Create missing record* (the quick fix on `ref/missing`): creates the record a reference names,
 * from the kind's template, in the file the kind's records are kept in (or a new file for kinds
 * kept one per file), then opens it in the editor and in its form.
 * Arguments: the referring document's URI, the target kind, the id.
 */
export class CreateMissingRecordCommand implements Command {
  readonly id = CREATE_MISSING_COMMAND;

  constructor(private readonly hub: Hub) {}

  async execute(uriArg?: unknown, kindArg?: unknown, idArg?: unknown): Promise<void> {
    if (!(uriArg instanceof vscode.Uri) || typeof kindArg !== 'string' || typeof idArg !== 'string') return;
    const folder = this.hub.folderFor(uriArg);
    if (!folder) return;
    const ws = folder.workspace;
    const template = ws.config.templates.get(kindArg);
    const text = template ? await template.source.read(template.path) : undefined;
    const plan = planMissingRecord(ws, kindArg, idArg, text);
    if (plan.type === 'refused') {
      void vscode.window.showWarningMessage(vscode.l10n.t('Opsbook: cannot create {0} "{1}": {2}', kindArg, idArg, plan.message));
      return;
    }
    const uri = folder.uriOf(plan.file);
    const edit = new vscode.WorkspaceEdit();
    if (plan.type === 'create') {
      edit.createFile(
        uri,
        { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(plan.text) },
        { label: vscode.l10n.t('New {0} {1}', kindArg, idArg), needsConfirmation: false },
      );
    } else {
      const doc = await vscode.workspace.openTextDocument(uri);
      const result = editFileText(plan.format, doc.getText(), plan.doc, plan.op);
      if (!result.ok) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Opsbook: cannot create {0} "{1}": {2}', kindArg, idArg, result.message));
        return;
      }
      edit.replace(uri, new vscode.Range(doc.positionAt(result.edit.start), doc.positionAt(result.edit.end)), result.edit.newText);
    }
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}: it may already exist.', plan.file));
      return;
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    const at = doc.getText().lastIndexOf(idArg);
    const pos = doc.positionAt(Math.max(0, at));
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), preview: false });
    // Then its form, once the model has read the new record (it follows the editor after a short debounce).
    if (await waitForRecord(this.hub, uri, kindArg, idArg)) await vscode.commands.executeCommand(EDIT_AS_FORM_COMMAND, uri.toString(), kindArg, idArg);
  }
}
