import * as vscode from 'vscode';
import { ENGINE_SETTINGS } from '../settings';
import type { Hub } from './hub';

/**
 * Feeds the hub: one file system watcher for every folder (creates, changes, deletes), edits
 * and closes of open documents, workspace folders coming and going, and engine settings.
 */
export function registerFileSync(context: vscode.ExtensionContext, hub: Hub): void {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate((uri) => void hub.onDiskEvent(uri, 'create')),
    watcher.onDidChange((uri) => void hub.onDiskEvent(uri, 'change')),
    watcher.onDidDelete((uri) => void hub.onDiskEvent(uri, 'delete')),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) hub.onTextChanged(e.document);
      // Saved or reverted: the editor matches the disk again.
      else if (!e.document.isDirty) hub.onBackToDisk(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => hub.onBackToDisk(doc)),
    vscode.workspace.onDidChangeWorkspaceFolders((e) => {
      for (const f of e.removed) hub.removeFolder(f);
      for (const f of e.added) void hub.addFolder(f);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      void hub.rebuildAll((f) => ENGINE_SETTINGS.some((s) => e.affectsConfiguration(s, f.folder.uri)));
    }),
  );
}
