import * as vscode from 'vscode';
import { childKinds, editFileText, isValidId, planChildRecord, proposeNextId, topOf, type Entity } from '../../core';
import { EDIT_AS_FORM_COMMAND } from '../form/commandIds';
import type { OpsbookFolder } from '../model/folder';
import type { Hub } from '../model/hub';
import type { Command } from './command';

export const ADD_RECORD_COMMAND = 'opsbook.addRecord';

/**
 * *Add…* on a row of the Plans view: an objective under a plan, a KPI or an initiative under an
 * objective, and under a KPI a contributing KPI in one of the plans below (its unit, direction
 * and link filled in, its target what the other contributors leave). The id is proposed in the
 * kind's style; the record is appended through the write layer (one undo step) and opens in its
 * form.
 */
export class AddRecordCommand implements Command {
  readonly id = ADD_RECORD_COMMAND;

  constructor(private readonly hub: Hub) {}

  async execute(arg?: unknown): Promise<void> {
    const node = (arg as { entity?: { folder?: unknown; kind?: unknown; id?: unknown } } | undefined)?.entity;
    if (!node || typeof node.folder !== 'string' || typeof node.kind !== 'string' || typeof node.id !== 'string') return;
    const folder = this.hub.folderFor(vscode.Uri.parse(node.folder, true));
    const parent = folder?.workspace.get(node.kind, node.id);
    if (!folder || !parent) return;
    const ws = folder.workspace;
    let under: Entity = parent;
    let kind: string | undefined;
    let contributesTo: Entity | undefined;
    if (parent.kind === 'kpi') {
      // A contributing KPI goes into an objective of a plan below this KPI's plan (else of any other plan).
      const plan = topOf(parent);
      const objectives = ws.entities('objective').filter((o) => topOf(o) !== plan);
      const below = objectives.filter((o) => topOf(o).data['parent'] === plan.id);
      const pick = await vscode.window.showQuickPick(
        (below.length > 0 ? below : objectives).map((o) => ({ label: o.title, description: `${topOf(o).title} · ${o.id}`, objective: o })),
        { placeHolder: vscode.l10n.t('Objective of the KPI contributing to "{0}"', parent.title) },
      );
      if (!pick) return;
      under = pick.objective;
      kind = 'kpi';
      contributesTo = parent;
    } else {
      const kinds = childKinds(ws, parent);
      kind = kinds.length === 1 ? kinds[0] : await vscode.window.showQuickPick(kinds, { placeHolder: vscode.l10n.t('Add what under "{0}"?', parent.title) });
    }
    if (!kind) return;
    const proposal = proposeNextId(ws.idsInUse(kind), { idPattern: ws.kindConfig(kind)?.idPattern }) ?? '';
    const id = (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('New {0} under "{1}": id', kind, under.title),
        value: proposal,
        valueSelection: [0, proposal.length],
        validateInput: (v) =>
          !isValidId(v.trim())
            ? vscode.l10n.t('"{0}" is not a valid id: start with a letter or digit, without spaces, commas, brackets, "#" or ":".', v.trim())
            : ws.idsInUse(kind!).includes(v.trim())
              ? vscode.l10n.t('{0} {1} already exists.', kind!, v.trim())
              : undefined,
      })
    )?.trim();
    if (!id) return;
    const title = await vscode.window.showInputBox({ title: vscode.l10n.t('New {0} {1}: title', kind, id), value: contributesTo ? contributesTo.title : '' });
    if (title === undefined) return;
    await this.apply(folder, under, kind, id, title.trim() || id, contributesTo);
  }

  private async apply(folder: OpsbookFolder, under: Entity, kind: string, id: string, title: string, contributesTo: Entity | undefined): Promise<void> {
    const plan = planChildRecord(folder.workspace, under, kind, id, title, contributesTo);
    const fail = (message: string) => void vscode.window.showWarningMessage(vscode.l10n.t('Opsbook: cannot create {0} "{1}": {2}', kind, id, message));
    if (plan.type === 'refused') return fail(plan.message);
    const uri = folder.uriOf(plan.file);
    const doc = await vscode.workspace.openTextDocument(uri);
    const result = editFileText(plan.format, doc.getText(), plan.doc, plan.op);
    if (!result.ok) return fail(result.message);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(result.edit.start), doc.positionAt(result.edit.end)), result.edit.newText);
    if (!(await vscode.workspace.applyEdit(edit))) return fail(vscode.l10n.t('the editor did not accept the change'));
    await vscode.window.showTextDocument(doc, { preview: false });
    if (await waitForRecord(this.hub, uri, kind, id)) await vscode.commands.executeCommand(EDIT_AS_FORM_COMMAND, uri.toString(), kind, id);
  }
}

/** Resolves true once the folder's model holds the record (it follows the editor after a short debounce). */
export function waitForRecord(hub: Hub, fileUri: vscode.Uri, kind: string, id: string, timeoutMs = 30_000): Promise<boolean> {
  const has = (): boolean => hub.folderFor(fileUri)?.workspace.get(kind, id) !== undefined;
  if (has()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      sub.dispose();
      resolve(ok);
    };
    const sub = hub.onDidChange(() => {
      if (has()) done(true);
    });
    const timer = setTimeout(() => done(has()), timeoutMs);
  });
}
