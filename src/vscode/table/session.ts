/**
 * One register table's logic, free of `vscode` so it is tested on plain Node: which records it
 * shows, the query and sort, and how a cell edit or a row added, duplicated or deleted becomes
 * one edit of a document — or is refused, said, and redrawn; never applied to a file the
 * workspace has not read as the editor holds it.
 */
import * as l10n from '@vscode/l10n';
import {
  addRowEdit,
  buildGridTable,
  cellEdit,
  deleteRowEdit,
  duplicateRowEdit,
  editFileText,
  emptyDelta,
  gridDelta,
  gridView,
  proposeNextId,
  type BuiltTable,
  type FromGrid,
  type GridEditResult,
  type GridSort,
  type GridSource,
  type GridTable,
  type ToGrid,
} from '../../core';
import type { DocumentHost } from '../documentHost';

export interface GridSessionHost extends DocumentHost {
  post(msg: ToGrid): void;
  /** Asks for the id of a new row, `proposed` pre-filled; undefined when the user cancels. */
  askId(proposed: string | undefined, validate: (id: string) => string | undefined): Promise<string | undefined>;
  /** Asks before a destructive step; true to go on. */
  confirm(message: string, action: string): Promise<boolean>;
  open(file: string, line: number): Promise<void>;
  /** The UI strings of the display language, sent with the first table. */
  bundle?: Record<string, string>;
}

export class GridSession {
  private built: BuiltTable | undefined;
  private query = '';
  private sort: GridSort | undefined;
  private visible: string[] | undefined;
  private sentBundle = false;
  /** The table the webview holds (what was last sent, and its version); none until it asked (`ready`). */
  private sent: { table: GridTable; version: number } | undefined;
  private prepared: BuiltTable | undefined;
  private version = 0;

  constructor(
    private readonly host: GridSessionHost,
    readonly source: GridSource,
  ) {}

  /**
   * Builds the table before the page asks for it, while the webview starts (seconds in a busy
   * browser), so that `ready` is answered at once; a change of the folder meanwhile drops it
   * (`modelChanged`).
   */
  prepare(): void {
    const ws = this.host.workspace();
    if (ws && (!this.source.file || ws.parsedFile(this.source.file))) this.prepared = buildGridTable(ws, this.source, this.visible);
  }

  /** The folder's model changed: a table built before is out of date. */
  modelChanged(): void {
    this.prepared = undefined;
  }

  /** Rebuilds the table from the workspace and posts it (the webview keeps its scroll and selection). */
  refresh(): void {
    const ws = this.host.workspace();
    if (!ws) {
      this.host.post({ type: 'notice', severity: 'error', message: l10n.t('This folder is no longer part of the workspace; close the table.') });
      return;
    }
    if (this.source.file && !ws.parsedFile(this.source.file)) {
      this.host.post({ type: 'notice', severity: 'error', message: l10n.t('{0} is no longer in the workspace.', this.source.file) });
      return;
    }
    this.built = this.prepared ?? buildGridTable(ws, this.source, this.visible);
    this.prepared = undefined;
    const view = gridView(this.built, this.query, this.sort, ws.config.fiscalYearStart);
    const table = this.built.table;
    // The rows that changed when the change is local; the whole table when its columns changed.
    const delta = this.sent ? gridDelta(this.sent.table, table) : undefined;
    // Nothing the webview shows changed (another file of the folder was edited): nothing to send.
    if (delta && emptyDelta(delta)) return;
    const version = ++this.version;
    let msg: ToGrid;
    if (this.sent && delta) msg = { type: 'rows', base: this.sent.version, version, delta, view, query: this.query };
    else {
      msg = { type: 'table', version, table, view, query: this.query };
      if (!this.sentBundle && this.host.bundle) msg.l10n = this.host.bundle;
      this.sentBundle = true;
    }
    if (this.sort) msg.sort = this.sort;
    this.sent = { table, version };
    this.host.post(msg);
  }

