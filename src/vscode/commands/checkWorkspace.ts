import * as vscode from 'vscode';
import type { DiagnosticsPublisher } from '../diagnostics/publisher';
import type { Hub } from '../model/hub';
import { readyFolders, type Command } from './command';

/** Re-reads every file of every Opsbook folder from disk (open or not) and summarizes the findings. */
export class CheckWorkspaceCommand implements Command {
  readonly id = 'opsbook.checkWorkspace';

  constructor(
    private readonly hub: Hub,
    private readonly publisher: DiagnosticsPublisher,
  ) {}

  /** Resolves with the totals once the check is done (the summary message is not waited for). */
  async execute(): Promise<{ errors: number; warnings: number; infos: number; files: number } | undefined> {
    if (!readyFolders(this.hub)) return undefined;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Opsbook: checking the workspace…') }, () =>
      this.hub.rebuildAll(),
    );
    const folders = this.hub.allFolders().filter((f) => f.loaded);
    const t = this.publisher.totals();
    const files = folders.reduce((n, f) => n + f.workspace.fileCount, 0);
    const broken = folders.filter((f) => f.configProblems.length > 0);
    const counts = [
      t.errors === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', t.errors),
      t.warnings === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', t.warnings),
      t.infos,
      files === 1 ? vscode.l10n.t('1 file') : vscode.l10n.t('{0} files', files),
    ];
    const configs = broken.map((f) => `${f.folder.name}/${f.settings.configPath}`).join(', ');
    const summary = broken.length
      ? vscode.l10n.t('Opsbook: {0}, {1}, {2} info in {3} — configuration problems in {4}.', ...counts, configs)
      : vscode.l10n.t('Opsbook: {0}, {1}, {2} info in {3}.', ...counts);
    const show = vscode.l10n.t('Show Problems');
    const notify = t.errors > 0 || broken.length ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void (t.errors + t.warnings + t.infos > 0 || broken.length ? notify(summary, show) : notify(summary)).then((choice) => {
      if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return { ...t, files };
  }
}
