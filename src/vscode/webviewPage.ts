import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { FolderModel, ModelHub } from './api';
import type { DocumentHost } from './documentHost';
import { makeNonce, webviewHtml } from './dashboard/html';

/**
 * Sets a webview's page: the shared HTML shell with a fresh nonce, loading only
 * `root/<bundle>.js` and `root/<bundle>.css` (dist/webview). Used by the dashboard, the record
 * form and the register table.
 */
export function renderPage(webview: vscode.Webview, root: vscode.Uri, bundle: string, title: string, loading: string): void {
  webview.html = webviewHtml({
    title,
    cspSource: webview.cspSource,
    nonce: makeNonce((n) => randomBytes(n)),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, `${bundle}.js`)).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, `${bundle}.css`)).toString(),
    loading,
  });
}

/**
 * How a record form or a register table reads and edits a folder's files: the editor's
 * document (open, else undefined), one replacement as one undoable workspace edit, and the
 * folder's current model (it is replaced on a reload, so looked up each time).
 */
export function documentHost(model: FolderModel, hub: ModelHub): DocumentHost {
  const folderKey = model.folder.uri.toString();
  return {
    document: async (file) => {
      try {
        return await vscode.workspace.openTextDocument(model.uriOf(file));
      } catch {
        return undefined;
      }
    },
    apply: async (file, start, end, newText) => {
      const uri = model.uriOf(file);
      const doc = await vscode.workspace.openTextDocument(uri);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(doc.positionAt(start), doc.positionAt(end)), newText);
      return vscode.workspace.applyEdit(edit);
    },
    workspace: () => hub.models().find((m) => m.folder.uri.toString() === folderKey)?.workspace,
  };
}
