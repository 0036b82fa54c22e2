import * as vscode from 'vscode';
import { inferConfiguration, renderConfig, renderSummary } from '../../core';
import { engineInputs } from '../../node/engineInputs';
import type { Feature, ModelHub } from '../api';
import { UriPackSource, VscodeWorkspaceFs } from '../host/workspaceFs';
import { folderSettings } from '../settings';

export const INIT_FROM_FILES = 'opsbook.initFromFiles';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * *Opsbook: Initialize from Existing Files*: infers `opsbook.yaml` from the records already in a
 * folder (the same file `opsbook init --infer` writes), creates it (never over an existing one)
 * and opens it; the model hub reloads the folder when the file appears.
 */
export class InitFromFilesCommand {
  readonly id = INIT_FROM_FILES;

  constructor(
    private readonly packs: ReadonlyMap<string, UriPackSource>,
    private readonly log: vscode.OutputChannel,
  ) {}

  async execute(target?: vscode.WorkspaceFolder | vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = await this.pick(target);
    if (!folder) return undefined;
    const configPath = folderSettings(folder).configPath;
    const uri = vscode.Uri.joinPath(folder.uri, ...configPath.split('/'));
    if (await exists(uri)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Opsbook: {0} already has {1}; nothing was written.', folder.name, configPath));
      return undefined;
    }
    const inference = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Opsbook: reading {0}…', folder.name) },
      () => inferConfiguration(engineInputs({ fs: new VscodeWorkspaceFs(folder.uri), builtinPacks: this.packs, configPath, parallel: false })),
    );
    if (inference.problems.length > 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Opsbook: the built-in packs have problems: {0}', inference.problems.map((p) => p.message).join('; ')));
      return undefined;
    }
    // Created through a workspace edit that refuses to overwrite: a file written meanwhile wins.
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(renderConfig(inference)) });
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Opsbook: could not create {0} in {1} (it may have been created meanwhile); nothing was overwritten.', configPath, folder.name),
      );
      return undefined;
    }
    this.log.appendLine(renderSummary(inference, `${folder.name}/${configPath}`));
    await vscode.window.showTextDocument(uri, { preview: false });
    const n = inference.suspects.filter((s) => s.kind !== 'check').length;
    void vscode.window
      .showInformationMessage(
        n === 0
          ? vscode.l10n.t('Opsbook: created {0} from {1} records.', configPath, inference.records)
          : n === 1
            ? vscode.l10n.t('Opsbook: created {0} from {1} records. 1 likely mistake was left as a finding.', configPath, inference.records)
            : vscode.l10n.t('Opsbook: created {0} from {1} records. {2} likely mistakes were left as findings.', configPath, inference.records, n),
        vscode.l10n.t('Show Summary'),
      )
      .then((c) => c && this.log.show());
    return uri;
  }

  private async pick(target?: vscode.WorkspaceFolder | vscode.Uri): Promise<vscode.WorkspaceFolder | undefined> {
    if (target instanceof vscode.Uri) return vscode.workspace.getWorkspaceFolder(target);
    if (target) return target;
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Opsbook: open a folder first.'));
      return undefined;
    }
    if (folders.length === 1) return folders[0];
    const pick = await vscode.window.showQuickPick(
      folders.map((f) => ({ label: f.name, folder: f })),
      { placeHolder: vscode.l10n.t('Folder to initialize') },
    );
    return pick?.folder;
  }
}

/** Folders offered the command in this session: once per folder. */
const offered = new Set<string>();

/**
 * Offers the command, once per folder per session, for every loaded folder that has records but
 * no `opsbook.yaml` (the ops pack's folders made it an Opsbook folder without configuration).
 */
/** The notification's button, titled like the command. */
const INIT_ACTION = (): string => vscode.l10n.t('Initialize from Existing Files');

async function offer(hub: ModelHub, command: InitFromFilesCommand): Promise<void> {
  for (const model of hub.models()) {
    const folder = model.folder;
    const key = folder.uri.toString();
    if (offered.has(key) || model.workspace.entityCount === 0) continue;
    const configPath = folderSettings(folder).configPath;
    if (await exists(vscode.Uri.joinPath(folder.uri, ...configPath.split('/')))) continue;
    offered.add(key);
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t(
          "Opsbook: {0} has records but no {1}. Infer one from the existing files (the company's kinds, fields and vocabularies)?",
          folder.name,
          configPath,
        ),
        INIT_ACTION(),
      )
      .then((choice) => (choice ? command.execute(folder) : undefined));
  }
}

export const activateInitFromFiles: Feature = (context, hub) => {
  const packs = new Map([['ops', new UriPackSource('ops', vscode.Uri.joinPath(context.extensionUri, 'schemas'))]]);
  const log = vscode.window.createOutputChannel('Opsbook: Initialize');
  const command = new InitFromFilesCommand(packs, log);
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand(command.id, (target?: vscode.WorkspaceFolder | vscode.Uri) => command.execute(target)),
  );
  // Folders loaded later (added to the workspace, or made Opsbook folders by a new file) too.
  let running = false;
  const check = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      await offer(hub, command);
    } finally {
      running = false;
    }
  };
  void hub.ready.then(check);
  context.subscriptions.push(hub.onDidChange(() => void check()));
};
