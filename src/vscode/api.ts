import type * as vscode from 'vscode';
import type { OpsbookWorkspace, SchemaCache } from '../core';

/** The engine of one workspace folder, kept up to date by the model hub. */
export interface FolderModel {
  readonly folder: vscode.WorkspaceFolder;
  readonly workspace: OpsbookWorkspace;
  readonly search: Pick<OpsbookWorkspace, 'search'>;
  /** URI of a workspace-relative posix path of this folder. */
  uriOf(relPath: string): vscode.Uri;
  /** OpsbookWorkspace-relative posix path of a URI inside this folder, else undefined. */
  relativePath(uri: vscode.Uri): string | undefined;
}

/**
 * One model per workspace folder (multi-root). Features read models from here and refresh
 * when `onDidChange` fires (after a file change has been applied, debounced).
 */
export interface ModelHub {
  readonly onDidChange: vscode.Event<FolderModel>;
  /** Resolves when every folder has finished its first load. */
  readonly ready: Promise<void>;
  models(): readonly FolderModel[];
  modelFor(uri: vscode.Uri): FolderModel | undefined;
  /** Compiled schemas shared by the folders (one per extension host). */
  readonly schemas?: SchemaCache;
}

/** A feature module: registers its providers and commands into `context.subscriptions`. */
export type Feature = (context: vscode.ExtensionContext, hub: ModelHub) => void;