  async handle(msg: FromGrid): Promise<void> {
    switch (msg.type) {
      case 'ready':
        this.sentBundle = false;
        this.sent = undefined;
        this.refresh();
        return;
      case 'query': {
        this.query = String(msg.query).slice(0, 1000);
        this.sort = msg.sort && Number.isInteger(msg.sort.column) ? { column: msg.sort.column, descending: !!msg.sort.descending } : undefined;
        if (!this.built) return this.refresh();
        const ws = this.host.workspace();
        const reply: ToGrid = { type: 'view', view: gridView(this.built, this.query, this.sort, ws?.config.fiscalYearStart), query: this.query };
        if (this.sort) reply.sort = this.sort;
        this.host.post(reply);
        return;
      }
      case 'columns':
        this.visible = Array.isArray(msg.visible) ? msg.visible.map(String) : undefined;
        return;
      case 'edit':
        await this.write(() => cellEdit(this.built!, msg.row, msg.column, String(msg.value), msg.was));
        return;
      case 'add':
      case 'duplicate': {
        const ws = this.host.workspace();
        if (!ws || !this.built) return;
        const row = msg.type === 'duplicate' ? msg.row : undefined;
        if (this.source.field) {
          // Items of a list (stock lines) have no id of their own: a copy is a copy; a new one starts with its first field.
          if (row !== undefined) return this.write(() => duplicateRowEdit(ws, this.built!, row, undefined));
          const first = this.built.columns[0]?.header ?? '';
          const value = await this.host.askId(undefined, (v) => (v.trim() === '' ? l10n.t('Enter the {0} of the new line.', first) : undefined));
          if (value !== undefined) await this.write(() => addRowEdit(ws, this.built!, value.trim()));
          return;
        }
        const kind = this.source.kind;
        const taken = new Set(ws.idsInUse(kind));
        const idPattern = ws.kindConfig(kind)?.idPattern;
        const id = await this.host.askId(proposeNextId([...taken], idPattern !== undefined ? { idPattern } : {}), (v) =>
          v.trim() === ''
            ? l10n.t('Enter an id.')
            : /\s/.test(v.trim())
              ? l10n.t('Ids have no spaces.')
              : taken.has(v.trim())
                ? l10n.t('{0} {1} already exists.', kind, v.trim())
                : undefined,
        );
        if (id === undefined) return;
        await this.write(() => (row !== undefined ? duplicateRowEdit(ws, this.built!, row, id.trim()) : addRowEdit(ws, this.built!, id.trim())));
        return;
      }
      case 'delete': {
        const r = this.built?.records.get(msg.row);
        const row = this.built?.table.rows.find((x) => x.key === msg.row);
        if (!r || !row) return this.refresh();
        const what = this.source.field ?? r.entity.kind;
        const yes = await this.host.confirm(
          l10n.t('Delete {0} "{1}" from {2}? Undo (Ctrl+Z in the file) brings it back.', what, row.id, r.entity.file),
          l10n.t('Delete'),
        );
        if (yes) await this.write(() => deleteRowEdit(this.built!, msg.row));
        return;
      }
      case 'open': {
        const r = this.built?.records.get(msg.row);
        const ws = this.host.workspace();
        if (r && ws) await this.host.open(r.entity.file, ws.rangeOf({ file: r.entity.file, doc: r.entity.doc, path: r.path, part: 'entity' }).start.line);
        return;
      }
    }
  }

  /** Applies one edit if the workspace has read the file as the editor holds it; otherwise says so and redraws. */
  private async write(plan: () => GridEditResult): Promise<void> {
    const ws = this.host.workspace();
    if (!ws || !this.built) return this.refresh();
    const r = plan();
    if (!r.ok) {
      this.host.post({ type: 'notice', severity: r.conflict ? 'warning' : 'error', message: l10n.t('The change was not made: {0}', r.message) });
      if (r.conflict) this.refresh();
      return;
    }
    const doc = await this.host.document(r.write.file);
    if (!doc || ws.parsedFile(r.write.file)?.text !== doc.getText()) {
      this.host.post({
        type: 'notice',
        severity: 'warning',
        message: l10n.t(
          '{0} changed while you were editing, so your change was not applied. The table now shows the file as it is; enter the change again.',
          r.write.file,
        ),
      });
      this.refresh();
      return;
    }
    const result = editFileText(r.write.format, doc.getText(), r.write.doc, r.write.op);
    if (!result.ok) {
      this.host.post({ type: 'notice', severity: 'error', message: l10n.t('The change was not made: {0}', result.message) });
      return;
    }
    if (!(await this.host.apply(r.write.file, result.edit.start, result.edit.end, result.edit.newText))) {
      this.host.post({ type: 'notice', severity: 'error', message: l10n.t('The editor did not accept the change to {0}.', r.write.file) });
      this.refresh();
    }
    // Success: the model hub reads the changed document and the panel refreshes the table.
  }
}
