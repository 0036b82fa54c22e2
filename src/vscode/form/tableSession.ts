/**
 * The register table's logic, free of `vscode`: the table is drawn once the workspace has read
 * every open document of it; a cell change is one edit of one file, refused and redrawn when
 * that file changed since the table showed it; the filter runs the search query syntax.
 */
import * as l10n from '@vscode/l10n';
import {
  buildRegisterTable,
  editFileText,
  proposeNextId,
  rowKey,
  type EditOp,
  type RegisterScope,
  type TableChange,
  type ToTable,
  type WorkspaceModel,
} from '../../core';
import type { FormDocument } from './session';

export interface TableSessionHost {
  /** The version of `file`'s open document, or -1 when it is not open (the text on disk). */
  versionOf(file: string): number;
  /** The text of `file`'s open document, undefined when it is not open. */
  openText(file: string): string | undefined;
  /** The document of `file`, opened if needed. */
  document(file: string): Promise<FormDocument | undefined>;
  apply(file: string, start: number, end: number, newText: string): Promise<boolean>;
  workspace(): WorkspaceModel | undefined;
  /** Records matching a search query (SPEC §4 syntax), with what the query could not read. */
  search(query: string, kind: string): { hits: { kind: string; id: string }[]; errors: string[] };
  post(msg: ToTable): void;
}

type Notice = NonNullable<Extract<ToTable, { type: 'table' }>['notice']>;

export class TableSession {
  private versions: Record<string, number> = {};
  private kind = '';
  private pendingNotice: Notice | undefined;

  constructor(
    private readonly host: TableSessionHost,
    readonly scope: RegisterScope,
  ) {}

  /** Posts the table when the model has read every open document it shows; else waits (returns false). */
  refresh(notice?: Notice): boolean {
    if (notice) this.pendingNotice = notice;
    const ws = this.host.workspace();
    if (!ws) return false;
    const table = buildRegisterTable(ws, this.scope);
    const files = new Set(table.rows.map((r) => r.file));
    if ('file' in this.scope) files.add(this.scope.file);
    const versions: Record<string, number> = {};
    for (const f of files) {
      const open = this.host.openText(f);
      if (open !== undefined && open !== ws.parsedFile(f)?.text) return false;
      versions[f] = this.host.versionOf(f);
    }
    this.versions = versions;
    this.kind = table.kind;
    const msg: ToTable = { type: 'table', table, versions };
    if (this.pendingNotice) msg.notice = this.pendingNotice;
    this.pendingNotice = undefined;
    this.host.post(msg);
    return true;
  }

  async change(msg: TableChange): Promise<void> {
    const shown = this.versions[msg.file];
    if (shown === undefined || shown !== msg.version || this.host.versionOf(msg.file) !== msg.version) {
      this.redraw({
        severity: 'warning',
        message: l10n.t(
          '{0} changed while you were editing, so your change was not applied. The table now shows the file as it is; enter the change again.',
          msg.file,
        ),
      });
      return;
    }
    const doc = await this.host.document(msg.file);
    const ws = this.host.workspace();
    if (!doc || !ws) return this.redraw({ severity: 'error', message: l10n.t('The file of this record is no longer in the workspace.') });
    const path = [...msg.entityPath, ...msg.change.path];
    const op: EditOp = msg.change.op === 'delete' ? { op: 'delete', path } : { op: msg.change.op, path, value: msg.change.value };
    const format = ws.parsedFile(msg.file)?.format === 'markdown' ? 'markdown' : 'yaml';
    const doc0 = ws.entitiesIn(msg.file).find((e) => JSON.stringify(e.path) === JSON.stringify(msg.entityPath))?.doc ?? docOfList(ws, msg.file, msg.entityPath);
    const result = editFileText(format, doc.getText(), doc0, op);
    if (!result.ok) return this.redraw({ severity: 'error', message: l10n.t('The change was not made: {0}', result.message) });
    const applied = await this.host.apply(msg.file, result.edit.start, result.edit.end, result.edit.newText);
    if (!applied) return this.redraw({ severity: 'error', message: l10n.t('The editor did not accept the change to {0}.', msg.file) });
    const version = this.host.versionOf(msg.file);
    this.versions[msg.file] = version;
    this.host.post({ type: 'version', file: msg.file, version });
  }

  /** A copy of a record with the next id, appended to its list (or added to its map under that id). */
  async duplicate(msg: { file: string; version: number; entityPath: readonly (string | number)[] }): Promise<void> {
    const ws = this.host.workspace();
    const e = ws?.entitiesIn(msg.file).find((x) => JSON.stringify(x.path) === JSON.stringify(msg.entityPath));
    const parent = msg.entityPath.slice(0, -1);
    const last = msg.entityPath[msg.entityPath.length - 1];
    if (!ws || !e || last === undefined) return this.redraw({ severity: 'error', message: l10n.t('The record to copy is no longer in {0}.', msg.file) });
    const id = proposeNextId(ws.idsInUse(e.kind), { idPattern: ws.kindConfig(e.kind)?.idPattern }) ?? `${e.id}-copy`;
    const copy = structuredClone(e.data);
    if (typeof last === 'number') {
      if (typeof copy['id'] === 'string') copy['id'] = id;
      return this.change({ type: 'change', file: msg.file, version: msg.version, entityPath: parent, change: { op: 'append', path: [], value: copy } });
    }
    return this.change({ type: 'change', file: msg.file, version: msg.version, entityPath: parent, change: { op: 'set', path: [id], value: copy } });
  }

  filter(query: string): void {
    if (query.trim() === '') {
      this.host.post({ type: 'filtered', query, keys: null, errors: [] });
      return;
    }
    const { hits, errors } = this.host.search(query, this.kind);
    this.host.post({ type: 'filtered', query, keys: hits.map((h) => rowKey(h.kind, h.id)), errors });
  }

  private redraw(notice: Notice): void {
    this.versions = {};
    if (!this.refresh(notice)) this.pendingNotice = notice;
  }
}

/** The document of the records under a list or map path (adding a record): that of its first record. */
function docOfList(ws: WorkspaceModel, file: string, listPath: readonly (string | number)[]): number {
  const n = listPath.length;
  return ws.entitiesIn(file).find((e) => e.path.length === n + 1 && listPath.every((s, i) => e.path[i] === s))?.doc ?? 0;
}
