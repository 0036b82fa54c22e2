/**
 * One record form's logic, free of `vscode` so it is tested on plain Node: which record it
 * shows, when the workspace has caught up with the document, and how a change from the form
 * becomes one edit of the document — or is refused and redrawn, never applied to a document
 * that changed since the form showed the value.
 */
import * as l10n from '@vscode/l10n';
import { buildRecordForm, editFileText, formChangeOp, type Entity, type FormChange, type RecordForm, type ToForm, type WorkspaceModel } from '../../core';
import type { DocumentHost } from '../documentHost';

export interface FormSessionHost extends DocumentHost {
  post(msg: ToForm): void;
}

/** Which record: found again by its place in the file, else by kind and id (after an edit above it). */
export interface RecordTarget {
  kind: string;
  id: string;
  file: string;
  doc: number;
  path: (string | number)[];
}

type Notice = NonNullable<Extract<ToForm, { type: 'form' }>['notice']>;

export class FormSession {
  private form: RecordForm | undefined;
  /** The document version the webview's values come from. */
  private shownVersion = -1;
  private pendingNotice: Notice | undefined;

  constructor(
    private readonly host: FormSessionHost,
    private target: RecordTarget,
  ) {}

  get record(): RecordTarget {
    return this.target;
  }

  /** The entity now: same file, document and path and kind; else the same kind and id. */
  private find(ws: WorkspaceModel): Entity | undefined {
    const t = this.target;
    const samePath = ws.entitiesIn(t.file).find((e) => e.kind === t.kind && e.doc === t.doc && JSON.stringify(e.path) === JSON.stringify(t.path));
    return samePath ?? ws.get(t.kind, t.id);
  }

  /**
   * Posts the form if the workspace has read the document's current text; otherwise waits for
   * the next model change (the caller calls `refresh` again then). Returns whether it posted.
   */
  async refresh(notice?: Notice): Promise<boolean> {
    if (notice) this.pendingNotice = notice;
    const ws = this.host.workspace();
    const doc = await this.host.document(this.target.file);
    if (!ws || !doc) {
      this.host.post({ type: 'gone', message: l10n.t('The file of this record is no longer in the workspace.') });
      return true;
    }
    if (ws.parsedFile(this.target.file)?.text !== doc.getText()) return false;
    const entity = this.find(ws);
    if (!entity) {
      this.host.post({ type: 'gone', message: l10n.t('{0} "{1}" is no longer in {2}.', this.target.kind, this.target.id, this.target.file) });
      return true;
    }
    this.target = { kind: entity.kind, id: entity.id, file: entity.file, doc: entity.doc, path: [...entity.path] };
    this.form = buildRecordForm(ws, entity);
    this.shownVersion = doc.version;
    const msg: ToForm = { type: 'form', form: this.form, version: doc.version };
    if (this.pendingNotice) msg.notice = this.pendingNotice;
    this.pendingNotice = undefined;
    this.host.post(msg);
    return true;
  }

  /** A change from the webview: one edit of the document, or a redraw that says why not. */
  async change(msg: FormChange): Promise<void> {
    const doc = await this.host.document(this.target.file);
    if (!doc || !this.form) {
      await this.refresh();
      return;
    }
    if (doc.version !== msg.version || msg.version !== this.shownVersion) {
      await this.redraw({
        severity: 'warning',
        message: l10n.t(
          '{0} changed while you were editing, so your change was not applied. The form now shows the file as it is; enter the change again.',
          this.target.file,
        ),
      });
      return;
    }
    const text = doc.getText();
    const result = editFileText(this.form.format, text, this.target.doc, formChangeOp(this.target.path, msg.change));
    if (!result.ok) {
      await this.redraw({ severity: 'error', message: l10n.t('The change was not made: {0}', result.message) });
      return;
    }
    const applied = await this.host.apply(this.target.file, result.edit.start, result.edit.end, result.edit.newText);
    const after = await this.host.document(this.target.file);
    if (!applied || !after) {
      await this.redraw({ severity: 'error', message: l10n.t('The editor did not accept the change to {0}.', this.target.file) });
      return;
    }
    // The webview already shows the new value; the new version lets its next change through.
    this.shownVersion = after.version;
    this.host.post({ type: 'version', version: after.version });
  }

  /** Redraws from the model, or when the model lags, at its next change (with the notice). */
  private async redraw(notice: Notice): Promise<void> {
    this.shownVersion = -1;
    if (!(await this.refresh(notice))) this.pendingNotice = notice;
  }
}
