import * as vscode from 'vscode';
import { documentHost, renderPage } from '../webviewPage';
import { isFromGrid, itemLists, safeRelativePath, type ToGrid } from '../../core';
import type { Feature, FolderModel, ModelHub } from '../api';
import { GridSession } from './session';

export const OPEN_AS_TABLE_COMMAND = 'opsbook.openAsTable';
const TABLE_VIEW_TYPE = 'opsbook.table';
const UPDATE_DEBOUNCE_MS = 250;

/**
 * *Opsbook: Open as Table*: the records of a list- or map-layout file, or of a kind across
 * files, in an editable grid. From a file (editor title, explorer, palette with a record file
 * active), from a register's row or one of its records in the Registers view, or by picking a kind.
 */
export const activateTables: Feature = (context, hub) => {
  const tables = new Map<string, TablePanel>();
  const root = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_AS_TABLE_COMMAND, async (arg?: unknown) => {
      await hub.ready;
      const target = await pickSource(hub, arg);
      if (!target) return;
      const key = `${target.model.folder.uri.toString()}\0${target.kind}\0${target.file ?? ''}\0${target.field ?? ''}`;
      const open = tables.get(key);
      if (open) return open.reveal();
      const name = target.file?.split('/').pop() ?? target.file ?? '';
      const title = target.field
        ? vscode.l10n.t('Table: {0} · {1}', name, target.field)
        : target.file
          ? vscode.l10n.t('Table: {0}', name)
          : vscode.l10n.t('Table: all {0}', target.kind);
      const panel = vscode.window.createWebviewPanel(TABLE_VIEW_TYPE, title, vscode.ViewColumn.Active, {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [root],
      });
      const source = { kind: target.kind, ...(target.file ? { file: target.file } : {}), ...(target.field ? { field: target.field } : {}) };
      const t = new TablePanel(panel, target.model, hub, root, source);
      tables.set(key, t);
      t.onDidDispose(() => tables.delete(key));
    }),
    { dispose: () => [...tables.values()].forEach((t) => t.dispose()) },
  );
};

interface Target {
  model: FolderModel;
  kind: string;
  file?: string;
  field?: string;
}

/** The source from the command's argument (a file URI, a register row) or the active editor, else a pick of the kinds with records. */
async function pickSource(hub: ModelHub, arg: unknown): Promise<Target | undefined> {
  // A register's top row, or one of its records (Registers view): all records of that kind.
  const node = arg as { register?: { folder?: unknown; kind?: unknown }; entity?: { folder?: unknown; kind?: unknown } } | undefined;
  const register = node?.register ?? node?.entity;
  if (register && typeof register.kind === 'string') {
    const model = hub.models().find((m) => m.folder.uri.toString() === register.folder);
    if (model) return { model, kind: register.kind };
  }
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  const model = uri ? hub.modelFor(uri) : hub.models().length === 1 ? hub.models()[0] : undefined;
  if (uri && model) {
    const file = model.relativePath(uri);
    const kinds = file
      ? [
          ...new Set(
            model.workspace
              .entitiesIn(file)
              .filter((e) => !e.parent)
              .map((e) => e.kind),
          ),
        ]
      : [];
    const layout = kinds[0] !== undefined ? model.workspace.kindConfig(kinds[0])?.layout : undefined;
    if (file && kinds.length === 1 && (layout === 'list' || layout === 'map')) return { model, kind: kinds[0]!, file };
    if (file && kinds.length === 1 && layout === 'single') {
      // One record with lists of mappings (an inventory's stock lines): its list as rows.
      const lists = itemLists(model.workspace, kinds[0]!);
      const field =
        lists.length === 1
          ? lists[0]!.field
          : await vscode.window.showQuickPick(
              lists.map((l) => l.field),
              { placeHolder: vscode.l10n.t('Which list of {0} as a table?', file) },
            );
      if (field) return { model, kind: kinds[0]!, file, field };
      if (lists.length > 1) return undefined;
    }
    if (arg instanceof vscode.Uri && file && kinds.length === 1) return { model, kind: kinds[0]! };
  }
  const models = hub.models();
  if (models.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Opsbook: no Opsbook folder is open, so there is no table to show.'));
    return undefined;
  }
  const items = models.flatMap((m) => {
    const counts = new Map<string, number>();
    for (const e of m.workspace.entities()) if (!e.parent) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
    return [...counts]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([kind, n]) => ({ label: kind, description: models.length > 1 ? `${m.folder.name} · ${n}` : String(n), model: m, recordKind: kind }));
  });
  const choice = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Open which records as a table?') });
  return choice ? { model: choice.model, kind: choice.recordKind } : undefined;
}

class TablePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeListeners: (() => void)[] = [];
  private readonly session: GridSession;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly model: FolderModel,
    hub: ModelHub,
    private readonly root: vscode.Uri,
    source: { kind: string; file?: string; field?: string },
  ) {
    const folderKey = model.folder.uri.toString();
    this.session = new GridSession(
      {
        ...documentHost(model, hub),
        post: (msg: ToGrid) => void this.panel.webview.postMessage(msg),
        askId: (proposed, validate) =>
          Promise.resolve(
            vscode.window.showInputBox({
              title: source.field ? vscode.l10n.t('New line in {0}', source.field) : vscode.l10n.t('New {0}', source.kind),
              prompt: source.field ? vscode.l10n.t('First field of the new line') : vscode.l10n.t('Id of the new record'),
              ...(proposed !== undefined ? { value: proposed, valueSelection: [0, proposed.length] as [number, number] } : {}),
              validateInput: validate,
            }),
          ),
        confirm: async (message, action) => (await vscode.window.showWarningMessage(message, { modal: true }, action)) === action,
        open: (file, line) => this.open(file, line),
        ...(vscode.l10n.bundle ? { bundle: vscode.l10n.bundle } : {}),
      },
      source,
    );
    this.render();
    // The table is built while the webview starts; the page's `ready` gets it at once.
    const prepare = setTimeout(() => {
      if (!this.disposed) this.session.prepare();
    }, 0);
    this.disposables.push(
      { dispose: () => clearTimeout(prepare) },
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isFromGrid(m)) void this.session.handle(m);
      }),
      panel.onDidDispose(() => this.dispose()),
      hub.onDidChange((m) => {
        if (m.folder.uri.toString() !== folderKey) return;
        this.session.modelChanged();
        this.schedule();
      }),
    );
  }

  reveal(): void {
    this.panel.reveal();
  }

  onDidDispose(listener: () => void): void {
    this.disposeListeners.push(listener);
  }

  private render(): void {
    const webview = this.panel.webview;
    renderPage(webview, this.root, 'table', 'Opsbook Table', vscode.l10n.t('Loading the table…'));
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.disposed) this.session.refresh();
    }, UPDATE_DEBOUNCE_MS);
  }

  private async open(file: string, line: number): Promise<void> {
    const rel = safeRelativePath(file);
    if (!rel) return;
    const pos = new vscode.Position(Math.max(0, line - 1), 0);
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(this.model.uriOf(rel), { selection: new vscode.Range(pos, pos), viewColumn: column, preview: true });
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
