import * as vscode from 'vscode';
import { renderPage } from '../webviewPage';
import { assertNever, buildDashboard, type FromWebview, isFromWebview, isViewState, safeRelativePath, type ToWebview, type ViewState } from '../../core';
import type { Feature, FolderModel, ModelHub } from '../api';

export const DASHBOARD_VIEW_TYPE = 'opsbook.dashboard';
export const OPEN_DASHBOARD_COMMAND = 'opsbook.openDashboard';
const UPDATE_DEBOUNCE_MS = 300;

/**
 * `Opsbook: Open Dashboard`: one webview panel per workspace folder, updated live from the
 * model hub, restored after a window reload by the panel serializer.
 */
export const activateDashboard: Feature = (context, hub) => {
  const panels = new DashboardPanels(context.extensionUri, hub);
  context.subscriptions.push(
    panels,
    vscode.commands.registerCommand(OPEN_DASHBOARD_COMMAND, (arg?: unknown) => panels.open(arg instanceof vscode.Uri ? arg : undefined)),
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: unknown) => panels.restore(panel, state),
    }),
  );
};

class DashboardPanels implements vscode.Disposable {
  private readonly panels = new Map<string, DashboardPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly hub: ModelHub,
  ) {}

  async open(uri: vscode.Uri | undefined): Promise<void> {
    await this.hub.ready;
    const model = await this.pick(uri);
    if (!model) return;
    const key = model.folder.uri.toString();
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, titleOf(model, this.hub), vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [this.webviewRoot()],
    });
    this.track(new DashboardPanel(panel, key, this.hub, this.webviewRoot(), { tab: 'kpi', filters: {}, source: key }));
  }

  /** After a reload: the webview's saved state names its folder (`source`). */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    await this.hub.ready;
    const saved: ViewState | undefined = isViewState(state) ? state : undefined;
    const models = this.hub.models();
    const model = models.find((m) => m.folder.uri.toString() === saved?.source) ?? models[0];
    if (!model) {
      panel.dispose();
      return;
    }
    const key = model.folder.uri.toString();
    if (this.panels.has(key)) {
      panel.dispose();
      this.panels.get(key)?.reveal();
      return;
    }
    panel.title = titleOf(model, this.hub);
    panel.webview.options = { enableScripts: true, localResourceRoots: [this.webviewRoot()] };
    this.track(new DashboardPanel(panel, key, this.hub, this.webviewRoot(), { ...(saved ?? { tab: 'kpi', filters: {} }), source: key }));
  }

  private track(p: DashboardPanel): void {
    this.panels.set(p.key, p);
    p.onDidDispose(() => this.panels.delete(p.key));
  }

  private webviewRoot(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
  }

  /** The folder: the URI's, the only one, the active editor's, or the user's pick. */
  private async pick(uri: vscode.Uri | undefined): Promise<FolderModel | undefined> {
    const models = this.hub.models();
    if (models.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Opsbook: no Opsbook folder is open, so there is no dashboard to show.'));
      return undefined;
    }
    const byUri = uri && this.hub.modelFor(uri);
    if (byUri) return byUri;
    if (models.length === 1) return models[0];
    const editor = vscode.window.activeTextEditor;
    const byEditor = editor && this.hub.modelFor(editor.document.uri);
    if (byEditor) return byEditor;
    const choice = await vscode.window.showQuickPick(
      models.map((m) => ({ label: m.folder.name, description: m.folder.uri.fsPath, model: m })),
      { placeHolder: vscode.l10n.t('Dashboard of which folder?') },
    );
    return choice?.model;
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
  }
}

function titleOf(model: FolderModel, hub: ModelHub): string {
  return hub.models().length > 1 ? vscode.l10n.t('Opsbook Dashboard — {0}', model.folder.name) : vscode.l10n.t('Opsbook Dashboard');
}

/** One panel: renders the HTML shell, answers the webview's messages, pushes updates. */
class DashboardPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeListeners: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private webviewReady = false;
  private disposed = false;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    readonly key: string,
    private readonly hub: ModelHub,
    private readonly root: vscode.Uri,
    private state: ViewState,
  ) {
    this.render();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        // Hidden webviews are torn down (no retainContextWhenHidden); they send `ready` again when shown.
        if (!panel.visible) this.webviewReady = false;
      }),
      hub.onDidChange((m) => {
        if (m.folder.uri.toString() === key) this.schedule();
      }),
    );
  }

  reveal(): void {
    this.panel.reveal();
  }

  onDidDispose(listener: () => void): void {
    this.disposeListeners.push(listener);
  }

  /** A fresh nonce per render; the page loads only dist/webview/dashboard.{js,css}. */
  private render(): void {
    const webview = this.panel.webview;
    this.webviewReady = false;
    renderPage(webview, this.root, 'dashboard', 'Opsbook Dashboard', vscode.l10n.t('Loading the dashboard…'));
  }

  private model(): FolderModel | undefined {
    return this.hub.models().find((m) => m.folder.uri.toString() === this.key);
  }

  private onMessage(raw: unknown): void {
    if (!isFromWebview(raw)) return;
    const msg: FromWebview = raw;
    switch (msg.type) {
      case 'ready':
        this.webviewReady = true;
        // The webview's own strings, in the display language (absent for English).
        void this.panel.webview.postMessage({ type: 'init', ...(vscode.l10n.bundle ? { l10n: vscode.l10n.bundle } : {}) } satisfies ToWebview);
        this.post(true);
        return;
      case 'filter':
        this.state = { ...this.state, tab: msg.tab, filters: { ...this.state.filters, [msg.tab]: msg.filters } };
        return;
      case 'open':
        void this.open(msg.file, msg.line);
        return;
      case 'error':
        console.error(`[opsbook dashboard] ${msg.message}`);
        return;
      default:
        assertNever(msg);
    }
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.panel.visible && this.webviewReady) this.post(false);
    }, UPDATE_DEBOUNCE_MS);
  }

  /** Builds the data and posts it; after `ready` the state goes along so the webview and the host agree. */
  private post(withState: boolean): void {
    if (this.disposed) return;
    const model = this.model();
    let msg: ToWebview;
    if (!model) {
      msg = { type: 'error', message: vscode.l10n.t('This folder is no longer part of the workspace; close the dashboard.') };
    } else {
      try {
        const data = buildDashboard(model.workspace, { title: model.folder.name, generatedAt: new Date().toISOString() });
        msg = withState ? { type: 'update', data, state: this.state } : { type: 'update', data };
      } catch (err) {
        msg = { type: 'error', message: vscode.l10n.t('Could not build the dashboard: {0}', err instanceof Error ? err.message : String(err)) };
      }
    }
    void this.panel.webview.postMessage(msg);
  }

  /** Click-through: only workspace-relative paths that stay inside this folder are opened. */
  private async open(file: string, line: number): Promise<void> {
    const model = this.model();
    const rel = safeRelativePath(file);
    const uri = model && rel ? model.uriOf(rel) : undefined;
    if (!model || !rel || !uri || model.relativePath(uri) !== rel) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Opsbook: not opening "{0}": it is not a file of this workspace folder.', file));
      return;
    }
    const pos = new vscode.Position(Math.max(0, Math.floor(line) - 1), 0);
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    try {
      await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), viewColumn: column, preview: true });
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Opsbook: cannot open {0}: {1}', rel, err instanceof Error ? err.message : String(err)));
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    for (const l of this.disposeListeners.splice(0)) l();
  }
}
