import * as vscode from 'vscode';
import type { PackSource } from '../core';
import type { FolderModel } from './api';
import { CheckWorkspaceCommand } from './commands/checkWorkspace';
import { registerCommands } from './commands/command';
import { NewDocumentCommand } from './commands/newDocument';
import { CreateMissingRecordCommand } from './commands/createMissing';
import { AddRecordCommand } from './commands/addRecord';
import { RevealInPlanTreeCommand } from './commands/revealInPlanTree';
import { ExportSpreadsheetCommand, ImportSpreadsheetCommand } from './commands/spreadsheet';
import { DiagnosticsPublisher } from './diagnostics/publisher';
import { registerStatusBar } from './diagnostics/statusBar';
import { features } from './features';
import { UriPackSource } from './host/workspaceFs';
import { registerCodeActions } from './language/codeActions';
import { registerCompletion } from './language/completion';
import { registerDefinition } from './language/definition';
import { registerHover } from './language/hover';
import { registerReferences } from './language/references';
import { registerRename } from './language/rename';
import { registerDocumentSymbols, registerWorkspaceSymbols } from './language/symbols';
import { registerFileSync } from './model/fileSync';
import { shareL10nBundle } from './localization';
import { describe, Hub } from './model/hub';

/** What `activate` returns to other extensions (`vscode.extensions.getExtension('opsbook.opsbook').exports`). */
export interface OpsbookApi {
  /**
   * Adds a pack that workspaces can list by name in `packs:` of opsbook.yaml (SPEC §3.2).
   * Every folder's engine is rebuilt; disposing removes the pack and rebuilds again.
   */
  registerPack(name: string, source: PackSource): vscode.Disposable;
  /** The loaded folder models (one per Opsbook workspace folder). */
  models(): readonly FolderModel[];
  /** Resolves when every folder has finished its first load. */
  ready: Promise<void>;
}

export function activate(context: vscode.ExtensionContext): OpsbookApi {
  shareL10nBundle();
  const log = vscode.window.createOutputChannel('Opsbook', { log: true });
  const packs = new Map<string, PackSource>([['ops', new UriPackSource('ops', vscode.Uri.joinPath(context.extensionUri, 'schemas'))]]);
  const publisher = new DiagnosticsPublisher();
  // The warm-start cache lives in the extension's global storage, never in the repository.
  const cacheDir = vscode.Uri.joinPath(context.globalStorageUri, 'workspaces').fsPath;
  const hub = new Hub(packs, publisher, { info: (m) => log.info(m), error: (m) => log.error(m) }, cacheDir);
  context.subscriptions.push(log, publisher, hub);

  // The log stays in English (it is read with the project's maintainers); the message is the user's language.
  const failed = (what: string, message: string, err: unknown): void => {
    log.error(`${what}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    const showLog = vscode.l10n.t('Show Log');
    void vscode.window.showErrorMessage(message, showLog).then((c) => c === showLog && log.show());
  };

  try {
    registerFileSync(context, hub);
    registerStatusBar(context, hub, publisher);
    registerCompletion(context, hub);
    registerHover(context, hub);
    registerDefinition(context, hub);
    registerReferences(context, hub);
    registerRename(context, hub);
    registerCodeActions(context, hub, publisher);
    registerDocumentSymbols(context, hub);
    registerWorkspaceSymbols(context, hub);
    registerCommands(context, [
      new CheckWorkspaceCommand(hub, publisher),
      new NewDocumentCommand(hub),
      new CreateMissingRecordCommand(hub),
      new AddRecordCommand(hub),
      new RevealInPlanTreeCommand(hub),
      new ExportSpreadsheetCommand(hub),
      new ImportSpreadsheetCommand(hub),
      { id: 'opsbook.showOutput', execute: () => log.show() },
    ]);
    const updateContext = (): void => {
      void vscode.commands.executeCommand(
        'setContext',
        'opsbook.active',
        hub.allFolders().some((f) => f.state !== 'inactive'),
      );
      void vscode.commands.executeCommand('setContext', 'opsbook.loading', hub.loading);
    };
    context.subscriptions.push(hub.onDidChangeState(updateContext));
  } catch (err) {
    failed('activation', vscode.l10n.t('Opsbook could not start: {0}', describe(err)), err);
  }
  for (const f of features) {
    try {
      f.activate(context, hub);
    } catch (err) {
      failed(`the ${f.name} feature`, vscode.l10n.t('Opsbook: a part of the extension ({0}) could not start: {1}', f.name, describe(err)), err);
    }
  }
  hub.start();
  void hub.ready.then(() => log.info('ready'));

  return {
    registerPack: (name, source) => {
      const d = hub.registerPack(name, source);
      context.subscriptions.push(d);
      return d;
    },
    models: () => hub.models(),
    ready: hub.ready,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
