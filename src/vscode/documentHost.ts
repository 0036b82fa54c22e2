import type { WorkspaceModel } from '../core';

/** A file as the editor holds it (open and maybe unsaved, or as read from disk). */
export interface EditorDocument {
  readonly version: number;
  getText(): string;
}

/**
 * How a record form or a register table reads and edits a folder's files (`documentHost` in
 * webviewPage.ts in the editor; a fake in tests). Free of `vscode` so sessions test in mocha.
 */
export interface DocumentHost {
  /** The document of `file` (workspace-relative), opened if needed; undefined when it is gone. */
  document(file: string): Promise<EditorDocument | undefined>;
  /** Replaces `text.slice(start, end)` of `file` as one undoable edit; false when the editor refused it. */
  apply(file: string, start: number, end: number, newText: string): Promise<boolean>;
  /** The folder's workspace model now (it may lag the document by a debounce). */
  workspace(): WorkspaceModel | undefined;
}
