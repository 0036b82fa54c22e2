import * as vscode from 'vscode';
import { defaultPathFor, fillTemplate, formatOf, isValidId, joinRelative, proposeNextId, templateVars } from '../../core';
import type { OpsbookFolder } from '../model/folder';
import type { Hub } from '../model/hub';
import { pickFolder, readyFolders, type Command } from './command';

/** Asks for a kind, an id and a title, then creates the document from the kind's template (never overwriting). */
export class NewDocumentCommand implements Command {
  readonly id = 'opsbook.newDocument';

  constructor(private readonly hub: Hub) {}

  async execute(kindArg?: unknown): Promise<void> {
    const folders = readyFolders(this.hub);
    if (!folders) return;
    const folder = await pickFolder(this.hub, folders);
    if (!folder) return;
    if (folder.configProblems.length > 0) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Fix the problems in {0} first: the templates come from the configuration.', folder.settings.configPath),
      );
      return;
    }
    const ws = folder.workspace;
    const templates = ws.config.templates;
    if (templates.size === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No kind in this workspace has a template (see `templates:` in packs).'));
      return;
    }
    const kind =
      typeof kindArg === 'string' && templates.has(kindArg)
        ? kindArg
        : (
            await vscode.window.showQuickPick(
              [...templates.keys()].sort().map((k) => ({ label: k, description: ws.config.kinds.get(k)?.files.join(', ') ?? '' })),
              { placeHolder: vscode.l10n.t('Kind of the new document'), title: vscode.l10n.t('Opsbook: New Document') },
            )
          )?.label;
    if (!kind) return;
    const template = templates.get(kind);
    if (!template) return;
    // The next free id after the ones in use, selected so that typing replaces it.
    const next = proposeNextId(ws.idsInUse(kind), { idPattern: ws.config.kinds.get(kind)?.idPattern });
    const proposal = next !== undefined && isValidId(next) ? next : '';
    const id = await vscode.window.showInputBox({
      title: vscode.l10n.t('New {0}: id', kind),
      prompt: vscode.l10n.t('Unique id, without spaces (for example E008, P-0010 or 门店-003)'),
      value: proposal,
      valueSelection: [0, proposal.length],
      validateInput: (v) => this.validateId(folder, kind, template.path, v.trim()),
    });
    if (!id) return;
    const title = await vscode.window.showInputBox({
      title: vscode.l10n.t('New {0} {1}: title', kind, id.trim()),
      prompt: vscode.l10n.t('Title (optional)'),
      value: '',
    });
    if (title === undefined) return;
    await this.create(folder, kind, id.trim(), title.trim() || id.trim());
  }

  private async validateId(folder: OpsbookFolder, kind: string, templatePath: string, id: string): Promise<string | undefined> {
    if (!isValidId(id)) return vscode.l10n.t('"{0}" is not a valid id: start with a letter or digit, without spaces, commas, brackets, "#" or ":".', id);
    const existing = folder.workspace.byIdAnyKind(id).find((e) => e.kind === kind);
    if (existing) return vscode.l10n.t('{0} {1} already exists in {2}.', kind, id, existing.file);
    const rel = defaultPathFor(folder.workspace.config, kind, id, templatePath);
    if (rel && (await folder.fs.size(rel)) !== undefined) return vscode.l10n.t('{0} already exists.', rel);
    return undefined;
  }

  private async create(folder: OpsbookFolder, kind: string, id: string, title: string): Promise<void> {
    const ws = folder.workspace;
    const template = ws.config.templates.get(kind);
    if (!template) return;
    const text = await template.source.read(template.path);
    if (text === undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The template {0} of kind "{1}" is missing.', template.path, kind));
      return;
    }
    let rel = defaultPathFor(ws.config, kind, id, template.path);
    if (!rel) {
      // Single-file kinds (org/people.yaml) keep entries in one file: ask where the new file goes.
      const ext = template.path.endsWith('.md') ? 'md' : 'yaml';
      rel = (
        await vscode.window.showInputBox({
          title: vscode.l10n.t('{0} entries live in {1}: file for {2}', kind, ws.config.kinds.get(kind)?.files.join(', ') ?? '', id),
          value: `${id.toLowerCase()}.${ext}`,
          validateInput: (v) =>
            joinRelative('', v.trim()) && formatOf(v.trim()) ? undefined : vscode.l10n.t('A path inside the folder ending in .md, .yaml or .yml'),
        })
      )?.trim();
      if (!rel) return;
    }
    const clean = joinRelative('', rel);
    if (!clean) return;
    const uri = folder.uriOf(clean);
    const filled = fillTemplate(text, templateVars(ws, id, title));
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(
      uri,
      { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(filled) },
      { label: vscode.l10n.t('New {0} {1}', kind, id), needsConfirmation: false },
    );
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}: it may already exist.', clean));
      return;
    }
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  }
}
