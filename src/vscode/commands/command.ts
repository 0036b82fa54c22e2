import * as vscode from 'vscode';
import type { OpsbookFolder } from '../model/folder';
import type { Hub } from '../model/hub';

/** A command of the extension: an id and what it does. */
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

export function registerCommands(context: vscode.ExtensionContext, commands: readonly Command[]): void {
  for (const c of commands) context.subscriptions.push(vscode.commands.registerCommand(c.id, (...args: unknown[]) => c.execute(...args)));
}

/**
 * The loaded Opsbook folders, or undefined after telling the user why there are none yet
 * (still loading, or no Opsbook folder in the workspace).
 */
export function readyFolders(hub: Hub): OpsbookFolder[] | undefined {
  const active = hub.allFolders().filter((f) => f.state !== 'inactive');
  // Before the first load finishes there is nothing to work on; later reloads are waited for.
  if (!hub.isReady) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Opsbook is still loading the workspace; try again in a moment.'));
    return undefined;
  }
  if (active.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('No Opsbook folder is open: open a folder with opsbook.yaml (or plans/, standards/, partners/ … folders).'),
    );
    return undefined;
  }
  return active.filter((f) => f.loaded);
}

/** One folder: the only one, the active editor's, or the user's pick. */
export async function pickFolder(hub: Hub, folders: OpsbookFolder[]): Promise<OpsbookFolder | undefined> {
  if (folders.length === 1) return folders[0];
  const editor = vscode.window.activeTextEditor;
  const byEditor = editor && hub.folderFor(editor.document.uri);
  const pick = await vscode.window.showQuickPick(
    folders.map((f) => ({ label: f.folder.name, description: f === byEditor ? vscode.l10n.t('current editor') : '', folder: f })),
    { placeHolder: vscode.l10n.t('Opsbook folder') },
  );
  return pick?.folder;
}
