import * as vscode from 'vscode';
import type { Feature, ModelHub } from '../api';
import { createNodeView, type NodeTree } from './nodeTree';
import { OPEN_LOCATION_COMMAND, openLocation } from './openLocation';
import { buildPlansView, PLAN_KINDS, planEntityAt } from './planView';
import { findNode, type ViewNode } from './viewNode';

export const PLANS_VIEW_ID = 'opsbook.plans';
export const PLANS_REFRESH_COMMAND = 'opsbook.plans.refresh';
/** `opsbook.plans.reveal(folder?: string | Uri, entityId?: string)`; without an id, the entity at the cursor. */
export const PLANS_REVEAL_COMMAND = 'opsbook.plans.reveal';

/**
 * The Plans view (plan → objectives → KPIs and initiatives, sub-plans), its refresh and reveal
 * commands, and `opsbook.openLocation`, which every Opsbook view and the search use.
 */
export const activatePlansView: Feature = (context, hub) => {
  const { tree, view } = createNodeView(context, hub, PLANS_VIEW_ID, buildPlansView);
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_LOCATION_COMMAND, openLocation),
    vscode.commands.registerCommand(PLANS_REFRESH_COMMAND, () => tree.refresh(0)),
    vscode.commands.registerCommand(PLANS_REVEAL_COMMAND, (folderUri?: unknown, entityId?: unknown) => reveal(hub, tree, view, folderUri, entityId)),
  );
};

interface Target {
  folder?: string;
  id: string;
}

async function reveal(hub: ModelHub, tree: NodeTree, view: vscode.TreeView<ViewNode>, folderUri: unknown, entityId: unknown): Promise<void> {
  await hub.ready.catch(() => undefined);
  const target = typeof entityId === 'string' && entityId ? fromArgs(folderUri, entityId) : atCursor(hub);
  if (!target) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Opsbook: place the cursor on a plan, objective, KPI or initiative to reveal it in the Plans view.'),
    );
    return;
  }
  const node = findNode(
    tree.current(),
    (n) =>
      n.entity !== undefined &&
      PLAN_KINDS.includes(n.entity.kind) &&
      n.entity.id === target.id &&
      (target.folder === undefined || n.entity.folder === target.folder),
  );
  if (!node) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Opsbook: {0} is not in the Plans view.', target.id));
    return;
  }
  await view.reveal(node, { select: true, focus: true, expand: true });
}

function fromArgs(folder: unknown, id: string): Target {
  // Key the folder the way the views do (Uri.toString), whether the caller passed a Uri or a string.
  if (folder instanceof vscode.Uri) return { folder: folder.toString(), id };
  return typeof folder === 'string' && folder ? { folder: vscode.Uri.parse(folder).toString(), id } : { id };
}

function atCursor(hub: ModelHub): Target | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const model = hub.modelFor(editor.document.uri);
  const file = model?.relativePath(editor.document.uri);
  if (!model || !file) return undefined;
  const e = planEntityAt(model.workspace, file, editor.selection.active.line + 1);
  return e && { folder: model.folder.uri.toString(), id: e.id };
}
