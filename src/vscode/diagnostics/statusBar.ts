import * as vscode from 'vscode';
import type { Hub } from '../model/hub';
import type { DiagnosticsPublisher } from './publisher';

/**
 * `$(error) N $(warning) M` for the Opsbook folders, opening the Problems panel; a second item
 * warns about configuration problems and opens the configuration file.
 */
export function registerStatusBar(context: vscode.ExtensionContext, hub: Hub, publisher: DiagnosticsPublisher): void {
  const counts = vscode.window.createStatusBarItem('opsbook.problems', vscode.StatusBarAlignment.Left, 50);
  counts.name = vscode.l10n.t('Opsbook Problems');
  counts.command = 'workbench.actions.view.problems';
  const config = vscode.window.createStatusBarItem('opsbook.config', vscode.StatusBarAlignment.Left, 49);
  config.name = vscode.l10n.t('Opsbook Configuration');
  config.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');

  const update = (): void => {
    const folders = hub.allFolders().filter((f) => f.state !== 'inactive');
    if (folders.length === 0) {
      counts.hide();
      config.hide();
      return;
    }
    const t = publisher.totals();
    counts.text = `${hub.loading ? '$(sync~spin) ' : ''}$(error) ${t.errors} $(warning) ${t.warnings}`;
    counts.tooltip = hub.loading
      ? vscode.l10n.t('Opsbook: {0} errors, {1} warnings, {2} infos (loading…). Click to open the Problems panel.', t.errors, t.warnings, t.infos)
      : vscode.l10n.t('Opsbook: {0} errors, {1} warnings, {2} infos. Click to open the Problems panel.', t.errors, t.warnings, t.infos);
    counts.accessibilityInformation = { label: vscode.l10n.t('Opsbook: {0} errors, {1} warnings', t.errors, t.warnings) };
    counts.show();

    const broken = folders.filter((f) => f.configProblems.length > 0 || f.state === 'failed');
    if (broken.length === 0) {
      config.hide();
      return;
    }
    const first = broken[0];
    config.text = `$(warning) ${vscode.l10n.t('Opsbook configuration')}`;
    config.tooltip = broken
      .map((f) =>
        f.state === 'failed'
          ? vscode.l10n.t('{0}: could not be loaded (see the Opsbook output)', f.folder.name)
          : vscode.l10n.t('{0}: {1} problem(s) in {2}; files are not checked until it is fixed', f.folder.name, f.configProblems.length, f.settings.configPath),
      )
      .join('\n');
    config.command =
      first && first.state !== 'failed'
        ? { title: vscode.l10n.t('Open configuration'), command: 'vscode.open', arguments: [first.uriOf(first.settings.configPath)] }
        : 'opsbook.showOutput';
    config.show();
  };

  context.subscriptions.push(counts, config, publisher.onDidChangeCounts(update), hub.onDidChangeState(update));
  update();
}
