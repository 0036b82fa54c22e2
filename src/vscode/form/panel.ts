import * as vscode from 'vscode';
import { documentHost, renderPage } from '../webviewPage';
import { assertNever, isFromForm, type Entity, type FromForm, type ToForm } from '../../core';
import type { Feature, FolderModel, ModelHub } from '../api';
import { FormSession, type RecordTarget } from './session';
import { FormCodeLens } from './codeLens';
import { EDIT_AS_FORM_COMMAND } from './commandIds';

export { EDIT_AS_FORM_COMMAND };

export const FORM_VIEW_TYPE = 'opsbook.recordForm';
const REFRESH_DEBOUNCE_MS = 150;

/**
 * *Opsbook: Edit as Form*: a webview per record, from a CodeLens above each record, the context
 * menu of the Plans / Registers / Documents views, or the command palette (the record at the
 * cursor). Each change is one `WorkspaceEdit` computed by the core's write layer.
 */
export const activateRecordForms: Feature = (context, hub) => {
  const forms = new RecordForms(context.extensionUri, hub);
  context.subscriptions.push(
    forms,
    vscode.commands.registerCommand(EDIT_AS_FORM_COMMAND, (...args: unknown[]) => forms.openFromArgs(args)),
    vscode.languages.registerCodeLensProvider(
      [
        { language: 'yaml', scheme: 'file' },
        { language: 'markdown', scheme: 'file' },
      ],
      new FormCodeLens(hub),
    ),
  );
};

function isRecordArg(v: unknown): v is { kind: string; id: string } {
  return !!v && typeof v === 'object' && typeof (v as { kind?: unknown }).kind === 'string' && typeof (v as { id?: unknown }).id === 'string';
}

class RecordForms implements vscode.Disposable {
  private readonly panels = new Map<string, RecordFormPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly hub: ModelHub,
  ) {}

  /** `(uri, kind, id)` from a CodeLens, a tree row (`{ entity: { folder, kind, id } }`), or nothing (the cursor's record). */
  async openFromArgs(args: unknown[]): Promise<void> {
    await this.hub.ready;
    const [first, kind, id] = args;
    if (typeof first === 'string' && typeof kind === 'string' && typeof id === 'string') return this.open(vscode.Uri.parse(first, true), kind, id);
    const row = (first as { entity?: unknown; folder?: unknown } | undefined)?.entity;
    if (isRecordArg(row) && typeof (row as { folder?: unknown }).folder === 'string') {
      return this.open(vscode.Uri.parse((row as unknown as { folder: string }).folder, true), row.kind, row.id);
    }
    const editor = vscode.window.activeTextEditor;
    const model = editor && this.hub.modelFor(editor.document.uri);
    const rel = editor && model?.relativePath(editor.document.uri);
    const entity = rel !== undefined && model ? recordAtLine(model, rel, editor.selection.active.line + 1) : undefined;
    if (!entity || !model) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Opsbook: place the cursor in a record (a list item, a map entry, a record file or front matter) to edit it as a form.'),
      );
      return;
    }
    return this.openEntity(model, entity);
  }

  async open(uri: vscode.Uri, kind: string, id: string): Promise<void> {
    const model = this.hub.modelFor(uri) ?? this.hub.models().find((m) => m.folder.uri.toString() === uri.toString());
    const entity = model?.workspace.get(kind, id);
    if (!model || !entity) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Opsbook: {0} "{1}" was not found.', kind, id));
      return;
    }
    return this.openEntity(model, entity);
  }

  openEntity(model: FolderModel, entity: Entity): void {
    const key = `${model.folder.uri.toString()}\u0000${entity.kind}\u0000${entity.id}`;
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal();
      return;
    }
    const root = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel(FORM_VIEW_TYPE, `${entity.title || entity.id}`, vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [root],
      retainContextWhenHidden: true,
    });
    const target: RecordTarget = { kind: entity.kind, id: entity.id, file: entity.file, doc: entity.doc, path: [...entity.path] };
    const p = new RecordFormPanel(panel, model, this.hub, root, target, (open) => void this.openFromArgs(open));
    this.panels.set(key, p);
    p.onDidDispose(() => this.panels.delete(key));
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
  }
}

/** The innermost record whose lines start at or above `line` in the file. */
export function recordAtLine(model: FolderModel, rel: string, line: number): Entity | undefined {
  let best: Entity | undefined;
  let bestLine = 0;
  for (const e of model.workspace.entitiesIn(rel)) {
    const start = model.workspace.entityRange(e).start.line;
    if (start <= line && start >= bestLine) {
      best = e;
      bestLine = start;
    }
  }
  return best;
}

class RecordFormPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeListeners: (() => void)[] = [];
  private readonly session: FormSession;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  private disposed = false;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly model: FolderModel,
    hub: ModelHub,
    private readonly root: vscode.Uri,
    target: RecordTarget,
    private readonly openOther: (args: unknown[]) => void,
  ) {
    this.session = new FormSession(
      {
        ...documentHost(model, hub),
        post: (msg) => this.post(msg),
      },
      target,
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
    renderPage(webview, this.root, 'form', 'Opsbook Form', vscode.l10n.t('Loading the form…'));
  }

  private post(msg: ToForm): void {
    if (this.disposed || !this.ready) return;
    if (msg.type === 'form') this.panel.title = msg.form.title || msg.form.id;
    void this.panel.webview.postMessage(msg);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.ready) void this.session.refresh();
    }, REFRESH_DEBOUNCE_MS);
  }

  private async onMessage(raw: unknown): Promise<void> {
    if (!isFromForm(raw)) return;
    const msg: FromForm = raw;
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.post({ type: 'init', ...(vscode.l10n.bundle ? { l10n: vscode.l10n.bundle } : {}) });
        await this.session.refresh();
        return;
      case 'change':
        await this.session.change(msg);
        return;
      case 'openRecord':
        this.openOther([this.model.folder.uri.toString(), msg.kind, msg.id]);
        return;
      case 'openText': {
        const entity = this.model.workspace.get(this.session.record.kind, this.session.record.id);
        const line = Math.max(0, (msg.line ?? (entity ? this.model.workspace.entityRange(entity).start.line : 1)) - 1);
        const pos = new vscode.Position(line, 0);
        await vscode.window.showTextDocument(this.model.uriOf(this.session.record.file), {
          selection: new vscode.Range(pos, pos),
          viewColumn: vscode.ViewColumn.One,
        });
        return;
      }
      case 'error':
        console.error(`[opsbook form] ${msg.message}`);
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
