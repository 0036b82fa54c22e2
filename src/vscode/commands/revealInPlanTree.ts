import * as vscode from 'vscode';
import type { Hub } from '../model/hub';
import { documentContext } from '../language/context';
import { nodeAt } from '../language/locate';
import { PLAN_KINDS } from '../views/planView';
import { PLANS_REVEAL_COMMAND } from '../views/plans';
import { readyFolders, type Command } from './command';

/** Selects the plan, objective, KPI or initiative under the cursor in the Plans view. */
export class RevealInPlanTreeCommand implements Command {
  readonly id = 'opsbook.revealInPlanTree';

  constructor(private readonly hub: Hub) {}

  async execute(folderArg?: unknown, idArg?: unknown): Promise<void> {
    if (!readyFolders(this.hub)) return;
    let target: { folder: string; id: string } | undefined;
    if (typeof idArg === 'string' && idArg) target = { folder: folderArg instanceof vscode.Uri ? folderArg.toString() : String(folderArg ?? ''), id: idArg };
    else target = this.fromEditor();
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Place the cursor in a plan, objective, KPI or initiative to reveal it in the plan tree.'));
      return;
    }
    const known = await vscode.commands.getCommands(true);
    if (!known.includes(PLANS_REVEAL_COMMAND)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The Opsbook Plans view is not available.'));
      return;
    }
    await vscode.commands.executeCommand(PLANS_REVEAL_COMMAND, target.folder, target.id);
  }

  /** The innermost plan-tree entity around the cursor (a project's `plan:` initiative counts too). */
  private fromEditor(): { folder: string; id: string } | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const ctx = documentContext(this.hub, editor.document);
    if (!ctx) return undefined;
    const offset = ctx.offsetAt(editor.selection.active);
    const hit = offset === undefined ? undefined : nodeAt(ctx.yamlText, offset);
    const path = hit?.path ?? [];
    let best: { id: string; depth: number } | undefined;
    for (const e of ctx.ws.entitiesIn(ctx.rel)) {
      if (!PLAN_KINDS.includes(e.kind) || e.path.length > path.length || !e.path.every((s, i) => s === path[i])) continue;
      if (!best || e.path.length >= best.depth) best = { id: e.id, depth: e.path.length };
    }
    if (best) return { folder: ctx.folder.folder.uri.toString(), id: best.id };
    const linked = ctx.ws
      .entitiesIn(ctx.rel)
      .map((e) => e.data['plan'])
      .find((v): v is string => typeof v === 'string');
    return linked ? { folder: ctx.folder.folder.uri.toString(), id: linked } : undefined;
  }
}
