import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { assertNever, isFromTable, parseQuery, type FromTable, type RegisterScope, type ToTable } from '../../core';
import type { Feature, FolderModel, ModelHub } from '../api';
import { makeNonce } from '../dashboard/html';
import { EDIT_AS_FORM_COMMAND, OPEN_AS_TABLE_COMMAND } from './commandIds';
import { formHtml } from './html';
import { TableSession } from './tableSession';

const TABLE_VIEW_TYPE = 'opsbook.registerTable';
const REFRESH_DEBOUNCE_MS = 200;
const SEARCH_LIMIT = 1_000_000;

/**
 * *Opsbook: Open as Table*: a list- or map-layout file (the explorer, the editor, a record row
 * of the Registers view), or every record of a kind (picked when nothing else says which).
 */
export const activateRegisterTables: Feature = (context, hub) => {
  const tables = new RegisterTables(context.extensionUri, hub);
  context.subscriptions.push(
    tables,
    vscode.commands.registerCommand(OPEN_AS_TABLE_COMMAND, (...args: unknown[]) => tables.openFromArgs(args)),
  );
};

class RegisterTables implements vscode.Disposable {
  private readonly panels = new Map<string, TablePanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly hub: ModelHub,
  ) {}

  async openFromArgs(args: unknown[]): Promise<void> {
    await this.hub.ready;
    const [first, second, third] = args;
    if (typeof first === 'string' && second === 'kind' && typeof third === 'string') {
      const model = this.hub.models().find((m) => m.folder.uri.toString() === first);
      if (model) return this.open(model, { kind: third });
    }
    const row = (first as { entity?: { folder?: unknown; kind?: unknown; id?: unknown } } | undefined)?.entity;
    if (row && typeof row.folder === 'string' && typeof row.kind === 'string' && typeof row.id === 'string') {
      const model = this.hub.models().find((m) => m.folder.uri.toString() === row.folder);
      const e = model?.workspace.get(row.kind, row.id);
      if (model && e) return this.open(model, { file: e.file });
    }
    const uri = first instanceof vscode.Uri ? first : vscode.window.activeTextEditor?.document.uri;
    const model = uri && this.hub.modelFor(uri);
    const rel = uri && model?.relativePath(uri);
    if (model && rel !== undefined && model.workspace.entitiesIn(rel).some((e) => !e.parent && e.path.length > 0)) return this.open(model, { file: rel });
    return this.pickKind(model ?? this.hub.models()[0]);
  }

  private async pickKind(model: FolderModel | undefined): Promise<void> {
    if (!model) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Opsbook: no Opsbook folder is open.'));
      return;
    }
    const counts = new Map<string, number>();
    for (const e of model.workspace.entities()) if (!e.parent) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
    const choice = await vscode.window.showQuickPick(
      [...counts].sort((a, b) => a[0].localeCompare(b[0])).map(([kind, n]) => ({ label: kind, description: vscode.l10n.t('{0} records', n), kindName: kind })),
      { placeHolder: vscode.l10n.t('Open which kind as a table?') },
    );
    if (choice) this.open(model, { kind: choice.kindName });
  }

  open(model: FolderModel, scope: RegisterScope): void {
    const key = `${model.folder.uri.toString()}\u0000${JSON.stringify(scope)}`;
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal();
      return;
    }
    const root = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const title = 'file' in scope ? vscode.l10n.t('Table: {0}', scope.file.split('/').pop() ?? scope.file) : vscode.l10n.t('Table: all {0}', scope.kind);
    const panel = vscode.window.createWebviewPanel(TABLE_VIEW_TYPE, title, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [root],
      retainContextWhenHidden: true,
    });
    const p = new TablePanel(panel, model, this.hub, root, scope);
    this.panels.set(key, p);
    p.onDidDispose(() => this.panels.delete(key));
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
  }
}

class TablePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeListeners: (() => void)[] = [];
  private readonly session: TableSession;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  private disposed = false;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly model: FolderModel,
    hub: ModelHub,
    private readonly root: vscode.Uri,
    scope: RegisterScope,
  ) {
    const openDoc = (file: string) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === model.uriOf(file).toString());
    const current = () => hub.models().find((m) => m.folder.uri.toString() === model.folder.uri.toString()) ?? model;
    this.session = new TableSession(
      {
        versionOf: (file) => openDoc(file)?.version ?? -1,
        openText: (file) => openDoc(file)?.getText(),
        document: async (file) => {
          try {
            return await vscode.workspace.openTextDocument(model.uriOf(file));
          } catch {
            return undefined;
          }
        },
        apply: async (file, start, end, newText) => {
          const uri = model.uriOf(file);
          const doc = await vscode.workspace.openTextDocument(uri);
          const edit = new vscode.WorkspaceEdit();
          edit.replace(uri, new vscode.Range(doc.positionAt(start), doc.positionAt(end)), newText);
          return vscode.workspace.applyEdit(edit);
        },
        workspace: () => current().workspace,
        search: (query, kind) => {
          const res = current().search.search(query, { kind, limit: SEARCH_LIMIT });
          return { hits: res.results.map((h) => ({ kind: h.kind, id: h.id })), errors: parseQuery(query).errors };
        },
        post: (msg) => this.post(msg),
      },
      scope,
    );
    this.render();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
      hub.onDidChange((m) => {
        if (m.folder.uri.toString() === model.folder.uri.toString()) this.schedule();
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
    webview.html = formHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce((n) => randomBytes(n)),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.root, 'table.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.root, 'table.css')).toString(),
      loading: vscode.l10n.t('Loading the table…'),
    });
  }

  private post(msg: ToTable): void {
    if (this.disposed || !this.ready) return;
    void this.panel.webview.postMessage(msg);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.ready) this.session.refresh();
    }, REFRESH_DEBOUNCE_MS);
  }

  private async onMessage(raw: unknown): Promise<void> {
    if (!isFromTable(raw)) return;
    const msg: FromTable = raw;
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.post({ type: 'init', ...(vscode.l10n.bundle ? { l10n: vscode.l10n.bundle } : {}) });
        this.session.refresh();
        return;
      case 'change':
        await this.session.change(msg);
        return;
      case 'duplicate':
        await this.session.duplicate(msg);
        return;
      case 'filter':
        this.session.filter(msg.query);
        return;
      case 'openRecord':
        await vscode.commands.executeCommand(EDIT_AS_FORM_COMMAND, this.model.folder.uri.toString(), msg.kind, msg.id);
        return;
      case 'error':
        console.error(`[opsbook table] ${msg.message}`);
        return;
      default:
        assertNever(msg);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    for (const l of this.disposeListeners) l();
  }
}
