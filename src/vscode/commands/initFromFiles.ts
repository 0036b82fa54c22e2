import * as vscode from 'vscode';
import { inferConfiguration, renderConfig, renderSummary } from '../../core/infer';
import { systemToday } from '../../node/host';
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

  constructor(private readonly packs: ReadonlyMap<string, UriPackSource>, private readonly log: vscode.OutputChannel) {}

  async execute(target?: vscode.WorkspaceFolder | vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = await this.pick(target);
    if (!folder) return undefined;
    const configPath = folderSettings(folder).configPath;
    const uri = vscode.Uri.joinPath(folder.uri, ...configPath.split('/'));
    if (await exists(uri)) {
      void vscode.window.showInformationMessage(`Opsbook: ${folder.name} already has ${configPath}; nothing was written.`);
      return undefined;
    }
    const inference = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Opsbook: reading ${folder.name}…` },
      () => inferConfiguration({ fs: new VscodeWorkspaceFs(folder.uri), builtinPacks: this.packs, clock: systemToday, configPath }),
    );
    if (inference.problems.length > 0) {
      void vscode.window.showErrorMessage(`Opsbook: the built-in packs have problems: ${inference.problems.map((p) => p.message).join('; ')}`);
      return undefined;
    }
    // Created through a workspace edit that refuses to overwrite: a file written meanwhile wins.
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(renderConfig(inference)) });
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(`Opsbook: could not create ${configPath} in ${folder.name} (it may have been created meanwhile); nothing was overwritten.`);
      return undefined;
    }
    this.log.appendLine(renderSummary(inference, `${folder.name}/${configPath}`));
    await vscode.window.showTextDocument(uri, { preview: false });
    const n = inference.suspects.length;
    void vscode.window
      .showInformationMessage(
        `Opsbook: created ${configPath} from ${inference.records} records.${n > 0 ? ` ${n} likely mistake${n === 1 ? ' was' : 's were'} left as findings.` : ''}`,
        'Show Summary',
      )
      .then((c) => c && this.log.show());
    return uri;
  }

  private async pick(target?: vscode.WorkspaceFolder | vscode.Uri): Promise<vscode.WorkspaceFolder | undefined> {
    if (target instanceof vscode.Uri) return vscode.workspace.getWorkspaceFolder(target);
    if (target) return target;
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      void vscode.window.showInformationMessage('Opsbook: open a folder first.');
      return undefined;
    }
    if (folders.length === 1) return folders[0];
    const pick = await vscode.window.showQuickPick(folders.map((f) => ({ label: f.name, folder: f })), { placeHolder: 'Folder to initialize' });
    return pick?.folder;
  }
}

/** Folders offered the command in this session: once per folder. */
const offered = new Set<string>();

/**
 * Offers the command, once per folder per session, for every loaded folder that has records but
 * no `opsbook.yaml` (the ops pack's folders made it an Opsbook folder without configuration).
 */
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
        `Opsbook: ${folder.name} has records but no ${configPath}. Infer one from the existing files (the company's kinds, fields and vocabularies)?`,
        'Initialize from Existing Files',
      )
      .then((choice) => (choice ? command.execute(folder) : undefined));
  }
}

export const activateInitFromFiles: Feature = (context, hub) => {
  const packs = new Map([['ops', new UriPackSource('ops', vscode.Uri.joinPath(context.extensionUri, 'schemas'))]]);
  const log = vscode.window.createOutputChannel('Opsbook: Initialize');
  const command = new InitFromFilesCommand(packs, log);
  context.subscriptions.push(log, vscode.commands.registerCommand(command.id, (target?: vscode.WorkspaceFolder | vscode.Uri) => command.execute(target)));
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
