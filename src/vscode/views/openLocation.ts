import * as vscode from 'vscode';

/** Command id: `opsbook.openLocation(uri: string, line: number, column?: number)`, 1-based. Registered once, by the Plans view. */
export const OPEN_LOCATION_COMMAND = 'opsbook.openLocation';

/** Opens a file at a 1-based line and column. Arguments are checked: commands can be called with anything. */
export async function openLocation(uri: unknown, line?: unknown, column?: unknown): Promise<void> {
  if (typeof uri !== 'string' || uri === '') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Opsbook: no file to open.'));
    return;
  }
  const pos = new vscode.Position(oneBased(line) - 1, oneBased(column) - 1);
  try {
    await vscode.window.showTextDocument(vscode.Uri.parse(uri, true), { selection: new vscode.Range(pos, pos), preview: true });
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Opsbook: cannot open {0}: {1}', String(uri), err instanceof Error ? err.message : String(err)));
  }
}

function oneBased(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 1 ? Math.floor(v) : 1;
}

/** The click command of a tree row or search result. */
export function openLocationCommand(uri: vscode.Uri, line: number): vscode.Command {
  return { command: OPEN_LOCATION_COMMAND, title: vscode.l10n.t('Open'), arguments: [uri.toString(), line] };
}
