import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
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
