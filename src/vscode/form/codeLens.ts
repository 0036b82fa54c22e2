import * as vscode from 'vscode';
import type { ModelHub } from '../api';
import { EDIT_AS_FORM_COMMAND } from './commandIds';

const MAX_LENSES = 1000;

/** *Edit as Form* above each record of an Opsbook YAML file or Markdown front matter. */
export class FormCodeLens implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly hub: ModelHub) {
    this.onDidChangeCodeLenses = (listener, thisArg, disposables) => hub.onDidChange(() => listener.call(thisArg, undefined), undefined, disposables);
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const model = this.hub.modelFor(document.uri);
    const rel = model?.relativePath(document.uri);
    if (!model || rel === undefined) return [];
    const records = model.workspace.entitiesIn(rel);
    // A list this long is edited as a table; thousands of lenses would keep the editor busy on every change.
    if (records.length > MAX_LENSES) return [];
    const lenses: vscode.CodeLens[] = [];
    const seen = new Set<number>();
    for (const e of records) {
      const line = model.workspace.entityRange(e).start.line - 1;
      if (line < 0 || line >= document.lineCount || seen.has(line)) continue;
      seen.add(line);
      lenses.push(
        new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
          command: EDIT_AS_FORM_COMMAND,
          title: vscode.l10n.t('Edit as Form'),
          tooltip: vscode.l10n.t('Edit {0} "{1}" in a form', e.kind, e.title || e.id),
          arguments: [model.folder.uri.toString(), e.kind, e.id],
        }),
      );
    }
    return lenses;
  }
}
